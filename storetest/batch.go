package storetest

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/marsad-news/marsad"
)

// The batch contract (marsad.BatchStore): a batch stores what PutArticle
// would store, one article at a time, in input order, but in one
// transaction: all or nothing.

func batchStore(t *testing.T, s marsad.Store) marsad.BatchStore {
	t.Helper()
	bs, ok := s.(marsad.BatchStore)
	if !ok {
		t.Skip("store does not implement marsad.BatchStore")
	}
	return bs
}

func putBatch(t *testing.T, bs marsad.BatchStore, as []*marsad.Article) []marsad.PutResult {
	t.Helper()
	res, err := bs.PutArticles(context.Background(), as)
	if err != nil {
		t.Fatalf("PutArticles(%d articles): %v", len(as), err)
	}
	if len(res) != len(as) {
		t.Fatalf("PutArticles(%d articles) gave %d results", len(as), len(res))
	}
	return res
}

func total(t *testing.T, s marsad.Store) int {
	t.Helper()
	_, n, err := s.Articles(context.Background(), marsad.ArticleFilter{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// testBatchRoundTrip: every article of a batch reads back exactly as
// PutArticle stores it, with ids in input order, and the listing tables
// (quotes, timeline, search) see every one of them, across the chunks in
// which a store may split its inserts.
func testBatchRoundTrip(t *testing.T, s marsad.Store) {
	ctx := context.Background()
	bs := batchStore(t, s)
	arts := append([]*marsad.Article{fullArticle()}, Corpus(t, 99, 11)...)
	res := putBatch(t, bs, arts)
	for i, r := range res {
		if !r.Created || r.ID == 0 {
			t.Fatalf("result %d = %+v, want a new id", i, r)
		}
		if i > 0 && r.ID <= res[i-1].ID {
			t.Errorf("ids do not follow the input: %d after %d", r.ID, res[i-1].ID)
		}
	}
	for i, a := range arts {
		got, err := s.Article(ctx, res[i].ID)
		if err != nil {
			t.Fatal(err)
		}
		want := withID(a, res[i].ID)
		if a.Ingested.IsZero() {
			want.Ingested = got.Ingested
		}
		if want.ContentHash == "" {
			want.ContentHash = got.ContentHash
		}
		if g, w := jsonOf(got), jsonOf(want); g != w {
			t.Fatalf("article %d reads back differently:\ngot  %s\nwant %s", i, g, w)
		}
	}
	// The same articles through PutArticle, in another store state, give
	// the same listings: compare counts that depend on every row.
	quotes, err := s.Quotes(ctx, marsad.QuoteFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(quotes) != 1 || quotes[0].Article.ID != res[0].ID {
		t.Errorf("Quotes = %d items, want the one quote of the first article", len(quotes))
	}
	tl, err := s.Timeline(ctx, marsad.TimelineFilter{Entity: "خليفة حفتر"})
	if err != nil {
		t.Fatal(err)
	}
	if len(tl) != len(arts) {
		t.Errorf("Timeline(خليفة حفتر) = %d events, want one per article (%d)", len(tl), len(arts))
	}
	sr, err := s.Search(ctx, marsad.SearchQuery{Query: "حفتر", Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if sr.Total == 0 {
		t.Errorf("Search(حفتر) found nothing after a batch")
	}
}

// testBatchDuplicates: a repeated article, inside the batch or already
// stored, gets the stored id and Created false, and is stored once.
func testBatchDuplicates(t *testing.T, s marsad.Store) {
	ctx := context.Background()
	bs := batchStore(t, s)
	a := &marsad.Article{Title: "حفتر يزور روسيا", Body: "وصل خليفة حفتر إلى موسكو لإجراء مباحثات مع المسؤولين."}
	variant := &marsad.Article{Title: "حَفتر يزور روسيا", Body: "وصل خليفة حفتر إلى موسكو لإجراء مباحثات مع المسئولين."}
	b := &marsad.Article{Title: "لافروف يستقبل حفتر", Body: "استقبل وزير الخارجية الروسي سيرغي لافروف المشير خليفة حفتر لإجراء مباحثات."}
	c := &marsad.Article{Title: "مجلس الأمن", Body: "ناقش مجلس الأمن الوضع في ليبيا.", ContentHash: "hash-c"}
	pre := put(t, s, c) // stored before the batch

	res := putBatch(t, bs, []*marsad.Article{a, b, variant, c, b, a})
	created := func(id int64) marsad.PutResult { return marsad.PutResult{ID: id, Created: true} }
	stored := func(id int64) marsad.PutResult { return marsad.PutResult{ID: id} }
	want := []marsad.PutResult{
		created(res[0].ID), created(res[1].ID), stored(res[0].ID), stored(pre), stored(res[1].ID), stored(res[0].ID),
	}
	for i := range want {
		if res[i] != want[i] {
			t.Errorf("result %d = %+v, want %+v", i, res[i], want[i])
		}
	}
	if !(pre < res[0].ID && res[0].ID < res[1].ID) {
		t.Errorf("ids %d, %d after %d: want new ids in input order", res[0].ID, res[1].ID, pre)
	}
	// A second batch: all three are stored now.
	d := &marsad.Article{Title: "فيضانات درنة", Body: "اجتاحت الفيضانات مدينة درنة."}
	res2 := putBatch(t, bs, []*marsad.Article{c, d, b})
	if res2[0] != (marsad.PutResult{ID: pre}) || !res2[1].Created || res2[2] != (marsad.PutResult{ID: res[1].ID}) {
		t.Errorf("second batch = %+v; want c and b as stored, d new", res2)
	}
	// PutArticle agrees with the batch.
	if id, created, err := s.PutArticle(ctx, variant); err != nil || created || id != res[0].ID {
		t.Errorf("PutArticle(variant) = %d, %v, %v; want %d, false, nil", id, created, err, res[0].ID)
	}
	if n := total(t, s); n != 4 {
		t.Errorf("stored %d articles, want 4", n)
	}
	sr, err := s.Search(ctx, marsad.SearchQuery{Query: "مباحثات"})
	if err != nil {
		t.Fatal(err)
	}
	if sr.Total != 2 {
		t.Errorf("Search(مباحثات).Total = %d, want 2 (duplicates indexed once)", sr.Total)
	}
}

// testBatchEmpty: an empty batch stores nothing and is not an error.
func testBatchEmpty(t *testing.T, s marsad.Store) {
	bs := batchStore(t, s)
	for _, as := range [][]*marsad.Article{nil, {}} {
		res, err := bs.PutArticles(context.Background(), as)
		if err != nil || len(res) != 0 {
			t.Errorf("PutArticles(%v) = %v, %v; want no results, no error", as, res, err)
		}
	}
	if n := total(t, s); n != 0 {
		t.Errorf("stored %d articles, want 0", n)
	}
}

// testBatchInvalid: an article that cannot be stored (nil) in the middle
// of a batch fails the whole batch with a *BatchError naming it; nothing
// is stored, and the articles before it can be put again.
func testBatchInvalid(t *testing.T, s marsad.Store) {
	ctx := context.Background()
	bs := batchStore(t, s)
	arts := Corpus(t, 5, 12)
	batch := []*marsad.Article{arts[0], arts[1], nil, arts[2]}
	res, err := bs.PutArticles(ctx, batch)
	var be *marsad.BatchError
	if !errors.As(err, &be) || be.Index != 2 {
		t.Fatalf("PutArticles with nil at 2 = %v, %v; want a *BatchError with Index 2", res, err)
	}
	wantCode(t, "PutArticles with nil", err, marsad.EINVALID)
	if n := total(t, s); n != 0 {
		t.Errorf("a failed batch stored %d articles; want none", n)
	}
	res = putBatch(t, bs, batch[:be.Index])
	if !res[0].Created || !res[1].Created {
		t.Errorf("the articles before the failed one = %+v; want both stored now", res)
	}
	// A canceled context stores nothing either.
	canceled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := bs.PutArticles(canceled, arts[3:]); err == nil {
		t.Errorf("PutArticles with a canceled context succeeded")
	}
	if n := total(t, s); n != 2 {
		t.Errorf("stored %d articles, want 2", n)
	}
}

// testEachEntities: EachEntities visits every article in id order with
// exactly the entities Article returns.
func testEachEntities(t *testing.T, s marsad.Store) {
	ctx := context.Background()
	er, ok := s.(marsad.EntityReader)
	if !ok {
		t.Skip("store does not implement marsad.EntityReader")
	}
	full := fullArticle()
	noEnts := &marsad.Article{Title: "بلا كيانات", Body: "نص بلا كيانات.", Quotes: full.Quotes}
	ids := []int64{put(t, s, full), put(t, s, noEnts)}
	for _, a := range Corpus(t, 20, 13) {
		a.Entities = []marsad.Entity{{ID: "e1", Name: "خليفة حفتر", Type: marsad.Person, Aliases: []string{"حفتر"}}}
		ids = append(ids, put(t, s, a))
	}
	var seen []int64
	err := er.EachEntities(ctx, func(id int64, ents []marsad.Entity) error {
		seen = append(seen, id)
		a, err := s.Article(ctx, id)
		if err != nil {
			return err
		}
		if g, w := jsonOf(ents), jsonOf(a.Entities); g != w {
			return fmt.Errorf("article %d: entities %s, want %s", id, g, w)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(seen) != fmt.Sprint(ids) {
		t.Errorf("visited %v, want %v", seen, ids)
	}
	stop := errors.New("stop")
	if err := er.EachEntities(ctx, func(int64, []marsad.Entity) error { return stop }); !errors.Is(err, stop) {
		t.Errorf("EachEntities returned %v, want fn's error", err)
	}
}

// RunConcurrentBatchWriters stores the same 300 articles through a and b
// at once in batches of 50, in opposite orders, and checks that each is
// stored and reported created exactly once. a and b must be two handles on
// one empty database, and both marsad.BatchStores.
func RunConcurrentBatchWriters(t *testing.T, a, b marsad.Store) {
	ctx := context.Background()
	arts := Corpus(t, 300, 17)
	var mu sync.Mutex
	created := map[string]int{}
	ids := map[string]map[int64]bool{}
	var wg sync.WaitGroup
	errs := make(chan error, 2)
	for w, s := range []marsad.Store{a, b} {
		bs := s.(marsad.BatchStore)
		order := make([]*marsad.Article, len(arts))
		for i := range arts {
			order[i] = arts[i]
			if w == 1 {
				order[i] = arts[len(arts)-1-i]
			}
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < len(order); i += 50 {
				batch := order[i:min(i+50, len(order))]
				res, err := bs.PutArticles(ctx, batch)
				if err != nil {
					errs <- fmt.Errorf("writer %d: %w", w, err)
					return
				}
				mu.Lock()
				for k, r := range res {
					u := batch[k].URL
					if r.Created {
						created[u]++
					}
					if ids[u] == nil {
						ids[u] = map[int64]bool{}
					}
					ids[u][r.ID] = true
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	if n := total(t, a); n != len(arts) {
		t.Errorf("stored %d articles, want %d", n, len(arts))
	}
	for _, art := range arts {
		if n := created[art.URL]; n != 1 {
			t.Errorf("%s reported created %d times, want 1", art.URL, n)
		}
		if n := len(ids[art.URL]); n != 1 {
			t.Errorf("%s got %d different ids, want 1", art.URL, n)
		}
	}
}
