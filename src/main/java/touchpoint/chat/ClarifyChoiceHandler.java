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
    public TurnStep step() {
        return TurnStep.CLARIFY_CHOICE;
    }

    @Override
    public TurnDecision decide(ConversationState state, String text) {
        String question = state.lastQuestion().orElse(text);
        return chosenFaq(state, text)
                .map(faqId -> TurnDecision.take(turn -> replies.answerWith(turn, faqId, question)))
                .orElse(TurnDecision.pass());
    }

    /** The FAQ of the clarify option this text picks; empty for "None of these" and anything that picks nothing. */
    private static Optional<String> chosenFaq(ConversationState state, String text) {
        List<Option> options = state.pendingClarify();
        if (options.isEmpty() || !state.status().botMaySpeak()) {
            return Optional.empty();
        }
        Optional<Integer> picked = pick(options, text);
        if (picked.isEmpty() || options.get(picked.get()).value().equals(BotReplies.NONE_OF_THESE)) {
            return Optional.empty();
        }
        List<String> candidates = state.lastCandidates();
        return picked.get() < candidates.size() ? Optional.of(candidates.get(picked.get())) : Optional.empty();
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
