package timex

import (
	"strings"
	"time"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/arabic"
)

// yearCue are the words after which a number in 1900–2100 is a year:
// "عام 2011", "ثورة 2011", "في 2017", "منذ 2011", "مطلع 2022".
var yearCue = map[string]bool{
	"عام": true, "العام": true, "سنه": true, "السنه": true, "عامي": true, "سنتي": true,
	"في": true, "منذ": true, "خلال": true, "حتي": true, "قبل": true, "بعد": true, "بحلول": true, "طوال": true,
	"مطلع": true, "منتصف": true, "اواخر": true, "اواءل": true, "بدايه": true, "نهايه": true, "مستهل": true, "اواسط": true,
	"ثوره": true, "انتخابات": true, "موسم": true, "مونديال": true, "اولمبياد": true, "كاس": true, "رءيه": true,
	"حرب": true, "احداث": true, "انتفاضه": true, "ازمه": true, "صيف": true, "شتاء": true, "خريف": true, "ربيع": true,
	"ميزانيه": true, "موازنه": true, "دستور": true, "اتفاق": true, "اتفاقيه": true, "نكسه": true, "نكبه": true,
	"عن": true, "لعام": true, "ومنذ": true, "بتاريخ": true,
}

// yearFollowers are the particles that may follow a bracketed year: a
// count is followed by what it counts.
var yearFollowers = map[string]bool{"الي": true, "في": true, "من": true, "ثم": true, "حتي": true, "بعد": true, "قبل": true,
	"عندما": true, "حين": true, "حيث": true, "او": true, "و": true, "وهي": true, "وهو": true}

// nameAfterAnd reports whether a key is و and a word the lexicon does not
// know (وطنجة، وليبرفيل): the next item of a list of places or titles,
// not a counted noun (وحدة، وظيفة).
func nameAfterAnd(k string) bool {
	rest, ok := strings.CutPrefix(k, "و")
	return ok && len(rest) >= 4 && !arabic.Known(k) && !arabic.Known(rest)
}

// eventYearCues are the event nouns among the year cues: their name may
// take adjectives before the year.
var eventYearCues = map[string]bool{
	"ثوره": true, "انتخابات": true, "حرب": true, "احداث": true, "انتفاضه": true, "ازمه": true, "نكسه": true, "نكبه": true,
}

// eventCue returns the year cue of an event noun, with or without the
// article (الانتفاضة → انتفاضه), or "".
func eventCue(k string) string {
	k = strings.TrimPrefix(k, "و")
	if eventYearCues[k] {
		return k
	}
	if r, ok := strings.CutPrefix(k, "ال"); ok && eventYearCues[r] {
		return r
	}
	return ""
}

// yearSelf are cues that belong to the expression text ("عام 2011");
// prepositions and event nouns stay outside it.
var yearSelf = map[string]bool{"عام": true, "العام": true, "سنه": true, "السنه": true}

// countedNoun are words that make a number before them a count, not a
// year: "في 2000 منزل", "حتى 1950 دولارا".
var countedNoun = map[string]bool{
	"الف": true, "الفا": true, "مليون": true, "مليار": true, "دولار": true, "دولارا": true, "ريال": true, "ريالا": true,
	"جنيه": true, "درهم": true, "دينار": true, "يورو": true, "طن": true, "كيلو": true, "متر": true, "كم": true,
	"كيلومتر": true, "برميل": true, "شخص": true, "شخصا": true, "قتيل": true, "قتيلا": true, "مقاتل": true, "جندي": true,
	"عنصر": true, "منزل": true, "وحده": true, "طالب": true, "طالبا": true, "موظف": true, "حاله": true, "مرتزق": true,
	"ميجاوات": true, "ميغاواط": true, "نسمه": true, "عامل": true, "لاجء": true, "سياره": true, "صاروخ": true,
}

