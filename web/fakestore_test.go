package web

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/arabic"
)

// fakeStore is an in-memory marsad.Store for the handler tests: simple,
// obviously right, and independent of the real stores being written in
// parallel. Search matches every query word as a substring of the
// normalized title or body.
type fakeStore struct {
	mu       sync.Mutex
	articles []*marsad.Article // index = id-1
	entities []marsad.Entity
	links    []marsad.EntityLink
	stories  []marsad.Story

	// failWith, when set, is returned by every read, to test error paths.
	failWith error
}

var _ marsad.Store = (*fakeStore)(nil)

func (s *fakeStore) PutArticle(ctx context.Context, a *marsad.Article) (int64, bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, b := range s.articles {
		if a.ContentHash != "" && b.ContentHash == a.ContentHash {
			return b.ID, false, nil
		}
	}
	c := *a
	c.ID = int64(len(s.articles) + 1)
	s.articles = append(s.articles, &c)
	return c.ID, true, nil
}

func (s *fakeStore) Article(ctx context.Context, id int64) (*marsad.Article, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.failWith != nil {
		return nil, s.failWith
	}
	if id < 1 || int(id) > len(s.articles) {
		return nil, marsad.Errorf(marsad.ENOTFOUND, "article %d not found", id)
	}
	c := *s.articles[id-1]
	return &c, nil
}

func (s *fakeStore) Articles(ctx context.Context, f marsad.ArticleFilter) ([]*marsad.Article, int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.failWith != nil {
		return nil, 0, s.failWith
	}
	var all []*marsad.Article
	for i := len(s.articles) - 1; i >= 0; i-- {
		a := s.articles[i]
		if f.Outlet != "" && a.Outlet != f.Outlet {
			continue
		}
		if !f.From.IsZero() && a.Published.Time.Before(f.From) {
			continue
		}
		if !f.To.IsZero() && !a.Published.Time.Before(f.To) {
			continue
		}
		c := *a
		c.Entities, c.Times, c.Quotes, c.Events, c.Contradictions = nil, nil, nil, nil, nil
		all = append(all, &c)
	}
	return page(all, f.Limit, f.Offset), len(all), nil
}

func page[T any](all []T, limit, offset int) []T {
	if offset >= len(all) {
		return nil
	}
	all = all[offset:]
	if limit > 0 && limit < len(all) {
		all = all[:limit]
	}
	return all
}

func ref(a *marsad.Article) marsad.ArticleRef {
	return marsad.ArticleRef{ID: a.ID, Title: a.Title, URL: a.URL, File: a.File, Outlet: a.Outlet, Published: a.Published}
}

func (s *fakeStore) Search(ctx context.Context, q marsad.SearchQuery) (*marsad.SearchResult, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.failWith != nil {
		return nil, s.failWith
	}
	words := strings.Fields(arabic.Normalize(q.Query))
	res := &marsad.SearchResult{Query: q.Query}
	var hits []marsad.SearchHit
	for _, a := range s.articles {
		if q.Outlet != "" && a.Outlet != q.Outlet {
			continue
		}
		text := arabic.Normalize(a.Title + " " + a.Body)
		ok := len(words) > 0
		for _, w := range words {
			ok = ok && strings.Contains(text, w)
		}
		if !ok {
			continue
		}
		hits = append(hits, marsad.SearchHit{Article: ref(a), Score: 1, Snippet: fakeSnippet(a.Body, q.Query)})
	}
	res.Total = len(hits)
	res.Hits = page(hits, q.Limit, q.Offset)
	return res, nil
}

// fakeSnippet marks the first occurrence of the query's first word in the
// raw body (exact match), or returns the body's start.
func fakeSnippet(body, query string) string {
	r := []rune(body)
	if len(r) > 200 {
		r = r[:200]
	}
	s := string(r)
	if f := strings.Fields(query); len(f) > 0 {
		if i := strings.Index(s, f[0]); i >= 0 {
			return s[:i] + marsad.MarkStart + f[0] + marsad.MarkEnd + s[i+len(f[0]):]
		}
	}
	return s
}

func (s *fakeStore) Each(ctx context.Context, fn func(*marsad.Article) error) error {
	s.mu.Lock()
	list := slices.Clone(s.articles)
	s.mu.Unlock()
	for _, a := range list {
		if err := fn(a); err != nil {
			return err
		}
	}
	return nil
}

func (s *fakeStore) ReplaceEntities(ctx context.Context, entities []marsad.Entity, links []marsad.EntityLink) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.entities, s.links = slices.Clone(entities), slices.Clone(links)
	for i := range s.entities {
		seen := map[int64]bool{}
		for _, l := range links {
			if l.EntityID == s.entities[i].ID {
				seen[l.ArticleID] = true
			}
		}
		s.entities[i].Articles = len(seen)
	}
	slices.SortStableFunc(s.entities, func(a, b marsad.Entity) int { return cmp.Compare(b.Articles, a.Articles) })
	return nil
}

