package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/arabic"
	"github.com/marsad-news/marsad/search"
	"github.com/marsad-news/marsad/storedjson"
)

// articleColumns are the columns scanArticle reads, in order.
const articleColumns = `a.id, a.content_hash, a.file, a.url, a.title, a.published, a.published_gran,
	a.updated, a.updated_gran, a.outlet, a.author, a.dateline, a.body, a.language, a.ingested`

// refColumns are the columns scanRef reads, in order.
const refColumns = `a.id, a.title, a.url, a.file, a.outlet, a.published, a.published_gran`

func scanArticle(row pgx.Row, extra ...any) (*marsad.Article, error) {
	a := &marsad.Article{}
	var pub, upd *string
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

// refDest returns the scan destinations of refColumns into r; finish
// converts the date once the row is scanned.
func refDest(r *marsad.ArticleRef) (dest []any, finish func() error) {
	var pub *string
	var gran string
	return []any{&r.ID, &r.Title, &r.URL, &r.File, &r.Outlet, &pub, &gran}, func() error {
		var err error
		r.Published, err = parseDate(pub, gran)
		return err
	}
}

// dateColumns returns the stored form of d: RFC 3339 with nanoseconds and
// the zone offset, its granularity, and Unix seconds for range filters;
// NULLs when d is unknown. Text rather than timestamptz keeps the offset
// the source gave.
func dateColumns(d marsad.Date) (value *string, gran string, unix *int64) {
	if d.IsZero() {
		return nil, "", nil
	}
	v := d.Time.Format(time.RFC3339Nano)
	u := d.Time.Unix()
	return &v, string(d.Granularity), &u
}

func parseDate(v *string, gran string) (marsad.Date, error) {
	if v == nil || *v == "" {
		return marsad.Date{}, nil
	}
	t, err := time.Parse(time.RFC3339Nano, *v)
	if err != nil {
		return marsad.Date{}, err
	}
	return marsad.Date{Time: t, Granularity: marsad.Granularity(gran)}, nil
}

func jsonText(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
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
// empty. a is not modified. Safe for concurrent writers in several
// processes: the unique index on content_hash decides who stores.
func (s *Store) PutArticle(ctx context.Context, a *marsad.Article) (int64, bool, error) {
	if a == nil {
		return 0, false, marsad.Errorf(marsad.EINVALID, "postgres: put article: nil article")
	}
	id, created, err := s.putArticle(ctx, a)
	if err != nil {
		return 0, false, fmt.Errorf("postgres: put article %q: %w", articleName(a), err)
	}
	return id, created, nil
}

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
	an := storedjson.Analysis(a)
	vector := tsvector(search.Analyze(a.Title), search.Analyze(a.Body))

	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return 0, false, err
	}
	defer tx.Rollback(ctx)

	var id int64
	err = tx.QueryRow(ctx, `INSERT INTO articles (content_hash, file, url, title,
		published, published_gran, published_unix, updated, updated_gran,
		outlet, author, dateline, body, language, ingested, analysis, search)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17::tsvector)
		ON CONFLICT (content_hash) DO NOTHING
		RETURNING id`,
		hash, clean(a.File), clean(a.URL), clean(a.Title), pub, pubGran, pubUnix, upd, updGran,
		clean(a.Outlet), clean(a.Author), clean(a.Dateline), clean(a.Body), clean(a.Language),
		ingested.UnixNano(), an, vector).Scan(&id)
	if errors.Is(err, pgx.ErrNoRows) {
		// Stored before, or by a concurrent writer that committed while
		// this insert waited on the unique index.
		if err := tx.QueryRow(ctx, `SELECT id FROM articles WHERE content_hash = $1`, hash).Scan(&id); err != nil {
			return 0, false, fmt.Errorf("find duplicate: %w", err)
		}
		return id, false, nil
	} else if err != nil {
		return 0, false, err
	}
	if err := insertAnalysis(ctx, tx, id, a); err != nil {
		return 0, false, err
	}
	if err := tx.Commit(ctx); err != nil {
		return 0, false, err
	}
	return id, true, nil
}

