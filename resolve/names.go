package resolve

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/marsad-news/marsad/arabic"
)

// Name keys. A name is compared as a list of normalized name tokens, where
// a token is one word or a compound that only means something whole:
// "عبد الحميد", "أبو بكر", "نور الدين", "جاويش أوغلو". Keeping compounds
// whole stops "عبد" or "الدين" from passing for a first or last name.

// leftCompounds bind to the word after them; بن/ابن make the patronymic
// one token, so that "بن سلمان" and "بن لادن" work as surnames, and آل
// (normalized ال when it stands alone) the family name: "آل نهيان".
var leftCompounds = normalizedSet(`عبد أبو ابو أبي ابي أبا ابا بو ذو أم بن ابن بنت آل`)

// rightCompounds bind to the word before them.
var rightCompounds = normalizedSet(`الدين الله الإسلام العابدين العرب الرحمن أوغلو اوغلو`)

func normalizedSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[arabic.Normalize(w)] = true
	}
	return m
}

// nameWords splits a name into its words (letters and digits only).
func nameWords(s string) []string {
	var out []string
	for _, t := range arabic.Tokenize(s) {
		if t.Kind == arabic.Punct {
			continue
		}
		out = append(out, t.Text)
	}
	return out
}

// nameTokens returns the normalized name tokens of a name, compounds joined
// by a space.
func nameTokens(name string) []string {
	words := nameWords(name)
	norm := make([]string, 0, len(words))
	for _, w := range words {
		if n := arabic.Normalize(w); n != "" {
			norm = append(norm, n)
		}
	}
	return joinCompounds(norm)
}

func joinCompounds(words []string) []string {
	out := make([]string, 0, len(words))
	for i := 0; i < len(words); i++ {
		w := words[i]
		if leftCompounds[w] && i+1 < len(words) {
			// بن عبد العزيز: a compound can hold another.
			for leftCompounds[words[i]] && i+1 < len(words) {
				w += " " + words[i+1]
				i++
			}
			if i+1 < len(words) && rightCompounds[words[i+1]] {
				w += " " + words[i+1]
				i++
			}
			out = append(out, w)
			continue
		}
		if rightCompounds[w] && len(out) > 0 && !strings.Contains(out[len(out)-1], " ") {
			out[len(out)-1] += " " + w
			continue
		}
		out = append(out, w)
	}
	return out
}

// Key returns the matching key of a name: Arabic normalization (hamza,
// alef, ta marbuta, alef maqsura, tashkeel), punctuation dropped, one space
// between words, and a name joined to عبد written apart (عبدالعزيز as
// عبد العزيز: news writes both, often in one outlet). Two spellings with
// the same key are the same name.
func Key(name string) string {
	return strings.Join(keyTokens(name), " ")
}

// keyTokens are the name tokens of Key: nameTokens with joined عبد names
// split.
func keyTokens(name string) []string {
	words := nameWords(name)
	norm := make([]string, 0, len(words)+1)
	for i := 0; i < len(words); i++ {
		w := words[i]
		if head, ok := strings.CutSuffix(w, "آل"); ok && i+1 < len(words) && utf8.RuneCountInString(head) >= 4 {
			// «سلمان بن عبدالعزيزآل سعود»: a family's آل glued to the word
			// before it, a typo. Unsplit, it was the only full name ending
			// in a bare سعود, and took 61 articles' lone سعود.
			words = slices.Insert(slices.Clone(words), i+1, "آل")
			w = head
		}
		n := arabic.Normalize(w)
		if n == "" {
			continue
		}
		if rest, ok := joinedAbd(n); ok {
			norm = append(norm, abd, rest)
			continue
		}
		norm = append(norm, n)
	}
	return mergeCliticAbd(joinCompounds(norm))
}

// keyTokensOf returns the tokens of a Key.
func keyTokensOf(key string) []string {
	return mergeCliticAbd(joinCompounds(strings.Split(key, " ")))
}

// mergeCliticAbd joins عبد with a clitic (لعبد، وعبد) to the next token:
// لعبد العزيز is one token, as عبد العزيز is, whose clitic the resolver's
// candidates can cut, not a given name لعبد and a surname.
func mergeCliticAbd(toks []string) []string {
	for i := 0; i+1 < len(toks); i++ {
		if lead, ok := strings.CutSuffix(toks[i], abd); ok && lead != "" && strings.Trim(lead, "وفبلك") == "" && len(lead) <= 4 {
			toks[i] += " " + toks[i+1]
			toks = append(toks[:i+1], toks[i+2:]...)
		}
	}
	return toks
}

