package storetest

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"unicode/utf8"

	"github.com/marsad-news/marsad"
)

// timelineFixture stores two articles with six events, one of them
// undated, and returns the article ids.
func timelineFixture(t *testing.T, s marsad.Store) (a1, a2 int64) {
	a1 = put(t, s, &marsad.Article{
		Title: "حفتر في موسكو", Body: "وصل خليفة حفتر إلى موسكو والتقى لافروف.",
		Published: marsad.DayDate(2023, 9, 26),
		Entities: []marsad.Entity{
			{ID: "e1", Name: "خليفة حفتر", Type: marsad.Person, Aliases: []string{"المشير خليفة حفتر"}},
			{ID: "e2", Name: "سيرجي لافروف", Type: marsad.Person},
		},
		Events: []marsad.Event{
			{Kind: "visit", Who: []string{"خليفة حفتر"}, Where: "موسكو", When: "2023-09-26", WhenText: "الثلاثاء", Text: "وصل خليفة حفتر إلى موسكو"},
			{Kind: "meeting", Who: []string{"سيرجي لافروف"}, With: []string{"خليفة حفتر"}, When: "2023-09", WhenText: "الشهر الجاري", Text: "التقى لافروف حفتر"},
			{Kind: "statement", Who: []string{"خليفة حفتر"}, Text: "قال حفتر"},
		},
	})
	a2 = put(t, s, &marsad.Article{
		Title: "تسلسل الأحداث", Body: "من داعش إلى السراج إلى اتصال حفتر.",
		Events: []marsad.Event{
			{Kind: "visit", Who: []string{"فايز السراج"}, When: "2019-04/2020-06", WhenText: "بين أبريل 2019 ويونيو 2020", Text: "زار السراج"},
			{Kind: "call", Who: []string{"حفتر"}, When: "2023-09-26T10:00:00Z", WhenText: "صباح الثلاثاء", Text: "اتصل حفتر"},
			{Kind: "attack", Who: []string{"داعش"}, Where: "سرت", When: "2016", WhenText: "عام 2016", Text: "هاجم داعش سرت"},
		},
	})
	return a1, a2
}

