package arabic
import ("testing";"unicode")
func TestIsWordRuneFast(t *testing.T) {
	for r := rune(0); r < 0x110000; r++ {
		if isWordRune(r) != (unicode.IsLetter(r) || r == Tatweel) { t.Fatalf("%U", r) }
	}
}