// yearAtCue reads a year led by a cue word, or followed by an era mark.
// After عام/سنة (strong cues) any year from 1000 is taken; after a
// preposition or event noun only 1900–2100, and not before a counted noun.
// A year in 1350–1500 after a strong cue, or with هـ, is Hijri ("عام
// 1434", "العام 1436هـ") and spans the Gregorian days of that year.
func (p *parser) yearAtCue(i int) (match, bool) {
	start := i
	cue := p.key(i)
	j := i
	if yearCue[cue] {
		j = i + 1
		if !yearSelf[cue] {
			start = j
		}
	}
	if k := eventCue(cue); k != "" && p.num(i+1) < 0 {
		// An event named with its adjectives before the year: «الانتفاضة
		// الأولى 1987»، «الحرب العالمية الثانية 1939».
		for n := i + 1; n <= i+2 && n < len(p.toks) && strings.HasPrefix(p.key(n), "ال"); n++ {
			if p.num(n+1) >= 0 && p.toks[n+1].digits == 4 {
				j, start, cue = n+1, n+1, k
				break
			}
		}
	}
	// A year in brackets, after a cue («عام (1933)»، «في (1948)») or alone
	// before punctuation («حجة بيع أرض (1918).»): archives and references
	// print it so.
	paren, bare := false, false
	if p.isPunct(j, "(") {
		paren, bare = true, j == i
		j++
	}
	if j >= len(p.toks) || p.toks[j].Kind != arabic.Number || p.toks[j].digits != 4 {
		return match{}, false
	}
	y := p.toks[j].num
	end := j + 1
	if paren {
		if !p.isPunct(end, ")") {
			return match{}, false
		}
		end++
	}
	era := p.key(end)
	strong := yearSelf[cue] || cue == "عامي" || cue == "سنتي" || cue == "بتاريخ"
	hijriYear := false
	switch {
	case hijriEra[era]:
		hijriYear = true
		end++
	case gregorianEra[era]:
		end++
		if y < 1000 || y > 2100 {
			return match{}, false
		}
	case j == i:
		return match{}, false
	case bare:
		// Alone in brackets, a year is one only where the sentence or a
		// clause ends after it, or a particle goes on («من مونتريال (2009)
		// إلى تونس (2010) وطنجة»): «(1305) مشروعات» counts.
		if y < 1800 || y > 2100 || end < len(p.toks) && p.toks[end].Kind != arabic.Punct && !yearFollowers[p.key(end)] && !nameAfterAnd(p.key(end)) {
			return match{}, false
		}
	case strong && y >= 1350 && y <= 1500:
		hijriYear = true
	case strong && y >= 1000 && y <= 2100:
	case y >= 1900 && y <= 2100:
		if countedNoun[p.key(end)] || p.isPunct(end, "%٪") {
			return match{}, false
		}
	default:
		return match{}, false
	}
	// "1790 قبل الميلاد", "500 ق.م", "بين عامي 1798 و1790 قبل الميلاد" are
	// not on this calendar.
	for k := end; k < end+4 && k < len(p.toks); k++ {
		if p.key(k) == "قبل" && p.key(k+1) == "الميلاد" || p.key(k) == "ق" && p.isPunct(k+1, ".") {
			return match{}, false
		}
		if k > end && (cue != "عامي" && cue != "سنتي") {
			break
		}
	}
	// "موسم 2011-2012": the range rule reads the two years.
	if p.isPunct(end, "-–") && p.adjacent(end) && p.num(end+1) >= 0 {
		return match{}, false
	}
	if hijriYear {
		from, ok1 := hijriToGregorian(y, 1, 1)
		to, ok2 := hijriToGregorian(y+1, 1, 1)
		if !ok1 || !ok2 {
			return match{}, false
		}
		return match{start: start, end: end, lo: point{from, marsad.Day}, hi: point{to.AddDate(0, 0, -1), marsad.Day}}, true
	}
	return match{start: start, end: end, lo: yearPoint(y)}, true
}

