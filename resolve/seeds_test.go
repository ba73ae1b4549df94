package resolve

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/marsad-news/marsad"
)

const seedDir = "../../shared/seeds"

type seedExpected struct {
	Articles map[string]struct {
		Published  string              `json:"published"`
		Entities   map[string][]string `json:"entities"`
		SameEntity [][]string          `json:"same_entity"`
	} `json:"articles"`
	Across struct {
		OnePerson map[string][]string `json:"one_person"`
		OnePlace  map[string][]string `json:"one_place"`
		OneOrg    map[string][]string `json:"one_org"`
	} `json:"across_articles"`
}

func loadSeeds(t testing.TB) (*seedExpected, map[string]string) {
	t.Helper()
	dir := os.Getenv("MARSAD_SEEDS")
	if dir == "" {
		dir = seedDir
	}
	raw, err := os.ReadFile(filepath.Join(dir, "expected.json"))
	if err != nil {
		t.Skipf("seeds not available: %v", err)
	}
	var exp seedExpected
	if err := json.Unmarshal(raw, &exp); err != nil {
		t.Fatalf("expected.json: %v", err)
	}
	bodies := map[string]string{}
	for name := range exp.Articles {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatalf("read seed: %v", err)
		}
		bodies[name] = string(b)
	}
	return &exp, bodies
}

// seedClitics are the letters a tagger's word span may carry before a name.
var seedClitics = map[string]bool{"": true, "و": true, "ف": true, "ب": true, "ل": true, "ك": true, "وب": true, "ول": true, "فب": true, "فل": true}

// occurrences finds whole-word occurrences of s in body, each extended back
// to the start of its word when only clitics stand before it, as a tagger
// that labels whole tokens would.
func occurrences(body, s string) [][2]int {
	var out [][2]int
	for off := 0; off < len(body); {
		i := strings.Index(body[off:], s)
		if i < 0 {
			break
		}
		i += off
		off = i + len(s)
		end := i + len(s)
		if r, _ := utf8.DecodeRuneInString(body[end:]); end < len(body) && unicode.IsLetter(r) {
			continue
		}
		start := i
		for start > 0 {
			r, n := utf8.DecodeLastRuneInString(body[:start])
			if !unicode.IsLetter(r) {
				break
			}
			start -= n
		}
		if !seedClitics[body[start:i]] {
			continue
		}
		out = append(out, [2]int{start, end})
	}
	return out
}

