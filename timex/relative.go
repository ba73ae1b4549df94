package timex

import (
	"strings"
	"time"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/arabic"
)

// Relative rules: they read the anchor and mark their match rel.

// dayWordAt reads اليوم, أمس, أول أمس, غدا, بعد غد, الليلة (الماضية) and an
// optional time of day after it.
func (p *parser) dayWordAt(i int) (match, bool) {
	start := i
	if p.key(i) == "يوم" {
		i++
	}
	off, end := 0, i+1
	switch p.key(i) {
	case "اليوم":
		if p.key(i-1) == "هذا" {
			return match{}, false
		}
		// "في ذلك اليوم": a day of the story, not today.
		if k := p.key(i - 1); k == "ذلك" || k == "تلك" {
			return match{start: start, end: i + 1, lo: dayPoint(p.anchor), rel: true, unresolved: true}, true
		}
		// "اليوم التالي" is the day after a moment of the story.
		if k := p.key(i + 1); k == "التالي" || k == "السابق" || k == "نفسه" || k == "ذاته" {
			return match{start: start, end: i + 2, lo: dayPoint(p.anchor), rel: true, unresolved: true}, true
		}
		// "اليوم الوطني", "اليوم العالمي للمرأة", "اليوم الأخير من
		// رمضان": a named or counted day, not today.
		if namedDay[p.key(i+1)] {
			return match{}, false
		}
		// "لتر في اليوم" (a day), "خلال اليوم الدراسي": not today.
		if k := p.key(i - 1); k == "في" || k == "خلال" || k == "طوال" || k == "طيله" {
			return match{}, false
		}
	case "امس", "الامس", "البارحه":
		// "بأمس الحاجة" is أمسّ, "most in need".
		if p.key(i+1) == "الحاجه" || strings.HasPrefix(p.toks[i].Text, "بأ") {
			return match{}, false
		}
		off = -1
		// أمس الأول, البارحة الأولى: the day before yesterday.
		if k := p.key(i + 1); k == "الاول" || k == "الاولي" {
			off, end = -2, i+2
		}
	case "اول":
		if p.key(i+1) == "امس" {
			off, end = -2, i+2
		} else if p.key(i+1) == "من" && p.key(i+2) == "امس" {
			off, end = -2, i+3
		} else {
			return match{}, false
		}
	case "غدا":
		off = 1
	case "الغد":
		// "الغد" is often "the future" ("أساس الغد المشرق"); it is
		// tomorrow after في, يوم or a part of the day.
		if k := p.key(i - 1); k != "في" && k != "يوم" && !partOfDay[k] {
			return match{}, false
		}
		off = 1
	case "غد":
		if start == i { // "غد" alone is too rare to trust; "يوم غد" is not
			return match{}, false
		}
		off = 1
	case "بعد":
		if k := p.key(i + 1); k == "غد" || k == "غدا" {
			off, end = 2, i+2
		} else {
			return match{}, false
		}
	case "الليله":
		if k := p.key(i + 1); k == "الماضيه" || k == "الفاءته" || k == "قبل" && p.key(i+2) == "الماضيه" {
			off, end = -1, i+2
		}
	default:
		return match{}, false
	}
	if p.key(i) == "اليوم" && p.isMediaName(i) {
		return match{}, false
	}
	day := p.anchor.AddDate(0, 0, off)
	m := match{start: start, end: end, lo: dayPoint(day), rel: true}
	// "اليوم (الاثنين)", "أمس /الأحد/", "أمس الأحد": the weekday the
	// writer names wins over the day word, which only says it is recent
	// (and feeds often stamp articles a day after they were written).
	if w, wd, ok := p.weekdayAfter(end); ok {
		w.start = start
		if off > 0 { // "غدا الأربعاء": the first such day after the anchor
			fwd := (int(wd) - int(p.anchor.Weekday()) + 7) % 7
			if fwd == 0 {
				fwd = 7
			}
			w.lo = dayPoint(p.anchor.AddDate(0, 0, fwd))
		}
		return w, true
	}
	if tm, ok := p.timeAt(end, day); ok {
		m.lo, m.end = tm.lo, tm.end
	}
	return m, true
}

