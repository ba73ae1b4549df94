package story

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/marsad-news/marsad"
)

// seedDocs reads the five seed articles of testdata with the metadata a
// careful reader extracted (expected.json): title, outlet, publication
// date. The body is the file without its title line.
func seedDocs(t testing.TB) []Doc {
	t.Helper()
	raw, err := os.ReadFile("testdata/expected.json")
	if err != nil {
		t.Fatal(err)
	}
	var exp struct {
		Articles map[string]struct {
			Title     string  `json:"title"`
			Published *string `json:"published"`
			Outlet    *string `json:"outlet"`
		} `json:"articles"`
	}
	if err := json.Unmarshal(raw, &exp); err != nil {
		t.Fatal(err)
	}
	paths, _ := filepath.Glob("testdata/00*.txt")
	var docs []Doc
	for i, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		meta := exp.Articles[filepath.Base(p)]
		body := string(b)
		if j := strings.Index(body, meta.Title); j >= 0 {
			body = body[j+len(meta.Title):]
		}
		d := Doc{ID: int64(i + 1), Title: meta.Title, Body: body, File: filepath.Base(p)}
		if meta.Outlet != nil {
			d.Outlet = *meta.Outlet
		}
		if meta.Published != nil {
			if pd, err := marsad.ParseDate(*meta.Published); err == nil {
				d.Published = pd
			}
		}
		docs = append(docs, d)
	}
	if len(docs) != 5 {
		t.Fatalf("seeds: got %d files, want 5", len(docs))
	}
	return docs
}

// repost is a copy of d as another outlet would re-run it: its own header
// chrome, a changed headline, a footer, and another outlet.
func repost(d Doc, id int64) Doc {
	return Doc{
		ID:     id,
		Title:  "عاجل | " + strings.TrimSpace(d.Title) + " (فيديو)",
		Body:   "الرئيسية » أخبار عربية » ليبيا\nنشر بتاريخ الأربعاء 27 سبتمبر 2023 - 10:12 صباحا\nشارك على فيسبوك تويتر واتساب\n" + d.Body + "\nاقرأ أيضا: أخبار متعلقة\nجميع الحقوق محفوظة لموقع الخبر اليوم",
		Outlet: "الخبر اليوم",
		URL:    "https://example.org/news/repost",
	}
}

func TestSeedsOneStory(t *testing.T) {
	docs := seedDocs(t)
	dup := repost(docs[1], 100)
	ix := NewIndex(Options{})
	for _, d := range append(docs, dup) {
		ix.Add(d)
	}
	stories := ix.Stories()
	if len(stories) != 1 {
		for _, s := range stories {
			t.Logf("story %d: %d articles: %s", s.ID, len(s.Articles), s.Title)
		}
		t.Fatalf("seeds: got %d stories, want 1", len(stories))
	}
	st := stories[0]
	if len(st.Articles) != 5 {
		t.Errorf("story articles: got %d, want 5 (the re-post folded)", len(st.Articles))
	}
	dups := ix.Duplicates()
	if got := dups[docs[1].ID]; len(got) != 1 || got[0] != dup.ID {
		t.Errorf("Duplicates()[%d] = %v, want [%d]", docs[1].ID, got, dup.ID)
	}
	found := false
	for _, a := range st.Articles {
		for _, d := range a.Duplicates {
			if d.ID == dup.ID && d.Outlet == dup.Outlet {
				found = true
			}
		}
	}
	if !found {
		t.Errorf("re-post %d with outlet %q not listed among the story's duplicates", dup.ID, dup.Outlet)
	}
	t.Logf("title: %s; first %s last %s", st.Title, st.First, st.Last)
	for _, s := range st.Summary {
		t.Logf("summary: %s", s)
	}
	for _, ev := range ix.Events() {
		t.Logf("event %v", ev)
	}
}