// abd is عبد, normalized.
var abd = arabic.Normalize("عبد")

// joinedAbd reports whether a normalized word is a name joined to عبد
// (عبدالله، عبدالرحمن، عبدربه) and returns the name.
func joinedAbd(w string) (string, bool) {
	rest, ok := strings.CutPrefix(w, abd)
	if !ok || utf8.RuneCountInString(rest) < 3 {
		return "", false
	}
	if strings.HasPrefix(rest, "ال") || rest == "ربه" {
		return rest, true
	}
	return "", false
}

// nativeNames are common Arabic given names and name words whose spelling
// is meaningful: حسن and حسين, سعد and سعيد, كمال and جمال are different
// names, not transliterations of one foreign name. A token in this list
// matches another token only when their normalized forms are equal.
var nativeNames = normalizedSet(`
محمد محمود أحمد حامد حمد حميد حمدي حمدان محمدي أمجد مجدي ماجد مجيد
حسن حسين حسني حسان حسنين محسن إحسان
سعد سعيد سعود مسعود سعدي سعدون أسعد
علي عليان عالي علاء عالية
عمر عمرو عمار عامر معمر
كريم كرم كرمة أكرم مكرم
جمال جميل جمل جميلة
كمال كامل
نبيل نبيلة
خالد خليل خليفة خلف
صالح صلاح مصلح صالحة
سالم سليم سلمان سليمان سلامة سلام إسلام أسامة
فهد فهمي فاهم
فيصل فاضل فضل فضيل
ناصر نصر نصار منصور نصير
يوسف يونس يعقوب يحيى ياسر ياسين يسري
إبراهيم إسماعيل إسحاق
عبد عباس عبيد عابد عبود
رشيد راشد رشاد مرشد
هاني هناء هند هادي هدى
طارق طلال طلعت
زياد زايد زيد زيدان مزيد
وليد ولد
فارس فراس
بشار بشير بشرى مبشر
جاسم قاسم قسيم
جابر جبر جبريل
رامي رامز رمزي
سامي سامر سمير سمر
منير منى منيرة
نادر ندى نادية
عادل عدلي عدنان
عزيز عز عزت عزام
فتحي فتح فاتح مفتاح
رجب رجاء
مصطفى مختار مرتضى مهدي
عثمان عمران عدي قصي
زكي زكريا
شريف أشرف مشرف
لطفي لطيف
مراد مريد
نجيب نجاح ناجي
توفيق وفيق رفيق رفعت
حازم حاتم حكيم حكمت
وائل وليد
بكر أبوبكر
تركي مشعل متعب نايف بندر سلطان سطام
`)

// isNative reports whether a normalized name token is a native Arabic name
// word. The article ال is ignored: الحسن is حسن.
func isNative(tok string) bool {
	if nativeNames[tok] {
		return true
	}
	if rest, ok := strings.CutPrefix(tok, "ال"); ok && nativeNames[rest] {
		return true
	}
	// Compounds: عبد الله, أبو بكر, نور الدين are names of their own,
	// also when written joined (عبدالملك is not عبدالخالق, one letter of
	// skeleton apart: they are brothers).
	return strings.Contains(tok, " ") || strings.HasPrefix(tok, "عبد") && utf8.RuneCountInString(tok) >= 6
}

// The phonetic key folds letters that Arabic writers use interchangeably
// when they transliterate a foreign name: g is ج, غ, ق or ك; t is ت or ط; s
// is س or ص; z is ذ, ز or ظ; long vowels (ا و ي) and hamza seats come and go
// (بوتين/بوتن, يوفكيورف/يفكيروف); the final ة/ه/ا of a feminine or
// Latin ending is dropped (سوريا/سورية). The first letter is kept, so that
// a word's onset survives.
func foldConsonant(r rune) rune {
	switch r {
	case 'ج', 'غ', 'ق', 'ك', 'گ', 'ڨ', 'ڭ', 'چ':
		return 'ك'
	case 'ط', 'ث':
		return 'ت'
	case 'ص':
		return 'س'
	case 'ذ', 'ظ':
		return 'ز'
	case 'ض':
		return 'د'
	case 'پ':
		return 'ب'
	case 'ڤ', 'ڥ':
		return 'ف'
	}
	return r
}

