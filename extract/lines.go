package extract

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/marsad-news/marsad/arabic"
)

// This file classifies single lines of a scraped page: page chrome (comment
// prompts, share bars, font widgets, "load more"), photo captions and
// credits, copyright footers, junk (counters, bullets, GUIDs), and the shape
// of a line (a paragraph, a headline). The rules look at the form of a line
// and at short lists of words that only page chrome uses; they never look
// for a particular site.

// isQuoteOrPunct reports punctuation and symbols, quotes and brackets
// included.
func isQuoteOrPunct(r rune) bool {
	if r < punctTableSize {
		return punctTable[r]
	}
	return unicode.IsPunct(r) || unicode.IsSymbol(r)
}

// punctTable caches isQuoteOrPunct below U+0800 (Latin and Arabic): lineKey
// asks it of every rune of every short line.
const punctTableSize = 0x800

var punctTable = func() (t [punctTableSize]bool) {
	for r := range rune(punctTableSize) {
		t[r] = unicode.IsPunct(r) || unicode.IsSymbol(r)
	}
	return t
}()

// lineKey is the matching form of a short line: normalized, punctuation and
// symbols turned into spaces, spaces collapsed.
func lineKey(s string) string {
	s = arabic.Normalize(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if r == ' ' || isQuoteOrPunct(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// lineFacts is what several rules ask of one line: its length in words (up
// to maxFactWords) and its key, computed once when they are asked in a row.
// dropChrome asks them of every line of every body.
type lineFacts struct {
	text  string
	words int // wordCountMax(text, maxFactWords)
	k     string
	keyed bool
}

// maxFactWords is the longest line any rule of lineFacts looks at.
const maxFactWords = 30

func factsOf(s string) lineFacts {
	return lineFacts{text: s, words: wordCountMax(s, maxFactWords)}
}

// key is lineKey(f.text).
func (f *lineFacts) key() string {
	if !f.keyed {
		f.k, f.keyed = lineKey(f.text), true
	}
	return f.k
}

// wordCountMax counts the words of s that hold a letter or a digit, but it
// stops reading at the first word past max and then returns max+1. Most
// rules only compare a line's length with a small bound, and most lines of a
// story are long paragraphs: this way each rule reads a few words of them,
// not the whole paragraph. It is called on every line by most rules, so the
// Arabic block takes a fast path.
func wordCountMax(s string, max int) int {
	n := 0
	counted := false
	for _, r := range s {
		switch {
		case r >= 0x0620 && r <= 0x064a, r >= 0x0660 && r <= 0x0669, r >= 0x0671 && r <= 0x06d3:
			// Arabic letters and digits.
		case r <= ' ' || r == '\u00a0' || r == '\u0085' || r >= 0x1680 && unicode.IsSpace(r):
			counted = false
			continue
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
			continue
		}
		if !counted {
			if n == max {
				return max + 1
			}
			n++
			counted = true
		}
	}
	return n
}

func hasLetter(s string) bool { return strings.IndexFunc(s, unicode.IsLetter) >= 0 }

func hasArabicLetter(s string) bool { return strings.IndexFunc(s, arabic.IsArabicLetter) >= 0 }

// isCloser reports characters that may follow the last sentence mark:
// closing quotes and brackets.
func isCloser(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', '»', '›', ')', ']', '}', '」':
		return true
	}
	return unicode.Is(unicode.Pe, r) || unicode.Is(unicode.Pf, r)
}

// lastMark returns the last rune of s that is not a space or a closer.
func lastMark(s string) rune {
	s = strings.TrimRightFunc(s, func(r rune) bool { return unicode.IsSpace(r) || isCloser(r) })
	if s == "" {
		return 0
	}
	r := []rune(s[max(0, len(s)-8):])
	return r[len(r)-1]
}

// endsSentence reports whether s ends like a sentence: . ! ? ؟ … or :.
func endsSentence(s string) bool {
	switch lastMark(s) {
	case '.', '!', '?', '؟', '…', ':', '۔':
		return true
	}
	return false
}