// fractionAt reads a half or quarter of a year: "النصف الأول من عام
// 2015", "الربع الثالث من العام الجاري", "النصف الثاني من 2016".
func (p *parser) fractionAt(i int) (match, bool) {
	size := 0
	switch p.key(i) {
	case "النصف":
		size = 6
	case "الربع":
		size = 3
	default:
		return match{}, false
	}
	n, ok := map[string]int{"الاول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الاخير": 12 / size}[p.key(i+1)]
	if !ok || n*size > 12 || p.key(i+2) != "من" {
		return match{}, false
	}
	j := i + 3
	var year match
	if m, ok := p.calendarUnitAt(j); ok && m.lo.g == marsad.Year {
		year = m
	} else if m, ok := p.yearAtCue(j); ok && !m.isRange() {
		year = m
	} else if y, e, ok := p.yearAt(j); ok {
		year = match{end: e, lo: yearPoint(y)}
	} else {
		return match{}, false
	}
	y := year.lo.t.Year()
	from := time.Month((n-1)*size + 1)
	return match{start: i, end: year.end, lo: monthPoint(y, from), hi: monthPoint(y, from+time.Month(size-1)), rel: year.rel}, true
}

// partAt reads the start, middle or end of a year or month: "مطلع 2022",
// "منتصف الشهر", "أواخر العام", "نهاية العام الماضي", "مطلع سبتمبر
// 2023", "منتصف عام 2019". A year splits into thirds of four months, a
// month into days 1–10, 11–20 and 21 to its end.
func (p *parser) partAt(i int) (match, bool) {
	var third int
	switch p.key(i) {
	case "مطلع", "اواءل", "بدايه", "مستهل", "بدء":
		third = 0
	case "منتصف", "اواسط", "وسط":
		third = 1
	case "اواخر", "نهايه", "ختام":
		third = 2
	default:
		return match{}, false
	}
	j := i + 1
	var whole match
	var kind unitKind
	if m, ok := p.calendarUnitAt(j); ok && m.lo.g != marsad.Week {
		whole = m
	} else if k := p.key(j); (k == "العام" || k == "السنه" || k == "الشهر") && !otherYear[p.key(j+1)] {
		if yy, e, ok := p.yearAt(j + 1); ok {
			whole = match{start: j, end: e, lo: yearPoint(yy)}
		} else {
			whole = match{start: j, end: j + 1, lo: p.shiftUnit(map[bool]unitKind{true: months, false: years}[k == "الشهر"], 0), rel: true}
		}
	} else if m, ok := p.calendarDateAt(j); ok && !m.isRange() && m.lo.g == marsad.Month {
		whole = m
	} else if m, ok := p.monthRelAt(j); ok {
		whole = m
	} else if m, ok := p.yearAtCue(j); ok {
		whole = m
	} else if y, e, ok := p.yearAt(j); ok {
		whole = match{start: j, end: e, lo: yearPoint(y)}
	} else if mon, e, _, ok := p.monthAt(j); ok {
		whole = match{start: j, end: e, lo: monthPoint(p.anchor.Year(), mon), rel: true}
	} else {
		return match{}, false
	}
	switch whole.lo.g {
	case marsad.Year:
		kind = years
	case marsad.Month:
		kind = months
	default:
		return match{}, false
	}
	t := whole.lo.t
	m := match{start: i, end: whole.end, rel: whole.rel}
	if kind == years {
		m.lo = monthPoint(t.Year(), time.Month(1+4*third))
		m.hi = monthPoint(t.Year(), time.Month(4+4*third))
		return m, true
	}
	last := t.AddDate(0, 1, -1).Day()
	from, to := 1+10*third, 10+10*third
	if third == 2 {
		to = last
	}
	m.lo = point{time.Date(t.Year(), t.Month(), from, 0, 0, 0, 0, time.UTC), marsad.Day}
	m.hi = point{time.Date(t.Year(), t.Month(), to, 0, 0, 0, 0, time.UTC), marsad.Day}
	return m, true
}

