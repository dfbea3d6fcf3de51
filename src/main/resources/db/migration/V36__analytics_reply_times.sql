-- "First response" counted the bot's instant reply, so it read about 0 s everywhere. The projection now keeps the
-- two times support teams ask about: how long a customer waited for a person after the hand-off, and how long
-- the bot took to reply to a message. Written for both PostgreSQL and H2 (PostgreSQL mode).

ALTER TABLE analytics_conversation DROP COLUMN first_response_at;

-- The first hand-off request, or the first assignment or join when a person took the conversation unasked.
ALTER TABLE analytics_conversation ADD COLUMN handoff_at TIMESTAMP WITH TIME ZONE;
-- A person's first reply after handoff_at.
ALTER TABLE analytics_conversation ADD COLUMN first_human_reply_at TIMESTAMP WITH TIME ZONE;
-- Bot replies to a customer message, and their summed delay from the message, for the conversation's mean.
ALTER TABLE analytics_conversation ADD COLUMN bot_replies INTEGER NOT NULL DEFAULT 0;
ALTER TABLE analytics_conversation ADD COLUMN bot_reply_ms_total BIGINT NOT NULL DEFAULT 0;

-- The rules a row was projected by (ConversationProjection.VERSION). Rows written before this migration are 0,
-- so the reconciler re-projects every conversation from its log, however old, and the new columns fill in.
ALTER TABLE analytics_conversation ADD COLUMN projection_version INTEGER NOT NULL DEFAULT 0;
CREATE INDEX ix_analytics_conversation_version ON analytics_conversation (projection_version);