// seedMentions builds a tagger's output by hand: every expected entity
// string, every titled or variant form listed for the article set, found
// in the body.
func seedMentions(exp *seedExpected, name, body string) []Mention {
	a := exp.Articles[name]
	type item struct {
		s string
		t marsad.EntityType
	}
	var items []item
	for typ, list := range a.Entities {
		for _, s := range list {
			items = append(items, item{s, marsad.EntityType(typ)})
		}
	}
	for _, group := range a.SameEntity {
		for _, s := range group {
			items = append(items, item{s, marsad.Person})
		}
	}
	for _, groups := range []struct {
		m map[string][]string
		t marsad.EntityType
	}{{exp.Across.OnePerson, marsad.Person}, {exp.Across.OnePlace, marsad.Location}, {exp.Across.OneOrg, marsad.Organization}} {
		for key, list := range groups.m {
			items = append(items, item{key, groups.t})
			for _, s := range list {
				items = append(items, item{s, groups.t})
			}
		}
	}
	var out []Mention
	seen := map[[2]int]bool{}
	for _, it := range items {
		for _, o := range occurrences(body, it.s) {
			if seen[o] {
				continue
			}
			seen[o] = true
			out = append(out, Mention{Start: o[0], End: o[1], Type: it.t, Text: body[o[0]:o[1]]})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

type seedRun struct {
	names    []string
	bodies   map[string]string
	local    map[string][]marsad.Entity // article → entities
	links    map[string]map[string]string
	resolver *Resolver
}

func runSeeds(t testing.TB, exp *seedExpected, bodies map[string]string, order []int) *seedRun {
	var names []string
	for n := range bodies {
		names = append(names, n)
	}
	sort.Strings(names)
	run := &seedRun{names: names, bodies: bodies, local: map[string][]marsad.Entity{}, links: map[string]map[string]string{}, resolver: NewResolver()}
	for _, i := range order {
		name := names[i]
		pub, _ := marsad.ParseDate(exp.Articles[name].Published)
		ents := Article(bodies[name], seedMentions(exp, name, bodies[name]), pub)
		run.local[name] = ents
		run.resolver.Add(int64(i), ents)
	}
	for _, l := range run.resolver.Links() {
		name := names[l.ArticleID]
		if run.links[name] == nil {
			run.links[name] = map[string]string{}
		}
		run.links[name][l.LocalID] = l.EntityID
	}
	return run
}

// canonicalAt returns the canonical ids of the entities whose mentions
// cover the occurrences of s in one article.
func (run *seedRun) canonicalAt(name, s string) map[string]bool {
	ids := map[string]bool{}
	body := run.bodies[name]
	for _, o := range occurrences(body, s) {
		for _, e := range run.local[name] {
			for _, m := range e.Mentions {
				if m.Start < o[1] && o[0] < m.End {
					ids[run.links[name][e.ID]] = true
				}
			}
		}
	}
	return ids
}

func TestSeedsEndToEnd(t *testing.T) {
	exp, bodies := loadSeeds(t)
	orders := map[string][]int{"forward": {0, 1, 2, 3, 4}, "backward": {4, 3, 2, 1, 0}, "shuffled": {2, 4, 0, 3, 1}}
	var firstEntities []marsad.Entity
	for oname, order := range orders {
		t.Run(oname, func(t *testing.T) {
			run := runSeeds(t, exp, bodies, order)
			for _, name := range run.names {
				for _, group := range exp.Articles[name].SameEntity {
					ids := map[string]bool{}
					for _, s := range group {
						for id := range run.canonicalAt(name, s) {
							ids[id] = true
						}
					}
					if len(ids) != 1 {
						t.Errorf("%s: same_entity %q → %d entities %v, want 1", name, group, len(ids), ids)
					}
				}
			}
			for _, groups := range []map[string][]string{exp.Across.OnePerson, exp.Across.OnePlace, exp.Across.OneOrg} {
				for key, list := range groups {
					ids := map[string]bool{}
					found := 0
					for _, s := range append([]string{key}, list...) {
						for _, name := range run.names {
							got := run.canonicalAt(name, s)
							if len(got) > 0 {
								found++
							}
							for id := range got {
								ids[id] = true
							}
						}
					}
					if found < 2 || len(ids) != 1 {
						t.Errorf("group %q: %d canonical entities %v (found %d forms), want 1", key, len(ids), ids, found)
						for id := range ids {
							t.Logf("  %s: %q", id, run.resolver.Why(id))
						}
					}
				}
			}
			// Different people stay different.
			identity := map[string]string{}
			for key, list := range exp.Across.OnePerson {
				identity[key] = key
				for _, s := range list {
					identity[s] = key
				}
			}
			owner := map[string]string{}
			for _, name := range run.names {
				for _, person := range exp.Articles[name].Entities["PER"] {
					who := person
					if k, ok := identity[person]; ok {
						who = k
					}
					for id := range run.canonicalAt(name, person) {
						if prev, ok := owner[id]; ok && prev != who {
							t.Errorf("%s merges different people %q and %q", id, prev, who)
						}
						owner[id] = who
					}
				}
			}
			ents := run.resolver.Entities()
			if firstEntities == nil {
				firstEntities = ents
			} else if !sameIDs(firstEntities, ents) {
				t.Errorf("canonical ids depend on order:\n%v\n%v", ids(firstEntities), ids(ents))
			}
			if testing.Verbose() && oname == "forward" {
				for _, name := range run.names {
					for _, e := range run.local[name] {
						t.Logf("%s %s %s %q aliases=%q roles=%v", name[:3], e.ID, e.Type, e.Name, e.Aliases, e.Roles)
					}
				}
				for _, e := range ents {
					t.Logf("%s %q n=%d aliases=%q roles=%d why=%q", e.ID, e.Name, e.Articles, e.Aliases, len(e.Roles), run.resolver.Why(e.ID))
				}
			}
		})
	}
}

func ids(ents []marsad.Entity) []string {
	var out []string
	for _, e := range ents {
		out = append(out, e.ID)
	}
	sort.Strings(out)
	return out
}

func sameIDs(a, b []marsad.Entity) bool {
	return strings.Join(ids(a), ",") == strings.Join(ids(b), ",")
}

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// TestSeedsGolden keeps the full output on the seeds (article entities and
// canonical entities with their explanations) in testdata/seeds.golden.json,
// so that a change in behaviour shows as a diff. Run with -update to accept.
func TestSeedsGolden(t *testing.T) {
	exp, bodies := loadSeeds(t)
	run := runSeeds(t, exp, bodies, []int{0, 1, 2, 3, 4})
	type canonical struct {
		marsad.Entity
		Why []string `json:"why,omitempty"`
	}
	out := struct {
		Articles  map[string][]marsad.Entity `json:"articles"`
		Canonical []canonical                `json:"canonical"`
	}{Articles: run.local}
	for _, e := range run.resolver.Entities() {
		out.Canonical = append(out.Canonical, canonical{e, run.resolver.Why(e.ID)})
	}
	got, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "seeds.golden.json")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -run TestSeedsGolden -update)", err)
	}
	if string(got) != string(want) {
		t.Errorf("seed output differs from %s; run with -update after checking the diff", golden)
	}
}
