package touchpoint.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.serde.ObjectMapper;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Bot API client against the fake Telegram server: no application context, one HTTP server. */
class TelegramClientIT {

    private static final String TOKEN = "123456:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    FakeTelegram telegram;
    TelegramClient client;

    @BeforeEach
    void setUp() {
        telegram = new FakeTelegram().bot(TOKEN, "shop_bot");
        client = client(Duration.ofSeconds(30));
    }

    @AfterEach
    void tearDown() {
        telegram.close();
    }

    private TelegramClient client(Duration maxRetryAfter) {
        TelegramConfig config = new TelegramConfig(telegram.baseUrl(), "https://support.example", Duration.ofSeconds(5), 4,
                maxRetryAfter, "text only", Duration.ofDays(7));
        return new TelegramClient(config, ObjectMapper.getDefault(), Duration.ofMillis(10));
    }

    @Test
    void should_read_the_bot_behind_a_valid_token() {
        assertThat(client.getMe(TOKEN).username()).isEqualTo("shop_bot");
    }

    @Test
    void should_refuse_a_revoked_token_without_retrying() {
        assertThatThrownBy(() -> client.getMe("999:BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB"))
                .isInstanceOfSatisfying(TelegramApiException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(401);
                    assertThat(e.retryable()).isFalse();
                });
        assertThat(telegram.calls("getMe")).hasSize(1);
    }

    @Test
    void should_never_put_a_malformed_token_into_a_url() {
        assertThatThrownBy(() -> client.getMe("1:abc/../../admin")).isInstanceOf(TelegramApiException.class);
        assertThat(telegram.calls()).isEmpty();
    }

    @Test
    void should_register_the_webhook_with_its_secret_and_update_types() {
        client.setWebhook(TOKEN, "https://support.example/api/channels/c1/telegram", "s3cret_-token");

        FakeTelegram.Call call = telegram.calls("setWebhook").get(0);
        assertThat(call.body().path("url").asText()).isEqualTo("https://support.example/api/channels/c1/telegram");
        assertThat(call.body().path("secret_token").asText()).isEqualTo("s3cret_-token");
        assertThat(call.body().path("allowed_updates").toString()).isEqualTo("[\"message\",\"callback_query\"]");
        assertThat(telegram.webhookSecret(TOKEN)).isEqualTo("s3cret_-token");
    }

    @Test
    void should_wait_out_flood_control_and_then_deliver_once() {
        telegram.fail("sendMessage", 1, 429, 1);
        long started = System.nanoTime();

        TelegramTypes.Message sent = client.sendMessage(TOKEN, TelegramTypes.SendMessage.html(42, "<b>hi</b>", null));

        assertThat(sent.messageId()).isPositive();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(telegram.calls("sendMessage")).hasSize(2);
    }

    @Test
    void should_give_a_long_flood_wait_back_as_retryable_without_waiting() {
        telegram.fail("sendMessage", 1, 429, 120);

        assertThatThrownBy(() -> client(Duration.ofSeconds(5)).sendMessage(TOKEN, TelegramTypes.SendMessage.html(42, "hi", null)))
                .isInstanceOfSatisfying(TelegramApiException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(120));
                });
        assertThat(telegram.calls("sendMessage")).hasSize(1);
    }

    @Test
    void should_retry_server_errors_and_report_them_retryable_when_they_persist() {
        telegram.fail("sendMessage", 2, 500, null);
        client.sendMessage(TOKEN, TelegramTypes.SendMessage.html(42, "hi", null));
        assertThat(telegram.calls("sendMessage")).hasSize(3);

        telegram.fail("sendMessage", 10, 502, null);
        assertThatThrownBy(() -> client.sendMessage(TOKEN, TelegramTypes.SendMessage.html(42, "hi", null)))
                .isInstanceOfSatisfying(TelegramApiException.class, e -> assertThat(e.retryable()).isTrue());
        assertThat(telegram.calls("sendMessage")).hasSize(3 + 4);
    }

    @Test
    void should_not_retry_a_message_telegram_refuses() {
        assertThatThrownBy(() -> client.sendMessage(TOKEN, TelegramTypes.SendMessage.html(42, "<blink>x</blink>", null)))
                .isInstanceOfSatisfying(TelegramApiException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(400);
                    assertThat(e.retryable()).isFalse();
                });
        assertThat(telegram.calls("sendMessage")).hasSize(1);
    }

    @Test
    void should_answer_callbacks_and_remove_keyboards() {
        client.answerCallbackQuery(TOKEN, "cq1", "Thanks!");
        client.removeKeyboard(TOKEN, 42, 7);

        assertThat(telegram.calls("answerCallbackQuery").get(0).body().path("callback_query_id").asText()).isEqualTo("cq1");
        FakeTelegram.Call edit = telegram.calls("editMessageReplyMarkup").get(0);
        assertThat(edit.body().path("message_id").asLong()).isEqualTo(7);
        assertThat(edit.body().has("reply_markup")).isFalse();
    }
}
