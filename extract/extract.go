// Package extract turns what a scraper saved from an Arabic news page into a
// clean marsad.Article: headline, dateline, outlet, author, publication and
// update times, and a body without page chrome.
//
// A scraped page is a column of lines: a header (headline, outlet name, date
// lines, byline, share bar), the story, and a footer (comment prompts,
// related headlines, copyright, design credit, the author's bio). Extract
// reads it the way a careful reader does: metadata only from the places a
// page puts metadata (header lines, the dateline, the copyright and
// "المصدر:" lines), never from a mention inside the story, so that an
// article quoting Reuters is not filed under Reuters and a date in the story
// is not taken for the day it was published.
package extract

import (
	"github.com/marsad-news/marsad/search"
	"html"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/arabic"
)

// Text extracts an article from scraped plain text. source names the input
// for errors and Article.File.
//
// Errors are *marsad.InputError wrapping marsad.ErrTooLarge, ErrEmpty,
// ErrBinary, ErrInvalidUTF8 (after windows-1256 was tried), ErrNotArabic or
// ErrNoBody.
func Text(source string, data []byte) (*marsad.Article, error) {
	text, err := decodeText(data)
	if err != nil {
		return nil, &marsad.InputError{Input: source, Err: err}
	}
	text = arabic.Clean(normalizeNewlines(unescapeEntities(text)))
	lines := splitLines(text)
	if err := checkArabic(lines); err != nil {
		return nil, &marsad.InputError{Input: source, Err: err}
	}
	r := analyze(lines, true, "")
	a := &marsad.Article{
		File:      source,
		Title:     r.title,
		Published: r.published,
		Updated:   r.updated,
		Outlet:    r.outlet,
		Author:    r.author,
		Dateline:  r.dateline,
		Body:      strings.Join(r.body, "\n"),
	}
	if wordCountMax(a.Body, minBodyWords) < minBodyWords {
		return nil, &marsad.InputError{Input: source, Err: marsad.ErrNoBody}
	}
	a.Language = Language(a.Title + "\n" + a.Body)
	if a.Language != "ar" {
		return nil, &marsad.InputError{Input: source, Err: marsad.ErrNotArabic}
	}
	a.ContentHash = ContentHash(a.Title, a.Body)
	return a, nil
}

// minBodyWords is the least text an article body must hold; less is a page
// of chrome, not an article.
const minBodyWords = 4

// checkArabic rejects text that is in another language, and text with
// nothing to read. The bar is lower than Language's majority: a scraped
// Arabic page may carry English menus, and its body is checked again once
// they are gone.
func checkArabic(lines []line) error {
	var c scriptCounts
	size := 0
	for _, l := range lines {
		if size > maxLanguageSample {
			break
		}
		size += len(l.text)
		c.add(countScripts(l.text))
	}
	switch {
	case c.letters == 0:
		return marsad.ErrNoBody
	case c.arabicShare() < 0.3:
		return marsad.ErrNotArabic
	}
	return nil
}

// Clean removes page chrome from a body that came from elsewhere (an HTML
// extractor, a JSON record, a feed) and fills Outlet, Author, Dateline,
// Published, Updated, Title and Language from the body when they are empty.
// It never clears a field that is set. It recomputes ContentHash.
func Clean(a *marsad.Article) {
	if a == nil {
		return
	}
	body := a.Body
	if !utf8.ValidString(body) {
		body = strings.ToValidUTF8(body, "")
	}
	text := arabic.Clean(normalizeNewlines(unescapeEntities(body)))
	r := analyze(splitLines(text), a.Title == "", a.Title)
	a.Body = strings.Join(r.body, "\n")
	fill := func(dst *string, v string) {
		if *dst == "" {
			*dst = v
		}
	}
	fill(&a.Title, r.title)
	fill(&a.Outlet, r.outlet)
	// An outlet given by the source in another spelling (a feed's site
	// name, a dump's slug such as "aawsat") gets its Arabic display name.
	if canon, ok := LookupOutlet(a.Outlet); ok {
		a.Outlet = canon
	}
	// A byline the source gave as its author: the reporter, and the place
	// for the dateline.
	if a.Author != "" {
		if author, place, ok := splitSourceByline(a.Author, a.Outlet); ok {
			a.Author = author
			fill(&a.Dateline, place)
		} else {
			a.Author = strings.TrimSpace(displayName(unescapeEntities(a.Author)))
		}
	}
	fill(&a.Author, r.author)
	fill(&a.Dateline, r.dateline)
	if a.Published.IsZero() {
		a.Published = r.published
	}
	if a.Updated.IsZero() {
		a.Updated = r.updated
	}
	if a.Language == "" {
		a.Language = Language(a.Title + "\n" + a.Body)
	}
	a.ContentHash = ContentHash(a.Title, a.Body)
}

