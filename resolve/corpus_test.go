package resolve

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"github.com/marsad-news/marsad"
)

// anercorpTest is the ANERcorp test split (CC BY-SA 4.0), read at test
// time only when the shared data directory exists: gold NER tags on real
// Arabic news, a stand-in for the tagger's output.
const anercorpTest = "../../shared/data/anercorp/ANERCorp_CamelLab_test.txt"

// anercorpArticles groups the corpus's sentences into pseudo-articles of n
// sentences and returns each body with its gold mentions.
func anercorpArticles(t testing.TB, n int) ([]string, [][]Mention) {
	f, err := os.Open(anercorpTest)
	if err != nil {
		t.Skipf("ANERcorp not available: %v", err)
	}
	defer f.Close()
	var bodies []string
	var mentions [][]Mention
	var b strings.Builder
	var ms []Mention
	sentences := 0
	open := -1
	var openType marsad.EntityType
	closeMention := func() {
		if open >= 0 {
			ms = append(ms, Mention{Start: open, End: b.Len(), Type: openType, Text: b.String()[open:]})
			open = -1
		}
	}
	flush := func() {
		closeMention()
		if b.Len() > 0 {
			bodies = append(bodies, b.String())
			mentions = append(mentions, ms)
		}
		b.Reset()
		ms = nil
		sentences = 0
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			closeMention()
			b.WriteString("\n")
			sentences++
			if sentences == n {
				flush()
			}
			continue
		}
		i := strings.LastIndexByte(line, ' ')
		if i < 0 {
			continue
		}
		word, tag := line[:i], line[i+1:]
		if strings.HasPrefix(tag, "I-") && open >= 0 {
			b.WriteString(" " + word)
			continue
		}
		closeMention()
		if b.Len() > 0 && !strings.HasSuffix(b.String(), "\n") {
			b.WriteString(" ")
		}
		if strings.HasPrefix(tag, "B-") || strings.HasPrefix(tag, "I-") {
			typ := tag[2:]
			if typ == "PERS" {
				typ = "PER"
			}
			open, openType = b.Len(), marsad.EntityType(typ)
		}
		b.WriteString(word)
	}
	flush()
	return bodies, mentions
}

// TestANERcorp runs in-article grouping and cross-article resolution on
// real news text with gold mentions: offsets stay valid, and no canonical
// person joins two full names whose first names are different native
// names (محمد X and أحمد X).
func TestANERcorp(t *testing.T) {
	bodies, mentions := anercorpArticles(t, 20)
	r := NewResolver()
	entities, roles := 0, 0
	for i, body := range bodies {
		ents := Article(body, mentions[i], pub)
		for _, e := range ents {
			entities++
			roles += len(e.Roles)
			for _, m := range e.Mentions {
				if m.Start < 0 || m.End > len(body) || m.Start >= m.End || body[m.Start:m.End] != m.Text {
					t.Fatalf("article %d: bad mention %+v", i, m)
				}
			}
		}
		r.Add(int64(i), ents)
	}
	canon := r.Entities()
	merged := 0
	for _, e := range canon {
		if len(e.Aliases) > 0 {
			merged++
		}
		if e.Type != marsad.Person {
			continue
		}
		firsts := map[string]string{}
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			toks := nameTokens(n)
			if len(toks) < 2 || !isNative(toks[0]) || strings.Contains(toks[0], " ") {
				continue
			}
			last := toks[len(toks)-1]
			if prev, ok := firsts[last]; ok && prev != toks[0] {
				t.Errorf("%s joins %q and %q %s: %q", e.ID, prev, toks[0], last, r.Why(e.ID))
			}
			firsts[last] = toks[0]
		}
	}
	t.Logf("%d pseudo-articles, %d article entities (%d roles), %d canonical, %d with aliases", len(bodies), entities, roles, len(canon), merged)
	if testing.Verbose() {
		shown := 0
		for _, e := range canon {
			if len(e.Aliases) > 0 && shown < 200 && len(r.Why(e.ID)) > 0 {
				shown++
				t.Logf("%s %q aliases=%q roles=%d why=%q", e.ID, e.Name, e.Aliases, len(e.Roles), r.Why(e.ID))
			}
		}
	}
}
