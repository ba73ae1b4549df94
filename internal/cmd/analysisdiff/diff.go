package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// analysis is what diff reads of one `marsad analyze` line.
type analysis struct {
	URL      string `json:"url"`
	File     string `json:"file"`
	Body     string `json:"body"`
	Entities []struct {
		Name     string `json:"name"`
		Type     string `json:"type"`
		Mentions []struct {
			Text  string `json:"text"`
			Start int    `json:"start"`
			End   int    `json:"end"`
		} `json:"mentions"`
	} `json:"entities"`
	Quotes []struct {
		Speaker   string `json:"speaker"`
		SpeakerID string `json:"speaker_id"`
		Kind      string `json:"kind"`
		Text      string `json:"text"`
		Start     int    `json:"start"`
		End       int    `json:"end"`
	} `json:"quotes"`
	Events []struct {
		Kind  string   `json:"kind"`
		Text  string   `json:"text"`
		Who   []string `json:"who"`
		With  []string `json:"with"`
		Where string   `json:"where"`
		When  string   `json:"when"`
	} `json:"events"`
}

// key names an article across the two files: its URL, else its file, else
// its line.
func (a *analysis) key(line int) string {
	switch {
	case a.URL != "":
		return a.URL
	case a.File != "":
		return a.File
	}
	return fmt.Sprint("line ", line)
}

func readAnalyses(path string) (map[string]*analysis, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string]*analysis{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for line := 1; sc.Scan(); line++ {
		a := &analysis{}
		if err := json.Unmarshal(sc.Bytes(), a); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		out[a.key(line)] = a
	}
	return out, sc.Err()
}

// mentions lists an article's mentions as "text/TYPE@start".
func (a *analysis) mentions() map[string]bool {
	m := map[string]bool{}
	for _, e := range a.Entities {
		for _, x := range e.Mentions {
			m[fmt.Sprintf("%s/%s@%d", x.Text, e.Type, x.Start)] = true
		}
	}
	return m
}

// quotes lists an article's quotes as "speaker|kind@start-end", each once.
func (a *analysis) quotes() map[string]bool {
	m := map[string]bool{}
	for _, q := range a.Quotes {
		m[fmt.Sprintf("%s|%s@%d-%d", q.Speaker, q.Kind, q.Start, q.End)] = true
	}
	return m
}

// events lists an article's events as "kind who=… with=… where=… when=…
// | the first words of the sentence", each once.
func (a *analysis) events() map[string]bool {
	m := map[string]bool{}
	for _, e := range a.Events {
		m[fmt.Sprintf("%s who=%s with=%s where=%s when=%s | %s", e.Kind, strings.Join(e.Who, "+"), strings.Join(e.With, "+"),
			e.Where, e.When, firstRunes(e.Text, 80))] = true
	}
	return m
}

// firstRunes returns the first n runes of s.
func firstRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// totals are one file's counts.
type totals struct {
	quotes, named  int
	events, actors int            // events, and those with an actor
	mentions       map[string]int // by type
}

func count(as map[string]*analysis) totals {
	t := totals{mentions: map[string]int{}}
	for _, a := range as {
		seen := map[string]bool{}
		for _, q := range a.Quotes {
			k := fmt.Sprintf("%s@%d-%d", q.Speaker, q.Start, q.End)
			if seen[k] {
				continue
			}
			seen[k] = true
			t.quotes++
			if q.SpeakerID != "" {
				t.named++
			}
		}
		for _, e := range a.Entities {
			t.mentions[e.Type] += len(e.Mentions)
		}
		for _, e := range a.Events {
			t.events++
			if len(e.Who) > 0 {
				t.actors++
			}
		}
	}
	return t
}

func diff(w io.Writer, old, cur map[string]*analysis) {
	to, tc := count(old), count(cur)
	fmt.Fprintf(w, "quotes %d → %d, with a named speaker %d → %d\n", to.quotes, tc.quotes, to.named, tc.named)
	for _, typ := range []string{"PER", "LOC", "ORG", "MISC"} {
		fmt.Fprintf(w, "%s mentions %d → %d\n", typ, to.mentions[typ], tc.mentions[typ])
	}
	fmt.Fprintf(w, "events %d → %d, with an actor %d → %d\n", to.events, tc.events, to.actors, tc.actors)
	keys := make([]string, 0, len(old))
	for k := range old {
		if cur[k] != nil {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		ma, mb := old[k].mentions(), cur[k].mentions()
		qa, qb := old[k].quotes(), cur[k].quotes()
		ea, eb := old[k].events(), cur[k].events()
		var lines []string
		for _, pair := range []struct {
			sign   string
			x, y   map[string]bool
			prefix string
		}{
			{"-", ma, mb, "mention"}, {"+", mb, ma, "mention"},
			{"-", qa, qb, "quote"}, {"+", qb, qa, "quote"},
			{"-", ea, eb, "event"}, {"+", eb, ea, "event"},
		} {
			var only []string
			for m := range pair.x {
				if !pair.y[m] {
					only = append(only, m)
				}
			}
			sort.Strings(only)
			for _, m := range only {
				lines = append(lines, pair.sign+" "+pair.prefix+" "+m)
			}
		}
		if len(lines) > 0 {
			fmt.Fprintf(w, "== %s\n", k)
			for _, l := range lines {
				fmt.Fprintln(w, l)
			}
		}
	}
}
