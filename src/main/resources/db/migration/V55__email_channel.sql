-- The email channel's own records beside the channel core's tables. Written for both PostgreSQL and H2 (PostgreSQL mode).

-- Every mail the channel received or sent, once, by the hash of its Message-ID within the channel: how a reply's
-- In-Reply-To/References find their conversation, and how two instances polling one mailbox (or a poll repeated after
-- a crash) recognise a mail already handled. 'in' rows record what became of the mail: received (went to the chat
-- core; "receiving" while it is on its way), or why it did not (auto_submitted, precedence, auto_reply, delivery_report, bounce, mailing_list, own, empty).
CREATE TABLE email_message (
    channel_id      VARCHAR(36)  NOT NULL,
    message_hash    VARCHAR(64)  NOT NULL,
    message_id      VARCHAR(500) NOT NULL,
    direction       VARCHAR(3)   NOT NULL,
    conversation_id VARCHAR(36),
    outcome         VARCHAR(30)  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_email_message PRIMARY KEY (channel_id, message_hash)
);

CREATE INDEX ix_email_message_conversation ON email_message (conversation_id, created_at);

-- One row per email conversation: the subject its mails keep, and the short reference put in that subject
-- ("[#K7Q2M9XA]"), by which a reply whose client dropped the threading headers still finds its conversation.
CREATE TABLE email_thread (
    conversation_id VARCHAR(36)  PRIMARY KEY,
    channel_id      VARCHAR(36)  NOT NULL,
    ref             VARCHAR(16)  NOT NULL,
    subject         VARCHAR(300) NOT NULL,
    customer        VARCHAR(254) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_email_thread_ref UNIQUE (ref)
);

-- Which transcript events went out in which mail: the bot's replies to one customer message leave as one mail, so a
-- delivery of an event already sent with an earlier one of its turn sends nothing.
CREATE TABLE email_sent_event (
    conversation_id VARCHAR(36)  NOT NULL,
    seq             BIGINT       NOT NULL,
    message_hash    VARCHAR(64)  NOT NULL,
    CONSTRAINT pk_email_sent_event PRIMARY KEY (conversation_id, seq)
);
