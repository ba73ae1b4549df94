package story

import (
	"fmt"
	"math"
	"math/rand"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/marsad-news/marsad"
)

// synthText returns n words drawn from a vocabulary of synthetic Arabic
// words, deterministic in seed.
func synthWords(rng *rand.Rand, n int) []string {
	letters := []rune("ابتثجحخدذرزسشصضطظعغفقكلمنهوي")
	out := make([]string, n)
	for i := range out {
		k := 3 + rng.Intn(4)
		w := make([]rune, k)
		for j := range w {
			w[j] = letters[rng.Intn(len(letters))]
		}
		out[i] = string(w)
	}
	return out
}

// edit replaces a fraction of the words of ws with fresh ones.
func edit(rng *rand.Rand, ws []string, frac float64) []string {
	out := append([]string(nil), ws...)
	fresh := synthWords(rng, len(ws))
	for i := range out {
		if rng.Float64() < frac {
			out[i] = fresh[i]
		}
	}
	return out
}

func shinglesOf(ws []string) []uint64 {
	return analyze("", strings.Join(ws, " ")).shingles
}

func TestMinHashEstimate(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	base := synthWords(rng, 400)
	tests := []struct {
		name string
		frac float64
	}{
		{"identical", 0},
		{"1% words changed", 0.01},
		{"5% words changed", 0.05},
		{"15% words changed", 0.15},
		{"30% words changed", 0.30},
		{"unrelated", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := shinglesOf(base), shinglesOf(edit(rng, base, tt.frac))
			exact := jaccard(a, b)
			sa, sb := minhash(a), minhash(b)
			est := jaccardEstimate(&sa, &sb)
			// 128 hashes: standard error √(J(1−J)/128) ≤ 0.044; allow 3σ.
			if math.Abs(est-exact) > 0.133 {
				t.Errorf("estimate %.3f, exact Jaccard %.3f", est, exact)
			}
			t.Logf("exact %.3f estimate %.3f", exact, est)
		})
	}
}

func TestLSHRecall(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	tests := []struct {
		name       string
		frac       float64 // words changed
		minRecall  float64
		maxRecall  float64
		minJaccard float64
	}{
		{"3% edits (wire copy, new headline)", 0.03, 0.98, 1, 0.8},
		{"8% edits", 0.08, 0.95, 1, 0.6},
		{"unrelated", 1, 0, 0.02, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := newLSH()
			const n = 300
			var sigs []signature
			var bases [][]string
			for i := 0; i < n; i++ {
				ws := synthWords(rng, 250)
				bases = append(bases, ws)
				sig := minhash(shinglesOf(ws))
				sigs = append(sigs, sig)
				l.insert(&sig, int32(i))
			}
			found := 0
			for i := 0; i < n; i++ {
				q := minhash(shinglesOf(edit(rng, bases[i], tt.frac)))
				for _, c := range l.query(&q) {
					if c == int32(i) {
						found++
						break
					}
				}
			}
			recall := float64(found) / n
			if recall < tt.minRecall || recall > tt.maxRecall {
				t.Errorf("recall %.3f, want in [%.2f, %.2f]", recall, tt.minRecall, tt.maxRecall)
			}
		})
	}
}

func day(y int, m time.Month, d int) marsad.Date { return marsad.DayDate(y, m, d) }

func TestDuplicatesFold(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	body := strings.Join(synthWords(rng, 300), " ")
	other := strings.Join(synthWords(rng, 300), " ")
	tests := []struct {
		name          string
		docs          []Doc
		wantCanonical int64
		wantCopies    []int64
	}{
		{
			name: "earliest published wins",
			docs: []Doc{
				{ID: 1, Title: "أ", Body: body, Outlet: "a", Published: day(2023, 9, 27)},
				{ID: 2, Title: "ب", Body: "تم النشر منذ ساعة\n" + body, Outlet: "b", Published: day(2023, 9, 26)},
				{ID: 3, Title: "ج", Body: body + "\nجميع الحقوق محفوظة", Outlet: "c", Published: day(2023, 9, 28)},
				{ID: 4, Title: "د", Body: other, Outlet: "d"},
			},
			wantCanonical: 2,
			wantCopies:    []int64{1, 3},
		},
		{
			name: "first ingested when no date",
			docs: []Doc{
				{ID: 10, Title: "أ", Body: body, Outlet: "a"},
				{ID: 11, Title: "ب", Body: body, Outlet: "b"},
			},
			wantCanonical: 10,
			wantCopies:    []int64{11},
		},
		{
			name: "a dated copy beats an undated earlier ingest",
			docs: []Doc{
				{ID: 20, Title: "أ", Body: body, Outlet: "a"},
				{ID: 21, Title: "ب", Body: body, Outlet: "b", Published: day(2020, 1, 1)},
			},
			wantCanonical: 21,
			wantCopies:    []int64{20},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ix := NewIndex(Options{})
			for _, d := range tt.docs {
				ix.Add(d)
			}
			if ix.Len() != len(tt.docs) {
				t.Errorf("Len = %d, want %d: nothing is deleted", ix.Len(), len(tt.docs))
			}
			dups := ix.Duplicates()
			if len(dups) != 1 {
				t.Fatalf("Duplicates() = %v, want one group", dups)
			}
			got := dups[tt.wantCanonical]
			if fmt.Sprint(got) != fmt.Sprint(tt.wantCopies) {
				t.Errorf("Duplicates()[%d] = %v, want %v (all: %v)", tt.wantCanonical, got, tt.wantCopies, dups)
			}
		})
	}
}

