-- Channels: every conversation arrives through one. 'web' is the website widget, which existed before channels did,
-- so every conversation stored until now is a web conversation. Written for both PostgreSQL and H2 (PostgreSQL mode).
CREATE TABLE channel (
    id          VARCHAR(36)  PRIMARY KEY,
    type        VARCHAR(30)  NOT NULL,
    name        VARCHAR(200) NOT NULL,
    enabled     BOOLEAN      NOT NULL,
    -- The type's own settings as a JSON object; never a secret.
    settings    TEXT         NOT NULL,
    -- Secrets by name, as a JSON object of {"kind": "aes-gcm" | "sha-256", "value": ...}: encrypted when the service
    -- must use them (a password, a signing key), only hashed when it must only recognise them (an API key).
    secrets     TEXT         NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

INSERT INTO channel (id, type, name, enabled, settings, secrets, created_at, updated_at)
VALUES ('web', 'web', 'Website widget', TRUE, '{}', '{}', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);

-- The channel type is kept beside the id so lists and analytics group by it without a join.
ALTER TABLE conversation ADD COLUMN channel_id VARCHAR(36) DEFAULT 'web' NOT NULL;
ALTER TABLE conversation ADD COLUMN channel_type VARCHAR(30) DEFAULT 'web' NOT NULL;

CREATE INDEX ix_conversation_channel ON conversation (channel_id, updated_at);

-- Which conversation a channel's own thread is (an email thread, a chat id, an API client's conversation id).
-- Written before the conversation is started, so two deliveries of a new thread's first message agree on one id.
CREATE TABLE channel_conversation (
    channel_id      VARCHAR(36)  NOT NULL REFERENCES channel (id),
    external_key    VARCHAR(300) NOT NULL,
    conversation_id VARCHAR(36)  NOT NULL,
    -- What the channel knows of the customer, as a JSON object (externalId, email, name); '{}' when nothing.
    contact         TEXT         NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_channel_conversation PRIMARY KEY (channel_id, external_key),
    CONSTRAINT uq_channel_conversation UNIQUE (conversation_id)
);