// weekdayAfter reads a weekday right after a day word, bare or in
// brackets or slashes, and resolves it as a bare weekday.
func (p *parser) weekdayAfter(i int) (match, time.Weekday, bool) {
	j := i
	open := p.isPunct(j, "(/[-")
	if open {
		j++
	}
	wd, ok := weekdays[p.key(j)]
	if !ok {
		return match{}, 0, false
	}
	w, ok := p.weekdayAt(j)
	if !ok {
		return match{}, 0, false
	}
	if open && p.isPunct(w.end, ")/]-") {
		w.end++
	}
	return w, wd, true
}

// mediaPlaces are the place names that outlets put before اليوم in their
// names: "روسيا اليوم", "المغرب اليوم", "أخبار اليوم".
var mediaPlaces = map[string]bool{
	"روسيا": true, "المغرب": true, "مصر": true, "اخبار": true, "فلسطين": true, "السودان": true, "ليبيا": true,
	"اليمن": true, "تركيا": true, "العراق": true, "سوريا": true, "الجزاءر": true, "تونس": true, "لبنان": true,
	"الاردن": true, "ايران": true, "الخليج": true, "الوطن": true, "الشرق": true, "السعوديه": true, "الكويت": true,
	"قطر": true, "البحرين": true, "عمان": true, "الامارات": true, "الاقتصاد": true, "العرب": true,
	"عين": true, "المدينه": true, "الجزيره": true, "العالم": true,
}

// mediaNouns introduce an outlet's name.
var mediaNouns = map[string]bool{
	"وكاله": true, "موقع": true, "قناه": true, "صحيفه": true, "شبكه": true, "جريده": true, "مجله": true,
	"لوكاله": true, "لموقع": true, "لقناه": true, "لصحيفه": true, "لشبكه": true, "لجريده": true, "لمجله": true,
	"بوكاله": true, "بموقع": true, "بقناه": true, "بصحيفه": true, "تلفزيون": true, "فضاءيه": true,
}

// isMediaName reports whether اليوم at i ends an outlet's name: a place
// name before it that is itself led by a media noun, a quote, a dash or
// a line start, or followed by a quote or "للأنباء".
func (p *parser) isMediaName(i int) bool {
	// “عكاظ اليوم”, «اليوم»: a name in quotes.
	if p.isPunct(i+1, "\"”»") && (p.isPunct(i-1, "\"“«") || p.isPunct(i-2, "\"“«")) {
		return true
	}
	if i == 0 || !mediaPlaces[p.key(i-1)] {
		return false
	}
	before := i - 2
	switch {
	case before < 0, p.toks[i-1].LineStart, mediaNouns[p.key(before)]:
		return true
	case p.isPunct(before, "\"“«-–:"):
		return true
	case p.isPunct(i+1, "\"”»"), p.key(i+1) == "للانباء":
		return true
	}
	return false
}

// namedDay are the adjectives that make "اليوم" a named or counted day.
var namedDay = map[string]bool{
	"الوطني": true, "العالمي": true, "الدولي": true, "العربي": true, "الاول": true, "الثاني": true,
	"الثالث": true, "الرابع": true, "الخامس": true, "الاخير": true, "الختامي": true, "الافتتاحي": true,
	"المفتوح": true, "الموعود": true, "المشهود": true, "الاخر": true, "الدراسي": true, "الكامل": true,
}

