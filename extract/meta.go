package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/arabic"
)

// This file reads the metadata lines of a page: bylines, datelines, "نشر
// في"/"تم التحديث" lines and "المصدر:" lines.

var (
	// Bylines: "بقلم: X", "كتب - X", "إعداد: X", "By X".
	reByline = regexp.MustCompile(`(?i)^(?:بقلم|بقلم الكاتب|بقلم الكاتبة|كتب|كتبت|كتبه|كتبته|الكاتب|الكاتبة|إعداد|اعداد|إعداد وتحرير|تقرير|تحرير|بواسطة|المحرر|مراسل|مراسلة|written by|by)\s*[:：\-–—]?\s+(.+)$`)
	// Label lines with a publication or update date (normalized text).
	rePublishedLabel = regexp.MustCompile(`^(?:تم النشر|تاريخ النشر|نشر في|نشر بتاريخ|نشر يوم|نشرت في|نشر|منشور في|تاريخ الخبر|بتاريخ|published on|published|posted on|posted|date)(?:\s*[:\-–]\s*|\s+|$)`)
	reUpdatedLabel   = regexp.MustCompile(`(?:تم التحديث|اخر تحديث|تاريخ التحديث|اخر تعديل|تحديث|محدث|updated on|last updated|updated|modified)(?:\s*[:\-–]\s*|\s+|$)`)
	// "المصدر: X", "المصدر - X".
	reSourceLine = regexp.MustCompile(`(?i)^(?:المصدر|مصدر الخبر|source)\s*[:\-–]\s*(.+)$`)
	// A dateline at the start of a line: place, an optional agency in
	// brackets, a dash or colon, the rest.
	// Tashkeel (عمّان) is of the Inherited script, not Arabic: \p{Mn}
	// takes it in.
	reDateline = regexp.MustCompile(`^([\p{Arabic}\p{Mn}]+(?:[ ][\p{Arabic}\p{Mn}]+){0,2})((?:\s*[،,]\s*[\p{Arabic}\p{Mn}]+(?:[ ][\p{Arabic}\p{Mn}]+){0,2})?)\s*(?:\(([^()]{1,40})\)\s*)?([-–—:])-*\s*(.*)$`)
)

// parseByline returns the author a byline line names.
func parseByline(s string) (string, bool) {
	if wordCountMax(s, 10) > 10 {
		return "", false
	}
	m := reByline.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return "", false
	}
	name := m[1]
	if i := strings.IndexAny(name, "-–—|،,(/"); i > 0 {
		name = name[:i]
	}
	name = displayName(name)
	if !isNameLike(name) {
		return "", false
	}
	return name, true
}

var reBylineSplit = regexp.MustCompile(`\s*[-–—|/]\s*`)

// parseOutletByline reads a header line that pairs an outlet with a
// reporter or a place: "هسبريس - عبد السلام الشامخ", "نايف عبدالله – عين
// اليوم", "واس - مكة المكرمة". Next to an agency, or opening with the
// article ال, the other half is a place; a personal name seldom starts
// with ال.
func parseOutletByline(s string) (outlet, author, place string, ok bool) {
	if wordCountMax(s, 9) > 9 {
		return "", "", "", false
	}
	parts := reBylineSplit.Split(strings.TrimSpace(s), -1)
	if len(parts) == 3 {
		return outletBylineOfThree(parts)
	}
	if len(parts) != 2 {
		return "", "", "", false
	}
	// «فرانس24 / أ ف ب»: an outlet and the agency it credits; the outlet
	// publishes.
	if o1, ok1 := lookupOutlet(parts[0]); ok1 && !o1.Common {
		if o2, ok2 := lookupOutlet(parts[1]); ok2 && !o2.Common {
			if o1.Type == "agency" && o2.Type != "agency" {
				return o2.Name, "", "", true
			}
			return o1.Name, "", "", true
		}
	}
	for _, p := range [][2]string{{parts[0], parts[1]}, {parts[1], parts[0]}} {
		o, ok := lookupOutlet(p[0])
		if !ok || o.Common {
			continue
		}
		if bylineLabels[arabic.Normalize(strings.TrimSpace(p[1]))] {
			return o.Name, "", "", true // «عين اليوم – متابعات»
		}
		other := p[1]
		ws := strings.Fields(other)
		switch {
		case !isPersonName(other) && isPlaceLike(other) &&
			(o.Type == "agency" || len(ws) == 1 || strings.HasPrefix(ws[0], "ال")):
			return o.Name, "", displayName(other), true
		case isNameLike(other):
			return o.Name, displayName(other), "", true
		}
	}
	return "", "", "", false
}

