package resolve

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/marsad-news/marsad/arabic"
)

// mergeThreshold is the score at which two name forms are one entity.
const mergeThreshold = 0.75

// Scores of the merge rules. A transliterated or respelled token costs a
// little confidence; a missing middle name costs more.
const (
	scoreSame          = 1.0
	costOrthographic   = 0.02
	costTransliterate  = 0.07
	costNearSpelling   = 0.12
	scoreSubset        = 0.88
	scoreShortForm     = 0.80
	scoreShortRole     = 0.70
	scoreRoleSurname   = 0.78
	scoreShortDominant = 0.55
	scoreGenericHead   = 0.90
	scoreClitic        = 0.85
	scoreSameArticle   = 0.95
)

// position names a token's place in a name for explanations.
func position(i, n int) string {
	switch {
	case i == n-1:
		return "last name"
	case i == 0:
		return "first name"
	}
	return "middle name"
}

// comparePersons scores two person names given as name tokens. Both must
// have at least two tokens: a lone surname is a short form, decided
// elsewhere with what else is known. Names of different length match when
// first and last names match and the longer one only adds middle names.
func comparePersons(a, b []string) (float64, string, bool) {
	if len(a) < 2 || len(b) < 2 {
		return 0, "", false
	}
	if len(a) == len(b) {
		score := scoreSame
		var parts []string
		allSame := true
		for i := range a {
			rel, desc := tokenRelation(a[i], b[i])
			if i > 0 && i < len(a)-1 {
				rel, desc = relaxedRelation(a[i], b[i])
				if fa, fb := fatherName(a[i]), fatherName(b[i]); rel == different && (fa != a[i] || fb != b[i]) {
					// عادل بن أحمد الجبير is عادل أحمد الجبير: a father's
					// name is written with بن or without it.
					if rel, desc = relaxedRelation(fa, fb); rel == same {
						rel, desc = orthographic, fatherOnlyInOne
					}
				}
			}
			switch rel {
			case different:
				return 0, "", false
			case same:
				continue
			case orthographic:
				score -= costOrthographic
			case transliterate:
				score -= costTransliterate
			case nearSpelling:
				score -= costNearSpelling
			}
			allSame = false
			parts = append(parts, fmt.Sprintf("%ss differ only by %s", position(i, len(a)), transliterationWord(desc)))
		}
		if allSame {
			return scoreSame, "same name after normalization", true
		}
		if rel, _ := tokenRelation(a[len(a)-1], b[len(b)-1]); rel == same {
			parts = append([]string{"same last name"}, parts...)
		}
		return score, strings.Join(parts, " + "), score >= mergeThreshold
	}
	short, long := a, b
	if len(short) > len(long) {
		short, long = long, short
	}
	// "محمد بن زايد" is "محمد بن زايد آل نهيان" without the family name.
	if fam := long[len(long)-1]; len(long) == len(short)+1 && strings.HasPrefix(fam, "ال ") {
		if score, why, ok := comparePersons(short, long[:len(long)-1]); ok {
			return score - (scoreSame - scoreSubset), fmt.Sprintf("%s, family name '%s' only in the longer form", why, fam), true
		}
	}
	// First and last must match; the short form's middle tokens, if any,
	// must appear in order in the long form's middle.
	score := scoreSubset
	for _, pair := range [][2]string{{short[0], long[0]}, {short[len(short)-1], long[len(long)-1]}} {
		rel, _ := tokenRelation(pair[0], pair[1])
		switch rel {
		case different:
			return 0, "", false
		case orthographic:
			score -= costOrthographic
		case transliterate:
			score -= costTransliterate
		case nearSpelling:
			score -= costNearSpelling
		}
	}
	j := 1
	for _, t := range short[1 : len(short)-1] {
		found := false
		for j < len(long)-1 && !found {
			rel, _ := tokenRelation(t, long[j])
			j++
			found = rel != different
		}
		if !found {
			return 0, "", false
		}
	}
	// fatherAt is where in long the short form's last father's name sits
	// (بن X): a link of the chain left out before it changes a father.
	fatherAt := -1 // none
	if isPatronymic(short[len(short)-1]) {
		fatherAt = len(long) - 1
	}
	var extra []string
	var extraFathers []int
	for k, t := range long[1 : len(long)-1] {
		found := false
		for _, s := range short[1 : len(short)-1] {
			if rel, _ := tokenRelation(s, t); rel != different {
				found = true
				if isPatronymic(s) && k+1 > fatherAt {
					fatherAt = k + 1
				}
			}
		}
		if !found {
			extra = append(extra, t)
			if isPatronymic(t) {
				extraFathers = append(extraFathers, k+1)
			}
		}
	}
	for _, k := range extraFathers {
		if k < fatherAt { // fatherAt < 0: the short form names no father
			// «محمد بن عبدالعزيز» is a son of عبدالعزيز, «محمد بن سلمان
			// بن عبدالعزيز» his grandson: leaving out a link of the chain
			// before a father the short form names names another man
			// (حمدان بن راشد is not حمدان بن محمد بن راشد, فيصل بن فهد بن
			// عبدالعزيز not فيصل بن فهد بن مساعد بن سعود بن عبدالعزيز). A
			// link left out after the last of them is an ancestor usage
			// drops (طلال بن أحمد الحمود for طلال بن أحمد بن محمد
			// الحمود), and a short form with no father's name drops the
			// chain as usage does (عادل الجبير for عادل بن أحمد الجبير).
			return 0, "", false
		}
	}
	reason := fmt.Sprintf("same first and last name, middle name '%s' only in the longer form", strings.Join(extra, " "))
	return score, reason, score >= mergeThreshold
}

