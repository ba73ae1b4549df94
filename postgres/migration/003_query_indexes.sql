-- Indexes and a stored count for the analyst desk's hot queries, measured
-- on the SaudiNewsNet corpus (web/LOAD.md, "Store").

-- Quotes by speaker: the speaker filter is a union of indexed lookups
-- (norm_speaker, speaker_id, and the (article, local id) pairs linked to a
-- canonical entity) instead of a scan of every quote.
CREATE INDEX quotes_speaker ON quotes (speaker_id);
CREATE INDEX quotes_article_speaker ON quotes (article_id, speaker_id);

-- Entities: the article count was a correlated count(DISTINCT) per entity
-- before sorting; it is now written by ReplaceEntities (articles are never
-- deleted, so it stays true until the next replace).
ALTER TABLE entities ADD COLUMN articles INTEGER NOT NULL DEFAULT 0;
UPDATE entities SET articles = (SELECT count(DISTINCT article_id)
	FROM entity_links WHERE entity_id = entities.id);
CREATE INDEX entities_articles ON entities (articles DESC, name, id);
CREATE INDEX entities_type_articles ON entities (type, articles DESC, name, id);