// parsePlaceReporter reads a header line that gives the dateline's place
// and the reporter after a colon or a dash, and nothing else: «القاهرة:
// محمد عبده حسنين»، «الرياض - عبدالله الشهري». The reporter must open with a known given name, so that a
// label («القاهرة: عاجل») or a sentence stays where it is.
func parsePlaceReporter(s string) (place, author string, ok bool) {
	if wordCountMax(s, 8) > 8 {
		return "", "", false
	}
	var p, name string
	found := false
	for _, sep := range []string{":", " - ", " – ", "- ", " -"} {
		if p, name, found = strings.Cut(s, sep); found {
			break
		}
	}
	p, name = strings.TrimSpace(p), strings.TrimSpace(name)
	if !found {
		return "", "", false
	}
	// The reporter first: «حامد القرشي – مكة المكرمة»، «سلوى سعد –
	// متابعات» (a credit label, no place).
	if isPersonName(p) && !isPersonName(name) {
		if bylineLabels[arabic.Normalize(name)] {
			return "", displayName(p), true
		}
		p, name = name, p
	}
	if !isPlaceLike(p) || isPersonName(p) || !isPersonName(name) {
		return "", "", false
	}
	if _, ok := lookupOutlet(name); ok {
		return "", "", false
	}
	return displayName(p), displayName(name), true
}

// parseReporterLine reads a header line that names the reporter with his
// place in brackets («محمد العبدالله (جدة)») or with his job and handle
// («أحمد محمود صحافي @ahmedmahmoud»).
func parseReporterLine(s string) (author, place string, ok bool) {
	s = strings.TrimSpace(s)
	if wordCountMax(s, 8) > 8 {
		return "", "", false
	}
	if !strings.Contains(s, "(") && strings.IndexByte(s, '@') < 0 {
		return "", "", false
	}
	if m := reNamePlace.FindStringSubmatch(s); m != nil {
		name, p := strings.TrimSpace(m[1]), strings.TrimSpace(m[2])
		if isPersonName(name) && isPlaceLike(p) && !isPersonName(p) {
			return displayName(name), displayName(p), true
		}
		return "", "", false
	}
	if h := reHandle.FindStringIndex(s); h != nil && strings.TrimSpace(s[h[1]:]) == "" {
		ws := strings.Fields(s[:h[0]])
		for k := 2; k < len(ws); k++ {
			if name := strings.Join(ws[:k], " "); isPersonName(name) && bioV.prefixOf(lineKey(strings.Join(ws[k:], " "))) {
				return displayName(name), "", true
			}
		}
		if name := strings.Join(ws, " "); isPersonName(name) {
			return displayName(name), "", true
		}
	}
	return "", "", false
}

// reHandle is a social-media handle.
var reHandle = regexp.MustCompile(`@[A-Za-z0-9_]{2,30}`)

// bodyWords open the name of an institution, which a byline may give
// where a reporter's name would stand.
var bodyWords = setOfNormalized(`وزارة الوزارة هيئة الهيئة مكتب المكتب إدارة الإدارة رئاسة مجلس المجلس مركز المركز جامعة شركة
	بلدية أمانة إمارة محافظة شرطة قيادة جمعية مؤسسة المؤسسة الديوان ديوان`)

// outletBylineOfThree reads a byline of a place, a reporter and an outlet
// («أنقرة/ أحمد يلماز/ الأناضول»، «الأناضول - غزة - محمد ماجد»): the
// outlet at one end, and of the other two the place and the name.
func outletBylineOfThree(parts []string) (outlet, author, place string, ok bool) {
	for _, ends := range [][3]int{{2, 0, 1}, {0, 1, 2}} {
		o, found := lookupOutlet(parts[ends[0]])
		if !found || o.Common {
			continue
		}
		a, b := parts[ends[1]], parts[ends[2]]
		for k, pair := range [][2]string{{a, b}, {b, a}} {
			// The agency's own order (place, reporter, agency) needs no
			// more; otherwise a name that could be a place must be known
			// as a person's.
			pl, name := pair[0], pair[1]
			if ws := strings.Fields(name); len(ws) > 0 && bodyWords[arabic.Normalize(ws[0])] {
				continue // «الرياض/ وزارة الداخلية/ واس»: a body, not a reporter
			}
			if isPlaceLike(pl) && !isPersonName(pl) && isNameLike(name) && (ends[0] == 2 && k == 0 || isPersonName(name) || !isPlaceLike(name)) {
				return o.Name, displayName(name), displayName(pl), true
			}
		}
	}
	return "", "", "", false
}

