package touchpoint.chat;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Turns events into the {@code payload} column and back. The row's event type says which {@link EventData}
 * record the payload's {@code data} is, so the stored JSON carries no type tag of its own; rows written before
 * events were typed are read through {@link LegacyEventData}.
 */
final class EventCodec {

    private final JsonMapper json;

    EventCodec(JsonMapper json) {
        this.json = json;
    }

    String payload(NewEvent e) {
        try {
            EventPayload payload = new EventPayload(e.text, e.html, e.faqId, e.confidence, e.options, e.survey,
                    e.data == null ? null : json.writeValueToTree(e.data), e.data == null ? null : EventPayload.TYPED);
            return json.writeValueAsString(payload);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * The row's payload as a tombstone: texts written by the customer, by agents, or worded for the customer's
     * question are replaced by {@link EventData#ERASED}; data keeps only what {@link EventData#redacted()} keeps.
     * Legacy rows come back typed.
     */
    String redactedPayload(EventRow row) {
        TranscriptEvent e = event(row);
        boolean personal = e.author() == Author.CUSTOMER || e.author() == Author.AGENT
                || e.kind() == Kind.ANSWER || e.kind() == Kind.CLARIFY || e.kind() == Kind.FALLBACK;
        NewEvent tombstone = e.data() == null ? NewEvent.of(e.type()) : NewEvent.of(e.data().redacted());
        tombstone.text(personal && e.text() != null ? EventData.ERASED : e.text());
        tombstone.html(personal ? null : e.html());
        tombstone.faqId = e.faqId();
        tombstone.confidence = e.confidence();
        tombstone.options(e.options());
        tombstone.survey = e.survey();
        return payload(tombstone);
    }

    /**
     * The event just stored from {@code e}, built from what was written instead of parsing the payload back: reading
     * it back gives the same event ({@code EventDataJsonTest}), and parsing was the larger part of an append.
     */
    TranscriptEvent stored(EventRow row, NewEvent e) {
        return new TranscriptEvent(row.conversationId(), row.seq(), row.messageId(), e.type, e.text, e.html, e.faqId,
                e.confidence, e.options, e.survey, e.data, row.clientMessageId(), row.inReplyTo(), row.createdAt());
    }

    TranscriptEvent event(EventRow row) {
        try {
            EventPayload p = json.readValue(row.payload(), EventPayload.class);
            EventType type = EventType.valueOf(row.eventType());
            return new TranscriptEvent(row.conversationId(), row.seq(), row.messageId(), type,
                    p.text(), p.html(), p.faqId(), p.confidence(), p.options(), p.survey(), data(type, p),
                    row.clientMessageId(), row.inReplyTo(), row.createdAt());
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException("unreadable event " + row.conversationId() + "#" + row.seq(),
                    e instanceof IOException io ? io : new IOException(e));
        }
    }

    private EventData data(EventType type, EventPayload p) throws IOException {
        if (p.data() == null || type.dataType() == null) {
            return null;
        }
        if (p.schema() == null) {
            return LegacyEventData.read(type, json.readValueFromTree(p.data(), Argument.mapOf(String.class, String.class)));
        }
        return json.readValueFromTree(p.data(), type.dataType());
    }
}
