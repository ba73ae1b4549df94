package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/arabic"
	"github.com/marsad-news/marsad/search"
)

// analysis is the JSON form of an article's analysis, kept whole in
// articles.analysis so that Article returns exactly what was stored; the
// normalized tables are derived from it for listing.
type analysis struct {
	Entities       []marsad.Entity        `json:"entities,omitempty"`
	Times          []marsad.TimeExpr      `json:"times,omitempty"`
	Quotes         []marsad.Quote         `json:"quotes,omitempty"`
	Events         []marsad.Event         `json:"events,omitempty"`
	Contradictions []marsad.Contradiction `json:"contradictions,omitempty"`
}

// articleColumns are the columns scanArticle reads, in order.
const articleColumns = `a.id, a.content_hash, a.file, a.url, a.title, a.published, a.published_gran,
	a.updated, a.updated_gran, a.outlet, a.author, a.dateline, a.body, a.language, a.ingested`

// refColumns are the columns scanRef reads, in order.
const refColumns = `a.id, a.title, a.url, a.file, a.outlet, a.published, a.published_gran`

type scanner interface{ Scan(dest ...any) error }

func scanArticle(row scanner, extra ...any) (*marsad.Article, error) {
	a := &marsad.Article{}
	var pub, upd sql.NullString
	var pubGran, updGran string
	var ingested int64
	dest := []any{&a.ID, &a.ContentHash, &a.File, &a.URL, &a.Title, &pub, &pubGran,
		&upd, &updGran, &a.Outlet, &a.Author, &a.Dateline, &a.Body, &a.Language, &ingested}
	if err := row.Scan(append(dest, extra...)...); err != nil {
		return nil, err
	}
	var err error
	if a.Published, err = parseDate(pub, pubGran); err != nil {
		return nil, fmt.Errorf("article %d published: %w", a.ID, err)
	}
	if a.Updated, err = parseDate(upd, updGran); err != nil {
		return nil, fmt.Errorf("article %d updated: %w", a.ID, err)
	}
	a.Ingested = time.Unix(0, ingested).UTC()
	return a, nil
}

func scanRef(row scanner, extra ...any) (marsad.ArticleRef, error) {
	var r marsad.ArticleRef
	var pub sql.NullString
	var gran string
	if err := row.Scan(append([]any{&r.ID, &r.Title, &r.URL, &r.File, &r.Outlet, &pub, &gran}, extra...)...); err != nil {
		return r, err
	}
	var err error
	r.Published, err = parseDate(pub, gran)
	return r, err
}

// dateColumns returns the stored form of d: RFC 3339 with nanoseconds and
// the zone offset, its granularity, and Unix seconds for range filters;
// NULLs when d is unknown.
func dateColumns(d marsad.Date) (value any, gran string, unix any) {
	if d.IsZero() {
		return nil, "", nil
	}
	return d.Time.Format(time.RFC3339Nano), string(d.Granularity), d.Time.Unix()
}

func parseDate(v sql.NullString, gran string) (marsad.Date, error) {
	if !v.Valid || v.String == "" {
		return marsad.Date{}, nil
	}
	t, err := time.Parse(time.RFC3339Nano, v.String)
	if err != nil {
		return marsad.Date{}, err
	}
	return marsad.Date{Time: t, Granularity: marsad.Granularity(gran)}, nil
}

func jsonText(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		// The marsad types marshal without error; this only guards against
		// a future field that cannot.
		return "null"
	}
	return string(b)
}

func stringsJSON(s []string) string {
	if s == nil {
		s = []string{}
	}
	return jsonText(s)
}

// PutArticle stores a and its analysis in one transaction. The dedup key is
// a.ContentHash, or search.ContentHash of the title and body when it is
// empty. a is not modified.
func (s *Store) PutArticle(ctx context.Context, a *marsad.Article) (int64, bool, error) {
	if a == nil {
		return 0, false, marsad.Errorf(marsad.EINVALID, "sqlite: put article: nil article")
	}
	id, created, err := s.putArticle(ctx, a)
	if err != nil {
		if marsad.ErrorCode(err) != marsad.EINTERNAL {
			return 0, false, err
		}
		return 0, false, fmt.Errorf("sqlite: put article %q: %w", articleName(a), err)
	}
	return id, created, nil
}

// articleName names an article in errors.
func articleName(a *marsad.Article) string {
	if src := a.Source(); src != "" {
		return src
	}
	if a.Title != "" {
		return a.Title
	}
	return a.ContentHash
}

