package touchpoint.channel.telegram;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import touchpoint.channel.Channel;
import touchpoint.channel.Delivery;
import touchpoint.chat.EventData;
import touchpoint.chat.EventType;
import touchpoint.chat.Transcript;
import touchpoint.chat.TranscriptEvent;
import touchpoint.channel.telegram.TelegramRendering.Outgoing;
import touchpoint.channel.telegram.TelegramRepositories.SentRepository;
import touchpoint.channel.telegram.TelegramRepositories.SentRow;
import touchpoint.channel.telegram.TelegramTypes.InlineKeyboardButton;
import touchpoint.channel.telegram.TelegramTypes.InlineKeyboardMarkup;

/**
 * Sends one outbox delivery to the chat: the event's messages in order, with their buttons signed for this chat.
 *
 * <p>Each part sent is recorded, so a delivery retried after a failure part-way (flood control, a Telegram outage)
 * sends only what is missing. A failure that passes is thrown for the outbox to retry with backoff; one that would
 * fail the same way again is not: a user who blocked the bot, a deleted chat. A message Telegram cannot parse as
 * HTML is sent once more as plain text rather than lost.
 */
@Singleton
class TelegramDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(TelegramDelivery.class);

    private final TelegramClient client;
    private final TelegramKeys keys;
    private final SentRepository sent;
    private final Transcript transcript;
    private final Clock clock;

    TelegramDelivery(TelegramClient client, TelegramKeys keys, SentRepository sent, Transcript transcript, Clock clock) {
        this.client = client;
        this.keys = keys;
        this.sent = sent;
        this.transcript = transcript;
        this.clock = clock;
    }

    void deliver(Delivery d) {
        Channel channel = d.channel();
        Optional<String> token = keys.botToken(channel);
        if (token.isEmpty()) {
            LOG.warn("telegram delivery dropped delivery={} channel={} reason=no_bot_token", d.id(), channel.id());
            return;
        }
        long chatId;
        try {
            chatId = Long.parseLong(d.thread().externalKey());
        } catch (NumberFormatException e) {
            LOG.warn("telegram delivery dropped delivery={} channel={} reason=not_a_chat_id", d.id(), channel.id());
            return;
        }
        switch (d.topic()) {
            case TelegramChannelType.TOPIC_MESSAGE -> sendMessages(d, token.get(), chatId);
            case TelegramChannelType.TOPIC_CLOSE_SURVEY -> closeSurvey(d, token.get(), chatId);
            default -> LOG.warn("telegram delivery dropped delivery={} topic={} reason=unknown_topic", d.id(), d.topic());
        }
    }

    private void sendMessages(Delivery d, String token, long chatId) {
        TranscriptEvent event = d.event();
        List<Outgoing> parts = TelegramRendering.render(event);
        Set<Integer> done = sent.findByKeyDeliveryId(d.id()).stream().map(r -> r.key().part()).collect(Collectors.toSet());
        byte[] key = parts.stream().anyMatch(p -> !p.keyboard().isEmpty()) ? keys.callbackKey(d.channel()) : null;
        for (int part = 0; part < parts.size(); part++) {
            if (done.contains(part)) {
                continue;
            }
            Outgoing outgoing = parts.get(part);
            InlineKeyboardMarkup keyboard = outgoing.keyboard().isEmpty() ? null : new InlineKeyboardMarkup(outgoing.keyboard().stream()
                    .map(row -> row.stream().map(b -> new InlineKeyboardButton(b.label(), b.data().sign(key, chatId))).toList())
                    .toList());
            Optional<TelegramTypes.Message> message = send(d, token, TelegramTypes.SendMessage.html(chatId, outgoing.html(), keyboard));
            if (message.isEmpty()) {
                return;
            }
            sent.save(new SentRow(new SentRow.Key(d.id(), part), d.channel().id(), chatId,
                    message.get().messageId() == null ? 0 : message.get().messageId(), d.thread().conversationId(), event.seq(),
                    keyboard != null, clock.instant()));
        }
        LOG.info("telegram delivered delivery={} channel={} conversation={} seq={} type={} parts={}", d.id(), d.channel().id(),
                d.thread().conversationId(), event.seq(), event.type(), parts.size());
    }

    /** The message as Telegram took it; empty when Telegram refused it for good and the rest of the delivery is moot. */
    private Optional<TelegramTypes.Message> send(Delivery d, String token, TelegramTypes.SendMessage message) {
        try {
            return Optional.of(client.sendMessage(token, message));
        } catch (TelegramApiException e) {
            if (e.retryable()) {
                throw e;
            }
            if (e.errorCode() == 400 && message.parseMode() != null) {
                LOG.warn("telegram refused the formatting delivery={} code={}; sending it as plain text", d.id(), e.errorCode());
                return Optional.of(client.sendMessage(token, new TelegramTypes.SendMessage(message.chatId(),
                        plain(message.text()), null, message.linkPreviewOptions(), message.replyMarkup())));
            }
            // 403: the user blocked the bot; 400 chat not found: the chat is gone. Retrying changes neither.
            LOG.warn("telegram delivery dropped delivery={} channel={} code={} reason={}", d.id(), d.channel().id(), e.errorCode(),
                    e.getMessage());
            return Optional.empty();
        }
    }

    private void closeSurvey(Delivery d, String token, long chatId) {
        String questionId = d.event().data(EventData.SurveyAnswered.class).map(EventData.SurveyAnswered::questionId)
                .or(() -> d.event().data(EventData.SurveySkipped.class).map(EventData.SurveySkipped::questionId))
                .or(() -> d.event().data(EventData.SurveyExpired.class).map(EventData.SurveyExpired::questionId))
                .orElse(null);
        if (questionId == null) {
            return;
        }
        transcript.events(d.thread().conversationId()).stream()
                .filter(e -> e.is(EventType.SURVEY_ASKED))
                .filter(e -> e.data(EventData.SurveyAsked.class).map(a -> a.questionId().equals(questionId)).orElse(false))
                .flatMap(e -> sent.findByConversationIdAndSeq(d.thread().conversationId(), e.seq()).stream())
                .filter(SentRow::hasKeyboard)
                .forEach(row -> removeKeyboard(token, chatId, row.messageId()));
    }

    /** Best effort: the keyboard may be gone already (pressed, edited); a pressed button of a closed survey is refused anyway. */
    void removeKeyboard(String token, long chatId, long messageId) {
        try {
            client.removeKeyboard(token, chatId, messageId);
        } catch (TelegramApiException e) {
            if (e.retryable()) {
                throw e;
            }
            LOG.debug("telegram keyboard not removed chat message={} code={}", messageId, e.errorCode());
        }
    }

    /** What the user would have read, without markup: Telegram's own reading of the four entities. */
    static String plain(String html) {
        return html.replaceAll("<[^>]*>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
    }
}
