package sqlite

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/search"
)

// Search runs q against the FTS5 index: every term and phrase must occur in
// the title or the body; hits are ordered by bm25 (title weighted
// TitleWeight), best first. Score is the negated bm25, so higher is better.
func (s *Store) Search(ctx context.Context, q marsad.SearchQuery) (*marsad.SearchResult, error) {
	parsed, err := search.Parse(q.Query)
	if err != nil {
		return nil, err
	}
	limit := q.Limit
	if limit <= 0 {
		limit = DefaultSearchLimit
	}
	limit = min(limit, MaxSearchLimit)
	// Rank inside the FTS table alone and fetch the articles of one page
	// afterwards: sorting every match together with its body would cost
	// far more than the ranking itself.
	cond := `article_fts MATCH ?`
	args := []any{ftsQuery(parsed)}
	if q.Outlet != "" {
		cond += ` AND rowid IN (SELECT id FROM articles WHERE outlet = ?)`
		args = append(args, q.Outlet)
	}
	res := &marsad.SearchResult{Query: q.Query, Hits: []marsad.SearchHit{}}
	// One read transaction: the total, the ranking and the articles come
	// from one snapshot even while ingest writes.
	tx, err := s.read.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("sqlite: search %q: %w", q.Query, err)
	}
	defer tx.Rollback()
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM article_fts WHERE `+cond, args...).Scan(&res.Total); err != nil {
		return nil, fmt.Errorf("sqlite: search %q: %w", q.Query, err)
	}
	if res.Total == 0 {
		return res, nil
	}
	rows, err := tx.QueryContext(ctx, fmt.Sprintf(`SELECT rowid, bm25(article_fts, %g, 1.0) AS rank
		FROM article_fts WHERE %s ORDER BY rank, rowid LIMIT ? OFFSET ?`, TitleWeight, cond),
		append(args, limit, max(0, q.Offset))...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: search %q: %w", q.Query, err)
	}
	var ids []string
	var ranks []float64
	for rows.Next() {
		var id int64
		var rank float64
		if err := rows.Scan(&id, &rank); err != nil {
			rows.Close()
			return nil, fmt.Errorf("sqlite: search %q: %w", q.Query, err)
		}
		ids = append(ids, strconv.FormatInt(id, 10))
		ranks = append(ranks, rank)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: search %q: %w", q.Query, err)
	}
	if len(ids) == 0 {
		return res, nil
	}
	in, inArgs := inList(ids)
	rows, err = tx.QueryContext(ctx, `SELECT `+refColumns+`, a.body FROM articles a WHERE a.id IN `+in, inArgs...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: search %q: %w", q.Query, err)
	}
	defer rows.Close()
	byID := map[int64]marsad.SearchHit{}
	highlight := parsed.Highlight()
	for rows.Next() {
		var body string
		ref, err := scanRef(rows, &body)
		if err != nil {
			return nil, fmt.Errorf("sqlite: search %q: %w", q.Query, err)
		}
		byID[ref.ID] = marsad.SearchHit{
			Article: ref,
			Snippet: search.Snippet(body, highlight, search.DefaultSnippetWords),
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: search %q: %w", q.Query, err)
	}
	for i, idText := range ids {
		id, _ := strconv.ParseInt(idText, 10, 64)
		hit, ok := byID[id]
		if !ok {
			continue // not possible inside one read; a concurrent delete at worst
		}
		hit.Score = -ranks[i]
		res.Hits = append(res.Hits, hit)
	}
	return res, nil
}

// ftsQuery writes a parsed query in FTS5 syntax: each term and each phrase
// as a quoted string, joined by spaces (implicit AND). Quoting keeps FTS5
// from reading a term as an operator (AND, OR, NOT, NEAR) or column filter.
func ftsQuery(q *search.Query) string {
	var parts []string
	for _, t := range q.Terms {
		parts = append(parts, ftsString(t))
	}
	for _, p := range q.Phrases {
		parts = append(parts, ftsString(strings.Join(p, " ")))
	}
	return strings.Join(parts, " ")
}

func ftsString(s string) string {
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

// SearchOutlets counts the articles that match query (as in Search) by
// outlet, without ranking them or reading their bodies: exact search
// facets for the web desk, which otherwise counts a sample of the top hits.
func (s *Store) SearchOutlets(ctx context.Context, query string) (map[string]int, error) {
	parsed, err := search.Parse(query)
	if err != nil {
		return nil, err
	}
	rows, err := s.read.QueryContext(ctx, `SELECT a.outlet, count(*) FROM article_fts f
		JOIN articles a ON a.id = f.rowid
		WHERE article_fts MATCH ? GROUP BY a.outlet`, ftsQuery(parsed))
	if err != nil {
		return nil, fmt.Errorf("sqlite: search outlets %q: %w", query, err)
	}
	defer rows.Close()
	counts := map[string]int{}
	for rows.Next() {
		var outlet string
		var n int
		if err := rows.Scan(&outlet, &n); err != nil {
			return nil, fmt.Errorf("sqlite: search outlets %q: %w", query, err)
		}
		counts[outlet] = n
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: search outlets %q: %w", query, err)
	}
	return counts, nil
}