func (s *fakeStore) entityMatches(e marsad.Entity, name string) bool {
	n := arabic.Normalize(name)
	if arabic.Normalize(e.Name) == n || e.ID == name {
		return true
	}
	for _, a := range e.Aliases {
		if arabic.Normalize(a) == n {
			return true
		}
	}
	return false
}

func (s *fakeStore) Entities(ctx context.Context, f marsad.EntityFilter) ([]marsad.Entity, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.failWith != nil {
		return nil, s.failWith
	}
	var out []marsad.Entity
	for _, e := range s.entities {
		if f.Type != "" && e.Type != f.Type {
			continue
		}
		if f.Name != "" && !s.entityMatches(e, f.Name) {
			continue
		}
		out = append(out, e)
	}
	return page(out, f.Limit, f.Offset), nil
}

func (s *fakeStore) Entity(ctx context.Context, id string) (*marsad.Entity, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.failWith != nil {
		return nil, s.failWith
	}
	for _, e := range s.entities {
		if e.ID == id {
			c := e
			return &c, nil
		}
	}
	return nil, marsad.Errorf(marsad.ENOTFOUND, "entity %q not found", id)
}

func (s *fakeStore) EntityArticles(ctx context.Context, id string) ([]marsad.ArticleRef, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	seen := map[int64]bool{}
	var out []marsad.ArticleRef
	for _, l := range s.links {
		if l.EntityID == id && !seen[l.ArticleID] && int(l.ArticleID) <= len(s.articles) {
			seen[l.ArticleID] = true
			out = append(out, ref(s.articles[l.ArticleID-1]))
		}
	}
	return out, nil
}

func (s *fakeStore) storyArticleIDs(id int64) map[int64]bool {
	ids := map[int64]bool{}
	for _, st := range s.stories {
		if st.ID == id {
			for _, sa := range st.Articles {
				ids[sa.ID] = true
			}
		}
	}
	return ids
}

func (s *fakeStore) Timeline(ctx context.Context, f marsad.TimelineFilter) ([]marsad.TimelineItem, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.failWith != nil {
		return nil, s.failWith
	}
	var inStory map[int64]bool
	if f.StoryID != 0 {
		inStory = s.storyArticleIDs(f.StoryID)
	}
	var names []string
	if f.Entity != "" {
		names = append(names, f.Entity)
		for _, e := range s.entities {
			if s.entityMatches(e, f.Entity) {
				names = append(names, e.Name)
				names = append(names, e.Aliases...)
			}
		}
	}
	var out []marsad.TimelineItem
	for _, a := range s.articles {
		if inStory != nil && !inStory[a.ID] {
			continue
		}
		for _, ev := range a.Events {
			if ev.When == "" {
				continue
			}
			if f.From != "" && ev.When < f.From {
				continue
			}
			if f.To != "" && ev.When > f.To && !strings.HasPrefix(ev.When, f.To) {
				continue
			}
			if names != nil && !slices.ContainsFunc(append(slices.Clone(ev.Who), ev.With...), func(w string) bool {
				return slices.ContainsFunc(names, func(n string) bool { return arabic.Normalize(n) == arabic.Normalize(w) })
			}) {
				continue
			}
			out = append(out, marsad.TimelineItem{When: ev.When, Kind: ev.Kind, Text: ev.Text, Who: ev.Who, With: ev.With, Where: ev.Where, Article: ref(a)})
		}
	}
	slices.SortStableFunc(out, func(a, b marsad.TimelineItem) int { return cmp.Compare(a.When, b.When) })
	return page(out, f.Limit, 0), nil
}

func (s *fakeStore) Quotes(ctx context.Context, f marsad.QuoteFilter) ([]marsad.QuoteItem, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.failWith != nil {
		return nil, s.failWith
	}
	var out []marsad.QuoteItem
	for _, a := range s.articles {
		for _, q := range a.Quotes {
			if f.Kind != "" && q.Kind != f.Kind {
				continue
			}
			if f.Speaker != "" && q.SpeakerID != f.Speaker && arabic.Normalize(q.Speaker) != arabic.Normalize(f.Speaker) {
				continue
			}
			out = append(out, marsad.QuoteItem{Quote: q, Article: ref(a)})
		}
	}
	return page(out, f.Limit, f.Offset), nil
}

func (s *fakeStore) ReplaceStories(ctx context.Context, stories []marsad.Story) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.stories = slices.Clone(stories)
	return nil
}