func TestAddIgnoresKnownID(t *testing.T) {
	ix := NewIndex(Options{})
	ix.Add(Doc{ID: 1, Title: "عنوان", Body: "نص"})
	ix.Add(Doc{ID: 1, Title: "عنوان آخر", Body: "نص آخر"})
	if ix.Len() != 1 {
		t.Errorf("Len = %d, want 1", ix.Len())
	}
}

// adjustedRand is the adjusted Rand index of two clusterings of the same
// ids (Hubert and Arabie 1985): 1 for identical partitions, about 0 for
// chance agreement.
func adjustedRand(a, b map[int64]int) float64 {
	comb := func(n int) float64 { return float64(n) * float64(n-1) / 2 }
	cont := map[[2]int]int{}
	ra, rb := map[int]int{}, map[int]int{}
	n := 0
	for id, la := range a {
		lb, ok := b[id]
		if !ok {
			continue
		}
		cont[[2]int{la, lb}]++
		ra[la]++
		rb[lb]++
		n++
	}
	var index, sa, sb float64
	for _, v := range cont {
		index += comb(v)
	}
	for _, v := range ra {
		sa += comb(v)
	}
	for _, v := range rb {
		sb += comb(v)
	}
	expected := sa * sb / comb(n)
	max := (sa + sb) / 2
	if max == expected {
		return 1
	}
	return (index - expected) / (max - expected)
}

// labels maps each document id to its event cluster, copies included.
func labels(ix *Index) map[int64]int {
	out := map[int64]int{}
	dups := ix.Duplicates()
	for i, ev := range ix.Events() {
		for _, id := range ev {
			out[id] = i
			for _, c := range dups[id] {
				out[c] = i
			}
		}
	}
	return out
}

func TestAdjustedRand(t *testing.T) {
	a := map[int64]int{1: 0, 2: 0, 3: 1, 4: 1}
	if got := adjustedRand(a, a); got != 1 {
		t.Errorf("identical partitions: got %.3f, want 1", got)
	}
	b := map[int64]int{1: 5, 2: 5, 3: 7, 4: 7}
	if got := adjustedRand(a, b); got != 1 {
		t.Errorf("renamed labels: got %.3f, want 1", got)
	}
}

// shuffleDocs returns the seeds, a re-post, and (when present) the first
// SaudiNewsNet batch.
func stabilityDocs(t *testing.T) []Doc {
	docs := seedDocs(t)
	docs = append(docs, repost(docs[1], 100))
	if !testing.Short() {
		if b := loadSNNQuiet(1); len(b) > 0 {
			for _, d := range b[0][:600] {
				d.ID += 1000
				docs = append(docs, d)
			}
		}
	}
	return docs
}