// respelledFirstLetter reports whether two normalized words of five
// letters or fewer (after the article) differ in their first letter: for
// short words that makes another word (جازان/قازان، الكبير/الجبير), where
// long foreign names do drift there (كازاخستان/قازاخستان).
func respelledFirstLetter(a, b string) bool {
	return firstLetter(a) != firstLetter(b) && min(coreLen(a), coreLen(b)) <= 5
}

// firstLetter is the first letter of a normalized word after the article.
func firstLetter(w string) rune {
	r, _ := utf8.DecodeRuneInString(strings.TrimPrefix(w, "ال"))
	return r
}

// skeletonLen is the number of consonants of a normalized word after the
// article.
func skeletonLen(w string) int {
	return len(consonants(trimEnding(strings.TrimPrefix(w, "ال"))))
}

// vowelMoved reports whether b is a with the letter و or ي swapped with
// the consonant beside it, in words of six letters or more after the
// article: أمريكا/أميركا and الأمريكية/الأميركية, the two common spellings
// of one foreign name, have all their letters in common, where the short
// names the long-vowel rule keeps apart (باريس/برس, المنورة/المنارة)
// differ in which letters they have. Shorter words and a moved ا are
// Arabic patterns more often than spellings: بطين/بطني, الروسي/الرويس,
// العامرية/العمارية, كارتر/كراتر are different names. Persons' names are
// left out by the caller: النعيم and النعمي are two family names.
func vowelMoved(a, b string) bool {
	ra := []rune(strings.TrimPrefix(a, "ال"))
	rb := []rune(strings.TrimPrefix(b, "ال"))
	if len(ra) != len(rb) || len(ra) < 6 {
		return false
	}
	i := 0
	for i < len(ra) && ra[i] == rb[i] {
		i++
	}
	if i+1 >= len(ra) || ra[i] != rb[i+1] || ra[i+1] != rb[i] || string(ra[i+2:]) != string(rb[i+2:]) {
		return false
	}
	return isGlide(ra[i]) != isGlide(ra[i+1]) && ra[i] != 'ا' && ra[i+1] != 'ا'
}

// isGlide reports whether r is one of the long vowel letters و and ي.
func isGlide(r rune) bool { return r == 'و' || r == 'ي' }

// withoutArticle is a normalized word without a leading article, when
// three letters or more remain.
func withoutArticle(w string) string {
	if rest, ok := strings.CutPrefix(w, "ال"); ok && utf8.RuneCountInString(rest) >= 3 {
		return rest
	}
	return w
}

// coreLen is the length in letters of a normalized word after the
// article.
func coreLen(w string) int { return utf8.RuneCountInString(strings.TrimPrefix(w, "ال")) }

