package storetest

import (
	"archive/zip"
	"embed"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"

	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/arabic"
)

// The five seed articles of the project (testdata/README.md): real Arabic
// news with tashkeel, both hamza spellings of مسؤول and clitic forms.
//
//go:embed testdata/*.txt
var seedFS embed.FS

// Seeds returns the seed articles: the first line is the title, the rest
// the body. Outlets are made up ("outlet-0" …) so filters have something
// to select.
func Seeds(tb testing.TB) []*marsad.Article {
	tb.Helper()
	names, err := seedFS.ReadDir("testdata")
	if err != nil {
		tb.Fatal(err)
	}
	var out []*marsad.Article
	for i, e := range names {
		b, err := seedFS.ReadFile("testdata/" + e.Name())
		if err != nil {
			tb.Fatal(err)
		}
		title, body, _ := strings.Cut(string(b), "\n")
		out = append(out, &marsad.Article{
			File:     e.Name(),
			Title:    strings.TrimSpace(title),
			Body:     strings.TrimSpace(body),
			Outlet:   fmt.Sprintf("outlet-%d", i%2),
			Language: "ar",
		})
	}
	return out
}

var (
	sentencesOnce sync.Once
	sentences     []string
)

// seedSentences returns the sentences of the seeds that have at least five
// words, the material of the synthetic corpus.
func seedSentences(tb testing.TB) []string {
	sentencesOnce.Do(func() {
		for _, a := range Seeds(tb) {
			toks := arabic.Tokenize(a.Body)
			for _, s := range arabic.Sentences(a.Body, toks) {
				words := 0
				for _, t := range toks[s.From:s.To] {
					if t.Kind == arabic.Word {
						words++
					}
				}
				if words >= 5 {
					sentences = append(sentences, a.Body[toks[s.From].Start:toks[s.To-1].End])
				}
			}
		}
	})
	if len(sentences) == 0 {
		tb.Fatal("storetest: no sentences in the seeds")
	}
	return sentences
}

// Corpus returns n synthetic articles built from the seeds' sentences:
// each has 8 to 20 random sentences in 2 to 5 paragraphs, a title made of
// one sentence's first words, one of five outlets, a publication day in
// 2023 and a few events. The same seed gives the same corpus.
func Corpus(tb testing.TB, n int, seed uint64) []*marsad.Article {
	tb.Helper()
	sents := seedSentences(tb)
	r := rand.New(rand.NewPCG(seed, 0x6d61727361640a))
	out := make([]*marsad.Article, n)
	for i := range out {
		k := 8 + r.IntN(13)
		paras := 2 + r.IntN(4)
		var body strings.Builder
		for j := 0; j < k; j++ {
			if j > 0 {
				if j%(k/paras+1) == 0 {
					body.WriteByte('\n')
				} else {
					body.WriteByte(' ')
				}
			}
			body.WriteString(sents[r.IntN(len(sents))])
		}
		titleWords := strings.Fields(sents[r.IntN(len(sents))])
		titleWords = titleWords[:min(len(titleWords), 4+r.IntN(6))]
		day := marsad.DayDate(2023, time.Month(1+r.IntN(12)), 1+r.IntN(28))
		out[i] = &marsad.Article{
			URL:       fmt.Sprintf("https://news.example/%d/%d", seed, i),
			Title:     strings.Join(titleWords, " "),
			Body:      body.String(),
			Outlet:    fmt.Sprintf("outlet-%d", r.IntN(5)),
			Published: day,
			Language:  "ar",
			Events: []marsad.Event{{
				Kind: "visit", Who: []string{"خليفة حفتر"}, Where: "موسكو",
				When: day.String(), WhenText: "الثلاثاء", Text: sents[r.IntN(len(sents))],
			}},
		}
	}
	return out
}

// saudiNewsNetDir is where the project keeps the SaudiNewsNet corpus
// (CC BY-NC-SA): read at test time when present, never copied here.
const saudiNewsNetDir = "/work/shared/data/saudinewsnet"

// SaudiNewsNet returns up to n real articles from the SaudiNewsNet corpus,
// or nil when the corpus is not on this machine.
func SaudiNewsNet(tb testing.TB, n int) []*marsad.Article {
	tb.Helper()
	files, _ := filepath.Glob(filepath.Join(saudiNewsNetDir, "*.zip"))
	sort.Strings(files)
	var out []*marsad.Article
	for _, f := range files {
		if len(out) >= n {
			break
		}
		zr, err := zip.OpenReader(f)
		if err != nil {
			tb.Logf("storetest: skip %s: %v", f, err)
			continue
		}
		for _, zf := range zr.File {
			rc, err := zf.Open()
			if err != nil {
				continue
			}
			var records []struct {
				Source, URL, Title, Author, Content string
			}
			err = json.NewDecoder(io.LimitReader(rc, 64<<20)).Decode(&records)
			rc.Close()
			if err != nil {
				continue
			}
			for _, rec := range records {
				if len(out) >= n {
					break
				}
				if strings.TrimSpace(rec.Content) == "" {
					continue
				}
				out = append(out, &marsad.Article{
					URL: rec.URL, Title: rec.Title, Body: rec.Content,
					Outlet: rec.Source, Author: rec.Author, Language: "ar",
				})
			}
		}
		zr.Close()
	}
	return out
}