func (s *Store) putArticle(ctx context.Context, a *marsad.Article) (int64, bool, error) {
	hash := clean(a.ContentHash)
	if hash == "" {
		hash = search.ContentHash(a.Title, a.Body)
	}
	ingested := a.Ingested
	if ingested.IsZero() {
		ingested = s.Now()
	}
	pub, pubGran, pubUnix := dateColumns(a.Published)
	upd, updGran, _ := dateColumns(a.Updated)
	an := jsonText(analysis{a.Entities, a.Times, a.Quotes, a.Events, a.Contradictions})
	titleTerms, bodyTerms := search.IndexText(a.Title), search.IndexText(a.Body)

	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return 0, false, err
	}
	defer tx.Rollback()

	var id int64
	err = tx.QueryRowContext(ctx, `INSERT INTO articles (content_hash, file, url, title,
		published, published_gran, published_unix, updated, updated_gran,
		outlet, author, dateline, body, language, ingested, analysis)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (content_hash) DO NOTHING
		RETURNING id`,
		hash, clean(a.File), clean(a.URL), clean(a.Title), pub, pubGran, pubUnix, upd, updGran,
		clean(a.Outlet), clean(a.Author), clean(a.Dateline), clean(a.Body), clean(a.Language),
		ingested.UnixNano(), an).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		if err := tx.QueryRowContext(ctx, `SELECT id FROM articles WHERE content_hash = ?`, hash).Scan(&id); err != nil {
			return 0, false, fmt.Errorf("find duplicate: %w", err)
		}
		return id, false, nil
	} else if err != nil {
		return 0, false, err
	}

	if _, err := tx.ExecContext(ctx, `INSERT INTO article_fts (rowid, title, body) VALUES (?, ?, ?)`,
		id, titleTerms, bodyTerms); err != nil {
		return 0, false, fmt.Errorf("index: %w", err)
	}
	if err := insertAnalysis(ctx, tx, id, a); err != nil {
		return 0, false, err
	}
	if err := tx.Commit(); err != nil {
		return 0, false, err
	}
	return id, true, nil
}

