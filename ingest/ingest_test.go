package ingest_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/arabic"
	"github.com/marsad-news/marsad/ingest"
	"github.com/marsad-news/marsad/pipeline"
)

// expected is the part of examples/expected.json the spine is checked on.
type expected struct {
	Articles map[string]struct {
		Title       *string
		Published   *string
		Updated     *string
		Outlet      *string
		Author      *string
		Dateline    *string
		Boilerplate []string `json:"boilerplate_not_in_body"`
		TitleNote   string   `json:"title_note"`
	}
}

func loadExpected(t *testing.T) expected {
	t.Helper()
	raw, err := os.ReadFile("../testdata/expected.json")
	if err != nil {
		t.Fatal(err)
	}
	var e expected
	if err := json.Unmarshal(raw, &e); err != nil {
		t.Fatal(err)
	}
	return e
}

func analyzeExamples(t *testing.T) map[string]*marsad.Article {
	t.Helper()
	files, _ := filepath.Glob("../examples/*.txt")
	got := map[string]*marsad.Article{}
	// Metadata and body come from extraction; the cheap stages suffice.
	p := &pipeline.Pipeline{Stages: []pipeline.Stage{pipeline.Tokenize, pipeline.Times, pipeline.CodePoints}}
	sum, err := ingest.Analyze(context.Background(), files, nil, ingest.Options{Pipeline: p}, func(a *marsad.Article) error {
		got[filepath.Base(a.File)] = a
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Rejected != 0 || sum.Records != len(files) {
		t.Fatalf("summary %v for %d files", sum, len(files))
	}
	return got
}

// The spine's acceptance check: every title, published, updated, outlet
// and author of expected.json, and no boilerplate in a body.
func TestExamplesMetadata(t *testing.T) {
	exp := loadExpected(t)
	got := analyzeExamples(t)
	str := func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	}
	for file, want := range exp.Articles {
		a := got[file]
		if a == nil {
			t.Errorf("%s: not analyzed", file)
			continue
		}
		t.Run(file, func(t *testing.T) {
			check := func(field, got, want string) {
				if arabic.Normalize(got) != arabic.Normalize(want) {
					t.Errorf("%s = %q, want %q", field, got, want)
				}
			}
			if want.TitleNote == "" || a.Title != "" {
				check("title", a.Title, str(want.Title))
			}
			check("published", a.Published.String(), str(want.Published))
			check("updated", a.Updated.String(), str(want.Updated))
			check("outlet", a.Outlet, str(want.Outlet))
			check("author", a.Author, str(want.Author))
			if want.Dateline != nil {
				check("dateline", a.Dateline, *want.Dateline)
			}
			for _, b := range want.Boilerplate {
				if strings.Contains(arabic.Normalize(a.Body), arabic.Normalize(b)) {
					t.Errorf("body still holds boilerplate %q", b)
				}
			}
			if a.Dateline != "" && strings.HasPrefix(a.Body, a.Dateline) {
				t.Errorf("body starts with the dateline %q", a.Dateline)
			}
		})
	}
}

// A SaudiNewsNet record has no publication date, only the time it was
// crawled: its relative dates resolve against the crawl's day, and the
// crawl time never passes for the publication time.
func TestRelativeDatesResolveAgainstTheCrawl(t *testing.T) {
	rec := `{"source":"okaz","url":"http://okaz.example/1","date_extracted":"2015-08-11 06:50:06",` +
		`"title":"افتتاح المعرض","author":"","content":"افتتح أمير المنطقة أمس المعرض الدولي للكتاب بحضور عدد من المسؤولين والزوار.\nويستمر المعرض حتى يوم الخميس المقبل."}` + "\n"
	var got []*marsad.Article
	p := &pipeline.Pipeline{Stages: []pipeline.Stage{pipeline.Tokenize, pipeline.Times}}
	_, err := ingest.Analyze(context.Background(), []string{"-"}, strings.NewReader(rec), ingest.Options{Pipeline: p, Workers: 1}, func(a *marsad.Article) error {
		got = append(got, a)
		return nil
	})
	if err != nil || len(got) != 1 {
		t.Fatalf("analyze: %v, %d articles", err, len(got))
	}
	a := got[0]
	if !a.Published.IsZero() {
		t.Errorf("published = %s, want none", a.Published)
	}
	if a.Crawled.Format("2006-01-02") != "2015-08-11" {
		t.Errorf("crawled = %s", a.Crawled)
	}
	values := map[string]string{}
	for _, x := range a.Times {
		values[x.Text] = x.Value
	}
	if values["أمس"] != "2015-08-10" {
		t.Errorf("أمس = %q, want 2015-08-10 (times %+v)", values["أمس"], a.Times)
	}
}
