// Package charset turns the bytes of a text or web page into UTF-8.
//
// Arabic news on disk is not always UTF-8: archives from the 2000s and some
// government sites are still in windows-1256 or ISO-8859-6, often without a
// declaration. Decode tries, in order, a byte-order mark, the declared
// charset, UTF-8 validity, and then the Arabic legacy code pages, keeping the
// one whose decoding reads as Arabic. A guess that does not read as Arabic is
// refused rather than returned as mojibake.
package charset

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/arabic"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	xunicode "golang.org/x/text/encoding/unicode"
)

// Names of the encodings Decode reports.
const (
	UTF8        = "utf-8"
	UTF16LE     = "utf-16le"
	UTF16BE     = "utf-16be"
	Windows1256 = "windows-1256"
	ISO88596    = "iso-8859-6"
)

// sniffLen bounds how much of the input the binary and encoding checks look
// at, so that their cost does not grow with the input.
const sniffLen = 16 << 10

// Decode returns data as UTF-8 and the name of the encoding it was in.
// declared is a charset label from a Content-Type header, an XML prolog or a
// <meta> tag ("" when none); a BOM wins over it, and a label that
// contradicts valid UTF-8 bytes is ignored, since mislabelled pages are more
// common than windows-1256 pages that happen to be valid UTF-8.
//
// Errors wrap marsad.ErrEmpty, marsad.ErrBinary or marsad.ErrInvalidUTF8.
func Decode(data []byte, declared string) ([]byte, string, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, "", marsad.ErrEmpty
	}
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		data = data[3:]
		return finishUTF8(data)
	case bytes.HasPrefix(data, []byte("\xff\xfe")):
		return decodeWith(data, xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM), UTF16LE)
	case bytes.HasPrefix(data, []byte("\xfe\xff")):
		return decodeWith(data, xunicode.UTF16(xunicode.BigEndian, xunicode.ExpectBOM), UTF16BE)
	}
	if IsBinary(data) {
		return nil, "", marsad.ErrBinary
	}
	if utf8.Valid(data) {
		return finishUTF8(data)
	}
	enc, name := lookup(declared)
	if enc != nil && (name == Windows1256 || name == ISO88596) {
		return decodeWith(data, enc, name)
	}
	// Arabic sites often declare a Western code page (iso-8859-1,
	// windows-1252) for Arabic bytes; Arabic text wins over the label.
	out, n, err := guessArabic(data)
	if err == nil || enc == nil || name == UTF8 {
		return out, n, err
	}
	return decodeWith(data, enc, name)
}

func finishUTF8(data []byte) ([]byte, string, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, "", marsad.ErrEmpty
	}
	if !utf8.Valid(data) {
		return nil, "", marsad.ErrInvalidUTF8
	}
	return data, UTF8, nil
}

func decodeWith(data []byte, enc encoding.Encoding, name string) ([]byte, string, error) {
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return nil, "", fmt.Errorf("%w: %s: %v", marsad.ErrInvalidUTF8, name, err)
	}
	if IsBinary(out) {
		return nil, "", marsad.ErrBinary
	}
	if len(bytes.TrimSpace(out)) == 0 {
		return nil, "", marsad.ErrEmpty
	}
	return out, name, nil
}

// lookup maps a charset label to an encoding; nil when unknown.
func lookup(label string) (encoding.Encoding, string) {
	label = strings.ToLower(strings.Trim(strings.TrimSpace(label), `"'`))
	if label == "" {
		return nil, ""
	}
	enc, err := htmlindex.Get(label)
	if err != nil {
		return nil, ""
	}
	name, _ := htmlindex.Name(enc)
	return enc, name
}

// legacy are the single-byte Arabic code pages Decode tries, most common
// first.
var legacy = []struct {
	name string
	enc  encoding.Encoding
}{
	{Windows1256, charmap.Windows1256},
	{ISO88596, charmap.ISO8859_6},
}

// guessArabic decodes data with each legacy code page and keeps the one whose
// letters are most Arabic; none qualifies unless most letters are Arabic.
func guessArabic(data []byte) ([]byte, string, error) {
	sample := data
	if len(sample) > sniffLen {
		sample = sample[:sniffLen]
	}
	best, bestScore := -1, 0.0
	for i, l := range legacy {
		out, err := l.enc.NewDecoder().Bytes(sample)
		if err != nil {
			continue
		}
		if s := arabicScore(out); s > bestScore {
			best, bestScore = i, s
		}
	}
	if best < 0 || bestScore < 0.6 {
		return nil, "", marsad.ErrInvalidUTF8
	}
	return decodeWith(data, legacy[best].enc, legacy[best].name)
}

// arabicScore is the share of Arabic letters among the letters of s, less a
// penalty for replacement characters (bytes the code page leaves undefined)
// and for Latin letters with accents, which a wrong Arabic code page yields
// where the right one has Arabic letters.
func arabicScore(s []byte) float64 {
	var ar, letters, bad int
	for len(s) > 0 {
		r, size := utf8.DecodeRune(s)
		s = s[size:]
		switch {
		case r == utf8.RuneError:
			bad++
		case arabic.IsArabicLetter(r):
			ar++
			letters++
		case r > 0x7f && unicode.IsLetter(r):
			letters++
			bad++
		case unicode.IsLetter(r):
			letters++
		}
	}
	if letters == 0 {
		return 0
	}
	return (float64(ar) - float64(bad)) / float64(letters)
}

// IsBinary reports whether data looks like binary data rather than text: it
// holds a NUL byte or more than 5% control characters other than tab, line
// feed, form feed and carriage return (within the first 16 KB).
func IsBinary(data []byte) bool {
	if len(data) > sniffLen {
		data = data[:sniffLen]
		// Do not count a multi-byte sequence cut at the end.
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return true
	}
	ctl := 0
	for _, b := range data {
		if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') || b == 0x7f {
			ctl++
		}
	}
	return ctl*20 > len(data)
}

// ArabicRatio is the share of Arabic letters among all letters of s; 0 when s
// has no letters. Readers use it to set Language when the source does not.
func ArabicRatio(s string) float64 {
	var ar, letters int
	for _, r := range s {
		if r >= 0x0600 && r <= 0x06ff {
			// The Arabic block's letters are all of the Arabic script but
			// the tatweel (U+0640, a Common-script letter): one table
			// lookup answers both questions.
			if arabic.IsArabicLetter(r) {
				letters++
				ar++
			} else if r == arabic.Tatweel {
				letters++
			}
			continue
		}
		if unicode.IsLetter(r) {
			letters++
			if arabic.IsArabicLetter(r) {
				ar++
			}
		}
	}
	if letters == 0 {
		return 0
	}
	return float64(ar) / float64(letters)
}

// errUnknown is returned by Label for labels htmlindex does not know.
var errUnknown = errors.New("unknown charset")

// Label returns the canonical name of a charset label ("cp1256" →
// "windows-1256").
func Label(label string) (string, error) {
	if _, name := lookup(label); name != "" {
		return name, nil
	}
	return "", fmt.Errorf("%w %q", errUnknown, label)
}
