// Package timex finds Arabic time expressions in news text and resolves
// them to calendar values.
//
// It exists because general date parsers fail on the forms Arabic news
// actually prints: dual month names ("سبتمبر/أيلول", "مارس آذار"),
// Levantine and Maghrebi month names, Hijri dates ("14/10/1436هـ"),
// "منذ أكثر من أسبوع", "بعد 5 أيام من لقائه" (EVAL.md compares it with
// go-dateparser on real sentences).
//
// Tag works on arabic.Tokenize tokens with a hand-written grammar: each rule
// starts at a number or a lexicon word and reads forward, the longest
// specific rule wins (a range before the dates in it, a full date before
// its weekday). A 4-digit number is a year only in a date or after a cue
// (عام، سنة، في، منذ، مطلع، ثورة …), so counts such as "1200 مرتزق" are not
// dates.
//
// Resolution follows a news reader's conventions, relative to the
// article's publication date (the anchor), never to the crawl time:
//
//   - A bare weekday ("الثلاثاء", "يوم الأحد") is the latest such day on or
//     before the anchor (the anchor itself if it matches); with الماضي it
//     is strictly before, with المقبل/القادم strictly after. A day word
//     with a weekday ("أمس الأربعاء", "اليوم (الاثنين)") takes the weekday.
//   - A day and month without a year ("10 سبتمبر") are in the anchor's
//     year, unless that is more than six months after the anchor; with
//     الماضي/المقبل/الجاري the nearest such date before, after, or in the
//     anchor's year ("مارس الماضي" in September 2023 is 2023-03).
//   - "بعد N أيام من X" (N days after X) dates X: the reported event is at
//     the anchor, so X is N days before it ("بعد 5 أيام من لقائه" in an
//     article of 2023-09-26 is 2023-09-21). "بعد N أيام" alone and "قبل N
//     أيام من X" count from a moment of the story the grammar cannot see:
//     found, not resolved. So is "اليوم التالي".
//   - "منذ/قبل N" is the unit N back at the unit's granularity (day, ISO
//     week, month, year); "منذ أكثر من أسبوع" is read as a week ago. Vague
//     counts ("منذ أسابيع", "قبل أيام", "بضعة أعوام") span 3 to 9 units
//     back, as بضع does in Arabic. "خلال الثمانية أشهر الماضية" is the
//     range from N units back to the anchor.
//   - "مطلع/منتصف/أواخر" split a year into thirds of four months and a
//     month into days 1–10, 11–20, 21–end; "النصف الأول", "الربع الثالث"
//     and seasons ("صيف 2013"; winter Y is December Y−1 to February Y)
//     are month ranges.
//   - Hijri dates use the Umm al-Qura calendar; a Hijri month or year is the
//     range of Gregorian days it covers. A numeric date whose year is in
//     1300–1600 is Hijri, and so is a year in 1350–1500 after عام.
//   - A time of day with a known zone (غرينتش, مكة, +03:00) keeps it; one
//     without a zone, or in a zone with daylight saving, is written as UTC
//     ("floating"). A time with no date is on the anchor day.
//
// With no anchor (or one known only to the month), relative expressions
// are still found but get no value.
package timex

import (
	"strings"
	"sync"
	"time"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/arabic"
)

// Expr is one time expression found by Tag.
type Expr struct {
	Text        string
	Start, End  int    // byte offsets into the text passed to Tag
	Value       string // marsad.TimeExpr.Value format; "" when unresolved
	Granularity marsad.Granularity
	From, To    time.Time // the resolved span (To exclusive); zero when unresolved
}

// standIn is the anchor used to run the grammar when the caller has none;
// values computed from it are discarded.
var standIn = time.Date(2000, 1, 5, 0, 0, 0, 0, time.UTC)

// Tag finds time expressions in text and resolves them against anchor (the
// article's publication date). A zero anchor resolves only absolute
// expressions; relative ones get Value "" (never today, never crawl time).
// An anchor known only to the month or year counts as none. The anchor's
// calendar day is read in its own time zone.
func Tag(text string, anchor marsad.Date) []Expr {
	return tag(text, nil, anchor, true)
}

// TagTokens is Tag for a text the caller has already tokenized: toks must
// be arabic.Tokenize(text), and is only read. The pipeline has the tokens at
// hand and saves a second pass over the body.
func TagTokens(text string, toks []arabic.Token, anchor marsad.Date) []Expr {
	return tag(text, toks, anchor, true)
}

