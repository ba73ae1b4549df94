package ner

import (
	"strings"

	"github.com/marsad-news/marsad/arabic"
)

// Names after a person. Gulf news is full of places and bodies named
// after kings, princes and sheikhs: جامعة الملك سعود، مستشفى الملك فيصل
// التخصصي، مطار الملك خالد الدولي، مركز الملك عبدالعزيز للحوار الوطني،
// جائزة الملك فيصل، طريق الأمير سلطان. The tagger reads the person in
// them and cuts the name in two («جامعة الملك» ORG + «سعود» PER), which
// puts a king in every article about a university. eponyms reads the
// pattern whole: a head noun in construct state (indefinite, with at
// most a conjunction and a preposition before it), a title, a name, the
// name's genealogy (بن X …), then nisba adjectives and a لل complement.
// The span takes the head's type: a university is an organisation, an
// airport or a road a place, a prize MISC.

// eponymHeads maps the normalized head nouns to the type of the name.
var eponymHeads = normalizedKeys(map[string]string{
	"جامعة": "ORG", "مستشفى": "ORG", "مركز": "ORG", "مؤسسة": "ORG", "كلية": "ORG",
	"مدرسة": "ORG", "معهد": "ORG", "جمعية": "ORG", "مكتبة": "ORG", "مجمع": "ORG",
	"صندوق": "ORG", "هيئة": "ORG", "أكاديمية": "ORG", "دارة": "ORG", "كرسي": "ORG",
	"مطار": "LOC", "ميناء": "LOC", "قاعدة": "LOC", "مسجد": "LOC", "جامع": "LOC",
	"ملعب": "LOC", "استاد": "LOC", "طريق": "LOC", "شارع": "LOC", "جسر": "LOC",
	"مدينة": "LOC", "حي": "LOC", "قاعة": "LOC", "قصر": "LOC", "حديقة": "LOC",
	"ميدان": "LOC", "ساحة": "LOC", "منتزه": "LOC", "كورنيش": "LOC", "صالة": "LOC",
	"جائزة": "MISC", "كأس": "MISC", "برنامج": "MISC", "مهرجان": "MISC", "بطولة": "MISC",
})

// eponymTitles are the titles between the head and the name.
var eponymTitles = normalizedKeys(map[string]bool{
	"الملك": true, "الملكة": true, "الأمير": true, "الأميرة": true, "الشيخ": true,
	"الشيخة": true, "الإمام": true, "السلطان": true,
})

// titleSurfaces are eponymTitles as usually written.
var titleSurfaces = map[string]bool{
	"الملك": true, "الملكة": true, "الأمير": true, "الامير": true, "الأميرة": true, "الاميرة": true,
	"الشيخ": true, "الشيخة": true, "الإمام": true, "الامام": true, "السلطان": true,
}

// plainTitle reports whether tok is one of titleSurfaces' letters with
// nothing else (no mark, no unusual letter), which that set already
// answered: only other spellings need the normalization.
func plainTitle(tok string) bool {
	for _, r := range tok {
		if r < 0x0621 || r > 0x064A {
			return false
		}
	}
	return true
}

// eponymHead returns the type of the name a token heads, written with at
// most a conjunction and a preposition before it (وبجامعة، لمستشفى).
func eponymHead(tok string) (string, bool) {
	h, ok := headBehindClitics(arabic.Normalize(tok), eponymHeads)
	if !ok {
		return "", false
	}
	return eponymHeads[h], true
}

// eponyms tags the names after a person in one sentence's BIO tags, in
// place, over whatever the tagger said of their words.
func eponyms(ws *instWords, words, tags []string) {
	for i := 0; i+2 < len(words); i++ {
		// The title first: a few string compares rule out almost every
		// word before any normalization.
		if w := words[i+1]; !titleSurfaces[w] && !(strings.HasPrefix(w, "ال") && !plainTitle(w) && eponymTitles[arabic.Normalize(w)]) {
			continue
		}
		typ, ok := eponymHead(words[i])
		if !ok || !isNameWord(words[i+2]) {
			continue
		}
		// The name: a word the tagger put in a name, else a word the
		// lexicon does not know («كأس الملك أهمية» is the King's Cup and a
		// common word); never a place after ب (كأس الملك بجدة) or a word
		// behind a conjunction (لكأس الملك وتقدمهم).
		name := words[i+2]
		switch {
		case placeAfter(name) || strings.HasPrefix(name, "و") && tags[i+2] == "O":
			continue
		case tags[i+2] == "O" && arabic.Known(arabic.Normalize(name)):
			continue
		}
		// A given name is one word, or two when the second is definite
		// (عبد العزيز، عبدالله الفيصل); the tagger's person may run on into
		// another one after it («جامعة الملك سعود عبد الله الصقعبي»: its
		// director), which stays out.
		j := i + 3
		if j < len(words) && tags[j] == "I-PER" && strings.HasPrefix(words[j], "ال") && !ws.at(j).nisba {
			j++
		}
		// Genealogy: بن سلمان بن عبدالعزيز، آل سعود، بن عبد الله.
		for j+1 < len(words) && (words[j] == "بن" || words[j] == "بنت" || words[j] == "آل") && isNameWord(words[j+1]) {
			j += 2
			if words[j-1] == "عبد" && j < len(words) && strings.HasPrefix(words[j], "ال") {
				j++
			}
		}
		// Nisba adjectives (التخصصي، الدولي) and one لل complement with its
		// coordinated words (للعلوم والتقنية).
		lam := false
		for j < len(words) && tags[j] != "B-PER" {
			w := ws.at(j)
			switch {
			case w.nisba && !w.conj && !w.lam:
				j++
				continue
			case w.lam && !w.conj && !lam:
				lam = true
				j++
				for k := 0; k < 2 && j < len(words) && ws.at(j).conj && ws.at(j).definite && !ws.at(j).lam; k++ {
					j++
				}
				continue
			}
			break
		}
		// The tagger's own organisation or place may run on past it.
		for j < len(tags) && strings.HasPrefix(tags[j], "I-") && tags[j] != "I-PER" && !placeAfter(words[j]) {
			j++
		}
		tagSpan(tags, i, j, typ)
		// What the tagger had running on from the name starts a name of
		// its own: a place after ب (بالرياض) or the rest of its span.
		if j < len(tags) && strings.HasPrefix(tags[j], "I-") {
			rest := tags[j][2:]
			if placeAfter(words[j]) {
				rest = "LOC"
			}
			if arabic.IsStopword(arabic.Normalize(words[j])) {
				tags[j] = "O" // «جسر الملك عبدالعزيز هو …»
			} else {
				tags[j] = "B-" + rest
			}
			for k := j + 1; k < len(tags) && strings.HasPrefix(tags[k], "I-"); k++ {
				tags[k] = "I-" + rest
				if tags[k-1] == "O" {
					tags[k] = "B-" + rest
				}
			}
		}
		i = j - 1
	}
}

// placeAfter reports whether a word is where the named thing is, not part
// of its name: ب before a place the lexicon knows («مطار الملك عبدالعزيز
// بجدة», «جامع الإمام تركي بالرياض»).
func placeAfter(tok string) bool {
	rest, ok := strings.CutPrefix(arabic.Normalize(tok), "ب")
	if !ok || len([]rune(rest)) < 3 {
		return false
	}
	// No name in a person's or a building's name starts with بال.
	return strings.HasPrefix(rest, "ال") || arabic.Known(rest)
}
