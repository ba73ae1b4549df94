package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/marsad-news/marsad/arabic"
	"github.com/marsad-news/marsad/timex"
)

// Lists of names. News lists names of one kind with و: «مدن بنغازي
// والبيضاء والمرج وسوسة ودرنة». The tagger finds the first, which it
// knows, and may lose the small towns after it, which it has rarely seen.
// Coordinate carries a name's type over the و that joins it to the next
// word when the learned gazetteer (gazetteer.go) saw that word as a name
// of the same type at least a third of the time: a word the corpus saw
// as a name but the tagger missed here. Weaker evidence (the word is
// merely not a common one) was tried and dropped: in 800 unseen
// SaudiNewsNet articles it joined verbs and nouns to names more often
// than names (وفق، ويرى، ومدينة، وأمن after a place). With the gazetteer
// evidence, 20 words were joined there, about three in four rightly.
//
// The و of a list member is a conjunction, not part of the name: the
// tokens Coordinate returns let the caller start the name after it, for
// the members the tagger found too (وسوسة is the place سوسة).

// Coordinate extends one sentence's BIO tags (in place) over names joined
// by و to a tagged name of one word or more (see listEvidence), and over
// names of the same type the tagger found after it. A place name the
// tagger ran over a و («عدن ولحج» as one place) is split there when the
// word after the و is itself a place: lists of places are far more common
// in news than the few countries whose name holds a و (البوسنة والهرسك),
// or when another member follows it («عدن ولحج والضالع»). It
// returns the indexes of the tokens that start a name after their و.
func (m *Model) Coordinate(words, tags []string) (joined []int) {
	if len(words) != len(tags) || m.gaz == nil {
		return nil
	}
	for i := 0; i < len(tags); i++ {
		if !strings.HasPrefix(tags[i], "B-") {
			continue
		}
		typ := tags[i][2:]
		end := i + 1
		for end < len(tags) && tags[end] == "I-"+typ {
			end++
		}
		// A list goes on after the span («عدن ولحج والضالع»): the
		// و inside it joins two members too, whatever the gazetteer says
		// of the word after it.
		listGoesOn := end < len(tags) && tags[end] == "B-"+typ && conjoined(words[end])
		j := i + 1
		for ; j < end; j++ {
			if typ == "LOC" && (m.listEvidence(words[j], typ) || listGoesOn && conjoined(words[j]) && !pronounSuffix(words[j]) || stateHeadAfterAnd(words[j])) {
				tags[j] = "B-LOC" // split
				joined = append(joined, j)
			}
		}
		// j is the first token after the name: follow the list.
		for j < len(tags) && (tags[j] == "O" && m.listEvidence(words[j], typ) || tags[j] == "B-"+typ && conjoined(words[j])) {
			tags[j] = "B-" + typ
			joined = append(joined, j)
			j++
			for j < len(tags) && tags[j] == "I-"+typ {
				j++
			}
		}
		i = j - 1
	}
	return joined
}

// stateHeads open a state's official name: «جمهورية مصر العربية»،
// «المملكة العربية السعودية»، «سلطنة عمان».
var stateHeads = normalizedKeys(map[string]bool{"المملكة": true, "مملكة": true, "الجمهورية": true, "جمهورية": true,
	"سلطنة": true, "السلطنة": true, "إمارة": true, "دولة": true, "الإمارات": true, "الولايات": true})

// stateHeadAfterAnd reports whether tok is و and a state head: inside a
// place span it starts the next state of a list («جمهورية مصر العربية
// والمملكة العربية السعودية»).
func stateHeadAfterAnd(tok string) bool {
	rest, ok := strings.CutPrefix(tok, "و")
	return ok && stateHeads[arabic.Normalize(rest)]
}

// stateNames extends a place span back over the state head the tagger
// left out before it when the span ends with a nisba («جمهورية» + «مصر
// العربية»): the official name is one name.
func stateNames(words, tags []string) {
	for i := 1; i < len(tags); i++ {
		if tags[i] != "B-LOC" || tags[i-1] != "O" {
			continue
		}
		head := arabic.Normalize(words[i-1])
		for _, p := range []string{"و", "ب", "ل", "وب", "ول"} {
			if r, ok := strings.CutPrefix(head, p); ok && stateHeads[r] {
				head = r
				break
			}
		}
		if !stateHeads[head] || strings.HasPrefix(head, "ال") {
			continue // «المملكة» alone is the kingdom the text is about
		}
		end := i + 1
		for end < len(tags) && tags[end] == "I-LOC" {
			end++
		}
		last := arabic.Normalize(words[end-1])
		if end-i < 2 || !strings.HasPrefix(last, "ال") || !strings.HasSuffix(last, "يه") && !strings.HasSuffix(last, "ي") {
			continue
		}
		tags[i-1], tags[i] = "B-LOC", "I-LOC"
	}
}