// isParagraph reports a line that reads as running text: long, or ending
// with a sentence mark after enough words. Headlines end without one.
func isParagraph(s string) bool {
	n := wordCountMax(s, 30)
	switch lastMark(s) {
	case '.', '!', '…', '۔':
		return n >= 8
	case '?', '؟':
		return n >= 20
	case ':':
		return n >= 12
	}
	return n >= 30
}

// isHeadlineLike reports a short line without a sentence mark, the shape of
// a title, a subhead or a related-article link.
func isHeadlineLike(s string) bool {
	n := wordCountMax(s, 25)
	if n < 3 || n > 25 || !hasArabicLetter(s) {
		return false
	}
	switch lastMark(s) {
	case '.', '!', ':', '،', ',', '۔':
		return false
	}
	return !reInnerStop.MatchString(s)
}

// reInnerStop finds a full stop between two sentences: a headline has none.
var reInnerStop = regexp.MustCompile(`\p{L}[.!؟?] +\p{L}`)

var (
	reGUID    = regexp.MustCompile(`^[{(]?[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}[})]?$`)
	reToken   = regexp.MustCompile(`^[A-Za-z0-9+/=_\-]{20,}$`)
	reURLLine = regexp.MustCompile(`^(?:https?://|www\.)\S+$`)
	reEmail   = regexp.MustCompile(`^\S+@\S+\.\w+$`)
)

// isJunk reports a line with nothing to read: no letter ("0", "•", "|",
// "12 34"), a lone short Latin word ("in", "ar"), a GUID, an opaque token, a
// bare URL or e-mail address.
func isJunk(s string) bool {
	s = strings.TrimSpace(s)
	if !hasLetter(s) {
		return true
	}
	// GUIDs, tokens and URLs start with an ASCII character, an address
	// holds an @: most lines need none of the expressions.
	if s[0] < utf8.RuneSelf && (reGUID.MatchString(s) || reToken.MatchString(s) || reURLLine.MatchString(s)) ||
		strings.IndexByte(s, '@') >= 0 && reEmail.MatchString(s) {
		return true
	}
	if !hasArabicLetter(s) && (len(strings.Fields(s)) == 1 && len(s) <= 3 || looksLikeCode(s)) {
		return true
	}
	return false
}

// looksLikeCode reports a line of script or style sheet that leaked into the
// text: braces, semicolons and assignments, no prose.
func looksLikeCode(s string) bool {
	t := strings.TrimSpace(s)
	for _, p := range []string{"var ", "let ", "const ", "function", "document.", "window.", "googletag", "(adsbygoogle", "jQuery", "$(", "<!--", "//<![CDATA["} {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	marks := strings.Count(t, "{") + strings.Count(t, "}") + strings.Count(t, ";") + strings.Count(t, "=")
	return marks >= 2 && marks*20 >= len(t)/4
}

// reCSSRule matches a style rule with an ASCII selector: "#vote ul {
// padding: 0; }". The selector cannot hold Arabic, so no prose is eaten.
var reCSSRule = regexp.MustCompile(`[#.@]?[A-Za-z_][-\w\s.#,:>\[\]="'()*+~]{0,200}\{[^{}]*\}`)

// stripCode removes the style sheet or script a scraper kept at the end of
// a paragraph: from the first style rule on, when what follows is dense with
// code punctuation.
func stripCode(s string) string {
	if !strings.Contains(s, "{") || !strings.Contains(s, "}") {
		return s
	}
	loc := reCSSRule.FindStringIndex(s)
	if loc == nil {
		return s
	}
	if codeDensity(s[loc[0]:]) < 0.04 {
		return s
	}
	return strings.TrimSpace(s[:loc[0]])
}

func codeDensity(s string) float64 {
	if s == "" {
		return 0
	}
	n := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '{', '}', ';', '=', '(', ')', '[', ']', '#', ':':
			n++
		}
	}
	return float64(n) / float64(len(s))
}

