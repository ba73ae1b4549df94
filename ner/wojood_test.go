package ner

import (
	"bufio"
	"bytes"
	"os"
	"strings"
	"testing"
)

const wojoodDir = "/work/shared/data/wojood-sample"

// readWojood reads the Wojood sample (nested NER, several tags per token)
// keeping the first tag column mapped to this package's types: PERS→PER,
// GPE and LOC→LOC, ORG→ORG; the other 17 Wojood types become O.
func readWojood(path string) ([]Sentence, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []Sentence
	var cur Sentence
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 2 {
			if len(cur.Tokens) > 0 {
				out = append(out, cur)
				cur = Sentence{}
			}
			continue
		}
		tag := "O"
		if p, typ, ok := strings.Cut(f[1], "-"); ok {
			switch typ {
			case "PERS":
				tag = p + "-PER"
			case "GPE", "LOC":
				tag = p + "-LOC"
			case "ORG":
				tag = p + "-ORG"
			}
		}
		cur.Tokens = append(cur.Tokens, f[0])
		cur.Tags = append(cur.Tags, tag)
	}
	if len(cur.Tokens) > 0 {
		out = append(out, cur)
	}
	return out, sc.Err()
}

// TestWojoodSample measures (it does not enforce) PER/LOC/ORG on the
// Wojood sample, a different corpus with different conventions (GPE is
// folded into LOC; MISC predictions are dropped as Wojood has no MISC).
func TestWojoodSample(t *testing.T) {
	var sents []Sentence
	for _, f := range []string{"train.txt", "val.txt", "test.txt"} {
		s, err := readWojood(wojoodDir + "/" + f)
		if err != nil {
			t.Skipf("wojood sample not available: %v", err)
		}
		sents = append(sents, s...)
	}
	m := loadDefault(t)
	gold := make([][]string, len(sents))
	toks := make([][]string, len(sents))
	for i, s := range sents {
		gold[i], toks[i] = s.Tags, s.Tokens
	}
	pred := m.TagSentences(toks)
	for _, p := range pred {
		for i, tag := range p {
			if strings.HasSuffix(tag, "MISC") {
				p[i] = "O"
			}
		}
	}
	var buf bytes.Buffer
	Evaluate(gold, pred).WriteReport(&buf)
	t.Logf("Wojood sample (PER/LOC/ORG, GPE as LOC):\n%s", buf.String())
}
