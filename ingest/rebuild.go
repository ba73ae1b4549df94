package ingest

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"sort"
	"sync"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/resolve"
	"github.com/marsad-news/marsad/speech"
	"github.com/marsad-news/marsad/story"
)

// rebuild recomputes canonical entities and stories from every stored
// article. Resolution and story threading are incremental in memory
// (resolve.Resolver, story.Index); across runs they are replayed from the
// store, which keeps every article's own analysis.
//
// It reads the store once. While the articles stream in (in id order),
// one goroutine replays entity resolution over them, in that order, and
// GOMAXPROCS workers analyze their text for the story index (the costly,
// order-free part); the rebuild keeps the analysis and the quotes, never a
// body. Story threading needs each article's canonical entities, known
// only when resolution has seen every article, so the analyzed documents
// are then added to the index in id order, exactly as one sequential
// pass would add them, while the store writes the canonical entities.
func rebuild(ctx context.Context, store marsad.Store) error {
	docs, quotes, r, err := readForRebuild(ctx, store)
	if err != nil {
		return err
	}
	if rebuildPeak != nil {
		rebuildPeak("read") // the resolver, the analyzed articles and the quotes
	}
	ents := r.Entities()
	links := r.Links()
	r = nil // the resolver is the largest thing alive here; only its output is needed from now on
	stored := make(chan error, 1)
	go func(ents []marsad.Entity, links []marsad.EntityLink) {
		stored <- store.ReplaceEntities(ctx, ents, links)
	}(ents, links)

	// canon lists each article's canonical entities, each once, in the
	// order of the article's local ids.
	canon := make(map[int64][]string, len(docs))
	for _, l := range links {
		if ids := canon[l.ArticleID]; !slices.Contains(ids, l.EntityID) {
			canon[l.ArticleID] = append(ids, l.EntityID)
		}
	}
	links = nil
	byID := make(map[string]int, len(ents))
	for i, e := range ents {
		byID[e.ID] = i
	}
	ix := story.NewIndex(story.Options{})
	for i, p := range docs {
		p.SetEntities(canon[p.ID()])
		ix.AddPrepared(p)
		docs[i] = nil
	}
	if rebuildPeak != nil {
		rebuildPeak("indexed") // the canonical entities and the story index
	}
	stories := ix.Stories()
	ix = nil
	for i := range stories {
		stories[i].Entities = keyEntities(stories[i], canon, ents, byID, 8)
		stories[i].Contradictions = crossContradictions(stories[i], quotes)
	}
	if err := <-stored; err != nil {
		return fmt.Errorf("store entities: %w", err)
	}
	if err := store.ReplaceStories(ctx, stories); err != nil {
		return fmt.Errorf("store stories: %w", err)
	}
	return nil
}

// rebuildPeak, when set (by a benchmark), is called where rebuild holds the
// most memory (after reading the store, and after indexing), so that heap
// profiles can be taken there.
var rebuildPeak func(stage string)

// readForRebuild reads every stored article once, in id order. It returns
// the articles analyzed for the story index (in id order), the quotes of
// the articles that have any, and the resolver that saw every article's
// entities.
func readForRebuild(ctx context.Context, store marsad.Store) ([]*story.Prepared, map[int64]articleQuotes, *resolve.Resolver, error) {
	r := resolve.NewResolver()
	toResolver := make(chan *marsad.Article, 64)
	resolved := make(chan struct{})
	go func() {
		defer close(resolved)
		for a := range toResolver {
			r.Record(a.ID, a.Entities)
		}
	}()

	type job struct {
		i   int
		doc story.Doc
	}
	workers := max(1, runtime.GOMAXPROCS(0))
	jobs := make(chan job, 4*workers)
	var (
		mu   sync.Mutex
		docs []*story.Prepared
		wg   sync.WaitGroup
	)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			an := story.NewAnalyzer() // one per worker: it caches word analysis
			for j := range jobs {
				p := an.Prepare(j.doc)
				mu.Lock()
				docs[j.i] = p
				mu.Unlock()
			}
		}()
	}

	quotes := map[int64]articleQuotes{}
	n := 0
	err := store.Each(ctx, func(a *marsad.Article) error {
		if qs := acrossQuotes(a.Quotes); len(qs) > 0 {
			quotes[a.ID] = articleQuotes{ref: a.Ref(), quotes: qs}
		}
		mu.Lock()
		docs = append(docs, nil)
		mu.Unlock()
		toResolver <- a
		jobs <- job{n, story.Doc{ID: a.ID, Title: a.Title, Body: a.Body, Outlet: a.Outlet, Published: a.Published, URL: a.URL, File: a.File}}
		n++
		return nil
	})
	close(jobs)
	close(toResolver)
	wg.Wait()
	<-resolved
	if err != nil {
		return nil, nil, nil, fmt.Errorf("read articles for entities and stories: %w", err)
	}
	return docs, quotes, r, nil
}

