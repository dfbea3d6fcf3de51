package touchpoint.chat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An event about to be appended; the transcript assigns its sequence number, id and time.
 * Built fluently: {@code NewEvent.of(BOT_ANSWERED).text(body).faq(id, 0.93)}.
 */
public final class NewEvent {

    final EventType type;
    String text;
    String html;
    String faqId;
    Double confidence;
    List<Option> options = List.of();
    SurveyPrompt survey;
    final Map<String, String> data = new HashMap<>();
    String clientMessageId;

    private NewEvent(EventType type) {
        this.type = type;
    }

    public static NewEvent of(EventType type) {
        return new NewEvent(type);
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

    public NewEvent data(String key, Object value) {
        if (value != null) {
            data.put(key, String.valueOf(value));
        }
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
