package touchpoint.chat;

import java.util.List;

/**
 * An event about to be appended; the transcript assigns its sequence number, id and time.
 * Built fluently: {@code NewEvent.of(new EventData.BotAnswered(...)).text(body).faq(id, 0.93)}; an event with
 * data takes its type from the data's record, so the two cannot disagree.
 */
public final class NewEvent {

    final EventType type;
    String text;
    String html;
    String faqId;
    Double confidence;
    List<Option> options = List.of();
    SurveyPrompt survey;
    EventData data;
    String clientMessageId;

    private NewEvent(EventType type) {
        this.type = type;
    }

    /** An event that carries only text (or nothing). */
    public static NewEvent of(EventType type) {
        return new NewEvent(type);
    }

    public static NewEvent of(EventData data) {
        NewEvent event = new NewEvent(data.eventType());
        event.data = data;
        return event;
    }

    public NewEvent text(String text) {
        this.text = text;
        return this;
    }

    public NewEvent html(String html) {
        this.html = html;
        return this;
    }

    public NewEvent faq(String faqId, double confidence) {
        this.faqId = faqId;
        this.confidence = confidence;
        return this;
    }

    public NewEvent options(List<Option> options) {
        this.options = List.copyOf(options);
        return this;
    }

    public NewEvent survey(SurveyPrompt survey) {
        this.survey = survey;
        return this;
    }

    public NewEvent clientMessageId(String clientMessageId) {
        this.clientMessageId = clientMessageId;
        return this;
    }

    public EventType type() {
        return type;
    }
}