// ContentHash is the identity of an article's content, as the stores key
// it (search.ContentHash): tashkeel, hamza forms, spacing and the chrome
// Text removes do not change it, so re-ingesting an article from another
// crawl of the same page finds the stored copy.
func ContentHash(title, body string) string { return search.ContentHash(title, body) }

// unescapeEntities decodes HTML character references a scraper left in the
// text ("&nbsp;", "&quot;", "&#1604;").
func unescapeEntities(s string) string {
	if !strings.Contains(s, "&") || !strings.Contains(s, ";") {
		return s
	}
	return html.UnescapeString(s)
}

func normalizeNewlines(s string) string {
	if strings.IndexByte(s, '\r') < 0 && !hasUnicodeLineBreak(s) {
		return s
	}
	return strings.NewReplacer("\r\n", "\n", "\r", "\n", "\u2028", "\n", "\u2029", "\n").Replace(s)
}

// hasUnicodeLineBreak reports U+2028 or U+2029 in s, in one pass over it.
func hasUnicodeLineBreak(s string) bool {
	for {
		i := strings.Index(s, "\u2028"[:2]) // both start with e2 80
		if i < 0 || i+2 >= len(s) {
			return false
		}
		if c := s[i+2]; c == 0xa8 || c == 0xa9 {
			return true
		}
		s = s[i+2:]
	}
}

// line is one line of the page, trimmed, with whether a blank line comes
// before it (captions stick to their photo credit; paragraphs do not).
type line struct {
	text     string
	gapAbove bool
}

func splitLines(text string) []line {
	raw := strings.Split(text, "\n")
	out := make([]line, 0, len(raw))
	gap := false
	for _, l := range raw {
		l = strings.TrimFunc(l, func(r rune) bool { return unicode.IsSpace(r) || r == '\u200b' })
		if l == "" {
			gap = true
			continue
		}
		if l = stripNav(stripCode(l)); l == "" {
			continue
		}
		out = append(out, line{text: l, gapAbove: gap})
		gap = false
	}
	return out
}

// result is what analyze reads from the lines of a page.
type result struct {
	title, dateline, author string
	outlet                  string
	published, updated      marsad.Date
	body                    []string
	// meccaClock is the time of day of a wire story's closing stamp
	// ("13:37 ت م", Mecca time), minutes after midnight; -1 when none.
	meccaClock int
}

// outletVotes keeps the outlet names seen in each position; the most
// trusted position wins.
type outletVotes struct {
	header, dateline, copyright, source string
	// footer is an outlet's name alone on the last line, as some sites
	// sign their articles («اليوم السابع»): the weakest position.
	footer string
}

func (v outletVotes) best() string {
	for _, s := range []string{v.header, v.dateline, v.copyright, v.source, v.footer} {
		if s != "" {
			return s
		}
	}
	return ""
}

func setOnce(dst *string, v string) {
	if *dst == "" {
		*dst = v
	}
}

// maxHeaderLines bounds the header: the metadata of a page sits in its
// first lines, before the story starts.
const maxHeaderLines = 12

