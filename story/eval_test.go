package story

// Evaluation over all of SaudiNewsNet (EVAL.md). These tests run only with
// MARSAD_STORY_CORPUS=1 and the corpus present; they log the figures
// EVAL.md reports and write the hand-check samples to $MARSAD_STORY_EVAL_OUT
// (default: the test's temp dir).

import (
	"fmt"
	"github.com/marsad-news/marsad/internal/corpustest"
	"math"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
)

func loadAvg() string {
	b, _ := os.ReadFile("/proc/loadavg")
	return strings.TrimSpace(string(b))
}

func evalOut(t *testing.T, name string) *os.File {
	dir := os.Getenv("MARSAD_STORY_EVAL_OUT")
	if dir == "" {
		dir = t.TempDir()
	}
	f, err := os.Create(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("writing %s", f.Name())
	return f
}

func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// TestCorpusTiming clusters all 31,030 articles: the one-minute target.
func TestCorpusTiming(t *testing.T) {
	corpusEnabled(t)
	docs := flatten(loadSNN(t))
	t.Logf("load average before: %s", loadAvg())
	start, cpu0 := time.Now(), corpustest.CPUTime()
	ix := NewIndex(Options{})
	ix.AddBatch(docs)
	dups := ix.Duplicates()
	events := ix.Events()
	addWall, addCPU := time.Since(start), corpustest.CPUTime()-cpu0
	s2, c2 := time.Now(), corpustest.CPUTime()
	stories := ix.Stories()
	t.Logf("%d docs: add+duplicates+events wall %v cpu %v; stories (titles, summaries) wall %v cpu %v; load average after: %s",
		len(docs), addWall.Round(time.Millisecond), addCPU.Round(time.Millisecond), time.Since(s2).Round(time.Millisecond), (corpustest.CPUTime() - c2).Round(time.Millisecond), loadAvg())
	copies := 0
	for _, c := range dups {
		copies += len(c)
	}
	multi, multiOutlet := 0, 0
	for _, ev := range events {
		if len(ev) > 1 {
			multi++
		}
	}
	for _, st := range stories {
		if len(Outlets(st)) > 1 {
			multiOutlet++
		}
	}
	t.Logf("duplicate groups %d (copies %d); events %d (%d with ≥2 articles); stories %d (%d multi-outlet); largest event %d, largest story %d",
		len(dups), copies, len(events), multi, len(stories), multiOutlet, len(events[0]), len(stories[0].Articles))
	if addWall > time.Minute {
		t.Logf("WARNING: over one minute (wall) under load %s", loadAvg())
	}
}

// TestCorpusIncremental compares ingest in the 18 daily batches (querying
// the groups after each) with one batch, and with shuffled orders.
func TestCorpusIncremental(t *testing.T) {
	corpusEnabled(t)
	batches := loadSNN(t)
	all := flatten(batches)
	type summary struct {
		labels                map[int64]int
		events, dups, stories int
	}
	sum := func(ix *Index) summary {
		return summary{labels(ix), len(ix.Events()), len(ix.Duplicates()), len(ix.Stories())}
	}
	one := NewIndex(Options{})
	one.AddBatch(all)
	want := sum(one)
	one = nil
	report := func(name string, got summary) {
		t.Logf("%s: events %d vs %d, duplicate groups %d vs %d, stories %d vs %d, adjusted Rand index of events %.4f",
			name, got.events, want.events, got.dups, want.dups, got.stories, want.stories, adjustedRand(want.labels, got.labels))
	}
	daily := NewIndex(Options{})
	for _, b := range batches {
		daily.AddBatch(b)
		_ = daily.Events() // a reader between batches changes nothing
	}
	report("18 daily batches vs one batch", sum(daily))
	daily = nil
	rev := NewIndex(Options{})
	for i := len(batches) - 1; i >= 0; i-- {
		rev.AddBatch(batches[i])
	}
	report("daily batches newest first vs one batch", sum(rev))
	rev = nil
	for seed := int64(1); seed <= 2; seed++ {
		sh := append([]Doc(nil), all...)
		rand.New(rand.NewSource(seed)).Shuffle(len(sh), func(i, j int) { sh[i], sh[j] = sh[j], sh[i] })
		ix := NewIndex(Options{})
		ix.AddBatch(sh)
		report(fmt.Sprintf("shuffled order (seed %d) vs one batch", seed), sum(ix))
	}
}

// TestCorpusSamples writes the fixed-seed hand-check samples: 40
// multi-outlet event clusters and 40 duplicate pairs.
func TestCorpusSamples(t *testing.T) {
	corpusEnabled(t)
	docs := flatten(loadSNN(t))
	byID := map[int64]Doc{}
	for _, d := range docs {
		byID[d.ID] = d
	}
	ix := NewIndex(Options{})
	ix.AddBatch(docs)
	dups := ix.Duplicates()

	var multi [][]int64
	for _, ev := range ix.Events() {
		outlets := map[string]bool{}
		for _, id := range ev {
			outlets[byID[id].Outlet] = true
			for _, c := range dups[id] {
				outlets[byID[c].Outlet] = true
			}
		}
		if len(outlets) >= 2 && len(ev) >= 2 {
			multi = append(multi, ev)
		}
	}
	rng := rand.New(rand.NewSource(42))
	rng.Shuffle(len(multi), func(i, j int) { multi[i], multi[j] = multi[j], multi[i] })
	f := evalOut(t, "sample_events.txt")
	for i, ev := range multi[:40] {
		fmt.Fprintf(f, "E%02d size %d\n", i+1, len(ev))
		for _, id := range ev {
			d := byID[id]
			fmt.Fprintf(f, "  %d [%s %s] %s || %s\n     %s\n", id, d.Outlet, d.Published, d.Title, clip(d.Body, 160), d.URL)
		}
	}
	f.Close()

	var pairs [][2]int64
	var canon []int64
	for c := range dups {
		canon = append(canon, c)
	}
	sort.Slice(canon, func(i, j int) bool { return canon[i] < canon[j] })
	for _, c := range canon {
		for _, d := range dups[c] {
			pairs = append(pairs, [2]int64{c, d})
		}
	}
	rng = rand.New(rand.NewSource(43))
	rng.Shuffle(len(pairs), func(i, j int) { pairs[i], pairs[j] = pairs[j], pairs[i] })
	g := evalOut(t, "sample_dups.txt")
	for i, p := range pairs[:40] {
		a, b := byID[p[0]], byID[p[1]]
		ea, eb := ix.entries[ix.byID[p[0]]], ix.entries[ix.byID[p[1]]]
		ta, tb := analyze(a.Title, a.Body), analyze(b.Title, b.Body)
		fmt.Fprintf(g, "D%02d %d %d est %.2f exact %.2f simhash %.2f\n  A [%s %s] %s || %s\n     %s\n  B [%s %s] %s || %s\n     %s\n", i+1, p[0], p[1],
			jaccardEstimate(&ea.sig, &eb.sig), jaccard(ta.shingles, tb.shingles), simhashSimilarity(simhash(ta.shingles), simhash(tb.shingles)),
			a.Outlet, a.Published, a.Title, clip(a.Body, 200), a.URL, b.Outlet, b.Published, b.Title, clip(b.Body, 200), b.URL)
	}
	g.Close()
	t.Logf("%d multi-outlet events, %d duplicate pairs", len(multi), len(pairs))
}

// TestCorpusMinHashVsSimHash compares the two near-duplicate estimators on
// real pairs: all pairs of the first three daily batches that share salient
// terms or an LSH band, with exact shingle Jaccard ≥ DupThreshold as truth.
func TestCorpusMinHashVsSimHash(t *testing.T) {
	corpusEnabled(t)
	batches := loadSNN(t)
	var docs []Doc
	for _, b := range batches[:3] {
		docs = append(docs, b...)
	}
	ix := NewIndex(Options{})
	ix.AddBatch(docs)
	sh := make([][]uint64, len(docs))
	sims := make([]uint64, len(docs))
	for i, d := range docs {
		sh[i] = analyze(d.Title, d.Body).shingles
		sims[i] = simhash(sh[i])
	}
	type pair struct{ a, b int32 }
	seen := map[pair]bool{}
	for i := range ix.entries {
		e := ix.entries[i]
		add := func(c int32) {
			a, b := int32(i), c
			if a == b {
				return
			}
			if a > b {
				a, b = b, a
			}
			seen[pair{a, b}] = true
		}
		for _, c := range ix.candidates(e) {
			add(c)
		}
		for _, c := range ix.lsh.query(&e.sig) {
			add(c)
		}
	}
	th := ix.opts.DupThreshold
	var truth []bool
	var mh, sm []float64
	var errMH, errSH float64
	for p := range seen {
		if len(sh[p.a]) < minShingles || len(sh[p.b]) < minShingles {
			continue
		}
		j := jaccard(sh[p.a], sh[p.b])
		truth = append(truth, j >= th)
		m := jaccardEstimate(&ix.entries[p.a].sig, &ix.entries[p.b].sig)
		s := simhashSimilarity(sims[p.a], sims[p.b])
		mh, sm = append(mh, m), append(sm, s)
		errMH += math.Abs(m - j)
	}
	_ = errSH
	pos := 0
	for _, x := range truth {
		if x {
			pos++
		}
	}
	t.Logf("%d candidate pairs among %d docs, %d with exact Jaccard ≥ %.2f; MinHash mean |estimate − exact| %.4f", len(truth), len(docs), pos, th, errMH/float64(len(truth)))
	eval := func(name string, score []float64, cut float64) {
		tp, fp, fn := 0, 0, 0
		for i, s := range score {
			switch {
			case s >= cut && truth[i]:
				tp++
			case s >= cut:
				fp++
			case truth[i]:
				fn++
			}
		}
		t.Logf("  %-8s ≥ %.3f: precision %.3f recall %.3f (tp %d fp %d fn %d)", name, cut, float64(tp)/float64(tp+fp), float64(tp)/float64(tp+fn), tp, fp, fn)
	}
	eval("MinHash", mh, th)
	var p, n []float64
	for i, s := range sm {
		if truth[i] {
			p = append(p, s)
		} else {
			n = append(n, s)
		}
	}
	_, best := bestAcc(p, n)
	for _, cut := range []float64{best, 0.80, 0.85, 0.90} {
		eval("SimHash", sm, cut)
	}
	var mp, mn []float64
	for i, s := range mh {
		if truth[i] {
			mp = append(mp, s)
		} else {
			mn = append(mn, s)
		}
	}
	t.Logf("  AUC: MinHash %.4f, SimHash %.4f", auc(mp, mn), auc(p, n))
}

// readTSV returns the rows of a tab-separated testdata file, comments
// skipped.
func readTSV(t *testing.T, path string) [][]string {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var rows [][]string
	for _, line := range strings.Split(string(b), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		rows = append(rows, strings.Split(line, "\t"))
	}
	return rows
}

// TestCorpusJudged scores the hand-checked samples (testdata/eval_*.tsv)
// and compares Similarity with plain TF-IDF cosine on the pairs inside the
// sampled clusters.
func TestCorpusJudged(t *testing.T) {
	corpusEnabled(t)
	docs := flatten(loadSNN(t))
	doc := func(id, url string) Doc {
		n, _ := strconv.Atoi(id)
		if n < 1 || n > len(docs) || docs[n-1].URL != url {
			t.Fatalf("id %s does not match %s", id, url)
		}
		return docs[n-1]
	}
	type member struct {
		d     Doc
		group string
	}
	clusters := map[string][]member{}
	var order []string
	for _, r := range readTSV(t, "testdata/eval_events.tsv") {
		if _, ok := clusters[r[0]]; !ok {
			order = append(order, r[0])
		}
		clusters[r[0]] = append(clusters[r[0]], member{doc(r[1], r[3]), r[2]})
	}
	pure, members, right := 0, 0, 0
	var simP, simN, cosP, cosN []float64
	for _, c := range order {
		ms := clusters[c]
		count := map[string]int{}
		for _, m := range ms {
			count[m.group]++
		}
		best := 0
		for _, n := range count {
			best = max(best, n)
		}
		if len(count) == 1 {
			pure++
		}
		members += len(ms)
		right += best
		for i := range ms {
			for j := i + 1; j < len(ms); j++ {
				s := Similarity(ms[i].d, ms[j].d)
				ta, tb := analyze(ms[i].d.Title, ms[i].d.Body), analyze(ms[j].d.Title, ms[j].d.Body)
				c := cosine(ta.vec, tb.vec)
				if ms[i].group == ms[j].group {
					simP, cosP = append(simP, s), append(cosP, c)
				} else {
					simN, cosN = append(simN, s), append(cosN, c)
				}
			}
		}
	}
	t.Logf("event clusters: %d of %d pure (%.3f); members in their cluster's main event %d of %d (%.3f); within-cluster pairs same event %d of %d (%.3f)",
		pure, len(order), float64(pure)/float64(len(order)), right, members, float64(right)/float64(members),
		len(simP), len(simP)+len(simN), float64(len(simP))/float64(len(simP)+len(simN)))
	t.Logf("within-cluster pairs, same event vs not: AUC Similarity %.3f, plain TF-IDF cosine %.3f", auc(simP, simN), auc(cosP, cosN))
	frac := func(xs []float64, cut float64) float64 {
		n := 0
		for _, x := range xs {
			if x >= cut {
				n++
			}
		}
		return float64(n) / float64(len(xs))
	}
	t.Logf("  wrong pairs kept at threshold: Similarity ≥ 0.6: %.3f; cosine ≥ 0.377 (its best cut on the labelled pairs): %.3f; right pairs kept: %.3f vs %.3f",
		frac(simN, 0.6), frac(cosN, 0.377), frac(simP, 0.6), frac(cosP, 0.377))

	ok, n := 0, 0
	for _, r := range readTSV(t, "testdata/eval_dups.tsv") {
		doc(r[0], r[3])
		doc(r[1], r[4])
		n++
		if r[2] == "1" {
			ok++
		}
	}
	t.Logf("duplicate pairs: %d of %d are the same text re-run (precision %.3f)", ok, n, float64(ok)/float64(n))
}
