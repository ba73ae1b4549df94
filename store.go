package marsad

import (
	"context"
	"time"
)

// Store keeps articles and what was extracted from them. The sqlite and
// postgres packages implement it and pass one conformance suite (storetest).
//
// Implementations must be safe for concurrent use, and a reader (serve) must
// keep answering while a writer (ingest) stores.
type Store interface {
	// PutArticle stores an analyzed article with its entities, quotes, times
	// and events in one transaction. An article whose ContentHash is already
	// stored is not stored again: PutArticle returns the existing id and
	// created=false.
	PutArticle(ctx context.Context, a *Article) (id int64, created bool, err error)
	// Article returns one article with its analysis; ENOTFOUND if missing.
	Article(ctx context.Context, id int64) (*Article, error)
	// Articles lists articles, newest ingest first, without analysis.
	Articles(ctx context.Context, f ArticleFilter) ([]*Article, int, error)
	// Search runs a ranked Arabic-aware full-text query.
	Search(ctx context.Context, q SearchQuery) (*SearchResult, error)
	Close() error
}

// ArticleFilter selects and pages articles.
type ArticleFilter struct {
	Outlet string
	From   time.Time // published at or after, when non-zero
	To     time.Time // published before, when non-zero
	Limit  int
	Offset int
}

// SearchQuery is a full-text query with paging.
type SearchQuery struct {
	Query  string
	Outlet string
	Limit  int
	Offset int
}

// SearchResult is a page of ranked hits.
type SearchResult struct {
	Query string      `json:"query"`
	Total int         `json:"total"`
	Hits  []SearchHit `json:"hits"`
}

// SearchHit is one article that matched, with a highlighted snippet. In the
// snippet, matched words are wrapped in U+E000 … U+E001 (private-use marks)
// so that a renderer escapes the text first and then turns the marks into
// <mark> tags: article text is never trusted as markup.
type SearchHit struct {
	Article ArticleRef `json:"article"`
	Score   float64    `json:"score"`
	Snippet string     `json:"snippet"`
}

// Snippet highlight marks; see SearchHit.
const (
	MarkStart = "\ue000"
	MarkEnd   = "\ue001"
)