// weekdayAt reads [يوم] weekday [الماضي|المقبل]. A bare weekday is the
// latest such day on or before the anchor; الماضي makes it strictly
// before, المقبل/القادم strictly after.
func (p *parser) weekdayAt(i int) (match, bool) {
	j := i
	if p.key(j) == "يوم" {
		j++
	}
	open := p.isPunct(j, "(")
	if open {
		j++
	}
	wd, ok := weekdays[p.key(j)]
	if !ok || wd == time.Monday && theTwo[p.key(j-1)] {
		return match{}, false
	}
	end := j + 1
	if open {
		if !p.isPunct(end, ")") {
			return match{}, false
		}
		end++
	}
	a := p.anchor
	back := (int(a.Weekday()) - int(wd) + 7) % 7
	day := a.AddDate(0, 0, -back)
	switch p.key(end) {
	case "الماضي", "الفاءت", "المنصرم", "السابق":
		if back == 0 {
			day = a.AddDate(0, 0, -7)
		}
		end++
	case "المقبل", "القادم":
		fwd := (int(wd) - int(a.Weekday()) + 7) % 7
		if fwd == 0 {
			fwd = 7
		}
		day = a.AddDate(0, 0, fwd)
		end++
	}
	m := match{start: i, end: end, lo: dayPoint(day), rel: true}
	if tm, ok := p.timeAt(end, day); ok {
		m.lo, m.end = tm.lo, tm.end
	}
	return m, true
}

// generalTitle are the nouns that العام qualifies as "general".
var generalTitle = map[string]bool{
	"المدير": true, "الامين": true, "الناءب": true, "المدعي": true, "المراقب": true, "المفتش": true,
	"المنسق": true, "المشرف": true, "القاءد": true, "الراي": true, "الامن": true, "القطاع": true,
	"المال": true, "الشان": true, "الصالح": true, "النظام": true, "الاتحاد": true, "المءتمر": true,
	"الاطار": true, "المدعيه": true, "الرءيس": true, "المستشار": true,
}

// theTwo are the words after which الاثنين means "the two", not Monday:
// "بين الاثنين", "كلا الاثنين".
var theTwo = map[string]bool{"بين": true, "كلا": true, "هذين": true, "هذان": true, "ان": true, "الي": true}

// partOfDay are the words that name a part of a day ("مساء 16 سبتمبر",
// "صباح اليوم"); the day keeps its granularity.
var partOfDay = map[string]bool{
	"صباح": true, "مساء": true, "ظهر": true, "عصر": true, "فجر": true, "ليل": true, "ليله": true,
	"ظهيره": true,
}

// partOfDayAt reads "مساء 16 سبتمبر/أيلول 2023", "صباح اليوم", "مساء
// الأحد".
func (p *parser) partOfDayAt(i int) (match, bool) {
	if !partOfDay[p.key(i)] {
		return match{}, false
	}
	j := i + 1
	if p.key(j) == "يوم" && p.num(j+1) >= 0 {
		j++
	}
	for _, rule := range []func(int) (match, bool){p.dateAt, p.dayWordAt, p.weekdayAt} {
		if m, ok := rule(j); ok {
			m.start = i
			return m, true
		}
	}
	return match{}, false
}

// calendarUnitAt reads الأسبوع/الشهر/العام/السنة with الماضي, المقبل,
// الجاري, and "هذا العام".
func (p *parser) calendarUnitAt(i int) (match, bool) {
	j := i
	this := false
	if k := p.key(j); k == "هذا" || k == "هذه" {
		this = true
		j++
	}
	var kind unitKind
	switch p.key(j) {
	case "الاسبوع":
		kind = weeks
	case "الشهر":
		kind = months
	case "العام", "السنه":
		kind = years
	default:
		return match{}, false
	}
	// "المدير العام السابق", "الأمين العام": العام is "general" there.
	if kind == years && generalTitle[p.key(j-1)] {
		return match{}, false
	}
	end := j + 1
	if kind == years && p.num(end) >= 0 {
		// "هذا العام 1436هـ", "العام 2015": the number says which year.
		if m, ok := p.yearAtCue(j); ok {
			m.start = i
			return m, true
		}
		return match{}, false
	}
	switch p.key(end) {
	case "الميلادي", "الميلاديه":
		end++
	case "الهجري", "الهجريه", "الدراسي", "المالي", "الجامعي", "الاكاديمي":
		// A Hijri, school or fiscal year does not follow the calendar
		// year; without its number it is left alone.
		return match{}, false
	}
	off := 0
	switch p.key(end) {
	case "الماضي", "الماضيه", "الفاءت", "الفاءته", "المنصرم", "المنصرمه", "السابق", "السابقه":
		off = -1
	case "المقبل", "المقبله", "القادم", "القادمه":
		off = 1
	case "الجاري", "الجاريه", "الحالي", "الحاليه":
	case "الجديد", "الجديده":
		// "العام الجديد" in the second half of a year is the next one.
		if kind != years {
			return match{}, false
		}
		if p.anchor.Month() >= 7 {
			off = 1
		}
	default:
		if !this {
			return match{}, false
		}
		end--
	}
	if this && off != 0 {
		return match{}, false
	}
	end++
	return match{start: i, end: end, lo: p.shiftUnit(kind, off), rel: true}, true
}

