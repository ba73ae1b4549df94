package extract

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/marsad-news/marsad"
)

func TestParseDatedDateline(t *testing.T) {
	tests := []struct {
		line                      string
		place, outlet, date, rest string // date "" : not a dateline
	}{
		{"الرياض 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس", "الرياض", "واس", "2015-08-11", ""},
		{"الرياض 26 شوال 1436 ه الموافق 11 اغسطس 2015 م واس يلتحق 600 موظف", "الرياض", "واس", "2015-08-11", "يلتحق 600 موظف"},
		{"الكويت - 11 - 8 - 2015 (كونا) -- قال وزير", "الكويت", "كونا", "2015-08-11", "قال وزير"},
		{"أبو ظبي في 11 أغسطس 2015 / وام / أعلنت", "أبو ظبي", "وام", "2015-08-11", "أعلنت"},
		{"القاهرة في 3 مارس 2020 (أ ش أ) قال", "القاهرة", "مينا", "2020-03-03", "قال"},
		// No year: no day to date the story by.
		{"أبوظبي في 11 أغسطس / وام / أعلنت وزارة", "", "", "", ""},
		{"الرياض واس", "", "", "", ""},
		{"الرياض 2015 واس", "", "", "", ""},
		// A sentence that holds a date and names an agency later is no dateline.
		{"السعودية في 5 مايو 2020 أعلنت وزارة الصحة لوكالة واس أن", "", "", "", ""},
		// A place that is also an outlet's name is not the agency.
		{"الرياض 11 أغسطس 2015 الرياض", "", "", "", ""},
	}
	for _, tt := range tests {
		d, date, ok := parseDatedDateline(tt.line)
		if tt.date == "" {
			if ok {
				t.Errorf("%q: read as a dateline %+v %s", tt.line, d, date)
			}
			continue
		}
		if !ok || d.place != tt.place || d.outlet != tt.outlet || date.String() != tt.date || d.rest != tt.rest {
			t.Errorf("%q = %+v %s %v, want %s %s %s %q", tt.line, d, date, ok, tt.place, tt.outlet, tt.date, tt.rest)
		}
	}
}

func TestCleanWireStory(t *testing.T) {
	a := &marsad.Article{
		Title: "رعاية الشباب تحتفي باليوم العالمي للحركة الكشفية غداً",
		Body: "الرياض 26 شوال 1436 ه الموافق 11 اغسطس 2015 م واس\n" +
			"تحتفي الرئاسة العامة لرعاية الشباب غداً باليوم العالمي للحركة الكشفية بحضور عدد من المسؤولين.\n" +
			"وأوضح مدير عام النشاطات الشبابية أن الإدارة أكملت الاستعدادات للحفل.\n" +
			"13:37 ت م",
	}
	Clean(a)
	if a.Dateline != "الرياض" || a.Outlet != "واس" {
		t.Errorf("dateline, outlet = %q, %q", a.Dateline, a.Outlet)
	}
	// The date from the dateline, the time of day from the closing stamp
	// (Mecca time).
	if got := a.Published.String(); got != "2015-08-11T13:37:00+03:00" {
		t.Errorf("published = %s", got)
	}
	want := "تحتفي الرئاسة العامة لرعاية الشباب غداً باليوم العالمي للحركة الكشفية بحضور عدد من المسؤولين.\n" +
		"وأوضح مدير عام النشاطات الشبابية أن الإدارة أكملت الاستعدادات للحفل."
	if a.Body != want {
		t.Errorf("body =\n%s", a.Body)
	}
}

func TestMeccaStamp(t *testing.T) {
	for s, want := range map[string]int{"13:37 ت م": 13*60 + 37, "9:05 ت.م": 9*60 + 5, "13:37": -1, "25:00 ت م": -1, "الساعة 13:37 ت م": -1} {
		if got := meccaStamp(s); got != want {
			t.Errorf("meccaStamp(%q) = %d, want %d", s, got, want)
		}
	}
}

