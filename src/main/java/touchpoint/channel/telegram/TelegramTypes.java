package touchpoint.channel.telegram;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The parts of the Telegram Bot API objects this connector reads and writes, named as the API names them
 * (https://core.telegram.org/bots/api). Fields Telegram adds later are ignored, so a new Bot API version
 * does not break the webhook.
 */
final class TelegramTypes {

    private TelegramTypes() {
    }

    /** One incoming update; at most one of its optional parts is present. */
    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Update(@JsonProperty("update_id") Long updateId,
                  @Nullable Message message,
                  @Nullable @JsonProperty("edited_message") Message editedMessage,
                  @Nullable @JsonProperty("callback_query") CallbackQuery callbackQuery) {
    }

    /** Text is absent for photos, stickers, voice notes, locations...; {@code caption} goes with media. */
    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Message(@JsonProperty("message_id") Long messageId,
                   @Nullable User from,
                   @Nullable Chat chat,
                   @Nullable Long date,
                   @Nullable String text) {
    }

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    record User(Long id,
                @Nullable @JsonProperty("is_bot") Boolean isBot,
                @Nullable @JsonProperty("first_name") String firstName,
                @Nullable @JsonProperty("last_name") String lastName,
                @Nullable String username,
                @Nullable @JsonProperty("language_code") String languageCode) {

        /** "First Last", or the username, for the contact's name. */
        @Nullable
        String displayName() {
            String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
            return name.isEmpty() ? username : name;
        }
    }

    /** {@code type} is private, group, supergroup or channel. */
    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Chat(Long id, @Nullable String type) {
    }

    /**
     * A pressed inline button. {@code message} is the bot's message the button was on; Telegram sends it as an
     * inaccessible message (date 0) when it is too old, which still carries the chat and message id.
     */
    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    record CallbackQuery(String id,
                         @Nullable User from,
                         @Nullable Message message,
                         @Nullable String data) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record InlineKeyboardMarkup(@JsonProperty("inline_keyboard") List<List<InlineKeyboardButton>> inlineKeyboard) {
    }

    /** {@code callback_data} is 1-64 bytes. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record InlineKeyboardButton(String text, @JsonProperty("callback_data") String callbackData) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record LinkPreviewOptions(@JsonProperty("is_disabled") Boolean isDisabled) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SendMessage(@JsonProperty("chat_id") long chatId,
                       String text,
                       @Nullable @JsonProperty("parse_mode") String parseMode,
                       @Nullable @JsonProperty("link_preview_options") LinkPreviewOptions linkPreviewOptions,
                       @Nullable @JsonProperty("reply_markup") InlineKeyboardMarkup replyMarkup) {

        static SendMessage html(long chatId, String html, @Nullable InlineKeyboardMarkup keyboard) {
            return new SendMessage(chatId, html, "HTML", new LinkPreviewOptions(true), keyboard);
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SetWebhook(String url,
                      @JsonProperty("secret_token") String secretToken,
                      @JsonProperty("allowed_updates") List<String> allowedUpdates,
                      @JsonProperty("max_connections") Integer maxConnections) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DeleteWebhook(@JsonProperty("drop_pending_updates") Boolean dropPendingUpdates) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AnswerCallbackQuery(@JsonProperty("callback_query_id") String callbackQueryId, @Nullable String text) {
    }

    /** Without {@code reply_markup} the message's inline keyboard is removed. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record EditMessageReplyMarkup(@JsonProperty("chat_id") long chatId, @JsonProperty("message_id") long messageId) {
    }
}