func testTimeline(t *testing.T, s marsad.Store) {
	ctx := context.Background()
	a1, a2 := timelineFixture(t, s)
	kinds := func(items []marsad.TimelineItem) string {
		var out []string
		for _, it := range items {
			out = append(out, it.Kind)
		}
		return strings.Join(out, " ")
	}
	all, err := s.Timeline(ctx, marsad.TimelineFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := kinds(all), "attack visit meeting visit call"; got != want {
		t.Fatalf("Timeline() kinds = %q, want %q (time order, undated left out)", got, want)
	}
	first := all[0]
	if first.When != "2016" || first.Where != "سرت" || first.Text != "هاجم داعش سرت" ||
		!slices.Equal(first.Who, []string{"داعش"}) || first.Article.ID != a2 || first.Article.Title != "تسلسل الأحداث" {
		t.Errorf("Timeline()[0] = %+v, want the 2016 attack of article %d", first, a2)
	}
	if it := all[2]; !slices.Equal(it.With, []string{"خليفة حفتر"}) || it.Article.ID != a1 ||
		it.Article.Published.String() != "2023-09-26" {
		t.Errorf("Timeline()[2] = %+v, want the meeting with حفتر in article %d published 2023-09-26", it, a1)
	}

	tests := []struct {
		name string
		f    marsad.TimelineFilter
		want string
	}{
		{"from year", marsad.TimelineFilter{From: "2023"}, "meeting visit call"},
		{"from range start", marsad.TimelineFilter{From: "2019"}, "visit meeting visit call"},
		{"to year inclusive", marsad.TimelineFilter{To: "2019"}, "attack visit"},
		{"to month inclusive", marsad.TimelineFilter{To: "2023-09"}, "attack visit meeting visit call"},
		{"one day", marsad.TimelineFilter{From: "2023-09-26", To: "2023-09-26"}, "visit call"},
		{"limit", marsad.TimelineFilter{Limit: 2}, "attack visit"},
		{"entity word inside names", marsad.TimelineFilter{Entity: "حفتر"}, "meeting visit call"},
		{"entity full name with tashkeel", marsad.TimelineFilter{Entity: "خَليفة حفتر"}, "meeting visit"},
		{"entity unknown", marsad.TimelineFilter{Entity: "بوتين"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items, err := s.Timeline(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if got := kinds(items); got != tt.want {
				t.Errorf("Timeline(%+v) = %q, want %q", tt.f, got, tt.want)
			}
		})
	}

	// With canonical entities, the filter resolves ids, names and aliases.
	err = s.ReplaceEntities(ctx, []marsad.Entity{
		{ID: "per-haftar", Name: "خليفة حفتر", Type: marsad.Person, Aliases: []string{"حفتر", "المشير خليفة حفتر"}},
		{ID: "org-isis", Name: "تنظيم الدولة الإسلامية", Type: marsad.Organization, Aliases: []string{"داعش"}},
	}, []marsad.EntityLink{{ArticleID: a1, LocalID: "e1", EntityID: "per-haftar"}})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.ReplaceStories(ctx, []marsad.Story{{ID: 7, Title: "ليبيا", Articles: []marsad.StoryArticle{{ArticleRef: marsad.ArticleRef{ID: a2}}}}}); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		f    marsad.TimelineFilter
		want string
	}{
		{"canonical id", marsad.TimelineFilter{Entity: "per-haftar"}, "meeting visit call"},
		{"canonical alias", marsad.TimelineFilter{Entity: "المشير خليفة حفتر"}, "meeting visit call"},
		{"canonical name", marsad.TimelineFilter{Entity: "تنظيم الدولة الاسلامية"}, "attack"},
		{"story", marsad.TimelineFilter{StoryID: 7}, "attack visit call"},
		{"story and entity", marsad.TimelineFilter{StoryID: 7, Entity: "حفتر"}, "call"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			items, err := s.Timeline(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if got := kinds(items); got != tt.want {
				t.Errorf("Timeline(%+v) = %q, want %q", tt.f, got, tt.want)
			}
		})
	}
}

func testQuotes(t *testing.T, s marsad.Store) {
	ctx := context.Background()
	a1 := put(t, s, &marsad.Article{Title: "تصريحات", Body: "قال لافروف ونفى المسماري.",
		Quotes: []marsad.Quote{
			{Speaker: "سيرجي لافروف", SpeakerID: "e1", Text: "نعلم بخطط التدخل العسكري", Kind: marsad.Statement, Start: 0, End: 9},
			{Speaker: "أحمد المسماري", SpeakerID: "e2", Text: "لا توجد اتفاقيات", Kind: marsad.Denial, Via: "إنترفاكس", Start: 10, End: 20},
		}})
	a2 := put(t, s, &marsad.Article{Title: "تصريحات أخرى", Body: "زعم لافروف.",
		Quotes: []marsad.Quote{
			{Speaker: "لافروف", SpeakerID: "x9", Text: "أي تفويض محتمل", Kind: marsad.Claim},
			{Speaker: "المتحدث", Text: "الزيارة مهمة", Kind: marsad.Statement},
		}})
	texts := func(items []marsad.QuoteItem) string {
		var out []string
		for _, it := range items {
			out = append(out, it.Text)
		}
		return strings.Join(out, " | ")
	}
	all, err := s.Quotes(ctx, marsad.QuoteFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 4 {
		t.Fatalf("Quotes() = %d quotes, want 4", len(all))
	}
	if q := all[1]; q.Speaker != "أحمد المسماري" || q.SpeakerID != "e2" || q.Kind != marsad.Denial || q.Via != "إنترفاكس" ||
		q.Start != 10 || q.End != 20 || q.Article.ID != a1 || q.Article.Title != "تصريحات" {
		t.Errorf("Quotes()[1] = %+v, want المسماري's denial in article %d", q, a1)
	}
	tests := []struct {
		name string
		f    marsad.QuoteFilter
		want string
	}{
		{"speaker full name", marsad.QuoteFilter{Speaker: "سيرجي لافروف"}, "نعلم بخطط التدخل العسكري"},
		{"speaker other alef spelling", marsad.QuoteFilter{Speaker: "احمد المسماري"}, "لا توجد اتفاقيات"},
		{"speaker id", marsad.QuoteFilter{Speaker: "x9"}, "أي تفويض محتمل"},
		{"kind", marsad.QuoteFilter{Kind: marsad.Statement}, "نعلم بخطط التدخل العسكري | الزيارة مهمة"},
		{"kind and speaker", marsad.QuoteFilter{Kind: marsad.Claim, Speaker: "لافروف"}, "أي تفويض محتمل"},
		{"page", marsad.QuoteFilter{Limit: 2, Offset: 1}, "لا توجد اتفاقيات | أي تفويض محتمل"},
		{"unknown speaker", marsad.QuoteFilter{Speaker: "بوتين"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items, err := s.Quotes(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if got := texts(items); got != tt.want {
				t.Errorf("Quotes(%+v) = %q, want %q", tt.f, got, tt.want)
			}
		})
	}
	err = s.ReplaceEntities(ctx, []marsad.Entity{
		{ID: "per-lavrov", Name: "سيرجي لافروف", Type: marsad.Person, Aliases: []string{"لافروف", "وزير الخارجية الروسي"}},
	}, []marsad.EntityLink{
		{ArticleID: a1, LocalID: "e1", EntityID: "per-lavrov"},
		{ArticleID: a2, LocalID: "x9", EntityID: "per-lavrov"},
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, speaker := range []string{"per-lavrov", "لافروف", "سيرجي لافروف", "وزير الخارجية الروسي"} {
		items, err := s.Quotes(ctx, marsad.QuoteFilter{Speaker: speaker})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := texts(items), "نعلم بخطط التدخل العسكري | أي تفويض محتمل"; got != want {
			t.Errorf("Quotes(Speaker %q) with canonical entities = %q, want %q", speaker, got, want)
		}
	}
}

func testEntities(t *testing.T, s marsad.Store) {
	ctx := context.Background()
	var ids []int64
	for i := 0; i < 3; i++ {
		ids = append(ids, put(t, s, &marsad.Article{
			Title: fmt.Sprintf("مقال %d", i), Body: fmt.Sprintf("نص %d عن حفتر وموسكو.", i),
			Published: marsad.DayDate(2023, 9, 20+i),
			Entities: []marsad.Entity{
				{ID: "e1", Name: "حفتر", Type: marsad.Person},
				{ID: "e2", Name: "خليفة حفتر", Type: marsad.Person},
				{ID: "e3", Name: "موسكو", Type: marsad.Location},
			},
		}))
	}
	entities := []marsad.Entity{
		{ID: "per-haftar", Name: "خليفة حفتر", Type: marsad.Person, Aliases: []string{"حفتر", "المشير"},
			Roles: []marsad.Role{{Role: "القائد العام للجيش الليبي", Seen: marsad.DayDate(2023, 9, 20)}}},
		{ID: "loc-moscow", Name: "موسكو", Type: marsad.Location, Aliases: []string{}},
		{ID: "org-un", Name: "الأمم المتحدة", Type: marsad.Organization, Aliases: []string{"الامم المتحده"}},
		{ID: "per-nobody", Name: "زيد", Type: marsad.Person},
	}
	links := []marsad.EntityLink{
		{ArticleID: ids[0], LocalID: "e1", EntityID: "per-haftar"},
		{ArticleID: ids[0], LocalID: "e2", EntityID: "per-haftar"}, // two local ids, one article
		{ArticleID: ids[1], LocalID: "e2", EntityID: "per-haftar"},
		{ArticleID: ids[2], LocalID: "e1", EntityID: "per-haftar"},
		{ArticleID: ids[0], LocalID: "e3", EntityID: "loc-moscow"},
		{ArticleID: ids[2], LocalID: "e3", EntityID: "loc-moscow"},
		{ArticleID: ids[1], LocalID: "e9", EntityID: "org-un"},
	}
	if err := s.ReplaceEntities(ctx, entities, links); err != nil {
		t.Fatal(err)
	}
	list := func(f marsad.EntityFilter) string {
		t.Helper()
		got, err := s.Entities(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, e := range got {
			out = append(out, fmt.Sprintf("%s:%d", e.ID, e.Articles))
		}
		return strings.Join(out, " ")
	}
	tests := []struct {
		name string
		f    marsad.EntityFilter
		want string
	}{
		{"all, most articles first", marsad.EntityFilter{}, "per-haftar:3 loc-moscow:2 org-un:1 per-nobody:0"},
		{"type", marsad.EntityFilter{Type: marsad.Person}, "per-haftar:3 per-nobody:0"},
		{"name by alias with tashkeel", marsad.EntityFilter{Name: "حَفْتَر"}, "per-haftar:3"},
		{"name normalized", marsad.EntityFilter{Name: "الأمم المتحدة"}, "org-un:1"},
		{"name and type", marsad.EntityFilter{Name: "موسكو", Type: marsad.Person}, ""},
		{"page", marsad.EntityFilter{Limit: 2, Offset: 1}, "loc-moscow:2 org-un:1"},
		{"unknown", marsad.EntityFilter{Name: "غير موجود"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := list(tt.f); got != tt.want {
				t.Errorf("Entities(%+v) = %q, want %q", tt.f, got, tt.want)
			}
		})
	}
	e, err := s.Entity(ctx, "per-haftar")
	if err != nil {
		t.Fatal(err)
	}
	want := entities[0]
	want.Articles = 3
	if got := jsonOf(e); got != jsonOf(want) {
		t.Errorf("Entity(per-haftar) = %s, want %s", got, jsonOf(want))
	}
	refs, err := s.EntityArticles(ctx, "per-haftar")
	if err != nil {
		t.Fatal(err)
	}
	var refIDs []int64
	for _, r := range refs {
		refIDs = append(refIDs, r.ID)
		if r.Title == "" || r.Published.IsZero() {
			t.Errorf("EntityArticles ref %+v lacks title or date", r)
		}
	}
	slices.Sort(refIDs)
	if !slices.Equal(refIDs, ids) {
		t.Errorf("EntityArticles(per-haftar) = %v, want %v", refIDs, ids)
	}
	if refs, err := s.EntityArticles(ctx, "per-nobody"); err != nil || len(refs) != 0 {
		t.Errorf("EntityArticles(per-nobody) = %v, %v; want none, nil", refs, err)
	}

	// A bad link is refused and changes nothing.
	err = s.ReplaceEntities(ctx, entities[:1], []marsad.EntityLink{{ArticleID: 987654, LocalID: "e1", EntityID: "per-haftar"}})
	wantCode(t, "ReplaceEntities(link to a missing article)", err, marsad.EINVALID)
	err = s.ReplaceEntities(ctx, entities[:1], []marsad.EntityLink{{ArticleID: ids[0], LocalID: "e1", EntityID: "no-such"}})
	wantCode(t, "ReplaceEntities(link to a missing entity)", err, marsad.EINVALID)
	err = s.ReplaceEntities(ctx, []marsad.Entity{entities[0], entities[0]}, nil)
	wantCode(t, "ReplaceEntities(duplicate id)", err, marsad.EINVALID)
	if got := list(marsad.EntityFilter{}); got != "per-haftar:3 loc-moscow:2 org-un:1 per-nobody:0" {
		t.Errorf("after refused replacements Entities = %q, want the earlier entities", got)
	}

	// Counts and order follow the new links (a store may keep the counts
	// rather than compute them per query).
	relinked := []marsad.EntityLink{
		{ArticleID: ids[0], LocalID: "e3", EntityID: "loc-moscow"},
		{ArticleID: ids[1], LocalID: "e3", EntityID: "loc-moscow"},
		{ArticleID: ids[2], LocalID: "e3", EntityID: "loc-moscow"},
		{ArticleID: ids[0], LocalID: "e1", EntityID: "per-haftar"},
		{ArticleID: ids[0], LocalID: "e2", EntityID: "per-haftar"},
		{ArticleID: ids[1], LocalID: "e1", EntityID: "per-haftar"},
		{ArticleID: ids[1], LocalID: "e9", EntityID: "org-un"},
	}
	if err := s.ReplaceEntities(ctx, entities, relinked); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		f    marsad.EntityFilter
		want string
	}{
		{marsad.EntityFilter{}, "loc-moscow:3 per-haftar:2 org-un:1 per-nobody:0"},
		{marsad.EntityFilter{Type: marsad.Person}, "per-haftar:2 per-nobody:0"},
		{marsad.EntityFilter{Limit: 1, Offset: 1}, "per-haftar:2"},
	} {
		if got := list(tt.f); got != tt.want {
			t.Errorf("after relinking Entities(%+v) = %q, want %q", tt.f, got, tt.want)
		}
	}
	if e, err := s.Entity(ctx, "loc-moscow"); err != nil || e.Articles != 3 {
		t.Errorf("after relinking Entity(loc-moscow) = %+v, %v; want 3 articles", e, err)
	}

	// Replacing replaces.
	if err := s.ReplaceEntities(ctx, entities[2:3], nil); err != nil {
		t.Fatal(err)
	}
	if got := list(marsad.EntityFilter{}); got != "org-un:0" {
		t.Errorf("after replacement Entities = %q, want %q", got, "org-un:0")
	}
	_, err = s.Entity(ctx, "per-haftar")
	wantCode(t, "Entity(per-haftar) after replacement", err, marsad.ENOTFOUND)
}

func testStories(t *testing.T, s marsad.Store) {
	ctx := context.Background()
	var refs []marsad.ArticleRef
	for i := 0; i < 3; i++ {
		a := &marsad.Article{Title: fmt.Sprintf("خبر %d", i), Body: fmt.Sprintf("نص الخبر %d.", i), Outlet: "الجزيرة",
			Published: marsad.DayDate(2023, 9, 1+i)}
		id := put(t, s, a)
		refs = append(refs, marsad.ArticleRef{ID: id, Title: a.Title, Outlet: a.Outlet, Published: a.Published})
	}
	stories := []marsad.Story{
		{ID: 10, Title: "حفتر في موسكو", Summary: []string{"وصل حفتر إلى موسكو."},
			Articles: []marsad.StoryArticle{{ArticleRef: refs[0], Duplicates: []marsad.ArticleRef{refs[2]}}},
			Entities: []marsad.Entity{{ID: "per-haftar", Name: "خليفة حفتر", Type: marsad.Person}},
			First:    refs[0].Published, Last: refs[0].Published},
		{ID: 20, Title: "فيضانات درنة", Articles: []marsad.StoryArticle{{ArticleRef: refs[0]}, {ArticleRef: refs[1]}},
			First: refs[0].Published, Last: refs[1].Published},
	}
	if err := s.ReplaceStories(ctx, stories); err != nil {
		t.Fatal(err)
	}
	idsOf := func(list []marsad.Story) []int64 {
		var out []int64
		for _, st := range list {
			out = append(out, st.ID)
		}
		return out
	}
	for _, tt := range []struct {
		f    marsad.StoryFilter
		want []int64
	}{
		{marsad.StoryFilter{}, []int64{20, 10}},
		{marsad.StoryFilter{Limit: 1}, []int64{20}},
		{marsad.StoryFilter{Limit: 1, Offset: 1}, []int64{10}},
		{marsad.StoryFilter{Offset: 5}, nil},
	} {
		got, err := s.Stories(ctx, tt.f)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(idsOf(got), tt.want) {
			t.Errorf("Stories(%+v) = %v, want %v (most articles first)", tt.f, idsOf(got), tt.want)
		}
	}
	st, err := s.Story(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := jsonOf(st), jsonOf(stories[0]); got != want {
		t.Errorf("Story(10) = %s\nwant %s", got, want)
	}

	err = s.ReplaceStories(ctx, []marsad.Story{{ID: 30, Articles: []marsad.StoryArticle{{ArticleRef: marsad.ArticleRef{ID: 987654}}}}})
	wantCode(t, "ReplaceStories(missing article)", err, marsad.EINVALID)
	err = s.ReplaceStories(ctx, []marsad.Story{{ID: 30}, {ID: 30}})
	wantCode(t, "ReplaceStories(duplicate id)", err, marsad.EINVALID)
	if got, _ := s.Stories(ctx, marsad.StoryFilter{}); !slices.Equal(idsOf(got), []int64{20, 10}) {
		t.Errorf("after refused replacements Stories = %v, want [20 10]", idsOf(got))
	}

	if err := s.ReplaceStories(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Stories(ctx, marsad.StoryFilter{}); err != nil || len(got) != 0 {
		t.Errorf("after ReplaceStories(nil) Stories = %v, %v; want none", idsOf(got), err)
	}
	_, err = s.Story(ctx, 10)
	wantCode(t, "Story(10) after replacement", err, marsad.ENOTFOUND)
}

func testHostileInput(t *testing.T, s marsad.Store) {
	ctx := context.Background()
	var distinct strings.Builder
	for i := 0; i < 80000; i++ {
		fmt.Fprintf(&distinct, "w%d ", i)
	}
	tests := []struct {
		name string
		a    *marsad.Article
	}{
		{"empty", &marsad.Article{}},
		{"invalid UTF-8 and NUL", &marsad.Article{Title: "عنوان \xff\xfe\x00 خاطئ", Body: "نص\x00 فيه \xc3\x28 بايتات سيئة روسيا", Outlet: "\xff"}},
		{"huge repetitive body", &marsad.Article{Title: "طويل", Body: strings.Repeat("كلمة روسيا طويلة جدا. ", 20000)}},
		{"huge distinct words", &marsad.Article{Title: "كلمات", Body: distinct.String()}},
		{"markup", &marsad.Article{Title: "<script>alert(1)</script>", Body: "<b>روسيا</b> ' \" ; -- DROP TABLE articles; \ue000"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			id, _, err := s.PutArticle(ctx, tt.a)
			if err != nil {
				t.Fatalf("PutArticle: %v", err)
			}
			got, err := s.Article(ctx, id)
			if err != nil {
				t.Fatalf("Article: %v", err)
			}
			for _, f := range []string{got.Title, got.Body, got.Outlet} {
				if !utf8.ValidString(f) || strings.ContainsRune(f, 0) {
					t.Errorf("stored text %q is not valid UTF-8 without NUL", f)
				}
			}
		})
	}
	res, err := s.Search(ctx, marsad.SearchQuery{Query: "روسيا"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 3 {
		t.Errorf("Search(روسيا).Total = %d, want 3", res.Total)
	}
	for _, h := range res.Hits {
		if strings.Count(h.Snippet, marsad.MarkStart) != strings.Count(h.Snippet, marsad.MarkEnd) {
			t.Errorf("snippet %q has unbalanced marks", h.Snippet)
		}
	}
}

// testConcurrentReaders reads in four goroutines while one stores: every
// read must succeed, as `marsad serve` must keep answering during ingest.
func testConcurrentReaders(t *testing.T, s marsad.Store) {
	ctx := context.Background()
	arts := Corpus(t, 150, 11)
	var writing atomic.Bool
	writing.Store(true)
	var reads atomic.Int64
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer writing.Store(false)
		for _, a := range arts {
			if _, _, err := s.PutArticle(ctx, a); err != nil {
				errs <- fmt.Errorf("writer: %w", err)
				return
			}
		}
	}()
	for r := 0; r < 4; r++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; writing.Load(); i++ {
				var err error
				switch (i + r) % 4 {
				case 0:
					_, err = s.Search(ctx, marsad.SearchQuery{Query: "روسيا"})
				case 1:
					_, _, err = s.Articles(ctx, marsad.ArticleFilter{Limit: 10})
				case 2:
					_, err = s.Timeline(ctx, marsad.TimelineFilter{Entity: "حفتر", Limit: 20})
				case 3:
					var list []*marsad.Article
					list, _, err = s.Articles(ctx, marsad.ArticleFilter{Limit: 1})
					if err == nil && len(list) > 0 {
						_, err = s.Article(ctx, list[0].ID)
					}
				}
				if err != nil {
					errs <- fmt.Errorf("reader %d: %w", r, err)
					return
				}
				reads.Add(1)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	_, total, err := s.Articles(ctx, marsad.ArticleFilter{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if total != len(arts) {
		t.Errorf("stored %d articles, want %d", total, len(arts))
	}
	t.Logf("%d reads during %d writes", reads.Load(), len(arts))
}
