package arabic

// Term is a search term with the place of the word it came from.
type Term struct {
	Term       string
	Start, End int // byte offsets of the source word
	Position   int // word position, for phrase queries
}

// Terms turns text into search terms: tokenize, normalize, drop stopwords,
// light-stem. The same function analyzes documents and queries, in every
// storage backend, so that a query matches whatever the index holds.
func Terms(s string) []Term {
	toks := Tokenize(s)
	out := make([]Term, 0, len(toks))
	pos := 0
	for _, t := range toks {
		if t.Kind == Punct {
			continue
		}
		pos++
		n := Normalize(t.Text)
		if n == "" || IsStopword(n) {
			continue
		}
		if t.Kind == Word {
			n = Stem(n)
		}
		out = append(out, Term{Term: n, Start: t.Start, End: t.End, Position: pos})
	}
	return out
}
