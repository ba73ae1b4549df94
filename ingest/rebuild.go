package ingest

import (
	"context"
	"fmt"
	"sort"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/resolve"
	"github.com/marsad-news/marsad/speech"
	"github.com/marsad-news/marsad/story"
)

// rebuild recomputes canonical entities and stories from every stored
// article. Resolution and story threading are incremental in memory
// (resolve.Resolver, story.Index); across runs they are replayed from the
// store, which keeps every article's own analysis.
func rebuild(ctx context.Context, store marsad.Store) error {
	r, err := Resolver(ctx, store)
	if err != nil {
		return err
	}
	ents := r.Entities()
	links := r.Links()
	if err := store.ReplaceEntities(ctx, ents, links); err != nil {
		return fmt.Errorf("store entities: %w", err)
	}
	canon := map[int64]map[string]string{} // article → local id → canonical id
	for _, l := range links {
		if canon[l.ArticleID] == nil {
			canon[l.ArticleID] = map[string]string{}
		}
		canon[l.ArticleID][l.LocalID] = l.EntityID
	}
	byID := map[string]marsad.Entity{}
	for _, e := range ents {
		byID[e.ID] = e
	}
	ix := story.NewIndex(story.Options{})
	quotes := map[int64]articleQuotes{} // read in the same pass, for contradictions
	err = store.Each(ctx, func(a *marsad.Article) error {
		if len(a.Quotes) > 0 {
			quotes[a.ID] = articleQuotes{ref: a.Ref(), quotes: a.Quotes}
		}
		var ids []string
		for _, e := range a.Entities {
			if id := canon[a.ID][e.ID]; id != "" {
				ids = append(ids, id)
			}
		}
		ix.Add(story.Doc{ID: a.ID, Title: a.Title, Body: a.Body, Outlet: a.Outlet, Published: a.Published, Entities: ids, URL: a.URL, File: a.File})
		return nil
	})
	if err != nil {
		return fmt.Errorf("read articles for stories: %w", err)
	}
	if rebuildPeak != nil {
		rebuildPeak() // the resolver, its links and the story index are all live here
	}
	stories := ix.Stories()
	for i := range stories {
		stories[i].Entities = keyEntities(stories[i], canon, byID, 8)
		stories[i].Contradictions = crossContradictions(stories[i], quotes)
	}
	if err := store.ReplaceStories(ctx, stories); err != nil {
		return fmt.Errorf("store stories: %w", err)
	}
	return nil
}

// rebuildPeak, when set (by a benchmark), is called where rebuild holds the
// most memory, so that a heap profile can be taken there.
var rebuildPeak func()

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
// them.
func keyEntities(s marsad.Story, canon map[int64]map[string]string, byID map[string]marsad.Entity, n int) []marsad.Entity {
	count := map[string]int{}
	add := func(id int64) {
		seen := map[string]bool{}
		for _, c := range canon[id] {
			if !seen[c] {
				seen[c] = true
				count[c]++
			}
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
		if e, ok := byID[id]; ok && len(out) < n {
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
