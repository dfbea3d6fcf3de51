package touchpoint.chat;

import jakarta.inject.Singleton;

/** The bot's default turn: ask the knowledge base. Silent whenever a person owns or awaits the conversation. */
@Singleton
class KnowledgeHandler implements CustomerTurnHandler {

    private final BotReplies replies;

    KnowledgeHandler(BotReplies replies) {
        this.replies = replies;
    }

    @Override
    public TurnStep step() {
        return TurnStep.KNOWLEDGE;
    }

    @Override
    public TurnDecision decide(ConversationState state, String text) {
        return state.status().botMaySpeak()
                ? TurnDecision.take(turn -> replies.answer(turn, text))
                : TurnDecision.takeInSilence();
    }

    /** The answer this handler would give, decided now; {@link PreparedAnswer#NONE} when the bot would stay silent. */
    PreparedAnswer prepare(ConversationState state, String locale, String text) {
        return state.status().botMaySpeak() ? replies.prepare(state, locale, text) : PreparedAnswer.NONE;
    }
}
