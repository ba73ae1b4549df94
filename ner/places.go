package ner

import (
	"bufio"
	"bytes"
	_ "embed"
	"strings"
	"sync"
	"unicode/utf8"

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
// (PlacesFile, learned from SaudiNewsNet: 419 bases, a few of them
// definite forms, الخرج where خرج is mostly a verb), and attestedPlaces
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
	placeEnds  map[string]bool // the last three letters of each base
)

// attestedPlace reports whether a normalized word, split into clitics, is
// in the embedded list: its base, or, when it has the article, the
// definite form (الخرج is a place where the verb خرج is not).
func attestedPlace(c arabic.Clitics) bool {
	loadPlaces()
	return places[c.Base] || Definite(c.Prefix) && places[DefiniteKey+c.Base]
}

// DefiniteKey prefixes the base of a definite word in the places list,
// for a place whose bare base is a common word. No base begins with it
// and three letters after it: arabic.SplitClitics cuts the article there.
const DefiniteKey = "ال"

// Definite reports whether a proclitic sequence of arabic.Clitics holds
// the article (ال، بال، لل …).
func Definite(prefix string) bool {
	return strings.HasSuffix(prefix, "ال") || strings.HasSuffix(prefix, "لل")
}

// mayBePlaceRaw reports whether a word as written may have an attested
// base, without normalizing it (which allocates for most words): whether
// its last three letters, folded as arabic.Normalize folds them, end some
// base. Bases have three letters or more.
func mayBePlaceRaw(w string) bool {
	var end [3]rune
	n := 0
	for i := len(w); i > 0 && n < 3; {
		r, size := utf8.DecodeLastRuneInString(w[:i])
		i -= size
		if r < 'ء' || r > 'ي' || r == 'ة' || r == 'ى' || r == 'أ' || r == 'إ' || r == 'آ' || r == 'ؤ' || r == 'ئ' {
			r = arabic.FoldRune(r) // plain Arabic letters fold to themselves
		}
		if r != 0 {
			end[2-n] = r
			n++
		}
	}
	if n < 3 {
		return false
	}
	loadPlaces()
	var b [12]byte
	k := utf8.EncodeRune(b[:], end[0])
	k += utf8.EncodeRune(b[k:], end[1])
	k += utf8.EncodeRune(b[k:], end[2])
	return placeEnds[string(b[:k])]
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
			if r := []rune(b); len(r) >= 3 {
				placeEnds[string(r[len(r)-3:])] = true
			}
		}
	})
}

// attestedPlaces tags, in place, the words outside any name of one
// sentence whose base is an attested place, where the context is a
// place's (see above).
func attestedPlaces(words, tags []string) {
	for i, w := range words {
		if tags[i] != "O" {
			continue
		}
		// The contexts below, on the words as written first: most words
		// stand in none of them, and normalizing costs.
		waw := strings.HasPrefix(w, "و")
		if !strings.HasPrefix(w, "ب") && !strings.HasPrefix(w, "وب") && !strings.HasPrefix(w, "فب") &&
			!(i > 0 && (strings.HasSuffix(tags[i-1], "-LOC") || placeContextRaw[words[i-1]] || waw)) &&
			!(i+1 < len(words) && strings.HasPrefix(words[i+1], "و")) {
			continue
		}
		if !isNameWord(w) || !mayBePlaceRaw(w) {
			continue
		}
		c := arabic.SplitClitics(arabic.Normalize(w))
		if !attestedPlace(c) {
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
var placeContext = normalizedKeys(func() map[string]bool {
	m := map[string]bool{}
	for _, w := range placeContextWords {
		m[w] = true
	}
	return m
}())

var placeContextWords = []string{
	"في", "فى", "إلى", "الى", "إلي", "الي", "من", "قرب", "نحو", "باتجاه", "داخل", "خارج", "بين", "حتى", "صوب", "وسط", "أنحاء",
	"شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي",
	"مطار", "ميناء", "مستشفى", "جامعة", "بلدية", "أمانة", "محافظ", "والي", "أمير", "أهالي", "سكان", "صحة", "شرطة",
	"سجن", "منفذ", "مديرية", "محكمة", "ساحل", "شاطئ", "جبال", "جبل", "وادي", "سوق", "مدينة", "منطقة",
	"محافظة", "قرية", "ريف", "مدن", "محافظات", "مناطق", "مدينتي", "محافظتي",
}

// placeContextRaw holds the place context words as they are written, with
// و or ف attached or not (surfaces gives the spellings of ة and alef).
var placeContextRaw = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range placeContextWords {
		for _, p := range []string{"", "و", "ف"} {
			m[p+w] = true
		}
	}
	return surfaces(m)
}()

// placeBefore reports whether the word before a name, tagged tag, makes
// it a place: a place context word (with و or ف attached), or a place.
func placeBefore(prev, tag string) bool {
	if strings.HasSuffix(tag, "-LOC") {
		return true
	}
	return inSetAfterConj(placeContext, arabic.Normalize(prev))
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
	if tags[j] != "O" || !isNameWord(words[j]) || !mayBePlaceRaw(words[j]) {
		return false
	}
	return attestedPlace(arabic.SplitClitics(arabic.Normalize(words[j])))
}
