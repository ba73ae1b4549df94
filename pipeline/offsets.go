package pipeline

import (
	"cmp"
	"context"
	"slices"
	"unicode/utf8"
)

// CodePoints converts the byte offsets the stages wrote into the article's
// entities, times and quotes to code point offsets, as package marsad
// documents. It must run last, once. The offsets are converted in one
// pass over the body, in increasing order: a table of the body's bytes
// cost four bytes per byte of every article.
var CodePoints = StageFunc{StageName: "offsets", Fn: func(_ context.Context, d *Document) error {
	a := d.Article
	var refs []*int
	for i := range a.Entities {
		for j := range a.Entities[i].Mentions {
			m := &a.Entities[i].Mentions[j]
			refs = append(refs, &m.Start, &m.End)
		}
	}
	for i := range a.Times {
		t := &a.Times[i]
		refs = append(refs, &t.Start, &t.End)
	}
	for i := range a.Quotes {
		q := &a.Quotes[i]
		refs = append(refs, &q.Start, &q.End)
	}
	for i := range a.Contradictions {
		c := &a.Contradictions[i]
		refs = append(refs, &c.Claim.Start, &c.Claim.End, &c.Denial.Start, &c.Denial.End)
	}
	toCodePoints(a.Body, refs)
	return nil
}}

// toCodePoints replaces each byte offset into s that refs point to with
// the number of code points before it. An offset inside a multi-byte
// rune counts that rune as after it; one past the end counts them all,
// one before the start none.
func toCodePoints(s string, refs []*int) {
	slices.SortFunc(refs, func(x, y *int) int { return cmp.Compare(*x, *y) })
	i, n := 0, 0 // byte offset of a rune start, and the runes before it
	for _, r := range refs {
		b := *r
		for i < len(s) {
			_, w := utf8.DecodeRuneInString(s[i:])
			if i+w > b {
				break
			}
			i += w
			n++
		}
		if b < 0 {
			*r = 0
		} else {
			*r = n
		}
	}
}

// Default returns marsad's full analysis chain.
func Default() *Pipeline {
	return &Pipeline{Stages: defaultStages()}
}
