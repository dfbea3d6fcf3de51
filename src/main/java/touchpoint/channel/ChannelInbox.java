package touchpoint.channel;

import io.micronaut.context.BeanProvider;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import touchpoint.chat.ChatService;
import touchpoint.chat.Transcript;
import touchpoint.chat.TranscriptEvent;
import touchpoint.infra.Ids;
import touchpoint.infra.InvalidRequest;
import touchpoint.infra.NotFound;
import touchpoint.survey.ChannelSurveys;
import touchpoint.survey.ChannelThumbs;

/**
 * Where inbound text from every channel enters the chat core: the same turn as the widget's (bot, clarify, fallback,
 * hand-off, surveys), trusted because the channel's adapter has already authenticated the sender its own way.
 */
@Singleton
public class ChannelInbox {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelInbox.class);
    /** The widget's limit: a channel's customer gets no longer turn than the widget's. */
    public static final int MAX_TEXT = 2000;
    public static final int MAX_KEY = 300;
    /** Message ids the transcript can keep as they are; longer or other ones (a mail's Message-ID) are kept hashed. */
    private static final Pattern PLAIN_MESSAGE_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,100}");

    private final ChannelDirectory channels;
    private final ChannelThreadRepository threads;
    private final ChannelThreads mapping;
    private final ChatService chat;
    private final Transcript transcript;
    private final Ids ids;
    private final Clock clock;
    private final ChannelThumbs thumbs;
    private final ChannelSurveys surveys;
    /** Absent on an instance that delivers nothing. */
    private final BeanProvider<OutboxDispatcher> dispatcher;

    ChannelInbox(ChannelDirectory channels, ChannelThreadRepository threads, ChannelThreads mapping, ChatService chat,
                 Transcript transcript, Ids ids, Clock clock, ChannelThumbs thumbs, ChannelSurveys surveys,
                 BeanProvider<OutboxDispatcher> dispatcher) {
        this.dispatcher = dispatcher;
        this.channels = channels;
        this.threads = threads;
        this.mapping = mapping;
        this.chat = chat;
        this.transcript = transcript;
        this.ids = ids;
        this.clock = clock;
        this.thumbs = thumbs;
        this.surveys = surveys;
    }

    /**
     * A customer's message as the channel received it.
     *
     * @param externalKey the channel's own key of the conversation (thread root, chat id, the client's conversation id)
     * @param messageId the channel's own id of this message: a repeat of it is stored once and answered the same; null
     *     when the channel has none
     * @param locale used when this message starts the conversation; null for the default
     * @param contact what the channel knows of the sender; null or partly null when it knows nothing
     */
    public record Inbound(String channelId, String externalKey, @Nullable String messageId, String text,
                          @Nullable String locale, @Nullable Contact contact) {
    }

    /**
     * @param thread the thread; its contact is read afresh when this message brought contact details, otherwise it is
     *     the contact as this instance last saw it
     * @param started this message opened the conversation
     * @param duplicate the message id was received before: {@code accepted} and {@code replies} are the first ones
     * @param contactChanged this message told more about the contact than the thread knew (a moment to identify them)
     */
    public record Received(ChannelThread thread, boolean started, TranscriptEvent accepted, List<TranscriptEvent> replies,
                           boolean duplicate, boolean contactChanged) {
    }

    /** Runs the customer's turn: opens the conversation for a new thread, then the message goes to the chat core. */
    public Received receive(Inbound in) {
        if (in.text() == null || in.text().isBlank()) {
            throw new InvalidRequest("text", "must not be blank");
        }
        if (in.text().length() > MAX_TEXT) {
            throw new InvalidRequest("text", "must be at most " + MAX_TEXT + " characters");
        }
        Channel channel = channels.enabled(in.channelId());
        Turn turn = new Turn();
        try {
            Opened opened = open(channel, in.externalKey(), in.contact(), in.locale(), turn);
            String text = numberedChoice(opened.thread().conversationId(), in.text());
            ChatService.Sent sent = chat.sendFromChannel(opened.thread().conversationId(), clientMessageId(in.messageId()), text)
                    .orElseThrow(() -> new IllegalStateException("conversation " + opened.thread().conversationId() + " vanished"));
            return new Received(opened.thread(), opened.started(), sent.accepted(), sent.replies(), sent.duplicate(), opened.contactChanged());
        } finally {
            turn.end(channel.id());
        }
    }

    /** Holds the conversation's deliveries from when its id is known until the customer's turn is over. */
    private final class Turn {
        private String conversationId;

        void begin(String id) {
            conversationId = id;
            dispatcher.ifPresent(d -> d.turnStarted(id));
        }

        void end(String channelId) {
            if (conversationId != null) {
                dispatcher.ifPresent(d -> d.turnEnded(conversationId, channelId));
            }
        }
    }

    /**
     * The conversation of a channel's thread, started now if it is new (a conversation the service opens itself, such
     * as an email follow-up to a widget visitor who left a message).
     */
    public ChannelThread open(String channelId, String externalKey, @Nullable Contact contact, @Nullable String locale) {
        return open(channels.enabled(channelId), externalKey, contact, locale, null).thread();
    }

    /**
     * Continues an existing conversation (a widget visitor's offline message) on a channel's thread: the thread maps to
     * it, and its later events are delivered through the channel. Doing it again with the same thread changes nothing.
     */
    public ChannelThread continueOn(String conversationId, String channelId, String externalKey, @Nullable Contact contact) {
        Channel channel = channels.enabled(channelId);
        if (transcript.conversation(conversationId).isEmpty()) {
            throw new touchpoint.chat.ConversationNotFound();
        }
        checkKey(externalKey);
        Contact given = contact == null ? Contact.UNKNOWN : contact;
        ChannelThreadRow.Key key = new ChannelThreadRow.Key(channel.id(), externalKey);
        threads.insertIfAbsent(channel.id(), externalKey, conversationId, write(given), clock.instant());
        ChannelThreadRow row = threads.findById(key).filter(r -> r.conversationId().equals(conversationId))
                .orElseThrow(() -> new touchpoint.infra.Conflict("externalKey",
                        "the thread or the conversation is already mapped to another one"));
        transcript.moveToChannel(conversationId, channel.id(), channel.type());
        return toThread(row);
    }

    /**
     * Thumbs on the bot's answer {@code messageId} (the transcript's message id), pressed in the channel's thread: the
     * widget's rating and, after a thumbs-down, its next answer. Throws {@link touchpoint.infra.Conflict} when the
     * answer was rated already, {@link NotFound} when the thread or the answer does not exist.
     */
    public List<TranscriptEvent> rate(String channelId, String externalKey, String messageId, boolean helpful) {
        return thumbs.rate(existingThread(channelId, externalKey).conversationId(), messageId, helpful);
    }

    /**
     * A survey answer pressed or clicked in the channel's thread ({@code via} {@link ChannelSurveys#VIA_BUTTON} or
     * {@link ChannelSurveys#VIA_LINK}), checked and followed up exactly as the widget's. Throws
     * {@link touchpoint.infra.Conflict} when the question is closed already, {@link InvalidRequest} when it was not
     * asked or the score is off its scale, {@link NotFound} when the thread does not exist.
     */
    public List<TranscriptEvent> answerSurvey(String channelId, String externalKey, String questionId, int score, String via) {
        return surveys.answer(existingThread(channelId, externalKey).conversationId(), questionId, score, via);
    }

    private ChannelThread existingThread(String channelId, String externalKey) {
        channels.enabled(channelId);
        return thread(channelId, externalKey).orElseThrow(() -> new NotFound("No conversation for that thread"));
    }

    /** The channel thread a conversation is; empty for the widget's conversations. */
    public Optional<ChannelThread> thread(String conversationId) {
        return threads.findByConversationId(conversationId).map(this::toThread);
    }

    /** The conversation a channel's thread is, if it has been opened. */
    public Optional<ChannelThread> thread(String channelId, String externalKey) {
        return threads.findById(new ChannelThreadRow.Key(channelId, externalKey)).map(this::toThread);
    }

    private record Opened(ChannelThread thread, boolean started, boolean contactChanged) {
    }

    /** @param turn the customer's turn this opens the thread for, which holds its deliveries; null for none */
    private Opened open(Channel channel, String externalKey, Contact contact, String locale, @Nullable Turn turn) {
        checkKey(externalKey);
        Contact given = contact == null ? Contact.UNKNOWN : contact;
        Optional<ChannelThreads.Known> known = mapping.started(channel.id(), externalKey);
        if (known.isPresent() && Contact.UNKNOWN.equals(given)) {
            // The usual later message of a thread: its conversation exists and there is no contact to merge, so nothing
            // needs reading. A message with contact details reads the row below, since another instance may have
            // changed the contact since.
            if (turn != null) {
                turn.begin(known.get().conversationId());
            }
            return new Opened(known.get().thread(), false, false);
        }
        ChannelThreadRow.Key key = new ChannelThreadRow.Key(channel.id(), externalKey);
        String offered = ids.newId();
        ChannelThreadRow row = threads.findById(key).orElseGet(() -> {
            // The mapping is written before the conversation exists: a second delivery racing this one reads the same
            // id back, and a crash between the two leaves a mapping whose conversation the next message starts.
            threads.insertIfAbsent(channel.id(), externalKey, offered, write(given), clock.instant());
            return threads.findById(key).orElseThrow();
        });
        // A mapping to the id just offered is this message's own: its conversation cannot exist unless a racing delivery
        // started it already, which the start's failure below tells.
        boolean mappedNow = row.conversationId().equals(offered);
        if (turn != null) {
            turn.begin(row.conversationId());
        }
        boolean started = false;
        if (known.isEmpty() && (mappedNow || transcript.conversation(row.conversationId()).isEmpty())) {
            try {
                chat.startOnChannel(row.conversationId(), channel.id(), channel.type(),
                        channel.setting("touchpoint").orElse(channel.type()), locale);
                started = true;
            } catch (RuntimeException e) {
                if (transcript.conversation(row.conversationId()).isEmpty()) {
                    throw e;
                }
                LOG.debug("conversation {} was started by a concurrent delivery", row.conversationId());
            }
        }
        Contact stored = read(row.contact());
        Contact merged = stored.updatedBy(given);
        boolean changed = !merged.equals(stored);
        if (changed) {
            threads.updateContact(channel.id(), externalKey, write(merged), clock.instant());
        }
        ChannelThread thread = new ChannelThread(channel.id(), externalKey, row.conversationId(), merged);
        mapping.startedWith(thread);
        return new Opened(thread, started, changed);
    }

    /** "2." or "#2" after a numbered list of options is the option's value, as pressing its button would send. */
    private String numberedChoice(String conversationId, String text) {
        if (!PlainRendering.looksLikeNumber(text)) {
            return text;
        }
        List<TranscriptEvent> log = transcript.events(conversationId);
        for (int i = log.size() - 1; i >= 0; i--) {
            TranscriptEvent e = log.get(i);
            if (e.author() == touchpoint.chat.Author.CUSTOMER) {
                return text;
            }
            // A survey's scale is also offered as buttons, but its numbers are scores, not positions in a list.
            if (e.survey() != null) {
                return PlainRendering.score(e.survey(), text).map(String::valueOf).orElse(text);
            }
            if (!e.options().isEmpty()) {
                return PlainRendering.choice(e.options(), text).map(touchpoint.chat.Option::value).orElse(text);
            }
        }
        return text;
    }

    private static void checkKey(String externalKey) {
        if (externalKey == null || externalKey.isBlank()) {
            throw new InvalidRequest("externalConversationId", "is required");
        }
        if (externalKey.length() > MAX_KEY) {
            throw new InvalidRequest("externalConversationId", "must be at most " + MAX_KEY + " characters");
        }
    }

    private static String clientMessageId(String messageId) {
        if (messageId == null || messageId.isBlank()) {
            return null;
        }
        return PLAIN_MESSAGE_ID.matcher(messageId).matches() ? messageId : "sha256:" + Ids.hash(messageId);
    }

    private ChannelThread toThread(ChannelThreadRow row) {
        return mapping.toThread(row);
    }

    private String write(Contact contact) {
        return mapping.write(contact);
    }

    private Contact read(String contact) {
        return mapping.contact(contact);
    }
}
