// Package arabic is marsad's Arabic text layer: normalization for matching,
// tokenization that keeps offsets into the original text, clitic analysis and
// a light stemmer for search.
//
// The original text is always what users see. Normalized forms are keys: two
// spellings of one word (المسؤولين/المسئولين, سوريا/سورية, مِجْهَار/مجهار)
// get the same key, so search and entity matching treat them alike.
package arabic

import (
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/unicode/norm"
)

// Arabic letters and marks that normalization touches, named as in bleve's
// analysis/lang/ar so that the rules read as Arabic, not as code points.
const (
	Hamza            = '\u0621'
	AlefMaddaAbove   = '\u0622'
	AlefHamzaAbove   = '\u0623'
	WawHamzaAbove    = '\u0624'
	AlefHamzaBelow   = '\u0625'
	YehHamzaAbove    = '\u0626'
	Alef             = '\u0627'
	TehMarbuta       = '\u0629'
	Heh              = '\u0647'
	Waw              = '\u0648'
	AlefMaksura      = '\u0649'
	Yeh              = '\u064a'
	Tatweel          = '\u0640'
	AlefWasla        = '\u0671'
	FarsiYeh         = '\u06cc'
	Keheh            = '\u06a9'
	Kaf              = '\u0643'
	SuperscriptAlef  = '\u0670'
	ArabicComma      = '\u060c'
	ArabicSemicolon  = '\u061b'
	ArabicQuestion   = '\u061f'
	ArabicFullStop   = '\u06d4'
	ArabicPercent    = '\u066a'
	ArabicDecimalSep = '\u066b'
)

// IsTashkeel reports whether r is an Arabic diacritic (harakat, tanween,
// shadda, sukun, superscript alef, Quranic marks): removed for matching.
func IsTashkeel(r rune) bool {
	return (r >= '\u064b' && r <= '\u065f') || r == SuperscriptAlef ||
		(r >= '\u0610' && r <= '\u061a') || (r >= '\u06d6' && r <= '\u06ed')
}

// IsFormatMark reports whether r is an invisible bidi or joiner mark (RLM,
// LRM, ALM, ZWJ, ZWNJ, bidi embeddings and isolates, BOM, soft hyphen).
func IsFormatMark(r rune) bool {
	switch {
	case r == '\u200e' || r == '\u200f' || r == '\u061c':
		return true
	case r >= '\u200b' && r <= '\u200d':
		return true
	case r >= '\u202a' && r <= '\u202e':
		return true
	case r >= '\u2066' && r <= '\u2069':
		return true
	case r == '\ufeff' || r == '\u00ad':
		return true
	}
	return false
}

// IsArabicLetter reports whether r is a letter of the Arabic script.
func IsArabicLetter(r rune) bool {
	return unicode.Is(unicode.Arabic, r) && unicode.IsLetter(r)
}

// Digit returns the ASCII digit for an ASCII, Arabic-Indic (٠-٩) or
// Extended Arabic-Indic (۰-۹) digit, and false for anything else.
func Digit(r rune) (byte, bool) {
	switch {
	case r >= '0' && r <= '9':
		return byte(r), true
	case r >= '\u0660' && r <= '\u0669':
		return byte('0' + r - '\u0660'), true
	case r >= '\u06f0' && r <= '\u06f9':
		return byte('0' + r - '\u06f0'), true
	}
	return 0, false
}

// foldRune maps one rune to its matching form; 0 drops it.
func foldRune(r rune) rune {
	switch r {
	case AlefMaddaAbove, AlefHamzaAbove, AlefHamzaBelow, AlefWasla:
		return Alef
	case WawHamzaAbove, YehHamzaAbove:
		// ؤ and ئ are both seated hamza: fold to bare hamza so that
		// مسؤول and مسئول meet (Snowball and PostgreSQL split them).
		return Hamza
	case TehMarbuta:
		return Heh
	case AlefMaksura, FarsiYeh:
		return Yeh
	case Keheh:
		return Kaf
	case Tatweel:
		return 0
	}
	if d, ok := Digit(r); ok {
		return rune(d)
	}
	if IsTashkeel(r) || IsFormatMark(r) {
		return 0
	}
	return unicode.ToLower(r)
}

