package extract

import (
	"archive/zip"
	"encoding/json"
	"html"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/arabic"
)

// saudiNewsNetDir holds the SaudiNewsNet corpus (CC BY-NC-SA) on the
// development machine. It is read at test time only, never copied here.
const saudiNewsNetDir = "/work/shared/data/saudinewsnet"

type snnRecord struct {
	Source  string `json:"source"`
	Title   string `json:"title"`
	Author  string `json:"author"`
	Content string `json:"content"`
}

func loadSaudiNewsNet(t testing.TB, max int) []snnRecord {
	t.Helper()
	zips, _ := filepath.Glob(filepath.Join(saudiNewsNetDir, "*.zip"))
	if len(zips) == 0 {
		t.Skip("SaudiNewsNet not available")
	}
	var out []snnRecord
	for _, z := range zips {
		zr, err := zip.OpenReader(z)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range zr.File {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			data, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				t.Fatal(err)
			}
			var recs []snnRecord
			if err := json.Unmarshal(data, &recs); err != nil {
				continue
			}
			out = append(out, recs...)
			if len(out) >= max {
				zr.Close()
				return out[:max]
			}
		}
		zr.Close()
	}
	return out
}

// On real articles (already stripped of most chrome by the corpus' own
// scraper), Text must keep the headline and nearly all of the story, and
// Clean must not throw text away or invent metadata from the story.
func TestSaudiNewsNet(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	limit := 400
	if n, err := strconv.Atoi(os.Getenv("EXTRACT_SNN_MAX")); err == nil && n > 0 {
		limit = n
	}
	recs := loadSaudiNewsNet(t, limit)
	var n, errs, titleOK, kept, total, outlets, datelines, splitAuthors int
	for _, r := range recs {
		if strings.TrimSpace(r.Content) == "" || strings.TrimSpace(r.Title) == "" {
			continue
		}
		n++
		page := r.Title + "\n\n" + r.Content
		a, err := Text(r.Source, []byte(page))
		if err != nil {
			errs++
			if os.Getenv("EXTRACT_VERBOSE") != "" {
				t.Logf("%s: %v: %.200q", r.Source, err, page)
			}
			continue
		}
		if arabic.Normalize(a.Title) == arabic.Normalize(html.UnescapeString(r.Title)) {
			titleOK++
		} else if os.Getenv("EXTRACT_VERBOSE") != "" {
			t.Logf("title %q, want %q", a.Title, r.Title)
		}
		kept += len(arabic.Normalize(a.Body))
		total += len(arabic.Normalize(r.Content))
		if a.Outlet != "" {
			outlets++
		}
		if a.Dateline != "" {
			datelines++
		}

		c := &marsad.Article{Title: r.Title, Author: r.Author, Body: r.Content}
		Clean(c)
		// The author may lose the place, outlet and labels a byline gave
		// with it ("الرياض: يوسف الحمادي"), never gain words.
		if c.Title != r.Title || r.Author != "" && !strings.Contains(arabic.Normalize(html.UnescapeString(r.Author)), arabic.Normalize(c.Author)) {
			t.Errorf("Clean changed title or author of %q: author %q from %q", r.Title, c.Author, r.Author)
		}
		if c.Author != r.Author {
			splitAuthors++
			if os.Getenv("EXTRACT_VERBOSE") != "" {
				t.Logf("byline %q → author %q, dateline %q", r.Author, c.Author, c.Dateline)
			}
		}
		if os.Getenv("EXTRACT_VERBOSE") != "" && (c.Author != r.Author || a.Outlet != "" || a.Dateline != "") {
			t.Logf("author %q (record %q) outlet %q dateline %q: %.100q", c.Author, r.Author, a.Outlet, a.Dateline, a.Body)
		}
	}
	if n == 0 {
		t.Skip("no records")
	}
	t.Logf("%d articles: %d errors, title %.1f%%, body kept %.1f%%, outlet %d, dateline %d, bylines split %d",
		n, errs, 100*float64(titleOK)/float64(n), 100*float64(kept)/float64(max(total, 1)), outlets, datelines, splitAuthors)
	if float64(errs) > 0.01*float64(n) {
		t.Errorf("%d of %d real articles rejected", errs, n)
	}
	if float64(titleOK) < 0.95*float64(n-errs) {
		t.Errorf("title right for %d of %d", titleOK, n-errs)
	}
	if float64(kept) < 0.95*float64(total) {
		t.Errorf("body kept %d of %d normalized bytes", kept, total)
	}
}
