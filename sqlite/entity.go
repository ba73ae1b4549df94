package sqlite

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/arabic"
)

// ReplaceEntities replaces the canonical entities and their links in one
// transaction. A link to an unknown article or entity, or two entities with
// one id, is an EINVALID error and changes nothing.
func (s *Store) ReplaceEntities(ctx context.Context, entities []marsad.Entity, links []marsad.EntityLink) error {
	if err := s.replaceEntities(ctx, entities, links); err != nil {
		var be *marsad.BatchError
		if errors.As(err, &be) {
			err = be.Err // a row of the inserts; they name no article
		}
		if marsad.ErrorCode(err) != marsad.EINTERNAL {
			return err
		}
		return fmt.Errorf("sqlite: replace entities: %w", err)
	}
	return nil
}

func (s *Store) replaceEntities(ctx context.Context, entities []marsad.Entity, links []marsad.EntityLink) error {
	// Everything a foreign key or the primary key would refuse is checked
	// here first, so that the rows can go in multi-row INSERTs with keys
	// off (see putArticles): an entity without an id or given twice, a link
	// to an entity not in the list. Links to missing articles are checked
	// against the table inside the transaction.
	known := make(map[string]bool, len(entities))
	for _, e := range entities {
		if e.ID == "" {
			return marsad.Errorf(marsad.EINVALID, "sqlite: replace entities: entity %q has no id", e.Name)
		}
		if known[e.ID] {
			return marsad.Errorf(marsad.EINVALID, "sqlite: replace entities: entity id %q given twice", e.ID)
		}
		known[e.ID] = true
	}
	// Each entity's article count is stored with it, so that listing
	// entities by it reads an index instead of counting links per query.
	type pair struct {
		entity  string
		article int64
	}
	seen := make(map[pair]bool, len(links))
	count := make(map[string]int, len(entities))
	var articleIDs []int64
	seenArticle := map[int64]bool{}
	for _, l := range links {
		if !known[l.EntityID] {
			return marsad.Errorf(marsad.EINVALID, "sqlite: replace entities: link of article %d entity %q to %q: no such article or entity",
				l.ArticleID, l.LocalID, l.EntityID)
		}
		if p := (pair{l.EntityID, l.ArticleID}); !seen[p] {
			seen[p] = true
			count[l.EntityID]++
		}
		if !seenArticle[l.ArticleID] {
			seenArticle[l.ArticleID] = true
			articleIDs = append(articleIDs, l.ArticleID)
		}
	}
	stmts, err := s.prepareWrites(ctx)
	if err != nil {
		return err
	}
	conn, err := s.write.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `PRAGMA foreign_keys = OFF`); err != nil {
		return err
	}
	defer func() {
		if _, err := conn.ExecContext(context.Background(), `PRAGMA foreign_keys = ON`); err != nil {
			conn.Raw(func(any) error { return driver.ErrBadConn })
		}
	}()
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if len(articleIDs) > 0 {
		var missing int64
		err := tx.QueryRowContext(ctx, `SELECT j.value FROM json_each(?) j
			WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = j.value) LIMIT 1`, jsonText(articleIDs)).Scan(&missing)
		if err == nil {
			for _, l := range links {
				if l.ArticleID == missing {
					return marsad.Errorf(marsad.EINVALID, "sqlite: replace entities: link of article %d entity %q to %q: no such article or entity",
						l.ArticleID, l.LocalID, l.EntityID)
				}
			}
		} else if !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("check linked articles: %w", err)
		}
	}
	err = rebuildIndexes(ctx, tx, []string{"entity_links", "entity_names", "entities"}, func() error {
		for _, table := range []string{"entity_links", "entity_names", "entities"} {
			if _, err := tx.ExecContext(ctx, `DELETE FROM `+table); err != nil {
				return err
			}
		}
		ents := &rows{t: canonTable}
		names := &rows{t: canonNameTable}
		lrows := &rows{t: linkTable}
		for i, e := range entities {
			ents.add(i, e.ID, e.Name, arabic.Normalize(e.Name), string(e.Type), jsonText(e), count[e.ID])
			for _, n := range normalizedNames(e.Name, e.Aliases) {
				names.add(i, e.ID, n)
			}
			for _, r := range []*rows{ents, names} {
				if err := r.flush(ctx, tx, stmts, false); err != nil {
					return err
				}
			}
		}
		for i, l := range links {
			lrows.add(i, l.ArticleID, l.LocalID, l.EntityID)
			if err := lrows.flush(ctx, tx, stmts, false); err != nil {
				return err
			}
		}
		for _, r := range []*rows{ents, names, lrows} {
			if err := r.flush(ctx, tx, stmts, true); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	return tx.Commit()
}

// entityQuery selects an entity's stored JSON and its article count, which
// ReplaceEntities stores.
const entityQuery = `SELECT e.data, e.articles FROM entities e`

func scanEntity(row scanner) (marsad.Entity, error) {
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
	var where []string
	var args []any
	if f.Type != "" {
		where, args = append(where, "e.type = ?"), append(args, string(f.Type))
	}
	if f.Name != "" {
		where = append(where, "e.id IN (SELECT entity_id FROM entity_names WHERE norm_name = ?)")
		args = append(args, arabic.Normalize(f.Name))
	}
	cond := ""
	if len(where) > 0 {
		cond = " WHERE " + strings.Join(where, " AND ")
	}
	limit, offset := limitArgs(f.Limit, f.Offset)
	rows, err := s.read.QueryContext(ctx, entityQuery+cond+` ORDER BY e.articles DESC, e.name, e.id LIMIT ? OFFSET ?`,
		append(args, limit, offset)...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: entities: %w", err)
	}
	defer rows.Close()
	out := []marsad.Entity{}
	for rows.Next() {
		e, err := scanEntity(rows)
		if err != nil {
			return nil, fmt.Errorf("sqlite: entities: %w", err)
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: entities: %w", err)
	}
	return out, nil
}

// Entity returns one canonical entity.
func (s *Store) Entity(ctx context.Context, id string) (*marsad.Entity, error) {
	e, err := scanEntity(s.read.QueryRowContext(ctx, entityQuery+` WHERE e.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, marsad.Errorf(marsad.ENOTFOUND, "entity %q not found", id)
	} else if err != nil {
		return nil, fmt.Errorf("sqlite: entity %q: %w", id, err)
	}
	return &e, nil
}

// EntityArticles lists the articles the entity occurs in, newest
// publication first; articles without a date come last.
func (s *Store) EntityArticles(ctx context.Context, id string) ([]marsad.ArticleRef, error) {
	return s.EntityArticlesN(ctx, id, 0)
}

// EntityArticlesN is EntityArticles limited to the newest n articles (all
// when n <= 0): an entity page shows the latest, not the thousands a
// frequent name has.
func (s *Store) EntityArticlesN(ctx context.Context, id string, n int) ([]marsad.ArticleRef, error) {
	limit := -1
	if n > 0 {
		limit = n
	}
	var found int
	if err := s.read.QueryRowContext(ctx, `SELECT count(*) FROM entities WHERE id = ?`, id).Scan(&found); err != nil {
		return nil, fmt.Errorf("sqlite: entity %q articles: %w", id, err)
	}
	if found == 0 {
		return nil, marsad.Errorf(marsad.ENOTFOUND, "entity %q not found", id)
	}
	rows, err := s.read.QueryContext(ctx, `SELECT `+refColumns+` FROM articles a
		WHERE a.id IN (SELECT article_id FROM entity_links WHERE entity_id = ?)
		ORDER BY a.published_unix DESC NULLS LAST, a.id DESC LIMIT ?`, id, limit)
	if err != nil {
		return nil, fmt.Errorf("sqlite: entity %q articles: %w", id, err)
	}
	return collectRefs(rows, fmt.Sprintf("entity %q articles", id))
}

func collectRefs(rows *sql.Rows, what string) ([]marsad.ArticleRef, error) {
	defer rows.Close()
	out := []marsad.ArticleRef{}
	for rows.Next() {
		r, err := scanRef(rows)
		if err != nil {
			return nil, fmt.Errorf("sqlite: %s: %w", what, err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: %s: %w", what, err)
	}
	return out, nil
}

// resolveEntity finds the canonical entities a user's name or id stands
// for: ids equal to it, or whose name or an alias matches it after
// normalization. It returns their ids and every normalized name they go
// by, including the names of the article-local entities linked to them.
func (s *Store) resolveEntity(ctx context.Context, nameOrID string) (ids, names []string, err error) {
	norm := arabic.Normalize(nameOrID)
	ids, err = queryStrings(ctx, s.read, `SELECT id FROM entities WHERE id = ?
		UNION SELECT entity_id FROM entity_names WHERE norm_name = ?`, nameOrID, norm)
	if err != nil || len(ids) == 0 {
		return nil, nil, err
	}
	in, args := inList(ids)
	names, err = queryStrings(ctx, s.read, `SELECT norm_name FROM entity_names WHERE entity_id IN `+in+`
		UNION SELECT n.norm_name FROM entity_links l
		JOIN article_entity_names n ON n.article_id = l.article_id AND n.local_id = l.local_id
		WHERE l.entity_id IN `+in, append(args, args...)...)
	return ids, names, err
}

func queryStrings(ctx context.Context, db *sql.DB, query string, args ...any) ([]string, error) {
	rows, err := db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// inList returns "(?, ?, …)" and the arguments for an IN clause.
func inList(values []string) (string, []any) {
	args := make([]any, len(values))
	for i, v := range values {
		args[i] = v
	}
	return "(" + strings.TrimSuffix(strings.Repeat("?, ", len(values)), ", ") + ")", args
}

// likeEscape escapes LIKE wildcards; the query uses ESCAPE '\'.
func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// Timeline lists events that have a resolved time, ordered by time, then
// article, then their order in the article.
//
// The Entity filter is first resolved to canonical entities (by id, name or
// alias); an event matches when one of its who/with names is a name of
// those entities. When it names no canonical entity (none stored yet, or
// an unknown name), an event matches when a who/with name equals it or
// contains it as whole words after normalization ("حفتر" matches
// "خليفة حفتر").
func (s *Store) Timeline(ctx context.Context, f marsad.TimelineFilter) ([]marsad.TimelineItem, error) {
	where := []string{"e.when_value <> ''"}
	var args []any
	if f.From != "" {
		where, args = append(where, "e.when_value >= ?"), append(args, f.From)
	}
	if f.To != "" {
		where, args = append(where, "substr(e.when_value, 1, length(?)) <= ?"), append(args, f.To, f.To)
	}
	if f.StoryID != 0 {
		where = append(where, "e.article_id IN (SELECT article_id FROM story_articles WHERE story_id = ? AND duplicate = 0)")
		args = append(args, f.StoryID)
	}
	if f.Entity != "" {
		ids, names, err := s.resolveEntity(ctx, f.Entity)
		if err != nil {
			return nil, fmt.Errorf("sqlite: timeline: %w", err)
		}
		if len(ids) > 0 {
			if len(names) == 0 {
				return []marsad.TimelineItem{}, nil
			}
			in, nargs := inList(names)
			where = append(where, "e.id IN (SELECT event_id FROM event_participants WHERE norm_name IN "+in+")")
			args = append(args, nargs...)
		} else {
			norm := arabic.Normalize(f.Entity)
			if norm == "" {
				return []marsad.TimelineItem{}, nil
			}
			where = append(where, `e.id IN (SELECT event_id FROM event_participants
				WHERE norm_name = ? OR (' ' || norm_name || ' ') LIKE ? ESCAPE '\')`)
			args = append(args, norm, "% "+likeEscape(norm)+" %")
		}
	}
	limit, _ := limitArgs(f.Limit, 0)
	rows, err := s.read.QueryContext(ctx, `SELECT e.when_value, e.kind, e.text, e.who, e.with_, e.where_, `+refColumns+`
		FROM events e JOIN articles a ON a.id = e.article_id
		WHERE `+strings.Join(where, " AND ")+`
		ORDER BY e.when_value, e.article_id, e.id LIMIT ?`, append(args, limit)...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: timeline: %w", err)
	}
	defer rows.Close()
	out := []marsad.TimelineItem{}
	for rows.Next() {
		var it marsad.TimelineItem
		var who, with string
		var pub sql.NullString
		var gran string
		r := &it.Article
		if err := rows.Scan(&it.When, &it.Kind, &it.Text, &who, &with, &it.Where,
			&r.ID, &r.Title, &r.URL, &r.File, &r.Outlet, &pub, &gran); err != nil {
			return nil, fmt.Errorf("sqlite: timeline: %w", err)
		}
		if r.Published, err = parseDate(pub, gran); err != nil {
			return nil, fmt.Errorf("sqlite: timeline: %w", err)
		}
		if err := json.Unmarshal([]byte(who), &it.Who); err != nil {
			return nil, fmt.Errorf("sqlite: timeline: event who: %w", err)
		}
		if err := json.Unmarshal([]byte(with), &it.With); err != nil {
			return nil, fmt.Errorf("sqlite: timeline: event with: %w", err)
		}
		out = append(out, it)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: timeline: %w", err)
	}
	return out, nil
}

// Quotes lists quotes in article order, then in their order in the article.
// Speaker matches the speaker's name after normalization, the quote's
// speaker id, or a canonical entity (by id, name or alias) that the
// speaker is linked to or named as.
func (s *Store) Quotes(ctx context.Context, f marsad.QuoteFilter) ([]marsad.QuoteItem, error) {
	var where []string
	var args []any
	if f.Kind != "" {
		where, args = append(where, "q.kind = ?"), append(args, string(f.Kind))
	}
	if f.Speaker != "" {
		ids, names, err := s.resolveEntity(ctx, f.Speaker)
		if err != nil {
			return nil, fmt.Errorf("sqlite: quotes: %w", err)
		}
		// A union of indexed lookups: an OR of these conditions made
		// SQLite scan every quote.
		nameIn, nameArgs := inList(append([]string{arabic.Normalize(f.Speaker)}, names...))
		idIn, idArgs := inList(append([]string{f.Speaker}, ids...))
		sub := "SELECT id FROM quotes WHERE norm_speaker IN " + nameIn +
			" UNION SELECT id FROM quotes WHERE speaker_id IN " + idIn
		args = append(append(args, nameArgs...), idArgs...)
		if len(ids) > 0 {
			in, linkArgs := inList(ids)
			sub += " UNION SELECT q2.id FROM entity_links l JOIN quotes q2" +
				" ON q2.article_id = l.article_id AND q2.speaker_id = l.local_id WHERE l.entity_id IN " + in
			args = append(args, linkArgs...)
		}
		where = append(where, "q.id IN ("+sub+")")
	}
	cond := ""
	if len(where) > 0 {
		cond = " WHERE " + strings.Join(where, " AND ")
	}
	limit, offset := limitArgs(f.Limit, f.Offset)
	rows, err := s.read.QueryContext(ctx, `SELECT q.speaker, q.speaker_id, q.text, q.kind, q.via, q.start_offset, q.end_offset, `+refColumns+`
		FROM quotes q JOIN articles a ON a.id = q.article_id`+cond+`
		ORDER BY q.article_id, q.id LIMIT ? OFFSET ?`, append(args, limit, offset)...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: quotes: %w", err)
	}
	defer rows.Close()
	out := []marsad.QuoteItem{}
	for rows.Next() {
		var it marsad.QuoteItem
		var kind string
		var pub sql.NullString
		var gran string
		r := &it.Article
		if err := rows.Scan(&it.Speaker, &it.SpeakerID, &it.Text, &kind, &it.Via, &it.Start, &it.End,
			&r.ID, &r.Title, &r.URL, &r.File, &r.Outlet, &pub, &gran); err != nil {
			return nil, fmt.Errorf("sqlite: quotes: %w", err)
		}
		it.Kind = marsad.QuoteKind(kind)
		if r.Published, err = parseDate(pub, gran); err != nil {
			return nil, fmt.Errorf("sqlite: quotes: %w", err)
		}
		out = append(out, it)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: quotes: %w", err)
	}
	return out, nil
}
