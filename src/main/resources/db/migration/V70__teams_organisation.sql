-- Teams become editable: a hierarchy, archiving, opening hours and a first-response target per team, and a
-- capacity per agent. Written for both PostgreSQL and H2 (PostgreSQL mode).

-- A team's key stays its name column (every case, route and membership refers to it); display_name is what an
-- admin renames. parent makes the hierarchy: a supervisor of a team also supervises its sub-teams.
ALTER TABLE team ADD COLUMN parent VARCHAR(50);
ALTER TABLE team ADD CONSTRAINT fk_team_parent FOREIGN KEY (parent) REFERENCES team (name);
-- An archived team takes no new conversations and is skipped by routing; its rows stay for history.
ALTER TABLE team ADD COLUMN archived BOOLEAN DEFAULT FALSE NOT NULL;
-- Seconds a waiting customer should wait at most for a person; NULL: no target.
ALTER TABLE team ADD COLUMN first_response_target_s INTEGER;
-- Opening hours (touchpoint.handoff.BusinessHours): an IANA zone, the weekly schedule as
-- "MONDAY=09:00-12:00,13:00-17:00;TUESDAY=..." and holidays as "2026-12-25,2026-12-26". NULL zone: always open.
ALTER TABLE team ADD COLUMN hours_zone VARCHAR(64);
ALTER TABLE team ADD COLUMN hours_weekly VARCHAR(1000);
ALTER TABLE team ADD COLUMN hours_holidays VARCHAR(4000);

CREATE INDEX ix_team_parent ON team (parent);

-- How many conversations automatic assignment gives this agent at once; NULL: touchpoint.handoff.max-conversations-per-agent.
ALTER TABLE agent ADD COLUMN capacity INTEGER;
