package web

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/marsad-news/marsad"
)

// benchStore holds one long article (about 40 paragraphs, 12k code points)
// with an entity mention every few words, times and quotes, and 200 short
// ones for search.
func benchStore(b *testing.B) *fakeStore {
	b.Helper()
	st := &fakeStore{}
	para := "وصل القائد العام للجيش الليبي خليفة حفتر إلى العاصمة الروسية موسكو لبحث الأزمة الليبية، وقال المتحدث إن \"الزيارة ناجحة\" يوم الثلاثاء."
	body := strings.TrimSuffix(strings.Repeat(para+"\n", 40), "\n")
	a := marsad.Article{Title: "حفتر في موسكو", Outlet: "عربي بوست", Body: body, Published: marsad.DayDate(2023, time.September, 26)}
	per := marsad.Entity{ID: "e1", Name: "خليفة حفتر", Type: marsad.Person}
	loc := marsad.Entity{ID: "e2", Name: "موسكو", Type: marsad.Location}
	rs := []rune(body)
	for i := 0; i < len(rs); {
		j := strings.Index(string(rs[i:]), "خليفة حفتر")
		if j < 0 {
			break
		}
		start := i + len([]rune(string(rs[i:])[:j]))
		per.Mentions = append(per.Mentions, marsad.Mention{Start: start, End: start + 10})
		if k := strings.Index(string(rs[start:]), "موسكو"); k >= 0 {
			ls := start + len([]rune(string(rs[start:])[:k]))
			loc.Mentions = append(loc.Mentions, marsad.Mention{Start: ls, End: ls + 5})
		}
		if k := strings.Index(string(rs[start:]), "الزيارة ناجحة"); k >= 0 {
			qs := start + len([]rune(string(rs[start:])[:k]))
			a.Quotes = append(a.Quotes, marsad.Quote{Speaker: "المتحدث", Text: "الزيارة ناجحة", Kind: marsad.Claim, Start: qs, End: qs + 13})
		}
		if k := strings.Index(string(rs[start:]), "الثلاثاء"); k >= 0 {
			ts := start + len([]rune(string(rs[start:])[:k]))
			a.Times = append(a.Times, marsad.TimeExpr{Text: "الثلاثاء", Value: "2023-09-26", Start: ts, End: ts + 8})
		}
		i = start + 10
	}
	a.Entities = []marsad.Entity{per, loc}
	articles := []marsad.Article{a}
	for i := range 200 {
		articles = append(articles, marsad.Article{
			Title: "خبر رقم " + itoa(int64(i)), Outlet: []string{"عربي بوست", "الشرق الأوسط", "الجزيرة"}[i%3],
			Body: para, Published: marsad.DayDate(2023, time.September, 1+i%28),
		})
	}
	fillStore(b, st, articles)
	return st
}

func benchPage(b *testing.B, target string) {
	st := benchStore(b)
	h := newTestServer(b, st).Handler()
	req, _ := http.NewRequestWithContext(context.Background(), http.MethodGet, target, nil)
	rec := get(b, h, target)
	if rec.Code != 200 {
		b.Fatalf("status %d", rec.Code)
	}
	b.SetBytes(int64(rec.Body.Len()))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		w := &discardWriter{h: http.Header{}}
		h.ServeHTTP(w, req)
	}
}

type discardWriter struct {
	h http.Header
}

func (w *discardWriter) Header() http.Header         { return w.h }
func (w *discardWriter) Write(b []byte) (int, error) { return len(b), nil }
func (w *discardWriter) WriteHeader(int)             {}

func BenchmarkArticlePage(b *testing.B) { benchPage(b, "/articles/1") }

func BenchmarkSearchPage(b *testing.B) { benchPage(b, "/search?q=%D8%AD%D9%81%D8%AA%D8%B1") }

func BenchmarkAPIArticle(b *testing.B) { benchPage(b, "/api/articles/1") }

func BenchmarkHighlightBody(b *testing.B) {
	st := benchStore(b)
	a := st.articles[0]
	l := articleLayers(a)
	b.SetBytes(int64(len(a.Body)))
	b.ReportAllocs()
	for b.Loop() {
		highlightBody(a.Body, l)
	}
}
