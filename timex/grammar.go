package timex

import (
	"time"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/arabic"
)

// point is the start of a calendar unit: a year, month, ISO week, day or
// minute. t is midnight UTC for day and coarser units; a minute keeps the
// zone the text gave (UTC when it gave none).
type point struct {
	t time.Time
	g marsad.Granularity
}

// end is the exclusive end of the unit that p starts.
func (p point) end() time.Time {
	switch p.g {
	case marsad.Year:
		return p.t.AddDate(1, 0, 0)
	case marsad.Month:
		return p.t.AddDate(0, 1, 0)
	case marsad.Week:
		return p.t.AddDate(0, 0, 7)
	case marsad.Minute:
		return p.t.Add(time.Minute)
	}
	return p.t.AddDate(0, 0, 1)
}

// String formats p in the marsad.TimeExpr.Value format.
func (p point) String() string {
	switch p.g {
	case marsad.Year:
		return p.t.Format("2006")
	case marsad.Month:
		return p.t.Format("2006-01")
	case marsad.Week:
		y, w := p.t.ISOWeek()
		return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC).Format("2006") + "-W" + twoDigits(w)
	case marsad.Minute:
		return p.t.Format(time.RFC3339)
	}
	return p.t.Format("2006-01-02")
}

func twoDigits(n int) string {
	return string([]byte{byte('0' + n/10%10), byte('0' + n%10)})
}

func dayPoint(t time.Time) point {
	return point{time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), marsad.Day}
}

func monthPoint(y int, m time.Month) point {
	return point{time.Date(y, m, 1, 0, 0, 0, 0, time.UTC), marsad.Month}
}

func yearPoint(y int) point {
	return point{time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), marsad.Year}
}

// weekPoint is the ISO week (starting Monday) that contains t.
func weekPoint(t time.Time) point {
	d := dayPoint(t).t
	off := (int(d.Weekday()) + 6) % 7 // days since Monday
	return point{d.AddDate(0, 0, -off), marsad.Week}
}

// match is one expression the grammar recognised: tokens [start, end).
// hi is set (hi.g != "") for a range. rel is true when the value depends
// on the anchor.
type match struct {
	start, end int
	lo, hi     point
	rel        bool
	// unresolved is true when the value depends on a reference the
	// grammar cannot see ("بعد يومين" inside a story): the expression is
	// found but gets no value, anchor or not.
	unresolved bool
	// hijriYear and hijriMonth are set for a Hijri day, so that a range
	// "من 11 إلى 22 شوال 1436هـ" can complete its left end.
	hijriYear, hijriMonth int
}

func (m match) isRange() bool { return m.hi.g != "" }

// parser runs the grammar over one text's tokens.
type parser struct {
	toks []token
	// anchor is midnight UTC of the publication day, or a fixed stand-in
	// when there is none (matches that read it are then left unresolved).
	anchor time.Time
	// ruleList caches rules(): building it per token would allocate.
	ruleList []func(int) (match, bool)
	// noShortcut runs every rule at every token (see canStart).
	noShortcut bool
}

func (p *parser) key(i int) string {
	if i < 0 || i >= len(p.toks) {
		return ""
	}
	return p.toks[i].key
}

func (p *parser) num(i int) int {
	if i < 0 || i >= len(p.toks) {
		return -1
	}
	return p.toks[i].num
}

func (p *parser) isPunct(i int, set string) bool {
	if i < 0 || i >= len(p.toks) || p.toks[i].Kind != arabic.Punct {
		return false
	}
	for _, r := range set {
		if string(r) == p.toks[i].Text {
			return true
		}
	}
	return false
}

// adjacent reports whether token i starts where token i-1 ends.
func (p *parser) adjacent(i int) bool {
	return i > 0 && i < len(p.toks) && p.toks[i].Start == p.toks[i-1].End
}

// skipComma steps over one comma (Arabic or Latin) at i.
func (p *parser) skipComma(i int) int {
	if p.isPunct(i, "،,") {
		return i + 1
	}
	return i
}

// monthAt reads a Gregorian month name at i, with its regional alias after
// a slash, in brackets or just after a space ("سبتمبر/أيلول", "ديسمبر/
// كانون الأول", "أيلول (سبتمبر)", "مارس آذار", "تشرين الثاني/نوفمبر").
// strong is false for a lone name that is also a common word (آب); the
// caller then needs a day or year next to it.
func (p *parser) monthAt(i int) (m time.Month, end int, strong, ok bool) {
	m, end, ok = p.monthName(i)
	if !ok {
		return 0, i, false, false
	}
	strong = !ambiguousMonths[p.key(i)]
	j := end
	paren := false
	switch {
	case p.isPunct(j, "/-"):
		j++
	case p.isPunct(j, "("):
		j, paren = j+1, true
	}
	if m2, e2, ok2 := p.monthName(j); ok2 && m2 == m {
		end, strong = e2, true
		if paren && p.isPunct(end, ")") {
			end++
		}
	}
	return m, end, strong, true
}

// monthName reads one Gregorian month name, one or two words. The
// Levantine كانون and تشرين take الأول/الثاني, also written ثاني, ثان,
// أول.
func (p *parser) monthName(i int) (time.Month, int, bool) {
	k := p.key(i)
	if m, ok := gregorianMonths[k]; ok {
		return m, i + 1, true
	}
	if pair, ok := levantineMonths[k]; ok {
		switch p.key(i + 1) {
		case "الاول", "اول":
			return pair[0], i + 2, true
		case "الثاني", "ثاني", "ثان":
			return pair[1], i + 2, true
		}
	}
	return 0, i, false
}

// hijriMonthAt reads a Hijri month name at i.
func (p *parser) hijriMonthAt(i int) (int, int, bool) {
	k := p.key(i)
	if pairs, ok := hijriPairs[k]; ok {
		if m, ok := pairs[p.key(i+1)]; ok {
			return m, i + 2, true
		}
		return 0, i, false
	}
	if m, ok := hijriMonths[k]; ok && m > 0 {
		return m, i + 1, true
	}
	return 0, i, false
}

// yearAt reads a Gregorian year (1900–2100) at i, with an optional era
// mark (2011م, 2011 ميلادي).
func (p *parser) yearAt(i int) (int, int, bool) {
	y := p.num(i)
	if y < 1900 || y > 2100 || p.toks[i].digits != 4 {
		return 0, i, false
	}
	end := i + 1
	if gregorianEra[p.key(end)] {
		end++
	}
	return y, end, true
}

// dayAt reads a day-of-month number at i.
func (p *parser) dayAt(i int) (int, bool) {
	d := p.num(i)
	if d < 1 || d > 31 || p.toks[i].digits > 2 {
		return 0, false
	}
	return d, true
}

// validDay builds a day point, rejecting 31 February and the like instead
// of letting time.Date roll it over.
func validDay(y int, m time.Month, d int) (point, bool) {
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if t.Year() != y || t.Month() != m || t.Day() != d {
		return point{}, false
	}
	return point{t, marsad.Day}, true
}
