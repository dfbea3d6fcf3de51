package touchpoint.survey;

import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import touchpoint.chat.ConversationState;
import touchpoint.chat.CustomerTurn;
import touchpoint.chat.CustomerTurnHandler;
import touchpoint.chat.EventData;
import touchpoint.chat.NewEvent;

/**
 * While a survey question is open, a typed (or pressed) number answers it and "Skip" skips it. Runs before
 * every other handler and in any status: a survey after resolution is answered in a RESOLVED conversation.
 * Anything else means the customer moved on: the question is closed as skipped and the message goes on to the
 * bot, so a later "2" meant for a clarify question is not taken as a score.
 */
@Singleton
class SurveyAnswerHandler implements CustomerTurnHandler {

    static final int ORDER = 50;

    /** A score, optionally followed by a comment: "4", "4 - quick and friendly", "10!". */
    private static final Pattern SCORE = Pattern.compile("(\\d{1,3})(?!\\d|[.,]\\d)(?:\\s*[-–:,.!)/]*\\s*(.*))?", Pattern.DOTALL);
    /** "4.5" is an attempt at a score, not a new question: ask again rather than pass it to the bot. */
    private static final Pattern DECIMAL = Pattern.compile("\\d{1,2}[.,]\\d+");

    private final SurveyFlow flow;

    SurveyAnswerHandler(SurveyFlow flow) {
        this.flow = flow;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public boolean handle(CustomerTurn turn) {
        Optional<AskedQuestion> pending = flow.pending(turn.session());
        if (pending.isEmpty()) {
            return false;
        }
        AskedQuestion question = pending.get();
        String text = turn.text().strip();
        long inReplyTo = turn.message().seq();
        if (text.equalsIgnoreCase(SurveyFlow.SKIP)) {
            flow.skip(turn.session(), inReplyTo, question, "skip");
            return true;
        }
        if (DECIMAL.matcher(text).matches()) {
            reprompt(turn, question);
            return true;
        }
        Matcher m = SCORE.matcher(text);
        if (!m.matches()) {
            flow.skip(turn.session(), inReplyTo, question, "moved_on");
            return false;
        }
        int score = Integer.parseInt(m.group(1));
        if (!question.accepts(score)) {
            reprompt(turn, question);
            return true;
        }
        // Only CSAT invites a comment; trailing words after another scale ("7 out of 7") are not feedback text.
        String comment = question.type() == SurveyType.CSAT ? m.group(2) : null;
        flow.answer(turn.session(), inReplyTo, question, score, comment, "chat");
        return true;
    }

    /** A pending question takes the message when it reads as an answer: Skip, a number, or an attempt at one. */
    @Override
    public boolean mayTake(ConversationState state, String text) {
        String t = text.strip();
        return state.pendingSurveyQuestion().isPresent()
                && (t.equalsIgnoreCase(SurveyFlow.SKIP) || DECIMAL.matcher(t).matches() || SCORE.matcher(t).matches());
    }

    private static void reprompt(CustomerTurn turn, AskedQuestion question) {
        turn.reply(NewEvent.of(EventData.SystemNotice.of(EventData.SystemNotice.SURVEY_OUT_OF_RANGE))
                .text("Please answer with a whole number from " + question.min() + " to " + question.max() + ", or Skip."));
    }
}
