package reader

import (
	"context"
	"flag"
	"fmt"
	"os"
	"testing"
)

var dump = flag.String("dump", "", "print the records of these paths")

// TestDump prints what Walk makes of a path, for looking at real inputs:
//
//	go test ./reader -run TestDump -v -dump /path/to/dir
func TestDump(t *testing.T) {
	if *dump == "" {
		t.Skip()
	}
	opts := Options{OnSkip: func(s, r string) { fmt.Println("SKIP", s, r) }}
	Walk(context.Background(), []string{*dump}, os.Stdin, opts, func(r *Record, err error) error {
		if err != nil {
			fmt.Println("ERR", err)
			return nil
		}
		if r.Article != nil {
			a := r.Article
			body := []rune(a.Body)
			if len(body) > 150 {
				body = body[:150]
			}
			fmt.Printf("REC %s [%s] title=%q url=%q pub=%v upd=%v author=%q outlet=%q lang=%q raw=%q crawled=%v lines=%d\n   %s\n", r.Source, r.Format, a.Title, a.URL, a.Published, a.Updated, a.Author, a.Outlet, a.Language, r.RawDate, r.Crawled, len(splitLines(a.Body)), string(body))
		} else {
			d := []rune(string(r.Data))
			if len(d) > 100 {
				d = d[:100]
			}
			fmt.Printf("REC %s [%s] enc=%s %q\n", r.Source, r.Format, r.Encoding, string(d))
		}
		return nil
	})
}

func splitLines(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}
