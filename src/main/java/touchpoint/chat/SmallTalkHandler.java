package touchpoint.chat;

import jakarta.inject.Singleton;
import java.util.Locale;

/** Answers greetings, thanks and goodbyes in kind instead of searching the FAQs for them. */
@Singleton
class SmallTalkHandler implements CustomerTurnHandler {

    private final ChatConfig config;

    SmallTalkHandler(ChatConfig config) {
        this.config = config;
    }

    @Override
    public TurnStep step() {
        return TurnStep.SMALL_TALK;
    }

    @Override
    public TurnDecision decide(ConversationState state, String text) {
        if (!state.status().botMaySpeak()) {
            return TurnDecision.pass();
        }
        return SmallTalk.of(text).map(intent -> TurnDecision.take(turn -> {
            NewEvent reply = NewEvent.of(new EventData.BotSmallTalk(intent.name().toLowerCase(Locale.ROOT))).text(reply(intent));
            if (intent == SmallTalk.Intent.IDENTITY) {
                reply.options(java.util.List.of(new Option(BotReplies.TALK_TO_PERSON, BotReplies.TALK_TO_PERSON)));
            }
            turn.reply(reply);
        })).orElse(TurnDecision.pass());
    }

    private String reply(SmallTalk.Intent intent) {
        return switch (intent) {
            case GREETING -> config.smallTalkGreeting();
            case THANKS -> config.smallTalkThanks();
            case ACKNOWLEDGEMENT -> config.smallTalkAcknowledgement();
            case GOODBYE -> config.smallTalkGoodbye();
            case IDENTITY -> config.smallTalkIdentity();
            case HELP -> config.smallTalkHelp();
        };
    }
}