// listEvidence reports whether tok is و + a word the corpus saw as a name
// of type typ (PER, LOC, ORG; MISC lists are left to the tagger) at least
// a third of its five or more occurrences. Many words begin with a و of
// their own (وزير، ولي): a whole token the lexicon knows as a word
// without a conjunction is none. The word after the و must have three
// letters at least and carry no attached pronoun (وسيادته، وضواحيها).
func (m *Model) listEvidence(tok, typ string) bool {
	col := map[string]int{"PER": 1, "LOC": 2, "ORG": 3}[typ]
	if col == 0 {
		return false
	}
	if !conjoined(tok) {
		return false
	}
	if pronounSuffix(tok) {
		return false
	}
	c, n, ok := m.gazCounts(strings.TrimPrefix(tok, "و"))
	return ok && n >= 5 && 3*c[col] >= n
}

// conjoined reports whether tok reads as the conjunction و and a word of
// three letters or more, and not as a word of its own (وزير، ولي).
func conjoined(tok string) bool {
	rest, ok := strings.CutPrefix(tok, "و")
	if !ok || utf8.RuneCountInString(rest) < 3 {
		return false
	}
	for _, r := range rest {
		if r < 0x0621 || r > 0x064A {
			return false // letters only: no digits, no Latin, no punctuation
		}
	}
	whole := arabic.Normalize(tok)
	return !arabic.Known(whole) || strings.HasPrefix(arabic.SplitClitics(whole).Prefix, "و")
}

// Rules runs the rule steps that follow the tagger on one sentence's BIO
// tags, in place: names after place words (PlaceNames), regions
// (regionNames) and names after group words (groupNames), list members
// (Coordinate), compound given names (CompoundNames), a given name and
// its surname after a title (titledNames), institutions and
// quoted names (Institutions), then الله and currencies alone
// (dropNonNames). It returns
// Coordinate's tokens that start a name after their و. A tag the tagger
// never writes ("B-", "I-FOO") is read as O first: the steps copy a span's
// type to the words they add to it, and an empty type would spread.
func (m *Model) Rules(words, tags []string) (joined []int) {
	for i, t := range tags {
		if t == "O" {
			continue
		}
		if _, ok := tagIndex(t); !ok {
			tags[i] = "O"
		}
	}
	m.PlaceNames(words, tags)
	regionNames(words, tags)
	m.groupNames(words, tags)
	joined = m.Coordinate(words, tags)
	CompoundNames(words, tags)
	m.titledNames(words, tags)
	Institutions(words, tags)
	epithetNames(words, tags)
	attestedPlaces(words, tags)
	stateNames(words, tags)
	dropNonNames(words, tags)
	adjectivalNisbas(words, tags)
	trimSpans(words, tags)
	return joined
}

// Adjectives. A country named by a feminine nisba (السعودية) is also the
// adjective "Saudi", and a definite feminine noun before it makes it one
// by agreement: الجامعات السعودية، الهيئة السعودية للمواصفات، العاصمة
// التونسية. The tagger, which saw السعودية as a place 17 times and as an
// adjective 5 times in the ANERcorp train split, tags most of these as the
// place: on 1,600 SaudiNewsNet records 87 one-word place mentions ending
// in ية stood after a definite word ending in ة or ات, all of them
// adjectives by our reading, as ANERcorp tags them (المالكة السعودية O).
// A place word before the nisba names a place of its own (المنطقة
// الشرقية), and is left to the tagger.
var nisbaPlaceHeads = normalizedKeys(map[string]bool{"المنطقة": true, "المدينة": true, "المحافظة": true,
	"الولاية": true, "المملكة": true, "الجمهورية": true, "الجزيرة": true, "الضفة": true, "الإمارة": true})