// Resolver replays cross-article entity resolution over the store.
func Resolver(ctx context.Context, store marsad.Store) (*resolve.Resolver, error) {
	r := resolve.NewResolver()
	err := store.Each(ctx, func(a *marsad.Article) error {
		r.Record(a.ID, a.Entities)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read articles for entities: %w", err)
	}
	return r, nil
}

// keyEntities ranks a story's entities by how many of its articles name
// them. canon lists each article's canonical entity ids, each once; byID
// indexes ents.
func keyEntities(s marsad.Story, canon map[int64][]string, ents []marsad.Entity, byID map[string]int, n int) []marsad.Entity {
	count := map[string]int{}
	add := func(id int64) {
		for _, c := range canon[id] {
			count[c]++
		}
	}
	for _, a := range s.Articles {
		add(a.ID)
		for _, d := range a.Duplicates {
			add(d.ID)
		}
	}
	ids := make([]string, 0, len(count))
	for id := range count {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool {
		if count[ids[i]] != count[ids[j]] {
			return count[ids[i]] > count[ids[j]]
		}
		return ids[i] < ids[j]
	})
	var out []marsad.Entity
	for _, id := range ids {
		if i, ok := byID[id]; ok && len(out) < n {
			e := ents[i]
			e.Mentions = nil
			out = append(out, e)
		}
	}
	return out
}

// articleQuotes are the claims, statements and denials of one article.
type articleQuotes struct {
	ref    marsad.ArticleRef
	quotes []marsad.Quote
}

// acrossQuotes are the quotes speech.Across can use: denials, and the
// other quotes that name their speaker (a claim without a speaker is
// never linked). The rebuild keeps them for every article until the
// stories are known, so it keeps no more.
func acrossQuotes(qs []marsad.Quote) []marsad.Quote {
	var out []marsad.Quote
	for _, q := range qs {
		if q.Kind == marsad.Denial || q.Speaker != "" {
			out = append(out, q)
		}
	}
	return out
}

// crossContradictions links claims and denials between the articles of
// one story (speech.Across: the denial names the claimant or shares the
// claim's content words).
func crossContradictions(s marsad.Story, quotes map[int64]articleQuotes) []marsad.StoryContradiction {
	var in []speech.ArticleQuote
	add := func(id int64) {
		for _, q := range quotes[id].quotes {
			in = append(in, speech.ArticleQuote{Quote: q, ArticleID: id})
		}
	}
	for _, a := range s.Articles {
		add(a.ID)
		for _, d := range a.Duplicates {
			add(d.ID)
		}
	}
	var out []marsad.StoryContradiction
	for _, c := range speech.Across(in) {
		out = append(out, marsad.StoryContradiction{
			Claim:  marsad.QuoteItem{Quote: c.Claim.Quote, Article: quotes[c.Claim.ArticleID].ref},
			Denial: marsad.QuoteItem{Quote: c.Denial.Quote, Article: quotes[c.Denial.ArticleID].ref},
		})
	}
	return out
}
