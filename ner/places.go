package ner

import (
	"bufio"
	"bytes"
	_ "embed"
	"strings"
	"sync"

	"github.com/marsad-news/marsad/arabic"
)

// Attested places. The tagger misses many of the places Arabic news is
// about (عدن, مسقط, حلب, الموصل came out tagged in 42 of 234, 0 of 30, 6
// of 21 and 2 of 19 mentions in 2,400 SaudiNewsNet records): ANERcorp
// never showed them, and the learned gazetteer, counted with a tagger
// that missed them too, calls them common words. The corpus attests them
// another way: they follow place words in construct state (مدينة عدن،
// محافظة مسقط، ريف حلب، شمال الموصل) in a fifth or more of their
// occurrences. cmd/nergazetteer lists the bases for which it does
// (PlacesFile, learned from SaudiNewsNet: 359 bases), and attestedPlaces
// tags a word the tagger left outside any name as a place when its
// clitic-free base is one of them and the word stands where places stand:
// after a preposition or a place's institution (في عدن، مطار عدن، بصحة
// الطائف), with ب attached (بمأرب), or in a list with another place (عدن
// والضالع). Some of the bases are also common words (دوما "always", تدمر
// "destroys", ينبع "springs"), which stand elsewhere: «كانت دومًا».

// PlacesFile is the name of the attested-places list in ner/model.
const PlacesFile = "places.txt"

//go:embed model/places.txt
var embeddedPlaces []byte

var (
	placesOnce sync.Once
	places     map[string]bool
	// placeEnds holds the last two letters (four bytes) of every base, so
	// that most words are ruled out before their clitics are split.
	placeEnds map[string]bool
)

// attestedPlace reports whether a normalized clitic-free base is in the
// embedded list.
func attestedPlace(base string) bool {
	loadPlaces()
	return places[base]
}

// mayBePlace reports whether a normalized word ends as some attested base
// does.
func mayBePlace(w string) bool {
	loadPlaces()
	return len(w) >= 4 && placeEnds[w[len(w)-4:]]
}

func loadPlaces() {
	placesOnce.Do(func() {
		places, placeEnds = map[string]bool{}, map[string]bool{}
		sc := bufio.NewScanner(bytes.NewReader(embeddedPlaces))
		for sc.Scan() {
			line := sc.Text()
			if line == "" || line[0] == '#' {
				continue
			}
			b, _, _ := strings.Cut(line, "\t")
			places[b] = true
			if len(b) >= 4 {
				placeEnds[b[len(b)-4:]] = true
			}
		}
	})
}

// attestedPlaces tags, in place, the words outside any name of one
// sentence whose base is an attested place, where the context is a
// place's (see above).
func attestedPlaces(words, tags []string) {
	for i, w := range words {
		if tags[i] != "O" || !isNameWord(w) {
			continue
		}
		n := arabic.Normalize(w)
		if !mayBePlace(n) {
			continue
		}
		c := arabic.SplitClitics(n)
		if !attestedPlace(c.Base) {
			continue
		}
		if strings.Contains(c.Prefix, "ب") || i > 0 && placeBefore(words[i-1], tags[i-1]) ||
			strings.HasPrefix(c.Prefix, "و") && i > 0 && listedPlace(words, tags, i-1) ||
			i+1 < len(words) && strings.HasPrefix(words[i+1], "و") && listedPlace(words, tags, i+1) {
			tags[i] = "B-LOC"
		}
	}
}

// placeContext holds the words a place name follows: prepositions of
// place and direction, and the institutions and features a place's name
// completes in construct state (مطار عدن، أهالي رنية).
var placeContext = normalizedKeys(map[string]bool{
	"في": true, "إلى": true, "الى": true, "من": true, "قرب": true, "نحو": true, "باتجاه": true,
	"داخل": true, "خارج": true, "بين": true, "حتى": true, "صوب": true, "وسط": true, "أنحاء": true,
	"شمال": true, "جنوب": true, "شرق": true, "غرب": true, "شمالي": true, "جنوبي": true, "شرقي": true, "غربي": true,
	"مطار": true, "ميناء": true, "مستشفى": true, "جامعة": true, "بلدية": true, "أمانة": true,
	"محافظ": true, "أمير": true, "أهالي": true, "سكان": true, "صحة": true, "شرطة": true, "سجن": true,
	"منفذ": true, "مديرية": true, "محكمة": true, "ساحل": true, "شاطئ": true, "جبال": true, "جبل": true,
	"وادي": true, "سوق": true, "مدينة": true, "منطقة": true, "محافظة": true, "قرية": true, "ريف": true,
	"مدن": true, "محافظات": true, "مناطق": true, "مدينتي": true, "محافظتي": true,
})

// placeBefore reports whether the word before a name, tagged tag, makes
// it a place: a place context word (with و or ف attached), or a place.
func placeBefore(prev, tag string) bool {
	if strings.HasSuffix(tag, "-LOC") {
		return true
	}
	p := arabic.Normalize(prev)
	if placeContext[p] {
		return true
	}
	for _, c := range []string{"و", "ف"} {
		if r, ok := strings.CutPrefix(p, c); ok && placeContext[r] {
			return true
		}
	}
	return false
}

// listedPlace reports whether word j, next to an attested place in a list
// (joined by و, or by a comma), is a place: tagged one, or attested too.
func listedPlace(words, tags []string, j int) bool {
	if words[j] == "،" || words[j] == "," {
		if j == 0 {
			return false
		}
		j--
	}
	if strings.HasSuffix(tags[j], "-LOC") {
		return true
	}
	if tags[j] != "O" || !isNameWord(words[j]) {
		return false
	}
	n := arabic.Normalize(words[j])
	return mayBePlace(n) && attestedPlace(arabic.SplitClitics(n).Base)
}
