// Package pipeline runs marsad's analysis as a chain of stages over one
// document, after bleve's analyzer chain: each stage reads what earlier
// stages left on the Document and adds its own layer. A stage can be tested
// alone by handing it a Document built by hand.
//
// Offsets: inside the pipeline every offset is a byte offset into
// Article.Body, as Go strings index. The last stage (CodePoints) converts
// the offsets of the marsad types to code points, as the domain promises.
package pipeline

import (
	"context"
	"fmt"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/arabic"
)

// Document is an article under analysis.
type Document struct {
	Article *marsad.Article

	// Layers added by stages.
	Tokens    []arabic.Token    // tokens of Article.Body
	Sentences []arabic.Sentence // sentences over Tokens
	Tags      []string          // one BIO tag per token (B-PER, I-LOC, O …), from NER
	Names     []Name            // named-entity spans read off Tags
}

// Name is one named-entity span the tagger found, in byte offsets.
type Name struct {
	Start, End int
	Type       marsad.EntityType
	Text       string
}

// Stage is one step of the analysis.
type Stage interface {
	// Name identifies the stage in errors and timings ("tokenize", "ner").
	Name() string
	// Process adds the stage's layer to d.
	Process(ctx context.Context, d *Document) error
}

// StageFunc adapts a function to a Stage.
type StageFunc struct {
	StageName string
	Fn        func(ctx context.Context, d *Document) error
}

func (s StageFunc) Name() string                                   { return s.StageName }
func (s StageFunc) Process(ctx context.Context, d *Document) error { return s.Fn(ctx, d) }

// Pipeline is an ordered chain of stages.
type Pipeline struct {
	Stages []Stage
	// Observe, when set, is called after each stage with its name and
	// duration in nanoseconds; marsad bench uses it for time per stage.
	Observe func(stage string, nanos int64)
}

// Run passes d through every stage in order and stops at the first error,
// which names the stage.
func (p *Pipeline) Run(ctx context.Context, d *Document) error {
	for _, s := range p.Stages {
		if err := ctx.Err(); err != nil {
			return err
		}
		start := nanotime()
		if err := s.Process(ctx, d); err != nil {
			return fmt.Errorf("%s: %w", s.Name(), err)
		}
		if p.Observe != nil {
			p.Observe(s.Name(), nanotime()-start)
		}
	}
	return nil
}

// tokens returns the body's tokens: the Tokenize stage's layer, or, for a
// Document built by hand without it, a fresh tokenization (not stored, so
// that the stages after see the Document as it was built). Resolve and Times
// share the layer instead of tokenizing the body again.
func (d *Document) tokens() []arabic.Token {
	if d.Tokens == nil {
		return arabic.Tokenize(d.Article.Body)
	}
	return d.Tokens
}

// Tokenize is the stage that splits the body into tokens and sentences.
var Tokenize = StageFunc{StageName: "tokenize", Fn: func(_ context.Context, d *Document) error {
	d.Tokens = arabic.Tokenize(d.Article.Body)
	d.Sentences = arabic.Sentences(d.Article.Body, d.Tokens)
	return nil
}}