func FuzzParseDatedDateline(f *testing.F) {
	f.Add("الرياض 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس")
	f.Add("القاهرة في 3 مارس 2020 (أ ش أ) قال")
	f.Add("الكويت - 11 - 8 - 2015 (كونا) -- قال وزير")
	f.Fuzz(func(t *testing.T, s string) {
		d, date, ok := parseDatedDateline(s)
		if !ok {
			return
		}
		if d.place == "" || d.outlet == "" || date.IsZero() {
			t.Fatalf("%q: incomplete dateline %+v %s", s, d, date)
		}
		if utf8.ValidString(s) && !utf8.ValidString(d.rest) {
			t.Fatalf("%q: rest is not valid UTF-8: %q", s, d.rest)
		}
		if len(d.rest) > len(s) {
			t.Fatalf("%q: rest %q longer than the line", s, d.rest)
		}
	})
}

// An outlet before the place («سبق- الرياض:»), after a reporter or alone;
// a second place with no text after it belongs to the dateline too.
func TestParseDatelineOutletFirst(t *testing.T) {
	tests := []struct{ line, author, outlet, place, rest string }{
		{"سبق- الرياض: أعلن وزير التعليم خطة", "", "سبق", "الرياض", "أعلن وزير التعليم خطة"},
		{"محمد البقمي- سبق- الرياض: أكد رئيس اللجنة", "محمد البقمي", "سبق", "الرياض", "أكد رئيس اللجنة"},
		{"عين اليوم – جيزان – الباحة", "", "عين اليوم", "جيزان", ""},
	}
	for _, tt := range tests {
		d, ok := parseDateline(tt.line)
		if !ok || d.author != tt.author || d.outlet != tt.outlet || d.place != tt.place || d.rest != tt.rest {
			t.Errorf("parseDateline(%q) = %+v, %v; want %q %q %q %q", tt.line, d, ok, tt.author, tt.outlet, tt.place, tt.rest)
		}
	}
}

// A dateline opening a paragraph longer than the bytes the expression
// reads cuts only the dateline: the story keeps its end.
func TestDatelineKeepsLongParagraph(t *testing.T) {
	long := "سبق- الرياض: " + strings.Repeat("أعلنت الوزارة عن خطة جديدة لتطوير الخدمات في المنطقة. ", 120) + "وهذه آخر جملة في الخبر."
	a := &marsad.Article{Title: "عنوان الخبر", Body: long}
	Clean(a)
	if !strings.HasSuffix(a.Body, "وهذه آخر جملة في الخبر.") {
		t.Errorf("body of %d bytes ends %q", len(a.Body), a.Body[max(0, len(a.Body)-60):])
	}
	if a.Dateline != "الرياض" || strings.HasPrefix(a.Body, "سبق") {
		t.Errorf("dateline %q, body starts %q", a.Dateline, a.Body[:30])
	}
}

// A Gulf zone abbreviation counts as a word of its own only.
func TestHeaderZoneWords(t *testing.T) {
	if d, ok := parseHeaderDate("نشر في: 26 سبتمبر ,2023: 09:15 م GST"); !ok || d.Time.Format("15:04 -0700") != "21:15 +0400" {
		t.Errorf("GST header = %v %v", d, ok)
	}
	if d, ok := parseHeaderDate("26 سبتمبر 2023 09:15 Last update"); ok && d.Time.Format("-0700") == "+0300" {
		t.Errorf("«Last» read as AST: %v", d)
	}
}

// A place written with tashkeel opens a dateline too.
func TestDatelineWithTashkeel(t *testing.T) {
	d, ok := parseDateline("عمّان - بحث وزير الخارجية، اليوم الخميس، مع نظيره الأردني تطورات الأوضاع")
	if !ok || d.place != "عمان" || !strings.HasPrefix(d.rest, "بحث") {
		t.Errorf("= %+v, %v", d, ok)
	}
}
