// Package marsad holds the domain of the marsad Arabic news monitor: the
// articles it reads, the entities, quotes, time expressions and events it
// extracts from them, and the stories it threads them into.
//
// This package imports no driver, no HTTP router and no NLP code. Every
// capability lives in its own package (arabic, extract, timex, ner, resolve,
// speech, story, sqlite, postgres, web) and speaks in these types, so that a
// storage backend or a stage of the analysis pipeline can be replaced without
// touching the others.
//
// Offsets. Every Start/End pair in this package counts Unicode code points
// (not bytes, not UTF-16 units) into Article.Body, so that a consumer in any
// language can cut the mention out of the body it received.
package marsad

import (
	"time"
)

// Article is one news article after extraction: metadata plus a clean body.
//
// Strings that the source does not give are empty here and null in JSON;
// times that the source does not give are the zero Date and null in JSON. A
// publication time is never invented from the crawl time, today or a
// copyright year.
type Article struct {
	ID        int64  `json:"id,omitempty"`
	File      string `json:"file,omitempty"` // path the article was read from, if any
	URL       string `json:"url,omitempty"`  // canonical URL, if known
	Title     string `json:"title"`
	Published Date   `json:"published"`
	Updated   Date   `json:"updated"`
	Outlet    string `json:"outlet"`
	Author    string `json:"author"`
	Dateline  string `json:"dateline"` // place in the dateline ("واشنطن")
	Body      string `json:"body"`     // paragraphs joined by "\n"
	Language  string `json:"language"` // ISO 639-1, "ar" for Arabic

	// ContentHash identifies the normalized content; two articles with the
	// same hash are the same article (re-ingest does not duplicate it).
	ContentHash string `json:"content_hash,omitempty"`
	// Ingested is when marsad stored the article. It is never used as a
	// publication time.
	Ingested time.Time `json:"ingested,omitempty"`
	// Crawled is when a crawler fetched the page (a WARC record's date,
	// SaudiNewsNet's date_extracted), zero when unknown. It is never shown
	// as the publication time, but an article without one has its relative
	// dates ("اليوم الثلاثاء", "أمس") resolved against the crawl's day: of
	// 14 SaudiNewsNet wire stories whose own dateline gives their date, all
	// 14 were crawled the day they were dated.
	Crawled time.Time `json:"crawled,omitzero"`

	// Analysis results. They are filled by the pipeline stages and may be
	// empty when a stage did not run.
	Entities       []Entity        `json:"entities,omitempty"`
	Times          []TimeExpr      `json:"times,omitempty"`
	Quotes         []Quote         `json:"quotes,omitempty"`
	Events         []Event         `json:"events,omitempty"`
	Contradictions []Contradiction `json:"contradictions,omitempty"`
}

// Source names where an article came from, for messages and provenance: the
// URL when there is one, else the file path.
func (a *Article) Source() string {
	if a.URL != "" {
		return a.URL
	}
	return a.File
}

// Ref returns the reference lists use to point at the article.
func (a *Article) Ref() ArticleRef {
	return ArticleRef{ID: a.ID, Title: a.Title, URL: a.URL, File: a.File, Outlet: a.Outlet, Published: a.Published}
}

// EntityType is the kind of a named entity.
type EntityType string

// The entity types marsad tags, as in ANERcorp.
const (
	Person       EntityType = "PER"
	Location     EntityType = "LOC"
	Organization EntityType = "ORG"
	Misc         EntityType = "MISC"
)

// Mention is one occurrence of an entity in an article body.
type Mention struct {
	Text  string `json:"text"`
	Start int    `json:"start"` // code point offset into Article.Body
	End   int    `json:"end"`
}

// Role is a title or function a person was seen with ("الرئيس الروسي",
// "المشير", "المتحدث باسم قوات الجيش الليبي").
type Role struct {
	Role string `json:"role"`
	Seen Date   `json:"seen"` // publication date of the article it was seen in
}

