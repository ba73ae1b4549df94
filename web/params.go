package web

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/marsad-news/marsad"
)

// Paging bounds. A limit above maxLimit is cut to it rather than refused, so
// that a client asking for "everything" gets a page; an offset above
// maxOffset is refused, since no analyst pages that far and a store would
// scan to reach it.
const (
	defaultLimit = 20
	maxLimit     = 100
	maxOffset    = 1_000_000
	maxQueryLen  = 500 // code points of a search query or name filter
)

// paging is a validated limit and offset.
type paging struct {
	Limit  int
	Offset int
}

// parsePaging reads limit and offset, or page (1-based, pages of the limit)
// for the HTML pages. A malformed value is an EINVALID error.
func parsePaging(v url.Values, def int) (paging, error) {
	limit, err := parseLimit(v, def, maxLimit)
	if err != nil {
		return paging{}, err
	}
	p := paging{Limit: limit}
	if s := v.Get("offset"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 || n > maxOffset {
			return paging{}, marsad.Errorf(marsad.EINVALID, "offset: want a whole number from 0 to %d, got %q", maxOffset, clip(s))
		}
		p.Offset = n
	}
	if s := v.Get("page"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > maxOffset/p.Limit+1 {
			return paging{}, marsad.Errorf(marsad.EINVALID, "page: want a whole number ≥ 1, got %q", clip(s))
		}
		p.Offset = (n - 1) * p.Limit
	}
	return p, nil
}

// parseLimit reads limit: def when absent or 0, cut to most.
func parseLimit(v url.Values, def, most int) (int, error) {
	s := v.Get("limit")
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return 0, marsad.Errorf(marsad.EINVALID, "limit: want a whole number ≥ 0, got %q", clip(s))
	}
	if n == 0 {
		return def, nil
	}
	return min(n, most), nil
}

// parseDateParam reads a date bound in one of marsad.ParseDate's forms;
// the zero time when absent.
func parseDateParam(v url.Values, name string) (time.Time, error) {
	s := v.Get(name)
	if s == "" {
		return time.Time{}, nil
	}
	d, err := marsad.ParseDate(s)
	if err != nil {
		return time.Time{}, marsad.Errorf(marsad.EINVALID, "%s: want YYYY, YYYY-MM, YYYY-MM-DD or RFC 3339, got %q", name, clip(s))
	}
	return d.Time, nil
}

// page is the 1-based page number of p.
func (p paging) page() int { return p.Offset/p.Limit + 1 }

// parseText reads a free-text parameter (query, name, speaker): trimmed,
// valid UTF-8, at most maxQueryLen code points. required makes an empty
// value an error.
func parseText(v url.Values, name string, required bool) (string, error) {
	s := strings.TrimSpace(v.Get(name))
	if !utf8.ValidString(s) {
		return "", marsad.Errorf(marsad.EINVALID, "%s: not valid UTF-8", name)
	}
	if required && s == "" {
		return "", marsad.Errorf(marsad.EINVALID, "%s: empty", name)
	}
	if utf8.RuneCountInString(s) > maxQueryLen {
		return "", marsad.Errorf(marsad.EINVALID, "%s: longer than %d characters", name, maxQueryLen)
	}
	return s, nil
}

// parseKind reads a quote kind; empty means any.
func parseKind(v url.Values) (marsad.QuoteKind, error) {
	switch k := marsad.QuoteKind(v.Get("kind")); k {
	case "", marsad.Statement, marsad.Claim, marsad.Denial, marsad.Confirmation:
		return k, nil
	default:
		return "", marsad.Errorf(marsad.EINVALID, "kind: want statement, claim, denial or confirmation, got %q", clip(string(k)))
	}
}

// parseEntityType reads an entity type; empty means any.
func parseEntityType(v url.Values) (marsad.EntityType, error) {
	switch t := marsad.EntityType(strings.ToUpper(v.Get("type"))); t {
	case "", marsad.Person, marsad.Location, marsad.Organization, marsad.Misc:
		return t, nil
	default:
		return "", marsad.Errorf(marsad.EINVALID, "type: want PER, LOC, ORG or MISC, got %q", clip(v.Get("type")))
	}
}

// timePrefix is the form of the timeline's from and to bounds: a prefix of
// a TimeExpr value at year, month, week or day precision.
var timePrefix = regexp.MustCompile(`^\d{4}(-(\d{2}(-\d{2})?|W\d{2}))?$`)

// parseTimeBound reads a from or to bound.
func parseTimeBound(v url.Values, name string) (string, error) {
	s := v.Get(name)
	if s != "" && !timePrefix.MatchString(s) {
		return "", marsad.Errorf(marsad.EINVALID, "%s: want YYYY, YYYY-MM, YYYY-Www or YYYY-MM-DD, got %q", name, clip(s))
	}
	return s, nil
}

// parseID reads a numeric path id (article, story).
func parseID(s, what string) (int64, error) {
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 {
		return 0, marsad.Errorf(marsad.EINVALID, "%s id: want a positive whole number, got %q", what, clip(s))
	}
	return id, nil
}

// parseOptionalID reads a numeric query id; 0 when absent.
func parseOptionalID(v url.Values, name string) (int64, error) {
	s := v.Get(name)
	if s == "" {
		return 0, nil
	}
	return parseID(s, name)
}

// clip shortens a user value quoted back in an error message, so that an
// error body never echoes a huge parameter.
func clip(s string) string {
	const n = 40
	if len(s) <= n {
		return s
	}
	for i := n; i > 0; i-- {
		if utf8.RuneStart(s[i]) {
			return s[:i] + "…"
		}
	}
	return ""
}
