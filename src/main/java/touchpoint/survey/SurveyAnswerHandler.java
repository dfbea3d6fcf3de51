package touchpoint.survey;

import jakarta.inject.Singleton;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import touchpoint.chat.ConversationState;
import touchpoint.chat.CustomerTurn;
import touchpoint.chat.CustomerTurnHandler;
import touchpoint.chat.EventData;
import touchpoint.chat.NewEvent;
import touchpoint.chat.TurnDecision;
import touchpoint.chat.TurnStep;

/**
 * While a survey question is open, a typed (or pressed) number answers it and "Skip" skips it. A survey after
 * resolution is answered in a RESOLVED conversation, where the bot may speak again; while people own or await the
 * conversation the earlier hand-off step takes every message (see {@link TurnStep}). Anything else means the
 * customer moved on: the question is closed as skipped and the message goes on to the later steps, so a later "2"
 * meant for a clarify question is not taken as a score.
 */
@Singleton
class SurveyAnswerHandler implements CustomerTurnHandler {

    /** A score, optionally followed by a comment: "4", "4 - quick and friendly", "10!". */
    private static final Pattern SCORE = Pattern.compile("(\\d{1,3})(?!\\d|[.,]\\d)(?:\\s*[-–:,.!)/]*\\s*(.*))?", Pattern.DOTALL);
    /** "4.5" is an attempt at a score, not a new question: ask again rather than pass it to the bot. */
    private static final Pattern DECIMAL = Pattern.compile("\\d{1,2}[.,]\\d+");

    private final SurveyFlow flow;

    SurveyAnswerHandler(SurveyFlow flow) {
        this.flow = flow;
    }

    @Override
    public TurnStep step() {
        return TurnStep.SURVEY_ANSWER;
    }

    /** A pending question takes the message when it reads as an answer: Skip, a number, or an attempt at one. */
    @Override
    public TurnDecision decide(ConversationState state, String text) {
        if (state.pendingSurveyQuestion().isEmpty()) {
            return TurnDecision.pass();
        }
        String answer = text.strip();
        if (answer.equalsIgnoreCase(SurveyFlow.SKIP)) {
            return TurnDecision.take(turn -> flow.skip(turn.session(), turn.message().seq(), pending(turn), "skip"));
        }
        if (DECIMAL.matcher(answer).matches()) {
            return TurnDecision.take(turn -> reprompt(turn, pending(turn)));
        }
        Matcher m = SCORE.matcher(answer);
        if (!m.matches()) {
            return TurnDecision.passAfter(turn -> flow.skip(turn.session(), turn.message().seq(), pending(turn), "moved_on"));
        }
        int score = Integer.parseInt(m.group(1));
        String trailing = m.group(2);
        return TurnDecision.take(turn -> score(turn, pending(turn), score, trailing));
    }

    private void score(CustomerTurn turn, AskedQuestion question, int score, String trailing) {
        if (!question.accepts(score)) {
            reprompt(turn, question);
            return;
        }
        // Only CSAT invites a comment; trailing words after another scale ("7 out of 7") are not feedback text.
        String comment = question.type() == SurveyType.CSAT ? trailing : null;
        flow.answer(turn.session(), turn.message().seq(), question, score, comment, "chat");
    }

    /** The question the state says is open; its SURVEY_ASKED event is in the same log the state was replayed from. */
    private AskedQuestion pending(CustomerTurn turn) {
        return flow.pending(turn.session()).orElseThrow(() -> new IllegalStateException(
                "Survey question " + turn.state().pendingSurveyQuestion().orElse(null) + " is open but was never asked in "
                        + turn.state().conversationId()));
    }

    private static void reprompt(CustomerTurn turn, AskedQuestion question) {
        turn.reply(NewEvent.of(EventData.SystemNotice.of(EventData.SystemNotice.SURVEY_OUT_OF_RANGE))
                .text("Please answer with a whole number from " + question.min() + " to " + question.max() + ", or Skip."));
    }
}
