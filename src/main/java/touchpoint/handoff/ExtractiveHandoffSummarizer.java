package touchpoint.handoff;

import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import touchpoint.chat.EventData;
import touchpoint.chat.TranscriptEvent;

/** Picks the facts out of the transcript; {@link LlmHandoffSummarizer} words them when a model is configured. */
@Singleton
@Secondary
class ExtractiveHandoffSummarizer implements HandoffSummarizer {

    private static final int MAX_QUESTIONS = 10;

    @Override
    public HandoffSummary summarize(List<TranscriptEvent> transcript) {
        List<String> questions = new ArrayList<>();
        List<HandoffSummary.FaqTried> tried = new ArrayList<>();
        List<HandoffSummary.Rating> ratings = new ArrayList<>();
        List<HandoffSummary.SurveyAnswer> surveys = new ArrayList<>();
        String reason = null;
        String team = null;
        // The question the hand-off is about: the last one the bot tried to answer or, failing that, the last
        // one before the hand-off that was not the request for a person itself.
        String headline = null;
        String attempted = null;
        boolean personFirst = false;
        for (TranscriptEvent e : transcript) {
            switch (e.type()) {
                case CUSTOMER_ASKED, OFFLINE_MESSAGE_LEFT -> {
                    if (e.text() != null && !e.text().isBlank()) {
                        questions.add(e.text());
                    }
                }
                case BOT_ANSWERED -> {
                    Optional<EventData.BotAnswered> answered = e.data(EventData.BotAnswered.class);
                    tried.add(new HandoffSummary.FaqTried(e.faqId(), answered.map(EventData.BotAnswered::title).orElse(null),
                            e.confidence(), "answered", answered.map(EventData.BotAnswered::question).orElse(null)));
                    attempted = answered.map(EventData.BotAnswered::question).orElse(attempted);
                }
                case BOT_CLARIFIED -> {
                    e.data(EventData.BotClarified.class).ifPresent(c -> candidates(c.candidates(), c.question(), c.confidence(), "offered", tried));
                    attempted = e.data(EventData.BotReply.class).map(EventData.BotReply::question).orElse(attempted);
                }
                case BOT_FELL_BACK -> {
                    e.data(EventData.BotFellBack.class).ifPresent(f -> candidates(f.candidates(), f.question(), f.confidence(), "considered", tried));
                    attempted = e.data(EventData.BotReply.class).map(EventData.BotReply::question).orElse(attempted);
                }
                case ANSWER_RATED -> e.data(EventData.AnswerRated.class).ifPresent(r ->
                        ratings.add(new HandoffSummary.Rating(r.faqId(), r.helpful(), r.via())));
                case SURVEY_ANSWERED -> e.data(EventData.SurveyAnswered.class).ifPresent(a ->
                        surveys.add(new HandoffSummary.SurveyAnswer(a.questionId(), String.valueOf(a.score()), a)));
                case HANDOFF_REQUESTED -> {
                    Optional<EventData.HandoffRequested> requested = e.data(EventData.HandoffRequested.class);
                    reason = requested.map(EventData.HandoffRequested::reason).orElse(null);
                    team = requested.map(EventData.HandoffRequested::team).orElse(null);
                    int asked = Escalations.CUSTOMER_REQUEST.equals(reason) ? questions.size() - 2 : questions.size() - 1;
                    headline = attempted != null ? attempted : asked >= 0 ? questions.get(asked) : headline;
                    personFirst = headline == null && Escalations.CUSTOMER_REQUEST.equals(reason);
                }
                case CONVERSATION_TRANSFERRED -> team = e.data(EventData.ConversationTransferred.class)
                        .map(EventData.ConversationTransferred::team).orElse(team);
                default -> {
                }
            }
        }
        List<String> recent = questions.size() > MAX_QUESTIONS ? questions.subList(questions.size() - MAX_QUESTIONS, questions.size()) : questions;
        String about = headline != null || personFirst ? headline : questions.isEmpty() ? null : questions.get(questions.size() - 1);
        return new HandoffSummary(text(about, personFirst, questions.size(), tried, ratings, reason), reason, team,
                List.copyOf(recent), tried, ratings, surveys, false);
    }

    private static void candidates(List<String> ids, String question, Double confidence, String outcome,
                                   List<HandoffSummary.FaqTried> tried) {
        boolean first = true;
        for (String id : ids) {
            if (!id.isBlank()) {
                // Only the top candidate's confidence is recorded on clarify and fallback events.
                tried.add(new HandoffSummary.FaqTried(id, null, first ? confidence : null, outcome, question));
                first = false;
            }
        }
    }

    private static String text(String about, boolean personFirst, int messages, List<HandoffSummary.FaqTried> tried,
                               List<HandoffSummary.Rating> ratings, String reason) {
        StringBuilder b = new StringBuilder();
        if (personFirst) {
            b.append("The customer asked for a person before asking anything");
            if (messages > 1) {
                b.append(" (").append(messages).append(" messages in all)");
            }
            b.append('.');
        } else if (about == null) {
            b.append("The customer has not asked anything yet.");
        } else {
            b.append("The customer asked: \"").append(about).append('"');
            if (messages > 1) {
                b.append(" (").append(messages).append(" messages in all)");
            }
            b.append('.');
        }
        long answered = tried.stream().filter(t -> t.outcome().equals("answered")).count();
        long notHelpful = ratings.stream().filter(r -> !r.helpful()).count();
        b.append(" The bot answered ").append(answered).append(answered == 1 ? " time" : " times");
        if (notHelpful > 0) {
            b.append("; ").append(notHelpful).append(" answer").append(notHelpful == 1 ? " was" : "s were").append(" rated unhelpful");
        }
        b.append('.');
        if (reason != null) {
            b.append(" Handed over because: ").append(reason.replace('_', ' ').toLowerCase(Locale.ROOT)).append('.');
        }
        return b.toString();
    }
}
