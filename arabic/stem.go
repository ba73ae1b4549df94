package arabic

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Proclitics and enclitics, in normalized spelling, longest first. A word is
// split at most once on each side.
var (
	procliticSeqs = []string{
		"وبال", "وكال", "فبال", "فكال", "ولل", "فلل",
		"وال", "فال", "بال", "كال", "لل", "ال",
		"وب", "ول", "وك", "فب", "فل", "فك", "وس", "فس",
		"و", "ف", "ب", "ل", "ك", "س",
	}
	encliticSeqs = []string{
		"هما", "كما", "تما", "كم", "كن", "هم", "هن", "نا", "ها", "ني", "ه", "ي", "ك",
	}
	// Inflectional suffixes stripped by the search stemmer.
	stemSuffixes = []string{
		"تين", "تان", "ات", "ون", "ين", "ان", "يه", "يا", "ه", "ي",
	}
)

// Clitics is the analysis of a word into proclitics, a base, and an enclitic.
type Clitics struct {
	Prefix string // "وبال", "ل", "" …
	Base   string
	Suffix string // attached pronoun, "" when none
}

// SplitClitics analyzes a normalized word into proclitics and a base. A
// split whose base is a known word (Lexicon) wins: بروسيا gives ب + روسيا and
// لليبيا gives ل + ليبيا, while ليبيا and بنغازي stay whole. Without a known
// base, only the article (ال، لل), two-letter sequences (وب، ول …) and the
// conjunctions و/ف are cut, and never below three letters. Attached pronouns
// are left in the base: Stem removes them for search.
func SplitClitics(w string) Clitics {
	c := Clitics{Base: w}
	if !mayHaveProclitic(w) || utf8.RuneCountInString(w) < 4 {
		return c
	}
	for _, p := range procliticSeqs {
		if rest, ok := strings.CutPrefix(w, p); ok && utf8.RuneCountInString(rest) >= 3 && inLexicon(rest) {
			c.Prefix, c.Base = p, rest
			return c
		}
	}
	known := inLexicon(w)
	for _, p := range procliticSeqs {
		rest, ok := strings.CutPrefix(w, p)
		if !ok {
			continue
		}
		rn := utf8.RuneCountInString(rest)
		if rn < 3 {
			continue
		}
		pn := utf8.RuneCountInString(p)
		article := strings.HasSuffix(p, "ال") || strings.HasSuffix(p, "لل")
		switch {
		case article:
			// ال and لل before three letters or more are an article.
		case known:
			continue // the whole word is a known word; don't cut into it
		case pn >= 2 && rn >= 4:
			// وب, ول, فل …: two proclitics rarely start a name.
		case (p == "و" || p == "ف") && rn >= 4:
			// The conjunctions are the commonest proclitics by far.
		default:
			// ب ل ك س before an unknown word: too often the word's own
			// first letter (بنغازي, ليبيا, كركوك) to cut blind.
			continue
		}
		c.Prefix, c.Base = p, rest
		return c
	}
	return c
}

// mayHaveProclitic reports whether w starts with the first letter of some
// proclitic sequence (و ف ب ك ل س, or ا of ال); most words do not, and
// skip the lexicon lookups. It reads the first two bytes: every such letter
// is two bytes in UTF-8.
func mayHaveProclitic(w string) bool {
	if len(w) < 2 {
		return false
	}
	for _, f := range procliticFirst {
		if f[0] == w[0] && f[1] == w[1] {
			return true
		}
	}
	return false
}

// procliticFirst holds the distinct first two bytes of procliticSeqs.
var procliticFirst = func() (out [][2]byte) {
	for _, p := range procliticSeqs {
		f := [2]byte{p[0], p[1]}
		if !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	return out
}()

// Stem is the light stemmer used for search terms: it removes proclitics
// (SplitClitics) and then one inflectional or pronoun suffix, leaving at
// least three letters. The input must be normalized. Stem is deterministic
// and idempotent on its own output only in the common case; it is a key, not
// a linguistic root.
func Stem(w string) string {
	return SplitClitics(w).Stem()
}

// Stem is Stem(w) for the word c was split from: a caller that needs both
// the clitic analysis and the stem (the NER features) splits once.
func (c Clitics) Stem() string {
	base := c.Base
	for _, suf := range stemSuffixes {
		if strings.HasSuffix(base, suf) && utf8.RuneCountInString(base)-utf8.RuneCountInString(suf) >= 3 {
			// Keep "يا" on place names such as روسيا, ليبيا, سوريا: strip it
			// only when the rest plus ي is a known word (بريطانيا stays).
			if suf == "يا" {
				continue
			}
			return base[:len(base)-len(suf)]
		}
	}
	return base
}
