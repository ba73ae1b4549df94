-- Articles, their analysis and the full-text index.

CREATE TABLE articles (
	id              INTEGER PRIMARY KEY,
	content_hash    TEXT    NOT NULL UNIQUE,
	file            TEXT    NOT NULL DEFAULT '',
	url             TEXT    NOT NULL DEFAULT '',
	title           TEXT    NOT NULL DEFAULT '',
	published       TEXT,              -- RFC 3339 with nanoseconds, NULL when unknown
	published_gran  TEXT    NOT NULL DEFAULT '',
	published_unix  INTEGER,           -- seconds, for range filters
	updated         TEXT,
	updated_gran    TEXT    NOT NULL DEFAULT '',
	outlet          TEXT    NOT NULL DEFAULT '',
	author          TEXT    NOT NULL DEFAULT '',
	dateline        TEXT    NOT NULL DEFAULT '',
	body            TEXT    NOT NULL DEFAULT '',
	language        TEXT    NOT NULL DEFAULT '',
	ingested        INTEGER NOT NULL,  -- Unix nanoseconds
	analysis        TEXT    NOT NULL DEFAULT '{}' -- JSON: entities, times, quotes, events, contradictions
);
CREATE INDEX articles_ingested ON articles (ingested DESC, id DESC);
CREATE INDEX articles_outlet ON articles (outlet, ingested DESC);
CREATE INDEX articles_published ON articles (published_unix);

-- Contentless: the index holds analyzed terms (search.IndexText), never
-- the original text, which stays in articles. rowid = articles.id.
CREATE VIRTUAL TABLE article_fts USING fts5 (
	title, body,
	content = '',
	contentless_delete = 1,
	tokenize = "unicode61 remove_diacritics 0 tokenchars '.,/:٫٬'"
);

-- Article-local entities (the NER and in-article resolution output).
CREATE TABLE article_entities (
	article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	local_id    TEXT    NOT NULL,
	name        TEXT    NOT NULL,
	norm_name   TEXT    NOT NULL,
	type        TEXT    NOT NULL,
	aliases     TEXT    NOT NULL DEFAULT '[]' -- JSON array
);
CREATE INDEX article_entities_article ON article_entities (article_id, local_id);
CREATE INDEX article_entities_norm ON article_entities (norm_name);

-- Every normalized name and alias of an article-local entity, for lookups.
CREATE TABLE article_entity_names (
	article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	local_id    TEXT    NOT NULL,
	norm_name   TEXT    NOT NULL
);
CREATE INDEX article_entity_names_article ON article_entity_names (article_id, local_id);

CREATE TABLE quotes (
	id            INTEGER PRIMARY KEY,
	article_id    INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	speaker       TEXT    NOT NULL,
	speaker_id    TEXT    NOT NULL,
	norm_speaker  TEXT    NOT NULL,
	kind          TEXT    NOT NULL,
	text          TEXT    NOT NULL,
	via           TEXT    NOT NULL,
	start_offset  INTEGER NOT NULL,
	end_offset    INTEGER NOT NULL
);
CREATE INDEX quotes_article ON quotes (article_id);
CREATE INDEX quotes_norm_speaker ON quotes (norm_speaker);

CREATE TABLE events (
	id          INTEGER PRIMARY KEY,
	article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	kind        TEXT    NOT NULL,
	when_value  TEXT    NOT NULL,
	when_text   TEXT    NOT NULL,
	who         TEXT    NOT NULL DEFAULT '[]', -- JSON array
	with_       TEXT    NOT NULL DEFAULT '[]', -- JSON array
	where_      TEXT    NOT NULL,
	text        TEXT    NOT NULL
);
CREATE INDEX events_when ON events (when_value, article_id, id);

-- Normalized who and with names of events, for the timeline entity filter.
CREATE TABLE event_participants (
	event_id   INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
	norm_name  TEXT    NOT NULL
);
CREATE INDEX event_participants_name ON event_participants (norm_name);
CREATE INDEX event_participants_event ON event_participants (event_id);

-- Canonical entities (cross-article resolution output), replaced as a whole.
CREATE TABLE entities (
	id         TEXT PRIMARY KEY,
	name       TEXT NOT NULL,
	norm_name  TEXT NOT NULL,
	type       TEXT NOT NULL,
	data       TEXT NOT NULL -- JSON of marsad.Entity
);
CREATE INDEX entities_type ON entities (type);

CREATE TABLE entity_names (
	entity_id  TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
	norm_name  TEXT NOT NULL
);
CREATE INDEX entity_names_norm ON entity_names (norm_name);
CREATE INDEX entity_names_entity ON entity_names (entity_id);

CREATE TABLE entity_links (
	article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	local_id    TEXT    NOT NULL,
	entity_id   TEXT    NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
	PRIMARY KEY (article_id, local_id, entity_id)
);
CREATE INDEX entity_links_entity ON entity_links (entity_id, article_id);

-- Stories (story package output), replaced as a whole.
CREATE TABLE stories (
	id        INTEGER PRIMARY KEY,
	title     TEXT    NOT NULL,
	articles  INTEGER NOT NULL, -- number of articles, for ordering
	data      TEXT    NOT NULL  -- JSON of marsad.Story
);
CREATE INDEX stories_articles ON stories (articles DESC, id);

CREATE TABLE story_articles (
	story_id    INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
	article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	duplicate   INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (story_id, article_id)
);
CREATE INDEX story_articles_article ON story_articles (article_id);
