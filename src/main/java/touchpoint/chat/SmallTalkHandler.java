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
    public int getOrder() {
        return SMALL_TALK;
    }

    @Override
    public boolean handle(CustomerTurn turn) {
        if (!turn.state().status().botMaySpeak()) {
            return false;
        }
        return SmallTalk.of(turn.text()).map(intent -> {
            NewEvent reply = NewEvent.of(new EventData.BotSmallTalk(intent.name().toLowerCase(Locale.ROOT))).text(reply(intent));
            if (intent == SmallTalk.Intent.IDENTITY) {
                reply.options(java.util.List.of(new Option(BotReplies.TALK_TO_PERSON, BotReplies.TALK_TO_PERSON)));
            }
            turn.reply(reply);
            return true;
        }).orElse(false);
    }

    @Override
    public boolean mayTake(ConversationState state, String text) {
        return state.status().botMaySpeak() && SmallTalk.of(text).isPresent();
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