func TestShuffleStability(t *testing.T) {
	docs := stabilityDocs(t)
	ref := NewIndex(Options{})
	ref.AddBatch(docs)
	want := labels(ref)
	for seed := int64(1); seed <= 3; seed++ {
		t.Run(fmt.Sprintf("seed %d", seed), func(t *testing.T) {
			shuffled := append([]Doc(nil), docs...)
			rand.New(rand.NewSource(seed)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
			ix := NewIndex(Options{})
			ix.AddBatch(shuffled)
			ari := adjustedRand(want, labels(ix))
			t.Logf("%d docs: adjusted Rand index vs ingest order %.4f", len(docs), ari)
			if ari < 0.99 {
				t.Errorf("adjusted Rand index %.4f, want ≥ 0.99", ari)
			}
			if got, want := storyKey(ix), storyKey(ref); got != want {
				t.Errorf("stories differ from ingest order: only here %v; only in ingest order %v", minus(got, want), minus(want, got))
			}
		})
	}
}

// storyKey lists each story's article ids, copies included, for comparing
// two indexes. Which copy is canonical may differ: among copies published
// the same day, the first ingested is.
func storyKey(ix *Index) string {
	var parts []string
	for _, st := range ix.Stories() {
		var ids []string
		for _, a := range st.Articles {
			ids = append(ids, fmt.Sprint(a.ID))
			for _, d := range a.Duplicates {
				ids = append(ids, fmt.Sprint(d.ID))
			}
		}
		sort.Strings(ids)
		parts = append(parts, strings.Join(ids, ","))
	}
	sort.Strings(parts)
	return strings.Join(parts, " | ")
}

// minus lists the stories of key a missing from key b.
func minus(a, b string) []string {
	in := map[string]bool{}
	for _, s := range strings.Split(b, " | ") {
		in[s] = true
	}
	var out []string
	for _, s := range strings.Split(a, " | ") {
		if !in[s] {
			out = append(out, s)
		}
	}
	return out
}

func TestSummaryNonRedundant(t *testing.T) {
	docs := stabilityDocs(t)
	ix := NewIndex(Options{})
	ix.AddBatch(docs)
	checked := 0
	for _, st := range ix.Stories() {
		if len(st.Articles) < 2 {
			continue
		}
		checked++
		if len(st.Summary) > 5 {
			t.Errorf("story %d: %d summary sentences, want ≤ 5", st.ID, len(st.Summary))
		}
		vecs := make([]vector, len(st.Summary))
		for i, s := range st.Summary {
			vecs[i] = termVector(s)
		}
		for i := range vecs {
			for j := i + 1; j < len(vecs); j++ {
				if c := cosine(vecs[i], vecs[j]); c > ix.opts.Redundancy {
					t.Errorf("story %d: sentences %d and %d have cosine %.2f > %.2f:\n%s\n%s", st.ID, i, j, c, ix.opts.Redundancy, st.Summary[i], st.Summary[j])
				}
			}
		}
		// Sentences come from at least two outlets when the story's
		// candidate sentences do.
		outlets := map[string]bool{}
		for _, a := range st.Articles {
			if e := ix.entries[ix.byID[a.ID]]; len(e.text.lead) > 0 {
				outlets[a.Outlet] = true
			}
		}
		// Sentences come from at least two outlets when another outlet has
		// a sentence that repeats none of those chosen.
		from := map[string]bool{}
		for _, s := range st.Summary {
			for _, a := range st.Articles {
				for _, l := range ix.entries[ix.byID[a.ID]].text.lead {
					if l.text == s {
						from[a.Outlet] = true
					}
				}
			}
		}
		if len(outlets) >= 2 && len(from) == 1 && len(st.Summary) < ix.opts.SummarySentences {
			for _, a := range st.Articles {
				if from[a.Outlet] {
					continue
				}
				for _, l := range ix.entries[ix.byID[a.ID]].text.lead {
					redundant := false
					for _, v := range vecs {
						if cosine(l.vec, v) > ix.opts.Redundancy {
							redundant = true
						}
					}
					if !redundant && len(l.vec.keys) > 0 {
						t.Errorf("story %d: summary from one outlet, but %s has a non-redundant sentence: %s", st.ID, a.Outlet, l.text)
					}
				}
			}
		}
	}
	if checked == 0 {
		t.Fatal("no multi-article story to check")
	}
}

func TestSimilarity(t *testing.T) {
	docs := seedDocs(t)
	tests := []struct {
		name     string
		a, b     Doc
		min, max float64
	}{
		{"same text", docs[0], docs[0], 0.95, 1},
		{"re-post", docs[1], repost(docs[1], 9), 0.9, 1},
		{"same topic, years apart", docs[1], docs[2], 0, 0.2},
		{"empty", Doc{}, Doc{}, 0, 0},
		{"empty vs text", Doc{}, docs[0], 0, 0.05},
		{"invalid UTF-8", Doc{Title: "\xff\xfe", Body: "\xc3\x28 حفتر"}, docs[0], 0, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ab, ba := Similarity(tt.a, tt.b), Similarity(tt.b, tt.a)
			if ab != ba {
				t.Errorf("not symmetric: %v vs %v", ab, ba)
			}
			if ab < tt.min || ab > tt.max {
				t.Errorf("Similarity = %.3f, want in [%.2f, %.2f]", ab, tt.min, tt.max)
			}
		})
	}
}