// seasonAt reads a season of a year: "صيف 2013", "خريف العام الماضي",
// "شتاء 2019" (meteorological seasons: winter Y is December Y−1 to
// February Y).
func (p *parser) seasonAt(i int) (match, bool) {
	var first time.Month
	switch p.key(i) {
	case "ربيع":
		first = 3
	case "صيف":
		first = 6
	case "خريف":
		first = 9
	case "شتاء":
		first = 0 // December of the year before
	default:
		return match{}, false
	}
	j := i + 1
	var year match
	if yearWord[p.key(j)] && p.num(j+1) >= 0 {
		j++
	}
	if y, e, ok := p.yearAt(j); ok {
		year = match{end: e, lo: yearPoint(y)}
	} else if m, ok := p.calendarUnitAt(j); ok && m.lo.g == marsad.Year {
		year = m
	} else {
		return match{}, false
	}
	y := year.lo.t.Year()
	return match{start: i, end: year.end, lo: monthPoint(y, first), hi: monthPoint(y, first+2), rel: year.rel}, true
}

// otherYear are the words after العام that name a year not on the
// Gregorian calendar: Hijri, school, fiscal.
var otherYear = map[string]bool{"الهجري": true, "الهجريه": true, "الدراسي": true, "المالي": true, "الجامعي": true, "الاكاديمي": true}

// rangeAt reads "بين X و Y", "من X إلى/حتى Y", "X - Y" where X and Y
// are dates, months or years ("بين أبريل/نيسان 2019 ويونيو/حزيران 2020",
// "بين عامي 2019 و2020", "من 10 إلى 12 سبتمبر", "2019-2020"). A left end
// without a year (or month) takes it from the right end.
func (p *parser) rangeAt(i int) (match, bool) {
	j := i
	switch p.key(i) {
	case "بين", "من", "منذ", "خلال", "طوال", "الفتره", "يومي":
		j++
		if k := p.key(j); k == "عامي" || k == "سنتي" || k == "العامين" {
			j++
		}
	case "عامي", "سنتي": // "عامي 2005 و2006": the dual names two years
		j++
	}
	lo, ok := p.endpointAt(j)
	if !ok {
		return match{}, false
	}
	// The joint: إلى, حتى, a dash, or و (own token or proclitic) after
	// بين ("بين X وY"; without بين, "X وY" lists two dates).
	k := lo.end
	both := p.key(i) == "بين" || p.key(i) == "يومي" || p.key(i) == "عامي" || p.key(i) == "سنتي" ||
		p.key(i+1) == "عامي" || p.key(i+1) == "سنتي"
	switch k2 := p.key(k); {
	case k2 == "الي" || k2 == "حتي" || k2 == "وحتي" || k2 == "لغايه" || k2 == "ولغايه":
		k++
	case p.isPunct(k, "-–/"):
		k++
	case both && k2 == "و":
		k++
	case both && k < len(p.toks) && p.toks[k].conj:
	default:
		return match{}, false
	}
	if p.key(k) == "عام" || p.key(k) == "العام" || p.key(k) == "سنه" {
		k++
	}
	hi, ok := p.endpointAt(k)
	if !ok {
		return match{}, false
	}
	if j == i && lo.yearOnly && hi.yearOnly && !(lo.end == k-1 && p.isPunct(k-1, "-–/")) {
		// Two bare years need a cue ("بين", "من") or a dash: "2019 و2020"
		// alone is two numbers.
		return match{}, false
	}
	if j == i && !lo.yearOnly && lo.bare {
		return match{}, false
	}
	// Fill the left end from the right end: "من 10 إلى 12 سبتمبر 2023",
	// "بين أبريل ويونيو 2020".
	l, h := lo.m, hi.m
	switch {
	case lo.bare && lo.day > 0 && h.hijriYear > 0:
		t, ok := hijriToGregorian(h.hijriYear, h.hijriMonth, lo.day)
		if !ok {
			return match{}, false
		}
		l.lo = point{t, marsad.Day}
	case lo.bare && lo.day > 0 && h.lo.g == marsad.Day:
		pt, ok := validDay(h.lo.t.Year(), h.lo.t.Month(), lo.day)
		if !ok {
			return match{}, false
		}
		l.lo = pt
		l.rel = h.rel
	case lo.bare && lo.day > 0:
		return match{}, false
	case lo.noYear && (h.lo.g == marsad.Month || h.lo.g == marsad.Day) && !h.rel:
		l.lo.t = time.Date(h.lo.t.Year(), l.lo.t.Month(), l.lo.t.Day(), 0, 0, 0, 0, time.UTC)
		l.rel = false
	}
	if h.isRange() || l.isRange() || !l.lo.t.Before(h.lo.end()) {
		return match{}, false
	}
	start := i
	if j == i || p.key(i) == "بين" || p.key(i) == "من" || p.key(i) == "منذ" {
		start = i
	}
	if p.key(i) == "خلال" || p.key(i) == "طوال" || p.key(i) == "الفتره" {
		start = j
	}
	return match{start: start, end: h.end, lo: l.lo, hi: h.lo, rel: l.rel || h.rel}, true
}

