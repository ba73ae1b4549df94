package pipeline

import (
	"context"
	"strings"
	"sync"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/ner"
	"github.com/marsad-news/marsad/speech"
	"github.com/marsad-news/marsad/timex"
)

// defaultStages lists the analysis chain in order. Stages that span
// articles (entity canonicalization, stories) run after storage, in ingest.
func defaultStages() []Stage {
	return []Stage{Tokenize, NER, Resolve, Times, Speech, CodePoints}
}

var (
	nerOnce  sync.Once
	nerModel *ner.Model
	nerErr   error
)

// NER tags each sentence with the embedded model, applies the rule steps
// (Model.Rules: list members, compound given names, the institution
// names the model was not taught) and reads the spans off the BIO tags.
var NER = StageFunc{StageName: "ner", Fn: func(_ context.Context, d *Document) error {
	nerOnce.Do(func() { nerModel, nerErr = ner.Default() })
	if nerErr != nil {
		return nerErr
	}
	d.Tags = make([]string, len(d.Tokens))
	// The whole article at once: the tagger's second stage remembers how
	// it tagged a word elsewhere in the document.
	sents := make([][]string, len(d.Sentences))
	for i, s := range d.Sentences {
		words := make([]string, 0, s.To-s.From)
		for _, t := range d.Tokens[s.From:s.To] {
			words = append(words, t.Text)
		}
		sents[i] = words
	}
	var conj map[int]bool // tokens that start a name after their و
	join := func(i int, js []int) {
		for _, j := range js {
			if conj == nil {
				conj = map[int]bool{}
			}
			conj[d.Sentences[i].From+j] = true
		}
	}
	all := nerModel.TagSentences(sents)
	for i, tags := range all {
		// The rule steps: names listed after a tagged one, compound given
		// names, institution names ANERcorp leaves untagged (Model.Rules).
		join(i, nerModel.Rules(sents[i], tags))
	}
	// Then the document's surnames where the tagger missed them.
	for i, js := range nerModel.Surnames(sents, all) {
		join(i, js)
	}
	for i, tags := range all {
		copy(d.Tags[d.Sentences[i].From:d.Sentences[i].To], tags)
	}
	d.Names = namesFromTags(d, conj)
	return nil
}}

// namesFromTags turns BIO tags into spans; an I- tag without a B- opens a
// span, as conlleval reads it. A span that opens on a token of conj
// starts after the token's و (a name joined to a list by it).
func namesFromTags(d *Document, conj map[int]bool) []Name {
	var out []Name
	open := -1
	var typ string
	flush := func(end int) {
		if open < 0 {
			return
		}
		s, e := d.Tokens[open].Start, d.Tokens[end-1].End
		if conj[open] && strings.HasPrefix(d.Article.Body[s:e], "و") && e-s > len("و") {
			s += len("و")
		}
		out = append(out, Name{Start: s, End: e, Type: marsad.EntityType(typ), Text: d.Article.Body[s:e]})
		open = -1
	}
	for i, tag := range d.Tags {
		switch {
		case strings.HasPrefix(tag, "B-"):
			flush(i)
			open, typ = i, tag[2:]
		case strings.HasPrefix(tag, "I-"):
			if open < 0 || typ != tag[2:] || (i > 0 && d.Tokens[i].LineStart) {
				flush(i)
				open, typ = i, tag[2:]
			}
		default:
			flush(i)
		}
	}
	flush(len(d.Tags))
	return out
}

// Times finds time expressions and resolves them against the publication
// date, or else the day the page was crawled (marsad.Article.Crawled); an
// article with neither gets values only for absolute dates.
var Times = StageFunc{StageName: "timex", Fn: func(_ context.Context, d *Document) error {
	exprs := timex.TagTokens(d.Article.Body, d.tokens(), reference(d.Article))
	d.Article.Times = make([]marsad.TimeExpr, len(exprs))
	for i, x := range exprs {
		d.Article.Times[i] = marsad.TimeExpr{Text: x.Text, Start: x.Start, End: x.End, Value: x.Value, Granularity: x.Granularity}
	}
	return nil
}}

// Speech finds quotes, events and contradictions.
var Speech = StageFunc{StageName: "speech", Fn: func(_ context.Context, d *Document) error {
	res := speech.Analyze(&speech.Input{
		Body:      d.Article.Body,
		Tokens:    d.Tokens,
		Sentences: d.Sentences,
		Entities:  d.Article.Entities,
		Times:     d.Article.Times,
		Published: d.Article.Published,
	})
	d.Article.Quotes, d.Article.Events, d.Article.Contradictions = res.Quotes, res.Events, res.Contradictions
	return nil
}}

// reference is the date relative time expressions are resolved against:
// the publication date, else the day of the crawl.
func reference(a *marsad.Article) marsad.Date {
	if !a.Published.IsZero() || a.Crawled.IsZero() {
		return a.Published
	}
	c := a.Crawled
	return marsad.DayDate(c.Year(), c.Month(), c.Day())
}
