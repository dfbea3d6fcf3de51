package touchpoint.chat;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.List;

/**
 * @param greeting the bot's first message in every conversation
 * @param maxTextLength longest customer message accepted, in characters
 * @param notHelpfulPhrases what customers type to say an answer missed (lower case, matched as substrings)
 * @param smallTalkGreeting the reply to a message that only says hello
 * @param smallTalkThanks the reply to a thank-you
 * @param smallTalkAcknowledgement the reply to "ok", "great", "got it"
 * @param smallTalkGoodbye the reply to a goodbye
 * @param smallTalkIdentity the reply to "are you a bot?" (offered with a "Talk to a person" button)
 * @param smallTalkHelp the reply to "I need help" with no topic yet
 */
@ConfigurationProperties("touchpoint.chat")
public record ChatConfig(
        @Bindable(defaultValue = "Hi! I'm the Hearth & Pine assistant. Ask me about orders, delivery, returns, payments or your account.")
        String greeting,
        @Bindable(defaultValue = "2000") int maxTextLength,
        @Bindable(defaultValue = "web") String defaultTouchpoint,
        @Bindable(defaultValue = "en") String defaultLocale,
        @Bindable(defaultValue = "that didn't help,that did not help,didn't help,not helpful,that's not what i asked,that is not what i asked,wrong answer,not what i meant,that's wrong,doesn't answer,does not answer")
        List<String> notHelpfulPhrases,
        @Bindable(defaultValue = "Hello! What can I help you with today?") String smallTalkGreeting,
        @Bindable(defaultValue = "You're welcome! Is there anything else I can help you with?") String smallTalkThanks,
        @Bindable(defaultValue = "Is there anything else I can help you with?") String smallTalkAcknowledgement,
        @Bindable(defaultValue = "Thanks for getting in touch. Have a lovely day!") String smallTalkGoodbye,
        @Bindable(defaultValue = "I'm the Hearth & Pine assistant, a bot that answers from our help centre. I can pass you to a person whenever you like.")
        String smallTalkIdentity,
        @Bindable(defaultValue = "Of course. What would you like help with?") String smallTalkHelp) {
}
