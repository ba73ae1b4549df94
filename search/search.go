// Package search holds what marsad's storage backends share for full-text
// search: the analyzed text they index, the query language they accept, the
// dedup key of an article and the highlighted snippets they return.
//
// Both backends (sqlite with FTS5, postgres with tsvector) index the output
// of arabic.Terms, never raw text, and run queries through the same
// analyzer. That is what makes بروسيا find روسيا and المسئولين find
// المسؤولين in either database: the engines only ever compare our terms.
package search

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/arabic"
)

// MaxQueryTerms bounds the terms a query may carry, so that a hostile query
// cannot make the database evaluate an expression of unbounded size.
const MaxQueryTerms = 64

// Query is a parsed search query. Every term and every phrase must match
// (AND semantics). Terms and phrase words are analyzed terms, as Terms
// returns them.
type Query struct {
	Text    string     // the query as the user typed it
	Terms   []string   // single terms, distinct, in query order
	Phrases [][]string // runs of two or more terms that must be adjacent
}

// Parse reads a user query: plain words, which must all occur, and
// "quoted phrases", whose words must occur next to each other once
// stopwords are dropped. Straight quotes, “curly” quotes and «guillemets»
// all delimit phrases; an unterminated quote runs to the end of the query.
// A query with no searchable word (empty, punctuation, only stopwords) is an
// EINVALID error.
func Parse(text string) (*Query, error) {
	q := &Query{Text: text}
	seen := map[string]bool{}
	n := 0
	addTerm := func(t string) {
		if !seen[t] && n < MaxQueryTerms {
			seen[t] = true
			q.Terms = append(q.Terms, t)
			n++
		}
	}
	inPhrase := false
	var part strings.Builder
	flush := func() {
		terms := Analyze(part.String())
		part.Reset()
		switch {
		case inPhrase && len(terms) > 1:
			if n+len(terms) > MaxQueryTerms {
				terms = terms[:max(0, MaxQueryTerms-n)]
			}
			if len(terms) > 1 {
				q.Phrases = append(q.Phrases, terms)
				n += len(terms)
			} else if len(terms) == 1 {
				addTerm(terms[0])
			}
		default:
			for _, t := range terms {
				addTerm(t)
			}
		}
	}
	for _, r := range text {
		if isQuote(r) {
			flush()
			inPhrase = !inPhrase
			continue
		}
		part.WriteRune(r)
	}
	flush()
	if len(q.Terms) == 0 && len(q.Phrases) == 0 {
		return nil, marsad.Errorf(marsad.EINVALID, "search: query %q has no searchable word (empty, punctuation or only stopwords)", text)
	}
	return q, nil
}

func isQuote(r rune) bool {
	switch r {
	case '"', '“', '”', '«', '»', '„':
		return true
	}
	return false
}

// Highlight returns every distinct term of the query, from its plain terms
// and its phrases: the words a snippet marks.
func (q *Query) Highlight() []string {
	seen := map[string]bool{}
	var out []string
	add := func(t string) {
		if !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	for _, t := range q.Terms {
		add(t)
	}
	for _, p := range q.Phrases {
		for _, t := range p {
			add(t)
		}
	}
	return out
}

// Analyze returns the search terms of s, in order: arabic.Terms without
// the offsets.
func Analyze(s string) []string {
	terms := arabic.Terms(s)
	out := make([]string, len(terms))
	for i, t := range terms {
		out[i] = t.Term
	}
	return out
}

// IndexText returns the analyzed terms of s joined by single spaces: the
// text a backend hands its full-text engine in place of the original.
func IndexText(s string) string {
	return strings.Join(Analyze(s), " ")
}

// ContentHash returns the dedup key of an article: the hex SHA-256 of its
// normalized title and body. Normalization folds tashkeel, hamza spellings
// and whitespace, so a re-crawl that differs only in those is the same
// article.
func ContentHash(title, body string) string {
	sum := sha256.Sum256([]byte(arabic.Normalize(title + "\n" + body)))
	return hex.EncodeToString(sum[:])
}
