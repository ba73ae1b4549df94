package timex

import (
	"archive/zip"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/marsad-news/marsad"
)

// want is one expected expression: its text, value and granularity.
type want struct {
	text, value string
	gran        marsad.Granularity
}

const (
	day    = marsad.Day
	month  = marsad.Month
	year   = marsad.Year
	week   = marsad.Week
	minute = marsad.Minute
	span   = marsad.Range
)

// anchorTue is the publication date of seed 001: Tuesday 2023-09-26.
var anchorTue = marsad.DayDate(2023, 9, 26)

func checkTag(t *testing.T, text string, anchor marsad.Date, wants []want) {
	t.Helper()
	got := Tag(text, anchor)
	if len(got) != len(wants) {
		t.Fatalf("Tag(%q) = %d expressions %v, want %d", text, len(got), summarize(got), len(wants))
	}
	for i, w := range wants {
		g := got[i]
		if g.Text != w.text || g.Value != w.value || g.Granularity != w.gran {
			t.Errorf("Tag(%q)[%d] = %q %q %s, want %q %q %s", text, i, g.Text, g.Value, g.Granularity, w.text, w.value, w.gran)
		}
	}
}

func summarize(exprs []Expr) []string {
	var out []string
	for _, e := range exprs {
		out = append(out, e.Text+"="+e.Value+"/"+string(e.Granularity))
	}
	return out
}

