package touchpoint.chat;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** After a clarify question, a pressed option (or its number) answers with that FAQ. */
@Singleton
class ClarifyChoiceHandler implements CustomerTurnHandler {

    private final BotReplies replies;

    ClarifyChoiceHandler(BotReplies replies) {
        this.replies = replies;
    }

    @Override
    public int getOrder() {
        return CLARIFY_CHOICE;
    }

    @Override
    public boolean handle(CustomerTurn turn) {
        ConversationState state = turn.state();
        List<Option> options = state.pendingClarify();
        if (options.isEmpty() || !state.status().botMaySpeak()) {
            return false;
        }
        Optional<Integer> picked = pick(options, turn.text());
        if (picked.isEmpty()) {
            return false;
        }
        String question = state.lastQuestion().orElse(turn.text());
        Option option = options.get(picked.get());
        if (option.value().equals(BotReplies.NONE_OF_THESE)) {
            return false;
        }
        List<String> candidates = state.lastCandidates();
        if (picked.get() >= candidates.size()) {
            return false;
        }
        replies.answerWith(turn, candidates.get(picked.get()), question);
        return true;
    }

    private static Optional<Integer> pick(List<Option> options, String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (int i = 0; i < options.size(); i++) {
            Option o = options.get(i);
            if (o.value().toLowerCase(Locale.ROOT).equals(t) || o.label().toLowerCase(Locale.ROOT).equals(t)
                    || t.equals(String.valueOf(i + 1))) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }
}
