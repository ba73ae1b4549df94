package postgres

import (
	"fmt"
	"strings"
	"testing"

	"github.com/marsad-news/marsad/search"
)

func TestTSVector(t *testing.T) {
	tests := []struct {
		name        string
		title, body string
		want        string
	}{
		{"title A, gap, body D", "حفتر في روسيا", "وصل حفتر بروسيا",
			"'حفتر':1A,5 'روسيا':2A,6 'وصل':4"},
		{"no title", "", "it a b", "'a':3 'b':4 'it':2"},
		{"empty", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tsvector(search.Analyze(tt.title), search.Analyze(tt.body))
			if got != tt.want {
				t.Errorf("tsvector = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestQuoteLexeme(t *testing.T) {
	if got, want := quoteLexeme(`it's a\b`), `'it''s a\\b'`; got != want {
		t.Errorf("quoteLexeme = %s, want %s", got, want)
	}
}

func TestTSQuery(t *testing.T) {
	q, err := search.Parse(`بروسيا "خليفة حفتر" it's`)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := tsquery(q), `'روسيا' & 'it' & 's' & ('خليف' <-> 'حفتر')`; got != want {
		t.Errorf("tsquery = %q, want %q", got, want)
	}
}

// TestTSVectorLimits checks the vector of a huge article stays inside
// PostgreSQL's limits: positions ≤ 16383, ≤ 256 per lexeme, every lexeme
// with at least one position, and under 1 MB.
func TestTSVectorLimits(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 80000; i++ {
		fmt.Fprintf(&b, "w%d كلمة ", i)
	}
	v := tsvector(nil, search.Analyze(b.String()))
	if len(v) > 1<<20 {
		t.Errorf("vector text is %d bytes, want under 1 MB", len(v))
	}
	for _, entry := range strings.Split(v, " ") {
		lex, pos, ok := strings.Cut(entry, "':")
		if !ok || pos == "" {
			t.Fatalf("entry %q has no positions", entry)
		}
		list := strings.Split(pos, ",")
		if len(list) > maxPositions {
			t.Fatalf("lexeme %s has %d positions, want ≤ %d", lex, len(list), maxPositions)
		}
		for _, p := range list {
			var n int
			fmt.Sscanf(p, "%d", &n)
			if n < 1 || n > maxPosition {
				t.Fatalf("lexeme %s position %d out of range", lex, n)
			}
		}
	}
}
