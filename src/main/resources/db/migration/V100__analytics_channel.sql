-- Analytics break down by channel: each conversation's fact row keeps the channel it came through (its id, and its
-- type so figures group by type without a join). Written for both PostgreSQL and H2 (PostgreSQL mode).
-- Rows written before are NULL until the reconciler re-projects them (ConversationProjection.VERSION 2).
ALTER TABLE analytics_conversation ADD COLUMN channel_id VARCHAR(36);
ALTER TABLE analytics_conversation ADD COLUMN channel_type VARCHAR(30);