// analyze reads a page. wantTitle asks for a headline; knownTitle, when set,
// is dropped from the top of the body.
func analyze(lines []line, wantTitle bool, knownTitle string) result {
	var (
		r     = result{meccaClock: -1}
		votes outletVotes
		body  []line
	)
	knownKey := lineKey(knownTitle)
	setPublished := func(s string) {
		if d, ok := parseHeaderDate(s); ok && r.published.IsZero() {
			r.published = d
		}
	}
	setUpdated := func(s string) {
		if d, ok := parseHeaderDate(s); ok && r.updated.IsZero() {
			r.updated = d
		}
	}

	// The header: metadata lines until the story starts. Menu entries and
	// section names (one or two words) do not count toward its length, so
	// a long navigation menu does not push the headline out of it.
	i, seen := 0, 0
	for ; i < len(lines) && seen < maxHeaderLines; i++ {
		l := lines[i]
		t := l.text
		if wordCountMax(t, 3) >= 3 {
			seen++
		}
		if d, ok := parseDateline(t); ok && d.outlet != "" && d.rest == "" {
			// "واشنطن - المغرب اليوم" on a line of its own.
			setOnce(&r.dateline, d.place)
			setOnce(&votes.dateline, d.outlet)
			setOnce(&r.author, d.author)
			continue
		}
		if isParagraph(t) && !(wantTitle && r.title == "" && len(body) == 0 && isTitleShaped(t)) {
			break
		}
		f := factsOf(t)
		switch {
		case f.isCopyright():
			setOnce(&votes.copyright, copyrightOutlet(t))
			continue
		case !hasLetter(t) && isDateOnly(t):
			// «26/9/2023» alone: no letter in it, and a date all the same.
			setPublished(t)
			continue
		case isJunk(t), f.isChrome(), isMenuBar(t), isCounter(t):
			continue
		}
		if pub, upd, ok := dateLabel(t); ok {
			setPublished(pub)
			setUpdated(upd)
			continue
		}
		if isDateOnly(t) {
			setPublished(t)
			continue
		}
		if name, ok := parseByline(t); ok {
			setOnce(&r.author, name)
			continue
		}
		if name, ok := parseSourceLine(t); ok {
			setOnce(&votes.source, name)
			continue
		}
		if o, ok := lookupOutlet(t); ok && !o.Common {
			setOnce(&votes.header, o.Name)
			continue
		}
		if o, name, place, ok := parseOutletByline(t); ok {
			setOnce(&votes.header, o)
			setOnce(&r.author, name)
			setOnce(&r.dateline, place)
			continue
		}
		if place, name, ok := parsePlaceReporter(t); ok {
			setOnce(&r.dateline, place)
			setOnce(&r.author, name)
			continue
		}
		if name, place, ok := parseReporterLine(t); ok {
			setOnce(&r.author, name)
			setOnce(&r.dateline, place)
			continue
		}
		if knownKey != "" && lineKey(t) == knownKey || r.title != "" && lineKey(t) == lineKey(r.title) {
			continue // the headline again, as pages print it above the story
		}
		if c, ok := captionCredit(t); ok && wordCountMax(c, 15) <= 15 || f.isCaptionOpening() {
			continue
		}
		if wantTitle && hasArabicLetter(t) {
			// The first text line is the headline, unless it is a short
			// section name ("أخبار العالم", "استشارات") and a real
			// headline follows.
			switch {
			case r.title == "" && len(body) == 0:
				r.title = stripBullet(t)
				continue
			case wordCountMax(r.title, 3) <= 3 && len(body) == 0 && wordCountMax(t, 20) >= 4 && wordCountMax(t, 20) <= 20 &&
				isTitleShaped(t) && (i+1 == len(lines) || startsStory(lines[i+1].text)):
				r.title = stripBullet(t)
				continue
			}
		}
		if wordCountMax(t, 2) <= 2 && !endsSentence(t) {
			continue // a section name, a tag, a menu entry
		}
		body = append(body, l) // a standfirst or subhead: text
	}
	body = append(body, lines[i:]...)

	body = trimFooter(body, &r, &votes, setPublished, setUpdated)
	body = dropChrome(body, &votes, setPublished, setUpdated)

	body = takeDateline(body, &r, &votes)
	if r.meccaClock >= 0 && r.published.Granularity == marsad.Day {
		t := r.published.Time
		r.published = marsad.Date{Time: time.Date(t.Year(), t.Month(), t.Day(), r.meccaClock/60, r.meccaClock%60, 0, 0, meccaTime), Granularity: marsad.Minute}
	}

	for _, l := range body {
		if t := stripBullet(l.text); t != "" {
			r.body = append(r.body, t)
		}
	}
	if wantTitle && r.title == "" && len(r.body) > 0 {
		r.title = leadTitle(r.body[0])
	}
	r.outlet = votes.best()
	return r
}