// isPatronymic reports whether a name token is a link of the chain of
// fathers (بن سلمان، ابن خالد، بنت عبدالله), joined into one token by
// nameTokens.
func isPatronymic(t string) bool {
	return strings.HasPrefix(t, "بن ") || strings.HasPrefix(t, "ابن ") || strings.HasPrefix(t, "بنت ")
}

// fatherName is a middle name token without its بن or ابن.
func fatherName(t string) string {
	for _, p := range []string{"بن ", "ابن "} {
		if rest, ok := strings.CutPrefix(t, p); ok {
			return rest
		}
	}
	return t
}

// fatherOnlyInOne describes two middle names that differ by بن alone.
const fatherOnlyInOne = "a بن written in one only"

func transliterationWord(desc string) string {
	if desc == fatherOnlyInOne {
		return desc
	}
	if desc == "ا/ة ending" {
		return "the " + desc
	}
	return desc + " transliteration"
}

// Generic heads of organization names: "مجموعة فاغنر", "شركة فاغنر" and
// "فاغنر" are one organization; "تنظيم داعش" is داعش.
var genericOrgHeads = normalizedSet(`
مجموعة شركة تنظيم حركة حزب جماعة ميليشيا ميليشيات مليشيا مليشيات منظمة جبهة
وكالة صحيفة جريدة مجلة موقع قناة شبكة إذاعة تلفزيون مؤسسة مجموعات كتائب كتيبة
`)

// institutionWords open the names of institutions, never of people.
var institutionWords = normalizedSet(`
وزارة مجلس جامعة هيئة لجنة حكومة جيش قوات بنك مصرف اتحاد مكتب مركز معهد محكمة برلمان نادي منتخب
سفارة قنصلية بلدية مديرية إدارة دائرة مصلحة جمعية نقابة رابطة دار
`)

// startsLikeOrganization reports whether a normalized word (clitics
// allowed) opens an organization's name: a generic head ("تنظيم",
// "حركة") or an institution ("وزارة", "مجلس").
func startsLikeOrganization(w string) bool {
	for _, p := range []string{"", "و", "ف", "ب", "ل"} {
		rest, ok := strings.CutPrefix(w, p)
		if !ok {
			continue
		}
		rest = strings.TrimPrefix(rest, "ال")
		if (genericOrgHeads[rest] || institutionWords[rest]) && !titleHeads[rest] {
			return true
		}
	}
	return false
}

// orgQualifiers are words an organization's name often carries or drops:
// "مجلس الأمن الدولي" is "مجلس الأمن", "حكومة الوفاق الوطني" is "حكومة الوفاق".
// headKinds groups the generic organisation heads that journalists put
// before one name in turn: a company is شركة or مجموعة or مؤسسة فولكس
// فاغن, an armed group تنظيم or جماعة or ميليشيا الحوثي. Any other head is a
// kind of its own and part of the name: حزب العدالة والتنمية is not جبهة
// العدالة والتنمية, nor وكالة الطاقة منظمة الطاقة.
var headKinds = func() map[string]string {
	m := map[string]string{}
	for kind, words := range map[string]string{
		"company": "شركة مجموعة مؤسسة",
		"group":   "تنظيم منظمة جماعة ميليشيا ميليشيات مليشيا مليشيات كتائب",
	} {
		for _, w := range strings.Fields(words) {
			m[arabic.Normalize(w)] = kind
		}
	}
	return m
}()

// headKind is the kind of a normalized generic head: its group in
// headKinds, or the head itself.
func headKind(head string) string {
	if k, ok := headKinds[head]; ok {
		return k
	}
	return head
}

var orgQualifiers = normalizedSet(`الوطني الوطنية الدولي الدولية`)

// orgCore returns an organization's name without a generic head and
// without qualifiers, and the head it dropped. It returns the key itself
// when nothing can be dropped safely.
func orgCore(tokens []string) (core, head string) {
	toks := tokens
	if len(toks) >= 2 && genericOrgHeads[toks[0]] {
		head = toks[0]
		toks = toks[1:]
	}
	if len(toks) >= 3 {
		var kept []string
		for _, t := range toks {
			if !orgQualifiers[t] {
				kept = append(kept, t)
			}
		}
		if len(kept) >= 2 {
			toks = kept
		}
	}
	return strings.Join(toks, " "), head
}

