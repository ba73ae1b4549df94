package speech

import (
	"testing"
)

// verbOf answers from one table of every verb form; it must answer what
// the lookups it replaces answer.
func TestVerbFormsMatchLookups(t *testing.T) {
	words := []string{"", "و", "ف", "ل", "ب", "قال", "الرياض"}
	for w := range reportingVerbs {
		for _, p := range []string{"", "و", "ف", "ل", "ب", "وو", "فو", "لل", "ول", "وف"} {
			words = append(words, p+w, p+w+"ه", p+w[:len(w)/2])
		}
	}
	for _, w := range words {
		if got, want := verbOf(w), verbOfSlow(w); got != want {
			t.Errorf("verbOf(%q) = %d, want %d", w, got, want)
		}
	}
}
