package ner

import (
	"strings"

	"github.com/marsad-news/marsad/arabic"
)

// Quoted names. Arabic news quotes the name that follows a word for the
// kind of body it is, and ANERcorp tags the name without that word
// (صحيفة « القادسية »: O O B-ORG O); it also quotes or brackets the
// short form after an organisation's full name («القيادة الأمريكية في
// أفريقيا "أفريكوم"», «(أوتشا)»). quotedNames tags such a quoted name of
// one to four words as an organisation when nothing in it is tagged yet
// but as a title (MISC).

// mediaHeads are the kinds of body whose quoted name follows them, in
// normalized spelling without the article.
var mediaHeads = normalizedKeys(map[string]bool{
	"صحيفة": true, "جريدة": true, "مجلة": true, "وكالة": true, "قناة": true, "موقع": true,
	"شبكة": true, "إذاعة": true, "شركة": true, "مجموعة": true, "تنظيم": true, "جماعة": true,
	"حركة": true, "حزب": true, "منظمة": true, "ميليشيا": true, "ميليشيات": true, "فصيل": true,
	"تحالف": true, "مؤسسة": true, "بنك": true, "مصرف": true, "نادي": true, "منتدى": true,
})

// closingQuote maps an opening quotation mark or bracket to its closing
// ones.
var closingQuote = map[string]string{
	"«": "»", "“": "”", "\"": "\"", "(": ")", "'": "'", "”": "“",
}

// The tags a quoted name may have from the tagger: an outlet's name may
// hold a place, a short form only a title or nothing.
var (
	outletTags    = map[string]bool{"O": true, "B-MISC": true, "I-MISC": true, "B-LOC": true, "I-LOC": true}
	shortFormTags = map[string]bool{"O": true, "B-MISC": true, "I-MISC": true}
)

// maxQuotedName bounds the words of a quoted name.
const maxQuotedName = 4

func quotedNames(ws *instWords, words, tags []string) {
	for i := 1; i+2 < len(words); i++ {
		closing, ok := closingQuote[words[i]]
		if !ok {
			continue
		}
		end := -1
		for k := i + 1; k < len(words) && k <= i+1+maxQuotedName; k++ {
			if words[k] == closing || closing == "”" && (words[k] == "\"" || words[k] == "″") {
				end = k
				break
			}
		}
		if end <= i+1 {
			continue
		}
		// The tagger reads quoted names as titles (MISC) unless it knows
		// them, and the place in an outlet's name as a place (“ليبيا
		// هيرالد”); after a newspaper or a company word the whole quoted
		// name is an organisation. A person's name stays one.
		prev := i - 1
		if workBefore(words, tags, i) && quotedAll(words, tags, i+1, end, anyTag) {
			// The word right before says what the name is: a title,
			// whatever organisation stands further back («حكومة الوفاق
			// … نتيجة الاتفاق السياسي (الرياض)»).
			tagSpan(tags, i+1, end, "MISC")
			i = end
			continue
		}
		afterHead := tags[prev] == "O" && mediaHead(*ws.at(prev), words[prev]) && quotedAll(words, tags, i+1, end, outletTags)
		afterOrg := end == i+2 && orgBefore(words, tags, i) && isShortForm(words[i+1]) && quotedAll(words, tags, i+1, end, shortFormTags)
		if !afterHead && !afterOrg {
			continue
		}
		tagSpan(tags, i+1, end, "ORG")
		i = end
	}
}

// workHeads are the kinds of work, operation or thing whose quoted name
// follows them (فيلمها الجديد «النبي»، عملية «عاصفة الحزم»، الإعصار
// "باتريشيا"، من طراز “F-15”): a title, MISC in ANERcorp, whatever
// the tagger read in it (a prophet, a person, a place).
var workHeads = normalizedKeys(map[string]bool{
	"فيلم": true, "كتاب": true, "رواية": true, "مسلسل": true, "برنامج": true, "قصيدة": true,
	"أغنية": true, "ألبوم": true, "مسرحية": true, "ديوان": true, "عملية": true, "حملة": true,
	"مبادرة": true, "إعصار": true, "عاصفة": true, "طراز": true, "معرض": true, "مهرجان": true,
	"اتفاق": true, "اتفاقية": true,
})

