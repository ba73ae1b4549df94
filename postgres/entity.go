package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/arabic"
)

// ReplaceEntities replaces the canonical entities and their links in one
// transaction. A link to an unknown article or entity, or two entities with
// one id, is an EINVALID error and changes nothing.
func (s *Store) ReplaceEntities(ctx context.Context, entities []marsad.Entity, links []marsad.EntityLink) error {
	for _, e := range entities {
		if e.ID == "" {
			return marsad.Errorf(marsad.EINVALID, "postgres: replace entities: entity %q has no id", e.Name)
		}
	}
	// The rows go in by COPY, which cannot skip a conflicting row: a link
	// given twice is dropped here. Each entity's article count is counted
	// here too and stored with it, so that listing entities by it reads
	// an index instead of counting links per query.
	type link struct {
		article int64
		local   string
		entity  string
	}
	type pair struct {
		entity  string
		article int64
	}
	seenLink := make(map[link]bool, len(links))
	seenPair := make(map[pair]bool, len(links))
	count := make(map[string]int, len(entities))
	linkRows := make([][]any, 0, len(links))
	for _, l := range links {
		k := link{l.ArticleID, clean(l.LocalID), clean(l.EntityID)}
		if seenLink[k] {
			continue
		}
		seenLink[k] = true
		linkRows = append(linkRows, []any{k.article, k.local, k.entity})
		if p := (pair{k.entity, k.article}); !seenPair[p] {
			seenPair[p] = true
			count[k.entity]++
		}
	}
	entRows := make([][]any, 0, len(entities))
	var nameRows [][]any
	for _, e := range entities {
		id := clean(e.ID)
		entRows = append(entRows, []any{id, clean(e.Name), clean(arabic.Normalize(e.Name)), clean(string(e.Type)), jsonText(e), count[id]})
		for _, n := range normalizedNames(e.Name, e.Aliases) {
			nameRows = append(nameRows, []any{id, n})
		}
	}
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("postgres: replace entities: %w", err)
	}
	defer tx.Rollback(ctx)
	b := &pgx.Batch{}
	// Ingest processes sharing the database rebuild at the end of their
	// batches; one replaces at a time (the lock ends with the transaction).
	b.Queue(`SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.replace_entities'))`)
	b.Queue(`DELETE FROM entity_links`)
	b.Queue(`DELETE FROM entity_names`)
	b.Queue(`DELETE FROM entities`)
	if err := tx.SendBatch(ctx, b).Close(); err != nil {
		return fmt.Errorf("postgres: replace entities: %w", err)
	}
	for _, c := range []struct {
		table string
		cols  []string
		rows  [][]any
	}{
		{"entities", []string{"id", "name", "norm_name", "type", "data", "articles"}, entRows},
		{"entity_names", []string{"entity_id", "norm_name"}, nameRows},
		{"entity_links", []string{"article_id", "local_id", "entity_id"}, linkRows},
	} {
		if len(c.rows) == 0 {
			continue
		}
		_, err := tx.CopyFrom(ctx, pgx.Identifier{c.table}, c.cols, pgx.CopyFromRows(c.rows))
		switch pgCode(err) {
		case "":
		case uniqueViolation:
			return marsad.Errorf(marsad.EINVALID, "postgres: replace entities: an entity id is given twice")
		case foreignKeyViolation:
			return marsad.Errorf(marsad.EINVALID, "postgres: replace entities: a link names an article or entity that is not stored")
		}
		if err != nil {
			return fmt.Errorf("postgres: replace entities: copy %s: %w", c.table, err)
		}
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("postgres: replace entities: %w", err)
	}
	return nil
}

// entityQuery selects an entity's stored JSON and its article count, which
// ReplaceEntities stores.
const entityQuery = `SELECT e.data, e.articles FROM entities e`

func scanEntity(row pgx.Row) (marsad.Entity, error) {
	var data string
	var n int
	var e marsad.Entity
	if err := row.Scan(&data, &n); err != nil {
		return e, err
	}
	if err := json.Unmarshal([]byte(data), &e); err != nil {
		return e, fmt.Errorf("read entity: %w", err)
	}
	e.Articles = n
	return e, nil
}