// parseNameBio reads "X - كاتب وباحث …" and "X، كاتب …".
func parseNameBio(s string) (string, bool) {
	// A name of at most five words and a bio of at most 35: a longer line
	// is neither, and the separators need not be looked for in it.
	if wordCountMax(s, 40) > 40 {
		return "", false
	}
	for _, sep := range []string{" - ", " – ", " — ", "، ", " | "} {
		if i := strings.Index(s, sep); i > 0 {
			name, bio := strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+len(sep):])
			if isNameLike(name) && isBio(bio) {
				return displayName(name), true
			}
		}
	}
	return "", false
}

// dateLabel classifies a short line that labels a date: published, updated
// or neither, and returns the text after the labels.
func dateLabel(s string) (published, updated string, ok bool) {
	if wordCountMax(s, 20) > 20 {
		return "", "", false
	}
	n := arabic.Normalize(s)
	n = strings.TrimLeftFunc(n, func(r rune) bool { return unicode.IsSpace(r) || isQuoteOrPunct(r) })
	if loc := findUpdatedLabel(n); loc != nil && (loc[0] == 0 || rePublishedLabel.MatchString(n)) {
		if loc[0] == 0 {
			return "", n[loc[1]:], true
		}
		// "نشر في … | اخر تحديث …"
		pub := rePublishedLabel.ReplaceAllString(n[:loc[0]], "")
		return pub, n[loc[1]:], true
	}
	if loc := rePublishedLabel.FindStringIndex(n); loc != nil {
		rest := n[loc[1]:]
		if rest == "" || rest == n {
			return "", "", false
		}
		return rest, "", true
	}
	return "", "", false
}

// updatedLabelWords are words of which every reUpdatedLabel match holds
// one. Most lines hold none, and looking for them is much cheaper than
// running the unanchored expression.
var updatedLabelWords = []string{"تحديث", "تعديل", "محدث", "updated", "modified"}

// findUpdatedLabel is reUpdatedLabel.FindStringIndex(n).
func findUpdatedLabel(n string) []int {
	for _, w := range updatedLabelWords {
		if strings.Contains(n, w) {
			return reUpdatedLabel.FindStringIndex(n)
		}
	}
	return nil
}

// isDateOnly reports a line that is a date and little else: "23 فبراير
// 2018", "الثلاثاء 26/09/2023 - 09:15 م", "11 ربيع الأول 1445 هـ".
func isDateOnly(s string) bool {
	if wordCountMax(s, 14) > 14 {
		return false
	}
	if _, ok := parseHeaderDate(s); !ok {
		return false
	}
	// Everything but numbers, months, weekdays and date words must go.
	left := 0
	for _, w := range strings.Fields(lineKey(s)) {
		if strings.IndexFunc(w, unicode.IsLetter) < 0 || dateWords[w] || isMonthWord(w) || yearWithEra(w) {
			continue
		}
		left++
	}
	return left <= 1
}

// yearWithEra reports whether a word is a number with an era letter
// glued to it: 1445هـ، 2023م.
func yearWithEra(w string) bool {
	for _, era := range []string{"هـ", "ه", "م"} {
		if r, ok := strings.CutSuffix(w, era); ok && r != "" && strings.IndexFunc(r, func(c rune) bool { return !unicode.IsDigit(c) }) < 0 {
			return true
		}
	}
	return false
}

var dateWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{"السبت", "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة",
		"م", "هـ", "ه", "الموافق", "الساعة", "بتوقيت", "توقيت", "غرينتش", "غرينيتش", "جرينتش", "مكة", "المكرمة",
		"القاهرة", "gmt", "utc", "ص", "صباحا", "مساء", "am", "pm", "ربيع", "الأول", "الآخر", "الثاني", "جمادى",
		"الأولى", "الآخرة", "الثانية", "رجب", "شعبان", "رمضان", "شوال", "محرم", "صفر", "ذو", "ذي", "القعدة",
		"الحجة", "يوم", "في", "هجري", "هجرية", "ميلادي", "ميلادية", "آخر", "تحديث", "السعودية"} {
		m[lineKey(w)] = true
	}
	return m
}()