// Chrome vocabularies, written as a reader sees them and normalized once.
var (
	// Whole lines that are page furniture.
	chromeLines = []string{
		"أرسل تعليقك", "تعليقك كزائر", "التعليقات", "تعليقات", "تعليق", "أضف تعليق", "أضف تعليقا", "اترك تعليقا",
		"اكتب تعليقك", "لا توجد تعليقات", "علق", "شارك برأيك", "شاركنا رأيك", "أضف تعليقك",
		"تحميل المزيد", "المزيد", "عرض المزيد", "اقرأ المزيد", "load more", "read more", "show more", "more",
		"شارك", "شارك الخبر", "شارك المقال", "شارك هذا المقال", "شارك هذا الخبر", "شارك عبر", "مشاركة", "اطبع",
		"طباعة", "إرسال", "أرسل لصديق", "حجم الخط", "الخط", "تكبير الخط", "تصغير الخط", "نسخ الرابط", "الرابط المختصر",
		"مواضيع ذات صلة", "أخبار ذات صلة", "مقالات ذات صلة", "ذات صلة", "مواد ذات صلة", "موضوعات ذات صلة",
		"الأكثر قراءة", "الأكثر مشاهدة", "الأكثر تداولا", "الأكثر تعليقا", "الأكثر شعبية", "آخر الأخبار",
		"أخبار متعلقة", "قد يعجبك أيضا", "قد يهمك أيضا", "شاهد أيضا", "اقرأ أيضا", "اقرأ كذلك", "إقرأ أيضا",
		"إعلان", "advertisement", "sponsored", "الرئيسية", "تابعنا", "تابعونا", "تابعنا على", "تابعونا على",
		"اشترك", "اشترك الآن", "النشرة البريدية", "اشترك في النشرة البريدية", "الكلمات المفتاحية",
		"كلمات مفتاحية", "وسوم", "الوسوم", "tags", "share", "tweet", "print", "email", "إغلاق", "close",
		"فيديو", "صور", "شاهد", "استمع", "مشاهدة", "اضغط هنا", "انقر هنا", "للمزيد", "التالي", "السابق",
		"الخبر التالي", "الخبر السابق", "المقال التالي", "المقال السابق", "عاجل", "تصفح أيضا", "إقرأ المزيد",
	}
	// Openings of short chrome lines ("اقرأ أيضا: …", "تابعونا على تويتر").
	chromePrefixes = []string{
		"أرسل تعليقك", "اقرأ أيضا", "إقرأ أيضا", "اقرأ كذلك", "اقرأ المزيد", "تابعونا على", "تابعنا على",
		"تابعوا", "اشترك في", "اشترك الآن", "حمل تطبيق", "حمّل تطبيق", "لمتابعة آخر", "لمتابعة أخبار",
		"للمزيد من الأخبار", "الكلمات المفتاحية", "كلمات مفتاحية", "وسوم", "الوسوم", "شارك على", "شارك عبر",
		"يمكنكم متابعة", "انضم إلى قناة", "انضموا إلى", "اشتركوا في", "شاهد أيضا", "شاهد ايضا", "قد يعجبك",
		"قد يهمك", "مواضيع ذات صلة", "أخبار ذات صلة", "مقالات ذات صلة", "موضوعات ذات صلة", "اضغط هنا",
		"انقر هنا", "رابط مختصر", "الرابط المختصر", "حقوق النشر", "جميع الحقوق", "كل الحقوق", "لا يسمح بإعادة",
		"يمنع نسخ", "يحظر نسخ", "powered by", "designed by", "all rights reserved", "copyright",
	}
	// Lines that open a list of links to other articles.
	relatedMarkers = []string{
		"اقرأ أيضا", "إقرأ أيضا", "اقرأ كذلك", "اقرأ المزيد", "إقرأ المزيد", "مواضيع ذات صلة", "أخبار ذات صلة",
		"مقالات ذات صلة", "ذات صلة", "مواد ذات صلة", "موضوعات ذات صلة", "قد يعجبك أيضا", "قد يهمك أيضا",
		"قد يهمك", "شاهد أيضا", "الأكثر قراءة", "الأكثر مشاهدة", "آخر الأخبار", "أخبار متعلقة", "تصفح أيضا",
		"المزيد من الأخبار", "المزيد من", "أخبار أخرى", "مقالات أخرى", "الأكثر تداولا", "read more", "related",
	}
	// Words that make up share bars and font widgets.
	shareWords = []string{
		"شارك", "شاركها", "شاركوا", "مشاركة", "فيسبوك", "فيس", "بوك", "تويتر", "واتساب", "واتس", "اب", "آب",
		"تيليجرام", "تلغرام", "تليجرام", "تيلغرام", "لينكدإن", "لينكد", "إن", "إنستغرام", "انستجرام", "يوتيوب",
		"بريد", "البريد", "الإلكتروني", "طباعة", "نسخ", "الرابط", "رابط", "حفظ", "المفضلة", "الخط", "حجم",
		"تكبير", "تصغير", "تعليق", "تعليقات", "ماسنجر", "إكس", "عبر", "على", "facebook", "twitter", "whatsapp",
		"telegram", "linkedin", "email", "print", "share", "x", "copy", "link", "messenger", "reddit",
		"pinterest", "a", "tweet", "mail", "sms", "google", "plus", "save",
	}
	// Credits that end a photo caption ("… / رويترز", "… (أرشيفية)").
	creditWords = []string{
		"منصات التواصل", "مواقع التواصل", "وسائل التواصل", "مواقع التواصل الاجتماعي", "منصات التواصل الاجتماعي",
		"وسائل التواصل الاجتماعي", "أرشيفية", "أرشيف", "صورة أرشيفية", "تعبيرية", "صورة تعبيرية", "أرشيفيه",
		"getty", "getty images", "غيتي", "غيتي إيمجز", "جيتي", "epa", "ap", "afp", "reuters", "الإنترنت",
		"الانترنت", "إنترنت", "فيسبوك", "تويتر", "إكس", "shutterstock", "social media", "وكالات", "متداولة",
		"صورة متداولة", "مواقع", "أ ف ب", "أ.ف.ب", "من الأرشيف", "صورة من الأرشيف", "الصورة", "صورة",
		"خاص", "أرشيف الجزيرة", "أرشيف رويترز", "iStock", "unsplash", "pixabay", "وسائل إعلام",
	}
	// Openings of bio lines ("كاتب وباحث فلسطيني …").
	bioWords = []string{
		"كاتب", "كاتبة", "باحث", "باحثة", "صحفي", "صحفية", "صحافي", "صحافية", "أستاذ", "أستاذة", "محلل", "محللة",
		"إعلامي", "إعلامية", "أكاديمي", "أكاديمية", "خبير", "خبيرة", "دبلوماسي", "سفير", "مستشار", "مستشارة",
		"مراسل", "مراسلة", "محرر", "محررة", "مدير", "مديرة", "رئيس تحرير", "روائي", "روائية", "شاعر", "شاعرة",
		"ناشط", "ناشطة", "أديب", "أديبة", "مترجم", "مترجمة", "طبيب", "طبيبة", "محامي", "محامية", "أكاديمي",
		"دكتور", "دكتوراه", "متخصص", "متخصصة", "عضو", "مؤلف", "مؤلفة", "نائب",
	}
)