// indefiniteFeminine reports whether a normalized word is a feminine or
// plural noun without the article or a preposition: …ة or …ات, three
// letters or more.
func indefiniteFeminine(n string) bool {
	if hasArticlePrefix(n) || utf8.RuneCountInString(n) < 3 {
		return false
	}
	for _, p := range []string{"ب", "ل", "ك", "و", "ف"} {
		if strings.HasPrefix(n, p) && arabic.Known(strings.TrimPrefix(n, p)) && !arabic.Known(n) {
			return false // بمدينة: a preposition, and the place word after it
		}
	}
	return strings.HasSuffix(n, "ه") || strings.HasSuffix(n, "ات")
}

// articlePrefixes are the article with at most a conjunction and a
// preposition before it, longest first.
var articlePrefixes = []string{"وبال", "ولل", "وال", "فال", "بال", "كال", "لل", "ال"}

// hasArticlePrefix reports whether a normalized word carries the article,
// after at most a conjunction and a preposition.
func hasArticlePrefix(n string) bool {
	for _, p := range articlePrefixes {
		if strings.HasPrefix(n, p) {
			return true
		}
	}
	return false
}

// adjectivalNisbas untags a one-word place that is a feminine nisba (ال…ية)
// right after a definite feminine or plural word (ال…ة، ال…ات, with a
// preposition or و attached) outside any name.
func adjectivalNisbas(words, tags []string) {
	for i := 1; i < len(words); i++ {
		if tags[i] != "B-LOC" || tags[i-1] != "O" || i+1 < len(tags) && strings.HasPrefix(tags[i+1], "I-") {
			continue
		}
		w := arabic.Normalize(words[i])
		if !strings.HasSuffix(w, "يه") {
			continue
		}
		prev := arabic.Normalize(words[i-1])
		if !strings.HasPrefix(w, "ال") {
			// «طائرة سورية»، «ليرة سورية»، «عائلة سورية»: an indefinite
			// nisba after an indefinite feminine noun agrees with it, both
			// written with ة (not تستحقه سورية, not مدينة تايبيه). One
			// with a preposition and the article (بالعزيزية، للسعودية) is
			// a place.
			if strings.HasSuffix(words[i], "ية") && (strings.HasSuffix(words[i-1], "ة") || strings.HasSuffix(words[i-1], "ات")) &&
				indefiniteFeminine(prev) && !hasArticlePrefix(w) {
				tags[i] = "O"
			}
			continue
		}
		if !strings.HasSuffix(prev, "ه") && !strings.HasSuffix(prev, "ات") {
			continue
		}
		bare := prev
		for _, p := range articlePrefixes {
			if r, ok := strings.CutPrefix(prev, p); ok {
				bare = "ال" + r
				break
			}
		}
		if bare == prev && !strings.HasPrefix(prev, "ال") || nisbaPlaceHeads[bare] {
			continue
		}
		tags[i] = "O"
	}
}

// blessingVerbs open the formulas written after a name (رضي الله عنه،
// رحمه الله، حفظه الله، عليه السلام), which the tagger reads on as part
// of the name.
var blessingVerbs = normalizedKeys(map[string]bool{"رضي": true, "رحمه": true, "رحمها": true, "يرحمه": true, "حفظه": true,
	"حفظها": true, "غفر": true, "شافى": true, "شفاه": true, "تغمده": true, "قدس": true, "صلى": true, "عليه": true, "عليها": true})

// leadingJunk are the particles a name never starts with, as written (not
// normalized, which folds على into علي; على itself is left out, being how
// Egyptian print writes the name علي: على بن الحسين).
var leadingJunk = map[string]bool{"أو": true, "او": true, "في": true, "من": true, "إلى": true, "الى": true,
	"عن": true, "مع": true, "ثم": true, "أن": true, "إن": true}

// describing are the definite adjectives the press puts after a group's
// name to judge it, which the tagger reads on as part of the name (داعش
// الإرهابي، الجماعة المتطرفة، التنظيم المحظور).
var describing = normalizedKeys(map[string]bool{
	"الإرهابي": true, "الإرهابية": true, "المتطرف": true, "المتطرفة": true, "المزعوم": true, "المزعومة": true,
	"المحظور": true, "المحظورة": true, "الإجرامي": true, "الإجرامية": true, "المتشدد": true, "المتشددة": true,
	"الدموي": true, "الدموية": true, "التكفيري": true, "التكفيرية": true, "الانقلابي": true, "الانقلابية": true,
})