func isMonthWord(w string) bool {
	for _, m := range monthNames {
		for _, p := range strings.Split(m.name, " ") {
			if w == p {
				return true
			}
		}
	}
	return false
}

// parseSourceLine reads "المصدر: X" and returns X when it names an outlet.
// Generic sources ("وكالات", "مواقع") name no outlet.
func parseSourceLine(s string) (string, bool) {
	if wordCountMax(s, 8) > 8 {
		return "", false
	}
	m := reSourceLine.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return "", false
	}
	name := displayName(m[1])
	if o, ok := lookupOutlet(name); ok {
		return o.Name, true
	}
	// «المصدر : الجزيرة + وكالات»، «المصدر: رويترز، الفرنسية»: the
	// outlet first, with the wires it used.
	if first, _, ok := strings.Cut(strings.NewReplacer("+", "|", "،", "|", ",", "|").Replace(name), "|"); ok {
		if o, ok := lookupOutlet(strings.TrimSpace(first)); ok {
			return o.Name, true
		}
	}
	switch lineKey(name) {
	case "", "وكالات", "وكالات الانباء", "مواقع", "مواقع التواصل", "متابعات", "خاص", "وسائل اعلام", "وسائل الاعلام":
		return "", true // a source line all the same: it leaves the body
	}
	// An unknown source is an outlet only when it says so ("موقع X",
	// "صحيفة X", a domain name); "المصدر: وزارة الصحة" names where the
	// news came from, not who published it.
	if wordCountMax(name, 5) > 5 {
		return "", false
	}
	k := lineKey(name)
	for _, p := range outletPrefixesNorm() {
		if strings.HasPrefix(k, p+" ") {
			return name, true
		}
	}
	if reDomain.MatchString(name) {
		return name, true
	}
	return "", true
}

var reDomain = regexp.MustCompile(`(?i)^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|info|news|tv|[a-z]{2})$`)

// dateline is what a dateline says.
type dateline struct {
	place  string // "واشنطن"
	outlet string // the outlet or agency it names, canonical when known
	author string // the reporter, in "X- سبق- جدة:" bylines
	rest   string // the text after it
}

// reSecondPlace is the place after an outlet or a reporter's name: "جدة: …",
// "مكة المكرمة - …".
var reSecondPlace = regexp.MustCompile(`^([\p{Arabic}\p{Mn}]+(?:[ ][\p{Arabic}\p{Mn}]+)?)\s*([:\-–—])\s*(.*)$`)