// insertAnalysis fills the normalized tables that list entities, quotes
// and events across articles.
func insertAnalysis(ctx context.Context, tx *sql.Tx, id int64, a *marsad.Article) error {
	if len(a.Entities) > 0 {
		ent, err := tx.PrepareContext(ctx, `INSERT INTO article_entities (article_id, local_id, name, norm_name, type, aliases) VALUES (?, ?, ?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		defer ent.Close()
		names, err := tx.PrepareContext(ctx, `INSERT INTO article_entity_names (article_id, local_id, norm_name) VALUES (?, ?, ?)`)
		if err != nil {
			return err
		}
		defer names.Close()
		for _, e := range a.Entities {
			if _, err := ent.ExecContext(ctx, id, e.ID, e.Name, arabic.Normalize(e.Name), string(e.Type), stringsJSON(e.Aliases)); err != nil {
				return fmt.Errorf("entity %q: %w", e.ID, err)
			}
			for _, n := range normalizedNames(e.Name, e.Aliases) {
				if _, err := names.ExecContext(ctx, id, e.ID, n); err != nil {
					return fmt.Errorf("entity %q: %w", e.ID, err)
				}
			}
		}
	}
	if len(a.Quotes) > 0 {
		q, err := tx.PrepareContext(ctx, `INSERT INTO quotes (article_id, speaker, speaker_id, norm_speaker, kind, text, via, start_offset, end_offset) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		defer q.Close()
		for _, x := range a.Quotes {
			if _, err := q.ExecContext(ctx, id, x.Speaker, x.SpeakerID, arabic.Normalize(x.Speaker), string(x.Kind), x.Text, x.Via, x.Start, x.End); err != nil {
				return fmt.Errorf("quote: %w", err)
			}
		}
	}
	if len(a.Events) > 0 {
		ev, err := tx.PrepareContext(ctx, `INSERT INTO events (article_id, kind, when_value, when_text, who, with_, where_, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`)
		if err != nil {
			return err
		}
		defer ev.Close()
		part, err := tx.PrepareContext(ctx, `INSERT INTO event_participants (event_id, norm_name) VALUES (?, ?)`)
		if err != nil {
			return err
		}
		defer part.Close()
		for _, e := range a.Events {
			var eventID int64
			if err := ev.QueryRowContext(ctx, id, e.Kind, e.When, e.WhenText, stringsJSON(e.Who), stringsJSON(e.With), e.Where, e.Text).Scan(&eventID); err != nil {
				return fmt.Errorf("event: %w", err)
			}
			for _, n := range normalizedNames("", append(append([]string(nil), e.Who...), e.With...)) {
				if _, err := part.ExecContext(ctx, eventID, n); err != nil {
					return fmt.Errorf("event: %w", err)
				}
			}
		}
	}
	return nil
}

// clean makes s storable text: invalid UTF-8 becomes U+FFFD and NUL bytes
// are dropped, as PostgreSQL requires; both backends store the same text.
func clean(s string) string {
	if utf8.ValidString(s) && !strings.ContainsRune(s, 0) {
		return s
	}
	return strings.ReplaceAll(strings.ToValidUTF8(s, "\uFFFD"), "\x00", "")
}

// normalizedNames returns the distinct non-empty normalized forms of a name
// and its aliases.
func normalizedNames(name string, aliases []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, n := range append([]string{name}, aliases...) {
		n = arabic.Normalize(n)
		if n != "" && !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	return out
}

// Article returns one article with its analysis.
func (s *Store) Article(ctx context.Context, id int64) (*marsad.Article, error) {
	var an string
	a, err := scanArticle(s.read.QueryRowContext(ctx, `SELECT `+articleColumns+`, a.analysis FROM articles a WHERE a.id = ?`, id), &an)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, marsad.Errorf(marsad.ENOTFOUND, "article %d not found", id)
	} else if err != nil {
		return nil, fmt.Errorf("sqlite: article %d: %w", id, err)
	}
	if err := setAnalysis(a, an); err != nil {
		return nil, fmt.Errorf("sqlite: article %d: %w", id, err)
	}
	return a, nil
}

func setAnalysis(a *marsad.Article, text string) error {
	var an analysis
	if err := json.Unmarshal([]byte(text), &an); err != nil {
		return fmt.Errorf("read analysis: %w", err)
	}
	a.Entities, a.Times, a.Quotes, a.Events, a.Contradictions = an.Entities, an.Times, an.Quotes, an.Events, an.Contradictions
	return nil
}

// Articles lists articles, newest ingest first, without analysis, and the
// number of articles the filter selects.
func (s *Store) Articles(ctx context.Context, f marsad.ArticleFilter) ([]*marsad.Article, int, error) {
	var where []string
	var args []any
	if f.Outlet != "" {
		where, args = append(where, "a.outlet = ?"), append(args, f.Outlet)
	}
	if !f.From.IsZero() {
		where, args = append(where, "a.published_unix >= ?"), append(args, f.From.Unix())
	}
	if !f.To.IsZero() {
		where, args = append(where, "a.published_unix < ?"), append(args, f.To.Unix())
	}
	cond := ""
	if len(where) > 0 {
		cond = " WHERE " + strings.Join(where, " AND ")
	}
	// One read transaction, so that the total and the page agree.
	tx, err := s.read.BeginTx(ctx, nil)
	if err != nil {
		return nil, 0, fmt.Errorf("sqlite: list articles: %w", err)
	}
	defer tx.Rollback()
	var total int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM articles a`+cond, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("sqlite: count articles: %w", err)
	}
	limit, offset := limitArgs(f.Limit, f.Offset)
	rows, err := tx.QueryContext(ctx, `SELECT `+articleColumns+` FROM articles a`+cond+
		` ORDER BY a.ingested DESC, a.id DESC LIMIT ? OFFSET ?`, append(args, limit, offset)...)
	if err != nil {
		return nil, 0, fmt.Errorf("sqlite: list articles: %w", err)
	}
	defer rows.Close()
	out := []*marsad.Article{}
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return nil, 0, fmt.Errorf("sqlite: list articles: %w", err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("sqlite: list articles: %w", err)
	}
	return out, total, nil
}

// eachPage is how many articles Each reads per query. Each does not hold a
// connection while fn runs, so fn may call the store.
const eachPage = 200

// Each calls fn for every article with its analysis, in id order. Articles
// stored while Each runs are visited if their id is past the current page.
func (s *Store) Each(ctx context.Context, fn func(*marsad.Article) error) error {
	var last int64
	for {
		page, err := s.eachPage(ctx, last)
		if err != nil {
			return err
		}
		for _, a := range page {
			if err := fn(a); err != nil {
				return err
			}
			last = a.ID
		}
		if len(page) < eachPage {
			return nil
		}
	}
}

func (s *Store) eachPage(ctx context.Context, after int64) ([]*marsad.Article, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT `+articleColumns+`, a.analysis FROM articles a WHERE a.id > ? ORDER BY a.id LIMIT ?`, after, eachPage)
	if err != nil {
		return nil, fmt.Errorf("sqlite: each article: %w", err)
	}
	defer rows.Close()
	var page []*marsad.Article
	for rows.Next() {
		var an string
		a, err := scanArticle(rows, &an)
		if err != nil {
			return nil, fmt.Errorf("sqlite: each article: %w", err)
		}
		if err := setAnalysis(a, an); err != nil {
			return nil, fmt.Errorf("sqlite: each article %d: %w", a.ID, err)
		}
		page = append(page, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: each article: %w", err)
	}
	return page, nil
}
