package story

import (
	"math"
	"sort"
	"strings"

	"github.com/marsad-news/marsad"
)

const (
	// centroidTerms is how many terms an event or story centroid keeps.
	centroidTerms = 40
	// storyTop is how many centroid terms index an event for story links.
	storyTop = 10
	// keyEntities is how many entities a story lists.
	keyEntities = 10
	// mmrLambda trades relevance to the story against novelty.
	mmrLambda = 0.7
	// storyEntityShare is the weight of entity overlap in storySim.
	storyEntityShare = 0.3
)

// eventInfo is one event cluster seen from the story layer.
type eventInfo struct {
	slots    []int32 // canonical slots
	centroid vector
	ents     []string
}

// Stories threads event clusters into stories: two events belong to one
// story when their centroids share salient terms and entities (storySim ≥
// StoryThreshold), whatever their dates. Each story lists its canonical
// articles with their copies, oldest first, and has a title, an extractive
// summary and its first and last dates. Stories are sorted by number of
// articles, largest first. They are computed from the current groups on
// each call.
func (ix *Index) Stories() []marsad.Story {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	canon := ix.canonicalOf()
	events := ix.eventSlots(canon)
	dupsOf := map[int32][]int32{}
	for i, c := range canon {
		if int32(i) != c {
			dupsOf[c] = append(dupsOf[c], int32(i))
		}
	}
	// Key everything below by document id, and describe an event by all
	// its documents, copies included: which copy is canonical can depend
	// on the order documents were added in, the stories must not.
	id := func(s int32) int64 { return ix.entries[s].doc.ID }
	all := make([][]int32, len(events))
	for i, ev := range events {
		for _, s := range ev {
			all[i] = append(all[i], s)
			all[i] = append(all[i], dupsOf[s]...)
		}
		sort.Slice(all[i], func(a, b int) bool { return id(all[i][a]) < id(all[i][b]) })
	}
	order := make([]int, len(events))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool { return id(all[order[a]][0]) < id(all[order[b]][0]) })
	infos := make([]eventInfo, len(events))
	parallelFor(len(order), func(i int) {
		k := order[i]
		vs := make([]vector, len(all[k]))
		var ents [][]string
		for j, s := range all[k] {
			vs[j] = ix.entries[s].text.vec
			ents = append(ents, ix.entries[s].ents)
		}
		infos[i] = eventInfo{slots: events[k], centroid: centroid(vs, centroidTerms), ents: unionSorted(ents)}
	})

	// Find candidate links through an inverted index of centroid terms,
	// score them all, then merge from the strongest link down, refusing a
	// merge when the two stories' centroids have drifted apart. Sorting
	// the links first makes the result independent of event order.
	type link struct {
		a, b int32
		sim  float64
	}
	var links []link
	post := map[uint64][]int32{}
	for i := range infos {
		e := &infos[i]
		top := e.centroid.top(storyTop)
		shared := map[int32]int{}
		for _, k := range top {
			if p := post[k]; len(p) < maxPosting {
				for _, o := range p {
					shared[o]++
				}
			}
		}
		for o, n := range shared {
			if n < minShared {
				continue
			}
			if s := ix.storySim(e, &infos[o]); s >= ix.opts.StoryThreshold {
				links = append(links, link{int32(i), o, s})
			}
		}
		for _, k := range top {
			post[k] = append(post[k], int32(i))
		}
	}
	sort.Slice(links, func(i, j int) bool {
		if links[i].sim != links[j].sim {
			return links[i].sim > links[j].sim
		}
		if links[i].a != links[j].a {
			return links[i].a < links[j].a
		}
		return links[i].b < links[j].b
	})
	var uf unionFind
	sums := make([]*cluster, len(infos))
	for i := range infos {
		uf.add()
		sums[i] = newCluster(infos[i].centroid, marsad.Date{})
	}
	for _, l := range links {
		ra, rb := uf.find(l.a), uf.find(l.b)
		if ra == rb {
			continue
		}
		ca, cb := sums[ra], sums[rb]
		dot := ca.dot(cb)
		if dot/math.Sqrt(ca.sq*cb.sq) < ix.opts.StoryThreshold {
			continue
		}
		uf.union(ra, rb)
		sums[uf.find(ra)] = absorb(ca, cb, dot)
	}
	members := map[int32][]int{}
	var roots []int32
	for i := range infos {
		r := uf.find(int32(i))
		if _, ok := members[r]; !ok {
			roots = append(roots, r)
		}
		members[r] = append(members[r], i)
	}

	out := make([]marsad.Story, len(roots))
	parallelFor(len(roots), func(i int) {
		var slots []int32
		var vs []vector
		for _, ev := range members[roots[i]] {
			slots = append(slots, infos[ev].slots...)
			vs = append(vs, infos[ev].centroid)
		}
		out[i] = ix.buildStory(slots, dupsOf, centroid(vs, centroidTerms))
	})
	sort.SliceStable(out, func(i, j int) bool {
		if len(out[i].Articles) != len(out[j].Articles) {
			return len(out[i].Articles) > len(out[j].Articles)
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// storySim is the same-story similarity of two events: centroid cosine,
// blended with entity overlap when both have entities. Time plays no part:
// a story runs for years.
func (ix *Index) storySim(a, b *eventInfo) float64 {
	c := cosine(a.centroid, b.centroid)
	if o := entityOverlap(a.ents, b.ents); o >= 0 {
		return (1-storyEntityShare)*c + storyEntityShare*o
	}
	return c
}

func (ix *Index) ref(s int32) marsad.ArticleRef {
	d := ix.entries[s].doc
	return marsad.ArticleRef{ID: d.ID, Title: d.Title, URL: d.URL, File: d.File, Outlet: d.Outlet, Published: d.Published}
}

func (ix *Index) buildStory(slots []int32, dupsOf map[int32][]int32, center vector) marsad.Story {
	sort.Slice(slots, func(i, j int) bool { return ix.earlier(slots[i], slots[j]) })
	st := marsad.Story{ID: ix.entries[slots[0]].doc.ID}
	bestCos := -1.0
	entCount := map[string]int{}
	note := func(d marsad.Date) {
		if d.IsZero() {
			return
		}
		if st.First.IsZero() || d.Time.Before(st.First.Time) {
			st.First = d
		}
		if st.Last.IsZero() || d.Time.After(st.Last.Time) {
			st.Last = d
		}
	}
	for _, s := range slots {
		e := ix.entries[s]
		if e.doc.ID < st.ID {
			st.ID = e.doc.ID
		}
		sa := marsad.StoryArticle{ArticleRef: ix.ref(s), Duplicates: []marsad.ArticleRef{}}
		note(e.doc.Published)
		copies := dupsOf[s]
		sort.Slice(copies, func(i, j int) bool { return ix.earlier(copies[i], copies[j]) })
		for _, c := range copies {
			sa.Duplicates = append(sa.Duplicates, ix.ref(c))
			note(ix.entries[c].doc.Published)
		}
		st.Articles = append(st.Articles, sa)
		if c := cosine(e.text.vec, center); c > bestCos && e.doc.Title != "" {
			bestCos, st.Title = c, e.doc.Title
		}
		for _, n := range e.ents {
			entCount[n]++
		}
	}
	st.Summary = ix.summarize(slots, center)
	st.Entities = topEntities(entCount, keyEntities)
	return st
}

// topEntities lists the entities named by most articles of a story. The
// lead replaces them with resolved canonical entities when it has them.
func topEntities(count map[string]int, n int) []marsad.Entity {
	names := make([]string, 0, len(count))
	for k := range count {
		names = append(names, k)
	}
	sort.Slice(names, func(i, j int) bool {
		if count[names[i]] != count[names[j]] {
			return count[names[i]] > count[names[j]]
		}
		return names[i] < names[j]
	})
	if len(names) > n {
		names = names[:n]
	}
	out := make([]marsad.Entity, len(names))
	for i, k := range names {
		out[i] = marsad.Entity{ID: k, Name: k, Articles: count[k]}
	}
	return out
}

type candidate struct {
	text   string
	outlet string
	vec    vector
	rel    float64
	order  int // article rank (oldest first) × leadSentences + position
}

// summarize picks up to SummarySentences lead sentences by maximal marginal
// relevance: each step takes the sentence most similar to the story
// centroid and least similar to those already taken, skips any whose
// cosine with a taken sentence exceeds Redundancy, and prefers an outlet
// not yet quoted while one is available. The chosen sentences are returned
// in story order (oldest article first).
func (ix *Index) summarize(slots []int32, center vector) []string {
	var cands []candidate
	for rank, s := range slots {
		e := ix.entries[s]
		for pos, sent := range e.text.lead {
			if len(sent.vec.keys) == 0 {
				continue
			}
			rel := cosine(sent.vec, center)
			if pos == 0 {
				rel += 0.05 // the lead sentence says what happened
			}
			if sent.continues {
				rel *= 0.7 // "وأضاف ..." reads badly out of its article
			}
			cands = append(cands, candidate{text: sent.text, outlet: e.doc.Outlet, vec: sent.vec, rel: rel, order: rank*leadSentences + pos})
		}
	}
	chosen := pickMMR(cands, ix.opts.SummarySentences, ix.opts.Redundancy)
	sort.Slice(chosen, func(i, j int) bool { return chosen[i].order < chosen[j].order })
	out := make([]string, len(chosen))
	for i, c := range chosen {
		out[i] = c.text
	}
	return out
}

func pickMMR(cands []candidate, n int, redundancy float64) []candidate {
	var chosen []candidate
	used := make([]bool, len(cands))
	outlets := map[string]bool{}
	for len(chosen) < n {
		// Is an unused, non-redundant sentence from a new outlet left?
		best, bestScore := -1, 0.0
		for pass := 0; pass < 2 && best < 0; pass++ {
			for i, c := range cands {
				if used[i] {
					continue
				}
				if pass == 0 && outlets[c.outlet] && len(outlets) > 0 {
					continue // first pass: outlets not yet quoted only
				}
				maxSim := 0.0
				for _, o := range chosen {
					if s := cosine(c.vec, o.vec); s > maxSim {
						maxSim = s
					}
				}
				if maxSim > redundancy {
					continue
				}
				score := mmrLambda*c.rel - (1-mmrLambda)*maxSim
				if best < 0 || score > bestScore || (score == bestScore && c.order < cands[best].order) {
					best, bestScore = i, score
				}
			}
		}
		if best < 0 {
			break
		}
		used[best] = true
		chosen = append(chosen, cands[best])
		outlets[cands[best].outlet] = true
	}
	return chosen
}

// unionSorted merges sorted string sets.
func unionSorted(sets [][]string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range sets {
		for _, x := range s {
			if !seen[x] {
				seen[x] = true
				out = append(out, x)
			}
		}
	}
	sort.Strings(out)
	return out
}

// OutletSpan is one outlet's part in a story: how many articles (copies
// included) and the first and last publication dates among them.
type OutletSpan struct {
	Outlet      string
	Articles    int
	First, Last marsad.Date
}

// Outlets lists the outlets of a story with their first and last dates,
// earliest first (outlets with no dated article last, by name).
func Outlets(st marsad.Story) []OutletSpan {
	by := map[string]*OutletSpan{}
	add := func(r marsad.ArticleRef) {
		o := by[r.Outlet]
		if o == nil {
			o = &OutletSpan{Outlet: r.Outlet}
			by[r.Outlet] = o
		}
		o.Articles++
		if d := r.Published; !d.IsZero() {
			if o.First.IsZero() || d.Time.Before(o.First.Time) {
				o.First = d
			}
			if o.Last.IsZero() || d.Time.After(o.Last.Time) {
				o.Last = d
			}
		}
	}
	for _, a := range st.Articles {
		add(a.ArticleRef)
		for _, d := range a.Duplicates {
			add(d)
		}
	}
	out := make([]OutletSpan, 0, len(by))
	for _, o := range by {
		out = append(out, *o)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.First.IsZero() != b.First.IsZero() {
			return !a.First.IsZero()
		}
		if !a.First.Time.Equal(b.First.Time) {
			return a.First.Time.Before(b.First.Time)
		}
		return a.Outlet < b.Outlet
	})
	return out
}

// continuations are the reporting verbs with which a news sentence carries
// on from the one before it ("وأضاف", "وتابع"), in normalized spelling.
var continuations = []string{"واضاف", "وتابع", "واشار", "واوضح", "وقال", "وبين", "واكد", "واستطرد", "ولفت"}

// continues reports whether a word, normalized, is a continuation verb.
func continues(norm string) bool {
	for _, c := range continuations {
		if strings.HasPrefix(norm, c) {
			return true
		}
	}
	return false
}
