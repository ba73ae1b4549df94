package timex

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/marsad-news/marsad/arabic"
)

// prepare skips arabic.Normalize for the words isStable accepts: that is
// only right if Normalize leaves every such word unchanged.
func TestStableWordsNeedNoNormalize(t *testing.T) {
	check := func(w string) {
		if isStable(w) && arabic.Normalize(w) != w {
			t.Fatalf("isStable(%q) but Normalize gives %q", w, arabic.Normalize(w))
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
		if !isStable(w) {
			t.Errorf("isStable(%q) = false, want true", w)
		}
	}
}
