package touchpoint.survey;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import touchpoint.chat.ConversationState;
import touchpoint.chat.EventData;
import touchpoint.chat.NewEvent;
import touchpoint.chat.Option;
import touchpoint.chat.SurveyPrompt;
import touchpoint.chat.Transcript;
import touchpoint.chat.TranscriptEvent;

/**
 * Asks, answers, skips and expires survey questions in the transcript.
 *
 * <p>Questions are asked one at a time (CES, then CSAT once CES is answered): in a chat each survey is one
 * bubble the customer can answer by typing a number, and a typed "5" is only unambiguous when exactly one
 * scale is open. A skip ends the survey — the customer declined, asking the next question would nag.
 */
@Singleton
class SurveyFlow {

    static final String SKIP = "Skip";
    private static final Logger LOG = LoggerFactory.getLogger(SurveyFlow.class);

    private final Transcript transcript;
    private final SurveyConfig config;

    SurveyFlow(Transcript transcript, SurveyConfig config) {
        this.transcript = transcript;
        this.config = config;
    }

    /**
     * Starts the survey when the rule samples this conversation, no survey was ever asked in it, and nobody
     * is waiting for or talking to an agent. {@code stillDue} re-checks, under the lock, that what triggered
     * the rule still holds.
     */
    Optional<TranscriptEvent> start(String conversationId, SurveyRule rule, Predicate<ConversationState> stillDue) {
        List<SurveyConfig.Question> questions = config.enabledQuestions();
        if (!config.enabled() || questions.isEmpty() || !rule.samples(conversationId, config)) {
            return Optional.empty();
        }
        return transcript.write(conversationId, session -> {
            ConversationState state = session.state();
            if (!state.surveysAsked().isEmpty() || !state.status().botMaySpeak() || !stillDue.test(state)) {
                return null;
            }
            TranscriptEvent asked = session.append(ask(questions.get(0), rule.key()));
            LOG.info("survey started conversation={} rule={} question={}", conversationId, rule.key(), questions.get(0).id());
            return asked;
        }).map(Transcript.Written::value);
    }

    /** The question pending in this conversation, as it was asked. */
    Optional<AskedQuestion> pending(Transcript.Session session) {
        return session.state().pendingSurveyQuestion()
                .flatMap(id -> AskedQuestion.find(transcript.events(session.state().conversationId()), id));
    }

    Optional<AskedQuestion> asked(Transcript.Session session, String questionId) {
        return AskedQuestion.find(transcript.events(session.state().conversationId()), questionId);
    }

    /** Records an answer, then asks the next enabled question or thanks the customer. */
    List<TranscriptEvent> answer(Transcript.Session session, Long inReplyTo, AskedQuestion question, int score,
                                 String comment, String via) {
        ConversationState state = session.state();
        String conversationId = state.conversationId();
        String agentId = state.agentId().orElseGet(() -> lastAgent(conversationId));
        List<TranscriptEvent> out = new ArrayList<>();
        out.add(session.append(NewEvent.of(new EventData.SurveyAnswered(question.questionId(), question.type().name(), score,
                comment == null || comment.isBlank() ? null : comment.strip(), agentId, state.lastAnsweredFaqId().orElse(null),
                session.touchpoint(), question.rule(), via)), inReplyTo));
        Optional<SurveyConfig.Question> next = config.enabledQuestions().stream()
                .filter(q -> !state.surveysAsked().contains(q.id()))
                .findFirst();
        if (next.isPresent()) {
            out.add(session.append(ask(next.get(), question.rule()), inReplyTo));
        } else {
            out.add(session.append(NewEvent.of(EventData.SystemNotice.of(EventData.SystemNotice.SURVEY_THANKS))
                    .text("Thank you for your feedback!"), inReplyTo));
        }
        return out;
    }

    /** Closes the pending question without a score; {@code reason} is skip (pressed or typed) or moved_on. */
    TranscriptEvent skip(Transcript.Session session, Long inReplyTo, AskedQuestion question, String reason) {
        return session.append(NewEvent.of(new EventData.SurveySkipped(question.questionId(), question.type().name(), reason)),
                inReplyTo);
    }

    /** Closes the pending question, if any, as skipped for {@code reason}. */
    Optional<TranscriptEvent> closePending(String conversationId, String reason) {
        return transcript.write(conversationId, session -> pending(session)
                .map(question -> skip(session, null, question, reason))
                .orElse(null)).map(Transcript.Written::value);
    }

    /** Closes a question nobody answered in time; a no-op when it was answered meanwhile. */
    Optional<TranscriptEvent> expire(String conversationId, String questionId) {
        return transcript.write(conversationId, session -> {
            if (!session.state().pendingSurveyQuestion().map(questionId::equals).orElse(false)) {
                return null;
            }
            AskedQuestion asked = asked(session, questionId).orElse(null);
            return session.append(NewEvent.of(new EventData.SurveyExpired(questionId, asked == null ? null : asked.type().name())));
        }).map(Transcript.Written::value);
    }

    NewEvent ask(SurveyConfig.Question question, String rule) {
        SurveyType type = question.type();
        List<Option> options = new ArrayList<>();
        for (int v = type.min(); v <= type.max(); v++) {
            options.add(new Option(String.valueOf(v), String.valueOf(v)));
        }
        options.add(new Option(SKIP, SKIP));
        return NewEvent.of(new EventData.SurveyAsked(question.id(), type.name(), rule))
                .text(config.wordingOf(question))
                .survey(new SurveyPrompt(question.id(), type.name(), type.min(), type.max()))
                .options(options);
    }

    /** After resolution the state no longer names the agent, so the transcript's last AGENT_JOINED does. */
    private String lastAgent(String conversationId) {
        List<TranscriptEvent> events = transcript.events(conversationId);
        for (int i = events.size() - 1; i >= 0; i--) {
            Optional<String> agent = events.get(i).data(EventData.AgentJoined.class).map(EventData.AgentJoined::agentId);
            if (agent.isPresent()) {
                return agent.get();
            }
        }
        return null;
    }
}