type vocab struct {
	once     sync.Once
	raw      []string
	set      map[string]bool
	prefixes []string
}

func (v *vocab) load() {
	v.once.Do(func() {
		v.set = make(map[string]bool, len(v.raw))
		for _, s := range v.raw {
			k := lineKey(s)
			v.set[k] = true
			v.prefixes = append(v.prefixes, k)
		}
	})
}

// has reports whether the key of a line is one of the phrases.
func (v *vocab) has(key string) bool { v.load(); return v.set[key] }

// prefixOf reports whether key starts with one of the phrases at a word
// boundary.
func (v *vocab) prefixOf(key string) bool {
	v.load()
	for _, p := range v.prefixes {
		if key == p || strings.HasPrefix(key, p+" ") {
			return true
		}
	}
	return false
}

var (
	chromeLineSet  = &vocab{raw: chromeLines}
	chromePrefixV  = &vocab{raw: chromePrefixes}
	relatedV       = &vocab{raw: relatedMarkers}
	shareV         = &vocab{raw: shareWords}
	creditV        = &vocab{raw: creditWords}
	bioV           = &vocab{raw: bioWords}
	copyrightWords = []string{"جميع الحقوق محفوظة", "الحقوق محفوظة", "كل الحقوق محفوظة", "حقوق النشر محفوظة",
		"حقوق الطبع محفوظة", "حقوق النشر", "جميع الحقوق", "all rights reserved", "copyright"}
	copyrightV = &vocab{raw: copyrightWords}
)

