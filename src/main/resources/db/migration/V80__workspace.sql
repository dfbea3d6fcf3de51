-- The agent's workspace: canned replies, attachments, and the search projection over conversations.
-- Written for both PostgreSQL and H2 (PostgreSQL mode).
CREATE TABLE canned_reply (
    id          VARCHAR(36)  PRIMARY KEY,
    shortcut    VARCHAR(40)  NOT NULL,
    title       VARCHAR(200) NOT NULL,
    body        TEXT         NOT NULL,
    updated_by  VARCHAR(100) NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_canned_reply_shortcut UNIQUE (shortcut)
);

-- A file a customer or an agent sent. The transcript records that it was sent (CUSTOMER_ATTACHED,
-- AGENT_ATTACHED); the bytes live here, or in touchpoint.workspace.attachment-dir when that is set (content null).
CREATE TABLE attachment (
    id               VARCHAR(36)  PRIMARY KEY,
    conversation_id  VARCHAR(36)  NOT NULL REFERENCES conversation (id),
    content_type     VARCHAR(100) NOT NULL,
    byte_size        BIGINT       NOT NULL,
    filename         VARCHAR(200) NOT NULL,
    content          BYTEA,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX ix_attachment_conversation ON attachment (conversation_id);

-- The search projection (touchpoint.workspace.SearchProjection): a fold over each conversation's events, written
-- in the appending transaction and rebuildable from the log.
CREATE TABLE conversation_search (
    conversation_id  VARCHAR(36)  PRIMARY KEY REFERENCES conversation (id),
    touchpoint       VARCHAR(100) NOT NULL,
    status           VARCHAR(30)  NOT NULL,
    team             VARCHAR(100),
    agent_id         VARCHAR(36),
    started_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX ix_conversation_search_updated ON conversation_search (updated_at);

CREATE TABLE conversation_label (
    conversation_id  VARCHAR(36) NOT NULL REFERENCES conversation (id),
    label            VARCHAR(50) NOT NULL,
    PRIMARY KEY (conversation_id, label)
);

CREATE INDEX ix_conversation_label ON conversation_label (label);

-- Every message's text in lower case, for the agents' search ("contains").
CREATE TABLE conversation_text (
    conversation_id  VARCHAR(36) NOT NULL REFERENCES conversation (id),
    seq              BIGINT      NOT NULL,
    text_lower       TEXT        NOT NULL,
    PRIMARY KEY (conversation_id, seq)
);
