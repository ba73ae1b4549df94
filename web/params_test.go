package web

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/marsad-news/marsad"
)

func TestParsePaging(t *testing.T) {
	tests := []struct {
		query   string
		want    paging
		wantErr bool
	}{
		{"", paging{20, 0}, false},
		{"limit=5&offset=10", paging{5, 10}, false},
		{"limit=0", paging{20, 0}, false},
		{"limit=100000", paging{maxLimit, 0}, false},
		{"page=3", paging{20, 40}, false},
		{"limit=10&page=2", paging{10, 10}, false},
		{"limit=x", paging{}, true},
		{"limit=-1", paging{}, true},
		{"limit=1e3", paging{}, true},
		{"offset=-5", paging{}, true},
		{"offset=99999999999999999999", paging{}, true},
		{"offset=2000000", paging{}, true},
		{"page=0", paging{}, true},
		{"page=-1", paging{}, true},
		{"page=999999999", paging{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			v, _ := url.ParseQuery(tt.query)
			got, err := parsePaging(v, defaultLimit)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tt.wantErr)
			}
			if err != nil && marsad.ErrorCode(err) != marsad.EINVALID {
				t.Errorf("error code %q, want invalid", marsad.ErrorCode(err))
			}
			if err == nil && got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestParseTimeBound(t *testing.T) {
	for _, ok := range []string{"", "2023", "2023-09", "2023-09-26", "2023-W39"} {
		if _, err := parseTimeBound(url.Values{"from": {ok}}, "from"); err != nil {
			t.Errorf("%q: %v", ok, err)
		}
	}
	for _, bad := range []string{"23", "2023-9", "2023/09", "September", "2023-09-26T10:00", "٢٠٢٣"} {
		if _, err := parseTimeBound(url.Values{"from": {bad}}, "from"); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

// FuzzParseQuery: no query string makes a parser panic; what they accept
// is within bounds, and what they refuse is an EINVALID error whose
// message is short.
func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{
		"q=حفتر&limit=10&offset=20", "limit=-1", "page=0", "kind=denial", "type=per",
		"from=2023-W39&to=2023", "story=7", "q=%ff%fe", "limit=" + "9999999999999999999999",
		"q=" + url.QueryEscape("<script>"), "offset=1000000&page=2",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		v, _ := url.ParseQuery(raw)
		check := func(err error) {
			if err == nil {
				return
			}
			if marsad.ErrorCode(err) != marsad.EINVALID {
				t.Fatalf("%q: error code %q, want invalid", raw, marsad.ErrorCode(err))
			}
			if len(err.Error()) > 300 {
				t.Fatalf("%q: error message of %d bytes echoes the input", raw, len(err.Error()))
			}
		}
		p, err := parsePaging(v, defaultLimit)
		check(err)
		if err == nil && (p.Limit < 1 || p.Limit > maxLimit || p.Offset < 0 || p.Offset > maxOffset+maxLimit*2) {
			t.Fatalf("%q: paging %+v out of bounds", raw, p)
		}
		_, err = parseText(v, "q", true)
		check(err)
		k, err := parseKind(v)
		check(err)
		if err == nil && k != "" && quoteKindClass(k) != string(k) {
			t.Fatalf("%q: kind %q accepted", raw, k)
		}
		typ, err := parseEntityType(v)
		check(err)
		if err == nil && typ != "" && !validEntityType(typ) {
			t.Fatalf("%q: type %q accepted", raw, typ)
		}
		_, err = parseTimeBound(v, "from")
		check(err)
		_, err = parseOptionalID(v, "story")
		check(err)
		_, err = parseDateParam(v, "from")
		check(err)
	})
}

// FuzzHandlerQuery sends any query string to every read endpoint: the
// answer is a 200, 400 or 404, never a panic or a 500.
func FuzzHandlerQuery(f *testing.F) {
	f.Add("q=حفتر&limit=1")
	f.Add("q=%3Cscript%3E&page=2&outlet=x")
	f.Add("entity=haftar&from=2023&to=2023-09&story=7&kind=claim&speaker=x&type=PER&name=y")
	fx := newFixture(f)
	h := newTestServer(f, fx.store).Handler()
	paths := []string{"/", "/search", "/search/feed.atom", "/stories", "/entities", "/api/search", "/api/articles",
		"/api/stories", "/api/entities", "/api/timeline", "/api/quotes", "/stories/7", "/entities/haftar"}
	f.Fuzz(func(t *testing.T, raw string) {
		for _, p := range paths {
			req := httptest.NewRequest(http.MethodGet, p, nil)
			req.URL.RawQuery = raw
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if c := rec.Code; c != 200 && c != 400 && c != 404 {
				t.Fatalf("%s?%s: status %d: %s", p, raw, c, rec.Body.String())
			}
		}
	})
}