// parseDateline reads a dateline at the start of s: "موسكو - نجح …",
// "القاهرة (رويترز) - قال …", "لندن - «القدس العربي»: …", "واشنطن -
// المغرب اليوم", "عكاظ (جدة) - …", and the reporter's form "عبدالله
// الراجحي- سبق- جدة: …" (name, outlet, place).
func parseDateline(s string) (dateline, bool) {
	s = strings.TrimSpace(s)
	// The expression reads at most the first 4,000 bytes (a dateline
	// opens its line); the rest of the line is the story, kept whole
	// however long the paragraph.
	head := s
	if len(head) > 4000 {
		cut := 4000
		for cut > 0 && !utf8.RuneStart(head[cut]) {
			cut--
		}
		head = head[:cut]
	}
	m := reDateline.FindStringSubmatchIndex(head)
	if m == nil {
		return dateline{}, false
	}
	group := func(g int) string {
		if m[2*g] < 0 {
			return ""
		}
		return head[m[2*g]:m[2*g+1]]
	}
	place, agency, sep, rest := group(1), group(3), group(4), strings.TrimSpace(s[m[10]:])
	// "عكاظ (جدة) -": the outlet first, the place in brackets.
	if o, ok := lookupOutlet(place); ok && !o.Common && agency != "" && isPlaceLike(agency) {
		return dateline{place: displayName(agency), outlet: o.Name, rest: rest}, true
	}
	// «سبق- الرياض: أعلن …»: the outlet first, then the place.
	if agency == "" && sep != ":" && rest != "" {
		if o, ok := lookupOutlet(place); ok && !o.Common {
			if m2 := reDateline.FindStringSubmatch(rest); m2 != nil && m2[3] == "" && isPlaceLike(m2[1]) && !isPersonName(m2[1]) && !bylineLabels[arabic.Normalize(m2[1])] {
				rest2 := strings.TrimSpace(m2[5])
				if isPlaceLike(rest2) && !strings.ContainsAny(rest2, ".،,") {
					rest2 = "" // «عين اليوم – جيزان – الباحة»: a second place, and no text
				}
				return dateline{place: displayName(m2[1]), outlet: o.Name, rest: rest2}, true
			}
		}
	}
	if !isPlaceLike(place) {
		return dateline{}, false
	}
	// "زيد الخمشي- الرياض- سبق:", "محمد السيد- سبق:": a reporter first.
	if agency == "" && sep != ":" && isPersonName(place) {
		author := displayName(place)
		if d, ok := parseDateline(rest); ok && d.author == "" {
			d.author = author
			return d, true
		}
		if o, ok := leadingOutlet(rest); ok {
			return dateline{outlet: o.name, author: author, rest: o.rest}, true
		}
		return dateline{}, false
	}
	d := dateline{place: displayName(place), rest: rest}
	if agency != "" {
		o, ok := lookupOutlet(agency)
		if !ok {
			return dateline{}, false
		}
		d.outlet = o.Name
	} else if sep == ":" {
		// "لندن: X" is too often a label or a speaker; only an outlet
		// right after makes it a dateline.
		if _, ok := leadingOutlet(d.rest); !ok {
			return dateline{}, false
		}
	} else if _, ok := leadingOutlet(d.rest); !ok {
		// A space must follow the dash: "موسكو - نجح" and "أنقرة- رويترز",
		// not the parenthesis of "غادر -بحفظ الله ورعايته-" nor
		// "الصخيرات-2".
		i := strings.Index(s, sep)
		if i <= 0 || i+len(sep) >= len(s) || !unicode.IsSpace(rune(s[i+len(sep)])) {
			return dateline{}, false
		}
	}
	if o, ok := leadingOutlet(d.rest); ok {
		if d.outlet == "" {
			d.outlet = o.name
		}
		d.rest = o.rest
	}
	// A second place after the outlet or the name: the first words were
	// the reporter ("محمد حضاض- سبق- جدة:", "أحمد البراهيم- جازان:").
	if m := reSecondPlace.FindStringSubmatch(d.rest); m != nil && agency == "" && isPlaceLike(m[1]) &&
		isNameLike(place) && (d.outlet != "" || m[2] == ":") {
		d.author, d.place, d.rest = d.place, displayName(m[1]), strings.TrimSpace(m[3])
	}
	// Without an outlet to vouch for it, a dateline is one word of place
	// and a sentence after: "موسكو - نجح …", not "القوات البرية - …".
	if d.outlet == "" && d.author == "" {
		if len(strings.Fields(place)) > 1 {
			return dateline{}, false
		}
		// "يغادر – بمشيئة الله تعالى – …": a dash that opens an aside.
		ws := strings.Fields(d.rest)
		for _, w := range ws[:min(len(ws), 8)] {
			if strings.ContainsAny(w, "-–—") {
				return dateline{}, false
			}
		}
	}
	return d, true
}

type outletLead struct{ name, rest string }

// leadingOutlet reads an outlet at the start of s, alone or followed by a
// dash or colon: "واس - …", "«القدس العربي»: …", "المغرب اليوم".
func leadingOutlet(s string) (outletLead, bool) {
	if s == "" {
		return outletLead{}, false
	}
	head, rest := s, ""
	if i := strings.IndexAny(s, "-–—:"); i >= 0 && i <= 80 {
		_, w := firstRune(s[i:])
		head, rest = s[:i], strings.TrimSpace(s[i+w:])
	} else if wordCountMax(s, 4) > 4 {
		return outletLead{}, false
	}
	head = strings.TrimSpace(head)
	if head == "" || wordCountMax(head, 5) > 5 {
		return outletLead{}, false
	}
	r, _ := firstRune(head)
	quoted := r == '«' || r == '"' || r == '“'
	// A name that is also a place or a word (الرياض, اليوم) counts only in
	// quotes: "أم خالد - الرياض:" names a city.
	if o, ok := lookupOutlet(head); ok && (!o.Common || quoted) {
		return outletLead{o.Name, rest}, true
	}
	return outletLead{}, false
}

func firstRune(s string) (rune, int) {
	for i, r := range s {
		_ = i
		return r, len(string(r))
	}
	return 0, 0
}

