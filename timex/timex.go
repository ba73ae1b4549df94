// Package timex finds Arabic time expressions in news text and resolves
// them to calendar values.
//
// It exists because general date parsers fail on the forms Arabic news
// actually prints: dual month names ("سبتمبر/أيلول"), Levantine and
// Maghrebi month names in one text, Hijri dates, "منذ أكثر من أسبوع",
// "بعد 5 أيام من لقائه" (see EVAL.md for the comparison with
// go-dateparser).
//
// Resolution follows a news reader's conventions, all relative to the
// article's publication date (the anchor), never to the crawl time:
//
//   - A bare weekday ("الثلاثاء", "يوم الأحد") is the most recent such day
//     on or before the anchor; with الماضي it is strictly before, with
//     المقبل/القادم strictly after.
//   - A day and month without a year ("10 سبتمبر") take the anchor's year;
//     "مارس الماضي" is the latest March before the anchor's month.
//   - "بعد N أيام من X" (N days after X) dates X: the reported event is at
//     the anchor, so X is N days before it. "بعد N أيام" alone is N days
//     after the anchor.
//   - Vague plurals ("منذ أسابيع", "منذ أشهر") are ranges of 2 to 9 units
//     back; "مطلع/منتصف/أواخر" cut a year or month into thirds.
//   - A Hijri month ("رمضان 1445 هـ") is the range of Gregorian days it
//     covers (Umm al-Qura calendar).
//   - A time of day without a zone is written as UTC ("floating").
//
// With no anchor, relative expressions are still found but get no value.
package timex

import (
	"strings"
	"time"

	"github.com/marsad-news/marsad"
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
func Tag(text string, anchor marsad.Date) []Expr {
	p := &parser{toks: prepare(text), anchor: standIn}
	hasAnchor := !anchor.IsZero()
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
		p.rangeAt, p.fractionAt, p.partAt, p.partOfDayAt, p.dateAt, p.durationAt, p.dayWordAt,
		p.calendarUnitAt, p.weekdayAt, p.monthRelAt, p.yearAtCue, p.clockOnlyAt,
	}
}
