package touchpoint.chat;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.List;

/**
 * @param greeting the bot's first message in every conversation
 * @param maxTextLength longest customer message accepted, in characters
 * @param notHelpfulPhrases what customers type to say an answer missed (lower case, matched as substrings)
 */
@ConfigurationProperties("touchpoint.chat")
public record ChatConfig(
        @Bindable(defaultValue = "Hi! I'm the Hearth & Pine assistant. Ask me about orders, delivery, returns, payments or your account.")
        String greeting,
        @Bindable(defaultValue = "2000") int maxTextLength,
        @Bindable(defaultValue = "web") String defaultTouchpoint,
        @Bindable(defaultValue = "en") String defaultLocale,
        @Bindable(defaultValue = "that didn't help,that did not help,didn't help,not helpful,that's not what i asked,that is not what i asked,wrong answer,not what i meant,that's wrong,doesn't answer,does not answer")
        List<String> notHelpfulPhrases) {
}