// accusative reports whether a word is written with the accusative's
// tanween (ناعياً، رياضياً، قائلاً): a circumstantial or an adverb, which
// the news never writes on a name.
func accusative(w string) bool {
	return strings.HasSuffix(strings.TrimSuffix(w, "ا"), "\u064b") // ـاً or ـًا
}

// loneLetter reports whether a word is one Arabic letter (م for مهندس, a
// detached و); Latin letters and digits (ويندوز 8، S 2) are parts of names.
func loneLetter(w string) bool {
	r, size := utf8.DecodeRuneInString(w)
	return size == len(w) && arabic.IsArabicLetter(r)
}

// trimSpans cuts what the tagger glued onto a name's ends: a blessing and
// everything after it (عائشة رضي الله → عائشة; «رضي الله» alone goes), a
// lone letter or a stopword in front (م طلال …، أو عبد الله …، و الجوف)
// and a dangling particle, a lone letter, an adverb in the accusative or a
// judging adjective at the end (عبد الله بن، عمر الجاسر ك، عماد الدين أديب
// ناعياً، داعش الإرهابي) — unless the word after the particle completes
// the name (آل + سعود).
func trimSpans(words, tags []string) {
	for i := 0; i < len(tags); i++ {
		if !strings.HasPrefix(tags[i], "B-") {
			continue
		}
		j := i + 1
		for j < len(tags) && strings.HasPrefix(tags[j], "I-") {
			j++
		}
		typ := tags[i][2:]
		if j < len(tags) && (tags[j] == "O" || loneName(tags, j)) && isParticle(words[j-1]) && particleComplement(words[j]) {
			// «سلمان بن عبدالعزيز آل» + سعود: the tagger stopped between
			// a particle and the name it binds.
			tags[j] = "I-" + typ
			j++
		}
		from, to := i, j
		for k := from; k < to; k++ {
			if k+1 < to && blessingVerbs[arabic.Normalize(words[k])] && divineNames[arabic.Normalize(words[k+1])] {
				to = k
				break
			}
		}
		for from < to && (loneLetter(words[from]) || leadingJunk[words[from]]) {
			from++
		}
		for to > from && (loneLetter(words[to-1]) || isParticle(words[to-1]) || words[to-1] == "ال" || accusative(words[to-1]) ||
			to-1 > from && typ != "MISC" && describing[arabic.Normalize(words[to-1])]) {
			to--
		}
		if from == i && to == j {
			i = j - 1
			continue
		}
		for k := i; k < j; k++ {
			tags[k] = "O"
		}
		if from < to {
			tags[from] = "B-" + typ
			for k := from + 1; k < to; k++ {
				tags[k] = "I-" + typ
			}
		}
		i = j - 1
	}
}

// Epithets. A few names are a noun and the epithet that makes it one
// place (المدينة المنورة، مكة المكرمة، الولايات المتحدة): the tagger
// often tags the epithet alone, leaving the noun out when a clitic is on
// it (بالمدينة) or even when none is. epithetNames joins the definite word
// before a lone epithet to it.
var epithets = normalizedKeys(map[string]bool{"المنورة": true, "المكرمة": true, "المتحدة": true})

func epithetNames(words, tags []string) {
	for i := 1; i < len(words); i++ {
		if (tags[i] != "B-LOC" && tags[i] != "B-ORG") || tags[i-1] != "O" || i+1 < len(tags) && strings.HasPrefix(tags[i+1], "I-") {
			continue
		}
		if !epithets[arabic.Normalize(words[i])] {
			continue
		}
		if prev := arabic.SplitClitics(arabic.Normalize(words[i-1])); prev.Base == "" || !strings.HasSuffix(prev.Prefix, "ال") && !strings.HasPrefix(prev.Base, "ال") {
			continue // «نماء المنورة»: a company's name
		}
		tags[i-1], tags[i] = tags[i], "I-"+tags[i][2:]
	}
}

// nameParticles bind the next word into a name (آل سعود، بن لادن، أبو
// عريش، ولد الشيخ): a name does not end with one.
//
// Not أبي: it is also a name (شينزو آبي، ولاية ابي الأولى) and a verb
// (أبى).
var nameParticles = normalizedKeys(map[string]bool{
	"آل": true, "بن": true, "بنت": true, "ابن": true, "أبو": true, "ولد": true, "عبد": true, "ذو": true,
})