func TestTagForms(t *testing.T) {
	tests := []struct {
		form, text string
		anchor     marsad.Date
		want       []want
	}{
		// Gregorian months in every regional naming.
		{"egyptian", "وقعت في 23 فبراير 2018 اتفاقية", anchorTue, []want{{"23 فبراير 2018", "2018-02-23", day}}},
		{"levantine", "وقعت في 23 شباط 2018 اتفاقية", anchorTue, []want{{"23 شباط 2018", "2018-02-23", day}}},
		{"levantine two words", "في كانون الثاني 2020", anchorTue, []want{{"كانون الثاني 2020", "2020-01", month}}},
		{"levantine ثان", "في كانون ثان/يناير 2015", anchorTue, []want{{"كانون ثان/يناير 2015", "2015-01", month}}},
		{"maghrebi", "في 15 جوان 2020 و5 جويلية 2021 و11 غشت 2020", anchorTue, []want{
			{"15 جوان 2020", "2020-06-15", day}, {"5 جويلية 2021", "2021-07-05", day}, {"11 غشت 2020", "2020-08-11", day}}},
		{"moroccan", "في 4 شتنبر 2019 و25 نونبر 2022 و31 دجنبر 2018 و30 يوليوز 2022", anchorTue, []want{
			{"4 شتنبر 2019", "2019-09-04", day}, {"25 نونبر 2022", "2022-11-25", day}, {"31 دجنبر 2018", "2018-12-31", day}, {"30 يوليوز 2022", "2022-07-30", day}}},
		{"algerian", "في 3 فيفري 2021 و9 أفريل 2022 و12 ماي 2021 و20 أوت 2023", anchorTue, []want{
			{"3 فيفري 2021", "2021-02-03", day}, {"9 أفريل 2022", "2022-04-09", day}, {"12 ماي 2021", "2021-05-12", day}, {"20 أوت 2023", "2023-08-20", day}}},
		{"يونيه يوليه", "بين 18 يونيه 2023 و23 يوليه 2023", anchorTue, []want{{"بين 18 يونيه 2023 و23 يوليه 2023", "2023-06-18/2023-07-23", span}}},
		{"dual slash", "الثلاثاء، 26 سبتمبر/أيلول 2023 روسيا", anchorTue, []want{{"الثلاثاء، 26 سبتمبر/أيلول 2023", "2023-09-26", day}}},
		{"dual slash space", "في ديسمبر/ كانون الأول 2015، والانفتاح", anchorTue, []want{{"ديسمبر/ كانون الأول 2015", "2015-12", month}}},
		{"dual brackets", "في 13 مايو (أيار) الماضي", anchorTue, []want{{"13 مايو (أيار) الماضي", "2023-05-13", day}}},
		{"dual space", "في 26 مارس آذار بدأت", anchorTue, []want{{"26 مارس آذار", "2023-03-26", day}}},
		{"dual reversed", "في تشرين الثاني/نوفمبر 2014", anchorTue, []want{{"تشرين الثاني/نوفمبر 2014", "2014-11", month}}},
		{"comma before year", "في 14 أغسطس ، 2017 (رويترز)", anchorTue, []want{{"14 أغسطس ، 2017", "2017-08-14", day}}},
		{"year word", "عقب ثورة 30 يونيو (حزيران) عام 2013", anchorTue, []want{{"30 يونيو (حزيران) عام 2013", "2013-06-30", day}}},
		{"ordinal day", "في التاسع من أغسطس 1945 و الحادي والعشرين من مارس 2020", anchorTue, []want{
			{"التاسع من أغسطس 1945", "1945-08-09", day}, {"الحادي والعشرين من مارس 2020", "2020-03-21", day}}},
		{"آب needs a day or year", "زار آب ابنه في آب 2020", anchorTue, []want{{"آب 2020", "2020-08", month}}},

		// Hijri.
		{"hijri month", "يبدأ رمضان 1445 هـ قريبا", anchorTue, []want{{"رمضان 1445 هـ", "2024-03-11/2024-04-09", span}}},
		{"hijri day", "في 11 ربيع الأول 1445ه", anchorTue, []want{{"11 ربيع الأول 1445ه", "2023-09-26", day}}},
		{"hijri numeric", "وتاريخ 28/10/1426ه، ولائحته", anchorTue, []want{{"28/10/1426ه", "2005-11-30", day}}},
		{"hijri year", "المعمول به من عام 1434ه", anchorTue, []want{{"عام 1434ه", "2012-11-15/2013-11-03", span}}},
		{"hijri day without year", "وخصص يوم الأربعاء 20 شوال لمرشحي المناطق", marsad.DayDate(2015, 7, 26), []want{{"يوم الأربعاء 20 شوال", "2015-08-05", day}}},
		{"hijri day this month", "حتى 15 من شوال الجاري", marsad.DayDate(2015, 7, 25), []want{{"15 من شوال الجاري", "2015-07-31", day}}},
		{"hijri month with epithet", "خلال شهر رمضان المبارك لعام 1436", anchorTue, []want{{"رمضان المبارك لعام 1436", "2015-06-18/2015-07-16", span}}},
		{"hijri range", "من 11 إلى 22 شوال 1436هـ", anchorTue, []want{{"من 11 إلى 22 شوال 1436هـ", "2015-07-27/2015-08-07", span}}},

		// Numeric.
		{"ymd slash", "بتاريخ 2023/09/26 صدر", anchorTue, []want{{"2023/09/26", "2023-09-26", day}}},
		{"dmy dash", "في 26-09-2023 أعلنت", anchorTue, []want{{"26-09-2023", "2023-09-26", day}}},
		{"dmy short", "يوم 26/9/2023 بدأت", anchorTue, []want{{"26/9/2023", "2023-09-26", day}}},
		{"arabic-indic", "بتاريخ ٢٦/٩/٢٠٢٣ لجميع", anchorTue, []want{{"٢٦/٩/٢٠٢٣", "2023-09-26", day}}},
		{"day-first", "في 02/08/2015 الموافق", anchorTue, []want{{"02/08/2015", "2015-08-02", day}}},
		{"invalid day", "في 31/02/2023 صدر", anchorTue, nil},
		{"iso", "2023-09-26T21:15:00+03:00", anchorTue, []want{{"2023-09-26T21:15:00+03:00", "2023-09-26T21:15:00+03:00", minute}}},

		// Weekdays: the latest such day on or before the anchor.
		{"bare weekday is the anchor day", "وصل الثلاثاء إلى موسكو", anchorTue, []want{{"الثلاثاء", "2023-09-26", day}}},
		{"bare weekday before", "بحث الأحد مع حفتر", anchorTue, []want{{"الأحد", "2023-09-24", day}}},
		{"weekday past", "يوم الأحد الماضي", anchorTue, []want{{"يوم الأحد الماضي", "2023-09-24", day}}},
		{"weekday past same day", "الثلاثاء الماضي", anchorTue, []want{{"الثلاثاء الماضي", "2023-09-19", day}}},
		{"weekday next", "الأحد المقبل", anchorTue, []want{{"الأحد المقبل", "2023-10-01", day}}},
		{"weekday in brackets", "انضم يوم (الخميس) للمعسكر", anchorTue, []want{{"يوم (الخميس)", "2023-09-21", day}}},
		{"day word then weekday", "قالت اليوم الخميس", marsad.DayDate(2015, 7, 24), []want{{"اليوم الخميس", "2015-07-23", day}}},
		{"tomorrow weekday", "غدا الأربعاء", marsad.DayDate(2015, 8, 11), []want{{"غدا الأربعاء", "2015-08-12", day}}},

		// Relative.
		{"today", "أعلن اليوم", anchorTue, []want{{"اليوم", "2023-09-26", day}}},
		{"yesterday", "وصل أمس", anchorTue, []want{{"أمس", "2023-09-25", day}}},
		{"day before yesterday", "أول أمس وأمس الأول", anchorTue, []want{{"أول أمس", "2023-09-24", day}, {"أمس الأول", "2023-09-24", day}}},
		{"tomorrow", "يصل غدا", anchorTue, []want{{"غدا", "2023-09-27", day}}},
		{"tomorrow noun", "في الغد وصباح الغد", anchorTue, []want{{"الغد", "2023-09-27", day}, {"صباح الغد", "2023-09-27", day}}},
		{"night before last", "البارحة الأولى", anchorTue, []want{{"البارحة الأولى", "2023-09-24", day}}},
		{"a week ago", "منذ أسبوع", anchorTue, []want{{"منذ أسبوع", "2023-W38", week}}},
		{"more than a week ago", "ومنذ أكثر من أسبوع أكد", anchorTue, []want{{"منذ أكثر من أسبوع", "2023-W38", week}}},
		{"weeks ago", "منذ أسابيع", anchorTue, []want{{"منذ أسابيع", "2023-07-25/2023-09-05", span}}},
		{"days ago", "قبل 5 أيام", anchorTue, []want{{"قبل 5 أيام", "2023-09-21", day}}},
		{"two days ago", "منذ يومين", anchorTue, []want{{"منذ يومين", "2023-09-24", day}}},
		{"words", "قبل ثلاث سنوات وقبل شهرين", anchorTue, []want{{"قبل ثلاث سنوات", "2020", year}, {"قبل شهرين", "2023-07", month}}},
		{"after N from X", "بعد 5 أيام من لقائه", anchorTue, []want{{"بعد 5 أيام من لقائه", "2023-09-21", day}}},
		{"after N alone is unresolved", "سيغادر بعد يومين", anchorTue, []want{{"بعد يومين", "", day}}},
		{"before N of X is unresolved", "قبل أسبوعين من الهروب", anchorTue, []want{{"قبل أسبوعين من الهروب", "", week}}},
		{"last week", "الأسبوع الماضي", anchorTue, []want{{"الأسبوع الماضي", "2023-W38", week}}},
		{"last month", "الشهر الماضي", anchorTue, []want{{"الشهر الماضي", "2023-08", month}}},
		{"last year", "العام الماضي والسنة الماضية", anchorTue, []want{{"العام الماضي", "2022", year}, {"السنة الماضية", "2022", year}}},
		{"month last", "في شهر مارس الماضي", anchorTue, []want{{"شهر مارس الماضي", "2023-03", month}}},
		{"month last wraps", "مارس الماضي", marsad.DayDate(2024, 3, 20), []want{{"مارس الماضي", "2023-03", month}}},
		{"day-month next same month", "سينطلق 14 آب (أغسطس) المقبل", marsad.DayDate(2015, 8, 1), []want{{"14 آب (أغسطس) المقبل", "2015-08-14", day}}},
		{"day of this month", "في ال30 من الشهر الجاري", marsad.DayDate(2015, 8, 7), []want{{"30 من الشهر الجاري", "2015-08-30", day}}},
		{"month from last year", "مارس من العام الماضي", anchorTue, []want{{"مارس من العام الماضي", "2022-03", month}}},
		{"new year", "مطلع العام الميلادي الجديد", anchorTue, []want{{"مطلع العام الميلادي الجديد", "2024-01/2024-04", span}}},
		{"start of year", "مطلع 2022", anchorTue, []want{{"مطلع 2022", "2022-01/2022-04", span}}},
		{"mid month", "منتصف الشهر", anchorTue, []want{{"منتصف الشهر", "2023-09-11/2023-09-20", span}}},
		{"end of year", "أواخر العام", anchorTue, []want{{"أواخر العام", "2023-09/2023-12", span}}},
		{"half", "خلال النصف الأول من عام 2015", anchorTue, []want{{"النصف الأول من عام 2015", "2015-01/2015-06", span}}},
		{"season", "في صيف 2013", anchorTue, []want{{"صيف 2013", "2013-06/2013-08", span}}},

		// Years and dates in brackets, as archives and references print
		// them; a bracketed number before a counted noun is a count.
		{"year in brackets after a cue", "ولد في مدينة طبريا عام (1900).", anchorTue, []want{{"عام (1900)", "1900", year}}},
		{"hijri year in brackets", "مضابط بلدية نابلس عام (1308) هجري.", anchorTue, []want{{"عام (1308) هجري", "1890-08-17/1891-08-06", span}}},
		{"bracketed year alone", "حجة بيع أرض (1918).", anchorTue, []want{{"(1918)", "1918", year}}},
		{"bracketed count", "اعتمد البنك تمويل (1950) مشروعات.", anchorTue, nil},
		{"bracketed count before a noun with و", "أنجزت الشركة (1950) وحدة سكنية.", anchorTue, nil},
		{"bracketed years in a list", "تنقلت من مونتريال (2009) إلى تونس وفيلم «فيلادلفيا» (1993) و«المرشح»", anchorTue, []want{{"(2009)", "2009", year}, {"(1993)", "1993", year}}},
		{"month and bracketed year", "نشرة تموز (1970) وكانون أول/(1986)", anchorTue, []want{{"تموز (1970)", "1970-07", month}, {"كانون أول/(1986)", "1986-12", month}}},
		{"on a date", "بتاريخ (1934) وبتاريخ 4/22/1948", anchorTue, []want{{"(1934)", "1934", year}, {"4/22/1948", "1948-04-22", day}}},
		{"event with adjectives", "بيانات الانتفاضة الأولى 1987 والانتخابات البرلمانية 2014", anchorTue, []want{{"1987", "1987", year}, {"2014", "2014", year}}},
		{"last N months", "خلال الثمانية أشهر الماضية", anchorTue, []want{{"خلال الثمانية أشهر الماضية", "2023-01/2023-09", span}}},
		{"last 48 hours", "خلال ال48 ساعة الماضية", anchorTue, []want{{"خلال ال48 ساعة الماضية", "2023-09-24/2023-09-26", span}}},
		{"hours ago is today", "منذ 3 ساعات", anchorTue, []want{{"منذ 3 ساعات", "2023-09-26", day}}},
		{"the next day", "في اليوم التالي", anchorTue, []want{{"اليوم التالي", "", day}}},

		// Ranges.
		{"month range", "بين أبريل/نيسان 2019 ويونيو/حزيران 2020.", anchorTue, []want{{"بين أبريل/نيسان 2019 ويونيو/حزيران 2020", "2019-04/2020-06", span}}},
		{"day range", "من 10 إلى 12 سبتمبر", anchorTue, []want{{"من 10 إلى 12 سبتمبر", "2023-09-10/2023-09-12", span}}},
		{"year range", "بين عامي 2010 و2014", anchorTue, []want{{"بين عامي 2010 و2014", "2010/2014", span}}},
		{"dash years", "موسم 2011-2012", anchorTue, []want{{"2011-2012", "2011/2012", span}}},
		{"month range fill", "من يناير إلى مارس 2023", anchorTue, []want{{"من يناير إلى مارس 2023", "2023-01/2023-03", span}}},

		// Times of day.
		{"published", "تم النشر: 2023/09/26 الساعة 21:15 بتوقيت غرينتش", anchorTue, []want{{"2023/09/26 الساعة 21:15 بتوقيت غرينتش", "2023-09-26T21:15:00Z", minute}}},
		{"clock on anchor day", "الساعة 8:30 مساء بتوقيت مكة المكرمة", anchorTue, []want{{"الساعة 8:30 مساء بتوقيت مكة المكرمة", "2023-09-26T20:30:00+03:00", minute}}},
		{"clock then day", "في الساعة 16:49 من مساء أمس", anchorTue, []want{{"الساعة 16:49 من مساء أمس", "2023-09-25T16:49:00Z", minute}}},
		{"clock words", "الساعة العاشرة والنصف صباحا", anchorTue, []want{{"الساعة العاشرة والنصف صباحا", "2023-09-26T10:30:00Z", minute}}},
		{"reuters clock", "الساعة 1149 بتوقيت غرينتش", anchorTue, []want{{"الساعة 1149 بتوقيت غرينتش", "2023-09-26T11:49:00Z", minute}}},
		{"evening of a date", "مساء 16 سبتمبر/أيلول 2023.", anchorTue, []want{{"مساء 16 سبتمبر/أيلول 2023", "2023-09-16", day}}},
		{"morning today", "صباح اليوم", anchorTue, []want{{"صباح اليوم", "2023-09-26", day}}},

		// Years.
		{"year after عام", "احتجاجات عام 2011", anchorTue, []want{{"عام 2011", "2011", year}}},
		{"year after event", "ثورة 2011 التي", anchorTue, []want{{"2011", "2011", year}}},
		{"year after في", "في 2017 انضم", anchorTue, []want{{"2017", "2017", year}}},
		{"year with era", "في 2020م", anchorTue, []want{{"2020م", "2020", year}}},
		{"old year after عام", "منذ عام 1859", anchorTue, []want{{"عام 1859", "1859", year}}},
		{"BC is not a year here", "بين عامي 1798 و1790 قبل الميلاد", anchorTue, nil},

		// No anchor: absolute values only.
		{"no anchor absolute", "في 10 سبتمبر/أيلول 2023", marsad.Date{}, []want{{"10 سبتمبر/أيلول 2023", "2023-09-10", day}}},
		{"no anchor relative", "الأحد وأمس", marsad.Date{}, []want{{"الأحد", "", day}, {"أمس", "", day}}},
		{"month anchor is no anchor", "وصل أمس", marsad.Date{Time: anchorTue.Time, Granularity: marsad.Month}, []want{{"أمس", "", day}}},
	}
	for _, tt := range tests {
		t.Run(tt.form, func(t *testing.T) { checkTag(t, tt.text, tt.anchor, tt.want) })
	}
}

