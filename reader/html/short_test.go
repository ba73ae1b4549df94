package html

import (
	"strings"
	"testing"
)

// TestShortPage: a one-paragraph brief is the article, not a reason to
// fall back to the whole page's text.
func TestShortPage(t *testing.T) {
	html := page(`<title>خبر قصير | موقع</title>`, `<nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/s">رياضة</a></li></ul></nav>
<article><h1>خبر قصير</h1><p>أعلنت وزارة الصحة اليوم تسجيل عشر حالات جديدة في العاصمة.</p></article>
<footer>جميع الحقوق محفوظة © موقع 2024</footer>`)
	a, err := Parse([]byte(html), Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	if want := "أعلنت وزارة الصحة اليوم تسجيل عشر حالات جديدة في العاصمة."; a.Body != want {
		t.Errorf("body = %q, want %q", a.Body, want)
	}
}

// TestBrParagraphs: many Arabic sites break paragraphs with <br> inside
// one <div> rather than with <p>.
func TestBrParagraphs(t *testing.T) {
	para := "وصل قائد قوات شرق ليبيا إلى روسيا لإجراء مباحثات مع مسؤولي البلاد حول تطورات الأوضاع في ليبيا والعلاقات الثنائية."
	html := page(`<title>خبر</title>`, `<div id="menu"><a href="/">الرئيسية</a> | <a href="/x">أخبار</a></div>
<div class="news-text">`+strings.Repeat(para+"<br><br>\n", 5)+`</div><div class="footer">© 2020</div>`)
	a, err := Parse([]byte(html), Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(a.Body, para); got != 5 || strings.Count(a.Body, "\n") != 4 || strings.Contains(a.Body, "الرئيسية") {
		t.Errorf("body = %q, want 5 lines of the paragraph and no menu", a.Body)
	}
}
