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
    public int getOrder() {
        return NOT_HELPFUL;
    }

    @Override
    public boolean handle(CustomerTurn turn) {
        ConversationState state = turn.state();
        if (!mayTake(state, turn.text())) {
            return false;
        }
        turn.reply(EventData.AnswerRated.of(state.lastAnsweredFaqId().get(), state.lastAnswerSeq(), false,
                EventData.AnswerRated.VIA_TEXT));
        replies.answer(turn, state.lastQuestion().get());
        return true;
    }

    @Override
    public boolean mayTake(ConversationState state, String text) {
        return state.status().botMaySpeak() && state.lastAnsweredFaqId().isPresent() && state.lastQuestion().isPresent()
                && saysNotHelpful(text);
    }

    boolean saysNotHelpful(String text) {
        String t = text.toLowerCase(Locale.ROOT).replace('’', '\'');
        return t.length() <= 80 && config.notHelpfulPhrases().stream().anyMatch(t::contains);
    }
}
