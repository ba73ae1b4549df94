package resolve

import (
	"strings"

	"github.com/marsad-news/marsad"
	"unicode/utf8"

	"github.com/marsad-news/marsad/arabic"
)

// Proclitics a name can carry in running text, in normalized spelling,
// longest first: the conjunctions و/ف and the prepositions ب/ل/ك. The
// article is part of a name (القاهرة) and is never cut; "لل" is ل before
// an article whose alef the spelling drops (للقاهرة = ل + القاهرة).
var nameProclitics = []string{"وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك"}

// prepositions are the words after which a noun takes no preposition of
// its own (في، إلى، من …), normalized.
var prepositions = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields("في إلى الى من على عن مع حتى منذ عبر نحو لدى") {
		m[arabic.Normalize(w)] = true
	}
	return m
}()

// cliticCandidate is one way to read a word as proclitics + name.
type cliticCandidate struct {
	prefix string // the proclitics, normalized
	base   string // the name word, normalized (ال restored after لل)
	cut    int    // letters to drop from the surface
	alef   bool   // put back the article's alef after the cut
}

// cliticCandidates lists the readings of a normalized word as proclitics
// followed by a word of at least three letters, longest base first.
func cliticCandidates(w string) []cliticCandidate {
	var out []cliticCandidate
	for i := len(nameProclitics) - 1; i >= 0; i-- {
		p := nameProclitics[i]
		rest, ok := strings.CutPrefix(w, p)
		if !ok || utf8.RuneCountInString(rest) < 3 {
			continue
		}
		pn := utf8.RuneCountInString(p)
		if strings.HasSuffix(p, "ل") && strings.HasPrefix(rest, "ل") && utf8.RuneCountInString(rest) >= 4 {
			out = append(out, cliticCandidate{prefix: p, base: "ا" + rest, cut: pn, alef: true})
		}
		out = append(out, cliticCandidate{prefix: p, base: rest, cut: pn})
	}
	return out
}

// fallbackStrip decides, without other mentions to compare with, whether
// a word starts with a clitic: its base must be a known word of four
// letters or more (بروسيا: روسيا; بحكومة: حكومة), or the article after
// و/ف (والمرج). For persons only the conjunctions and ب/ل are cut, and
// never from a known given name, since many begin with a letter that looks
// like a clitic (كمال, فيصل, بسام).
func fallbackStrip(w string, typ marsad.EntityType) (cliticCandidate, bool) {
	person := typ == marsad.Person
	if headWords[w] {
		return cliticCandidate{}, false // بطولة العالم is no ب + طولة
	}
	for _, c := range cliticCandidates(w) {
		bn := utf8.RuneCountInString(c.base)
		conj := c.prefix == "و" || c.prefix == "ف"
		if conj && leftCompounds[c.base] {
			return c, true // وأبو السكر, وعبد الله
		}
		if strings.HasPrefix(c.base, "ال") {
			// وبالقاهرة, والمرج: a clitic before the article. Names that
			// start with وال/فال are rare enough outside persons (والتر).
			if bn >= 5 && (arabic.Known(c.base) || conj && !person) {
				return c, true
			}
			continue
		}
		// A place may be a known word of three letters after the
		// prepositions ب and ل, which places take all the time (بجدة،
		// لغزة); not after و, whose places begin with it (وجدة).
		short := bn == 3 && typ == marsad.Location && (c.prefix == "ب" || c.prefix == "ل") ||
			// «وجيش الشرعية»، «وحزب الأمة»: an organisation's head of
			// three letters after و, when the whole is no word or the
			// lexicon reads its و as the conjunction.
			bn == 3 && typ == marsad.Organization && c.prefix == "و" && (!arabic.Known(w) || strings.HasPrefix(arabic.SplitClitics(w).Prefix, "و"))
		if bn < 4 && !short || !arabic.Known(c.base) {
			continue
		}
		if person && !conj && c.prefix != "ب" && c.prefix != "ل" {
			continue
		}
		// A given name that looks like a clitic plus a word stays whole.
		if person && isNative(w) {
			continue
		}
		return c, true
	}
	return cliticCandidate{}, false
}

// headWords are common nouns that open names and begin with a letter that
// reads as a clitic: the whole word is the name's first word (بطولة
// العالم، بنك الرياض، كأس العالم، لجنة الانتخابات). Normalized.
var headWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`بطولة بطولات بنك بورصة بلدية برنامج بيت برج بوابة بحيرة بعثة كأس كلية كتيبة
		لجنة لواء لقاء لعبة لائحة ولاية وكالة وزارة وادي فريق فندق فيلق فرقة فيلم`) {
		m[arabic.Normalize(w)] = true
	}
	return m
}()
