package extract

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/arabic"
	"github.com/marsad-news/marsad/timex"
)

// This file reads the dates of header lines ("تم النشر: 2023/09/26 الساعة
// 21:15 بتوقيت غرينتش", "23 فبراير 2018", "الثلاثاء 11 ربيع الأول 1445 هـ -
// 26 سبتمبر 2023"). It is a small parser for the forms a page header uses;
// the time expressions inside a story are package timex's business.

// Month names in normalized spelling (arabic.Normalize): the Egyptian/Gulf
// names, the Levantine/Iraqi names, the Maghrebi (Algerian, Tunisian) and
// Moroccan names, and English. Longest first, so that "تشرين الاول" wins
// over a bare "تشرين".
var monthNames = func() []struct {
	name  string
	month time.Month
} {
	raw := map[time.Month][]string{
		time.January:   {"يناير", "كانون الثاني", "جانفي", "january", "jan"},
		time.February:  {"فبراير", "شباط", "فيفري", "فبرير", "february", "feb"},
		time.March:     {"مارس", "آذار", "march", "mar"},
		time.April:     {"أبريل", "ابريل", "إبريل", "نيسان", "أفريل", "افريل", "april", "apr"},
		time.May:       {"مايو", "أيار", "ماي", "may"},
		time.June:      {"يونيو", "يونيه", "حزيران", "جوان", "june", "jun"},
		time.July:      {"يوليو", "يوليه", "تموز", "جويلية", "يوليوز", "july", "jul"},
		time.August:    {"أغسطس", "اغسطس", "آب", "أوت", "غشت", "august", "aug"},
		time.September: {"سبتمبر", "أيلول", "شتنبر", "september", "sep", "sept"},
		time.October:   {"أكتوبر", "اكتوبر", "تشرين الأول", "october", "oct"},
		time.November:  {"نوفمبر", "تشرين الثاني", "نونبر", "november", "nov"},
		time.December:  {"ديسمبر", "كانون الأول", "دجنبر", "december", "dec"},
	}
	var out []struct {
		name  string
		month time.Month
	}
	for m, names := range raw {
		for _, n := range names {
			out = append(out, struct {
				name  string
				month time.Month
			}{arabic.Normalize(n), m})
		}
	}
	// Longest first; ties by name for a stable order.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && (len(out[j].name) > len(out[j-1].name) ||
			len(out[j].name) == len(out[j-1].name) && out[j].name < out[j-1].name); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}()

// Hijri month names (normalized). A header often gives the Hijri date next
// to the Gregorian one; the Hijri part is cut out before parsing so its day
// and year are not mistaken for the Gregorian ones.
const hijriMonths = `محرم|صفر|ربيع الاول|ربيع الاخر|ربيع الثاني|جمادي الاولي|جمادي الاخره|جمادي الاول|جمادي الثاني|جمادي الثانيه|جمادي الاخر|رجب|شعبان|رمضان|شوال|ذو القعده|ذي القعده|ذو الحجه|ذي الحجه`

