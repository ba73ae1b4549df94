package sqlite_test

import (
	"context"
	"strings"
	"testing"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/sqlite"
)

// FuzzSearch feeds arbitrary queries to the FTS5 query writer: whatever a
// user types, Search answers or reports EINVALID, never an FTS5 syntax
// error, and every snippet has balanced marks.
func FuzzSearch(f *testing.F) {
	s, err := sqlite.Open(":memory:")
	if err != nil {
		f.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	for _, a := range []*marsad.Article{
		{Title: "حفتر يزور روسيا", Body: "وصل خليفة حفتر إلى موسكو للقاء المسؤولين الروس."},
		{Title: "AND OR NOT", Body: `NEAR(a b) "quoted" col:value * ^start`},
	} {
		if _, _, err := s.PutArticle(ctx, a); err != nil {
			f.Fatal(err)
		}
	}
	for _, q := range []string{"روسيا", `"خليفة حفتر"`, "AND", "NEAR(a b)", "col:value", "*", "^start", `"`, "a OR b", "-x", "(x"} {
		f.Add(q)
	}
	f.Fuzz(func(t *testing.T, q string) {
		res, err := s.Search(ctx, marsad.SearchQuery{Query: q})
		if err != nil {
			if marsad.ErrorCode(err) != marsad.EINVALID {
				t.Fatalf("Search(%q): %v", q, err)
			}
			return
		}
		for _, h := range res.Hits {
			if strings.Count(h.Snippet, marsad.MarkStart) != strings.Count(h.Snippet, marsad.MarkEnd) {
				t.Fatalf("Search(%q) snippet %q has unbalanced marks", q, h.Snippet)
			}
		}
	})
}
