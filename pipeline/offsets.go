package pipeline

import (
	"context"
	"unicode/utf8"
)

// runeIndex maps byte offsets of one string to code point offsets.
type runeIndex struct {
	s string
	// cum[i] is the number of code points before byte i, for i at rune
	// starts; built lazily once per document.
	cum []int32
}

func newRuneIndex(s string) *runeIndex {
	cum := make([]int32, len(s)+1)
	n := int32(0)
	for i := 0; i < len(s); {
		_, w := utf8.DecodeRuneInString(s[i:])
		for j := 0; j < w; j++ {
			cum[i+j] = n // a byte inside a rune maps to that rune
		}
		n++
		i += w
	}
	cum[len(s)] = n
	return &runeIndex{s: s, cum: cum}
}

// at converts a byte offset to a code point offset, clamping to the text.
func (r *runeIndex) at(b int) int {
	if b < 0 {
		return 0
	}
	if b >= len(r.cum) {
		return int(r.cum[len(r.cum)-1])
	}
	return int(r.cum[b])
}

// CodePoints converts the byte offsets the stages wrote into the article's
// entities, times and quotes to code point offsets, as package marsad
// documents. It must run last, once.
var CodePoints = StageFunc{StageName: "offsets", Fn: func(_ context.Context, d *Document) error {
	a := d.Article
	ix := newRuneIndex(a.Body)
	for i := range a.Entities {
		for j := range a.Entities[i].Mentions {
			m := &a.Entities[i].Mentions[j]
			m.Start, m.End = ix.at(m.Start), ix.at(m.End)
		}
	}
	for i := range a.Times {
		t := &a.Times[i]
		t.Start, t.End = ix.at(t.Start), ix.at(t.End)
	}
	for i := range a.Quotes {
		q := &a.Quotes[i]
		q.Start, q.End = ix.at(q.Start), ix.at(q.End)
	}
	for i := range a.Contradictions {
		c := &a.Contradictions[i]
		c.Claim.Start, c.Claim.End = ix.at(c.Claim.Start), ix.at(c.Claim.End)
		c.Denial.Start, c.Denial.End = ix.at(c.Denial.Start), ix.at(c.Denial.End)
	}
	return nil
}}

// Default returns marsad's full analysis chain.
func Default() *Pipeline {
	return &Pipeline{Stages: defaultStages()}
}
