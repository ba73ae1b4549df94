package web

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/ingest"
	"github.com/marsad-news/marsad/sqlite"
)

// TestBrowserSeedStory is issue 6's acceptance check in real Chromium, on
// the five example articles analyzed by the full pipeline: the story
// page's timeline shows Haftar's 2023-09-26 visit, the entity page for
// حفتر lists his aliases and roles, and a search for بروسيا finds the
// seeds.
func TestBrowserSeedStory(t *testing.T) {
	ctx := newBrowser(t)
	st, err := sqlite.Open(filepath.Join(t.TempDir(), "seeds.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	bg := context.Background()
	if _, err := ingest.Ingest(bg, st, []string{"../examples"}, nil, ingest.Options{}); err != nil {
		t.Fatal(err)
	}
	base := startDesk(t, st)

	stories, err := st.Stories(bg, marsad.StoryFilter{Limit: 1})
	if err != nil || len(stories) == 0 {
		t.Fatalf("no story: %v", err)
	}
	t.Run("story timeline", func(t *testing.T) {
		c := loadPage(t, ctx, fmt.Sprintf("%s/stories/%d", base, stories[0].ID), "seeds-story")
		if c.Dir != "rtl" || c.Pwned != "undefined" {
			t.Errorf("dir %q, pwned %q", c.Dir, c.Pwned)
		}
		if !strings.Contains(c.Text, "2023-09-26") && !strings.Contains(c.Text, "26 سبتمبر 2023") {
			t.Errorf("story page shows no 2023-09-26 event")
		}
		if !strings.Contains(c.Text, "وصل قائد قوات شرق ليبيا") {
			t.Errorf("story page does not show the arrival in Russia")
		}
	})
	t.Run("entity page", func(t *testing.T) {
		all, err := st.Entities(bg, marsad.EntityFilter{Type: marsad.Person, Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		var e marsad.Entity
		for _, x := range all { // most articles first
			if strings.Contains(x.Name, "حفتر") {
				e = x
				break
			}
		}
		if e.ID == "" {
			t.Fatal("no person named حفتر")
		}
		c := loadPage(t, ctx, base+"/entities/"+e.ID, "seeds-entity-haftar")
		if !strings.Contains(c.Text, "خليفة حفتر") {
			t.Errorf("entity page does not name خليفة حفتر")
		}
		for _, alias := range e.Aliases {
			if !strings.Contains(c.Text, alias) {
				t.Errorf("entity page misses alias %q", alias)
			}
		}
		if len(e.Roles) == 0 {
			t.Errorf("entity has no roles")
		}
		for _, r := range e.Roles {
			if !strings.Contains(c.Text, r.Role) {
				t.Errorf("entity page misses role %q", r.Role)
			}
		}
	})
	t.Run("search بروسيا", func(t *testing.T) {
		c := loadPage(t, ctx, base+"/search?q="+q("بروسيا"), "seeds-search-brusia")
		found := 0
		list, _, _ := st.Articles(bg, marsad.ArticleFilter{Limit: 10})
		for _, a := range list {
			if strings.Contains(c.Text, a.Title) {
				found++
			}
		}
		if found < 4 {
			t.Errorf("search بروسيا shows %d of the seeds' titles, want ≥ 4", found)
		}
	})
	t.Run("quotes desk denials", func(t *testing.T) {
		denials, err := st.Quotes(bg, marsad.QuoteFilter{Kind: marsad.Denial, Limit: 100})
		if err != nil || len(denials) == 0 {
			t.Fatalf("no denial among the seeds' quotes: %v", err)
		}
		c := loadPage(t, ctx, base+"/quotes?kind=denial", "seeds-quotes-denials")
		if c.Dir != "rtl" || c.Pwned != "undefined" {
			t.Errorf("dir %q, pwned %q", c.Dir, c.Pwned)
		}
		for _, d := range denials {
			if !strings.Contains(c.Text, d.Speaker) || !strings.Contains(c.Text, firstWords(d.Text, 4)) {
				t.Errorf("quotes page misses the denial by %q: %q", d.Speaker, d.Text)
			}
		}
	})
}

// firstWords returns the first n words of s.
func firstWords(s string, n int) string {
	f := strings.Fields(s)
	return strings.Join(f[:min(n, len(f))], " ")
}