// isParticle reports whether a word is a name particle, with و or ف
// attached or not (وابن).
func isParticle(w string) bool { return inSetAfterConj(nameParticles, arabic.Normalize(w)) }

// inSetAfterConj reports whether a normalized word, or the word after a
// conjunction و or ف attached to it, is in set.
func inSetAfterConj(set map[string]bool, n string) bool {
	if set[n] {
		return true
	}
	for _, c := range []string{"و", "ف"} {
		if rest, ok := strings.CutPrefix(n, c); ok && set[rest] {
			return true
		}
	}
	return false
}

// loneName reports whether tags[j] opens a one-word name: the word after
// a particle (آل + سعود typed as a family's organisation) is the end of the
// name before it.
func loneName(tags []string, j int) bool {
	return strings.HasPrefix(tags[j], "B-") && (j+1 == len(tags) || !strings.HasPrefix(tags[j+1], "I-"))
}

// particleComplement reports whether a word may complete a name after a
// particle: Arabic letters only, and no stopword.
func particleComplement(w string) bool {
	for _, r := range w {
		if !arabic.IsArabicLetter(r) && !arabic.IsTashkeel(r) {
			return false
		}
	}
	return w != "" && !arabic.IsStopword(arabic.Normalize(w))
}

// divineNames are الله alone or behind a clitic, and the epithets that
// stand for it alone (قال تعالى), normalized.
var divineNames = normalizedKeys(map[string]bool{"الله": true, "لله": true, "ولله": true, "بالله": true, "والله": true,
	"فالله": true, "تالله": true, "فلله": true, "تعالى": true, "سبحانه": true})

// currencies are currency units, normalized, with their common inflected
// and clitic forms: ANERcorp tags them MISC (دولار 107 times in the train
// split), but as entities they say nothing about who or where, and on 800
// SaudiNewsNet articles ريال and دولار came right after the countries at
// the top of the entity list.
var currencies = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`دولار ريال يورو جنيه درهم دينار ليرة روبل ين يوان روبية فرنك استرليني`) {
		for _, f := range []string{w, w + "ا", w + "ات", "ال" + w, "بال" + w, "وال" + w, "لل" + w, "ب" + w} {
			m[arabic.Normalize(f)] = true
		}
	}
	return m
}()

// amountWords are the number words an amount ends with.
var amountWords = normalizedKeys(map[string]bool{
	"ألف": true, "آلاف": true, "ألفا": true, "مليون": true, "ملايين": true, "مليار": true, "مليارات": true,
})

// afterAmount reports whether word i follows an amount: digits, a number
// word, or digits in brackets («(40000) ريال»).
func afterAmount(words []string, i int) bool {
	j := i - 1
	if j >= 0 && words[j] == ")" {
		j--
	}
	if j < 0 {
		return false
	}
	w := words[j]
	if amountWords[arabic.Normalize(w)] {
		return true
	}
	for _, r := range w {
		if !unicode.IsDigit(r) && r != '.' && r != ',' && r != '٫' && r != '٬' {
			return false
		}
	}
	return w != ""
}