// takeDateline finds the dateline that opens one of the first paragraphs
// (after a lede or a subhead at most), records it and cuts it from the body.
func takeDateline(body []line, r *result, votes *outletVotes) []line {
	cutLeadLabel(body)
	defer cutLeadLabel(body)
	for k := 0; k < len(body) && k < 3; k++ {
		if d, date, ok := parseDatedDateline(body[k].text); ok {
			setOnce(&r.dateline, d.place)
			setOnce(&votes.dateline, d.outlet)
			if r.published.IsZero() {
				r.published = date
			}
			body[k].text = d.rest
			if d.rest == "" {
				body = append(body[:k], body[k+1:]...)
			}
			break
		}
		d, ok := parseDateline(body[k].text)
		if !ok || (d.outlet == "" && wordCountMax(d.rest, 5) < 5) {
			if isParagraph(body[k].text) && !startsWithBullet(body[k].text) {
				break // the story has started without a dateline
			}
			continue
		}
		setOnce(&r.dateline, d.place)
		setOnce(&votes.dateline, d.outlet)
		setOnce(&r.author, d.author)
		body[k].text = d.rest
		if d.rest == "" {
			body = append(body[:k], body[k+1:]...)
		}
		break
	}
	return body
}

// cutLeadLabel cuts a credit label from the start of the story, before
// or after its dateline («محمود الحمد – سبق – متابعة: أسفرت قرعة …»): it
// says what the text is, not who wrote it.
func cutLeadLabel(body []line) {
	if len(body) == 0 {
		return
	}
	if label, rest, ok := strings.Cut(body[0].text, ":"); ok && len(label) <= 16 && bylineLabels[arabic.Normalize(strings.TrimSpace(label))] && wordCountMax(rest, 5) >= 5 {
		body[0].text = strings.TrimSpace(rest)
	}
}

// counterLabels count a page's readers or comments («عدد المشاهدات: 1520»).
var counterLabels = map[string]bool{}

func init() {
	for _, l := range []string{"عدد المشاهدات", "المشاهدات", "مشاهدات", "مشاهدة", "عدد القراءات", "القراءات", "قراءة",
		"عدد الزيارات", "الزيارات", "زيارة", "عدد التعليقات", "التعليقات", "تعليق", "تعليقات", "عدد القراء"} {
		counterLabels[lineKey(l)] = true
	}
}

// isCounter reports whether a line is a page counter: a count and its
// label, nothing else («عدد المشاهدات: 1520»، «1520 مشاهدة»).
func isCounter(s string) bool {
	if wordCountMax(s, 5) > 4 || strings.IndexFunc(s, unicode.IsDigit) < 0 {
		return false
	}
	label := strings.TrimSpace(strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) || unicode.IsPunct(r) {
			return -1
		}
		return r
	}, s))
	return counterLabels[lineKey(label)]
}

// isMenuBar reports whether a line is a navigation bar: three or more
// items of at most three words, separated by | or • («الصفحة الرئيسية |
// محليات | عربي ودولي | رياضة | اتصل بنا»), and no sentence.
func isMenuBar(s string) bool {
	if !strings.ContainsAny(s, "|•") {
		return false
	}
	items := strings.FieldsFunc(s, func(r rune) bool { return r == '|' || r == '•' })
	if len(items) < 3 {
		return false
	}
	for _, it := range items {
		if wordCountMax(it, 4) > 3 || endsSentence(it) {
			return false
		}
	}
	return true
}

