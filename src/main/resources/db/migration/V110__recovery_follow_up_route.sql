-- How each service-recovery follow-up reached the customer: the widget, the conversation's own channel, or by email
-- to a masked address (a widget conversation whose customer's address was known continues by email). Older rows
-- leave both empty. Written for both PostgreSQL and H2 (PostgreSQL mode).
ALTER TABLE recovery_follow_up ADD COLUMN delivered_via VARCHAR(20);
ALTER TABLE recovery_follow_up ADD COLUMN masked_address VARCHAR(320);
