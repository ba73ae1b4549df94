package arabic

import (
	"testing"
	"unicode"
)

// The Arabic-block table must agree with the Unicode tables everywhere.
func TestIsArabicLetterTable(t *testing.T) {
	for r := rune(0); r <= 0x10ffff; r++ {
		want := unicode.Is(unicode.Arabic, r) && unicode.IsLetter(r)
		if got := IsArabicLetter(r); got != want {
			t.Fatalf("IsArabicLetter(%U) = %v, want %v", r, got, want)
		}
	}
	// reader/charset.ArabicRatio's shortcut relies on every letter of the
	// block but the tatweel being Arabic script.
	for r := rune(0x0600); r <= 0x06ff; r++ {
		if unicode.IsLetter(r) && !IsArabicLetter(r) && r != Tatweel {
			t.Fatalf("%U is a letter outside the Arabic script", r)
		}
	}
}
