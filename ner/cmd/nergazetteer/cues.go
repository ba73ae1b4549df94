package main

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/marsad-news/marsad/arabic"
	"github.com/marsad-news/marsad/ner"
)

// Place cues. The counting tagger's blind spots come back from the
// corpus as evidence: trained on ANERcorp, it leaves most mentions of حلب,
// عدن, إدلب, تعز or الطائف untagged, and the gazetteer it counts then tells
// the model they are common words (عدن: 3,037 times outside any name,
// 948 times a place), so the model misses them in turn even in «وصل
// الوفد إلى حلب». A place word in construct state names the place after
// it (مدينة حلب، محافظة عدن، ريف إدلب، شمال تعز) whatever a tagger says:
// evidence from another view of the same words, as in co-training
// (Collins and Singer 1999). Counted over the corpus, a base that follows
// a place word in a fifth or more of its occurrences, at least five
// times, is a place name: 22% of عدن's occurrences, 53% of حلب's, 35% of
// الطائف's, while common words behind place words stay far below
// (البلاد 13%, the verb خرج 10%). The definite forms are counted apart
// as well: الخرج, the governorate, follows a place word in 21% of its
// occurrences where the bare base, mostly the verb خرج, does not, so
// the list holds the definite form alone (ner.DefiniteKey). writePlaces
// lists those bases, and the
// analysis pipeline's rule steps tag them as places where the tagger left
// them out and the context is a place's (ner/places.go). Moving their
// counts into the gazetteer's place column instead cost 0.46 F1 on the
// dev blocks of nertrain -dev -blocks 1,5,9 (nine seeds, seven worse), so
// the tagger itself does not read them (ner/gazetteer.go lists the
// figures).

// placeCueWords are place words that take the place's name as a genitive,
// directions (شمال حلب), and the words of countries and national teams
// (دولة الكويت، منتخب الإكوادور).
var placeCueWords = normalizedSet(
	"مدينة", "محافظة", "بلدة", "قرية", "عاصمة", "ولاية", "إقليم", "مقاطعة", "جزيرة", "مخيم",
	"ضاحية", "ريف", "مدينتي", "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي",
	"دولة", "جمهورية", "مملكة", "سلطنة", "إمارة", "منتخب", "منطقة",
)

// countryCueWords are the place words of countries, and منطقة, whose
// indefinite feminine adjectives (دولة مارقة، جمهورية إسلامية، منطقة
// عازلة) are no names.
var countryCueWords = normalizedSet("دولة", "جمهورية", "مملكة", "سلطنة", "إمارة", "منطقة")

// genericPlaces are the common nouns that follow place words most: the
// country, the region (شمال البلاد، جنوب المملكة), and the areas and
// states that are no place (منطقة الجزاء, the penalty area: 76 of the
// word's 220 occurrences in SaudiNewsNet; دولة الخلافة).
var genericPlaces = normalizedSet(
	"بلاد", "مملكة", "منطقة", "مدينة", "عاصمة", "دولة", "محافظة", "قطاع", "عالم", "قارة", "جزيرة",
	"ولاية", "إقليم", "حدود", "ساحل", "وسط", "بحر", "محيط", "شرق", "غرب", "شمال", "جنوب",
	"جزاء", "خلافة",
)

// Thresholds of writePlaces.
const (
	placeCueMin  = 5 // fewest place cues
	placeCueRate = 5 // a 1/placeCueRate share of the occurrences or more
)

func normalizedSet(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[arabic.Normalize(w)] = true
	}
	return m
}

// placeCues marks the words of a sentence that follow a place word in
// construct state (with و، ف، ب or ل on the place word: وبمدينة is not
// read).
func placeCues(words []string, out []bool) []bool {
	out = append(out[:0], make([]bool, len(words))...)
	for i := 0; i+1 < len(words); i++ {
		w := arabic.Normalize(words[i])
		if !placeCueWords[w] {
			for _, p := range []string{"و", "ف", "ب", "ل"} {
				if r, ok := strings.CutPrefix(w, p); ok {
					w = r
					break
				}
			}
			if !placeCueWords[w] {
				continue
			}
		}
		next := arabic.Normalize(words[i+1])
		if len([]rune(next)) < 2 || genericPlaces[strings.TrimPrefix(next, "ال")] || !lettersOnly(next) {
			continue
		}
		if countryCueWords[w] && !strings.HasPrefix(next, "ال") && strings.HasSuffix(next, "ه") {
			continue // دولة مارقة، منطقة عازلة
		}
		out[i+1] = true
	}
	return out
}

func lettersOnly(w string) bool {
	for _, r := range w {
		if !arabic.IsArabicLetter(r) {
			return false
		}
	}
	return true
}

// writePlaces writes, sorted, the bases that place words attest as
// places (see above): base, place cues and occurrences, tab-separated.
// It returns how many.
func writePlaces(w io.Writer, counts map[string]*[5]uint32, defs, cues map[string]uint32) int {
	occurrences := func(b string) uint32 {
		if n, ok := defs[b]; ok {
			return n
		}
		if c := counts[b]; c != nil {
			return c[0] + c[1] + c[2] + c[3] + c[4]
		}
		return 0
	}
	var bases []string
	for b, k := range cues {
		n := occurrences(b)
		bare, isDef := strings.CutPrefix(b, ner.DefiniteKey)
		isDef = isDef && defs[b] > 0
		if n == 0 || k < placeCueMin || placeCueWords[bare] || genericPlaces[bare] {
			continue // جنوب شرقي: a direction after a direction
		}
		if isDef && counts[bare] != nil && cues[bare]*placeCueRate >= occurrences(bare) {
			continue // the bare base is listed: it covers the definite form
		}
		if k*placeCueRate >= n {
			bases = append(bases, b)
		}
	}
	sort.Strings(bases)
	fmt.Fprintf(w, "# %s\n", placesHeader)
	for _, b := range bases {
		fmt.Fprintf(w, "%s\t%d\t%d\n", b, cues[b], occurrences(b))
	}
	return len(bases)
}

// placesHeader is the first line of the places file.
const placesHeader = "bases that follow a place word in construct state in a fifth or more of their SaudiNewsNet occurrences, at least 5 times, and definite forms (ال + base) that do where the bare base does not (ner/cmd/nergazetteer): base, place cues, occurrences"
