package arabic

import (
	"testing"
	"unicode"
)

// isWordRune answers common letters before the Unicode table; it must agree
// with the table on every rune.
func TestIsWordRuneFastPath(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if got, want := isWordRune(r), unicode.IsLetter(r) || r == Tatweel; got != want {
			t.Fatalf("isWordRune(%U) = %v, want %v", r, got, want)
		}
	}
}