// Entities lists canonical entities, most articles first, then by name.
func (s *Store) Entities(ctx context.Context, f marsad.EntityFilter) ([]marsad.Entity, error) {
	var p params
	var where []string
	if f.Type != "" {
		where = append(where, "e.type = "+p.add(string(f.Type)))
	}
	if f.Name != "" {
		where = append(where, "e.id IN (SELECT entity_id FROM entity_names WHERE norm_name = "+p.add(arabic.Normalize(f.Name))+")")
	}
	cond := ""
	if len(where) > 0 {
		cond = " WHERE " + strings.Join(where, " AND ")
	}
	rows, err := s.pool.Query(ctx, entityQuery+cond+` ORDER BY e.articles DESC, e.name, e.id LIMIT `+p.add(limit(f.Limit))+` OFFSET `+p.add(max(0, f.Offset)), p.args...)
	if err != nil {
		return nil, fmt.Errorf("postgres: entities: %w", err)
	}
	defer rows.Close()
	out := []marsad.Entity{}
	for rows.Next() {
		e, err := scanEntity(rows)
		if err != nil {
			return nil, fmt.Errorf("postgres: entities: %w", err)
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: entities: %w", err)
	}
	return out, nil
}

// Entity returns one canonical entity.
func (s *Store) Entity(ctx context.Context, id string) (*marsad.Entity, error) {
	e, err := scanEntity(s.pool.QueryRow(ctx, entityQuery+` WHERE e.id = $1`, clean(id)))
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, marsad.Errorf(marsad.ENOTFOUND, "entity %q not found", id)
	} else if err != nil {
		return nil, fmt.Errorf("postgres: entity %q: %w", id, err)
	}
	return &e, nil
}

// EntityArticles lists the articles the entity occurs in, newest
// publication first; articles without a date come last.
func (s *Store) EntityArticles(ctx context.Context, id string) ([]marsad.ArticleRef, error) {
	return s.EntityArticlesN(ctx, id, 0)
}

