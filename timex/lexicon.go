package timex

import "time"

// The lexicon is keyed by arabic.Normalize forms: hamza seats folded to
// bare alef, ta marbuta to ha, alef maqsura to ya, tashkeel and tatweel
// dropped. So "أيلول", "ايلول" and "أيلولَ" share one key.

// gregorianMonths maps every regional name of a Gregorian month to its
// number: Egyptian/Gulf (يناير), Levantine and Iraqi (كانون الثاني), and
// Maghrebi (جانفي, يوليوز, غشت). Two-word Levantine names are keyed by
// their first word in levantineMonths below.
var gregorianMonths = map[string]time.Month{
	"يناير": 1, "جانفي": 1, "جانفييه": 1,
	"فبراير": 2, "فبراءر": 2, "شباط": 2, "فيفري": 2, "فبرير": 2,
	"مارس": 3, "اذار": 3, "مارص": 3,
	"ابريل": 4, "نيسان": 4, "افريل": 4, "ابرل": 4,
	"مايو": 5, "ايار": 5, "ماي": 5, "مايوز": 5,
	"يونيو": 6, "يونيه": 6, "حزيران": 6, "جوان": 6, "يونيوز": 6,
	"يوليو": 7, "يوليه": 7, "تموز": 7, "جويليه": 7, "يوليوز": 7,
	"اغسطس": 8, "اب": 8, "اوت": 8, "غشت": 8, "اغشت": 8,
	"سبتمبر": 9, "ايلول": 9, "شتنبر": 9, "سيبتمبر": 9,
	"اكتوبر": 10, "اكتوبار": 10,
	"نوفمبر": 11, "نونبر": 11,
	"ديسمبر": 12, "دجنبر": 12, "ديسيمبر": 12,
}

// levantineMonths are the two-word names: كانون and تشرين take الأول or
// الثاني.
var levantineMonths = map[string][2]time.Month{
	"كانون": {12, 1},  // كانون الأول, كانون الثاني
	"تشرين": {10, 11}, // تشرين الأول, تشرين الثاني
}

// IsMonthName reports whether a word, normalized by arabic.Normalize, is a
// Gregorian month's name in one of its regional forms (يناير، نيسان، كانون،
// شتنبر). Hijri months, which are given names too (رجب، رمضان), are not.
func IsMonthName(n string) bool {
	_, gregorian := gregorianMonths[n]
	_, levantine := levantineMonths[n]
	return gregorian || levantine
}

// ambiguousMonths are names that are also common words (آب "father",
// ماي); they count as a month only next to a day number, a year, a month
// alias or شهر.
var ambiguousMonths = map[string]bool{"اب": true, "ماي": true}

// hijriMonths maps Hijri month names to their numbers. Two-word names
// (ربيع الأول, جمادى الآخرة) are keyed by their first word in
// hijriPairs.
var hijriMonths = map[string]int{
	"محرم": 1, "صفر": 2, "رجب": 7, "شعبان": 8, "رمضان": 9, "شوال": 10,
	"ذو": 0, "ذي": 0, // ذو القعدة / ذي الحجة, see hijriPairs
}

// hijriPairs are the two-word Hijri month names by first word; the second
// word picks the month.
var hijriPairs = map[string]map[string]int{
	"ربيع":  {"الاول": 3, "الثاني": 4, "الاخر": 4},
	"جمادي": {"الاولي": 5, "الاول": 5, "الثانيه": 6, "الاخره": 6, "الاخر": 6, "الثاني": 6},
	"ذو":    {"القعده": 11, "الحجه": 12},
	"ذي":    {"القعده": 11, "الحجه": 12},
}

// hijriEra are the markers that make a year Hijri: هـ, ه, للهجرة.
var hijriEra = map[string]bool{"ه": true, "هجريه": true, "للهجره": true, "هجري": true}

// gregorianEra marks a year as Gregorian: م, ميلادي.
var gregorianEra = map[string]bool{"م": true, "ميلادي": true, "ميلاديه": true, "للميلاد": true}