// isPlaceLike reports whether the words before a dateline's dash can be a
// place: no function word, no verb of saying, not page chrome, not an
// outlet.
func isPlaceLike(s string) bool {
	ws := strings.Fields(s)
	if len(ws) == 0 || len(ws) > 3 {
		return false
	}
	for _, r := range s {
		if !unicode.IsLetter(r) && !arabic.IsTashkeel(r) && r != ' ' {
			return false // "١ - …" numbers a list
		}
	}
	for _, w := range ws {
		n := arabic.Normalize(w)
		if nameStopwords[stripTashkeel(w)] || arabic.IsStopword(n) || sayingVerbs[n] || weekdays[n] {
			return false
		}
	}
	if startsWithConjunction(ws[0]) {
		return false // "وبفضل شراكة …", "وأكل الحشرات": a sentence
	}
	if k := lineKey(s); chromeLineSet.has(k) || notPlaces[k] {
		return false
	}
	// An outlet is no place, unless its name is one (الرياض, عمان).
	if o, ok := lookupOutlet(s); ok && !o.Common {
		return false
	}
	return true
}

// Words that stand where a dateline's place stands but name none.
var notPlaces = map[string]bool{"متابعه": true, "متابعات": true, "خاص": true, "وكالات": true, "تقرير": true,
	"عاجل": true, "حصري": true, "ترجمه": true, "تحليل": true, "رصد": true, "تحرير": true}

var weekdays = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{"السبت", "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة"} {
		m[arabic.Normalize(w)] = true
	}
	return m
}()

// Verbs that open reported speech; used to tell a dateline from a sentence
// and to find the claim in a lead sentence.
var sayingVerbs = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{"قال", "قالت", "ذكر", "ذكرت", "أفاد", "أفادت", "أعلن", "أعلنت", "كشف", "كشفت",
		"أكد", "أكدت", "أوضح", "أوضحت", "أورد", "أوردت", "نقل", "نقلت", "رجح", "رجحت", "توقع", "توقعت",
		"أشار", "أشارت", "صرح", "صرحت", "زعم", "زعمت", "اعتبر", "اعتبرت", "نفى", "نفت", "أضاف", "أضافت",
		"وقال", "وقالت", "وذكر", "وذكرت", "وأفاد", "وأفادت", "وأعلن", "وأعلنت", "وكشف", "وكشفت", "وأكد", "وأكدت"} {
		m[arabic.Normalize(w)] = true
	}
	return m
}()

// leadTitle makes a title from the lead sentence of an article that has
// none: the first sentence, and when it reports speech ("ذكرت صحيفة X أن
// روسيا تسعى …") the claim after "أن", which is what a headline states.
func leadTitle(first string) string {
	s := firstSentence(first)
	ws := strings.Fields(s)
	if len(ws) < 4 {
		return ""
	}
	if sayingVerbs[arabic.Normalize(ws[0])] {
		for i := 1; i < len(ws)-3 && i < 20; i++ {
			w := strings.TrimLeftFunc(ws[i], isQuoteOrPunct)
			if n := arabic.Normalize(w); n == "ان" {
				s = strings.Join(ws[i+1:], " ")
				break
			}
		}
	}
	ws = strings.Fields(s)
	if len(ws) > 25 {
		// Cut a long sentence at its first comma after a few words.
		cut := len(ws)
		for i := 6; i < len(ws); i++ {
			if strings.HasSuffix(ws[i], "،") || strings.HasSuffix(ws[i], ",") {
				cut = i + 1
				break
			}
		}
		if cut > 25 {
			cut = 25
		}
		ws = ws[:cut]
	}
	s = strings.Join(ws, " ")
	return strings.TrimRightFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || (isQuoteOrPunct(r) && !isCloser(r) && r != '؟' && r != '?' && r != '!')
	})
}

// firstSentence returns s up to its first sentence mark (a full stop that is
// not inside a number).
func firstSentence(s string) string {
	rs := []rune(s)
	for i, r := range rs {
		switch r {
		case '.', '!', '?', '؟', '۔':
			if r == '.' && i > 0 && i+1 < len(rs) && unicode.IsDigit(rs[i-1]) && unicode.IsDigit(rs[i+1]) {
				continue
			}
			return strings.TrimSpace(string(rs[:i+1]))
		}
	}
	return strings.TrimSpace(s)
}

