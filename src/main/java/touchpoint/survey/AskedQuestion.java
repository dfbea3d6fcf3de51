package touchpoint.survey;

import java.util.List;
import java.util.Optional;
import touchpoint.chat.EventData;
import touchpoint.chat.EventType;
import touchpoint.chat.TranscriptEvent;

/**
 * A survey question as it was asked in one conversation. The scale comes from the stored event, not from the
 * current configuration, so changing the configuration never invalidates a question already on screen.
 */
record AskedQuestion(String questionId, SurveyType type, int min, int max, String rule, long seq) {

    boolean accepts(int score) {
        return score >= min && score <= max;
    }

    static Optional<AskedQuestion> find(List<TranscriptEvent> events, String questionId) {
        for (int i = events.size() - 1; i >= 0; i--) {
            TranscriptEvent e = events.get(i);
            if (e.is(EventType.SURVEY_ASKED) && e.survey() != null && e.survey().questionId().equals(questionId)) {
                return Optional.of(new AskedQuestion(questionId, SurveyType.valueOf(e.survey().type()),
                        e.survey().min(), e.survey().max(),
                        e.data(EventData.SurveyAsked.class).map(EventData.SurveyAsked::rule).orElse(""), e.seq()));
            }
        }
        return Optional.empty();
    }
}
