package web

import (
	"strconv"
	"strings"
	"time"

	"github.com/marsad-news/marsad"
)

// Arabic labels for the domain's codes, as the pages show them.

var arabicMonths = [...]string{
	"يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
	"يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
}

// arabicDate formats a date at its own precision with Arabic month names:
// "26 سبتمبر 2023", "سبتمبر 2023", "2023"; "" when unknown. It never shows
// more precision than the source gave.
func arabicDate(d marsad.Date) string {
	if d.IsZero() {
		return ""
	}
	t := d.Time
	month := arabicMonths[t.Month()-1]
	switch d.Granularity {
	case marsad.Year:
		return strconv.Itoa(t.Year())
	case marsad.Month:
		return month + " " + strconv.Itoa(t.Year())
	case marsad.Minute:
		return strconv.Itoa(t.Day()) + " " + month + " " + strconv.Itoa(t.Year()) + "، " + t.Format("15:04")
	default:
		return strconv.Itoa(t.Day()) + " " + month + " " + strconv.Itoa(t.Year())
	}
}

// arabicWhen formats a TimeExpr value ("2023", "2023-09", "2023-09-26",
// RFC 3339, "2023-W39", ranges) for display; values it does not know are
// shown as they are.
func arabicWhen(v string) string {
	if v == "" {
		return "تاريخ غير معروف"
	}
	if from, to, ok := strings.Cut(v, "/"); ok {
		return arabicWhen(from) + " – " + arabicWhen(to)
	}
	if d, err := marsad.ParseDate(v); err == nil {
		return arabicDate(d)
	}
	if len(v) == 8 && v[4] == '-' && v[5] == 'W' {
		return "الأسبوع " + strings.TrimPrefix(v[6:], "0") + " من " + v[:4]
	}
	return v
}

func validEntityType(t marsad.EntityType) bool {
	switch t {
	case marsad.Person, marsad.Location, marsad.Organization, marsad.Misc:
		return true
	}
	return false
}

func entityTypeLabel(t marsad.EntityType) string {
	switch t {
	case marsad.Person:
		return "شخص"
	case marsad.Location:
		return "مكان"
	case marsad.Organization:
		return "مؤسسة"
	default:
		return "كيان"
	}
}

// quoteKindClass is the CSS class suffix of a quote kind; unknown kinds are
// shown as statements.
func quoteKindClass(k marsad.QuoteKind) string {
	switch k {
	case marsad.Claim, marsad.Denial, marsad.Confirmation:
		return string(k)
	default:
		return string(marsad.Statement)
	}
}

func quoteKindLabel(k marsad.QuoteKind) string {
	switch k {
	case marsad.Claim:
		return "ادعاء"
	case marsad.Denial:
		return "نفي"
	case marsad.Confirmation:
		return "تأكيد"
	default:
		return "تصريح"
	}
}

func eventKindLabel(kind string) string {
	if l, ok := eventKindLabels[kind]; ok {
		return l
	}
	return kind
}

var eventKindLabels = map[string]string{
	"visit":       "زيارة",
	"meeting":     "لقاء",
	"call":        "اتصال",
	"request":     "طلب",
	"supply":      "إمداد",
	"attack":      "هجوم",
	"agreement":   "اتفاق",
	"disaster":    "كارثة",
	"appointment": "تعيين",
	"statement":   "تصريح",
	"denial":      "نفي",
	"report":      "تقرير",
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// dateTime is the machine-readable form of a date for <time datetime>.
func dateTime(d marsad.Date) string { return d.String() }

// whenTime is the start of the period a TimeExpr value names: "2023-09" is
// 1 September 2023, "2019-04/2020-06" is April 2019, "2023-W39" the Monday of
// that week. ok is false for values it cannot read.
func whenTime(v string) (time.Time, bool) {
	if i := strings.IndexByte(v, '/'); i > 0 {
		v = v[:i]
	}
	if d, err := marsad.ParseDate(v); err == nil && !d.IsZero() {
		return d.Time, true
	}
	var year, week int
	if len(v) == 8 && v[4] == '-' && v[5] == 'W' {
		y, err1 := strconv.Atoi(v[:4])
		w, err2 := strconv.Atoi(v[6:])
		if err1 == nil && err2 == nil && w >= 1 && w <= 53 {
			year, week = y, w
			// ISO week 1 holds 4 January.
			jan4 := time.Date(year, time.January, 4, 0, 0, 0, 0, time.UTC)
			monday := jan4.AddDate(0, 0, -((int(jan4.Weekday()) + 6) % 7))
			return monday.AddDate(0, 0, 7*(week-1)), true
		}
	}
	return time.Time{}, false
}