// endpoint is one end of a range.
type endpoint struct {
	m        match
	end      int
	bare     bool // a lone day number, completed by the other end
	day      int
	noYear   bool // a month or day-month whose year comes from the other end
	yearOnly bool
}

func (p *parser) endpointAt(i int) (endpoint, bool) {
	if m, ok := p.calendarDateAt(i); ok && !m.isRange() {
		return endpoint{m: m, end: m.end, noYear: m.rel}, true
	}
	if k := p.key(i); (k == "عام" || k == "العام" || k == "سنه") && p.num(i+1) >= 0 {
		i++
	}
	if y, e, ok := p.yearAt(i); ok {
		return endpoint{m: match{start: i, end: e, lo: yearPoint(y)}, end: e, yearOnly: true}, true
	}
	if mon, e, strong, ok := p.monthAt(i); ok && strong {
		return endpoint{m: match{start: i, end: e, lo: monthPoint(p.anchor.Year(), mon), rel: true}, end: e, noYear: true}, true
	}
	if d, ok := p.dayAt(i); ok && i < len(p.toks) && p.toks[i].Kind == arabic.Number {
		return endpoint{m: match{start: i, end: i + 1}, end: i + 1, bare: true, day: d}, true
	}
	return endpoint{}, false
}

// clockOnlyAt reads a time of day led by الساعة: "الساعة 21:15 بتوقيت
// غرينتش" is on the anchor day; "الساعة 16:49 من مساء أمس", "الساعة
// 14:38 بتوقيت غرينتش أمس" and "الساعة 10:00 صباح يوم الأحد" take the day
// named after it.
func (p *parser) clockOnlyAt(i int) (match, bool) {
	if k := p.key(i); k != "الساعه" {
		return match{}, false
	}
	m, ok := p.timeAt(i, p.anchor)
	if !ok {
		return match{}, false
	}
	m.start, m.rel = i, true
	k := m.end
	if p.key(k) == "من" {
		k++
	}
	pod := ""
	if partOfDay[p.key(k)] {
		pod = p.key(k)
		k++
	}
	for _, rule := range []func(int) (match, bool){p.dateAt, p.dayWordAt, p.weekdayAt} {
		d, ok := rule(k)
		if !ok || d.isRange() || d.lo.g != marsad.Day {
			continue
		}
		t := m.lo.t
		h := t.Hour()
		switch pod {
		case "مساء", "ليل", "ليله", "عصر":
			if h < 12 {
				h += 12
			}
		case "ظهر":
			if h < 6 {
				h += 12
			}
		}
		day := d.lo.t
		m.lo.t = time.Date(day.Year(), day.Month(), day.Day(), h, t.Minute(), 0, 0, t.Location())
		m.end, m.rel, m.unresolved = d.end, d.rel, d.unresolved
		return m, true
	}
	return m, true
}
