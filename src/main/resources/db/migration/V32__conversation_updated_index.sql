-- The analytics reconciler looks for recently written conversations whose analytics rows are behind.
CREATE INDEX ix_conversation_updated ON conversation (updated_at);
