package resolve

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/marsad-news/marsad"
)

// wojoodDir holds the Wojood sample (MIT, SinaLab/ArabicNER), read at test
// time only when the shared data directory exists. Its nested tags mark
// occupations (OCC) next to people: a gold standard for roles.
const wojoodDir = "../../shared/data/wojood-sample"

type wojoodDoc struct {
	body   string
	people []Mention
	names  []Mention // people, places and organizations, as a tagger's output
	occ    []Mention
}

// wojoodDocs reads the sample into pseudo-articles of n sentences.
func wojoodDocs(t testing.TB, n int) []wojoodDoc {
	var docs []wojoodDoc
	for _, file := range []string{"train.txt", "val.txt", "test.txt"} {
		f, err := os.Open(filepath.Join(wojoodDir, file))
		if err != nil {
			t.Skipf("Wojood sample not available: %v", err)
		}
		var b strings.Builder
		type open struct{ start, end int }
		spans := map[string]*open{}
		var doc wojoodDoc
		sentences := 0
		closeType := func(typ string) {
			o := spans[typ]
			if o == nil {
				return
			}
			delete(spans, typ)
			m := Mention{Start: o.start, End: o.end, Text: b.String()[o.start:o.end]}
			switch typ {
			case "PERS":
				m.Type = marsad.Person
				doc.people = append(doc.people, m)
				doc.names = append(doc.names, m)
			case "GPE", "LOC":
				m.Type = marsad.Location
				doc.names = append(doc.names, m)
			case "ORG":
				m.Type = marsad.Organization
				doc.names = append(doc.names, m)
			case "OCC":
				doc.occ = append(doc.occ, m)
			}
		}
		closeAll := func() {
			for typ := range spans {
				closeType(typ)
			}
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			fields := strings.Fields(sc.Text())
			if len(fields) < 2 {
				closeAll()
				b.WriteString("\n")
				if sentences++; sentences == n {
					doc.body = b.String()
					docs = append(docs, doc)
					doc, sentences = wojoodDoc{}, 0
					b.Reset()
				}
				continue
			}
			if b.Len() > 0 && !strings.HasSuffix(b.String(), "\n") {
				b.WriteString(" ")
			}
			start := b.Len()
			b.WriteString(fields[0])
			end := b.Len()
			tags := map[string]string{}
			for _, tag := range fields[1:] {
				if p, typ, ok := strings.Cut(tag, "-"); ok {
					tags[typ] = p
				}
			}
			for typ := range spans {
				if tags[typ] != "I" {
					closeType(typ)
				}
			}
			for typ, p := range tags {
				if o := spans[typ]; o != nil && p == "I" {
					o.end = end
					continue
				}
				closeType(typ)
				spans[typ] = &open{start, end}
			}
		}
		closeAll()
		f.Close()
		if b.Len() > 0 {
			doc.body = b.String()
			docs = append(docs, doc)
		}
	}
	return docs
}

// adjacentOCC returns the occupation spans right before or after a person
// span, with at most a comma or a quote between.
func adjacentOCC(doc wojoodDoc, p Mention) []string {
	var out []string
	for _, o := range doc.occ {
		between := ""
		switch {
		case o.End <= p.Start:
			between = doc.body[o.End:p.Start]
		case o.Start >= p.End:
			between = doc.body[p.End:o.Start]
		default:
			continue
		}
		if strings.Trim(between, " ،,\"“”") == "" && len(between) <= 4 {
			out = append(out, o.Text)
		}
	}
	return out
}

// roleWords are a role's normalized words without clitics or the article.
func roleWords(s string) []string {
	ws := strings.Fields(Key(s))
	for i, w := range ws {
		if len([]rune(w)) > 3 {
			w = strings.TrimPrefix(w, "و")
		}
		if strings.HasPrefix(w, "لل") {
			w = "ال" + w[len("لل"):]
		}
		ws[i] = strings.TrimPrefix(w, "ال")
	}
	return ws
}

// honorifics are titles of address, rank at court or in religion that
// Wojood does not mark as occupations; precision is measured without them.
var honorifics = normalizedSet(`السيد السيدة الشيخ الحاج الملك البابا الأمير الأميرة سعادة الحاجة الآنسة`)

// roleOverlap is the token F1 of two roles after normalization.
func roleOverlap(a, b string) float64 {
	ta, tb := roleWords(a), roleWords(b)
	if len(ta) == 0 || len(tb) == 0 {
		return 0
	}
	set := map[string]int{}
	for _, t := range ta {
		set[t]++
	}
	common := 0
	for _, t := range tb {
		if set[t] > 0 {
			set[t]--
			common++
		}
	}
	p, r := float64(common)/float64(len(tb)), float64(common)/float64(len(ta))
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// TestWojoodRoles measures role detection against the occupations Wojood
// marks next to people: a role counts as found when it shares at least
// half its words with a gold occupation (token F1 ≥ 0.5). Honorifics
// (السيد, الشيخ, الملك …) are roles for marsad but not occupations for
// Wojood: they are left out of the count.
func TestWojoodRoles(t *testing.T) {
	docs := wojoodDocs(t, 20)
	gold, predicted, goldFound, predictedRight := 0, 0, 0, 0
	for _, doc := range docs {
		for _, e := range Article(doc.body, doc.names, pub) {
			if e.Type != marsad.Person {
				continue
			}
			var want []string
			for _, m := range e.Mentions {
				for _, p := range doc.people {
					if p.Start <= m.Start && m.End <= p.End {
						want = append(want, adjacentOCC(doc, p)...)
					}
				}
			}
			want = dedupeRoles(want)
			gold += len(want)
			var roles []marsad.Role
			for _, r := range e.Roles {
				if !honorifics[Key(r.Role)] {
					roles = append(roles, r)
				}
			}
			e.Roles = roles
			predicted += len(e.Roles)
			for _, w := range want {
				for _, r := range e.Roles {
					if roleOverlap(w, r.Role) >= 0.5 {
						goldFound++
						break
					}
				}
			}
			for _, r := range e.Roles {
				for _, w := range want {
					if roleOverlap(w, r.Role) >= 0.5 {
						predictedRight++
						break
					}
				}
			}
		}
	}
	if gold == 0 || predicted == 0 {
		t.Fatalf("no roles: gold %d, predicted %d", gold, predicted)
	}
	recall, precision := float64(goldFound)/float64(gold), float64(predictedRight)/float64(predicted)
	t.Logf("%d pseudo-articles: %d gold roles next to people, %d predicted; recall %.2f, precision %.2f", len(docs), gold, predicted, recall, precision)
	// A floor well under what the rules reach today, to catch a collapse.
	if recall < 0.6 || precision < 0.6 {
		t.Errorf("role recall %.2f, precision %.2f: below 0.6", recall, precision)
	}
}

func dedupeRoles(rs []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, r := range rs {
		if k := Key(r); !seen[k] {
			seen[k] = true
			out = append(out, r)
		}
	}
	return out
}