// isChrome reports a line of page furniture: a comment prompt, a "load
// more" button, a share bar or font widget, a short "follow us"/"read also"
// line.
func isChrome(s string) bool {
	f := factsOf(s)
	return f.isChrome()
}

func (f *lineFacts) isChrome() bool {
	s, n := f.text, f.words
	if n > 30 {
		return false
	}
	k := f.key()
	if k == "" {
		return false
	}
	if chromeLineSet.has(k) {
		return true
	}
	if isAgencyCredit(s, k, n) {
		return true
	}
	if n <= 10 && chromePrefixV.prefixOf(k) {
		return true
	}
	// A line made only of share-bar words and numbers (counters).
	if n <= 14 {
		words := strings.Fields(k)
		share := 0
		for _, w := range words {
			switch {
			case shareV.has(w):
				share++
			case strings.IndexFunc(w, unicode.IsLetter) < 0:
			default:
				return false
			}
		}
		// "على" and "عبر" alone are not chrome: one real share word needed.
		return share > 0 && !(share == 1 && (words[0] == "علي" || words[0] == "عبر"))
	}
	return false
}

// isAgencyCredit reports the staff credit a wire story ends with:
// "(تغطية صحفية … - إعداد … للنشرة العربية - تحرير …)".
func isAgencyCredit(s, key string, words int) bool {
	t := strings.TrimSpace(s)
	if words > 30 || !strings.HasPrefix(t, "(") || !strings.HasSuffix(t, ")") {
		return false
	}
	for _, w := range []string{"اعداد", "تحرير", "تغطيه صحفيه", "للنشره العربيه", "شارك في التغطيه", "ترجمه"} {
		if containsPhrase(key, w) {
			return true
		}
	}
	return false
}

// containsPhrase reports whether the words of phrase occur in key as whole
// words: strings.Contains(" "+key+" ", " "+phrase+" ") without building
// either string.
func containsPhrase(key, phrase string) bool {
	for i := 0; ; {
		j := strings.Index(key[i:], phrase)
		if j < 0 {
			return false
		}
		j += i
		end := j + len(phrase)
		if (j == 0 || key[j-1] == ' ') && (end == len(key) || key[end] == ' ') {
			return true
		}
		i = j + 1
	}
}

// navPrefixes are link labels a scraper glues to the start of the next line
// ("Next Previous عين اليوم").
var navPrefixes = []string{"Next Previous", "Previous Next", "السابق التالي", "التالي السابق"}

// stripNav removes a navigation label that opens a line.
func stripNav(s string) string {
	for _, p := range navPrefixes {
		if rest, ok := strings.CutPrefix(s, p); ok && (rest == "" || rest[0] == ' ') {
			return strings.TrimSpace(rest)
		}
	}
	return s
}

// isRelatedMarker reports a line that announces links to other articles.
func isRelatedMarker(s string) bool {
	if wordCountMax(s, 5) > 5 {
		return false
	}
	k := lineKey(s)
	return relatedV.has(k)
}

// isCopyright reports a copyright footer line.
func isCopyright(s string) bool {
	f := factsOf(s)
	return f.isCopyright()
}

func (f *lineFacts) isCopyright() bool {
	s := f.text
	if f.words > 25 {
		return false
	}
	// "(c)" in any case; only 'C' lower-cases to 'c'.
	if strings.ContainsRune(s, '©') || strings.Contains(s, "(c)") || strings.Contains(s, "(C)") {
		return true
	}
	k := f.key()
	copyrightV.load()
	for _, p := range copyrightV.prefixes {
		if containsPhrase(k, p) {
			return true
		}
	}
	return false
}

