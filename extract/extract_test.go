package extract

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/marsad-news/marsad"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/articles")

// expectedSeed is the part of testdata/seeds/expected.json this package
// answers for. A pointer is nil when the key is absent (not checked); a key
// with JSON null is checked against "".
type expectedSeed struct {
	Title       *json.RawMessage `json:"title"`
	Published   *json.RawMessage `json:"published"`
	Updated     *json.RawMessage `json:"updated"`
	Outlet      *json.RawMessage `json:"outlet"`
	Author      *json.RawMessage `json:"author"`
	Dateline    *json.RawMessage `json:"dateline"`
	TitleNote   string           `json:"title_note"`
	Boilerplate []string         `json:"boilerplate_not_in_body"`
}

func loadExpected(t *testing.T) map[string]expectedSeed {
	t.Helper()
	data, err := os.ReadFile("testdata/seeds/expected.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Articles map[string]expectedSeed `json:"articles"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	return doc.Articles
}

// want returns the expected string of a field and whether it is checked.
func want(raw *json.RawMessage) (string, bool) {
	if raw == nil {
		return "", false
	}
	var s *string
	if err := json.Unmarshal(*raw, &s); err != nil || s == nil {
		return "", true
	}
	return *s, true
}

func TestTextSeeds(t *testing.T) {
	expected := loadExpected(t)
	if len(expected) != 5 {
		t.Fatalf("expected.json has %d articles, want 5", len(expected))
	}
	for name, exp := range expected {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata/seeds", name))
			if err != nil {
				t.Fatal(err)
			}
			a, err := Text(name, data)
			if err != nil {
				t.Fatalf("Text: %v", err)
			}
			fields := []struct {
				name string
				raw  *json.RawMessage
				got  string
			}{
				{"title", exp.Title, a.Title},
				{"published", exp.Published, a.Published.String()},
				{"updated", exp.Updated, a.Updated.String()},
				{"outlet", exp.Outlet, a.Outlet},
				{"author", exp.Author, a.Author},
				{"dateline", exp.Dateline, a.Dateline},
			}
			for _, f := range fields {
				w, checked := want(f.raw)
				if !checked || f.got == w {
					continue
				}
				// The note allows "no title" for a page without a headline.
				if f.name == "title" && exp.TitleNote != "" && f.got == "" {
					continue
				}
				t.Errorf("%s = %q, want %q", f.name, f.got, w)
			}
			for _, b := range exp.Boilerplate {
				if strings.Contains(a.Body, b) {
					t.Errorf("body contains boilerplate %q", b)
				}
			}
			if a.Dateline != "" && strings.HasPrefix(a.Body, a.Dateline+" -") {
				t.Errorf("body still opens with the dateline: %.60q", a.Body)
			}
			if a.Language != "ar" {
				t.Errorf("language = %q, want ar", a.Language)
			}
			if a.Title != "" && strings.HasPrefix(a.Body, a.Title+"\n") {
				t.Errorf("body repeats the title")
			}
			if a.ContentHash != ContentHash(a.Title, a.Body) || len(a.ContentHash) != 64 {
				t.Errorf("content hash %q does not match title and body", a.ContentHash)
			}
		})
	}
}

// The seeds keep their real paragraphs: the first and last sentences of the
// story survive the chrome removal.
func TestTextSeedsKeepStory(t *testing.T) {
	tests := []struct {
		file, first, last string
	}{
		{"000_a8c3a090628d7966.txt", "وصل القائد العام للجيش الليبي", "بتفسيرات منحرفة أو خاطئة”."},
		{"001_d6281a036ef26186.txt", "وصل قائد قوات شرق ليبيا", "مساء 16 سبتمبر/أيلول 2023."},
		{"002_ee36e317db208321.txt", "زيارات عديدة قام بها العقيد", "المرفوض شعبيًا في ليبيا."},
		{"003_904a84c03f7bc909.txt", "فشل الدعم الروسي حتى اللحظة", "إلى ليبيا لدعم مليشيات حفتر."},
		{"004_d8e06b09afdf7b02.txt", "ذكرت صحيفة \"وول ستريت جورنال\"", "في ليبيا الحديثة\"."},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata/seeds", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			a, err := Text(tt.file, data)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(a.Body, tt.first) {
				t.Errorf("body starts %.80q, want %q", a.Body, tt.first)
			}
			if !strings.HasSuffix(a.Body, tt.last) {
				t.Errorf("body ends %q, want %q", a.Body[max(0, len(a.Body)-120):], tt.last)
			}
		})
	}
}

