package marsad_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/marsad-news/marsad"
)

// Unknown values are null and lists are [] in every JSON the tools print
// (issue 2: "Unknown is null, never \"\"").
func TestJSONNullsAndLists(t *testing.T) {
	tests := []struct {
		name string
		v    any
		want []string
		not  []string
	}{
		{"article", marsad.Article{Body: "نص"}, []string{`"title":null`, `"published":null`, `"outlet":null`, `"author":null`}, []string{`""`}},
		{"time", marsad.TimeExpr{Text: "الثلاثاء"}, []string{`"value":null`}, nil},
		{"event", marsad.Event{Kind: "visit", Text: "وصل"}, []string{`"who":[]`, `"with":[]`, `"where":null`, `"when":null`}, []string{`""`}},
		{"quote item keeps its article", marsad.QuoteItem{Quote: marsad.Quote{Text: "قول"}, Article: marsad.ArticleRef{ID: 7}}, []string{`"article":{"id":7`}, nil},
		{"story article keeps its duplicates", marsad.StoryArticle{ArticleRef: marsad.ArticleRef{ID: 1}, Duplicates: []marsad.ArticleRef{{ID: 2}}}, []string{`"duplicates":[{"id":2`}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := json.Marshal(tt.v)
			if err != nil {
				t.Fatal(err)
			}
			s := string(b)
			for _, w := range tt.want {
				if !strings.Contains(s, w) {
					t.Errorf("%s lacks %s", s, w)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(s, n) {
					t.Errorf("%s holds %s", s, n)
				}
			}
		})
	}
}

// What is written reads back unchanged.
func TestJSONRoundTrip(t *testing.T) {
	in := marsad.Article{Title: "عنوان", Body: "نص", Published: marsad.DayDate(2023, 9, 26),
		Quotes: []marsad.Quote{{Speaker: "بوتين", Text: "قول", Kind: marsad.Statement}},
		Events: []marsad.Event{{Kind: "visit", Who: []string{"حفتر"}, When: "2023-09-26"}},
		Times:  []marsad.TimeExpr{{Text: "أمس", Start: 1, End: 4}},
	}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	var out marsad.Article
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	b2, _ := json.Marshal(out)
	if string(b) != string(b2) {
		t.Errorf("round trip changed:\n%s\n%s", b, b2)
	}
}