// copyrightOutlet returns the name a copyright line gives: "جميع الحقوق
// محفوظه © شبكة مِجْهَار" → "شبكة مجهار".
func copyrightOutlet(s string) string {
	s = displayName(s)
	cut := func(phrase string) {
		for {
			i := indexFold(s, phrase)
			if i < 0 {
				return
			}
			s = s[:i] + " " + s[i+len(phrase):]
		}
	}
	for _, p := range []string{"جميع الحقوق محفوظة", "جميع الحقوق محفوظه", "الحقوق محفوظة", "الحقوق محفوظه",
		"كل الحقوق محفوظة", "حقوق النشر محفوظة", "حقوق الطبع محفوظة", "حقوق النشر", "جميع الحقوق",
		"All rights reserved", "Copyright", "(c)", "©"} {
		cut(p)
	}
	// Years and year ranges, then leftovers of "محفوظة لـ/لموقع".
	s = reYears.ReplaceAllString(s, " ")
	s = strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || isQuoteOrPunct(r) })
	for _, p := range []string{"محفوظة لـ", "محفوظة ل", "محفوظه لـ", "لـ", "محفوظة", "محفوظه"} {
		s = strings.TrimSpace(strings.TrimPrefix(s, p))
	}
	s = strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || isQuoteOrPunct(r) })
	s = strings.Join(strings.Fields(s), " ")
	// "لموقع عربي بوست", "لشبكة X": the ل of "محفوظة ل…" glued on.
	for _, p := range []string{"لموقع ", "لصحيفة ", "لجريدة ", "لشبكة ", "لقناة ", "لمجلة ", "لوكالة ", "لبوابة "} {
		if rest, ok := strings.CutPrefix(s, p); ok {
			s = strings.TrimPrefix(p, "ل") + rest
			break
		}
	}
	if n := wordCountMax(s, 6); n == 0 || n > 6 || !hasLetter(s) {
		return ""
	}
	if o, ok := lookupOutlet(s); ok {
		return o.Name
	}
	return s
}

var reYears = regexp.MustCompile(`[0-9٠-٩]{4}(?:\s*[-–/]\s*[0-9٠-٩]{4})?`)

// indexFold is strings.Index ignoring ASCII case.
func indexFold(s, sub string) int {
	return strings.Index(strings.ToLower(s), strings.ToLower(sub))
}

// isDesignCredit reports a short footer credit: "تصميم الورشه", "تصميم
// وتطوير شركة …", "Powered by …".
func isDesignCredit(s string) bool {
	if wordCountMax(s, 5) > 5 || endsSentence(s) {
		return false
	}
	k := lineKey(s)
	for _, p := range []string{"تصميم", "تصميم وتطوير", "تطوير وتصميم", "تصميم وبرمجه", "برمجه وتصميم", "powered by", "designed by", "developed by"} {
		if strings.HasPrefix(k, p+" ") {
			return true
		}
	}
	return false
}

// captionCredit reports whether s ends with a photo credit ("… / رويترز",
// "… – رويترز", "… (رويترز)", "… / منصات التواصل") and returns the words
// before the credit.
func captionCredit(s string) (caption string, ok bool) {
	t := strings.TrimSpace(s)
	// "… (رويترز)"
	if strings.HasSuffix(t, ")") {
		if i := strings.LastIndex(t, "("); i > 0 && isCredit(t[i+1:len(t)-1]) {
			return strings.TrimSpace(t[:i]), true
		}
		return "", false
	}
	if endsSentence(t) {
		return "", false
	}
	// "… / رويترز", "… – رويترز", "… | رويترز"
	i := lastCreditMark(t)
	if i <= 0 {
		return "", false
	}
	_, w := utf8.DecodeRuneInString(t[i:])
	if isCredit(t[i+w:]) {
		return strings.TrimSpace(t[:i]), true
	}
	return "", false
}