func isVowelLetter(r rune) bool {
	switch r {
	case 'ا', 'و', 'ي', 'ى', 'ء', 'آ', 'أ', 'إ', 'ؤ', 'ئ':
		return true
	}
	return false
}

// phoneticToken returns the phonetic skeleton of one normalized token.
func phoneticToken(tok string) string {
	if strings.Contains(tok, " ") {
		parts := strings.Fields(tok)
		for i, p := range parts {
			parts[i] = phoneticToken(p)
		}
		return strings.Join(parts, "_")
	}
	rs := []rune(tok)
	// Drop the feminine or Latin ending: سوريه/سوريا, زاخاروفا.
	for len(rs) > 2 && (rs[len(rs)-1] == 'ه' || rs[len(rs)-1] == 'ة') {
		rs = rs[:len(rs)-1]
	}
	out := make([]rune, 0, len(rs))
	for i, r := range rs {
		var c rune
		switch {
		case i == 0 && (r == 'ا' || r == 'ء' || r == 'أ' || r == 'إ' || r == 'آ'):
			c = 'ا'
		case i == 0 && (r == 'و' || r == 'ي'):
			c = r
		case isVowelLetter(r):
			continue
		default:
			c = foldConsonant(r)
		}
		if len(out) > 0 && out[len(out)-1] == c {
			continue
		}
		out = append(out, c)
	}
	if len(out) == 0 {
		return tok
	}
	return string(out)
}

// PhoneticKey returns the transliteration-insensitive key of a name: each
// name token reduced to its consonant skeleton with the letters used
// interchangeably for one foreign sound folded together. سيرجي لافروف and
// سيرغي لافروف have the same PhoneticKey; so do بوتين and بوتن.
func PhoneticKey(name string) string {
	toks := keyTokens(name)
	for i, t := range toks {
		toks[i] = phoneticToken(t)
	}
	return strings.Join(toks, " ")
}

// relation is how two name tokens relate.
type relation int

const (
	different     relation = iota
	same                   // equal after normalization
	orthographic           // only the final ا/ة differs (سوريا/سورية)
	transliterate          // same phonetic skeleton
	nearSpelling           // skeletons one edit apart (long foreign names)
)

// tokenRelation compares two normalized name tokens and, when they differ
// but match, says how in words ("ج/غ", "long vowels").
func tokenRelation(a, b string) (relation, string) {
	if a == b {
		return same, ""
	}
	if medialHamzaAsYa(a) == medialHamzaAsYa(b) {
		// نائف/نايف، فائز/فايز، عائشة/عايشة: the Gulf press writes the
		// hamza's seat as a plain ya; native names too.
		return orthographic, "ئ/ي"
	}
	if isNative(a) || isNative(b) {
		return different, ""
	}
	pa, pb := phoneticToken(a), phoneticToken(b)
	if pa == pb && hasEnding(a) != hasEnding(b) {
		// كورتونوف/كورتونوفا, سوري/سوريا: an ending more is another word
		// (often the other gender), not another spelling.
		return different, ""
	}
	if pa == pb {
		desc, vowelsOnly, endingOnly := describeDifference(a, b)
		if endingOnly {
			return orthographic, desc
		}
		if !plausibleRespelling(a, b, pa, vowelsOnly, 3) {
			return different, ""
		}
		return transliterate, desc
	}
	// Skeletons one letter apart: only long names, and not two words the
	// lexicon knows (البحر/الصحراء, الترجي/الأفريقي are words, not spellings).
	ca, cb := strings.TrimPrefix(pa, "ال"), strings.TrimPrefix(pb, "ال")
	if utf8.RuneCountInString(ca) >= 5 && utf8.RuneCountInString(cb) >= 5 && levenshtein(pa, pb) == 1 &&
		!(arabic.Known(a) && arabic.Known(b)) {
		return nearSpelling, "one letter of the consonant skeleton"
	}
	return different, ""
}

