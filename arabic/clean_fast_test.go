package arabic

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// cleanRef is Clean before its fast path: NFC over the whole text, then rune
// by rune. Clean must give the same result on every input.
func cleanRef(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\ufffd")
	}
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if r == Tatweel || IsFormatMark(r) {
			continue
		}
		if r == '\u00a0' || r == '\t' || (unicode.IsSpace(r) && r != '\n') {
			space = true
			continue
		}
		if r == '\n' {
			space = false
			b.WriteRune(r)
			continue
		}
		if space {
			if b.Len() > 0 && !strings.HasSuffix(b.String(), "\n") {
				b.WriteByte(' ')
			}
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

var cleanPieces = func() []string {
	out := []string{"\xff", "\x80", "\xd8", "\xe2\x80", " ", "\n", "\t", "\r", "\u00a0", "\u0085", "\u200b", "\u200f",
		"\u061c", "\u0640", "\ufeff", "\u00ad", "\u3000", "\u2028", "e\u0301", "\u0627\u0653", "\u0651\u064e",
		"\u064e\u0651", "\uac00\u11a8", "\u1100\u1161", "ﻻ", "…", "Å", "\u212b", "ﷺ", "😀"}
	for r := rune(0x0600); r < 0x0700; r++ {
		out = append(out, string(r))
	}
	for r := rune(0x0300); r < 0x0370; r++ {
		out = append(out, string(r))
	}
	return out
}()

func TestCleanMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 300000 {
		var b strings.Builder
		for n := rng.IntN(20); n > 0; n-- {
			if rng.IntN(3) == 0 {
				b.WriteString(cleanPieces[rng.IntN(len(cleanPieces))])
			} else {
				b.WriteRune(rune(0x0621 + rng.IntN(0x2a)))
			}
		}
		s := b.String()
		if got, want := Clean(s), cleanRef(s); got != want {
			t.Fatalf("Clean(%q) = %q, want %q", s, got, want)
		}
	}
	for r := rune(0); r < 0x30000; r++ {
		for _, s := range []string{string(r), "ا" + string(r), string(r) + "\u0651\u064e", "ا" + string(r) + "\u0653", " " + string(r) + " "} {
			if got, want := Clean(s), cleanRef(s); got != want {
				t.Fatalf("Clean(%q) = %q, want %q", s, got, want)
			}
		}
	}
}

func FuzzCleanFastPath(f *testing.F) {
	f.Add("قالَ الوزيرُ ـ  \u200fاليوم\n\n e\u0301 ﻻ")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Clean(s), cleanRef(s); got != want {
			t.Fatalf("Clean(%q) = %q, want %q", s, got, want)
		}
	})
}