var (
	reHijri   = regexp.MustCompile(`(?:\d{1,2}\s*)?(?:` + hijriMonths + `)\s*،?\s*\d{3,4}\s*(?:هجريه|هجري|ه)?`)
	reHijriYr = regexp.MustCompile(`\b1[34]\d\d\s*(?:هجريه|هجري|ه)(?:[^\p{Arabic}]|$)`)
	reISO     = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})[t ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(z|[+-]\d{2}:?\d{2})?`)
	reYMD     = regexp.MustCompile(`\b(\d{4})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{1,2})\b`)
	reDMY     = regexp.MustCompile(`\b(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{4})\b`)
	reClock   = regexp.MustCompile(`\b(\d{1,2}):(\d{2})(?::\d{2})?(?:\s*(صباحا|مساء|ص|م|am|pm|a\.m\.|p\.m\.)(?:[^\p{L}]|$))?`)
	reOffset  = regexp.MustCompile(`(?:gmt|utc)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?`)
)

// zoneOffsets maps "بتوقيت X" to X's UTC offset in hours. These are
// approximations: daylight saving time is ignored (Cairo is +02:00 here even
// in summer, Beirut +02:00), and a page rarely says which it means anyway.
var zoneOffsets = []struct {
	word  string
	hours int
}{
	{"غرينتش", 0}, {"غرينيتش", 0}, {"جرينتش", 0}, {"جرينيتش", 0}, {"gmt", 0}, {"utc", 0}, {"التوقيت العالمي", 0},
	{"مكه", 3}, {"السعوديه", 3}, {"الرياض", 3}, {"الكويت", 3}, {"الدوحه", 3}, {"قطر", 3}, {"بغداد", 3},
	{"البحرين", 3}, {"المنامه", 3}, {"دمشق", 3}, {"عمان", 3}, {"الاردن", 3}, {"صنعاء", 3}, {"اليمن", 3},
	{"القاهره", 2}, {"مصر", 2}, {"بيروت", 2}, {"لبنان", 2}, {"القدس", 2}, {"فلسطين", 2}, {"ليبيا", 2},
	{"طرابلس", 2}, {"الخرطوم", 2}, {"السودان", 2},
	{"ابوظبي", 4}, {"ابو ظبي", 4}, {"دبي", 4}, {"الامارات", 4}, {"مسقط", 4},
	{"المغرب", 1}, {"الرباط", 1}, {"الجزائر", 1}, {"تونس", 1},
}

// parseHeaderDate reads the date of s, a line from a page header, at the
// precision s gives (Minute when a time of day is there, else Day). It asks
// timex.ParseDate first; timex refuses a line with two dates, so a header
// that gives the Hijri and the Gregorian date falls back to scanHeaderDate,
// which cuts the Hijri part out. A bare year or month never counts: a
// header year is a copyright year or an archive label, not a publication
// date.
func parseHeaderDate(s string) (marsad.Date, bool) {
	// «26 سبتمبر ,2023: 09:15 م GST»: a year between a comma and a colon,
	// as a Gulf channel's template prints it.
	if strings.ContainsAny(s, ",،") && strings.IndexByte(s, ':') >= 0 {
		s = reCommaYear.ReplaceAllString(s, " $1 ")
	}
	if d, ok := timex.ParseDate(s); ok && (d.Granularity == marsad.Day || d.Granularity == marsad.Minute) {
		// timex reads GMT and Mecca time; for the other zones a header
		// names ("بتوقيت القاهرة") it gives UTC, so read the zone here.
		if _, off := d.Time.Zone(); d.Granularity == marsad.Minute && off == 0 {
			if loc, ok := findZone(arabic.Normalize(s)); ok {
				t := d.Time
				d.Time = time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), 0, 0, loc)
			}
		}
		return d, true
	}
	return scanHeaderDate(s)
}

// scanHeaderDate finds the first day-precise date in s, skipping Hijri
// dates.
func scanHeaderDate(s string) (marsad.Date, bool) {
	if len(s) > 400 {
		s = s[:400]
	}
	n := arabic.Normalize(s)
	n = reHijri.ReplaceAllString(n, " ")
	n = reHijriYr.ReplaceAllString(n, " ")

	if m := reISO.FindStringSubmatch(n); m != nil {
		y, mo, d := atoi(m[1]), atoi(m[2]), atoi(m[3])
		h, mi := atoi(m[4]), atoi(m[5])
		loc := time.UTC
		if z := m[7]; z != "" && z != "z" {
			sign := 1
			if z[0] == '-' {
				sign = -1
			}
			z = strings.ReplaceAll(z[1:], ":", "")
			loc = time.FixedZone("", sign*(atoi(z[:2])*3600+atoi(z[2:])*60))
		}
		if validDate(y, mo, d) && h < 24 && mi < 60 {
			return marsad.Date{Time: time.Date(y, time.Month(mo), d, h, mi, 0, 0, loc), Granularity: marsad.Minute}, true
		}
	}

	y, mo, d, rest, ok := findDay(n)
	if !ok {
		return marsad.Date{}, false
	}
	date := marsad.DayDate(y, time.Month(mo), d)
	if h, mi, ok := findClock(rest); ok {
		loc, _ := findZone(rest)
		date = marsad.Date{Time: time.Date(y, time.Month(mo), d, h, mi, 0, 0, loc), Granularity: marsad.Minute}
	}
	return date, true
}

// findDay finds a day-precise date in normalized text and returns it with
// the text around it (where a time of day and zone may be).
func findDay(n string) (y, mo, d int, rest string, ok bool) {
	if m := reYMD.FindStringSubmatchIndex(n); m != nil {
		y, mo, d = atoi(n[m[2]:m[3]]), atoi(n[m[4]:m[5]]), atoi(n[m[6]:m[7]])
		if validDate(y, mo, d) {
			return y, mo, d, n[:m[0]] + " " + n[m[1]:], true
		}
	}
	if m := reDMY.FindStringSubmatchIndex(n); m != nil {
		d, mo, y = atoi(n[m[2]:m[3]]), atoi(n[m[4]:m[5]]), atoi(n[m[6]:m[7]])
		if mo > 12 && d <= 12 { // 09/26/2023: the American order
			d, mo = mo, d
		}
		if validDate(y, mo, d) {
			return y, mo, d, n[:m[0]] + " " + n[m[1]:], true
		}
	}
	// Day month year, or month day, year, with a month name.
	words := strings.FieldsFunc(n, func(r rune) bool {
		return r == ' ' || r == '،' || r == ',' || r == '/' || r == '-' || r == '|' || r == '(' || r == ')'
	})
	for i := 0; i < len(words); i++ {
		mon, width := monthAt(words, i)
		if mon == 0 {
			continue
		}
		// Skip an alternative name after a slash: "سبتمبر/ايلول".
		j := i + width
		if j < len(words) {
			if alt, w := monthAt(words, j); alt == mon {
				j += w
			}
		}
		day, year := 0, 0
		if i > 0 {
			day = numberWord(words[i-1])
		}
		if j < len(words) {
			if v := numberWord(words[j]); v >= 1000 {
				year = v
			} else if v >= 1 && v <= 31 && day == 0 && j+1 < len(words) {
				day = v // month day, year
				year = numberWord(words[j+1])
			}
		}
		if year >= 1000 && validDate(year, int(mon), day) {
			// The time of day may come before the date too: «06:00 م
			// الثلاثاء 26 سبتمبر 2023».
			before := words[:max(0, i-1)]
			return year, int(mon), day, strings.Join(words[j:], " ") + " " + strings.Join(before, " "), true
		}
	}
	return 0, 0, 0, "", false
}

// monthAt returns the month named by words[i:] and how many words the name
// takes.
func monthAt(words []string, i int) (time.Month, int) {
	for _, m := range monthNames {
		parts := strings.Split(m.name, " ")
		if i+len(parts) > len(words) {
			continue
		}
		match := true
		for k, p := range parts {
			if words[i+k] != p {
				match = false
				break
			}
		}
		if match {
			return m.month, len(parts)
		}
	}
	return 0, 0
}

func numberWord(w string) int {
	w = strings.TrimSuffix(strings.TrimSuffix(w, "م"), ".")
	if w == "" || len(w) > 4 {
		return 0
	}
	for _, c := range w {
		if c < '0' || c > '9' {
			return 0
		}
	}
	return atoi(w)
}

func findClock(s string) (h, mi int, ok bool) {
	m := reClock.FindStringSubmatch(s)
	if m == nil {
		return 0, 0, false
	}
	h, mi = atoi(m[1]), atoi(m[2])
	switch m[3] {
	case "م", "مساء", "pm", "p.m.":
		if h < 12 {
			h += 12
		}
	case "ص", "صباحا", "am", "a.m.":
		if h == 12 {
			h = 0
		}
	default:
		// "مساء" may come as a word elsewhere in the line.
		if h < 12 && strings.Contains(s, "مساء") {
			h += 12
		}
	}
	if h > 23 || mi > 59 {
		return 0, 0, false
	}
	return h, mi, true
}

// reCommaYear is a year set off by a comma before it and a colon after.
var reCommaYear = regexp.MustCompile(`\s*[,،]\s*(\d{4})\s*:`)

// latinZones are the zone abbreviations Gulf sites print after a time.
var latinZones = []struct {
	word  string
	hours int
}{{"gst", 4}, {"ast", 3}, {"ksa", 3}}

// findZone reads "بتوقيت X", "GMT+3" and similar. A time with no zone is
// taken as UTC: wrong by a few hours at worst, and never a different day for
// the evening news.
func findZone(s string) (*time.Location, bool) {
	if m := reOffset.FindStringSubmatch(s); m != nil && m[2] != "" {
		sec := atoi(m[2])*3600 + atoi(m[3])*60
		if m[1] == "-" {
			sec = -sec
		}
		return time.FixedZone("", sec), true
	}
	i := strings.Index(s, "توقيت")
	if i < 0 {
		for _, z := range []string{"gmt", "utc"} {
			if strings.Contains(s, z) {
				return time.UTC, true
			}
		}
		for _, z := range latinZones {
			if containsPhrase(s, z.word) { // a word of its own: «last» holds no AST
				return time.FixedZone(strings.ToUpper(z.word), z.hours*3600), true
			}
		}
		return time.UTC, false
	}
	after := s[i:]
	for _, z := range zoneOffsets {
		if strings.Contains(after, z.word) {
			if z.hours == 0 {
				return time.UTC, true
			}
			return time.FixedZone("", z.hours*3600), true
		}
	}
	return time.UTC, false
}

func validDate(y, m, d int) bool {
	if y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31 {
		return false
	}
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Day() == d
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