// EntityArticlesN is EntityArticles limited to the newest n articles (all
// when n <= 0).
func (s *Store) EntityArticlesN(ctx context.Context, id string, n int) ([]marsad.ArticleRef, error) {
	var found int
	if err := s.pool.QueryRow(ctx, `SELECT count(*) FROM entities WHERE id = $1`, clean(id)).Scan(&found); err != nil {
		return nil, fmt.Errorf("postgres: entity %q articles: %w", id, err)
	}
	if found == 0 {
		return nil, marsad.Errorf(marsad.ENOTFOUND, "entity %q not found", id)
	}
	var limit *int
	if n > 0 {
		limit = &n
	}
	rows, err := s.pool.Query(ctx, `SELECT `+refColumns+` FROM articles a
		WHERE a.id IN (SELECT article_id FROM entity_links WHERE entity_id = $1)
		ORDER BY a.published_unix DESC NULLS LAST, a.id DESC LIMIT $2`, clean(id), limit)
	if err != nil {
		return nil, fmt.Errorf("postgres: entity %q articles: %w", id, err)
	}
	defer rows.Close()
	out := []marsad.ArticleRef{}
	for rows.Next() {
		var r marsad.ArticleRef
		dest, finish := refDest(&r)
		if err := rows.Scan(dest...); err != nil {
			return nil, fmt.Errorf("postgres: entity %q articles: %w", id, err)
		}
		if err := finish(); err != nil {
			return nil, fmt.Errorf("postgres: entity %q articles: %w", id, err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: entity %q articles: %w", id, err)
	}
	return out, nil
}

// resolveEntity finds the canonical entities a user's name or id stands
// for: ids equal to it, or whose name or an alias matches it after
// normalization. It returns their ids and every normalized name they go
// by, including the names of the article-local entities linked to them.
func (s *Store) resolveEntity(ctx context.Context, nameOrID string) (ids, names []string, err error) {
	nameOrID = clean(nameOrID)
	ids, err = s.queryStrings(ctx, `SELECT id FROM entities WHERE id = $1
		UNION SELECT entity_id FROM entity_names WHERE norm_name = $2`, nameOrID, arabic.Normalize(nameOrID))
	if err != nil || len(ids) == 0 {
		return nil, nil, err
	}
	names, err = s.queryStrings(ctx, `SELECT norm_name FROM entity_names WHERE entity_id = ANY($1)
		UNION SELECT n.norm_name FROM entity_links l
		JOIN article_entity_names n ON n.article_id = l.article_id AND n.local_id = l.local_id
		WHERE l.entity_id = ANY($1)`, ids)
	return ids, names, err
}

func (s *Store) queryStrings(ctx context.Context, query string, args ...any) ([]string, error) {
	rows, err := s.pool.Query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowTo[string])
}

// likeEscape escapes LIKE wildcards; the query uses ESCAPE '\'.
func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// Timeline lists events that have a resolved time, ordered by time (code
// point order of the ISO value), then article, then their order in the
// article. The Entity filter works as in package sqlite: canonical
// entities first, else who/with names equal to the filter or containing it
// as whole words after normalization.
func (s *Store) Timeline(ctx context.Context, f marsad.TimelineFilter) ([]marsad.TimelineItem, error) {
	var p params
	where := []string{"e.when_value <> ''"}
	if f.From != "" {
		where = append(where, "e.when_value >= "+p.add(clean(f.From)))
	}
	if f.To != "" {
		to := p.add(clean(f.To))
		where = append(where, "substr(e.when_value, 1, length("+to+")) <= "+to+" COLLATE \"C\"")
	}
	if f.StoryID != 0 {
		where = append(where, "e.article_id IN (SELECT article_id FROM story_articles WHERE story_id = "+p.add(f.StoryID)+" AND NOT duplicate)")
	}
	if f.Entity != "" {
		ids, names, err := s.resolveEntity(ctx, f.Entity)
		if err != nil {
			return nil, fmt.Errorf("postgres: timeline: %w", err)
		}
		if len(ids) > 0 {
			if len(names) == 0 {
				return []marsad.TimelineItem{}, nil
			}
			where = append(where, "e.id IN (SELECT event_id FROM event_participants WHERE norm_name = ANY("+p.add(names)+"))")
		} else {
			norm := clean(arabic.Normalize(f.Entity))
			if norm == "" {
				return []marsad.TimelineItem{}, nil
			}
			where = append(where, `e.id IN (SELECT event_id FROM event_participants
				WHERE norm_name = `+p.add(norm)+` OR (' ' || norm_name || ' ') LIKE `+p.add("% "+likeEscape(norm)+" %")+` ESCAPE '\')`)
		}
	}
	rows, err := s.pool.Query(ctx, `SELECT e.when_value, e.kind, e.text, e.who, e.with_, e.where_, `+refColumns+`
		FROM events e JOIN articles a ON a.id = e.article_id
		WHERE `+strings.Join(where, " AND ")+`
		ORDER BY e.when_value, e.article_id, e.id LIMIT `+p.add(limit(f.Limit)), p.args...)
	if err != nil {
		return nil, fmt.Errorf("postgres: timeline: %w", err)
	}
	defer rows.Close()
	out := []marsad.TimelineItem{}
	for rows.Next() {
		var it marsad.TimelineItem
		var who, with string
		dest, finish := refDest(&it.Article)
		if err := rows.Scan(append([]any{&it.When, &it.Kind, &it.Text, &who, &with, &it.Where}, dest...)...); err != nil {
			return nil, fmt.Errorf("postgres: timeline: %w", err)
		}
		if err := finish(); err != nil {
			return nil, fmt.Errorf("postgres: timeline: %w", err)
		}
		if err := json.Unmarshal([]byte(who), &it.Who); err != nil {
			return nil, fmt.Errorf("postgres: timeline: event who: %w", err)
		}
		if err := json.Unmarshal([]byte(with), &it.With); err != nil {
			return nil, fmt.Errorf("postgres: timeline: event with: %w", err)
		}
		out = append(out, it)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: timeline: %w", err)
	}
	return out, nil
}

// Quotes lists quotes in article order, then in their order in the article.
// Speaker matches as in package sqlite: the normalized speaker name, the
// speaker id, or a canonical entity the speaker is linked to or named as.
func (s *Store) Quotes(ctx context.Context, f marsad.QuoteFilter) ([]marsad.QuoteItem, error) {
	var p params
	var where []string
	if f.Kind != "" {
		where = append(where, "q.kind = "+p.add(string(f.Kind)))
	}
	if f.Speaker != "" {
		speaker := clean(f.Speaker)
		ids, names, err := s.resolveEntity(ctx, speaker)
		if err != nil {
			return nil, fmt.Errorf("postgres: quotes: %w", err)
		}
		// A union of indexed lookups rather than an OR of conditions that
		// makes the planner read every quote.
		sub := "SELECT id FROM quotes WHERE norm_speaker = ANY(" + p.add(append([]string{arabic.Normalize(speaker)}, names...)) + ")" +
			" UNION SELECT id FROM quotes WHERE speaker_id = ANY(" + p.add(append([]string{speaker}, ids...)) + ")"
		if len(ids) > 0 {
			sub += " UNION SELECT q2.id FROM entity_links l JOIN quotes q2" +
				" ON q2.article_id = l.article_id AND q2.speaker_id = l.local_id WHERE l.entity_id = ANY(" + p.add(ids) + ")"
		}
		where = append(where, "q.id IN ("+sub+")")
	}
	cond := ""
	if len(where) > 0 {
		cond = " WHERE " + strings.Join(where, " AND ")
	}
	rows, err := s.pool.Query(ctx, `SELECT q.speaker, q.speaker_id, q.text, q.kind, q.via, q.start_offset, q.end_offset, `+refColumns+`
		FROM quotes q JOIN articles a ON a.id = q.article_id`+cond+`
		ORDER BY q.article_id, q.id LIMIT `+p.add(limit(f.Limit))+` OFFSET `+p.add(max(0, f.Offset)), p.args...)
	if err != nil {
		return nil, fmt.Errorf("postgres: quotes: %w", err)
	}
	defer rows.Close()
	out := []marsad.QuoteItem{}
	for rows.Next() {
		var it marsad.QuoteItem
		var kind string
		dest, finish := refDest(&it.Article)
		if err := rows.Scan(append([]any{&it.Speaker, &it.SpeakerID, &it.Text, &kind, &it.Via, &it.Start, &it.End}, dest...)...); err != nil {
			return nil, fmt.Errorf("postgres: quotes: %w", err)
		}
		if err := finish(); err != nil {
			return nil, fmt.Errorf("postgres: quotes: %w", err)
		}
		it.Kind = marsad.QuoteKind(kind)
		out = append(out, it)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: quotes: %w", err)
	}
	return out, nil
}