// trimFooter removes the footer from the end of the body: chrome, copyright
// and design credits, the author's name and bio, "المصدر:" and date lines,
// and a tail of related headlines.
func trimFooter(body []line, r *result, votes *outletVotes, setPublished, setUpdated func(string)) []line {
	for changed := true; changed && len(body) > 0; {
		changed = false
		last := len(body) - 1
		t := body[last].text
		drop := 1
		f := factsOf(t)
		switch {
		case f.isCopyright():
			setOnce(&votes.copyright, copyrightOutlet(t))
		case isJunk(t), f.isChrome(), isDesignCredit(t), isRelatedMarker(t), isCounter(t):
		case meccaStamp(t) >= 0:
			r.meccaClock = meccaStamp(t)
		default:
			if name, ok := parseSourceLine(t); ok {
				setOnce(&votes.source, name)
				break
			}
			if wordCountMax(t, 4) <= 4 {
				if o, ok := lookupOutlet(t); ok && !o.Common {
					setOnce(&votes.footer, o.Name)
					break
				}
			}
			if pub, upd, ok := dateLabel(t); ok && wordCountMax(t, 12) <= 12 {
				setPublished(pub)
				setUpdated(upd)
				break
			}
			if name, ok := parseNameBio(t); ok {
				setOnce(&r.author, name)
				break
			}
			if name, ok := parseByline(t); ok {
				setOnce(&r.author, name)
				break
			}
			if isBio(t) && last > 0 && isNameLike(body[last-1].text) {
				setOnce(&r.author, displayName(body[last-1].text))
				drop = 2
				break
			}
			if c, ok := captionCredit(t); ok && wordCountMax(c, 15) <= 15 {
				break
			}
			prev := ""
			if last > 0 {
				prev = body[last-1].text
			}
			// A name alone after the story is a signature.
			if isSignature(t) && isParagraph(prev) && lastMark(prev) != ':' {
				setOnce(&r.author, displayName(t))
				break
			}
			// A run of headline-like lines: links to other articles. A
			// single one is dropped only when short and after real text;
			// none after a line that announces a list ("وهم :").
			run := 0
			for k := last; k >= 0 && isRelatedHeadline(body[k].text); k-- {
				run++
			}
			if run == 0 || run == len(body) {
				drop = 0
				break
			}
			before := body[last-run].text
			switch {
			case lastMark(before) == ':':
				drop = 0
			case run >= 2:
				drop = run
			case wordCountMax(t, 15) <= 15 && isParagraph(before):
			default:
				drop = 0
			}
		}
		if drop > 0 {
			body = body[:len(body)-drop]
			changed = true
		}
	}
	return body
}

// dropChrome removes chrome from inside the body: widgets, captions and the
// short lines that cling to them, GUIDs and counters, "read also" blocks.
func dropChrome(body []line, votes *outletVotes, setPublished, setUpdated func(string)) []line {
	keep := make([]bool, len(body))
	caption := make([]bool, len(body))
	for k, l := range body {
		t := l.text
		f := factsOf(t)
		keep[k] = true
		switch {
		case f.isCopyright():
			setOnce(&votes.copyright, copyrightOutlet(t))
			keep[k] = false
		case isJunk(t), f.isChrome():
			keep[k] = false
		case f.isCaptionOpening():
			keep[k], caption[k] = false, true
		case f.words <= 1 && !endsSentence(t):
			keep[k] = false
		}
		if !keep[k] {
			continue
		}
		if c, ok := captionCredit(t); ok && wordCountMax(c, 15) <= 15 && !reYears.MatchString(c) {
			keep[k], caption[k] = false, true
			continue
		}
		if name, ok := parseSourceLine(t); ok {
			setOnce(&votes.source, name)
			keep[k] = false
			continue
		}
		if pub, upd, ok := dateLabel(t); ok && wordCountMax(t, 12) <= 12 && (isDateOnly(pub) || isDateOnly(upd)) {
			setPublished(pub)
			setUpdated(upd)
			keep[k] = false
		}
	}
	// Lines glued to a caption without a blank line between ("درنة قطر
	// الخيرية" above "خوف في درنة … – رويترز") are part of it when short.
	for k := range body {
		if !caption[k] {
			continue
		}
		if k > 0 && !body[k].gapAbove && isCaptionCompanion(body[k-1].text) {
			keep[k-1] = false
		}
		if k+1 < len(body) && !body[k+1].gapAbove && isCaptionCompanion(body[k+1].text) {
			keep[k+1] = false
		}
	}
	// "اقرأ أيضا" and the headlines under it.
	for k := 0; k < len(body); k++ {
		if !isRelatedMarker(body[k].text) {
			continue
		}
		keep[k] = false
		for j := k + 1; j < len(body) && isHeadlineLike(body[j].text) && !isParagraph(body[j].text); j++ {
			keep[j] = false
		}
	}
	out := body[:0:0]
	for k, l := range body {
		if keep[k] {
			out = append(out, l)
		}
	}
	return out
}

