// Package storetest is the conformance suite of marsad.Store, after
// restic's backend tests: every backend runs the same contract tests, so
// that `marsad serve` behaves the same on SQLite and PostgreSQL.
//
// A backend's test file is a few lines:
//
//	func TestStore(t *testing.T) {
//		storetest.Run(t, func(t *testing.T) marsad.Store { return openEmpty(t) })
//	}
//
// newStore must return an empty store and close it in t.Cleanup.
package storetest

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/search"
)

// Run runs every contract test against stores from newStore, each subtest
// on a fresh store.
func Run(t *testing.T, newStore func(t *testing.T) marsad.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s marsad.Store)
	}{
		{"RoundTrip", testRoundTrip},
		{"NullDates", testNullDates},
		{"Dedup", testDedup},
		{"NotFound", testNotFound},
		{"SearchArabic", testSearchArabic},
		{"SearchPhrase", testSearchPhrase},
		{"SearchRanking", testSearchRanking},
		{"SearchSnippet", testSearchSnippet},
		{"SearchPaging", testSearchPaging},
		{"SearchInvalid", testSearchInvalid},
		{"SearchMatchesOracle", testSearchOracle},
		{"SearchOutlets", testSearchOutlets},
		{"Articles", testArticles},
		{"Each", testEach},
		{"Timeline", testTimeline},
		{"Quotes", testQuotes},
		{"Entities", testEntities},
		{"Stories", testStories},
		{"HostileInput", testHostileInput},
		{"ConcurrentReadersDuringWrites", testConcurrentReaders},
		{"BatchRoundTrip", testBatchRoundTrip},
		{"BatchDuplicates", testBatchDuplicates},
		{"BatchEmpty", testBatchEmpty},
		{"BatchInvalid", testBatchInvalid},
		{"EachEntities", testEachEntities},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.fn(t, newStore(t))
		})
	}
}

