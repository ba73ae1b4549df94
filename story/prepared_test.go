package story

import (
	"reflect"
	"strings"
	"sync"
	"testing"
	"unsafe"
)

// TestAddPreparedMatchesAdd: documents analyzed on several goroutines with
// their entities set afterwards, then added in order, give the index that
// Add gives, groups and stories alike (ingest's rebuild relies on it).
func TestAddPreparedMatchesAdd(t *testing.T) {
	docs := stabilityDocs(t)
	for i := range docs {
		if i%3 == 0 {
			docs[i].Entities = []string{"per-" + strings.Repeat("x", i%5), "loc-الرياض"}
		}
	}
	want := NewIndex(Options{})
	for _, d := range docs {
		want.Add(d)
	}

	prepared := make([]*Prepared, len(docs))
	var wg sync.WaitGroup
	const workers = 3
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			an := NewAnalyzer()
			for i := w; i < len(docs); i += workers {
				d := docs[i]
				d.Entities = nil // learnt later, as the rebuild does
				prepared[i] = an.Prepare(d)
			}
		}()
	}
	wg.Wait()
	got := NewIndex(Options{})
	for i, p := range prepared {
		if p.ID() != docs[i].ID {
			t.Fatalf("prepared %d has id %d, want %d", i, p.ID(), docs[i].ID)
		}
		p.SetEntities(docs[i].Entities)
		got.AddPrepared(p)
	}

	if !reflect.DeepEqual(got.Duplicates(), want.Duplicates()) {
		t.Error("duplicates differ from Add")
	}
	if !reflect.DeepEqual(got.Events(), want.Events()) {
		t.Error("events differ from Add")
	}
	if g, w := got.Stories(), want.Stories(); !reflect.DeepEqual(g, w) {
		t.Errorf("stories differ from Add: %d vs %d stories", len(g), len(w))
	}
	for _, d := range docs[:min(20, len(docs))] {
		if g, w := got.Similar(d.ID, 5), want.Similar(d.ID, 5); !reflect.DeepEqual(g, w) {
			t.Errorf("Similar(%d) = %v, Add gives %v", d.ID, g, w)
		}
	}
}

// TestPreparedKeepsNoBody: what the index keeps of a document (lead
// sentences for summaries, the analyzer's word cache) must not point into
// the body, or the index would hold every body it has seen.
func TestPreparedKeepsNoBody(t *testing.T) {
	body := strings.Repeat("أعلنت وزارة الصحة السعودية اليوم عن تسجيل حالات جديدة في مدينة الرياض وقالت إن الوضع مستقر. ", 20)
	buf := []byte(body) // a body of its own, not a constant
	body = string(buf)
	lo := uintptr(unsafe.Pointer(unsafe.StringData(body)))
	hi := lo + uintptr(len(body))
	inBody := func(s string) bool {
		if s == "" {
			return false
		}
		p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
		return p >= lo && p < hi
	}
	an := NewAnalyzer()
	p := an.Prepare(Doc{ID: 1, Title: "الصحة", Body: body})
	if len(p.e.text.lead) == 0 {
		t.Fatal("no lead sentence: the test does not test anything")
	}
	for _, s := range p.e.text.lead {
		if inBody(s.text) {
			t.Errorf("lead sentence %q points into the body", s.text)
		}
	}
	if p.e.doc.Body != "" {
		t.Error("the prepared document keeps its body")
	}
	for w, wi := range an.a.cache {
		if inBody(w) || inBody(wi.norm) {
			t.Errorf("word cache entry %q points into the body", w)
		}
	}
}