// shiftUnit is the calendar unit containing anchor + n units.
func (p *parser) shiftUnit(kind unitKind, n int) point {
	a := p.anchor
	switch kind {
	case weeks:
		return weekPoint(a.AddDate(0, 0, 7*n))
	case months:
		t := time.Date(a.Year(), a.Month()+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
		return monthPoint(t.Year(), t.Month())
	case years:
		return yearPoint(a.Year() + n)
	}
	return dayPoint(a.AddDate(0, 0, n))
}

// shiftPoint is anchor + n units at the unit's own granularity: days and
// hours give a day, weeks an ISO week, months a month, years a year.
func (p *parser) shiftPoint(kind unitKind, n int) point {
	if kind == hours {
		// The anchor has no time of day: "منذ 3 ساعات" is the anchor day,
		// "قبل 48 ساعة" two days before it.
		return dayPoint(p.anchor.AddDate(0, 0, n/24))
	}
	return p.shiftUnit(kind, n)
}

// countAt reads a count and unit: "5 أيام", "خمسة أيام", "أسبوع",
// "يومين", "أسابيع" (vague), "بضعة أيام" (vague). It allows the hedges
// أكثر من, نحو, حوالي, قرابة before the count.
func (p *parser) countAt(i int) (n int, kind unitKind, end int, ok bool) {
	j := i
	for hedges := 0; hedges < 3; hedges++ { // "منذ ما يقرب من نحو": a few at most
		switch p.key(j) {
		case "اكثر", "اقل":
			if p.key(j+1) == "من" {
				j += 2
				continue
			}
		case "نحو", "حوالي", "قرابه", "زهاء", "مده":
			j++
			continue
		case "ما":
			if p.key(j+1) == "يقرب" && p.key(j+2) == "من" {
				j += 3
				continue
			}
		}
		break
	}
	if u, ok := unitWords[p.key(j)]; ok {
		// "منذ عام 1984", "منذ شهر يونيو": the unit word names a period,
		// it does not count one.
		if p.num(j+1) >= 0 || p.startsMonth(j+1) {
			return 0, 0, i, false
		}
		if u.n == 0 {
			return vague, u.kind, j + 1, true
		}
		end = j + 1
		if k := p.key(end); k == "واحد" || k == "واحده" {
			end++
		}
		return u.n, u.kind, end, true
	}
	n = -2
	if j < len(p.toks) && p.toks[j].Kind == arabic.Number && p.toks[j].num >= 0 && p.toks[j].digits <= 3 {
		n = p.toks[j].num
	} else if v, ok := numberWords[stripAl(p.key(j))]; ok {
		n = v
	}
	if n == -2 || n == 0 {
		return 0, 0, i, false
	}
	u, ok := unitWords[p.key(j+1)]
	if !ok {
		return 0, 0, i, false
	}
	end = j + 2
	if k := p.key(end); k == "واحد" || k == "واحده" { // "قبل شهر واحد"
		end++
	}
	return n, u.kind, end, true
}

// startsMonth reports whether a Gregorian or Hijri month name starts at i.
func (p *parser) startsMonth(i int) bool {
	if _, _, ok := p.monthName(i); ok {
		return true
	}
	_, _, ok := p.hijriMonthAt(i)
	return ok
}

func stripAl(w string) string {
	if len(w) > len("ال") && w[:len("ال")] == "ال" {
		if _, ok := numberWords[w[len("ال"):]]; ok {
			return w[len("ال"):]
		}
	}
	return w
}

// Vague counts (بضعة, a bare plural) span 3 to 9 units: بضع in Arabic
// grammar is three to nine.
const vagueMin, vagueMax = 3, 9

// durationAt reads منذ/قبل + count ("منذ أسبوع", "قبل 5 أيام", "منذ
// أكثر من أسبوع", "منذ أسابيع"), بعد + count (+ من X: "بعد 5 أيام من
// لقائه"), and خلال + count + الماضية/المقبلة (a range).
func (p *parser) durationAt(i int) (match, bool) {
	word := p.key(i)
	j := i + 1
	// "خلال", "طوال", "طيلة", "على مدى", "على مدار" + count + الماضية.
	if word == "خلال" || word == "طوال" || word == "في" || word == "طيله" || word == "مدار" || word == "مدي" {
		if p.key(j) == "ال" { // "خلال الـ24 ساعة"
			j++
		}
		return p.spanAt(i, j)
	}
	if word != "منذ" && word != "قبل" && word != "بعد" {
		return match{}, false
	}
	if word == "بعد" && (p.key(i-1) == "يوما" || p.key(i-1) == "عاما" || p.key(i-1) == "سنه") {
		return match{}, false // "يوماً بعد يوم": day after day
	}
	n, kind, end, ok := p.countAt(j)
	if !ok {
		return match{}, false
	}
	if word == "بعد" {
		// "بعد 5 أيام من لقائه": the reported event (at the anchor) comes
		// N after X, so X — what the expression dates — is N before.
		// Without "من/على X", "بعد 5 أيام" counts from a moment of the
		// story that the grammar does not know: found, not resolved.
		k := p.key(end)
		if (k != "من" && k != "علي") || end+1 >= len(p.toks) || p.toks[end+1].Kind != arabic.Word {
			return match{start: i, end: end, lo: p.shiftPoint(kind, 0), rel: true, unresolved: true}, true
		}
		sign := -1
		end += 2
		if n == vague {
			lo, hi := p.vagueSpan(kind)
			return match{start: i, end: end, lo: lo, hi: hi, rel: true}, true
		}
		return match{start: i, end: end, lo: p.shiftPoint(kind, sign*n), rel: true}, true
	}
	// "قبل أسبوعين من عملية الهروب" counts back from an event the
	// grammar cannot date.
	if word == "قبل" && p.key(end) == "من" && end+1 < len(p.toks) && p.toks[end+1].Kind == arabic.Word {
		return match{start: i, end: end + 2, lo: p.shiftPoint(kind, 0), rel: true, unresolved: true}, true
	}
	if n == vague {
		lo, hi := p.vagueSpan(kind)
		return match{start: i, end: end, lo: lo, hi: hi, rel: true}, true
	}
	return match{start: i, end: end, lo: p.shiftPoint(kind, -n), rel: true}, true
}

// vagueSpan is the range "a few units ago": from anchor − vagueMax units
// to anchor − vagueMin units. Weeks are written as the days they start and
// end on ("2023-W30/2023-W37" reads worse than days).
func (p *parser) vagueSpan(kind unitKind) (lo, hi point) {
	if kind == weeks {
		return dayPoint(p.anchor.AddDate(0, 0, -7*vagueMax)), dayPoint(p.anchor.AddDate(0, 0, -7*vagueMin))
	}
	return p.shiftPoint(kind, -vagueMax), p.shiftPoint(kind, -vagueMin)
}

// spanAt reads the count after خلال/طوال/في: "خلال الثمانية أشهر
// الماضية", "خلال الأيام الماضية", "خلال الـ24 ساعة الماضية", "خلال
// السنوات الخمس الماضية", "خلال يومين". The span runs from anchor − N
// units to the anchor (or the anchor to anchor + N).
func (p *parser) spanAt(i, j int) (match, bool) {
	n, kind, end, ok := p.countAt(j)
	if !ok {
		return match{}, false
	}
	// Number after the plural: "السنوات الخمس الماضية".
	if n == vague {
		if v, ok := numberWords[stripAl(p.key(end))]; ok && v > 0 {
			n, end = v, end+1
		}
	}
	sign := 0
	switch p.key(end) {
	case "الماضي", "الماضيه", "الاخيره", "الاخير", "المنصرمه", "الفاءته", "السابقه":
		sign = -1
		end++
	case "المقبل", "المقبله", "القادم", "القادمه":
		sign = 1
		end++
	}
	if sign == 0 {
		// "خلال يومين", "خلال 20 دقيقة" are durations, not dates.
		return match{}, false
	}
	if n == vague {
		n = vagueMax
	}
	if kind == hours {
		kind, n = days, (n+23)/24
	}
	lo, hi := p.shiftPoint(kind, sign*n), p.shiftPoint(kind, 0)
	if sign > 0 {
		lo, hi = hi, lo
	}
	if kind == weeks {
		lo, hi = dayPoint(p.anchor.AddDate(0, 0, 7*min(0, sign*n))), dayPoint(p.anchor.AddDate(0, 0, 7*max(0, sign*n)))
	}
	return match{start: i, end: end, lo: lo, hi: hi, rel: true}, true
}

// monthRelAt reads a month name without a year: "مارس الماضي", "شهر
// مارس الماضي", "في مارس", "مارس من العام الماضي", "سبتمبر من العام
// 2015". A bare name needs شهر or a preposition before it, since مارس is
// also a verb.
func (p *parser) monthRelAt(i int) (match, bool) {
	j := i
	if p.key(j) == "شهر" {
		j++
	}
	mon, end, strong, ok := p.monthAt(j)
	if !ok {
		return match{}, false
	}
	// "شهر يونيو 2012": a month with its year after شهر.
	e := p.skipComma(end)
	if yearWord[p.key(e)] && p.num(e+1) >= 0 {
		e++
	}
	if y, e2, ok := p.yearAt(e); ok {
		return match{start: i, end: e2, lo: monthPoint(y, mon)}, true
	}
	y := p.anchor.Year()
	rel := true
	switch p.key(end) {
	case "الماضي", "المنصرم", "الفاءت", "السابق", "المقبل", "القادم", "الجاري", "الحالي":
		y, end = p.yearFor(mon, 0, end)
	case "من":
		if k := p.key(end + 1); k == "العام" || k == "عام" || k == "السنه" || k == "سنه" {
			if yy, e, ok := p.yearAt(end + 2); ok {
				y, end, rel = yy, e, false
				break
			}
			if u, ok := p.calendarUnitAt(end + 1); ok && u.lo.g == marsad.Year {
				y, end = u.lo.t.Year(), u.end
				break
			}
		}
		fallthrough
	default:
		cue := j > i || cueBeforeMonth[p.key(i-1)]
		if !cue || !strong {
			return match{}, false
		}
	}
	return match{start: i, end: end, lo: monthPoint(y, mon), rel: rel}, true
}

// cueBeforeMonth are the words after which a bare month name is a month.
var cueBeforeMonth = map[string]bool{
	"في": true, "منذ": true, "خلال": true, "حتي": true, "مطلع": true, "منتصف": true, "اواخر": true,
	"اواءل": true, "بدايه": true, "نهايه": true, "مستهل": true, "اواسط": true, "قبل": true, "بعد": true,
	"طوال": true, "الي": true,
}