// RunConcurrentWriters stores the same 500 articles through a and b at
// once, as two ingest processes would, and checks that each is stored
// exactly once and reported created exactly once. a and b must be two
// handles (connections, pools or processes) on one empty database.
func RunConcurrentWriters(t *testing.T, a, b marsad.Store) {
	ctx := context.Background()
	arts := Corpus(t, 500, 7)
	var mu sync.Mutex
	created := map[string]int{}
	ids := map[string]map[int64]bool{}
	var wg sync.WaitGroup
	errs := make(chan error, 2)
	for w, s := range []marsad.Store{a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range arts {
				// The two writers walk the list in opposite directions so
				// that they collide in the middle, not only at the start.
				art := arts[i]
				if w == 1 {
					art = arts[len(arts)-1-i]
				}
				id, ok, err := s.PutArticle(ctx, art)
				if err != nil {
					errs <- fmt.Errorf("writer %d: %w", w, err)
					return
				}
				mu.Lock()
				if ok {
					created[art.URL]++
				}
				if ids[art.URL] == nil {
					ids[art.URL] = map[int64]bool{}
				}
				ids[art.URL][id] = true
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	_, total, err := a.Articles(ctx, marsad.ArticleFilter{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if total != len(arts) {
		t.Errorf("stored %d articles, want %d", total, len(arts))
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

func put(t testing.TB, s marsad.Store, a *marsad.Article) int64 {
	t.Helper()
	id, _, err := s.PutArticle(context.Background(), a)
	if err != nil {
		t.Fatalf("PutArticle(%q): %v", a.Title, err)
	}
	return id
}

func wantCode(t *testing.T, what string, err error, code string) {
	t.Helper()
	if got := marsad.ErrorCode(err); got != code {
		t.Errorf("%s: error code %q (%v), want %q", what, got, err, code)
	}
}

func jsonOf(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return "error: " + err.Error()
	}
	return string(b)
}

// fullArticle has every field set, Arabic with tashkeel, and an analysis
// with every layer.
func fullArticle() *marsad.Article {
	riyadh := time.FixedZone("", 3*3600)
	return &marsad.Article{
		File:        "in/001.html",
		URL:         "https://news.example/politics/article-123.html",
		Title:       "حفتر يَزورُ روسيا “بناءً على دعوة من موسكو”",
		Published:   marsad.Date{Time: time.Date(2023, 9, 26, 21, 15, 0, 0, riyadh), Granularity: marsad.Minute},
		Updated:     marsad.DayDate(2023, 9, 27),
		Outlet:      "عربي بوست",
		Author:      "فريق التحرير",
		Dateline:    "موسكو",
		Body:        "وصل قائد قوات شرق ليبيا، خليفة حفتر، الثلاثاء، ٢٦ سبتمبر/أيلول 2023 روسيا.\nوقال المُتحدِّث: «الزيارة مهمة».",
		Language:    "ar",
		ContentHash: "hash-full-article",
		Ingested:    time.Date(2024, 1, 2, 3, 4, 5, 600, time.UTC),
		Crawled:     time.Date(2023, 9, 27, 6, 50, 6, 0, time.UTC),
		Entities: []marsad.Entity{{
			ID: "e1", Name: "خليفة حفتر", Type: marsad.Person, Aliases: []string{"حفتر"},
			Roles:    []marsad.Role{{Role: "قائد قوات شرق ليبيا", Seen: marsad.DayDate(2023, 9, 26)}},
			Mentions: []marsad.Mention{{Text: "خليفة حفتر", Start: 26, End: 36}},
		}, {
			ID: "e2", Name: "روسيا", Type: marsad.Location, Aliases: []string{},
			Mentions: []marsad.Mention{{Text: "روسيا", Start: 70, End: 75}},
		}},
		Times: []marsad.TimeExpr{{Text: "الثلاثاء", Start: 38, End: 46, Value: "2023-09-26", Granularity: marsad.Day}},
		Quotes: []marsad.Quote{{Speaker: "المُتحدِّث", SpeakerID: "", Text: "الزيارة مهمة", Kind: marsad.Statement,
			Via: "عربي بوست", Start: 90, End: 102}},
		Events: []marsad.Event{{Kind: "visit", Who: []string{"خليفة حفتر"}, With: []string{}, Where: "روسيا",
			When: "2023-09-26", WhenText: "الثلاثاء", Text: "وصل قائد قوات شرق ليبيا، خليفة حفتر، الثلاثاء"}},
		Contradictions: []marsad.Contradiction{{
			Claim:  marsad.Quote{Speaker: "أ", Text: "حدث", Kind: marsad.Claim},
			Denial: marsad.Quote{Speaker: "ب", Text: "لم يحدث", Kind: marsad.Denial},
		}},
	}
}

func testRoundTrip(t *testing.T, s marsad.Store) {
	ctx := context.Background()
	want := fullArticle()
	id, created, err := s.PutArticle(ctx, want)
	if err != nil {
		t.Fatal(err)
	}
	if !created || id == 0 {
		t.Fatalf("PutArticle = %d, %v, want a new id, true", id, created)
	}
	got, err := s.Article(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != id {
		t.Errorf("ID = %d, want %d", got.ID, id)
	}
	for _, f := range []struct{ name, got, want string }{
		{"File", got.File, want.File},
		{"URL", got.URL, want.URL},
		{"Title", got.Title, want.Title},
		{"Outlet", got.Outlet, want.Outlet},
		{"Author", got.Author, want.Author},
		{"Dateline", got.Dateline, want.Dateline},
		{"Body", got.Body, want.Body},
		{"Language", got.Language, want.Language},
		{"ContentHash", got.ContentHash, want.ContentHash},
		{"Published", got.Published.String(), want.Published.String()},
		{"Updated", got.Updated.String(), want.Updated.String()},
		{"Crawled", got.Crawled.UTC().String(), want.Crawled.UTC().String()},
		{"Entities", jsonOf(got.Entities), jsonOf(want.Entities)},
		{"Times", jsonOf(got.Times), jsonOf(want.Times)},
		{"Quotes", jsonOf(got.Quotes), jsonOf(want.Quotes)},
		{"Events", jsonOf(got.Events), jsonOf(want.Events)},
		{"Contradictions", jsonOf(got.Contradictions), jsonOf(want.Contradictions)},
	} {
		if f.got != f.want {
			t.Errorf("%s = %q, want %q", f.name, f.got, f.want)
		}
	}
	if !got.Published.Time.Equal(want.Published.Time) || got.Published.Granularity != want.Published.Granularity {
		t.Errorf("Published = %v (%s), want %v (%s)", got.Published.Time, got.Published.Granularity, want.Published.Time, want.Published.Granularity)
	}
	if !got.Ingested.Equal(want.Ingested) {
		t.Errorf("Ingested = %v, want %v", got.Ingested, want.Ingested)
	}
	if a, b := jsonOf(got), jsonOf(withID(want, id)); a != b {
		t.Errorf("JSON of stored article differs:\ngot  %s\nwant %s", a, b)
	}

	// Articles lists without the analysis.
	list, total, err := s.Articles(ctx, marsad.ArticleFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if total != 1 || len(list) != 1 {
		t.Fatalf("Articles = %d items, total %d; want 1, 1", len(list), total)
	}
	if l := list[0]; l.Title != want.Title || l.Body != want.Body || l.Published.String() != want.Published.String() {
		t.Errorf("Articles()[0] = %q %q, want the stored title and date", l.Title, l.Published)
	}
	if l := list[0]; len(l.Entities)+len(l.Quotes)+len(l.Events)+len(l.Times)+len(l.Contradictions) != 0 {
		t.Errorf("Articles()[0] carries analysis; want none")
	}
}

func withID(a *marsad.Article, id int64) *marsad.Article {
	c := *a
	c.ID = id
	return &c
}

func testNullDates(t *testing.T, s marsad.Store) {
	ctx := context.Background()
	id := put(t, s, &marsad.Article{Title: "بلا تاريخ", Body: "نص المقال بلا تاريخ نشر."})
	got, err := s.Article(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if !got.Published.IsZero() || !got.Updated.IsZero() {
		t.Errorf("Published, Updated = %v, %v; want unknown dates", got.Published, got.Updated)
	}
	b, _ := json.Marshal(got)
	for _, want := range []string{`"published":null`, `"updated":null`, `"author":null`, `"outlet":null`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("JSON %s lacks %s", b, want)
		}
	}
	if got.ContentHash == "" {
		t.Errorf("ContentHash is empty; want the computed hash")
	}
	if got.Ingested.IsZero() {
		t.Errorf("Ingested is zero; want the time the store stored it")
	}
}

func testDedup(t *testing.T, s marsad.Store) {
	ctx := context.Background()
	a := &marsad.Article{Title: "حفتر يزور روسيا", Body: "وصل خليفة حفتر إلى موسكو لإجراء مباحثات مع المسؤولين."}
	id1, created, err := s.PutArticle(ctx, a)
	if err != nil || !created {
		t.Fatalf("first PutArticle = %d, %v, %v; want created", id1, created, err)
	}
	id2, created, err := s.PutArticle(ctx, a)
	if err != nil || created || id2 != id1 {
		t.Errorf("second PutArticle = %d, %v, %v; want %d, false, nil", id2, created, err, id1)
	}
	// Same text with tashkeel and the other hamza spelling: same article.
	variant := &marsad.Article{Title: "حَفتر يزور روسيا", Body: "وصل خليفة حفتر إلى موسكو لإجراء مباحثات مع المسئولين."}
	id3, created, err := s.PutArticle(ctx, variant)
	if err != nil || created || id3 != id1 {
		t.Errorf("PutArticle(tashkeel variant) = %d, %v, %v; want %d, false, nil", id3, created, err, id1)
	}
	// An explicit hash wins over the text.
	other := &marsad.Article{Title: "حفتر يزور روسيا", Body: a.Body, ContentHash: "another-hash"}
	id4, created, err := s.PutArticle(ctx, other)
	if err != nil || !created || id4 == id1 {
		t.Errorf("PutArticle(other hash) = %d, %v, %v; want a new article", id4, created, err)
	}
	_, total, err := s.Articles(ctx, marsad.ArticleFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if total != 2 {
		t.Errorf("total articles = %d, want 2", total)
	}
	// The duplicate must not be indexed twice either.
	res, err := s.Search(ctx, marsad.SearchQuery{Query: "مباحثات"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 2 {
		t.Errorf("Search(مباحثات).Total = %d, want 2", res.Total)
	}
}

func testNotFound(t *testing.T, s marsad.Store) {
	ctx := context.Background()
	put(t, s, &marsad.Article{Title: "عنوان", Body: "نص"})
	_, err := s.Article(ctx, 987654)
	wantCode(t, "Article(987654)", err, marsad.ENOTFOUND)
	_, err = s.Entity(ctx, "no-such-entity")
	wantCode(t, "Entity(no-such-entity)", err, marsad.ENOTFOUND)
	_, err = s.EntityArticles(ctx, "no-such-entity")
	wantCode(t, "EntityArticles(no-such-entity)", err, marsad.ENOTFOUND)
	_, err = s.Story(ctx, 987654)
	wantCode(t, "Story(987654)", err, marsad.ENOTFOUND)
}

// searchIDs returns the ids of all hits of q.
func searchIDs(t *testing.T, s marsad.Store, q marsad.SearchQuery) []int64 {
	t.Helper()
	q.Limit = 1000
	res, err := s.Search(context.Background(), q)
	if err != nil {
		t.Fatalf("Search(%q): %v", q.Query, err)
	}
	var ids []int64
	for _, h := range res.Hits {
		ids = append(ids, h.Article.ID)
	}
	if res.Total != len(ids) {
		t.Errorf("Search(%q).Total = %d, but %d hits", q.Query, res.Total, len(ids))
	}
	slices.Sort(ids)
	return ids
}

func testSearchArabic(t *testing.T, s marsad.Store) {
	russia := put(t, s, &marsad.Article{Title: "زيارة رسمية", Body: "وصل الوفد الليبي إلى روسيا صباح اليوم."})
	officials := put(t, s, &marsad.Article{Title: "مباحثات", Body: "التقى الوزير المسؤولين في العاصمة."})
	other := put(t, s, &marsad.Article{Title: "الطقس", Body: "أمطار غزيرة على المدينة."})
	_ = other
	tests := []struct {
		query string
		want  []int64
	}{
		{"بروسيا", []int64{russia}},        // clitic ب on the query
		{"روسيا", []int64{russia}},         // plain
		{"المسئولين", []int64{officials}},  // other hamza seat than the text
		{"المسؤولين", []int64{officials}},  // same spelling
		{"المُسؤولين", []int64{officials}}, // tashkeel on the query
		{"روسيا المسؤولين", nil},           // AND: no article has both
		{"الوفد روسيا", []int64{russia}},   // AND: both in one article
		{"في بروسيا", []int64{russia}},     // stopword dropped
		{"غزيرة", []int64{other}},          // ta marbuta
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			got := searchIDs(t, s, marsad.SearchQuery{Query: tt.query})
			if !slices.Equal(got, tt.want) {
				t.Errorf("Search(%q) = %v, want %v", tt.query, got, tt.want)
			}
		})
	}
}

func testSearchPhrase(t *testing.T, s marsad.Store) {
	adjacent := put(t, s, &marsad.Article{Title: "خبر", Body: "وصل القائد خليفة حفتر إلى موسكو."})
	apart := put(t, s, &marsad.Article{Title: "خبر آخر", Body: "قال حفتر ثم أعلن أن خليفة الرئيس لم يعين بعد."})
	stopword := put(t, s, &marsad.Article{Title: "ثالث", Body: "الرئيس في موسكو اليوم."})
	tests := []struct {
		query string
		want  []int64
	}{
		{`"خليفة حفتر"`, []int64{adjacent}},
		{`خليفة حفتر`, []int64{adjacent, apart}},
		{`«خليفة حفتر»`, []int64{adjacent}},
		{`“حفتر خليفة”`, nil},
		// Stopwords are dropped from both sides, so a phrase skips them.
		{`"الرئيس موسكو"`, []int64{stopword}},
		{`"الرئيس في موسكو"`, []int64{stopword}},
		{`"خليفة حفتر" موسكو`, []int64{adjacent}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			got := searchIDs(t, s, marsad.SearchQuery{Query: tt.query})
			if !slices.Equal(got, tt.want) {
				t.Errorf("Search(%s) = %v, want %v", tt.query, got, tt.want)
			}
		})
	}
}

func testSearchRanking(t *testing.T, s marsad.Store) {
	ctx := context.Background()
	put(t, s, &marsad.Article{Title: "أخبار متفرقة", Body: "تحدث التقرير عن درنة. وذكر أن درنة تضررت. وفي درنة نزح السكان."})
	titled := put(t, s, &marsad.Article{Title: "فيضانات درنة", Body: "تضررت المدينة الليبية من العاصفة وأعلنت السلطات الحداد."})
	put(t, s, &marsad.Article{Title: "تقرير", Body: "زار الوفد مدينة درنة أمس ضمن جولة في الشرق."})
	res, err := s.Search(ctx, marsad.SearchQuery{Query: "درنة"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 3 || len(res.Hits) != 3 {
		t.Fatalf("Search(درنة) = %d hits, total %d; want 3, 3", len(res.Hits), res.Total)
	}
	if res.Hits[0].Article.ID != titled {
		t.Errorf("first hit = %d %q, want the title match %d", res.Hits[0].Article.ID, res.Hits[0].Article.Title, titled)
	}
	for i := 1; i < len(res.Hits); i++ {
		if res.Hits[i].Score > res.Hits[i-1].Score {
			t.Errorf("hit %d score %v > hit %d score %v: not ranked best first", i, res.Hits[i].Score, i-1, res.Hits[i-1].Score)
		}
	}
	if res.Query != "درنة" {
		t.Errorf("Query = %q, want the query as given", res.Query)
	}
}

func testSearchSnippet(t *testing.T, s marsad.Store) {
	ctx := context.Background()
	long := strings.Repeat("كلام عام عن الاقتصاد والطقس. ", 30) +
		"وأعلن المتحدث أن الوفد سيتوجه بروسيا قريبًا <b>للقاء</b> المسؤولين. " +
		strings.Repeat("تفاصيل أخرى لا علاقة لها. ", 30)
	id := put(t, s, &marsad.Article{Title: "وفد", Body: long})
	res, err := s.Search(ctx, marsad.SearchQuery{Query: "روسيا المسئولين"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 1 || res.Hits[0].Article.ID != id {
		t.Fatalf("Search = %+v, want one hit for %d", res.Hits, id)
	}
	sn := res.Hits[0].Snippet
	for _, want := range []string{
		marsad.MarkStart + "بروسيا" + marsad.MarkEnd,
		marsad.MarkStart + "المسؤولين" + marsad.MarkEnd,
		search.Ellipsis,
		"<b>", // article text stays text; the renderer escapes it
	} {
		if !strings.Contains(sn, want) {
			t.Errorf("snippet %q lacks %q", sn, want)
		}
	}
	if strings.Contains(sn, "<mark>") {
		t.Errorf("snippet %q has HTML marks; want U+E000/U+E001", sn)
	}
	if n := len(strings.Fields(sn)); n > search.DefaultSnippetWords+5 {
		t.Errorf("snippet has %d words, want about %d", n, search.DefaultSnippetWords)
	}
	if !utf8.ValidString(sn) {
		t.Errorf("snippet is not valid UTF-8")
	}
}

func testSearchPaging(t *testing.T, s marsad.Store) {
	ctx := context.Background()
	for i := 0; i < 25; i++ {
		put(t, s, &marsad.Article{Title: fmt.Sprintf("نشرة %d", i), Body: fmt.Sprintf("تقرير رقم %d عن الانتخابات في المنطقة.", i),
			Outlet: fmt.Sprintf("outlet-%d", i%2)})
	}
	put(t, s, &marsad.Article{Title: "أخرى", Body: "لا شيء هنا."})
	seen := map[int64]bool{}
	for _, page := range []struct{ offset, wantHits int }{{0, 10}, {10, 10}, {20, 5}, {30, 0}} {
		res, err := s.Search(ctx, marsad.SearchQuery{Query: "الانتخابات", Limit: 10, Offset: page.offset})
		if err != nil {
			t.Fatal(err)
		}
		if res.Total != 25 {
			t.Errorf("offset %d: Total = %d, want 25", page.offset, res.Total)
		}
		if len(res.Hits) != page.wantHits {
			t.Errorf("offset %d: %d hits, want %d", page.offset, len(res.Hits), page.wantHits)
		}
		for _, h := range res.Hits {
			if seen[h.Article.ID] {
				t.Errorf("offset %d: article %d seen on an earlier page", page.offset, h.Article.ID)
			}
			seen[h.Article.ID] = true
		}
	}
	if len(seen) != 25 {
		t.Errorf("pages held %d distinct articles, want 25", len(seen))
	}
	res, err := s.Search(ctx, marsad.SearchQuery{Query: "الانتخابات", Outlet: "outlet-1", Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 12 || len(res.Hits) != 12 {
		t.Errorf("outlet filter: %d hits, total %d; want 12, 12", len(res.Hits), res.Total)
	}
	for _, h := range res.Hits {
		if h.Article.Outlet != "outlet-1" {
			t.Errorf("outlet filter returned outlet %q", h.Article.Outlet)
		}
	}
	res, err = s.Search(ctx, marsad.SearchQuery{Query: "الانتخابات"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) == 0 || len(res.Hits) > 25 {
		t.Errorf("default limit gave %d hits", len(res.Hits))
	}
}

func testSearchInvalid(t *testing.T, s marsad.Store) {
	put(t, s, &marsad.Article{Title: "عنوان", Body: "نص في المقال"})
	for _, q := range []string{"", "   ", "في من إلى", `""`, "،؟!"} {
		_, err := s.Search(context.Background(), marsad.SearchQuery{Query: q})
		wantCode(t, fmt.Sprintf("Search(%q)", q), err, marsad.EINVALID)
	}
	// Words that look like FTS or tsquery operators are words.
	for _, q := range []string{"AND", "NOT OR", "a:b", "روسيا*", "(روسيا", "'", "!حفتر", "NEAR(حفتر)"} {
		if _, err := s.Search(context.Background(), marsad.SearchQuery{Query: q}); err != nil && marsad.ErrorCode(err) != marsad.EINVALID {
			t.Errorf("Search(%q) = %v, want results or EINVALID", q, err)
		}
	}
}

// testSearchOracle checks search results against a brute-force scan of the
// analyzed terms, on the seeds and, when present, real SaudiNewsNet
// articles.
func testSearchOracle(t *testing.T, s marsad.Store) {
	arts := append(Seeds(t), SaudiNewsNet(t, 150)...)
	ids := make([]int64, len(arts))
	for i, a := range arts {
		ids[i] = put(t, s, a)
	}
	queries := []string{
		"روسيا", "بروسيا", "المسئولين", "موسكو", "حفتر", `"خليفة حفتر"`, `"القائد العام"`,
		"الجيش الليبي", "درنة", "الأمم المتحدة", `"مجلس الأمن"`, "السعودية", "الرياض", "وزير الخارجية",
		`"ولي العهد"`, "النفط", "الإرهاب", "2023", "سبتمبر", "لافروف موسكو",
	}
	for _, q := range queries {
		parsed, err := search.Parse(q)
		if err != nil {
			t.Fatal(err)
		}
		var want []int64
		for i, a := range arts {
			if oracleMatch(parsed, a) && !slices.Contains(want, ids[i]) {
				want = append(want, ids[i])
			}
		}
		slices.Sort(want)
		got := searchIDs(t, s, marsad.SearchQuery{Query: q})
		if !slices.Equal(got, want) {
			t.Errorf("Search(%s) = %d hits %v, brute force finds %d %v", q, len(got), got, len(want), want)
		}
	}
}

// outletCounter is implemented by stores that count a query's hits by
// outlet (exact search facets); the web desk uses it when present.
type outletCounter interface {
	SearchOutlets(ctx context.Context, query string) (map[string]int, error)
}

// testSearchOutlets checks that SearchOutlets counts, for each outlet, the
// hits that Search finds with that outlet filter.
func testSearchOutlets(t *testing.T, s marsad.Store) {
	oc, ok := s.(outletCounter)
	if !ok {
		t.Skip("store does not implement SearchOutlets")
	}
	ctx := context.Background()
	outlets := []string{"الجزيرة", "العربية", "الرياض", ""}
	for i, a := range append(Seeds(t), SaudiNewsNet(t, 60)...) {
		a.Outlet = outlets[i%len(outlets)]
		put(t, s, a)
	}
	matched := 0
	for _, q := range []string{"روسيا", "حفتر", `"خليفة حفتر"`, "السعودية", "الرياض", "غيرموجودةأبدا"} {
		got, err := oc.SearchOutlets(ctx, q)
		if err != nil {
			t.Fatalf("SearchOutlets(%s): %v", q, err)
		}
		matched += len(got)
		want := map[string]int{}
		for _, o := range outlets {
			if n := len(searchIDs(t, s, marsad.SearchQuery{Query: q, Outlet: o})); n > 0 && o != "" {
				want[o] = n
			}
		}
		// An empty Outlet filter means every outlet, so the articles
		// without one are the total less the others.
		rest := len(searchIDs(t, s, marsad.SearchQuery{Query: q}))
		for _, n := range want {
			rest -= n
		}
		if rest > 0 {
			want[""] = rest
		}
		if !maps.Equal(got, want) {
			t.Errorf("SearchOutlets(%s) = %v, want %v", q, got, want)
		}
	}
	if matched < 3 {
		t.Errorf("SearchOutlets found %d outlet counts in all, want the seeds' words to match in several outlets", matched)
	}
	_, err := oc.SearchOutlets(ctx, "")
	wantCode(t, `SearchOutlets("")`, err, marsad.EINVALID)
}

// oracleMatch reports whether every term of q occurs in a's title or body
// and every phrase occurs as consecutive terms of one of them.
func oracleMatch(q *search.Query, a *marsad.Article) bool {
	fields := [][]string{search.Analyze(a.Title), search.Analyze(a.Body)}
	for _, term := range q.Terms {
		if !slices.Contains(fields[0], term) && !slices.Contains(fields[1], term) {
			return false
		}
	}
	for _, p := range q.Phrases {
		if !containsRun(fields[0], p) && !containsRun(fields[1], p) {
			return false
		}
	}
	return true
}

func containsRun(terms, run []string) bool {
	for i := 0; i+len(run) <= len(terms); i++ {
		if slices.Equal(terms[i:i+len(run)], run) {
			return true
		}
	}
	return false
}

func testArticles(t *testing.T, s marsad.Store) {
	ctx := context.Background()
	base := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	var ids []int64
	for i := 0; i < 6; i++ {
		a := &marsad.Article{
			Title:    fmt.Sprintf("مقال %d", i),
			Body:     fmt.Sprintf("نص المقال رقم %d.", i),
			Outlet:   []string{"الجزيرة", "العربية"}[i%2],
			Ingested: base.Add(time.Duration(i) * time.Hour),
		}
		if i < 5 {
			a.Published = marsad.DayDate(2023, time.Month(i+1), 10)
		}
		ids = append(ids, put(t, s, a))
	}
	idsOf := func(list []*marsad.Article) []int64 {
		var out []int64
		for _, a := range list {
			out = append(out, a.ID)
		}
		return out
	}
	tests := []struct {
		name      string
		f         marsad.ArticleFilter
		want      []int64
		wantTotal int
	}{
		{"all newest ingest first", marsad.ArticleFilter{}, []int64{ids[5], ids[4], ids[3], ids[2], ids[1], ids[0]}, 6},
		{"page", marsad.ArticleFilter{Limit: 2, Offset: 2}, []int64{ids[3], ids[2]}, 6},
		{"outlet", marsad.ArticleFilter{Outlet: "العربية"}, []int64{ids[5], ids[3], ids[1]}, 3},
		{"published from", marsad.ArticleFilter{From: time.Date(2023, 3, 10, 0, 0, 0, 0, time.UTC)}, []int64{ids[4], ids[3], ids[2]}, 3},
		{"published to, exclusive", marsad.ArticleFilter{To: time.Date(2023, 3, 10, 0, 0, 0, 0, time.UTC)}, []int64{ids[1], ids[0]}, 2},
		{"outlet and range", marsad.ArticleFilter{Outlet: "الجزيرة", From: time.Date(2023, 2, 1, 0, 0, 0, 0, time.UTC),
			To: time.Date(2023, 6, 1, 0, 0, 0, 0, time.UTC)}, []int64{ids[4], ids[2]}, 2},
		{"no match", marsad.ArticleFilter{Outlet: "غير موجود"}, nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			list, total, err := s.Articles(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if got := idsOf(list); !slices.Equal(got, tt.want) || total != tt.wantTotal {
				t.Errorf("Articles(%+v) = %v total %d, want %v total %d", tt.f, got, total, tt.want, tt.wantTotal)
			}
		})
	}
}

func testEach(t *testing.T, s marsad.Store) {
	ctx := context.Background()
	arts := Corpus(t, 450, 3) // more than one page of any sane page size
	for _, a := range arts {
		put(t, s, a)
	}
	var last int64
	n := 0
	err := s.Each(ctx, func(a *marsad.Article) error {
		if a.ID <= last {
			t.Errorf("Each: id %d after %d, want increasing ids", a.ID, last)
		}
		last = a.ID
		if len(a.Events) != 1 {
			t.Errorf("Each: article %d has %d events, want its analysis (1)", a.ID, len(a.Events))
		}
		n++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n != len(arts) {
		t.Errorf("Each visited %d articles, want %d", n, len(arts))
	}
	stop := fmt.Errorf("stop")
	n = 0
	err = s.Each(ctx, func(a *marsad.Article) error {
		n++
		if n == 3 {
			return stop
		}
		// fn may use the store while Each runs.
		_, err := s.Article(ctx, a.ID)
		return err
	})
	if err != stop || n != 3 {
		t.Errorf("Each with a failing fn = %v after %d calls, want the fn's error after 3", err, n)
	}
}
