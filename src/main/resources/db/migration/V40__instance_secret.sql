-- Secrets the service generates for itself on first start (the JWT signing key when TOUCHPOINT_JWT_SECRET is
-- unset). Kept in the database, not on one machine's disk, so every instance on this database signs and
-- verifies with the same key. Written for both PostgreSQL and H2 (PostgreSQL mode).
CREATE TABLE instance_secret (
    name       VARCHAR(100) PRIMARY KEY,
    secret     VARCHAR(200) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
