-- Work queue for several ingest processes sharing one database: one row per
-- input record claimed. owner_pid is the backend pid of the connection the
-- claiming process holds open for its whole run, so a claim whose process
-- died (its connection gone from pg_stat_activity) can be taken over.
CREATE TABLE ingest_claims (
	key         TEXT        PRIMARY KEY,
	owner_pid   INTEGER     NOT NULL,
	claimed_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
	done        BOOLEAN     NOT NULL DEFAULT false
);
