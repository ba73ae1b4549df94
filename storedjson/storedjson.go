// Package storedjson is the JSON form in which the SQL stores (sqlite,
// postgres) keep an article's analysis whole, in one column, so that
// Article returns exactly what was stored; their normalized tables are
// derived from it for listing. Both stores write and read it through this
// package, so the format, and the shortcut that reads only the entities,
// cannot drift apart between them.
package storedjson

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/marsad-news/marsad"
)

// analysis is the stored form. Entities must stay the first field:
// Entities reads it without scanning the rest.
type analysis struct {
	Entities       []marsad.Entity        `json:"entities,omitempty"`
	Times          []marsad.TimeExpr      `json:"times,omitempty"`
	Quotes         []marsad.Quote         `json:"quotes,omitempty"`
	Events         []marsad.Event         `json:"events,omitempty"`
	Contradictions []marsad.Contradiction `json:"contradictions,omitempty"`
	// Crawled is kept with the analysis it anchors (the stores have no
	// column for it).
	Crawled time.Time `json:"crawled,omitzero"`
}

// Analysis returns the stored form of a's analysis.
func Analysis(a *marsad.Article) string {
	b, err := json.Marshal(analysis{a.Entities, a.Times, a.Quotes, a.Events, a.Contradictions, a.Crawled})
	if err != nil {
		// The marsad types marshal without error; this only guards
		// against a future field that cannot.
		return "null"
	}
	return string(b)
}

// SetAnalysis fills a's analysis from its stored form.
func SetAnalysis(a *marsad.Article, text string) error {
	var an analysis
	if err := json.Unmarshal([]byte(text), &an); err != nil {
		return fmt.Errorf("read analysis: %w", err)
	}
	a.Entities, a.Times, a.Quotes, a.Events, a.Contradictions, a.Crawled = an.Entities, an.Times, an.Quotes, an.Events, an.Contradictions, an.Crawled
	return nil
}

// Entities decodes the entities of a stored analysis and stops there:
// "entities" is the first key Analysis writes, so the rest (times,
// quotes, events) is never scanned. Any other first key means the article
// has no entities (the field is omitted when empty), but the keys are
// read on until the end to be sure.
func Entities(text string) ([]marsad.Entity, error) {
	dec := json.NewDecoder(strings.NewReader(text))
	if tok, err := dec.Token(); err != nil {
		return nil, fmt.Errorf("read analysis: %w", err)
	} else if tok != json.Delim('{') {
		return nil, fmt.Errorf("read analysis: not an object")
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, fmt.Errorf("read analysis: %w", err)
		}
		if tok == "entities" {
			var ents []marsad.Entity
			if err := dec.Decode(&ents); err != nil {
				return nil, fmt.Errorf("read analysis: entities: %w", err)
			}
			return ents, nil
		}
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return nil, fmt.Errorf("read analysis: %w", err)
		}
	}
	return nil, nil
}
