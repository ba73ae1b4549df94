package ner

import (
	"strings"
	"unicode"

	"github.com/marsad-news/marsad/arabic"
)

// Titled names. A person the press names often may be one the tagger
// rarely tags: the learned gazetteer, counted with a tagger trained on
// ANERcorp, saw خامنئي outside any name 309 times in 324, so the model
// leaves «المرشد الإيراني علي خامنئي» untagged, given name and all. The
// text says otherwise, twice: a person's title (المرشد، الرئيس، اللواء),
// maybe with its adjectives (الإيراني، السابق), and then a common given
// name (arabic.IsGivenName). titledNames tags the given name and the word
// after it as a person when the tagger left both out and that word is no
// common word by the corpus (the gazetteer saw it in a name at least once
// in fifty, or hardly saw it), so that «الرئيس علي قال» stays untagged.

// personTitles are the titles that stand right before a person's name, in
// normalized spelling, with or without the article.
var personTitles = normalizedKeys(func() map[string]bool {
	m := map[string]bool{}
	for _, t := range strings.Fields(`رئيس مرشد وزير ملك أمير شيخ مشير لواء عقيد عميد جنرال سفير دكتور زعيم قائد
		مستشار نائب إمام مفتي فريق رائد مقدم نقيب ملازم سيد سلطان حاكم محافظ أمين مبعوث مندوب مدرب لاعب
		مهاجم مدافع حارس كاتب شاعر فنان مطرب مخرج محامي قاضي داعية سكرتير`) {
		m[t] = true
		m["ال"+t] = true
	}
	m["د"] = true // د. محمد
	return m
}())

// givenWritten holds the common given names as written (arabic.GivenNames
// with the spellings of ة and alef, surfaces), so that titledNames tests
// a word without normalizing it.
var givenWritten = func() map[string]bool {
	m := map[string]bool{}
	for _, n := range arabic.GivenNames() {
		m[n] = true
	}
	return surfaces(m)
}()

// titleAdjectives may stand between a title and the name: a nationality or
// a time (الرئيس الإيراني السابق حسن روحاني), or a rank's complement
// (الفريق أول، اللواء ركن).
var titleAdjectives = normalizedKeys(map[string]bool{
	"السابق": true, "الراحل": true, "الحالي": true, "الجديد": true, "الأعلى": true, "العام": true,
	"أول": true, "ركن": true, ".": true,
})

// titledNames tags, in place, a common given name the tagger left out and
// the word after it as a person when a person's title stands before them
// (see above).
func (m *Model) titledNames(words, tags []string) {
	for i := 1; i+1 < len(words); i++ {
		if tags[i] != "O" || tags[i+1] != "O" {
			continue
		}
		// As written first (most words are none, and normalizing costs);
		// على, the preposition, would normalize to the name علي.
		if !givenWritten[words[i]] || !titledBefore(words, tags, i) {
			continue
		}
		next := words[i+1]
		if !isNameWord(next) || !hasLetter(next) || arabic.IsStopword(arabic.Normalize(next)) || !m.mayBeSurname(next) {
			continue
		}
		tags[i], tags[i+1] = "B-PER", "I-PER"
		i++
	}
}

// titledBefore reports whether a person's title stands before word i, with
// at most two adjectives between (see titleAdjectives).
func titledBefore(words, tags []string, i int) bool {
	for j, skipped := i-1, 0; j >= 0 && skipped <= 2; j-- {
		if tags[j] != "O" && !strings.HasSuffix(tags[j], "-LOC") {
			return false // a name stands between (the tagger may read الإيراني as a place: allowed)
		}
		n := arabic.Normalize(words[j])
		if personTitles[n] || personTitles[strings.TrimPrefix(strings.TrimPrefix(n, "و"), "ف")] {
			return tags[j] == "O"
		}
		c := analyzeInstWord(words[j])
		if !titleAdjectives[n] && !(c.definite && c.nisba && !c.conj) {
			return false
		}
		skipped++
	}
	return false
}

// mayBeSurname reports whether the corpus lets a word be a name: the
// gazetteer saw it inside a person's or any name at least once in fifty
// of its occurrences, or fewer than gazMinCount times in all.
func (m *Model) mayBeSurname(w string) bool {
	c, n, ok := m.gazCounts(w)
	return m.gaz != nil && (!ok || n < gazMinCount || 50*(c[1]+c[2]+c[3]+c[4]) >= n)
}

// hasLetter reports whether a token has a letter, not digits alone.
func hasLetter(tok string) bool {
	return strings.IndexFunc(tok, unicode.IsLetter) >= 0
}