// blockCore is the key under which names that may differ by a generic
// head, a qualifier or a trailing nationality adjective meet.
func blockCore(tokens []string) string {
	if n := len(tokens); n >= 3 && isDemonym(tokens[n-1]) {
		tokens = tokens[:n-1]
	}
	core, _ := orgCore(tokens)
	return PhoneticKey(core)
}

// countryHeads open the official names of states: جمهورية مصر العربية،
// المملكة العربية السعودية، دولة الكويت، سلطنة عمان، إمارة دبي.
var countryHeads = normalizedSet(`جمهورية الجمهورية مملكة المملكة دولة سلطنة إمارة امارة`)

// arabAdjective and unitedAdjective are the words an official name adds
// to the name a state is known by (مصر العربية، الإمارات العربية المتحدة).
var (
	arabAdjective   = arabic.Normalize("العربية")
	unitedAdjective = arabic.Normalize("المتحدة")
)

// officialCore returns the name a state's official name is known by, and
// whether tokens is such a name: without the head word, and without
// العربية (and المتحدة after it). جمهورية مصر العربية and مصر العربية
// give مصر, المملكة العربية السعودية السعودية, دولة الإمارات العربية
// المتحدة الإمارات, دولة الكويت الكويت. الولايات المتحدة keeps its
// المتحدة, and الجمهورية العربية السورية gives السورية, which names no
// place: a demonym is not a place's name.
func officialCore(tokens []string) ([]string, bool) {
	if len(tokens) < 2 {
		return tokens, false
	}
	toks := tokens
	head := countryHeads[toks[0]]
	if head {
		toks = toks[1:]
	}
	var core []string
	united := false
	for i := 0; i < len(toks); i++ {
		if toks[i] == arabAdjective && len(toks) > 1 {
			if i+1 < len(toks) && toks[i+1] == unitedAdjective {
				i++
				united = true
			}
			continue
		}
		core = append(core, toks[i])
	}
	if len(core) == 0 || len(core) == len(tokens) {
		return tokens, false
	}
	if !head && !united && (len(core) != 1 || strings.HasPrefix(core[0], "ال")) {
		// Without a head word, العربية is a state's only after its
		// name (مصر العربية): الجزيرة العربية is the peninsula, not
		// the channel or the island, المنطقة العربية no place's name.
		return tokens, false
	}
	return core, true
}

// stateNames are states the press calls by two names that share no
// letters: أمريكا is الولايات المتحدة, بريطانيا المملكة المتحدة. Keys are
// normalized names, values one name for the state; stateName also tries
// a name's officialCore.
var stateNames = func() map[string]string {
	m := map[string]string{}
	for canon, names := range map[string][]string{
		"الولايات المتحدة": {"أمريكا", "أميركا", "الولايات المتحدة", "الولايات المتحدة الأمريكية", "الولايات المتحدة الأميركية"},
		"المملكة المتحدة":  {"بريطانيا", "المملكة المتحدة"},
	} {
		for _, n := range names {
			m[arabic.Normalize(n)] = canon
		}
	}
	return m
}()

// stateName returns the one name stateNames gives the place tokens name
// (after officialCore), or "".
func stateName(tokens []string) string {
	if s, ok := stateNames[strings.Join(tokens, " ")]; ok {
		return s
	}
	core, _ := officialCore(tokens)
	return stateNames[strings.Join(core, " ")]
}

// placeWithAdjective reports whether long is short followed by a
// nationality adjective (الولايات المتحدة الأمريكية, الولايات المتحدة), the
// join compareNames makes for places.
func placeWithAdjective(long, short []string) bool {
	return len(long) == len(short)+1 && len(short) >= 2 && isDemonym(long[len(long)-1]) &&
		!isDemonym(short[len(short)-1]) && strings.Join(long[:len(short)], " ") == strings.Join(short, " ")
}

// compareNames scores two non-person names of the same type: equal keys,
// one organization core, or the same phonetic form token by token; and
// for places, two names of one state (stateNames).
func compareNames(a, b []string, typ string) (float64, string, bool) {
	score, why, ok := compareNameForms(a, b, typ)
	if !ok && typ == "LOC" {
		if sa := stateName(a); sa != "" && sa == stateName(b) {
			return scoreGenericHead, "same state by another name (" + sa + ")", true
		}
	}
	return score, why, ok
}

