package timex

import (
	"testing"

	"github.com/marsad-news/marsad/arabic"
)

// TestLexiconNormalized guards against dead entries: tokens are matched by
// their arabic.Normalize form, so a key with أ, ى or ة could never match.
func TestLexiconNormalized(t *testing.T) {
	check := func(name string, keys []string) {
		for _, k := range keys {
			if n := arabic.Normalize(k); n != k {
				t.Errorf("%s key %q is not normalized (want %q)", name, k, n)
			}
		}
	}
	check("gregorianMonths", keysOf(gregorianMonths))
	check("levantineMonths", keysOf(levantineMonths))
	check("hijriMonths", keysOf(hijriMonths))
	check("weekdays", keysOf(weekdays))
	check("timeZones", keysOf(timeZones))
	check("numberWords", keysOf(numberWords))
	check("unitWords", keysOf(unitWords))
	check("grammarWords", keysOf(grammarWords))
	check("yearCue", keysOf(yearCue))
	check("countedNoun", keysOf(countedNoun))
	check("cueBeforeMonth", keysOf(cueBeforeMonth))
	check("hijriEra", keysOf(hijriEra))
	check("gregorianEra", keysOf(gregorianEra))
	check("generalTitle", keysOf(generalTitle))
	check("mediaPlaces", keysOf(mediaPlaces))
	check("mediaNouns", keysOf(mediaNouns))
	check("namedDay", keysOf(namedDay))
	check("theTwo", keysOf(theTwo))
	check("placeBeforeDate", keysOf(placeBeforeDate))
	check("hijriEpithet", keysOf(hijriEpithet))
	check("otherYear", keysOf(otherYear))
	check("startWords", keysOf(startWords))
	check("weekdayLink", keysOf(weekdayLink))
	check("yearWord", keysOf(yearWord))
	check("hourWords", keysOf(hourWords))
	check("ordinals", keysOf(ordinals))
	check("partOfDay", keysOf(partOfDay))
	check("yearSelf", keysOf(yearSelf))
	for first, second := range hijriPairs {
		check("hijriPairs", []string{first})
		check("hijriPairs["+first+"]", keysOf(second))
	}
}

func keysOf[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}