// medialHamzaAsYa returns a normalized word with a hamza between two
// letters (ئ, which arabic.Normalize writes ء) written as ي.
func medialHamzaAsYa(w string) string {
	i := strings.Index(w, "ء")
	if i <= 0 || i+len("ء") >= len(w) {
		return w
	}
	return w[:i] + "ي" + medialHamzaAsYa(w[i+len("ء"):])
}

// plausibleRespelling bounds how far two words with one phonetic skeleton
// may be apart in letters. A short skeleton is shared by many unrelated
// names (المالكي, المليجي, ملكاوي all reduce to م-ل-ك), so short names may
// differ in one letter only (بوتين/بوتن, سيرجي/سيرغي); long foreign names
// drift more (يوفكيورف/يفكيروف). minVowelSkeleton is the shortest skeleton
// on which a vowel alone may differ (خان/خوان are two names).
func plausibleRespelling(a, b, skeleton string, vowelsOnly bool, minVowelSkeleton int) bool {
	n := utf8.RuneCountInString(strings.TrimPrefix(skeleton, "ال"))
	if n < 2 || vowelsOnly && n < minVowelSkeleton {
		return false
	}
	d := levenshtein(a, b)
	if n < 5 {
		return d <= 1
	}
	return d <= max(2, (n+1)/2)
}

// relaxedRelation is tokenRelation for a middle name, whose spelling
// varies most (بك/بيك) and which matters least: one letter of difference
// in the same skeleton is enough.
func relaxedRelation(a, b string) (relation, string) {
	if rel, desc := tokenRelation(a, b); rel != different {
		return rel, desc
	}
	if isNative(a) || isNative(b) || phoneticToken(a) != phoneticToken(b) || levenshtein(a, b) > 1 {
		return different, ""
	}
	desc, _, _ := describeDifference(a, b)
	return transliterate, desc
}

// describeDifference says which letters differ between two tokens with the
// same phonetic skeleton.
func describeDifference(a, b string) (desc string, vowelsOnly, endingOnly bool) {
	ta, tb := trimEnding(a), trimEnding(b)
	if ta == tb {
		return "ا/ة ending", false, true
	}
	ca, cb := consonants(ta), consonants(tb)
	var pairs []string
	seen := map[string]bool{}
	if len(ca) == len(cb) {
		for i := range ca {
			if ca[i] != cb[i] {
				p := string(ca[i]) + "/" + string(cb[i])
				if ca[i] > cb[i] {
					p = string(cb[i]) + "/" + string(ca[i])
				}
				if !seen[p] {
					seen[p] = true
					pairs = append(pairs, p)
				}
			}
		}
	}
	vowels := stripVowels(ta) != ta || stripVowels(tb) != tb
	vowels = vowels && vowelPattern(ta) != vowelPattern(tb)
	switch {
	case len(pairs) > 0 && vowels:
		return strings.Join(pairs, ", ") + " and long vowels", false, false
	case len(pairs) > 0:
		return strings.Join(pairs, ", "), false, false
	default:
		return "long vowels (ا/و/ي)", true, false
	}
}

// hasEnding reports whether a word ends in ا, ة/ه or ى.
func hasEnding(s string) bool {
	return strings.HasSuffix(s, "ا") || strings.HasSuffix(s, "ه") || strings.HasSuffix(s, "ة") || strings.HasSuffix(s, "ى")
}

func trimEnding(s string) string {
	rs := []rune(s)
	for len(rs) > 2 && (rs[len(rs)-1] == 'ه' || rs[len(rs)-1] == 'ا') {
		rs = rs[:len(rs)-1]
	}
	return string(rs)
}

// consonants lists the non-vowel letters after the first, unfolded.
func consonants(s string) []rune {
	var out []rune
	for i, r := range []rune(s) {
		if i > 0 && isVowelLetter(r) {
			continue
		}
		out = append(out, r)
	}
	return out
}

func stripVowels(s string) string { return string(consonants(s)) }

// vowelPattern marks where the long vowels sit between consonants.
func vowelPattern(s string) string {
	var b strings.Builder
	for i, r := range []rune(s) {
		if i > 0 && isVowelLetter(r) {
			b.WriteByte('v')
		} else {
			b.WriteByte('c')
		}
	}
	return b.String()
}

// levenshtein is the edit distance between two strings in runes.
func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
