package marsad

import (
	"context"
	"fmt"
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
	// Each calls fn for every stored article with its analysis, in id
	// order; cross-article resolution and story building read through it.
	Each(ctx context.Context, fn func(*Article) error) error

	// ReplaceEntities stores the canonical entities (cross-article
	// resolution output) and, for each article, which canonical entity each
	// of its article-local entity ids belongs to. It replaces what was
	// stored before, in one transaction.
	ReplaceEntities(ctx context.Context, entities []Entity, links []EntityLink) error
	// Entities lists canonical entities, most articles first.
	Entities(ctx context.Context, f EntityFilter) ([]Entity, error)
	// Entity returns one canonical entity by id; ENOTFOUND if missing.
	Entity(ctx context.Context, id string) (*Entity, error)
	// EntityArticles lists the articles a canonical entity occurs in.
	EntityArticles(ctx context.Context, id string) ([]ArticleRef, error)

	// Timeline lists dated events in time order.
	Timeline(ctx context.Context, f TimelineFilter) ([]TimelineItem, error)
	// Quotes lists quotes with their article.
	Quotes(ctx context.Context, f QuoteFilter) ([]QuoteItem, error)

	// ReplaceStories stores the stories (story package output), replacing
	// what was stored before, in one transaction.
	ReplaceStories(ctx context.Context, stories []Story) error
	// Stories lists stories, most articles first.
	Stories(ctx context.Context, f StoryFilter) ([]Story, error)
	// Story returns one story by id; ENOTFOUND if missing.
	Story(ctx context.Context, id int64) (*Story, error)

	Close() error
}

// BatchStore is a Store that stores many articles in one transaction.
// Ingest hands its writer batches through it when the store has it: one
// transaction, prepared statements and one commit for ~100 articles cost
// a fraction of a transaction per article. Both sqlite and postgres
// implement it.
type BatchStore interface {
	// PutArticles stores the articles in order, in one transaction, each as
	// PutArticle would: results[i] belongs to as[i], and new articles get
	// ids in input order. An article whose ContentHash is already stored,
	// or equals that of an earlier article of the batch, is not stored
	// again: its result has the stored id and Created false.
	//
	// The batch is all or nothing. When an article cannot be stored (nil,
	// or refused by the database), nothing of the batch is stored and the
	// error is a *BatchError whose Index names that article; a caller that
	// wants the articles before it stored puts as[:Index] again. Other
	// errors (the context, the connection, the commit) name no article.
	// An empty batch stores nothing and returns no results and no error.
	PutArticles(ctx context.Context, as []*Article) ([]PutResult, error)
}

// BulkLoader is a Store that can stop maintaining some of its secondary
// indexes while one run stores many articles, and build them again at the
// end. Keeping an index on a random key (a name, a date) up to date costs
// a write to a random page per row, and a page rewritten in every batch's
// commit; building the index once, sorted, at the end costs a fraction of
// that. Queries stay correct while indexes are deferred, only slower.
//
// Ingest calls DeferIndexes once a run has stored many articles and
// RestoreIndexes when the run ends, even when it fails. Opening the store
// restores any deferred indexes, so a run that died in between leaves a
// store that repairs itself (and a process that opens the store during a
// long ingest builds them early: correct, only slower for the ingest).
type BulkLoader interface {
	DeferIndexes(ctx context.Context) error
	RestoreIndexes(ctx context.Context) error
}

// PutResult is what storing one article of a batch gave.
type PutResult struct {
	ID      int64
	Created bool // false: the same content was stored before
}

// BatchError says which article of a batch could not be stored. Its code
// (ErrorCode) is that of Err.
type BatchError struct {
	Index int // into the batch
	Err   error
}

func (e *BatchError) Error() string {
	return fmt.Sprintf("article %d of the batch: %v", e.Index, e.Err)
}

func (e *BatchError) Unwrap() error { return e.Err }

// EntityReader reads only the article-local entities of every article:
// no body, no other analysis. Cross-article entity resolution needs
// nothing else, and decoding whole articles costs several times more.
type EntityReader interface {
	// EachEntities calls fn for every stored article, in id order (as
	// Each), with its entities exactly as stored (as Article returns
	// them). fn may call the store.
	EachEntities(ctx context.Context, fn func(articleID int64, entities []Entity) error) error
}

// WorkQueue lets several ingest processes, on one machine or many, share
// one database: each input record is claimed by one process, which
// analyzes and stores it, so no work is doubled; a claim whose process died
// before finishing it can be claimed again, so no article is lost. The
// postgres store implements it; a store that does not is used by one
// ingest process at a time.
type WorkQueue interface {
	// Claim reports whether this process now owns the record key (a hash
	// of its content): false when another live process holds it or it is
	// done.
	Claim(ctx context.Context, key string) (bool, error)
	// Finish marks a claimed record done (stored, or rejected for good).
	Finish(ctx context.Context, key string) error
}

// BatchWorkQueue is a WorkQueue that marks many records done in one call;
// ingest uses it after each stored batch.
type BatchWorkQueue interface {
	WorkQueue
	// FinishAll marks the claimed records done, as Finish does each.
	FinishAll(ctx context.Context, keys []string) error
}

// EntityLink says that the article-local entity LocalID of article
// ArticleID is an occurrence of the canonical entity EntityID.
type EntityLink struct {
	ArticleID int64
	LocalID   string
	EntityID  string
}

// EntityFilter selects canonical entities. Name matches the display name or
// any alias after Arabic normalization.
type EntityFilter struct {
	Type   EntityType
	Name   string
	Limit  int
	Offset int
}

// TimelineFilter selects timeline events. Entity is a canonical entity id or
// a name (matched after normalization against names and aliases).
type TimelineFilter struct {
	Entity  string
	StoryID int64
	From    string // inclusive, TimeExpr.Value format prefix ("2023", "2023-09")
	To      string // inclusive
	Limit   int
}

// TimelineItem is one dated event on the timeline.
type TimelineItem struct {
	When    string     `json:"when"`
	Kind    string     `json:"kind"`
	Text    string     `json:"text"`
	Who     []string   `json:"who"`
	With    []string   `json:"with"`
	Where   string     `json:"where"`
	Article ArticleRef `json:"article"`
}

// QuoteFilter selects quotes. Speaker matches the speaker's name, an alias
// of the speaker's canonical entity, or its id.
type QuoteFilter struct {
	Speaker string
	Kind    QuoteKind
	Limit   int
	Offset  int
}

// QuoteItem is a quote with the article it appeared in.
type QuoteItem struct {
	Quote
	Article ArticleRef `json:"article"`
}

// StoryFilter pages stories.
type StoryFilter struct {
	Limit  int
	Offset int
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
