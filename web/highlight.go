package web

import (
	"cmp"
	"html"
	"html/template"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/marsad-news/marsad"
)

// This file holds the only code that builds HTML outside html/template. Its
// rule: every piece of text from an article or its analysis goes through
// html.EscapeString before it is written, and the only markup written is
// the fixed tags below with attribute values that are escaped too.

// snippetHTML turns a search snippet with marsad.MarkStart/MarkEnd marks
// into HTML: the text is escaped first and the marks become <mark> elements.
// Unbalanced marks are repaired (a stray end is dropped, an open start is
// closed at the end, a nested start is ignored), so the result is always
// well-formed.
func snippetHTML(snippet string) template.HTML {
	var b strings.Builder
	b.Grow(len(snippet) + 32)
	open := false
	for len(snippet) > 0 {
		i := strings.IndexAny(snippet, marsad.MarkStart+marsad.MarkEnd)
		if i < 0 {
			b.WriteString(html.EscapeString(snippet))
			break
		}
		b.WriteString(html.EscapeString(snippet[:i]))
		mark := snippet[i : i+len(marsad.MarkStart)] // both marks are 3 bytes in UTF-8
		snippet = snippet[i+len(mark):]
		switch {
		case mark == marsad.MarkStart && !open:
			b.WriteString("<mark>")
			open = true
		case mark == marsad.MarkEnd && open:
			b.WriteString("</mark>")
			open = false
		}
	}
	if open {
		b.WriteString("</mark>")
	}
	return template.HTML(b.String())
}

// span is one highlighted stretch of an article body, in code points.
type span struct {
	start, end int
	class      string // CSS classes of the <mark>
	title      string // tooltip: what the analysis says about it
	id         string // element id, for links to a quote; may be empty
}

// bodyLayers are the spans of an article, in two layers that nest: quotes
// outside, entities and time expressions inside.
type bodyLayers struct {
	outer []span // quotes
	inner []span // entity mentions and time expressions
}

// articleLayers collects the highlight spans of an article's analysis.
func articleLayers(a *marsad.Article) bodyLayers {
	var l bodyLayers
	for _, e := range a.Entities {
		class := "ent ent-" + strings.ToLower(string(e.Type))
		if !validEntityType(e.Type) {
			class = "ent ent-misc"
		}
		title := entityTypeLabel(e.Type) + ": " + e.Name
		for _, m := range e.Mentions {
			l.inner = append(l.inner, span{start: m.Start, end: m.End, class: class, title: title})
		}
	}
	for _, t := range a.Times {
		title := "زمن"
		if t.Value != "" {
			title += ": " + t.Value
		}
		l.inner = append(l.inner, span{start: t.Start, end: t.End, class: "tx", title: title})
	}
	for _, q := range a.Quotes {
		kind := q.Kind
		if kind == "" {
			kind = marsad.Statement
		}
		l.outer = append(l.outer, span{
			start: q.Start, end: q.End,
			class: "q q-" + quoteKindClass(kind),
			title: quoteKindLabel(kind) + ": " + q.Speaker,
			id:    quoteAnchor(a.ID, q),
		})
	}
	return l
}

// highlightBody renders body as <p> paragraphs (one per "\n"-separated
// line, blank ones dropped) with the spans of l as <mark> elements.
//
// Spans with offsets outside the body or empty are dropped; within a layer,
// a span overlapping an earlier (or longer) one is dropped. An inner span
// that crosses an outer boundary or a paragraph break is closed and
// reopened, so the HTML always nests.
func highlightBody(body string, l bodyLayers) template.HTML {
	runes := []rune(body)
	outer := cleanSpans(l.outer, len(runes))
	inner := cleanSpans(l.inner, len(runes))

	// Boundaries: every offset where the set of open spans may change.
	cuts := make([]int, 0, 2*(len(outer)+len(inner))+2)
	cuts = append(cuts, 0, len(runes))
	for _, s := range outer {
		cuts = append(cuts, s.start, s.end)
	}
	for _, s := range inner {
		cuts = append(cuts, s.start, s.end)
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)

	w := paragraphWriter{}
	w.b.Grow(len(body) + 64*(len(outer)+len(inner)) + 64)
	oi, ii := 0, 0 // next candidate span in each layer
	for k := 0; k+1 < len(cuts); k++ {
		from, to := cuts[k], cuts[k+1]
		for oi < len(outer) && outer[oi].end <= from {
			oi++
		}
		for ii < len(inner) && inner[ii].end <= from {
			ii++
		}
		var o, in *span
		if oi < len(outer) && outer[oi].start <= from {
			o = &outer[oi]
		}
		if ii < len(inner) && inner[ii].start <= from {
			in = &inner[ii]
		}
		w.setOpen(o, in)
		w.text(runes[from:to])
	}
	w.setOpen(nil, nil)
	w.endParagraph()
	return template.HTML(w.b.String())
}

