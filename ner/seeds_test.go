package ner

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/marsad-news/marsad/arabic"
)

const seedsDir = "/work/shared/seeds"

// spanKeys returns the matching keys of an entity span: its normalized
// text, and the same with a one-letter proclitic (و ف ب ل ك) cut from the
// first word, since ANERcorp-style spans keep clitics attached.
func spanKeys(text string) []string {
	n := arabic.Normalize(text)
	keys := []string{n}
	if strings.HasPrefix(n, "لل") {
		keys = append(keys, "ال"+strings.TrimPrefix(n, "لل"))
	}
	for _, p := range []string{"و", "ف", "ب", "ل", "ك", "وب", "ول", "وال"} {
		if rest, ok := strings.CutPrefix(n, p); ok && len(rest) > 0 {
			if p == "وال" {
				rest = "ال" + rest
			}
			keys = append(keys, rest)
		}
	}
	return keys
}

// TestSeedEntities measures (it does not enforce) how many of the
// entities a careful reader lists for the seed articles TagText finds as a
// span of the right type, before any entity resolution.
func TestSeedEntities(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(seedsDir, "expected.json"))
	if err != nil {
		t.Skipf("seeds not available: %v", err)
	}
	var exp struct {
		Articles map[string]struct {
			Entities map[string][]string `json:"entities"`
		} `json:"articles"`
	}
	if err := json.Unmarshal(raw, &exp); err != nil {
		t.Fatal(err)
	}
	m := loadDefault(t)
	names := make([]string, 0, len(exp.Articles))
	for name := range exp.Articles {
		names = append(names, name)
	}
	sort.Strings(names)
	total, found := map[string]int{}, map[string]int{}
	for _, name := range names {
		body, err := os.ReadFile(filepath.Join(seedsDir, name))
		if err != nil {
			t.Fatal(err)
		}
		have := map[string]bool{}
		for _, s := range m.TagText(string(body)) {
			for _, k := range spanKeys(s.Text) {
				have[string(s.Type)+"|"+k] = true
			}
		}
		var missed []string
		for typ, ents := range exp.Articles[name].Entities {
			for _, e := range ents {
				total[typ]++
				if have[typ+"|"+arabic.Normalize(e)] {
					found[typ]++
				} else {
					missed = append(missed, typ+":"+e)
				}
			}
		}
		sort.Strings(missed)
		t.Logf("%s missed %d: %s", name, len(missed), strings.Join(missed, ", "))
	}
	all, allFound := 0, 0
	for _, typ := range []string{"PER", "LOC", "ORG"} {
		all += total[typ]
		allFound += found[typ]
		t.Logf("%s: %d/%d = %.2f", typ, found[typ], total[typ], float64(found[typ])/float64(max(total[typ], 1)))
	}
	t.Logf("seed entities found with the right type: %d/%d = %.3f", allFound, all, float64(allFound)/float64(max(all, 1)))
}
