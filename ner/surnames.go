package ner

import (
	"strings"
	"unicode/utf8"

	"github.com/marsad-news/marsad/arabic"
)

// Surnames. An article names a person in full once and by the surname
// after that: «المرشد الإيراني علي خامنئي …، وقال خامنئي …». Where the
// tagger knows the surname it tags both; where it does not (the learned
// gazetteer, counted by a tagger like it, calls خامنئي a common word) the
// full name may be found by a rule (titledNames) and every later mention
// missed, and with it the speaker of what follows. Surnames carries the
// last word of each person's name of two words or more to the words of
// the same document the tagger and the rules left outside any name: the
// word itself as written, or behind one proclitic (وخامنئي، لخامنئي). A
// given name (محمد علي ends with the name علي), a name particle, the
// second word of a compound or a king's ordinal (عبد الله، نور الدين،
// عبدالله الثاني) and a word the corpus seldom saw in a person's name
// (personShare) are not carried, nor the last word of a span whose first
// word is not a given name (givenName): «رأيت الجار» is the tagger's slip.

// Surnames tags, in place, the untagged words of one document (its
// sentences' words and BIO tags, after Rules) that repeat a person's
// surname found elsewhere in it. It returns, per sentence, the tokens it
// tagged behind a conjunction (وخامنئي), whose name starts after the و as
// Rules' do.
func (m *Model) Surnames(words, tags [][]string) (joined [][]int) {
	var surnames map[string]bool
	for s := range tags {
		first := -1 // the first word of the person's name being read
		for i := range tags[s] {
			if tags[s][i] == "B-PER" {
				first = i
			}
			if tags[s][i] != "I-PER" || i+1 < len(tags[s]) && tags[s][i+1] == "I-PER" {
				continue // not the last word of a person's name of two words or more
			}
			if first < 0 || !m.givenName(words[s][first]) {
				continue // «رأيت الجار», «العبد المسلم»: the tagger's slip, not a person
			}
			w := words[s][i]
			n := arabic.Normalize(w)
			if utf8.RuneCountInString(n) < 3 || arabic.IsGivenName(n) || isParticle(w) || arabic.IsStopword(n) || !isNameWord(w) ||
				divineNames[n] || nameTails[n] || personTitles[n] || !m.personShare(w) {
				continue
			}
			if surnames == nil {
				surnames = map[string]bool{}
			}
			surnames[w] = true // as written: its repeats are compared unnormalized
		}
	}
	if surnames == nil {
		return nil
	}
	joined = make([][]int, len(tags))
	for s := range tags {
		for i, t := range tags[s] {
			if t != "O" {
				continue
			}
			w := words[s][i]
			if surnames[w] {
				tags[s][i] = "B-PER"
				continue
			}
			if r, ok := cutOne(w, "وفبلك"); ok && surnames[r] {
				tags[s][i] = "B-PER" // وخامنئي، لخامنئي
				if strings.HasPrefix(w, "و") || strings.HasPrefix(w, "ف") {
					joined[s] = append(joined[s], i)
				}
			}
		}
	}
	return joined
}

// nameTails end names without being surnames: the second word of compound
// given names and the ordinals of kings.
var nameTails = normalizedKeys(map[string]bool{
	"الله": true, "الدين": true, "الرحمن": true, "الإسلام": true, "العرب": true, "العابدين": true,
	"الأول": true, "الثاني": true, "الثالث": true, "الرابع": true, "الخامس": true, "السادس": true,
})

// personShare reports whether the corpus lets a word be a person's name:
// the gazetteer saw it inside a person's name at least once in fifty of
// its occurrences, or fewer than gazMinCount times in all.
func (m *Model) personShare(w string) bool {
	c, n, ok := m.gazCounts(w)
	return m.gaz != nil && (!ok || n < gazMinCount || 50*c[1] >= n)
}

// givenName reports whether a name's first word reads as a given name: a
// common Arabic one, or one the gazetteer saw inside a person's name at
// least one time in five (حيدر، سيرجي، باراك), written without a
// proclitic (a given name takes no article: «العبد المسلم»).
func (m *Model) givenName(w string) bool {
	norm := arabic.Normalize(w)
	if arabic.IsGivenName(norm) {
		return true
	}
	if arabic.SplitClitics(norm).Prefix != "" {
		return false
	}
	c, n, ok := m.gazCounts(w)
	return ok && n >= gazMinCount && 5*c[1] >= n
}
