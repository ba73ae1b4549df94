package ner

import (
	"fmt"
	"io"
	"sort"
)

// Counts are the chunk counts behind precision and recall for one type.
type Counts struct {
	Gold, Pred, Correct int
}

// PRF is precision, recall and F1 for one entity type or for all of them.
type PRF struct {
	Counts
	Precision, Recall, F1 float64
}

func (c Counts) prf() PRF {
	p := PRF{Counts: c}
	if c.Pred > 0 {
		p.Precision = float64(c.Correct) / float64(c.Pred)
	}
	if c.Gold > 0 {
		p.Recall = float64(c.Correct) / float64(c.Gold)
	}
	if p.Precision+p.Recall > 0 {
		p.F1 = 2 * p.Precision * p.Recall / (p.Precision + p.Recall)
	}
	return p
}

// Score is the conlleval result: exact-span chunk scores per type and
// micro-averaged over all types, plus token accuracy.
type Score struct {
	Tokens, TokensCorrect int
	Accuracy              float64
	Micro                 PRF
	ByType                map[string]PRF
}

// chunk is an entity span over token indexes [From, To).
type chunk struct {
	From, To int
	Type     string
}

// chunks decodes BIO tags into chunks with conlleval's rules: an I-X after O
// or after another type opens a chunk, like B-X does.
func chunks(tags []string) []chunk {
	var out []chunk
	open := -1
	typ := ""
	for i, t := range tags {
		prefix, ty := splitTag(t)
		start := prefix == 'B' || (prefix == 'I' && (open < 0 || ty != typ))
		if open >= 0 && (prefix == 'O' || start) {
			out = append(out, chunk{open, i, typ})
			open = -1
		}
		if start {
			open, typ = i, ty
		}
	}
	if open >= 0 {
		out = append(out, chunk{open, len(tags), typ})
	}
	return out
}

// splitTag returns 'B', 'I' or 'O' and the type of a BIO tag; a malformed
// tag counts as O.
func splitTag(t string) (byte, string) {
	if len(t) > 2 && (t[0] == 'B' || t[0] == 'I') && t[1] == '-' {
		return t[0], t[2:]
	}
	return 'O', ""
}

// Evaluate scores predicted tag sequences against gold ones the way
// conlleval does: an entity counts as found only when its span and type are
// both exact. Sentences are paired by index; a prediction shorter or longer
// than its gold sentence is scored over the common prefix.
func Evaluate(gold, pred [][]string) Score {
	s := Score{ByType: map[string]PRF{}}
	counts := map[string]*Counts{}
	get := func(t string) *Counts {
		c := counts[t]
		if c == nil {
			c = &Counts{}
			counts[t] = c
		}
		return c
	}
	var total Counts
	for i, g := range gold {
		// Missing predictions count as O; extra ones are ignored.
		p := make([]string, len(g))
		for j := range g {
			p[j] = "O"
			if i < len(pred) && j < len(pred[i]) {
				p[j] = pred[i][j]
			}
		}
		for j := range g {
			s.Tokens++
			if g[j] == p[j] {
				s.TokensCorrect++
			}
		}
		gc, pc := chunks(g), chunks(p)
		gold := map[chunk]bool{}
		for _, c := range gc {
			gold[c] = true
			get(c.Type).Gold++
			total.Gold++
		}
		for _, c := range pc {
			get(c.Type).Pred++
			total.Pred++
			if gold[c] {
				get(c.Type).Correct++
				total.Correct++
			}
		}
	}
	if s.Tokens > 0 {
		s.Accuracy = float64(s.TokensCorrect) / float64(s.Tokens)
	}
	s.Micro = total.prf()
	for t, c := range counts {
		s.ByType[t] = c.prf()
	}
	return s
}

// WriteReport writes s as conlleval prints it: a summary line, then one line
// per type.
func (s Score) WriteReport(w io.Writer) {
	fmt.Fprintf(w, "processed %d tokens with %d phrases; found: %d phrases; correct: %d.\n",
		s.Tokens, s.Micro.Gold, s.Micro.Pred, s.Micro.Correct)
	fmt.Fprintf(w, "accuracy: %6.2f%%; precision: %6.2f%%; recall: %6.2f%%; FB1: %6.2f\n",
		100*s.Accuracy, 100*s.Micro.Precision, 100*s.Micro.Recall, 100*s.Micro.F1)
	types := make([]string, 0, len(s.ByType))
	for t := range s.ByType {
		types = append(types, t)
	}
	sort.Strings(types)
	for _, t := range types {
		p := s.ByType[t]
		fmt.Fprintf(w, "%17s: precision: %6.2f%%; recall: %6.2f%%; FB1: %6.2f  %d\n",
			t, 100*p.Precision, 100*p.Recall, 100*p.F1, p.Pred)
	}
}