// TestTagNotDates lists numbers and words that look like dates and are not.
func TestTagNotDates(t *testing.T) {
	for _, s := range []string{
		"1200 مرتزق", "8 مقاتلات", "طائرة Su-24", "خلف 11 ألفاً و470 قتيلاً", "في 2000 منزل", "وصل إلى 4402 حالة",
		"وفق تقرير لوكالة روسيا اليوم للأنباء", "واشنطن - المغرب اليوم", "مارس الضغط على الحكومة",
		"بمناسبة ذكرى اليوم الوطني لبلاده", "بمدينة ٦ أكتوبر حيث يقيم", "الأمين العام للأمم المتحدة",
		"ومن 6500 إلى 4500 قطعة", "مقابل ٢٠٠٠ ريال يومياً", "قرار رقم 2254", "خلال 20 دقيقة", "منذ فترة",
		"منذ انتقاله من ريال مدريد", "في أسبوع واحد", "لمدة يومين", "(18 شهرا)",
		"وفي سؤال لـ “عكاظ اليوم” عن كيفية", "سجل للنصر ربيع سفياني", "رياح بسرعة 160 كلم في الساعة",
		"بالتفريق بين الاثنين ومحاولة", "كونهم أساس الغد المشرق", "أثمن لـ «اليوم» بحث هذا الموضوع",
		"وتكريم المدير العام السابق للجمعية", "نحن بأمس الحاجة لترك التنابز", "في أمس الحاجة إلى الدعم", "شرب لتر ونصف لتر مياه في اليوم", "بواجبهم خلال اليوم الدراسي", "في بداية العام الدراسي", "رجب طيب أردوغان", "يزداد يومًا بعد يوم", "تصل قوة وضوحها إلى 1920 في 1080 بيكسل",
	} {
		if got := Tag(s, anchorTue); len(got) != 0 {
			t.Errorf("Tag(%q) = %v, want nothing", s, summarize(got))
		}
	}
}

