package timex

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/marsad-news/marsad"
)

const wojoodDir = "/work/shared/data/wojood-sample"

// wojoodSentence is one Wojood sentence rebuilt as text, with the byte
// spans of its DATE mentions.
type wojoodSentence struct {
	text  string
	dates [][2]int
}

// readWojoodDates rebuilds the sentences of a Wojood file (one token per
// line, its tags after it) as running text: a space between tokens, none
// inside brackets or around a slash between numbers («سنة (1967)»،
// «21/7/1957»), as an article would print them. The spans are the
// outermost DATE mentions.
func readWojoodDates(path string) ([]wojoodSentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var (
		out  []wojoodSentence
		cur  wojoodSentence
		prev string
		open = -1
	)
	flush := func() {
		if open >= 0 {
			cur.dates = append(cur.dates, [2]int{open, len(cur.text)})
			open = -1
		}
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 2 {
			flush()
			if cur.text != "" {
				out = append(out, cur)
			}
			cur, prev = wojoodSentence{}, ""
			continue
		}
		tok := fields[0]
		date := ""
		for _, t := range fields[1:] {
			if strings.HasSuffix(t, "-DATE") {
				date = t[:1]
				break
			}
		}
		if date != "I" {
			flush()
		}
		glued := prev == "(" || tok == ")" || tok == "/" || prev == "/" || tok == "," || tok == "،" || tok == "." || tok == ":"
		if cur.text != "" && !glued {
			cur.text += " "
		}
		if date == "B" {
			open = len(cur.text)
		}
		cur.text += tok
		prev = tok
	}
	flush()
	if cur.text != "" {
		out = append(out, cur)
	}
	return out, sc.Err()
}

// TestWojoodDates reports how many of the Wojood sample's DATE mentions
// (historical and news text, other domains than SaudiNewsNet) Tag finds
// and resolves. The sample has no publication dates, so relative
// expressions stay unresolved; the figure is absolute dates found.
// Run with -v to see the misses.
func TestWojoodDates(t *testing.T) {
	if _, err := os.Stat(wojoodDir); err != nil {
		t.Skip("no Wojood sample at ", wojoodDir)
	}
	var gold, found, resolved, tagged, outside int
	for _, name := range []string{"train.txt", "val.txt", "test.txt"} {
		sents, err := readWojoodDates(filepath.Join(wojoodDir, name))
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range sents {
			exprs := Tag(s.text, marsad.Date{})
			for _, d := range s.dates {
				gold++
				hit := false
				for _, x := range exprs {
					if x.Start < d[1] && d[0] < x.End {
						hit = true
						if x.Value != "" {
							resolved++
							break
						}
					}
				}
				if hit {
					found++
				} else {
					t.Logf("missed %q", s.text[d[0]:d[1]])
				}
			}
			for _, x := range exprs {
				tagged++
				in := false
				for _, d := range s.dates {
					if x.Start < d[1] && d[0] < x.End {
						in = true
					}
				}
				if !in {
					outside++
					t.Logf("outside any DATE: %q", x.Text)
				}
			}
		}
	}
	t.Logf("Wojood DATE mentions: %d; found %d (%.1f%%), resolved %d; expressions %d, outside any DATE %d",
		gold, found, 100*float64(found)/float64(gold), resolved, tagged, outside)
}