func (s *fakeStore) Stories(ctx context.Context, f marsad.StoryFilter) ([]marsad.Story, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.failWith != nil {
		return nil, s.failWith
	}
	return page(slices.Clone(s.stories), f.Limit, f.Offset), nil
}

func (s *fakeStore) Story(ctx context.Context, id int64) (*marsad.Story, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.failWith != nil {
		return nil, s.failWith
	}
	for _, st := range s.stories {
		if st.ID == id {
			c := st
			return &c, nil
		}
	}
	return nil, marsad.Errorf(marsad.ENOTFOUND, "story %d not found", id)
}

func (s *fakeStore) Close() error { return nil }

// fillStore puts articles into st and returns their ids in order. The lead
// uses it to fill a real store from pipeline output for browser checks.
func fillStore(tb testing.TB, st marsad.Store, articles []marsad.Article) []int64 {
	tb.Helper()
	ids := make([]int64, len(articles))
	for i := range articles {
		a := articles[i]
		if a.ContentHash == "" {
			a.ContentHash = "h" + itoa(int64(i)) + "-" + a.Title
		}
		if a.Ingested.IsZero() {
			a.Ingested = time.Date(2024, 1, 1, 0, 0, i, 0, time.UTC)
		}
		id, _, err := st.PutArticle(context.Background(), &a)
		if err != nil {
			tb.Fatalf("PutArticle %d (%q): %v", i, a.Title, err)
		}
		ids[i] = id
	}
	return ids
}

// Hostile strings that pages must show as text.
const (
	hostileScript = `<script>window.pwned=1</script>`
	hostileImg    = `<img src=x onerror="window.pwned=1">`
	hostileSVG    = `"><svg onload=window.pwned=1>`
)

// span finds the code-point offsets of the first sub in body.
func runeSpan(tb testing.TB, body, sub string) (int, int) {
	tb.Helper()
	i := strings.Index(body, sub)
	if i < 0 {
		tb.Fatalf("%q not in body", sub)
	}
	start := len([]rune(body[:i]))
	return start, start + len([]rune(sub))
}

// fixture is a small store: three articles (one hostile, one a duplicate of
// another), entities, a story with a contradiction, timeline events.
type fixture struct {
	store   marsad.Store
	ids     []int64 // article ids: haftar, hostile, duplicate
	storyID int64
}

func newFixture(tb testing.TB) fixture {
	tb.Helper()
	return fillFixture(tb, &fakeStore{})
}

