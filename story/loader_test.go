package story

import (
	"archive/zip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/marsad-news/marsad"
)

// snnDir holds the SaudiNewsNet zips (CC BY-NC-SA 4.0). They are read at
// test time only and never copied into the repository.
const snnDir = "/work/shared/data/saudinewsnet"

type snnArticle struct {
	Source        string `json:"source"`
	URL           string `json:"url"`
	DateExtracted string `json:"date_extracted"`
	Title         string `json:"title"`
	Author        string `json:"author"`
	Content       string `json:"content"`
}

// loadSNN returns the corpus as its daily batches (one zip each, in date
// order) of Docs with ids numbered from 1 across batches. The corpus gives
// only the crawl time; it stands in for the publication date, at day
// precision, in these tests (the articles were crawled within a day or two
// of publication). It skips the test when the corpus is absent.
func loadSNN(tb testing.TB) [][]Doc {
	tb.Helper()
	paths, _ := filepath.Glob(filepath.Join(snnDir, "*.zip"))
	if len(paths) == 0 {
		tb.Skipf("SaudiNewsNet not found in %s", snnDir)
	}
	sort.Strings(paths)
	var batches [][]Doc
	id := int64(0)
	for _, p := range paths {
		arts, err := readSNNZip(p)
		if err != nil {
			tb.Fatalf("read %s: %v", p, err)
		}
		batches = append(batches, snnBatch(arts, p, &id))
	}
	return batches
}

// loadSNNQuiet is loadSNN for callers that can do without the corpus: it
// returns the first n batches, or nil when the corpus is absent or
// unreadable.
func loadSNNQuiet(n int) [][]Doc {
	paths, _ := filepath.Glob(filepath.Join(snnDir, "*.zip"))
	if len(paths) == 0 {
		return nil
	}
	sort.Strings(paths)
	if len(paths) > n {
		paths = paths[:n]
	}
	var batches [][]Doc
	id := int64(0)
	for _, p := range paths {
		arts, err := readSNNZip(p)
		if err != nil {
			return nil
		}
		batches = append(batches, snnBatch(arts, p, &id))
	}
	return batches
}

func snnBatch(arts []snnArticle, path string, id *int64) []Doc {
	batch := make([]Doc, 0, len(arts))
	for _, a := range arts {
		*id++
		d := Doc{ID: *id, Title: a.Title, Body: a.Content, Outlet: a.Source, URL: a.URL, File: filepath.Base(path)}
		if t, err := time.Parse("2006-01-02 15:04:05", a.DateExtracted); err == nil {
			d.Published = marsad.Date{Time: t.Truncate(24 * time.Hour), Granularity: marsad.Day}
		}
		batch = append(batch, d)
	}
	return batch
}

func readSNNZip(path string) ([]snnArticle, error) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	var out []snnArticle
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, err
		}
		var arts []snnArticle
		if err := json.Unmarshal(data, &arts); err != nil {
			return nil, err
		}
		out = append(out, arts...)
	}
	return out, nil
}

func flatten(batches [][]Doc) []Doc {
	var all []Doc
	for _, b := range batches {
		all = append(all, b...)
	}
	return all
}

// corpusEnabled gates the slow tests over the whole corpus.
func corpusEnabled(tb testing.TB) {
	tb.Helper()
	if testing.Short() || os.Getenv("MARSAD_STORY_CORPUS") == "" {
		tb.Skip("set MARSAD_STORY_CORPUS=1 to run over all of SaudiNewsNet")
	}
}
