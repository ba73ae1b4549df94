package sqlite

import (
	"strings"
	"sync"

	"github.com/marsad-news/marsad/arabic"
	"github.com/marsad-news/marsad/search"
)

// Search terms with a word cache. search.IndexText tokenizes a text and
// analyzes each token on its own (normalize, drop stopwords, stem): the
// analysis of a token depends on its text alone, and news vocabulary is
// Zipfian, so remembering each distinct token's terms takes most of the
// cost (a third of a write's CPU) away. TestIndexTextCached checks the
// result equals search.IndexText.

// termCacheMax bounds a cache; past it the cache starts over, which keeps
// a long ingest's memory flat at the cost of a few misses.
const termCacheMax = 200_000

type termCache struct {
	mu sync.Mutex
	m  map[string]string
}

// indexText is search.IndexText(s), analyzing each distinct token once.
func (c *termCache) indexText(s string) string {
	toks := arabic.Tokenize(s)
	var b strings.Builder
	b.Grow(len(s))
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil || len(c.m) > termCacheMax {
		c.m = make(map[string]string, 4096)
	}
	for _, t := range toks {
		if t.Kind == arabic.Punct {
			continue
		}
		term, ok := c.m[t.Text]
		if !ok {
			term = strings.Clone(search.IndexText(t.Text)) // it may be a slice of the article body
			c.m[strings.Clone(t.Text)] = term
		}
		if term == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(term)
	}
	return b.String()
}