// fillFixture puts the fixture into st, which should be empty.
func fillFixture(tb testing.TB, st marsad.Store) fixture {
	tb.Helper()

	body1 := "وصل المشير خليفة حفتر إلى موسكو يوم الثلاثاء.\n\nوقال حفتر إن \"الزيارة ناجحة\" بحسب وكالة سبوتنيك.\nونفى المسماري أي \"اتفاق على قاعدة روسية\"."
	a1 := marsad.Article{
		Title: "حفتر في موسكو", Outlet: "عربي بوست", Author: "محرر", Dateline: "موسكو",
		Published: marsad.DayDate(2023, time.September, 26), Body: body1, Language: "ar",
		URL: "https://news.example/haftar",
	}
	s, e := runeSpan(tb, body1, "خليفة حفتر")
	s2, e2 := runeSpan(tb, body1, "موسكو")
	s3, e3 := runeSpan(tb, body1, "الثلاثاء")
	s4, e4 := runeSpan(tb, body1, "الزيارة ناجحة")
	s5, e5 := runeSpan(tb, body1, "اتفاق على قاعدة روسية")
	s6, e6 := runeSpan(tb, body1, "المسماري")
	a1.Entities = []marsad.Entity{
		{ID: "e1", Name: "خليفة حفتر", Type: marsad.Person, Mentions: []marsad.Mention{{Text: "خليفة حفتر", Start: s, End: e}}},
		{ID: "e2", Name: "موسكو", Type: marsad.Location, Mentions: []marsad.Mention{{Text: "موسكو", Start: s2, End: e2}}},
		{ID: "e3", Name: "أحمد المسماري", Type: marsad.Person, Mentions: []marsad.Mention{{Text: "المسماري", Start: s6, End: e6}}},
	}
	a1.Times = []marsad.TimeExpr{{Text: "الثلاثاء", Start: s3, End: e3, Value: "2023-09-26", Granularity: marsad.Day}}
	claim := marsad.Quote{Speaker: "خليفة حفتر", SpeakerID: "haftar", Text: "الزيارة ناجحة", Kind: marsad.Claim, Start: s4, End: e4}
	denial := marsad.Quote{Speaker: "أحمد المسماري", SpeakerID: "mismari", Text: "اتفاق على قاعدة روسية", Kind: marsad.Denial, Start: s5, End: e5}
	a1.Quotes = []marsad.Quote{claim, denial}
	a1.Contradictions = []marsad.Contradiction{{Claim: claim, Denial: denial}}
	a1.Events = []marsad.Event{
		{Kind: "visit", Who: []string{"خليفة حفتر"}, Where: "موسكو", When: "2023-09-26", WhenText: "الثلاثاء", Text: "وصل المشير خليفة حفتر إلى موسكو يوم الثلاثاء."},
		{Kind: "agreement", Who: []string{"خليفة حفتر"}, When: "2015-12", Text: "اتفاق الصخيرات"},
	}

	hostileTitle := "عنوان " + hostileScript + " " + hostileImg
	body2 := "نص عدائي " + hostileScript + "\n" + hostileImg + " حفتر " + hostileSVG + "\nسطر " + marsad.MarkStart + "علامة" + marsad.MarkEnd
	a2 := marsad.Article{
		Title: hostileTitle, Outlet: "مصدر " + hostileImg, Author: hostileSVG, Dateline: hostileScript,
		Published: marsad.DayDate(2023, time.September, 27), Body: body2, Language: "ar",
		URL: "javascript:window.pwned=1",
	}
	hs, he := runeSpan(tb, body2, hostileImg+" حفتر")
	a2.Entities = []marsad.Entity{
		{ID: "x1", Name: "حفتر " + hostileSVG + marsad.MarkStart, Type: marsad.Person, Mentions: []marsad.Mention{{Text: "حفتر", Start: hs, End: he}, {Start: -5, End: 3}, {Start: 3, End: 1 << 30}}},
	}
	a2.Quotes = []marsad.Quote{{Speaker: hostileScript, Text: hostileImg, Kind: marsad.Claim, Start: 0, End: he}}
	a2.Events = []marsad.Event{{Kind: "report", Who: []string{"خليفة حفتر"}, When: "2023-09-27", Text: "حفتر " + hostileScript}}

	a3 := a1
	a3.Outlet = "الشرق الأوسط"
	a3.Published = marsad.DayDate(2023, time.September, 27)
	a3.URL = ""

	ids := fillStore(tb, st, []marsad.Article{a1, a2, a3})

	ctx := context.Background()
	ents := []marsad.Entity{
		{ID: "haftar", Name: "خليفة حفتر", Type: marsad.Person, Aliases: []string{"حفتر", "المشير خليفة حفتر"},
			Roles: []marsad.Role{{Role: "المشير", Seen: marsad.DayDate(2023, time.September, 26)}, {Role: "اللواء المتقاعد", Seen: marsad.DayDate(2016, time.November, 27)}}},
		{ID: "moscow", Name: "موسكو", Type: marsad.Location},
		{ID: "mismari", Name: "أحمد المسماري", Type: marsad.Person, Aliases: []string{"المسماري"}},
		{ID: "evil", Name: hostileSVG + hostileScript, Type: marsad.Organization, Aliases: []string{hostileImg}},
	}
	links := []marsad.EntityLink{
		{ArticleID: ids[0], LocalID: "e1", EntityID: "haftar"},
		{ArticleID: ids[0], LocalID: "e2", EntityID: "moscow"},
		{ArticleID: ids[0], LocalID: "e3", EntityID: "mismari"},
		{ArticleID: ids[1], LocalID: "x1", EntityID: "haftar"},
		{ArticleID: ids[1], LocalID: "x1", EntityID: "evil"},
		{ArticleID: ids[2], LocalID: "e1", EntityID: "haftar"},
	}
	if err := st.ReplaceEntities(ctx, ents, links); err != nil {
		tb.Fatal(err)
	}
	refOf := func(id int64) marsad.ArticleRef {
		a, err := st.Article(ctx, id)
		if err != nil {
			tb.Fatal(err)
		}
		return ref(a)
	}
	r1, r2, r3 := refOf(ids[0]), refOf(ids[1]), refOf(ids[2])
	story := marsad.Story{
		ID: 7, Title: "حفتر وروسيا " + hostileScript, Summary: []string{"زيارة حفتر إلى موسكو", hostileImg},
		Articles: []marsad.StoryArticle{{ArticleRef: r1, Duplicates: []marsad.ArticleRef{r3}}, {ArticleRef: r2}},
		Entities: []marsad.Entity{ents[0], ents[3]},
		First:    r1.Published, Last: r2.Published,
	}
	if err := st.ReplaceStories(ctx, []marsad.Story{story}); err != nil {
		tb.Fatal(err)
	}
	return fixture{store: st, ids: ids, storyID: 7}
}