// TestSeeds checks the dates a careful reader takes from the seed articles
// (expected.json timeline_must_include and date_notes).
func TestSeeds(t *testing.T) {
	dir := "/work/shared/seeds"
	if _, err := os.Stat(dir); err != nil {
		t.Skip("seeds not available")
	}
	anchors := map[string]marsad.Date{"001": marsad.DayDate(2023, 9, 26), "002": marsad.DayDate(2018, 2, 23)}
	raw, err := os.ReadFile(filepath.Join(dir, "expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	var exp struct {
		Across struct {
			Timeline []struct{ When, What, Source string } `json:"timeline_must_include"`
		} `json:"across_articles"`
	}
	if err := json.Unmarshal(raw, &exp); err != nil {
		t.Fatal(err)
	}
	if len(exp.Across.Timeline) == 0 {
		t.Fatal("expected.json: no timeline_must_include")
	}
	values := map[string]map[string]bool{}
	for _, tl := range exp.Across.Timeline {
		if values[tl.Source] == nil {
			body, err := os.ReadFile(filepath.Join(dir, tl.Source))
			if err != nil {
				t.Fatal(err)
			}
			values[tl.Source] = map[string]bool{}
			for _, e := range Tag(string(body), anchors[tl.Source[:3]]) {
				values[tl.Source][e.Value] = true
				// A range counts for its ends, a minute for its day.
				if lo, hi, ok := strings.Cut(e.Value, "/"); ok {
					values[tl.Source][lo], values[tl.Source][hi] = true, true
				}
				if len(e.Value) > 10 {
					values[tl.Source][e.Value[:10]] = true
				}
			}
		}
		if !values[tl.Source][tl.When] {
			t.Errorf("%s: no time expression resolves to %s (%s)", tl.Source, tl.When, tl.What)
		}
	}
	// date_notes: "الأحد" must never resolve after publication.
	body, err := os.ReadFile(filepath.Join(dir, "001_d6281a036ef26186.txt"))
	if err != nil {
		t.Fatal(err)
	}
	sundays, afterMeeting := 0, false
	for _, e := range Tag(string(body), anchors["001"]) {
		if e.Granularity == day && e.Value > "2023-09-26" {
			t.Errorf("seed 001: %q resolves to %s, after publication", e.Text, e.Value)
		}
		switch e.Text {
		case "الأحد": // any Sunday from 2023-09-10 to 2023-09-24
			sundays++
			if e.Value < "2023-09-10" || e.Value > "2023-09-24" || e.From.Weekday() != 0 {
				t.Errorf("seed 001: الأحد = %s, want a Sunday in 2023-09-10..24", e.Value)
			}
		case "بعد 5 أيام من لقائه":
			afterMeeting = true
			if e.Value != "2023-09-21" {
				t.Errorf("seed 001: %q = %s, want 2023-09-21", e.Text, e.Value)
			}
		}
	}
	if sundays == 0 || !afterMeeting {
		t.Errorf("seed 001: found %d الأحد, بعد 5 أيام من لقائه found %v", sundays, afterMeeting)
	}
}

// TestCanStartIsSafe checks that skipping tokens no rule can start on
// changes no result, on the evaluation sentences, the seeds and real news.
func TestCanStartIsSafe(t *testing.T) {
	texts := []string{}
	for _, c := range loadCases(t) {
		texts = append(texts, c.Sentence)
	}
	seeds, _ := filepath.Glob("/work/shared/seeds/*.txt")
	for _, f := range seeds {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(raw))
	}
	if files, _ := filepath.Glob("/work/shared/data/saudinewsnet/*.zip"); len(files) > 0 {
		for i, a := range readSaudiNewsNet(t, files[0]) {
			if i == 300 {
				break
			}
			texts = append(texts, a.Content)
		}
	}
	for _, s := range texts {
		fast, slow := tag(s, nil, anchorTue, true), tag(s, nil, anchorTue, false)
		if strings.Join(summarize(fast), "|") != strings.Join(summarize(slow), "|") {
			t.Errorf("shortcut changes the result on %.60q:\n  with    %v\n  without %v", s, summarize(fast), summarize(slow))
		}
	}
}