// isRelatedHeadline reports a line that can be a link to another article
// at the end of a page: a headline of four to twenty words that does not
// continue a sentence ("وكان …").
func isRelatedHeadline(s string) bool {
	n := wordCountMax(s, 20)
	if n < 4 || n > 20 || !isHeadlineLike(s) || isParagraph(s) {
		return false
	}
	ws := strings.Fields(s)
	return !startsWithConjunction(ws[0])
}

// isSignature reports a line that is only a writer's name.
func isSignature(s string) bool {
	if !isNameLike(s) || wordCountMax(s, 4) > 4 {
		return false
	}
	if isPersonName(s) {
		return true
	}
	return !startsWithConjunction(strings.Fields(s)[0])
}

func isCaptionCompanion(s string) bool {
	return wordCountMax(s, 5) <= 5 && !endsSentence(s) && !isParagraph(s)
}

// startsStory reports a line that may follow a headline: the story's
// first paragraph or a metadata line. A line of verse or a list item does
// not, which keeps a poem's short title from giving way to its first verse.
func startsStory(s string) bool {
	if isParagraph(s) || isDateOnly(s) {
		return true
	}
	if _, _, ok := dateLabel(s); ok {
		return true
	}
	if _, ok := parseByline(s); ok {
		return true
	}
	if _, ok := parseDateline(s); ok {
		return true
	}
	_, ok := lookupOutlet(s)
	return ok
}

// isTitleShaped reports a line that can be a headline although it ends like
// a sentence: "!" and "؟" and ".." end headlines too, a single full stop
// only a short one.
func isTitleShaped(s string) bool {
	n := wordCountMax(s, 25)
	if n == 0 || n > 25 {
		return false
	}
	t := strings.TrimRightFunc(s, func(r rune) bool { return unicode.IsSpace(r) || isCloser(r) })
	if strings.HasSuffix(t, ".") && !strings.HasSuffix(t, "..") {
		return n <= 12
	}
	return true
}

func startsWithBullet(s string) bool {
	return stripBullet(s) != strings.TrimSpace(s)
}

// stripBullet removes list bullets and dashes that open a line.
func stripBullet(s string) string {
	return strings.TrimSpace(strings.TrimLeftFunc(s, func(r rune) bool {
		switch r {
		case '•', '·', '▪', '■', '►', '◄', '*', '●', '○', '◆', '-', '–', '—', '»', '|':
			return true
		}
		return unicode.IsSpace(r)
	}))
}

// meccaTime is Mecca's zone (UTC+3, no daylight saving).
var meccaTime = time.FixedZone("+03", 3*3600)

var reMeccaStamp = regexp.MustCompile(`^(\d{1,2}):(\d{2})\s*ت\s*\.?\s*م\.?$`)

// meccaStamp reads the time stamp the Saudi Press Agency closes its copy
// with, "13:37 ت م" (توقيت مكة, Mecca time), as minutes after midnight; -1
// when t is not one.
func meccaStamp(t string) int {
	m := reMeccaStamp.FindStringSubmatch(strings.TrimSpace(t))
	if m == nil {
		return -1
	}
	h, mi := atoi(m[1]), atoi(m[2])
	if h > 23 || mi > 59 {
		return -1
	}
	return h*60 + mi
}
