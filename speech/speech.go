// Package speech finds who said what and what happened in an article: direct
// and reported quotes with their speaker and kind (statement, claim, denial,
// confirmation), event frames (visit, meeting, call, request, supply,
// attack, agreement, disaster, appointment, report, denial) with their
// participants, place and resolved date, and the contradictions between a
// claim and its denial.
//
// It reads layers earlier stages left (tokens, sentences, entities with
// their mentions, resolved time expressions) and adds its own; it never
// re-tags names. All offsets are byte offsets into the body.
package speech

import (
	"sort"
	"strings"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/arabic"
)

// Input is one article's text and the layers speech builds on.
type Input struct {
	Body      string
	Tokens    []arabic.Token
	Sentences []arabic.Sentence
	Entities  []marsad.Entity   // mentions with byte offsets
	Times     []marsad.TimeExpr // byte offsets, resolved against the publication date
	Published marsad.Date
}

// Result is what speech found.
type Result struct {
	Quotes         []marsad.Quote
	Events         []marsad.Event
	Contradictions []marsad.Contradiction
}

// Analyze finds quotes, events and contradictions.
func Analyze(in *Input) Result {
	a := newAnalysis(in)
	a.findQuotes()
	a.linkContradictions()
	a.findEvents()
	return Result{Quotes: a.quotes, Events: a.events, Contradictions: a.contradictions}
}

// analysis is the working state over one article.
type analysis struct {
	in   *Input
	toks []arabic.Token
	norm []string   // normalized token text
	verb []verbKind // reporting-verb kind of each token (verbOf), 0 if none
	// ent[i] is the index in in.Entities of the mention covering token i,
	// or -1.
	ent            []int
	entStart       []int // where the mention covering each token starts (see ent)
	sentOf         []int // sentence index of each token
	paraOf         []int // paragraph (line) index of each token
	quotes         []marsad.Quote
	qmeta          []quoteMeta
	events         []marsad.Event
	contradictions []marsad.Contradiction
	lastSpeaker    speaker
	outletAt       map[int]speaker // outlet named at a head token
	quoteClose     map[int]bool    // closing marks of real quotes
	quoteOpen      map[int]bool    // opening marks of real quotes
	attributed     map[int]bool    // reporting verbs already attributed a quote (findQuotes)
	reported       map[int]bool    // tokens inside the content of a reported quote (addQuote)
	outlets        []int           // head tokens of outletAt, in text order
}

type quoteMeta struct {
	sentence int    // sentence of the cue
	denies   int    // index of the quote this denial answers, -1 if unknown
	direct   bool   // inside quotation marks
	context  string // the whole sentence, for matching a denial to its claim
}

type speaker struct {
	anonymous bool // an outlet speaking for unnamed sources
	name      string
	id        string
	typ       marsad.EntityType
}

func newAnalysis(in *Input) *analysis {
	a := &analysis{in: in, toks: in.Tokens}
	a.norm = make([]string, len(a.toks))
	a.ent = make([]int, len(a.toks))
	a.entStart = make([]int, len(a.toks))
	a.sentOf = make([]int, len(a.toks))
	a.paraOf = make([]int, len(a.toks))
	a.verb = make([]verbKind, len(a.toks))
	for i, t := range a.toks {
		a.norm[i] = arabic.Normalize(t.Text)
		a.verb[i] = verbOf(a.norm[i])
		a.ent[i] = -1
	}
	for si, s := range in.Sentences {
		for i := s.From; i < s.To && i < len(a.toks); i++ {
			a.sentOf[i] = si
		}
	}
	para := 0
	for i, t := range a.toks {
		if i > 0 && t.LineStart {
			para++
		}
		a.paraOf[i] = para
	}
	// Mark entity mentions on tokens; a longer mention wins an overlap.
	type span struct{ start, end, ent int }
	var spans []span
	for ei, e := range in.Entities {
		for _, m := range e.Mentions {
			spans = append(spans, span{m.Start, m.End, ei})
		}
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].end-spans[i].start < spans[j].end-spans[j].start })
	for _, sp := range spans {
		lo := sort.Search(len(a.toks), func(i int) bool { return a.toks[i].End > sp.start })
		for i := lo; i < len(a.toks) && a.toks[i].Start < sp.end; i++ {
			a.ent[i] = sp.ent
			a.entStart[i] = sp.start
		}
	}
	return a
}

// entityAt returns the entity covering token i.
func (a *analysis) entityAt(i int) (marsad.Entity, bool) {
	if i < 0 || i >= len(a.ent) || a.ent[i] < 0 {
		return marsad.Entity{}, false
	}
	return a.in.Entities[a.ent[i]], true
}

func (a *analysis) speakerOf(e marsad.Entity) speaker {
	return speaker{name: e.Name, id: e.ID, typ: e.Type}
}

// text returns the body text of tokens [from, to).
func (a *analysis) text(from, to int) string {
	if from >= to || from < 0 || to > len(a.toks) {
		return ""
	}
	return a.in.Body[a.toks[from].Start:a.toks[to-1].End]
}

func (a *analysis) sentenceText(si int) string {
	if si < 0 || si >= len(a.in.Sentences) {
		return ""
	}
	s := a.in.Sentences[si]
	return strings.TrimSpace(a.text(s.From, s.To))
}

func isWord(t arabic.Token) bool { return t.Kind != arabic.Punct }

// sentenceBounds returns the token range of the sentence holding token i.
func (a *analysis) sentenceBounds(i int) (int, int) {
	if len(a.in.Sentences) == 0 {
		return 0, len(a.toks)
	}
	s := a.in.Sentences[a.sentOf[i]]
	return s.From, s.To
}
