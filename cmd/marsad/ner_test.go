package main_test

import (
	"strings"
	"testing"
)

// marsad tag keeps the I/O contract: one token per line in (extra columns
// ignored), token<TAB>TAG out with the same sentence breaks.
func TestTagContract(t *testing.T) {
	in := "قال O\nخليفة B-PERS\nحفتر I-PERS\nفي\nموسكو\n\nوزار\nبوتين\nالقاهرة\n"
	out, errOut, code := marsad(t, in, "tag")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	want := []string{"قال", "خليفة", "حفتر", "في", "موسكو", "", "وزار", "بوتين", "القاهرة"}
	if len(lines) != len(want) {
		t.Fatalf("got %d lines, want %d:\n%s", len(lines), len(want), out)
	}
	tags := map[string]bool{"O": true}
	for _, p := range []string{"B-", "I-"} {
		for _, ty := range []string{"PER", "LOC", "ORG", "MISC"} {
			tags[p+ty] = true
		}
	}
	for i, w := range want {
		if w == "" {
			if lines[i] != "" {
				t.Errorf("line %d = %q, want a sentence break", i, lines[i])
			}
			continue
		}
		tok, tag, ok := strings.Cut(lines[i], "\t")
		if !ok || tok != w || !tags[tag] {
			t.Errorf("line %d = %q, want %s<TAB>TAG", i, lines[i], w)
		}
	}
}

// marsad tag --rules adds the pipeline's rule steps: an institution the
// model alone leaves untagged comes out as one organisation.
func TestTagRules(t *testing.T) {
	in := "وقالت\nوزارة\nالصحة\nالسعودية\nإن\n"
	out, errOut, code := marsad(t, in, "tag", "--rules")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	want := "وقالت\tO\nوزارة\tB-ORG\nالصحة\tI-ORG\nالسعودية\tI-ORG\nإن\tO\n"
	if out != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
}

// marsad eval ner prints conlleval's summary and per-type lines.
func TestEvalNER(t *testing.T) {
	out, errOut, code := marsad(t, "", "eval", "ner", "../../ner/data/ANERCorp_CamelLab_test.txt")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"processed 25008 tokens", "FB1", "PER:", "LOC:", "ORG:", "MISC:"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
}