// highlightCounts counts the marks highlightBody shows, by layer: "ent"
// (entity mentions), "tx" (time expressions) and "q" (quotes).
func highlightCounts(body string, l bodyLayers) map[string]int {
	n := utf8.RuneCountInString(body)
	counts := map[string]int{"ent": 0, "tx": 0, "q": len(cleanSpans(l.outer, n))}
	for _, s := range cleanSpans(l.inner, n) {
		if s.class == "tx" {
			counts["tx"]++
		} else {
			counts["ent"]++
		}
	}
	return counts
}

// cleanSpans drops spans outside [0, n] or empty, sorts the rest by start
// (longer first on ties) and drops those overlapping a kept one.
func cleanSpans(spans []span, n int) []span {
	out := make([]span, 0, len(spans))
	for _, s := range spans {
		if s.start >= 0 && s.start < s.end && s.end <= n {
			out = append(out, s)
		}
	}
	slices.SortStableFunc(out, func(a, b span) int {
		if c := cmp.Compare(a.start, b.start); c != 0 {
			return c
		}
		return cmp.Compare(b.end, a.end)
	})
	kept := out[:0]
	end := 0
	for _, s := range out {
		if s.start >= end {
			kept = append(kept, s)
			end = s.end
		}
	}
	return kept
}

// paragraphWriter writes highlighted paragraphs, tracking which marks are
// open so it can close and reopen them around paragraph breaks.
type paragraphWriter struct {
	b         strings.Builder
	para      strings.Builder // current paragraph
	hasText   bool            // current paragraph has non-space text
	outer     *span
	inner     *span
	idWritten *span // the last span whose id was written: ids are unique
}

func (w *paragraphWriter) setOpen(o, in *span) {
	if w.outer == o && w.inner == in {
		return
	}
	if w.inner != nil && (w.inner != in || w.outer != o) {
		w.para.WriteString("</mark>")
		w.inner = nil
	}
	if w.outer != o {
		if w.outer != nil {
			w.para.WriteString("</mark>")
		}
		w.outer = o
		if o != nil {
			w.openMark(o, true)
		}
	}
	if in != nil && w.inner == nil {
		w.inner = in
		w.openMark(in, false)
	}
}

func (w *paragraphWriter) openMark(s *span, outer bool) {
	w.para.WriteString(`<mark class="`)
	w.para.WriteString(html.EscapeString(s.class))
	w.para.WriteString(`"`)
	if outer && s.id != "" && w.idWritten != s {
		w.para.WriteString(` id="`)
		w.para.WriteString(html.EscapeString(s.id))
		w.para.WriteString(`"`)
		w.idWritten = s
	}
	if s.title != "" {
		w.para.WriteString(` title="`)
		w.para.WriteString(html.EscapeString(s.title))
		w.para.WriteString(`"`)
	}
	w.para.WriteString(">")
}

// text writes runs of text, breaking paragraphs at newlines.
func (w *paragraphWriter) text(rs []rune) {
	for len(rs) > 0 {
		nl := slices.Index(rs, '\n')
		chunk := rs
		if nl >= 0 {
			chunk = rs[:nl]
		}
		if len(chunk) > 0 {
			s := string(chunk)
			if strings.TrimSpace(s) != "" {
				w.hasText = true
			}
			w.para.WriteString(html.EscapeString(s))
		}
		if nl < 0 {
			return
		}
		// Close the open marks, end the paragraph, reopen in the next.
		o, in := w.outer, w.inner
		w.setOpen(nil, nil)
		w.endParagraph()
		w.setOpen(o, in)
		rs = rs[nl+1:]
	}
}

func (w *paragraphWriter) endParagraph() {
	if w.hasText {
		w.b.WriteString("<p>")
		w.b.WriteString(w.para.String())
		w.b.WriteString("</p>\n")
	}
	w.para.Reset()
	w.hasText = false
}

// quoteAnchor is the element id of a quote in its article page and on a
// story page, so that a contradiction can link claim and denial.
func quoteAnchor(articleID int64, q marsad.Quote) string {
	return "q-" + itoa(articleID) + "-" + itoa(int64(q.Start))
}
