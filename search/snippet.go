package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/arabic"
)

// DefaultSnippetWords is the snippet length, in words, that Snippet uses
// when asked for zero.
const DefaultSnippetWords = 30

// Ellipsis marks a snippet end that cuts the body.
const Ellipsis = "…"

// Snippet returns a window of about maxWords words of body around the best
// cluster of query terms, each matched word wrapped in marsad.MarkStart and
// marsad.MarkEnd. The words come from the original body (tashkeel, hamza
// and clitics as written), matched through arabic.Terms so that the word
// بروسيا is marked for the term روسيا. A cut end gets "…". Line breaks
// become spaces, and any marks already in the body are dropped, so the
// only marks in a snippet are ours. A body without a match gives its
// opening words.
//
// The best window is the one with the most distinct query terms, then the
// most matches, then the earliest; it is then centred on its matches.
func Snippet(body string, queryTerms []string, maxWords int) string {
	if maxWords <= 0 {
		maxWords = DefaultSnippetWords
	}
	want := make(map[string]bool, len(queryTerms))
	for _, t := range queryTerms {
		want[t] = true
	}

	var words []arabic.Token
	for _, t := range arabic.Tokenize(body) {
		if t.Kind != arabic.Punct {
			words = append(words, t)
		}
	}
	if len(words) == 0 {
		return ""
	}
	// match[i] is the query term word i matched, "" for none. Terms counts
	// positions over the same non-punctuation tokens, from 1.
	match := make([]string, len(words))
	for _, t := range arabic.Terms(body) {
		if want[t.Term] && t.Position-1 < len(words) {
			match[t.Position-1] = t.Term
		}
	}

	from, to := bestWindow(match, maxWords)

	var b strings.Builder
	if from > 0 {
		b.WriteString(Ellipsis)
	}
	for i := from; i < to; i++ {
		if i > from {
			writeText(&b, body[words[i-1].End:words[i].Start])
		}
		w := words[i]
		if match[i] != "" {
			b.WriteString(marsad.MarkStart)
			writeText(&b, body[w.Start:w.End])
			b.WriteString(marsad.MarkEnd)
		} else {
			writeText(&b, body[w.Start:w.End])
		}
	}
	if to < len(words) {
		b.WriteString(Ellipsis)
	}
	return b.String()
}

// bestWindow picks the words [from, to) to show.
func bestWindow(match []string, size int) (from, to int) {
	n := len(match)
	if n <= size {
		return 0, n
	}
	// Slide a window of size words, counting matches per distinct term.
	count := map[string]int{}
	distinct, total := 0, 0
	add := func(i, d int) {
		t := match[i]
		if t == "" {
			return
		}
		if d > 0 && count[t] == 0 {
			distinct++
		}
		count[t] += d
		if d < 0 && count[t] == 0 {
			distinct--
		}
		total += d
	}
	for i := 0; i < size; i++ {
		add(i, 1)
	}
	best, bestDistinct, bestTotal := 0, distinct, total
	for s := 1; s+size <= n; s++ {
		add(s-1, -1)
		add(s+size-1, 1)
		if distinct > bestDistinct || (distinct == bestDistinct && total > bestTotal) {
			best, bestDistinct, bestTotal = s, distinct, total
		}
	}
	if bestTotal == 0 {
		return 0, size
	}
	// Centre the window on the matches it holds.
	first, last := -1, -1
	for i := best; i < best+size; i++ {
		if match[i] != "" {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	from = first - (size-(last-first+1))/2
	from = max(0, min(from, n-size))
	return from, from + size
}

// writeText copies body text into a snippet: valid UTF-8, one line, without
// highlight marks of its own.
func writeText(b *strings.Builder, s string) {
	space := false
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == utf8.RuneError && n <= 1, r == '\ue000', r == '\ue001':
			continue
		case unicode.IsSpace(r):
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(r)
	}
}
