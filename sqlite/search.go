package sqlite

import (
	"context"
	"fmt"
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
	match := ftsQuery(parsed)
	cond := `article_fts MATCH ?`
	args := []any{match}
	if q.Outlet != "" {
		cond += ` AND a.outlet = ?`
		args = append(args, q.Outlet)
	}
	res := &marsad.SearchResult{Query: q.Query, Hits: []marsad.SearchHit{}}
	if err := s.read.QueryRowContext(ctx, `SELECT count(*) FROM article_fts JOIN articles a ON a.id = article_fts.rowid WHERE `+cond,
		args...).Scan(&res.Total); err != nil {
		return nil, fmt.Errorf("sqlite: search %q: %w", q.Query, err)
	}
	if res.Total == 0 {
		return res, nil
	}
	rows, err := s.read.QueryContext(ctx, fmt.Sprintf(`SELECT %s, a.body, bm25(article_fts, %g, 1.0) AS rank
		FROM article_fts JOIN articles a ON a.id = article_fts.rowid
		WHERE %s ORDER BY rank, a.id LIMIT ? OFFSET ?`, refColumns, TitleWeight, cond),
		append(args, limit, max(0, q.Offset))...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: search %q: %w", q.Query, err)
	}
	defer rows.Close()
	highlight := parsed.Highlight()
	for rows.Next() {
		var body string
		var rank float64
		ref, err := scanRef(rows, &body, &rank)
		if err != nil {
			return nil, fmt.Errorf("sqlite: search %q: %w", q.Query, err)
		}
		res.Hits = append(res.Hits, marsad.SearchHit{
			Article: ref,
			Score:   -rank,
			Snippet: search.Snippet(body, highlight, search.DefaultSnippetWords),
		})
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: search %q: %w", q.Query, err)
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