// processHeads are the work heads that also name a process (العملية
// الانتخابية): they name what is quoted only right before it.
var processHeads = normalizedKeys(map[string]bool{"عملية": true, "حملة": true})

// anyTag accepts every tag: a work's title may hold any name.
var anyTag = map[string]bool{"O": true, "B-PER": true, "I-PER": true, "B-LOC": true, "I-LOC": true,
	"B-ORG": true, "I-ORG": true, "B-MISC": true, "I-MISC": true}

// workBefore reports whether a work head stands right before the opening
// quote at i, or before one definite adjective there (فيلمها الجديد),
// untagged, with a possessive suffix or the article or not.
func workBefore(words, tags []string, i int) bool {
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		if tags[k] != "O" {
			return false
		}
		n := arabic.Normalize(words[k])
		base, _ := cutOne(n, "وفبلك") // لفيلمها
		base = strings.TrimPrefix(base, "ال")
		for _, suf := range []string{"", "ها", "ه", "هم"} {
			if b, ok := strings.CutSuffix(base, suf); ok && workHeads[b] {
				// «العملية الانتخابية «الدورة الثالثة»»: an operation
				// with its adjective is a process described; only one
				// right before the quote is named by it.
				return k == i-1 || !processHeads[b]
			}
		}
		if !strings.HasPrefix(n, "ال") {
			return false // only a definite adjective may stand between
		}
	}
	return false
}

// quotedAll reports whether every token in [from, to) is a name word
// whose tag is in ok.
func quotedAll(words, tags []string, from, to int, ok map[string]bool) bool {
	for k := from; k < to; k++ {
		if !ok[tags[k]] || !isNameWord(words[k]) {
			return false
		}
	}
	return true
}

// mediaHead reports whether a token is one of mediaHeads, with or without
// the article and the one-letter proclitics (لصحيفة، والوكالة).
func mediaHead(w instWord, tok string) bool {
	if mediaHeads[w.base] {
		return true
	}
	n := arabic.Normalize(tok)
	if r, ok := cutOne(n, "وف"); ok {
		if mediaHeads[r] {
			return true
		}
		n = r
	}
	r, ok := cutOne(n, "بكل")
	return ok && mediaHeads[r]
}

// isNameWord reports whether a token can be part of a quoted name:
// letters (Arabic or Latin) and digits, no punctuation.
func isNameWord(tok string) bool {
	for _, r := range tok {
		if !(r >= 0x0621 && r <= 0x064A || r >= 0x0660 && r <= 0x0669 || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '.' || arabic.IsTashkeel(r)) {
			return false
		}
	}
	return tok != ""
}

// isShortForm reports whether a bracketed word after an organisation's
// name reads as its short form: a Latin acronym (WHO) or an Arabic word
// the lexicon does not know (أوتشا), not a number, a date or a common
// word («البنك الأهلي (أمس)», «مجلس الأمن (2216)»).
func isShortForm(tok string) bool {
	latin, upper := false, true
	for _, r := range tok {
		switch {
		case r >= '0' && r <= '9' || r >= 0x0660 && r <= 0x0669:
			return false
		case r >= 'a' && r <= 'z':
			latin, upper = true, false
		case r >= 'A' && r <= 'Z':
			latin = true
		}
	}
	if latin {
		return upper
	}
	return !arabic.Known(arabic.Normalize(tok))
}

// shortFormReach is how many words before a bracketed short form the
// organisation's name may end: the tagger often finds only the part of a
// long name it knows («مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية
// (أوتشا)»).
const shortFormReach = 6

// orgBefore reports whether an organisation's name ends within
// shortFormReach words before the opening quote at i, with no punctuation
// between.
func orgBefore(words, tags []string, i int) bool {
	for k := i - 1; k >= 0 && k >= i-shortFormReach; k-- {
		if strings.HasSuffix(tags[k], "-ORG") {
			return true
		}
		if !isNameWord(words[k]) {
			return false
		}
	}
	return false
}
