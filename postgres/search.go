package postgres

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/search"
)

// tsvector limits (PostgreSQL's MAXENTRYPOS, MAXNUMPOS, MAXSTRLEN and the
// 1 MB size of a tsvector, kept under with room to spare).
const (
	maxPosition     = 16383
	maxPositions    = 256
	maxLexemeBytes  = 2046
	maxVectorBudget = 900 << 10
)

// tsvector writes the text form of a tsvector ("'روسيا':3A,9 …") for the
// analyzed terms of a title and a body. Title terms get weight A, body
// terms the default D. Positions count analyzed terms, so stopwords leave
// no gap, as in the SQLite index; one position separates title from body
// so that no phrase spans both.
func tsvector(title, body []string) string {
	type entry struct {
		positions []string
	}
	entries := map[string]*entry{}
	budget := maxVectorBudget
	add := func(term string, pos int, weight string) {
		if len(term) > maxLexemeBytes {
			return
		}
		e := entries[term]
		switch {
		case e == nil:
			// A new lexeme with its first position.
			cost := len(term) + 8 + 2
			if budget < cost {
				return
			}
			budget -= cost
			e = &entry{}
			entries[term] = e
		case len(e.positions) >= maxPositions || budget < 2:
			return
		default:
			budget -= 2
		}
		e.positions = append(e.positions, strconv.Itoa(min(pos, maxPosition))+weight)
	}
	pos := 1
	for _, t := range title {
		add(t, pos, "A")
		pos++
	}
	pos++
	for _, t := range body {
		add(t, pos, "")
		pos++
	}
	terms := make([]string, 0, len(entries))
	for t := range entries {
		terms = append(terms, t)
	}
	sort.Strings(terms)
	var b strings.Builder
	for i, t := range terms {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(quoteLexeme(t))
		b.WriteByte(':')
		b.WriteString(strings.Join(entries[t].positions, ","))
	}
	return b.String()
}

// quoteLexeme quotes a term for tsvector and tsquery input, where a
// backslash escapes and a quote is doubled.
func quoteLexeme(t string) string {
	if strings.ContainsAny(t, `'\`) {
		t = lexemeEscaper.Replace(t)
	}
	return "'" + t + "'"
}

var lexemeEscaper = strings.NewReplacer(`\`, `\\`, `'`, `''`)

// tsquery writes a parsed query as tsquery text: terms and phrases joined
// by &, phrase words by <->.
func tsquery(q *search.Query) string {
	var parts []string
	for _, t := range q.Terms {
		parts = append(parts, quoteLexeme(t))
	}
	for _, p := range q.Phrases {
		words := make([]string, len(p))
		for i, t := range p {
			words[i] = quoteLexeme(t)
		}
		parts = append(parts, "("+strings.Join(words, " <-> ")+")")
	}
	return strings.Join(parts, " & ")
}

// rankWeights are the ts_rank_cd weights of D, C, B and A: body terms
// (D) count 1/TitleWeight of title terms (A).
var rankWeights = fmt.Sprintf("{%g, %g, %g, 1.0}", 1/TitleWeight, 1/TitleWeight, 1/TitleWeight)

// Search runs q against the tsvector index: every term and phrase must
// occur in the title or the body; hits are ordered by ts_rank_cd (see the
// package documentation for how that differs from SQLite's bm25).
func (s *Store) Search(ctx context.Context, q marsad.SearchQuery) (*marsad.SearchResult, error) {
	parsed, err := search.Parse(q.Query)
	if err != nil {
		return nil, err
	}
	lim := q.Limit
	if lim <= 0 {
		lim = DefaultSearchLimit
	}
	lim = min(lim, MaxSearchLimit)
	var p params
	cond := "a.search @@ " + p.add(tsquery(parsed)) + "::tsquery"
	if q.Outlet != "" {
		cond += " AND a.outlet = " + p.add(q.Outlet)
	}
	res := &marsad.SearchResult{Query: q.Query, Hits: []marsad.SearchHit{}}
	// One snapshot for the total and the page, even while ingest writes.
	tx, err := s.pool.BeginTx(ctx, snapshot)
	if err != nil {
		return nil, fmt.Errorf("postgres: search %q: %w", q.Query, err)
	}
	defer tx.Rollback(ctx)
	if err := tx.QueryRow(ctx, `SELECT count(*) FROM articles a WHERE `+cond, p.args...).Scan(&res.Total); err != nil {
		return nil, fmt.Errorf("postgres: search %q: %w", q.Query, err)
	}
	if res.Total == 0 {
		return res, nil
	}
	query := `SELECT ` + refColumns + `, a.body, ts_rank_cd(` + p.add(rankWeights) + `::float4[], a.search, $1::tsquery, 1) AS score
		FROM articles a WHERE ` + cond + `
		ORDER BY score DESC, a.id LIMIT ` + p.add(lim) + ` OFFSET ` + p.add(max(0, q.Offset))
	rows, err := tx.Query(ctx, query, p.args...)
	if err != nil {
		return nil, fmt.Errorf("postgres: search %q: %w", q.Query, err)
	}
	defer rows.Close()
	highlight := parsed.Highlight()
	for rows.Next() {
		var hit marsad.SearchHit
		var body string
		var score float32
		dest, finish := refDest(&hit.Article)
		if err := rows.Scan(append(dest, &body, &score)...); err != nil {
			return nil, fmt.Errorf("postgres: search %q: %w", q.Query, err)
		}
		if err := finish(); err != nil {
			return nil, fmt.Errorf("postgres: search %q: %w", q.Query, err)
		}
		hit.Score = float64(score)
		hit.Snippet = search.Snippet(body, highlight, search.DefaultSnippetWords)
		res.Hits = append(res.Hits, hit)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: search %q: %w", q.Query, err)
	}
	return res, nil
}

// SearchOutlets counts the articles that match query (as in Search) by
// outlet, without ranking them or reading their bodies: exact search
// facets for the web desk, which otherwise counts a sample of the top hits.
func (s *Store) SearchOutlets(ctx context.Context, query string) (map[string]int, error) {
	parsed, err := search.Parse(query)
	if err != nil {
		return nil, err
	}
	rows, err := s.pool.Query(ctx, `SELECT a.outlet, count(*) FROM articles a
		WHERE a.search @@ $1::tsquery GROUP BY a.outlet`, tsquery(parsed))
	if err != nil {
		return nil, fmt.Errorf("postgres: search outlets %q: %w", query, err)
	}
	defer rows.Close()
	counts := map[string]int{}
	for rows.Next() {
		var outlet string
		var n int
		if err := rows.Scan(&outlet, &n); err != nil {
			return nil, fmt.Errorf("postgres: search outlets %q: %w", query, err)
		}
		counts[outlet] = n
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: search outlets %q: %w", query, err)
	}
	return counts, nil
}