// startsWithConjunction reports a word that is و or ف glued to a known
// word (وبفضل, وأوضح, فأكد), not a name that starts with that letter
// (واشنطن, وهران, فرنسا: their rest is no word).
func startsWithConjunction(w string) bool {
	n := arabic.Normalize(w)
	rest, ok := strings.CutPrefix(n, "و")
	if !ok {
		rest, ok = strings.CutPrefix(n, "ف")
	}
	if !ok {
		return false
	}
	if len([]rune(rest)) >= 3 && arabic.Known(rest) {
		return true
	}
	return len([]rune(rest)) >= 2 && arabic.IsStopword(rest) // وفي, ومن, وعلى
}

// parseDatedDateline reads the dateline wire agencies open their copy
// with, a place, the date and the agency without a separator between
// them: "الرياض 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس", "أبوظبي في
// 11 أغسطس / وام /", "الكويت - 11 - 8 (كونا) --". It returns the dateline
// (rest is the text after the agency) and the date, day-precise.
func parseDatedDateline(s string) (dateline, marsad.Date, bool) {
	s = strings.TrimSpace(s)
	// Word boundaries by byte offset, so that rest keeps its own spacing.
	type word struct {
		text string
		end  int
	}
	var ws []word
	for i := 0; i < len(s) && len(ws) < 18; {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
			i++
		}
		j := i
		for j < len(s) && s[j] != ' ' && s[j] != '\t' {
			j++
		}
		if j > i {
			ws = append(ws, word{s[i:j], j})
		}
		i = j
	}
	if len(ws) < 3 {
		return dateline{}, marsad.Date{}, false
	}
	placeWords := 1
	place := strings.TrimRight(ws[0].text, "،,-–—:")
	if !isPlaceLike(place) {
		return dateline{}, marsad.Date{}, false
	}
	if two := ws[0].text + " " + ws[1].text; isPlaceLike(two) {
		// "أبو ظبي", "مكة المكرمة": a place of two words (isPlaceLike
		// refuses digits, dashes and words such as في).
		placeWords = 2
		place = two
	}
	for k := placeWords + 1; k < len(ws); k++ {
		last := k
		name := ws[k].text
		if strings.HasPrefix(name, "(") && !strings.Contains(name, ")") {
			// "(أ ش أ)": an agency of several words in brackets.
			for last < len(ws)-1 && last < k+3 && !strings.Contains(ws[last].text, ")") {
				last++
			}
			name = s[ws[k].end-len(ws[k].text) : ws[last].end]
		}
		o, ok := lookupOutlet(strings.Trim(name, "()/[]«»\"-–—:،,."))
		if !ok || o.Common {
			continue
		}
		mid := strings.Trim(s[ws[placeWords-1].end:ws[k].end-len(ws[k].text)], " ()/[]-–—:،,")
		if !onlyDateWords(mid) {
			return dateline{}, marsad.Date{}, false
		}
		d, ok := parseHeaderDate(mid)
		if !ok || d.Granularity != marsad.Day && d.Granularity != marsad.Minute {
			return dateline{}, marsad.Date{}, false
		}
		display := displayName(place)
		if display == "" {
			return dateline{}, marsad.Date{}, false
		}
		rest := strings.TrimLeft(s[ws[last].end:], " \t()/[]-–—:،,")
		return dateline{place: display, outlet: o.Name, rest: rest}, d, true
	}
	return dateline{}, marsad.Date{}, false
}

// hijriMonthWords are the words of the Hijri month names.
var hijriMonthWords = setOfNormalized(`محرم صفر ربيع الأول الآخر الثاني جمادى الأولى الآخرة رجب شعبان رمضان شوال ذو ذي القعدة الحجة`)

// onlyDateWords reports whether s is a date and nothing else: numbers,
// month and weekday names, هـ and م, الموافق. A sentence that merely
// holds a date is not a dateline's date.
func onlyDateWords(s string) bool {
	words := strings.FieldsFunc(arabic.Normalize(s), func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("/-–—،,.()", r)
	})
	if len(words) == 0 || len(words) > 12 {
		return false
	}
	for i := 0; i < len(words); i++ {
		w := words[i]
		if strings.ContainsAny(w, "0123456789٠١٢٣٤٥٦٧٨٩") || hijriMonthWords[w] || weekdays[w] {
			continue
		}
		switch w {
		case "في", "الموافق", "ه", "هـ", "م", "ق":
			continue
		}
		if _, n := monthAt(words, i); n > 0 {
			i += n - 1
			continue
		}
		return false
	}
	return true
}