// dropNonNames untags الله and currency units standing alone as names
// (see currencies). ANERcorp tags الله MISC
// (48 times in the train split), but in news it is a formula (حفظه الله،
// إن شاء الله، بإذن الله، صلى الله عليه وسلم: most of 363 mentions in 800
// SaudiNewsNet articles), and as an entity it tops every list of what a
// corpus is about. Names that contain it (عبد الله، حزب الله، رام الله)
// are spans of several words and stay.
func dropNonNames(words, tags []string) {
	for i, w := range words {
		if !strings.HasPrefix(tags[i], "B-") {
			continue
		}
		if i+1 < len(tags) && strings.HasPrefix(tags[i+1], "I-") {
			// «الله تعالى», «الله عز وجل», «والله الهادي», «والله
			// يحفظك»: the name with its epithets, or a formula the
			// tagger ran on. No Arabic name of a person, place or body
			// starts with الله (عبد الله، حزب الله، رام الله end with it);
			// a Pakistani one may (الله دتا), and is lost here.
			if divineNames[arabic.Normalize(w)] {
				for k := i; k < len(tags) && (k == i || strings.HasPrefix(tags[k], "I-")); k++ {
					tags[k] = "O"
				}
			}
			continue
		}
		// Only one-word names get here: normalizing them (اللّهُ) is cheap.
		// A currency tagged as an organisation may be a club's short
		// name («مدافع ريال»): only the other types go.
		n := arabic.Normalize(w)
		switch {
		case divineNames[n] || currencies[n] && (tags[i] != "B-ORG" || afterAmount(words, i)):
			// «514 مليون ريال», «106.10 ريال»: after an amount, ريال is
			// the currency, not the club.
			tags[i] = "O"
		case tags[i] == "B-MISC" && eventHeads[n]:
			// «حقق 23 بطولة»: the head of a tournament's name is no name
			// without the rest.
			tags[i] = "O"
		case tags[i] == "B-LOC" && (placeWord(w) || loneRegionWords[n]):
			// «ريف» + «حلب», «ولاية» + «أوهايو»: the word for a kind of
			// place, tagged apart from the name after it, is none.
			tags[i] = "O"
		case timex.IsMonthName(n) && monthContext(words, i):
			// «أبريل (نيسان) الماضي»، «انقلاب يوليو 52»: a month beside
			// its other name, a number or a relative word is the month,
			// not Nissan or a person.
			tags[i] = "O"
		case prayerNames[n] && i > 0 && prayerWord(words[i-1]):
			// «صلاة المغرب» is the sunset prayer, «صلاة الميت» the
			// funeral prayer, not Morocco or a name.
			tags[i] = "O"
		}
	}
}

// monthRelatives follow a month named relative to the text's date.
var monthRelatives = normalizedKeys(map[string]bool{"الماضي": true, "المقبل": true, "القادم": true, "الجاري": true,
	"الحالي": true, "المنصرم": true, "الفائت": true, "الأول": true, "الثاني": true})

// monthContext reports whether the month name at i reads as a month: a
// number or a relative word after it, a number before it, or another
// month name before it across a bracket or a slash (أبريل (نيسان)،
// سبتمبر/أيلول).
func monthContext(words []string, i int) bool {
	number := func(w string) bool {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsDigit(r)
	}
	if i+1 < len(words) && (number(words[i+1]) || monthRelatives[arabic.Normalize(words[i+1])]) {
		return true
	}
	if i > 0 && number(words[i-1]) {
		return true
	}
	if i > 1 && (words[i-1] == "(" || words[i-1] == "/") && timex.IsMonthName(arabic.Normalize(words[i-2])) {
		return true
	}
	return false
}

// loneRegionWords are words for a part of a place that the tagger takes
// for a place alone (ريف حلب، بحي العوالي).
var loneRegionWords = normalizedKeys(map[string]bool{"ريف": true, "بريف": true, "وريف": true, "حي": true, "بحي": true, "وحي": true})

// eventHeads are the heads of competition and event names (بطولة العالم،
// كأس الملك، جائزة نوبل), which the tagger also takes for a name alone.
var eventHeads = normalizedKeys(map[string]bool{
	"بطولة": true, "البطولة": true, "كأس": true, "الكأس": true, "دوري": true, "الدوري": true,
	"جائزة": true, "الجائزة": true, "مهرجان": true, "المهرجان": true, "مسابقة": true, "المسابقة": true,
	"بطولات": true, "البطولات": true,
})

// prayerNames name the prayers after صلاة.
var prayerNames = normalizedKeys(map[string]bool{
	"الفجر": true, "الظهر": true, "العصر": true, "المغرب": true, "العشاء": true, "الجمعة": true,
	"العيد": true, "الميت": true, "الغائب": true, "الجنازة": true, "التراويح": true, "الاستسقاء": true,
	"الكسوف": true, "الخسوف": true,
})

// prayerWord reports whether a word is صلاة with a conjunction or a
// preposition attached or not (وصلاة، لصلاة، بصلاة، صلاتي).
func prayerWord(w string) bool {
	n := arabic.Normalize(w)
	for _, p := range []string{"", "و", "ف", "ل", "ب", "وب", "ول"} {
		if rest, ok := strings.CutPrefix(n, p); ok && (rest == prayer || rest == prayerDual) {
			return true
		}
	}
	return false
}

var prayer, prayerDual = arabic.Normalize("صلاة"), arabic.Normalize("صلاتي")

