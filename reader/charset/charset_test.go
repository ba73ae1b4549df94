package charset

import (
	"errors"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/marsad-news/marsad"
	"golang.org/x/text/encoding/charmap"
)

const arabicText = "وصل القائد العام للجيش الليبي خليفة حفتر إلى العاصمة الروسية موسكو لبحث الأزمة الليبية."

func encode(t testing.TB, cm *charmap.Charmap, s string) []byte {
	b, err := cm.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestDecode(t *testing.T) {
	tests := []struct {
		name     string
		data     []byte
		declared string
		want     string
		enc      string
		err      error
	}{
		{"utf-8", []byte(arabicText), "", arabicText, UTF8, nil},
		{"utf-8 BOM", []byte("\xef\xbb\xbf" + arabicText), "", arabicText, UTF8, nil},
		{"utf-16le BOM", append([]byte{0xff, 0xfe}, utf16le("نص")...), "", "نص", UTF16LE, nil},
		{"windows-1256 guessed", encode(t, charmap.Windows1256, arabicText), "", arabicText, Windows1256, nil},
		{"iso-8859-6 guessed", encode(t, charmap.ISO8859_6, arabicText), "", arabicText, ISO88596, nil},
		{"windows-1256 declared", encode(t, charmap.Windows1256, "Café "+arabicText), "cp1256", "Café " + arabicText, Windows1256, nil},
		{"Arabic despite a Western label", encode(t, charmap.Windows1256, arabicText), "iso-8859-1", arabicText, Windows1256, nil},
		{"declared Western text", []byte("Caf\xe9 cr\xe8me"), "iso-8859-1", "Café crème", "windows-1252", nil},
		{"utf-8 despite label", []byte(arabicText), "windows-1256", arabicText, UTF8, nil},
		{"latin-1 is not Arabic", []byte("Caf\xe9 cr\xe8me br\xfbl\xe9e"), "", "", "", marsad.ErrInvalidUTF8},
		{"empty", []byte(" \n\t"), "", "", "", marsad.ErrEmpty},
		{"NUL", []byte("abc\x00def"), "", "", "", marsad.ErrBinary},
		{"control characters", []byte(strings.Repeat("a\x01\x02\x03", 50)), "", "", "", marsad.ErrBinary},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, enc, err := Decode(tt.data, tt.declared)
			if !errors.Is(err, tt.err) {
				t.Fatalf("err = %v, want %v", err, tt.err)
			}
			if string(got) != tt.want || enc != tt.enc {
				t.Errorf("got %q (%s), want %q (%s)", got, enc, tt.want, tt.enc)
			}
		})
	}
}

func utf16le(s string) []byte {
	var b []byte
	for _, r := range s {
		b = append(b, byte(r), byte(r>>8))
	}
	return b
}

func TestArabicRatio(t *testing.T) {
	if r := ArabicRatio("abc نص"); r < 0.39 || r > 0.41 {
		t.Errorf("ratio = %v, want 0.4", r)
	}
	if r := ArabicRatio("123 ..."); r != 0 {
		t.Errorf("ratio without letters = %v", r)
	}
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte(arabicText), "")
	f.Add(encode(f, charmap.Windows1256, arabicText), "")
	f.Add(encode(f, charmap.ISO8859_6, arabicText), "windows-1256")
	f.Add([]byte("\xff\xfe\x00"), "")
	f.Add([]byte("Caf\xe9"), "latin1")
	f.Fuzz(func(t *testing.T, data []byte, declared string) {
		out, enc, err := Decode(data, declared)
		if err != nil {
			return
		}
		if !utf8.Valid(out) {
			t.Fatalf("output is not UTF-8 (%s): %q", enc, out)
		}
		if enc == "" {
			t.Fatal("no encoding name")
		}
		// Decoding is idempotent: UTF-8 output decodes to itself.
		again, enc2, err := Decode(out, "")
		if err == nil && (string(again) != string(out) || enc2 != UTF8) {
			t.Errorf("decode(decode(x)) changed: %q (%s) → %q (%s)", out, enc, again, enc2)
		}
	})
}

func BenchmarkDecodeWindows1256(b *testing.B) {
	data := encode(b, charmap.Windows1256, strings.Repeat(arabicText+"\n", 200))
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, _, err := Decode(data, ""); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeUTF8(b *testing.B) {
	data := []byte(strings.Repeat(arabicText+"\n", 200))
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, _, err := Decode(data, ""); err != nil {
			b.Fatal(err)
		}
	}
}

// ArabicRatio's Arabic-block shortcut must count what the Unicode tables
// count, on text mixing every rune of the block with Latin and tatweel.
func TestArabicRatioMatchesUnicodeTables(t *testing.T) {
	ref := func(s string) float64 {
		var ar, letters int
		for _, r := range s {
			if unicode.IsLetter(r) {
				letters++
				if unicode.Is(unicode.Arabic, r) {
					ar++
				}
			}
		}
		if letters == 0 {
			return 0
		}
		return float64(ar) / float64(letters)
	}
	var b strings.Builder
	for r := rune(0x0500); r <= 0x0800; r++ {
		b.WriteRune(r)
		if r%7 == 0 {
			b.WriteString("abc ـــ ")
		}
	}
	for _, s := range []string{b.String(), "ـــــ", "abc نص", "", "١٢٣ ؟"} {
		if got, want := ArabicRatio(s), ref(s); got != want {
			t.Errorf("ArabicRatio(%.20q…) = %v, want %v", s, got, want)
		}
	}
}
