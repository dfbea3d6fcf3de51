-- Telegram channel (touchpoint.channel.telegram). Written for both PostgreSQL and H2 (PostgreSQL mode).

-- Updates received through a channel's webhook, by Telegram's update_id: Telegram delivers an update again when the
-- webhook did not answer 2xx in time, and a repeat must not run the customer's turn twice. Rows older than
-- touchpoint.channels.telegram.update-retention are deleted; they hold no message text.
CREATE TABLE telegram_update (
    channel_id  VARCHAR(36) NOT NULL,
    update_id   BIGINT      NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_telegram_update PRIMARY KEY (channel_id, update_id)
);

CREATE INDEX ix_telegram_update_received ON telegram_update (received_at);

-- The Telegram messages one outbox delivery has sent, part by part (a long answer is several messages): a delivery
-- retried after part 2 failed sends part 2 again, not part 1. The message id also lets the keyboard under a survey be
-- taken away once the survey is answered.
CREATE TABLE telegram_sent (
    delivery_id     BIGINT      NOT NULL,
    part            INT         NOT NULL,
    channel_id      VARCHAR(36) NOT NULL,
    chat_id         BIGINT      NOT NULL,
    message_id      BIGINT      NOT NULL,
    conversation_id VARCHAR(36) NOT NULL,
    seq             BIGINT      NOT NULL,
    has_keyboard    BOOLEAN     NOT NULL,
    sent_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_telegram_sent PRIMARY KEY (delivery_id, part)
);

CREATE INDEX ix_telegram_sent_event ON telegram_sent (conversation_id, seq);

-- What the webhook registration of each Telegram channel is, as last told to Telegram: the reconciler compares it with
-- the channel (enabled, updated_at) and calls setWebhook or deleteWebhook when they differ.
CREATE TABLE telegram_webhook (
    channel_id      VARCHAR(36)  PRIMARY KEY,
    url             VARCHAR(2000),
    registered      BOOLEAN      NOT NULL,
    channel_version TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error      VARCHAR(500),
    checked_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