// Place words. A word for a kind of place (مدينة، قرية، محافظة …) is
// followed by the place's name, which ANERcorp tags without the word
// (مدينة O, the name B-LOC), as expected.json does. The tagger knows the
// pattern but not the small places («في قرية العوامية» comes out
// untagged). PlaceNames tags the word after a place word in construct
// state as a place when it is a name by the same evidence as a short
// form: a word the lexicon does not know, letters only, and not an
// indefinite feminine adjective agreeing with the place word («منطقة
// حدودية»). The learned gazetteer cannot help here: it counts how the
// tagger tagged the corpus, so the names the tagger misses are common
// words to it.
var placeWords = surfaces(map[string]bool{
	"مدينة": true, "بلدة": true, "قرية": true, "محافظة": true, "ولاية": true, "إقليم": true,
	"منطقة": true, "عاصمة": true, "ضاحية": true, "مخيم": true, "جزيرة": true, "مقاطعة": true,
	"مدينتي": true, "بلدتي": true, "قريتي": true, "محافظتي": true,
})

// PlaceNames tags, in place, the names that follow place words in one
// sentence's BIO tags.
func (m *Model) PlaceNames(words, tags []string) {
	for i := 0; i+1 < len(words); i++ {
		if tags[i] != "O" || tags[i+1] != "O" || !placeWord(words[i]) {
			continue
		}
		w := words[i+1]
		if !isNameWord(w) || !isShortForm(w) || strings.ContainsAny(w, "0123456789.-") {
			continue
		}
		if !strings.HasPrefix(w, "ال") && strings.HasSuffix(w, "ة") {
			continue // «منطقة حدودية»: an adjective, which agrees with the place word
		}
		tags[i+1] = "B-LOC"
		i++
	}
}

// Regions. A direction word before a continent names a region or a
// country (شمال أفريقيا، جنوب شرق آسيا، جنوب أفريقيا), though ANERcorp
// tags the direction outside the name; regionNames joins them, with
// a second direction (جنوب شرق) when there is one.
var (
	directions = surfaces(map[string]bool{"شمال": true, "جنوب": true, "شرق": true, "غرب": true, "وسط": true})
	continents = surfaces(map[string]bool{
		"أفريقيا": true, "إفريقيا": true, "آسيا": true, "أوروبا": true, "أمريكا": true, "أميركا": true,
		"أوربا": true, "افريقيا": true, "اسيا": true, "اوروبا": true, "امريكا": true, "اميركا": true,
	})
)

func regionNames(words, tags []string) {
	for i := 0; i+1 < len(words); i++ {
		if tags[i] != "O" || !direction(words[i]) {
			continue
		}
		j := i + 1
		if j+1 < len(words) && tags[j] == "O" && directions[words[j]] {
			j++ // جنوب شرق آسيا
		}
		if !continents[words[j]] || tags[j] != "O" && tags[j] != "B-LOC" || j+1 < len(tags) && tags[j+1] == "I-LOC" {
			continue
		}
		tagSpan(tags, i, j+1, "LOC")
		i = j
	}
}

// direction reports whether tok is a direction word, with or without a
// one-letter proclitic (وشمال، بجنوب).
func direction(tok string) bool {
	if directions[tok] {
		return true
	}
	r, ok := cutOne(tok, "وفبلك")
	return ok && directions[r]
}

// placeWord reports whether tok is a place word in construct state, with
// or without a one-letter proclitic (بمحافظة، وقرية). A definite place
// word (المدينة، المخيم) takes no name after it.
func placeWord(tok string) bool {
	if placeWords[tok] {
		return true
	}
	if r, ok := cutOne(tok, "وفبكل"); ok {
		if placeWords[r] {
			return true
		}
		if r2, ok := cutOne(r, "بكل"); ok {
			return placeWords[r2]
		}
	}
	return false
}

// surfaces returns the keys of m as they may be written: with ة or ه at
// the end, with a plain alef or a hamza at the start. Looking a token up
// in it costs no normalization (rule steps read every token).
func surfaces(m map[string]bool) map[string]bool {
	out := map[string]bool{}
	for k := range m {
		for _, v := range []string{k, strings.TrimSuffix(k, "ة") + "ه"} {
			out[v] = true
			for _, a := range []string{"أ", "إ", "آ"} {
				if rest, ok := strings.CutPrefix(v, a); ok {
					out["ا"+rest] = true
				}
			}
		}
	}
	return out
}

