package arabic

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// Normalize returns the words isNormal accepts as they are: that is only
// right if its general path leaves every such word unchanged.
func TestNormalWordsNeedNoNormalize(t *testing.T) {
	check := func(w string) {
		if isNormal(w) && normalize(w) != w {
			t.Fatalf("isNormal(%q) but the general path gives %q", w, normalize(w))
		}
	}
	var pieces []string
	for r := rune(0); r < 0x2200; r++ {
		check(string(r))
		check("ال" + string(r) + "ب")
		pieces = append(pieces, string(r))
	}
	for r := rune(0x0600); r < 0x0700; r++ {
		for q := rune(0x0600); q < 0x0700; q++ {
			check(string(r) + string(q))
		}
	}
	pieces = append(pieces, "\xd8", "\xd9", "\x80", "\xff", "a", "Z")
	rng := rand.New(rand.NewPCG(3, 5))
	for range 200000 {
		var b strings.Builder
		for n := 1 + rng.IntN(8); n > 0; n-- {
			if rng.IntN(4) == 0 {
				b.WriteString(pieces[rng.IntN(len(pieces))])
			} else {
				b.WriteRune(rune(0x0621 + rng.IntN(0x2a)))
			}
		}
		check(b.String())
	}
	for _, w := range []string{"قال", "الرياض", "وزير", "news"} {
		if !isNormal(w) {
			t.Errorf("isNormal(%q) = false, want true", w)
		}
	}
}
