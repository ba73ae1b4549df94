package sqlite

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/arabic"
	"github.com/marsad-news/marsad/storedjson"
)

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

// PutArticle stores a and its analysis in one transaction: a batch of
// one (PutArticles). The dedup key is a.ContentHash, or
// search.ContentHash of the title and body when it is empty. a is not
// modified.
func (s *Store) PutArticle(ctx context.Context, a *marsad.Article) (int64, bool, error) {
	if a == nil {
		return 0, false, marsad.Errorf(marsad.EINVALID, "sqlite: put article: nil article")
	}
	res, err := s.putArticles(ctx, []*marsad.Article{a})
	if err != nil {
		var be *marsad.BatchError
		if errors.As(err, &be) {
			err = be.Err
		}
		if marsad.ErrorCode(err) != marsad.EINTERNAL {
			return 0, false, err
		}
		return 0, false, fmt.Errorf("sqlite: put article %q: %w", articleName(a), err)
	}
	return res[0].ID, res[0].Created, nil
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
	if err := storedjson.SetAnalysis(a, an); err != nil {
		return nil, fmt.Errorf("sqlite: article %d: %w", id, err)
	}
	return a, nil
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
	conn, err := bulkReader(ctx, s.read)
	if err != nil {
		return fmt.Errorf("sqlite: each article: %w", err)
	}
	defer conn.release()
	var last int64
	for {
		page, err := s.eachPage(ctx, conn.Conn, last)
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

func (s *Store) eachPage(ctx context.Context, conn *sql.Conn, after int64) ([]*marsad.Article, error) {
	rows, err := conn.QueryContext(ctx, `SELECT `+articleColumns+`, a.analysis FROM articles a WHERE a.id > ? ORDER BY a.id LIMIT ?`, after, eachPage)
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
		if err := storedjson.SetAnalysis(a, an); err != nil {
			return nil, fmt.Errorf("sqlite: each article %d: %w", a.ID, err)
		}
		page = append(page, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: each article: %w", err)
	}
	return page, nil
}

// readerMmapSize is how much of the database file each reader connection
// maps (see Open).
const readerMmapSize = 268435456

// bulkConn is a reader connection that maps none of the file, for reads
// that go through every article once (Each, EachEntities): mapped, such a
// pass leaves the whole database file resident in the process (about
// 265 MB of RSS on the 30k-article corpus, measured in /proc/PID/smaps
// during the rebuild) for pages that are not read again.
type bulkConn struct{ *sql.Conn }

func bulkReader(ctx context.Context, db *sql.DB) (bulkConn, error) {
	c, err := db.Conn(ctx)
	if err != nil {
		return bulkConn{}, err
	}
	if _, err := c.ExecContext(ctx, "PRAGMA mmap_size=0"); err != nil {
		c.Close()
		return bulkConn{}, err
	}
	return bulkConn{c}, nil
}

// release gives the connection back to the pool mapped as the others are,
// or closes it for good when that fails.
func (c bulkConn) release() {
	if _, err := c.ExecContext(context.Background(), fmt.Sprintf("PRAGMA mmap_size=%d", readerMmapSize)); err != nil {
		c.Raw(func(any) error { return driver.ErrBadConn })
	}
	c.Close()
}