// Entity is a person, place, organisation or other named thing. Inside one
// article it gathers that article's mentions; across articles it is the
// canonical entity that merges spelling variants and short forms.
type Entity struct {
	ID       string     `json:"id"`
	Name     string     `json:"name"` // display name: the most common full form
	Type     EntityType `json:"type"`
	Aliases  []string   `json:"aliases"`
	Roles    []Role     `json:"roles"`
	Mentions []Mention  `json:"mentions,omitempty"`
	Articles int        `json:"articles,omitempty"` // number of articles it occurs in
}

// Granularity says how precise a Date or TimeExpr value is.
type Granularity string

// Granularities, from coarse to fine. Range is a span between two values.
const (
	Year   Granularity = "year"
	Month  Granularity = "month"
	Week   Granularity = "week"
	Day    Granularity = "day"
	Minute Granularity = "minute" // time of day known
	Range  Granularity = "range"
)

// TimeExpr is a time expression found in text ("الثلاثاء", "26 سبتمبر/أيلول
// 2023", "بعد 5 أيام من لقائه"), resolved against the article's publication
// date. Value is empty (null in JSON) when it cannot be resolved, as for a
// relative expression in an article with no publication date.
//
// Value formats: "2023" (year), "2023-09" (month), "2023-W39" (week),
// "2023-09-26" (day), RFC 3339 (minute), "2019-04/2020-06" (range, ISO 8601
// interval of the two ends).
type TimeExpr struct {
	Text        string      `json:"text"`
	Start       int         `json:"start"`
	End         int         `json:"end"`
	Value       string      `json:"value"`
	Granularity Granularity `json:"granularity"`
}

// QuoteKind classifies what a speaker does with a quote.
type QuoteKind string

// Quote kinds.
const (
	Statement    QuoteKind = "statement"
	Claim        QuoteKind = "claim"
	Denial       QuoteKind = "denial"
	Confirmation QuoteKind = "confirmation"
)

// Quote is something a speaker said, directly or in reported speech.
type Quote struct {
	Speaker   string    `json:"speaker"`
	SpeakerID string    `json:"speaker_id"`
	Text      string    `json:"text"`
	Kind      QuoteKind `json:"kind"`
	Via       string    `json:"via"` // outlet or agency the article quotes it through
	Start     int       `json:"start"`
	End       int       `json:"end"`
}

// Event is something that happened, as one sentence of an article tells it.
type Event struct {
	Kind     string   `json:"kind"` // visit, meeting, call, request, supply, attack, agreement, disaster, appointment, statement, denial, report
	Who      []string `json:"who"`
	With     []string `json:"with"`
	Where    string   `json:"where"`
	When     string   `json:"when"`      // TimeExpr.Value format, empty when unknown
	WhenText string   `json:"when_text"` // the expression it was resolved from
	Text     string   `json:"text"`      // the evidence sentence
}

// Contradiction links a claim to a denial of the same matter.
type Contradiction struct {
	Claim  Quote `json:"claim"`
	Denial Quote `json:"denial"`
}

// ArticleRef points at a stored article from a list (timeline, story, quote).
type ArticleRef struct {
	ID        int64  `json:"id"`
	Title     string `json:"title"`
	URL       string `json:"url,omitempty"`
	File      string `json:"file,omitempty"`
	Outlet    string `json:"outlet"`
	Published Date   `json:"published"`
}

// Story threads articles and events about one matter across outlets and
// years.
type Story struct {
	ID       int64          `json:"id"`
	Title    string         `json:"title"`
	Summary  []string       `json:"summary,omitempty"`
	Articles []StoryArticle `json:"articles"`
	Entities []Entity       `json:"entities,omitempty"`
	First    Date           `json:"first"`
	Last     Date           `json:"last"`
	// Contradictions are claims in one article of the story denied in
	// another (those inside one article are on the article).
	Contradictions []StoryContradiction `json:"contradictions,omitempty"`
}

// StoryContradiction links a claim to its denial across two articles.
type StoryContradiction struct {
	Claim  QuoteItem `json:"claim"`
	Denial QuoteItem `json:"denial"`
}

// StoryArticle is one article of a story with the copies folded into it.
type StoryArticle struct {
	ArticleRef
	Duplicates []ArticleRef `json:"duplicates"`
}