// Names after a group word. «مجموعة فاغنر»، «شركة أرامكو»، «جماعة بوكو»:
// a word for a kind of organisation, in construct state, followed by
// words no lexicon knows, is followed by the organisation's name, which
// ANERcorp tags without the word. groupNames tags up to three such words
// as an organisation when the tagger left them untagged (bareName says
// which words may be).

// groupHeads are the kinds of organisation whose name may follow them
// bare, as written (see surfaces).
var groupHeads = surfaces(map[string]bool{
	"مجموعة": true, "شركة": true, "جماعة": true, "ميليشيا": true,
	"ميليشيات": true, "مليشيا": true, "مليشيات": true, "حركة": true, "فصيل": true, "منظمة": true,
})

// maxGroupName bounds the words of a bare name after a group word.
const maxGroupName = 3

// movementHeads name a movement, group or militia by what follows them;
// a place there is the group's name (تنظيم داعش، حركة بوكو حرام), which
// the tagger, knowing the name from news about where it fights, types
// as a place. On 1,600 SaudiNewsNet records 34 such names were places,
// all but one (تنظيم مالي, a financial regulation) a group. A person
// there stays one: ميليشيات عبدالملك الحوثي names the leader.
var movementHeads = surfaces(map[string]bool{
	"تنظيم": true, "حركة": true, "جماعة": true, "ميليشيا": true, "ميليشيات": true, "مليشيا": true,
	"مليشيات": true, "فصيل": true,
})

func (m *Model) groupNames(words, tags []string) {
	for i := 0; i+1 < len(words); i++ {
		if tags[i] == "O" && tags[i+1] == "B-LOC" && isHead(words[i], movementHeads) {
			for j := i + 1; j < len(words) && (j == i+1 || tags[j] == "I-LOC"); j++ {
				tags[j] = "I-ORG"
			}
			tags[i+1] = "B-ORG"
			continue
		}
		if tags[i] != "O" || tags[i+1] != "O" || !groupHead(words[i]) {
			continue
		}
		end := i + 1
		for end < len(words) && end <= i+maxGroupName && tags[end] == "O" && m.bareName(words[end]) {
			end++
		}
		if end == i+1 {
			continue
		}
		tagSpan(tags, i+1, end, "ORG")
		i = end - 1
	}
}

// groupHead reports whether tok is a group word in construct state, with
// or without a conjunction or a preposition (ومجموعة، لشركة).
func groupHead(tok string) bool { return isHead(tok, groupHeads) }

// isHead reports whether tok is a word of heads behind at most a
// conjunction and a preposition (وتنظيم، لحركة، وبشركة).
func isHead(tok string, heads map[string]bool) bool {
	_, ok := headBehindClitics(tok, heads)
	return ok
}

// bareName reports whether a token reads as part of a bare name: letters
// only, not a proclitic before a known word (a name right after the group
// word carries none), no attached pronoun, unknown to the lexicon, indefinite, not a feminine
// adjective (صينية), and not a word the corpus mostly uses outside names
// (more than seven tenths of twenty or more occurrences: تأجير،
// مقاولات), which the small lexicon does not know.
func (m *Model) bareName(tok string) bool {
	if !isNameWord(tok) || strings.ContainsAny(tok, "0123456789.-") || !isShortForm(tok) {
		return false
	}
	// A definite word is a genitive that makes the group word part of
	// the name (Institutions' business) or a common noun: حركة المؤشر.
	if strings.HasPrefix(tok, "ال") || strings.HasSuffix(tok, "ة") {
		return false
	}
	if pronounSuffix(tok) {
		return false // an attached pronoun: أجندته، مواصفاتها
	}
	if r, ok := cutOne(tok, "وفبلك"); ok && arabic.Known(arabic.Normalize(r)) {
		return false // لتوزيع: a proclitic before a known word
	}
	if c, n, ok := m.gazCounts(tok); ok && n >= 20 && 10*c[0] > 7*n {
		return false
	}
	return true
}

// pronounSuffix reports whether a word ends in an attached pronoun (ه، ها،
// هم …), which names do not carry.
func pronounSuffix(tok string) bool {
	for _, p := range []string{"ه", "ها", "هم", "هما", "هن"} {
		if strings.HasSuffix(tok, p) {
			return true
		}
	}
	return false
}