// Normalize returns the matching key of s: NFKC (presentation forms such as
// ﻻ become لا), tashkeel, tatweel and bidi marks removed, alef and hamza
// forms folded (أ إ آ ٱ → ا, ؤ ئ → ء), ta marbuta → ha, alef maqsura → ya,
// Arabic-Indic digits → ASCII, Latin lower-cased. Whitespace runs become one
// space. Normalize is idempotent.
//
// Normalize runs on every word of every article (NER features, speech
// triggers, entity keys, time expressions), so it has a fast path: text made
// only of runes below U+2100 that NFKC leaves alone in any context (ASCII,
// Latin, Arabic letters, most punctuation; see foldTable) is folded by table lookup in one
// pass, without the NFKC check. Anything else takes the general path. Both
// give the same result.
func Normalize(s string) string {
	if s == "" {
		return ""
	}
	if out, ok := normalizeFast(s); ok {
		return out
	}
	return normalizeSlow(s)
}

// normalizeSlow is the general path: NFKC, then fold rune by rune.
func normalizeSlow(s string) string {
	if !norm.NFKC.IsNormalString(s) {
		s = norm.NFKC.String(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if r == utf8.RuneError {
			continue
		}
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		f := foldRune(r)
		if f == 0 {
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(f)
	}
	return b.String()
}

// foldTable caches, for each rune below foldTableSize, what normalizeSlow
// does with it when NFKC leaves it alone.
const foldTableSize = 0x2100

// Fold table entries: the folded rune (0: dropped), or one of the flags.
const (
	foldSpace  = -1 // whitespace
	foldUnsafe = -2 // NFKC may change it or its neighbours: take the slow path
)

var foldTable = func() (t [foldTableSize]int32) {
	for r := rune(0); r < foldTableSize; r++ {
		t[r] = foldEntry(r)
	}
	return t
}()

// foldEntry computes one foldTable entry. A rune is safe to fold without
// NFKC when NFKC maps it to itself (quick check yes), it has combining class
// 0 (no reordering) and it cannot compose with the rune before it; a text
// made only of such runes is in NFKC already.
func foldEntry(r rune) int32 {
	if r == utf8.RuneError || !utf8.ValidRune(r) {
		return foldUnsafe
	}
	str := string(r)
	p := norm.NFKC.PropertiesString(str)
	if !norm.NFKC.IsNormalString(str) || p.CCC() != 0 || !p.BoundaryBefore() || len(p.Decomposition()) != 0 {
		return foldUnsafe
	}
	if unicode.IsSpace(r) {
		return foldSpace
	}
	return int32(foldRune(r))
}

// normalizeFast folds s by table when every rune is in foldTable and safe;
// ok is false otherwise, and the caller takes the slow path.
func normalizeFast(s string) (string, bool) {
	buf := make([]byte, 0, len(s))
	space := false
	for i := 0; i < len(s); {
		c := s[i]
		var r rune
		if c < utf8.RuneSelf {
			r = rune(c)
			i++
		} else if c&0xe0 == 0xc0 && i+1 < len(s) && s[i+1]&0xc0 == 0x80 {
			r = rune(c&0x1f)<<6 | rune(s[i+1]&0x3f)
			if r < 0x80 {
				return "", false // overlong encoding: invalid UTF-8
			}
			i += 2
		} else if c&0xf0 == 0xe0 && i+2 < len(s) && s[i+1]&0xc0 == 0x80 && s[i+2]&0xc0 == 0x80 {
			r = rune(c&0x0f)<<12 | rune(s[i+1]&0x3f)<<6 | rune(s[i+2]&0x3f)
			if r < 0x800 || r >= foldTableSize {
				return "", false // overlong, or outside the table
			}
			i += 3
		} else {
			return "", false
		}
		f := foldTable[r]
		switch {
		case f == foldUnsafe:
			return "", false
		case f == foldSpace:
			space = len(buf) > 0
			continue
		case f == 0:
			continue
		}
		if space {
			buf = append(buf, ' ')
			space = false
		}
		if f < utf8.RuneSelf {
			buf = append(buf, byte(f))
		} else {
			buf = utf8.AppendRune(buf, rune(f))
		}
	}
	return unsafe.String(unsafe.SliceData(buf), len(buf)), true
}

// NormalizeWord is Normalize for a single token; it is the same function
// under a name that reads better at call sites that key words.
func NormalizeWord(w string) string { return Normalize(w) }

// Clean returns s for display: invalid UTF-8 replaced, NFC, tatweel and bidi
// marks removed, whitespace runs inside a line folded to one space. Tashkeel
// and hamza are kept: this is what users read.
func Clean(s string) string {
	s = strings.ToValidUTF8(s, "\ufffd")
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