func TestSimilar(t *testing.T) {
	docs := seedDocs(t)
	ix := NewIndex(Options{})
	for _, d := range docs {
		ix.Add(d)
	}
	dup := repost(docs[1], 100)
	ix.Add(dup)
	got := ix.Similar(docs[1].ID, 3)
	if len(got) == 0 || got[0].ID != dup.ID {
		t.Fatalf("Similar(%d) = %v, want the re-post %d first", docs[1].ID, got, dup.ID)
	}
	for _, m := range got {
		if m.Score < 0 || m.Score > 1 {
			t.Errorf("score %v outside [0,1]", m.Score)
		}
	}
	if got := ix.Similar(12345, 3); got != nil {
		t.Errorf("Similar(unknown) = %v, want nil", got)
	}
}

func TestOutlets(t *testing.T) {
	st := marsad.Story{Articles: []marsad.StoryArticle{
		{ArticleRef: marsad.ArticleRef{ID: 1, Outlet: "a", Published: day(2016, 1, 2)},
			Duplicates: []marsad.ArticleRef{{ID: 2, Outlet: "b", Published: day(2016, 1, 3)}, {ID: 3, Outlet: "a", Published: day(2019, 5, 1)}}},
		{ArticleRef: marsad.ArticleRef{ID: 4, Outlet: "c"}},
	}}
	got := Outlets(st)
	want := "[{a 2 2016-01-02 2019-05-01} {b 1 2016-01-03 2016-01-03} {c 1  }]"
	if g := fmt.Sprint(got); g != want {
		t.Errorf("Outlets = %s, want %s", g, want)
	}
}

func TestBadInput(t *testing.T) {
	huge := strings.Repeat("حفتر يزور موسكو. ", 200000)
	inputs := []Doc{
		{ID: 1},
		{ID: 2, Title: "\x00\x01\xff", Body: string([]byte{0xff, 0xfe, 0x00, 0x80})},
		{ID: 3, Title: "<script>", Body: strings.Repeat("<div>", 10000)},
		{ID: 4, Body: huge},
		{ID: 5, Body: huge},
	}
	ix := NewIndex(Options{})
	start := time.Now()
	for _, d := range inputs {
		ix.Add(d)
	}
	_ = ix.Stories()
	_ = ix.Events()
	if time.Since(start) > 20*time.Second {
		t.Errorf("bad input took %v", time.Since(start))
	}
	for _, st := range ix.Stories() {
		for _, s := range st.Summary {
			if !utf8.ValidString(s) {
				t.Errorf("summary sentence not valid UTF-8: %q", s)
			}
		}
	}
}

func FuzzSimilarity(f *testing.F) {
	f.Add("حفتر في موسكو", "وصل حفتر إلى موسكو لبحث الأزمة الليبية.", "زيارة حفتر", "وصل القائد الليبي إلى روسيا.", int64(0))
	f.Add("", "", "", "", int64(5))
	f.Add("\xff", "\x00\x80", "٣٤٥", "2023/09/26 21:15", int64(-400))
	f.Fuzz(func(t *testing.T, t1, b1, t2, b2 string, days int64) {
		a := Doc{Title: t1, Body: b1, Entities: []string{t1}, Published: day(2023, 9, 26)}
		b := Doc{Title: t2, Body: b2, Entities: []string{t2}, Published: marsad.Date{Time: a.Published.Time.Add(time.Duration(days) * 24 * time.Hour), Granularity: marsad.Day}}
		ab, ba := Similarity(a, b), Similarity(b, a)
		if ab < 0 || ab > 1 || math.IsNaN(ab) {
			t.Fatalf("Similarity = %v, outside [0,1]", ab)
		}
		if ab != ba {
			t.Fatalf("not symmetric: %v vs %v", ab, ba)
		}
	})
}

func BenchmarkAdd(b *testing.B) {
	docs := seedDocs(b)
	if batches := loadSNNQuiet(1); len(batches) > 0 {
		docs = batches[0]
	}
	b.ReportAllocs()
	b.ResetTimer()
	ix := NewIndex(Options{})
	for i := 0; i < b.N; i++ {
		d := docs[i%len(docs)]
		d.ID = int64(i + 1)
		ix.Add(d)
	}
}