// lastCreditMark is strings.LastIndexAny(t, "/|–—-") for valid UTF-8, read
// byte by byte from the end: LastIndexAny decodes and compares every rune of
// the line when the set is not ASCII.
func lastCreditMark(t string) int {
	for i := len(t) - 1; i >= 0; i-- {
		switch t[i] {
		case '/', '|', '-':
			return i
		case 0x93, 0x94: // – U+2013 and — U+2014 end in these bytes
			if i >= 2 && t[i-2] == 0xe2 && t[i-1] == 0x80 {
				return i - 2
			}
		}
	}
	return -1
}

// isCredit reports a photo credit: a known outlet or agency, or a credit
// phrase ("منصات التواصل", "أرشيفية", "Getty").
func isCredit(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || wordCountMax(s, 5) > 5 {
		return false
	}
	if creditV.has(lineKey(s)) {
		return true
	}
	if _, ok := lookupOutlet(s); ok {
		return true
	}
	// "صورة: رويترز", "تصوير: محمد علي"
	k := lineKey(s)
	for _, p := range []string{"صوره", "الصوره", "تصوير", "المصدر", "مصدر الصوره", "photo"} {
		if strings.HasPrefix(k, p+" ") {
			return true
		}
	}
	return false
}

// isCaptionOpening reports a line that introduces itself as a caption:
// "صورة: …", "(الصورة: …)", "تصوير: …", "صورة أرشيفية".
func isCaptionOpening(s string) bool {
	f := factsOf(s)
	return f.isCaptionOpening()
}

func (f *lineFacts) isCaptionOpening() bool {
	if f.words > 15 {
		return false
	}
	if reCaptionOpening.MatchString(f.text) {
		return true
	}
	switch f.key() {
	case "صوره ارشيفيه", "صوره تعبيريه", "صوره من الارشيف", "ارشيفيه":
		return true
	}
	return false
}

var reCaptionOpening = regexp.MustCompile(`(?i)^[(\[]?\s*(?:الصورة|صورة|الصوره|صوره|تصوير|مصدر الصورة|photo|image|credit)\s*[:：]`)

// isBio reports the one-line author bio that ends an opinion piece
// ("كاتب وباحث فلسطيني في …").
func isBio(s string) bool {
	n := wordCountMax(s, 35)
	if n < 2 || n > 35 {
		return false
	}
	k := lineKey(s)
	return bioV.prefixOf(k) || bioV.prefixOf(strings.TrimPrefix(k, "ال"))
}

// Words that are never part of a personal name; a "name" containing one is
// a phrase. They are matched as written (without tashkeel), not normalized:
// normalized, the preposition على and the name علي are one word.
var nameStopwords = map[string]bool{}

func init() {
	for _, w := range []string{"في", "من", "على", "الى", "إلى", "عن", "مع", "هذا", "هذه", "ذلك", "التي", "الذي",
		"قال", "قالت", "أن", "إن", "ان", "كان", "كانت", "لا", "لم", "لن", "قد", "ما", "هو", "هي", "بين", "حول",
		"بعد", "قبل", "عند", "كل", "أو", "او", "ثم", "حتى", "منذ", "خلال", "تم", "يتم", "وقد", "وفي", "ومن"} {
		nameStopwords[w] = true
	}
}

// isNameLike reports a line that can be a person's name: two to five words
// of letters, no sentence marks, no function words.
func isNameLike(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 80 || endsSentence(s) {
		return false
	}
	ws := strings.Fields(s)
	if len(ws) < 2 || len(ws) > 5 {
		return false
	}
	for _, w := range ws {
		for _, r := range w {
			if !unicode.IsLetter(r) && !arabic.IsTashkeel(r) && r != '.' && r != '-' && r != '\'' {
				return false
			}
		}
		if nameStopwords[stripTashkeel(w)] {
			return false
		}
	}
	if _, ok := lookupOutlet(s); ok {
		return false
	}
	return true
}

func stripTashkeel(s string) string {
	if strings.IndexFunc(s, arabic.IsTashkeel) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if arabic.IsTashkeel(r) {
			return -1
		}
		return r
	}, s)
}

func splitWords(s string) []string { return strings.Fields(s) }
