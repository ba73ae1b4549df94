package timex

import (
	"strings"
	"time"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/arabic"
)

// machineLayouts are the forms feeds and HTML metadata use (RFC 3339,
// RSS's RFC 1123, SQL timestamps); they are tried before the Arabic
// grammar.
var machineLayouts = []struct {
	layout string
	g      marsad.Granularity
}{
	{time.RFC3339Nano, marsad.Minute},
	{time.RFC3339, marsad.Minute},
	{"2006-01-02T15:04:05", marsad.Minute},
	{"2006-01-02T15:04", marsad.Minute},
	{"2006-01-02 15:04:05Z07:00", marsad.Minute},
	{"2006-01-02 15:04:05 -0700", marsad.Minute},
	{"2006-01-02 15:04:05", marsad.Minute},
	{"2006-01-02 15:04", marsad.Minute},
	{time.RFC1123Z, marsad.Minute},
	{time.RFC1123, marsad.Minute},
	{"Mon, 2 Jan 2006 15:04:05 -0700", marsad.Minute},
	{"Mon, 2 Jan 2006 15:04:05 MST", marsad.Minute},
	{"Mon, 2 Jan 2006 15:04 -0700", marsad.Minute},
	{"2 Jan 2006 15:04:05 -0700", marsad.Minute},
	{time.RFC850, marsad.Minute},
	{time.ANSIC, marsad.Minute},
	{time.RFC822Z, marsad.Minute},
	{time.RFC822, marsad.Minute},
	{"2006-01-02", marsad.Day},
	{"Monday, January 2, 2006", marsad.Day},
	{"Mon, Jan 2, 2006", marsad.Day},
	{"Monday, 2 January 2006", marsad.Day},
	{"2006-01", marsad.Month},
	{"January 2006", marsad.Month},
	{"Jan 2006", marsad.Month},
	{"January 2, 2006", marsad.Day},
	{"Jan 2, 2006", marsad.Day},
	{"2 January 2006", marsad.Day},
	{"2 Jan 2006", marsad.Day},
}

// ParseDate parses one absolute date/time string as found in article
// headers and feeds: "2023/09/26 الساعة 21:15 بتوقيت غرينتش" →
// 2023-09-26T21:15:00Z (Granularity Minute), "23 فبراير 2018" → Day,
// "الثلاثاء، 26 سبتمبر/أيلول 2023" → Day, "٢٦/٩/٢٠٢٣",
// "2023-09-26T21:15:00+03:00", "Tue, 26 Sep 2023 21:15:00 +0000",
// "الجمعة، 23 فبراير 2018 10:00". ok is false when s is not one date: empty,
// relative ("أمس"), a year-less day, or two dates.
//
// A few words around the date ("تم النشر:", "آخر تحديث") are allowed; a
// sentence is not.
func ParseDate(s string) (marsad.Date, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 200 {
		return marsad.Date{}, false
	}
	for _, l := range machineLayouts {
		if t, err := time.Parse(l.layout, s); err == nil {
			if _, off := t.Zone(); off == 0 {
				t = t.UTC()
			}
			return marsad.Date{Time: t, Granularity: l.g}, true
		}
	}
	p := &parser{toks: prepare(arabic.Tokenize(s)), anchor: standIn}
	if len(p.toks) == 1 {
		if y, _, ok := p.yearAt(0); ok {
			return marsad.Date{Time: yearPoint(y).t, Granularity: marsad.Year}, true
		}
	}
	var found []match
	for i := 0; i < len(p.toks); {
		m, ok := p.dateAt(i)
		if !ok {
			i++
			continue
		}
		found = append(found, m)
		i = m.end
	}
	all := found
	found = dropHijriTwins(found)
	if len(found) != 1 || found[0].rel || found[0].isRange() {
		return marsad.Date{}, false
	}
	m := found[0]
	// What is left must be a short label, not a sentence or other numbers.
	words := 0
	for i, t := range p.toks {
		if covered(all, i) {
			continue
		}
		switch t.Kind {
		case arabic.Number:
			return marsad.Date{}, false
		case arabic.Word:
			words++
		}
	}
	if words > 5 {
		return marsad.Date{}, false
	}
	return marsad.Date{Time: m.lo.t, Granularity: m.lo.g}, true
}

// dropHijriTwins removes Hijri dates that name the same day as a Gregorian
// date beside them, as Saudi headers print both ("11 ربيع الأول 1445هـ
// الموافق 26 سبتمبر 2023م"). Two days apart still counts: the printed
// Hijri date may follow local sighting, not Umm al-Qura.
func dropHijriTwins(found []match) []match {
	var gregorian *match
	for i := range found {
		if found[i].hijriYear == 0 {
			if gregorian != nil {
				return found // two Gregorian dates: not one date
			}
			gregorian = &found[i]
		}
	}
	if gregorian == nil || gregorian.rel || gregorian.isRange() {
		return found
	}
	for _, m := range found {
		if m.hijriYear == 0 {
			continue
		}
		if d := m.lo.t.Sub(dayPoint(gregorian.lo.t).t); d < -48*time.Hour || d > 48*time.Hour {
			return found
		}
	}
	return []match{*gregorian}
}

// covered reports whether token i lies inside one of the matches.
func covered(ms []match, i int) bool {
	for _, m := range ms {
		if i >= m.start && i < m.end {
			return true
		}
	}
	return false
}