// TestSaudiNewsNet runs the tagger over real articles: no panic, offsets
// valid, and a value for every absolute date.
func TestSaudiNewsNet(t *testing.T) {
	files, _ := filepath.Glob("/work/shared/data/saudinewsnet/*.zip")
	if len(files) == 0 {
		t.Skip("SaudiNewsNet not available")
	}
	if testing.Short() {
		files = files[:1]
	}
	articles, exprs, resolved := 0, 0, 0
	for _, f := range files[:min(len(files), 3)] {
		for _, a := range readSaudiNewsNet(t, f) {
			anchor, _ := ParseDate(a.Date[:min(len(a.Date), 10)])
			for _, e := range Tag(a.Content, anchor) {
				checkExpr(t, a.Content, e)
				exprs++
				if e.Value != "" {
					resolved++
				}
			}
			articles++
		}
	}
	t.Logf("%d articles, %d expressions, %d resolved", articles, exprs, resolved)
}

type snnArticle struct {
	Date    string `json:"date_extracted"`
	Content string `json:"content"`
}

func readSaudiNewsNet(t testing.TB, path string) []snnArticle {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var out []snnArticle
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		var arts []snnArticle
		err = json.NewDecoder(rc).Decode(&arts)
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out = append(out, arts...)
	}
	return out
}

