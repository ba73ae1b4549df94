-- Indexes that a long ingest stopped maintaining (bulk.go): their names
-- and definitions, so that whoever opens the store next builds them again
-- if the ingest died before it could.
CREATE TABLE deferred_indexes (
	name TEXT PRIMARY KEY,
	def  TEXT NOT NULL
);