// insertAnalysis fills the normalized tables that list entities, quotes
// and events across articles, in one round trip.
func insertAnalysis(ctx context.Context, tx pgx.Tx, id int64, a *marsad.Article) error {
	b := &pgx.Batch{}
	for _, e := range a.Entities {
		b.Queue(`INSERT INTO article_entities (article_id, local_id, name, norm_name, type, aliases) VALUES ($1, $2, $3, $4, $5, $6)`,
			id, clean(e.ID), clean(e.Name), clean(arabic.Normalize(e.Name)), clean(string(e.Type)), stringsJSON(e.Aliases))
		for _, n := range normalizedNames(e.Name, e.Aliases) {
			b.Queue(`INSERT INTO article_entity_names (article_id, local_id, norm_name) VALUES ($1, $2, $3)`, id, clean(e.ID), n)
		}
	}
	for _, q := range a.Quotes {
		b.Queue(`INSERT INTO quotes (article_id, speaker, speaker_id, norm_speaker, kind, text, via, start_offset, end_offset)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
			id, clean(q.Speaker), clean(q.SpeakerID), clean(arabic.Normalize(q.Speaker)), clean(string(q.Kind)),
			clean(q.Text), clean(q.Via), q.Start, q.End)
	}
	for _, e := range a.Events {
		names := normalizedNames("", append(append([]string(nil), e.Who...), e.With...))
		b.Queue(`WITH ev AS (
				INSERT INTO events (article_id, kind, when_value, when_text, who, with_, where_, text)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id)
			INSERT INTO event_participants (event_id, norm_name)
			SELECT ev.id, n FROM ev, unnest($9::text[]) AS n`,
			id, clean(e.Kind), clean(e.When), clean(e.WhenText), stringsJSON(e.Who), stringsJSON(e.With),
			clean(e.Where), clean(e.Text), names)
	}
	if b.Len() == 0 {
		return nil
	}
	if err := tx.SendBatch(ctx, b).Close(); err != nil {
		return fmt.Errorf("analysis: %w", err)
	}
	return nil
}

// normalizedNames returns the distinct non-empty normalized forms of a name
// and its aliases, cleaned for storage.
func normalizedNames(name string, aliases []string) []string {
	seen := map[string]bool{}
	out := []string{}
	for _, n := range append([]string{name}, aliases...) {
		n = clean(arabic.Normalize(n))
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
	a, err := scanArticle(s.pool.QueryRow(ctx, `SELECT `+articleColumns+`, a.analysis FROM articles a WHERE a.id = $1`, id), &an)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, marsad.Errorf(marsad.ENOTFOUND, "article %d not found", id)
	} else if err != nil {
		return nil, fmt.Errorf("postgres: article %d: %w", id, err)
	}
	if err := storedjson.SetAnalysis(a, an); err != nil {
		return nil, fmt.Errorf("postgres: article %d: %w", id, err)
	}
	return a, nil
}

// Articles lists articles, newest ingest first, without analysis, and the
// number of articles the filter selects.
func (s *Store) Articles(ctx context.Context, f marsad.ArticleFilter) ([]*marsad.Article, int, error) {
	var p params
	var where []string
	if f.Outlet != "" {
		where = append(where, "a.outlet = "+p.add(f.Outlet))
	}
	if !f.From.IsZero() {
		where = append(where, "a.published_unix >= "+p.add(f.From.Unix()))
	}
	if !f.To.IsZero() {
		where = append(where, "a.published_unix < "+p.add(f.To.Unix()))
	}
	cond := ""
	if len(where) > 0 {
		cond = " WHERE " + strings.Join(where, " AND ")
	}
	tx, err := s.pool.BeginTx(ctx, snapshot)
	if err != nil {
		return nil, 0, fmt.Errorf("postgres: list articles: %w", err)
	}
	defer tx.Rollback(ctx)
	var total int
	if err := tx.QueryRow(ctx, `SELECT count(*) FROM articles a`+cond, p.args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("postgres: count articles: %w", err)
	}
	q := `SELECT ` + articleColumns + ` FROM articles a` + cond +
		` ORDER BY a.ingested DESC, a.id DESC LIMIT ` + p.add(limit(f.Limit)) + ` OFFSET ` + p.add(max(0, f.Offset))
	rows, err := tx.Query(ctx, q, p.args...)
	if err != nil {
		return nil, 0, fmt.Errorf("postgres: list articles: %w", err)
	}
	defer rows.Close()
	out := []*marsad.Article{}
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return nil, 0, fmt.Errorf("postgres: list articles: %w", err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("postgres: list articles: %w", err)
	}
	return out, total, nil
}

// eachPage is how many articles Each reads per query. Each does not hold a
// connection while fn runs, so fn may call the store.
const eachPage = 200

// Each calls fn for every article with its analysis, in id order.
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
	rows, err := s.pool.Query(ctx, `SELECT `+articleColumns+`, a.analysis FROM articles a WHERE a.id > $1 ORDER BY a.id LIMIT $2`, after, eachPage)
	if err != nil {
		return nil, fmt.Errorf("postgres: each article: %w", err)
	}
	defer rows.Close()
	var page []*marsad.Article
	for rows.Next() {
		var an string
		a, err := scanArticle(rows, &an)
		if err != nil {
			return nil, fmt.Errorf("postgres: each article: %w", err)
		}
		if err := storedjson.SetAnalysis(a, an); err != nil {
			return nil, fmt.Errorf("postgres: each article %d: %w", a.ID, err)
		}
		page = append(page, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: each article: %w", err)
	}
	return page, nil
}
