package touchpoint.chat;

import jakarta.inject.Singleton;
import java.util.Locale;

/**
 * "That didn't help" is a thumbs-down in words: record it, then try the same question again without the
 * rejected answer, which moves on to the next candidate or falls back honestly.
 */
@Singleton
class NotHelpfulHandler implements CustomerTurnHandler {

    private final BotReplies replies;
    private final ChatConfig config;

    NotHelpfulHandler(BotReplies replies, ChatConfig config) {
        this.replies = replies;
        this.config = config;
    }

    @Override
    public TurnStep step() {
        return TurnStep.NOT_HELPFUL;
    }

    @Override
    public TurnDecision decide(ConversationState state, String text) {
        return state.status().botMaySpeak() && state.lastAnsweredFaqId().isPresent() && state.lastQuestion().isPresent()
                && saysNotHelpful(text) ? TurnDecision.take(this::rateAndAskAgain) : TurnDecision.pass();
    }

    /** Carried out on the state {@link #decide} took the message in: it has an answered FAQ and its question. */
    private void rateAndAskAgain(CustomerTurn turn) {
        ConversationState state = turn.state();
        turn.reply(EventData.AnswerRated.of(state.lastAnsweredFaqId().get(), state.lastAnswerSeq(), false,
                EventData.AnswerRated.VIA_TEXT));
        replies.answer(turn, state.lastQuestion().get());
    }

    boolean saysNotHelpful(String text) {
        String t = text.toLowerCase(Locale.ROOT).replace('’', '\'');
        return t.length() <= 80 && config.notHelpfulPhrases().stream().anyMatch(t::contains);
    }
}
