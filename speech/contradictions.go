package speech

import (
	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/arabic"
)

// minMatterOverlap is how much of the smaller side's content words a denial
// and a claim must share to be about the same matter.
const minMatterOverlap = 0.25

// linkContradictions pairs every denial with the claim it answers: the one
// the text attaches it to ("الأمر الذي نفته"), else the quote by another
// speaker that the denial names or shares the most content words with. A
// statement that gets denied is a claim.
func (a *analysis) linkContradictions() {
	for di, d := range a.quotes {
		if d.Kind != marsad.Denial {
			continue
		}
		best, bestScore := a.qmeta[di].denies, 1.0
		if best < 0 {
			bestScore = 0
			dTerms := termSet(d.Text + " " + a.qmeta[di].context)
			for ci, c := range a.quotes {
				if ci == di || c.Kind == marsad.Denial || sameSpeaker(c, d) || c.Speaker == "" {
					continue
				}
				score := overlap(dTerms, termSet(c.Text))
				if mentionsSpeaker(a.qmeta[di].context, c.Speaker) {
					score += 0.5
				}
				if score > bestScore {
					best, bestScore = ci, score
				}
			}
		}
		if best < 0 || bestScore < minMatterOverlap {
			continue
		}
		if a.quotes[best].Kind == marsad.Statement {
			a.quotes[best].Kind = marsad.Claim
		}
		a.contradictions = append(a.contradictions, marsad.Contradiction{Claim: a.quotes[best], Denial: d})
	}
}

func sameSpeaker(a, b marsad.Quote) bool {
	if a.SpeakerID != "" && a.SpeakerID == b.SpeakerID {
		return true
	}
	return arabic.Normalize(a.Speaker) == arabic.Normalize(b.Speaker)
}

// mentionsSpeaker reports whether text names the speaker (any word of the
// name of four letters or more: a surname is enough).
func mentionsSpeaker(text, speaker string) bool {
	ts := termSet(text)
	for _, t := range arabic.Terms(speaker) {
		if len([]rune(t.Term)) >= 4 && ts[t.Term] {
			return true
		}
	}
	return false
}

func termSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, t := range arabic.Terms(s) {
		m[t.Term] = true
	}
	return m
}

// overlap is |A∩B| / min(|A|,|B|).
func overlap(a, b map[string]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	n := 0
	for t := range b {
		if a[t] {
			n++
		}
	}
	return float64(n) / float64(min(len(a), len(b)))
}

// Across links claims and denials about the same matter in different
// articles: a denial in one article answers a claim in another when the
// denial names the claimant or shares enough content words with the claim.
// Each input quote carries the id of its article.
func Across(quotes []ArticleQuote) []ArticleContradiction {
	var out []ArticleContradiction
	for _, d := range quotes {
		if d.Kind != marsad.Denial {
			continue
		}
		dTerms := termSet(d.Text)
		best, bestScore := -1, 0.0
		for ci, c := range quotes {
			if c.ArticleID == d.ArticleID || c.Kind == marsad.Denial || sameSpeaker(c.Quote, d.Quote) || c.Speaker == "" {
				continue
			}
			score := overlap(dTerms, termSet(c.Text))
			if score > bestScore {
				best, bestScore = ci, score
			}
		}
		if best >= 0 && bestScore >= 0.5 {
			out = append(out, ArticleContradiction{Claim: quotes[best], Denial: d})
		}
	}
	return out
}

// ArticleQuote is a quote with the article it appeared in.
type ArticleQuote struct {
	marsad.Quote
	ArticleID int64
}

// ArticleContradiction is a contradiction across articles.
type ArticleContradiction struct {
	Claim, Denial ArticleQuote
}