// checkExpr asserts the invariants every Expr keeps.
func checkExpr(t testing.TB, text string, e Expr) {
	t.Helper()
	if e.Start < 0 || e.End > len(text) || e.Start >= e.End {
		t.Fatalf("Expr %q: offsets [%d,%d) outside text of %d bytes", e.Text, e.Start, e.End, len(text))
	}
	if !onBoundary(text, e.Start) || !onBoundary(text, e.End) {
		t.Errorf("Expr %q: offsets [%d,%d) not on rune boundaries", e.Text, e.Start, e.End)
	}
	if text[e.Start:e.End] != e.Text {
		t.Errorf("Expr Text %q != text[%d:%d] %q", e.Text, e.Start, e.End, text[e.Start:e.End])
	}
	if e.Granularity == "" {
		t.Errorf("Expr %q: no granularity", e.Text)
	}
	if (e.Value == "") != e.From.IsZero() || (e.Value != "" && !e.From.Before(e.To)) {
		t.Errorf("Expr %q: value %q with span [%v, %v)", e.Text, e.Value, e.From, e.To)
	}
}

// onBoundary reports whether i is where a rune starts (or the end), as
// ranging over the string decodes it: an invalid byte is a rune of its own.
func onBoundary(s string, i int) bool {
	if i == len(s) {
		return true
	}
	for j := range s {
		if j == i {
			return true
		}
		if j > i {
			break
		}
	}
	return false
}

