package story

import (
	"math"
	"sort"
	"strings"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/arabic"
)

// Doc is what the story package needs of an article.
type Doc struct {
	ID        int64
	Title     string
	Body      string
	Outlet    string
	Published marsad.Date
	// Entities are canonical entity ids or names; names are normalized
	// here, so spelling variants of hamza, alef and ta marbuta match.
	Entities []string
	URL      string
	File     string
}

// Match is a stored document and its similarity to the query document.
type Match struct {
	ID    int64
	Score float64
}

// Calibration of the same-event score. Similarity is a logistic function of
// the evidence:
//
//	z = contentWeight·cos(title+body) + titleWeight·cos(titles) + bias
//	    [+ entityWeight·(overlap − entityPrior) when both name entities]
//	score = σ(z) · dateFactor(days apart)   (date factor when both dates known)
//
// contentWeight, titleWeight and bias were fitted by logistic regression on
// 83 hand-judged SaudiNewsNet pairs of different outlets within two days
// that share salient terms (hard cases: 43 same event, 40 same topic only;
// EVAL.md, testdata/snn_pairs.tsv), so that 0.5 means "as likely the same
// event as not". The entity terms are a prior, not fitted: the labelled
// pairs carry no entity annotation.
const (
	contentWeight  = 6.3
	titleCosWeight = 4.8
	scoreBias      = -3.78
	entityWeight   = 3.0
	entityPrior    = 0.2
	// dateSlackDays is how far apart two reports of one event commonly are;
	// beyond it the score decays with dateDecayDays.
	dateSlackDays = 1.0
	dateDecayDays = 4.0
)

// minTerms is the fewest distinct terms a document needs to be compared at
// all: a body-less "كاريكاتير" or "موجز" names no event, and two of them
// are not one.
const minTerms = 3

// features is the evidence Similarity combines, kept apart for EVAL and
// calibration.
type features struct {
	cosine   float64
	title    float64
	entities float64 // -1 when either side has none
	days     float64 // -1 when either date is unknown
	empty    bool    // either side has no terms: nothing to compare
}

func (f features) score() float64 {
	if f.empty {
		return 0
	}
	z := contentWeight*f.cosine + titleCosWeight*f.title + scoreBias
	if f.entities >= 0 {
		z += entityWeight * (f.entities - entityPrior)
	}
	s := 1 / (1 + math.Exp(-z))
	if f.days >= 0 {
		s *= dateFactor(f.days)
	}
	return clamp01(s)
}

// dateFactor is 1 within dateSlackDays and decays exponentially beyond:
// articles a month apart are rarely about the same event, however alike
// their words (a story, not an event).
func dateFactor(days float64) float64 {
	if days <= dateSlackDays {
		return 1
	}
	return math.Exp(-(days - dateSlackDays) / dateDecayDays)
}

// Similarity scores in [0,1] how likely a and b report the same event (not
// merely the same topic). It is symmetric and needs no index: IDF comes
// from the embedded background table.
func Similarity(a, b Doc) float64 {
	ta, tb := analyze(a.Title, a.Body), analyze(b.Title, b.Body)
	return featuresOf(&ta, &tb, normEntities(a.Entities), normEntities(b.Entities), a.Published, b.Published).score()
}

func featuresOf(a, b *text, ea, eb []string, da, db marsad.Date) features {
	return features{
		cosine:   cosine(a.vec, b.vec),
		title:    cosine(a.title, b.title),
		entities: entityOverlap(ea, eb),
		days:     dayDistance(da, db),
		empty:    len(a.vec.keys) < minTerms || len(b.vec.keys) < minTerms,
	}
}

// normEntities normalizes entity names and sorts them, dropping
// duplicates and empties.
func normEntities(es []string) []string {
	if len(es) == 0 {
		return nil
	}
	out := make([]string, 0, len(es))
	for _, e := range es {
		n := arabic.Normalize(strings.TrimSpace(e))
		if n != "" {
			out = append(out, n)
		}
	}
	sort.Strings(out)
	j := 0
	for i, e := range out {
		if i == 0 || e != out[j-1] {
			out[j] = e
			j++
		}
	}
	return out[:j]
}

// entityOverlap is the Ochiai coefficient |A∩B|/√(|A|·|B|) of two sorted
// sets, or -1 when either is empty (no evidence, not evidence of absence).
func entityOverlap(a, b []string) float64 {
	if len(a) == 0 || len(b) == 0 {
		return -1
	}
	inter := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch c := strings.Compare(a[i], b[j]); {
		case c < 0:
			i++
		case c > 0:
			j++
		default:
			inter++
			i++
			j++
		}
	}
	return float64(inter) / math.Sqrt(float64(len(a))*float64(len(b)))
}

// dayDistance is the distance in days between two dates beyond what their
// precision leaves open (two dates known to the month are 0 days apart in
// the same month), or -1 when either is unknown.
func dayDistance(a, b marsad.Date) float64 {
	if a.IsZero() || b.IsZero() {
		return -1
	}
	d := a.Time.Sub(b.Time)
	if d < 0 {
		d = -d
	}
	days := d.Hours() / 24
	days -= slack(a.Granularity) + slack(b.Granularity)
	if days < 0 || math.IsNaN(days) {
		return 0
	}
	return days
}

// slack is how many days a date of granularity g may be off.
func slack(g marsad.Granularity) float64 {
	switch g {
	case marsad.Year:
		return 366
	case marsad.Month:
		return 31
	case marsad.Week:
		return 7
	case marsad.Range:
		return 31
	case marsad.Minute:
		return 0
	}
	return 0.5 // a day
}