// compareNameForms is compareNames on the names as written.
func compareNameForms(a, b []string, typ string) (float64, string, bool) {
	if strings.Join(a, " ") == strings.Join(b, " ") {
		return scoreSame, "same name after normalization", true
	}
	if typ == "LOC" {
		// "جمهورية مصر العربية" is "مصر", "المملكة العربية السعودية"
		// "السعودية".
		ca, oka := officialCore(a)
		cb, okb := officialCore(b)
		if (oka || okb) && strings.Join(ca, " ") == strings.Join(cb, " ") {
			return scoreGenericHead, "same state, one named officially", true
		}
		// "الولايات المتحدة الأمريكية" is "الولايات المتحدة"; two places
		// with different nationality words stay two.
		for _, p := range [][2][]string{{a, b}, {b, a}} {
			long, short := p[0], p[1]
			if placeWithAdjective(long, short) {
				return scoreGenericHead, fmt.Sprintf("same place without the adjective '%s'", long[len(long)-1]), true
			}
		}
	}
	if typ == "ORG" {
		ca, ha := orgCore(a)
		cb, hb := orgCore(b)
		score, spelling := scoreGenericHead, ""
		if ca != cb && (ha != "" || hb != "") {
			// "شركة فاجنر" and "فاغنر": compare the cores as names.
			s, why, ok := compareNames(strings.Fields(ca), strings.Fields(cb), "")
			if ok {
				ca, score, spelling = cb, s-(scoreSame-scoreGenericHead), " + "+why
			}
		}
		if ca == cb {
			var dropped []string
			for _, h := range []string{ha, hb} {
				if h != "" {
					dropped = append(dropped, "'"+h+"'")
				}
			}
			why := "same name without the qualifiers"
			if len(dropped) > 0 {
				why = "same name after dropping generic head " + strings.Join(dropped, " and ")
			}
			return score, why + spelling, score >= mergeThreshold
		}
	}
	if len(a) != len(b) {
		return 0, "", false
	}
	if len(a) == 1 && (typ == "ORG" || typ == "MISC") && withoutArticle(a[0]) == withoutArticle(b[0]) && a[0] != b[0] &&
		!arabic.Known(withoutArticle(a[0])) {
		// A foreign name or acronym takes the article or not: الفيفا is
		// فيفا, اليونسكو يونسكو. A common word does not: النصر (the club)
		// is not نصر.
		return scoreClitic, "same name with and without the article", true
	}
	if len(a) == 1 && respelledFirstLetter(a[0], b[0]) {
		// A short one-word place or organisation respelled from its
		// first letter is another word: جازان is not قازان (Kazan), كوبا
		// not جوبا, الأقصر not القصر. Long foreign names do drift there
		// (كازاخستان/قازاخستان، الغارديان/الجارديان).
		return 0, "", false
	}
	score := scoreSame
	var parts []string
	for i := range a {
		rel, desc := tokenRelation(a[i], b[i])
		if rel == different && typ != "PER" && vowelMoved(a[i], b[i]) {
			// Not for persons: Arabic names differ just so (النعيم/النعمي).
			rel, desc = transliterate, "long vowel order (ا/و/ي)"
		}
		if len(a) == 1 && rel == transliterate && strings.Contains(desc, "long vowels") &&
			min(skeletonLen(a[0]), skeletonLen(b[0])) < 4 {
			// A one-word name whose few consonants are shared and whose
			// long vowels differ is another word more often than
			// another spelling: باريس/برس، النصرة/الناصرة، أبل/أوبل،
			// المنورة/المنارة. Long foreign names do vary there
			// (كاليفورنيا/كالفورنيا).
			return 0, "", false
		}
		switch rel {
		case different:
			return 0, "", false
		case same:
			continue
		case orthographic:
			score -= costOrthographic
		case transliterate:
			score -= costTransliterate
		case nearSpelling:
			score -= costNearSpelling
		}
		parts = append(parts, "'"+a[i]+"'/'"+b[i]+"' differ only by "+transliterationWord(desc))
	}
	return score, strings.Join(parts, " + "), score >= mergeThreshold
}