var weekdays = map[string]time.Weekday{
	"الاحد": time.Sunday, "الاثنين": time.Monday, "الاثنان": time.Monday,
	"الثلاثاء": time.Tuesday, "الثلاثا": time.Tuesday, "الاربعاء": time.Wednesday, "الاربعا": time.Wednesday,
	"الخميس": time.Thursday, "الجمعه": time.Friday, "السبت": time.Saturday,
}

// timeZones maps the word after بتوقيت (or a Latin abbreviation) to its
// UTC offset in hours. Local zones that keep daylight saving are left out
// rather than guessed.
var timeZones = map[string]int{
	"غرينتش": 0, "غرينيتش": 0, "جرينتش": 0, "جرينيتش": 0, "غرنيتش": 0, "غريتش": 0,
	"gmt": 0, "utc": 0, "z": 0,
	"مكه": 3, "السعوديه": 3, "الرياض": 3, "الكويت": 3, "قطر": 3, "الدوحه": 3,
	"بغداد": 3, "العراق": 3, "موسكو": 3, "البحرين": 3, "اليمن": 3, "صنعاء": 3,
	"الامارات": 4, "ابوظبي": 4, "دبي": 4, "مسقط": 4,
	"تونس": 1, "الجزاءر": 1, "ليبيا": 2, "طرابلس": 2,
}

// numberWords are the cardinal numbers written out, as they appear before
// a unit ("خمسة أيام", "الثمانية أشهر"). vague stands for بضعة/عدة.
var numberWords = map[string]int{
	"واحد": 1, "واحده": 1,
	"اثنين": 2, "اثنان": 2, "اثنتين": 2, "اثنتان": 2,
	"ثلاثه": 3, "ثلاث": 3, "اربعه": 4, "اربع": 4, "خمسه": 5, "خمس": 5,
	"سته": 6, "ست": 6, "سبعه": 7, "سبع": 7, "ثمانيه": 8, "ثماني": 8, "ثمان": 8,
	"تسعه": 9, "تسع": 9, "عشره": 10, "عشر": 10,
	"بضعه": vague, "بضع": vague, "عده": vague,
}

const vague = -1

// unitKind is the calendar unit of a duration.
type unitKind uint8

const (
	hours unitKind = iota + 1
	days
	weeks
	months
	years
)

// unit is a duration word: its unit and the count it carries by itself
// (1 for the singular, 2 for the dual, 0 for a plural that needs a number
// or is vague).
type unit struct {
	kind unitKind
	n    int
}

var unitWords = map[string]unit{
	"ساعه": {hours, 1}, "ساعتين": {hours, 2}, "ساعتان": {hours, 2}, "ساعات": {hours, 0}, "الساعات": {hours, 0},
	"دقيقه": {hours, 1}, "دقاءق": {hours, 0}, "دقيقتين": {hours, 1},
	"يوم": {days, 1}, "يوما": {days, 1}, "يومين": {days, 2}, "يومان": {days, 2}, "ايام": {days, 0}, "الايام": {days, 0},
	"اسبوع": {weeks, 1}, "اسبوعا": {weeks, 1}, "اسبوعين": {weeks, 2}, "اسبوعان": {weeks, 2}, "اسابيع": {weeks, 0}, "الاسابيع": {weeks, 0},
	"شهر": {months, 1}, "شهرا": {months, 1}, "شهرين": {months, 2}, "شهران": {months, 2},
	"اشهر": {months, 0}, "شهور": {months, 0}, "الاشهر": {months, 0}, "الشهور": {months, 0},
	"عام": {years, 1}, "عاما": {years, 1}, "عامين": {years, 2}, "عامان": {years, 2},
	"سنه": {years, 1}, "سنتين": {years, 2}, "سنتان": {years, 2},
	"اعوام": {years, 0}, "سنوات": {years, 0}, "سنين": {years, 0}, "الاعوام": {years, 0}, "السنوات": {years, 0}, "السنين": {years, 0},
}