// The articles in testdata/articles are hand-written pages of other shapes;
// each has a golden file with the extracted article or the error.
func TestTextGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/articles/*")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range files {
		if strings.HasSuffix(f, ".golden.json") {
			continue
		}
		n++
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			a, err := Text(name, data)
			var got []byte
			if err != nil {
				got, _ = json.MarshalIndent(map[string]string{"error": err.Error()}, "", "  ")
			} else {
				got, _ = json.MarshalIndent(a, "", "  ")
			}
			got = append(got, '\n')
			golden := f + ".golden.json"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			wantBytes, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if !bytes.Equal(got, wantBytes) {
				t.Errorf("Text(%s) differs from %s:\ngot:\n%s\nwant:\n%s", name, golden, got, wantBytes)
			}
		})
	}
	if n < 8 {
		t.Errorf("only %d hand-written articles, want at least 8", n)
	}
}

func TestTextErrors(t *testing.T) {
	huge := bytes.Repeat([]byte("مرحبا "), MaxSize/len("مرحبا ")+1)
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"empty", nil, marsad.ErrEmpty},
		{"whitespace", []byte(" \n\t\r\n "), marsad.ErrEmpty},
		{"bom only", []byte("\xef\xbb\xbf\n"), marsad.ErrEmpty},
		{"nul", []byte("خبر\x00عاجل عن الطقس في القاهرة اليوم"), marsad.ErrBinary},
		{"controls", []byte("\x01\x02\x03\x04 abc \x05\x06"), marsad.ErrBinary},
		{"pdf", []byte("%PDF-1.7\nخبر"), marsad.ErrBinary},
		{"too large", huge, marsad.ErrTooLarge},
		{"latin-1", []byte("Le caf\xe9 \xe9tait ferm\xe9 ce matin \xe0 cause de la gr\xe8ve des employ\xe9s."), marsad.ErrInvalidUTF8},
		{"english", []byte("The minister said on Monday that the talks would resume next week in Geneva."), marsad.ErrNotArabic},
		{"persian", []byte("وزیر امور خارجه ایران گفت که گفتگوها هفته آینده در ژنو ادامه پیدا می‌کند و این کشور آماده است."), marsad.ErrNotArabic},
		{"digits only", []byte("12 34 56\n---\n"), marsad.ErrNoBody},
		{"chrome only", []byte("شارك\nفيسبوك تويتر واتساب\nأرسل تعليقك\nتحميل المزيد\n"), marsad.ErrNoBody},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Text("in/"+tt.name, tt.data)
			if !errors.Is(err, tt.want) {
				t.Fatalf("Text = %v, %v; want error %v", a, err, tt.want)
			}
			var ie *marsad.InputError
			if !errors.As(err, &ie) || ie.Input != "in/"+tt.name {
				t.Errorf("error %v is not an *InputError naming the input", err)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error message has more than one line: %q", err)
			}
		})
	}
}

func TestTextWindows1256(t *testing.T) {
	utf, err := os.ReadFile("testdata/articles/hijri_date.txt")
	if err != nil {
		t.Fatal(err)
	}
	legacy, err := os.ReadFile("testdata/articles/cp1256.txt")
	if err != nil {
		t.Fatal(err)
	}
	a, err := Text("utf8", utf)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Text("cp1256", legacy)
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != b.Title || a.Body != b.Body || a.ContentHash != b.ContentHash {
		t.Errorf("windows-1256 copy reads differently:\n%q\n%q", a.Title+a.Body[:80], b.Title+b.Body[:80])
	}
}

func TestTextUTF16(t *testing.T) {
	src := "خبر عاجل عن الطقس\n\nتوقعت هيئة الأرصاد الجوية هطول أمطار غزيرة على معظم المناطق الشمالية خلال اليومين المقبلين."
	var buf bytes.Buffer
	buf.WriteString("\xff\xfe")
	for _, r := range src {
		buf.WriteByte(byte(r))
		buf.WriteByte(byte(r >> 8))
	}
	a, err := Text("utf16", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "خبر عاجل عن الطقس" {
		t.Errorf("title = %q", a.Title)
	}
}

// A page with a few broken bytes stays UTF-8: they are dropped, the Arabic
// around them is kept.
func TestTextMostlyUTF8(t *testing.T) {
	data, err := os.ReadFile("testdata/seeds/002_ee36e317db208321.txt")
	if err != nil {
		t.Fatal(err)
	}
	broken := append(append([]byte{}, data[:500]...), 0xff)
	broken = append(broken, data[500:]...)
	a, err := Text("broken", broken)
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "حفتر يبحث عن مظلة عسكرية روسية" || !utf8.ValidString(a.Body) {
		t.Errorf("title = %q", a.Title)
	}
}

func TestContentHashStable(t *testing.T) {
	data, err := os.ReadFile("testdata/seeds/000_a8c3a090628d7966.txt")
	if err != nil {
		t.Fatal(err)
	}
	a, err := Text("a", data)
	if err != nil {
		t.Fatal(err)
	}
	// Another crawl of the same page: other chrome, tashkeel, tatweel, CRLF.
	other := "الرئيسية\r\nشارك: فيسبوك تويتر واتساب\r\n" +
		strings.ReplaceAll(strings.ReplaceAll(string(data), "\n", "\r\n"), "حفتر يستنجد", "حَفْتَر يستنـــجد") +
		"\r\nأرسل تعليقك\r\nتحميل المزيد\r\n"
	b, err := Text("b", []byte(other))
	if err != nil {
		t.Fatal(err)
	}
	if a.ContentHash != b.ContentHash {
		t.Errorf("hash differs between crawls:\n%q\n%q", a.Title, b.Title)
	}
}

func TestClean(t *testing.T) {
	body := "عربي بوست\nتم النشر: 2023/09/26 الساعة 21:15 بتوقيت غرينتش\n" +
		"شارك: فيسبوك تويتر واتساب\n" +
		"موسكو - وصل قائد قوات شرق ليبيا إلى روسيا لإجراء مباحثات مع مسؤولي البلاد حول تطورات الأوضاع.\n" +
		"خليفة حفتر يزور روسيا/ منصات التواصل\n" +
		"وأضافت القوات في بيان أن الزيارة تأتي بناء على دعوة رسمية من موسكو.\n" +
		"أرسل تعليقك\nتعليقك كزائر\nجميع الحقوق محفوظة © 2023 عربي بوست"
	t.Run("fills empty fields", func(t *testing.T) {
		a := &marsad.Article{Title: "حفتر في موسكو", Body: body}
		Clean(a)
		if a.Title != "حفتر في موسكو" {
			t.Errorf("title = %q, changed", a.Title)
		}
		if a.Outlet != "عربي بوست" || a.Dateline != "موسكو" || a.Published.String() != "2023-09-26T21:15:00Z" {
			t.Errorf("outlet, dateline, published = %q, %q, %q", a.Outlet, a.Dateline, a.Published)
		}
		wantBody := "وصل قائد قوات شرق ليبيا إلى روسيا لإجراء مباحثات مع مسؤولي البلاد حول تطورات الأوضاع.\n" +
			"وأضافت القوات في بيان أن الزيارة تأتي بناء على دعوة رسمية من موسكو."
		if a.Body != wantBody {
			t.Errorf("body =\n%s\nwant\n%s", a.Body, wantBody)
		}
		if a.Language != "ar" || a.ContentHash == "" {
			t.Errorf("language %q, hash %q", a.Language, a.ContentHash)
		}
		before := *a
		Clean(a)
		if a.Body != before.Body || a.ContentHash != before.ContentHash {
			t.Errorf("Clean is not idempotent:\n%s\n%s", before.Body, a.Body)
		}
	})
	t.Run("keeps set fields", func(t *testing.T) {
		a := &marsad.Article{Title: "عنوان", Outlet: "الجزيرة", Author: "كاتب معروف", Dateline: "الدوحة",
			Published: marsad.DayDate(2020, 1, 2), Language: "ar", Body: body}
		Clean(a)
		if a.Outlet != "الجزيرة" || a.Author != "كاتب معروف" || a.Dateline != "الدوحة" || a.Published.String() != "2020-01-02" {
			t.Errorf("Clean changed a set field: %+v", a)
		}
	})
	t.Run("drops the title line", func(t *testing.T) {
		a := &marsad.Article{Title: "حفتر في موسكو", Body: "حفتر في موسكو\n" + body}
		Clean(a)
		if strings.HasPrefix(a.Body, "حفتر في موسكو") {
			t.Errorf("body starts with the title: %.40q", a.Body)
		}
	})
	t.Run("nil and empty", func(t *testing.T) {
		Clean(nil)
		a := &marsad.Article{}
		Clean(a)
		if a.Body != "" {
			t.Errorf("body = %q", a.Body)
		}
	})
}

func TestLanguage(t *testing.T) {
	tests := []struct{ in, want string }{
		{"وصل قائد قوات شرق ليبيا إلى روسيا", "ar"},
		{"أرسلت روسيا 6 مقاتلات من طراز Mig-29 ومقاتلتين من طراز Su-24", "ar"},
		{"The minister said the talks would resume next week", "en"},
		{"Le ministre a dit que les négociations reprendront la semaine prochaine", "fr"},
		{"وزیر امور خارجه ایران گفت که گفتگوها هفته آینده ادامه پیدا می‌کند", "fa"},
		{"Министр заявил, что переговоры возобновятся", "ru"},
		{"שר החוץ אמר כי השיחות יחודשו", "he"},
		{"", ""},
		{"12 34 56", ""},
	}
	for _, tt := range tests {
		t.Run(tt.want+"/"+tt.in, func(t *testing.T) {
			if got := Language(tt.in); got != tt.want {
				t.Errorf("Language(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestLookupOutlet(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"الجزيرة نت", "الجزيرة", true},
		{"الجزيره.نت", "الجزيرة", true},
		{"Al Jazeera", "الجزيرة", true},
		{"RT عربي", "روسيا اليوم", true},
		{"أ ف ب", "فرانس برس", true},
		{"أ.ف.ب", "فرانس برس", true},
		{"وكالة الأنباء السعودية", "واس", true},
		{"وكالة الأنباء الليبية", "وال", true},
		{"صحيفة عكاظ", "عكاظ", true},
		{"«القدس العربي»", "القدس العربي", true},
		{"عربي بوست", "عربي بوست", true},
		{"المغرب اليوم", "المغرب اليوم", true},
		{"هسبريس", "هسبريس", true},
		{"سكاي نيوز عربية", "سكاي نيوز عربية", true},
		{"بي بي سي", "بي بي سي عربي", true},
		{"شبكة مجهار", "", false},
		{"وزارة الخارجية", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := LookupOutlet(tt.in)
			if got != tt.want || ok != tt.ok {
				t.Errorf("LookupOutlet(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
			}
		})
	}
	if n := len(Outlets()); n < 100 {
		t.Errorf("%d outlets shipped, want at least 100", n)
	}
}

// Every name and variant in outlets.tsv finds its own outlet, unless an
// earlier outlet claimed the same spelling (then the test names both).
func TestOutletsFile(t *testing.T) {
	for _, o := range Outlets() {
		if o.Type == "" || o.Country == "" {
			t.Errorf("%s: missing type or country", o.Name)
		}
		for _, v := range append([]string{o.Name}, o.Variants...) {
			if got, ok := LookupOutlet(v); !ok || got != o.Name {
				t.Errorf("variant %q of %s finds %q, %v", v, o.Name, got, ok)
			}
		}
	}
}

func TestParseHeaderDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"تم النشر: 2023/09/26 الساعة 21:15 بتوقيت غرينتش", "2023-09-26T21:15:00Z"},
		{"23 فبراير 2018", "2018-02-23"},
		{"الثلاثاء 11 ربيع الأول 1445 هـ - 26 سبتمبر 2023 م", "2023-09-26"},
		{"الأحد 12 مارس 2023 - 10:30 ص بتوقيت مكة المكرمة", "2023-03-12T10:30:00+03:00"},
		{"6 آذار 2021 - 14:05 بتوقيت القاهرة", "2021-03-06T14:05:00+02:00"},
		{"26/09/2023 09:15 م", "2023-09-26T21:15:00Z"},
		{"٢٦ سبتمبر/أيلول ٢٠٢٣", "2023-09-26"},
		{"2023-09-26T21:15:00+03:00", "2023-09-26T21:15:00+03:00"},
		{"15 جويلية 2020", "2020-07-15"},
		{"2023", ""},
		{"31/02/2023", ""},
		{"حفتر في موسكو", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			d, ok := parseHeaderDate(tt.in)
			if got := d.String(); got != tt.want || ok != (tt.want != "") {
				t.Errorf("parseHeaderDate(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
			}
		})
	}
}

func TestLineRules(t *testing.T) {
	tests := []struct {
		name string
		fn   func(string) bool
		in   string
		want bool
	}{
		{"chrome", isChrome, "+ الخط -", true},
		{"chrome", isChrome, "شارك: فيسبوك تويتر واتساب", true},
		{"chrome", isChrome, "تحميل المزيد", true},
		{"chrome", isChrome, "تعليقك كزائر", true},
		{"chrome", isChrome, "اقرأ أيضا: النفط يرتفع", true},
		{"chrome", isChrome, "وقال إنه سيزور تويتر", false},
		{"junk", isJunk, "05C60754-3195-4BA1-8C61-5E78E41A4B63", true},
		{"junk", isJunk, "0", true},
		{"junk", isJunk, "•", true},
		{"junk", isJunk, "in", true},
		{"junk", isJunk, "حفتر", false},
		{"copyright", isCopyright, "جميع الحقوق محفوظه © شبكة مِجْهَار", true},
		{"copyright", isCopyright, "وقال إن الحقوق مصانة", false},
		{"design", isDesignCredit, "تصميم الورشه", true},
		{"design", isDesignCredit, "تصميم جديد للعملة الوطنية يطرح في الأسواق الأسبوع المقبل.", false},
		{"bio", isBio, "كاتب وباحث فلسطيني في مركز الأبحاث ودراسة السياسات، مقيم في الدوحة", true},
		{"name", isNameLike, "أحمد قاسم حسين", true},
		{"name", isNameLike, "محمد بن علي", true},
		{"name", isNameLike, "في مركز الأبحاث", false},
		{"paragraph", isParagraph, "حفتر يبحث عن مظلة عسكرية روسية", false},
		{"headline", isHeadlineLike, "تركيا والولايات المتحدة يؤكدان ضرورة إيقاف ممارسات حفتر", true},
	}
	for _, tt := range tests {
		t.Run(tt.name+"/"+tt.in, func(t *testing.T) {
			if got := tt.fn(tt.in); got != tt.want {
				t.Errorf("%s(%q) = %v, want %v", tt.name, tt.in, got, tt.want)
			}
		})
	}
	captions := []struct {
		in   string
		want bool
	}{
		{"خليفة حفتر يزور روسيا/ منصات التواصل", true},
		{"اللواء الليبي المتقاعد خليفة حفتر / رويترز", true},
		{"خوف في درنة من كارثة بيئية بسبب تحلل الجثث – رويترز", true},
		{"محطة وقود في القاهرة (رويترز)", true},
		{"وقال المتحدث إن الوضع هادئ (رويترز).", false},
		{"العلاقات بين مصر - السودان", false},
	}
	for _, tt := range captions {
		if _, got := captionCredit(tt.in); got != tt.want {
			t.Errorf("captionCredit(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
	if got := copyrightOutlet("جميع الحقوق محفوظه © شبكة مِجْهَار"); got != "شبكة مجهار" {
		t.Errorf("copyrightOutlet = %q", got)
	}
	for in, want := range map[string]string{
		"© 2010-2023 جميع الحقوق محفوظة لموقع الخبر اليوم": "موقع الخبر اليوم",
		"جميع الحقوق محفوظة © 2023 لموقع عربي بوست":        "عربي بوست",
		"Copyright © 2023 Al Jazeera Media Network":        "Al Jazeera Media Network",
		"© جميع الحقوق محفوظة لصحيفة عكاظ 2024":            "عكاظ",
	} {
		if got := copyrightOutlet(in); got != want {
			t.Errorf("copyrightOutlet(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDatelineAndByline(t *testing.T) {
	dl := []struct{ in, place, outlet, rest string }{
		{"واشنطن - المغرب اليوم", "واشنطن", "المغرب اليوم", ""},
		{"القاهرة (رويترز) - قال مسؤولون إن المحادثات ستستأنف", "القاهرة", "رويترز", "قال مسؤولون إن المحادثات ستستأنف"},
		{"بيروت - «القدس العربي»: أقرت الحكومة الخطة", "بيروت", "القدس العربي", "أقرت الحكومة الخطة"},
		{"الرياض - واس", "الرياض", "واس", ""},
		{"موسكو - نجح القائد العام في فتح قنوات", "موسكو", "", "نجح القائد العام في فتح قنوات"},
	}
	for _, tt := range dl {
		d, ok := parseDateline(tt.in)
		if !ok || d.place != tt.place || d.outlet != tt.outlet || d.rest != tt.rest {
			t.Errorf("parseDateline(%q) = %+v, %v; want %q %q %q", tt.in, d, ok, tt.place, tt.outlet, tt.rest)
		}
	}
	for _, in := range []string{"وقال - في تصريح", "في القاهرة - أمس", "الثلاثاء - 26 سبتمبر", "الصخيرات-2 اتفاق"} {
		if d, ok := parseDateline(in); ok {
			t.Errorf("parseDateline(%q) = %+v, want no dateline", in, d)
		}
	}
	for in, want := range map[string][3]string{
		"هسبريس - عبد السلام الشامخ": {"هسبريس", "عبد السلام الشامخ", ""},
		"نايف عبدالله – عين اليوم":   {"عين اليوم", "نايف عبدالله", ""},
		"واس - مكة المكرمة":          {"واس", "", "مكة المكرمة"},
		"عين اليوم – جدة":            {"عين اليوم", "", "جدة"},
		"الحدث - الرياض":             {"", "", ""},
	} {
		o, a, p, _ := parseOutletByline(in)
		if o != want[0] || a != want[1] || p != want[2] {
			t.Errorf("parseOutletByline(%q) = %q, %q, %q; want %q", in, o, a, p, want)
		}
	}
	by := []struct{ in, want string }{
		{"بقلم: سامي بن علي الخطيب", "سامي بن علي الخطيب"},
		{"كتب - محمد عبد الله", "محمد عبد الله"},
		{"بقلم د. منى ذو الفقار - القاهرة", "د. منى ذو الفقار"},
		{"كتب الرئيس في رسالته إلى البرلمان أن الوضع خطير", ""},
	}
	for _, tt := range by {
		got, _ := parseByline(tt.in)
		if got != tt.want {
			t.Errorf("parseByline(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzText(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/seeds/*.txt")
	arts, _ := filepath.Glob("testdata/articles/*.txt")
	for _, p := range append(seeds, arts...) {
		if data, err := os.ReadFile(p); err == nil && len(data) < 8000 {
			f.Add(data)
		}
	}
	f.Add([]byte("واشنطن - \n(رويترز)\n© \n- - -\n"))
	f.Add([]byte("\xff\xfe\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := Text("fuzz", data)
		if err != nil {
			var ie *marsad.InputError
			if !errors.As(err, &ie) {
				t.Fatalf("error %v is not an *InputError", err)
			}
			return
		}
		for _, s := range []string{a.Body, a.Title, a.Outlet, a.Author, a.Dateline} {
			if !utf8.ValidString(s) || strings.ContainsRune(s, 0) {
				t.Fatalf("invalid UTF-8 or NUL in %q", s)
			}
		}
		if a.Body == "" {
			t.Fatal("article without body")
		}
		// Clean on an extracted body keeps it (nothing left to remove).
		b := &marsad.Article{Title: a.Title, Body: a.Body}
		Clean(b)
		if !utf8.ValidString(b.Body) {
			t.Fatalf("Clean made invalid UTF-8")
		}
	})
}

func BenchmarkText(b *testing.B) {
	files, _ := filepath.Glob("testdata/seeds/*.txt")
	var inputs [][]byte
	size := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		inputs = append(inputs, data)
		size += len(data)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, data := range inputs {
			if _, err := Text("bench", data); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func TestDateLabelAndSource(t *testing.T) {
	labels := []struct{ in, pub, upd string }{
		{"تم النشر: 2023/09/26 الساعة 21:15 بتوقيت غرينتش", "2023-09-26T21:15:00Z", ""},
		{"تم التحديث: 2023/09/26 الساعة 21:55 بتوقيت غرينتش", "", "2023-09-26T21:55:00Z"},
		{"نشر في 26/09/2023 | آخر تحديث 27/09/2023", "2023-09-26", "2023-09-27"},
		{"Published: 26 September 2023", "2023-09-26", ""},
		{"تحديثات ويندوز الجديدة إجبارية", "", ""},
	}
	for _, tt := range labels {
		pub, upd, _ := dateLabel(tt.in)
		p, _ := parseHeaderDate(pub)
		u, _ := parseHeaderDate(upd)
		if p.String() != tt.pub || u.String() != tt.upd {
			t.Errorf("dateLabel(%q) = %q, %q; want %q, %q", tt.in, p, u, tt.pub, tt.upd)
		}
	}
	sources := []struct{ in, want string }{
		{"المصدر: الجزيرة نت", "الجزيرة"},
		{"المصدر: وكالة الأنباء السعودية", "واس"},
		{"المصدر: موقع الخبر اليوم", "موقع الخبر اليوم"},
		{"المصدر: وزارة الصحة", ""},
		{"المصدر: وكالات", ""},
	}
	for _, tt := range sources {
		if got, _ := parseSourceLine(tt.in); got != tt.want {
			t.Errorf("parseSourceLine(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