// tag is Tag with the canStart shortcut switchable, so that a test can
// prove the shortcut changes nothing.
// raw is arabic.Tokenize(text), or nil to tokenize here.
func tag(text string, raw []arabic.Token, anchor marsad.Date, shortcut bool) []Expr {
	if raw == nil {
		raw = arabic.Tokenize(text)
	}
	// The token array is reused from article to article: a fresh one per
	// article costs more (allocation, zeroing, cold cache lines) than
	// filling it. Nothing tag returns points into it.
	buf := tokenPool.Get().(*[]token)
	if cap(*buf) < len(raw) {
		*buf = make([]token, len(raw))
	}
	toks := prepareInto((*buf)[:len(raw)], raw)
	defer func() {
		clear(toks) // drop the references to this article's tokens
		tokenPool.Put(buf)
	}()
	p := &parser{toks: toks, anchor: standIn, noShortcut: !shortcut}
	// A publication date known only to the month or year cannot place
	// "أمس" or "الأحد"; it counts as no anchor.
	hasAnchor := !anchor.IsZero() && (anchor.Granularity == marsad.Day || anchor.Granularity == marsad.Minute)
	if hasAnchor {
		a := anchor.Time
		p.anchor = time.Date(a.Year(), a.Month(), a.Day(), 0, 0, 0, 0, time.UTC)
	}
	var out []Expr
	for i := 0; i < len(p.toks); {
		m, ok := p.matchAt(i)
		if !ok || m.end <= i {
			i++
			continue
		}
		out = append(out, p.expr(text, m, hasAnchor))
		i = m.end
	}
	return out
}

// tokenPool holds token arrays for tag.
var tokenPool = sync.Pool{New: func() any { return new([]token) }}

// expr turns a match into an Expr.
func (p *parser) expr(text string, m match, hasAnchor bool) Expr {
	start, end := p.toks[m.start].Start, p.toks[m.end-1].End
	// "ومنذ أكثر من أسبوع": the conjunction is not part of the expression.
	if first := p.toks[m.start]; first.conj && strings.HasPrefix(first.Text, "و") && len(first.Text) > len("و") {
		start += len("و")
	}
	e := Expr{Text: text[start:end], Start: start, End: end, Granularity: m.lo.g}
	if m.isRange() {
		e.Granularity = marsad.Range
	}
	if m.unresolved || m.rel && !hasAnchor {
		return e
	}
	e.From = m.lo.t
	if m.isRange() {
		e.Value = m.lo.String() + "/" + m.hi.String()
		e.To = m.hi.end()
	} else {
		e.Value = m.lo.String()
		e.To = m.lo.end()
	}
	return e
}

// matchAt tries the rules at token i, most specific first.
func (p *parser) matchAt(i int) (match, bool) {
	if !p.noShortcut && !p.canStart(i) {
		return match{}, false
	}
	if p.ruleList == nil {
		p.ruleList = p.rules()
	}
	for _, rule := range p.ruleList {
		if m, ok := rule(i); ok && m.end > i {
			return m, true
		}
	}
	return match{}, false
}

// rules lists the grammar's entry points, most specific first: a range or
// a part of a period contains dates, and a full date beats the weekday or
// year inside it.
func (p *parser) rules() []func(int) (match, bool) {
	return []func(int) (match, bool){
		p.rangeAt, p.fractionAt, p.partAt, p.seasonAt, p.partOfDayAt, p.dateAt, p.durationAt, p.dayWordAt,
		p.calendarUnitAt, p.weekdayAt, p.monthRelAt, p.yearAtCue, p.clockOnlyAt,
	}
}

// canStart reports whether some rule could match at token i: every rule
// starts with a number or a word of the lexicon. Most tokens fail this
// cheap test, which spares running every rule on them.
func (p *parser) canStart(i int) bool {
	t := &p.toks[i]
	switch t.Kind {
	case arabic.Number:
		return true
	case arabic.Punct:
		return t.Text == "("
	}
	_, ok := starters[t.key]
	return ok
}

// starters is the union of the word sets canStart asks about (knownWords,
// yearCue, partOfDay, ordinalWords, startWords): one lookup per word instead
// of five. It is built in init, after knownWords.
var starters = map[string]struct{}{}

func buildStarters() {
	for w := range knownWords {
		starters[w] = struct{}{}
	}
	for w := range eventYearCues {
		starters["ال"+w] = struct{}{}
		starters["وال"+w] = struct{}{}
	}
	for _, set := range []map[string]bool{yearCue, partOfDay, ordinalWords, startWords} {
		for w, ok := range set {
			if ok {
				starters[w] = struct{}{}
			}
		}
	}
}

// startWords are the words that open a rule and are not in the lexicon
// maps: "هذا العام", "أول أمس", "الليلة", "الفترة من", "يومي 4 و5",
// seasons and fractions.
var startWords = map[string]bool{
	"هذا": true, "هذه": true, "اول": true, "الليله": true, "الفتره": true, "يومي": true, "ال": true,
	"صيف": true, "شتاء": true, "خريف": true, "ربيع": true, "النصف": true, "الربع": true, "وسط": true,
	"ختام": true, "بدء": true, "غد": true,
}