func FuzzTag(f *testing.F) {
	for _, s := range []string{
		"وصل قائد قوات شرق ليبيا، خليفة حفتر، الثلاثاء، 26 سبتمبر/أيلول 2023 روسيا",
		"بعد 5 أيام من لقائه", "بين أبريل/نيسان 2019 ويونيو/حزيران 2020", "الساعة 16:49 من مساء أمس",
		"من 11 إلى 22 شوال 1436هـ", "٢٦/٩/٢٠٢٣", "منذ أكثر من أسبوع", "اليوم (الاثنين)", "2023-09-26T21:15:00+03:00",
		"ومنذ", "\xffالأحد\xfe", "الساعة 99:99", "31 فبراير 2023", "بين 5 و", "مطلع", "رمضان 99999 هـ",
	} {
		f.Add(s, true)
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, text string, anchored bool) {
		anchor := marsad.Date{}
		if anchored {
			anchor = anchorTue
		}
		prev := 0
		for _, e := range Tag(text, anchor) {
			checkExpr(t, text, e)
			if e.Start < prev {
				t.Errorf("Expr %q at %d overlaps the previous one ending at %d", e.Text, e.Start, prev)
			}
			prev = e.End
		}
	})
}

func seedBodies(b *testing.B) []string {
	b.Helper()
	files, _ := filepath.Glob("/work/shared/seeds/*.txt")
	if len(files) == 0 {
		b.Skip("seeds not available")
	}
	var bodies []string
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		bodies = append(bodies, string(raw))
	}
	return bodies
}

// BenchmarkTag tags the five seed articles per iteration.
func BenchmarkTag(b *testing.B) {
	bodies := seedBodies(b)
	n := 0
	for _, s := range bodies {
		n += len(s)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range bodies {
			Tag(s, anchorTue)
		}
	}
}

func BenchmarkParseDate(b *testing.B) {
	inputs := []string{"2023/09/26 الساعة 21:15 بتوقيت غرينتش", "الثلاثاء، 26 سبتمبر/أيلول 2023", "Tue, 26 Sep 2023 21:15:00 +0000", "23 فبراير 2018"}
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range inputs {
			ParseDate(s)
		}
	}
}
