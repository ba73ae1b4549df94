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
	switch {
	case r < 0x0600:
		return false // the Arabic script starts at U+0600
	case r <= 0x06ff:
		return arabicBlockLetters[r-0x0600] // most calls: a table, not the Unicode range tables
	}
	return unicode.Is(unicode.Arabic, r) && unicode.IsLetter(r)
}

// arabicBlockLetters caches IsArabicLetter for the main Arabic block
// (U+0600–U+06FF), where nearly every rune of Arabic text falls.
var arabicBlockLetters = func() (t [0x100]bool) {
	for i := range t {
		r := rune(0x0600 + i)
		t[i] = unicode.Is(unicode.Arabic, r) && unicode.IsLetter(r)
	}
	return t
}()

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

// FoldRune returns the matching form Normalize gives one rune, 0 when it
// drops it, without NFKC's context: for checks on a word's last letters
// that should not pay for normalizing the whole word.
func FoldRune(r rune) rune { return foldRune(r) }

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
// triggers, entity keys, time expressions) and on whole bodies (content
// hashes), so it has a fast path: runes below U+2100 that NFKC leaves alone
// in any context (ASCII, Latin, Arabic letters, most punctuation; see
// foldTable) are folded by table lookup, without NFKC. A run of other runes
// is cut out at the safe runes around it, where NFKC cannot reach across,
// and takes the general path (normalizeSlow). The result is the same as
// normalizeSlow on the whole string.
func Normalize(s string) string {
	if isNormal(s) {
		return s // most words of Arabic text: no copy, no NFKC
	}
	return normalize(s)
}

// normalize is Normalize's general path.
func normalize(s string) string {
	if s == "" {
		return ""
	}
	buf := make([]byte, 0, len(s))
	space := false
	// seg is where the current run of safe runes could start a slow
	// segment: the last safe rune, with the output and space state from
	// before it (it may compose with a combining mark after it).
	seg, segLen, segSpace := 0, 0, false
	slow := false    // some segment took the general path
	checked := false // the text after the first unsafe rune is valid UTF-8
	for i := 0; i < len(s); {
		r, n := decodeTable(s, i)
		f := int32(foldUnsafe)
		if n > 0 {
			f = foldTable[r]
		}
		if f == foldUnsafe {
			if !checked {
				// NFKC's treatment of invalid bytes depends on what
				// surrounds them; only the whole string gives the
				// general path's answer.
				if !utf8.ValidString(s[i:]) {
					return normalizeSlow(s)
				}
				checked = true
			}
			// Roll back to the last safe rune and normalize from there to
			// the next safe rune the general way.
			end := nextSafe(s, i)
			buf, space = buf[:segLen], segSpace
			buf, space = foldSlow(buf, space, s[seg:end])
			slow = true
			i, seg, segLen, segSpace = end, end, len(buf), space
			continue
		}
		seg, segLen, segSpace = i, len(buf), space
		i += n
		switch {
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
	out := unsafe.String(unsafe.SliceData(buf), len(buf))
	if slow {
		out = refold(out)
	}
	return out
}

// decodeTable decodes the rune at s[i] when it is valid UTF-8 and inside
// foldTable; n is 0 otherwise.
func decodeTable(s string, i int) (r rune, n int) {
	c := s[i]
	switch {
	case c < utf8.RuneSelf:
		return rune(c), 1
	case c&0xe0 == 0xc0 && i+1 < len(s) && s[i+1]&0xc0 == 0x80:
		r = rune(c&0x1f)<<6 | rune(s[i+1]&0x3f)
		if r < 0x80 {
			return 0, 0 // overlong: invalid UTF-8
		}
		return r, 2
	case c&0xf0 == 0xe0 && i+2 < len(s) && s[i+1]&0xc0 == 0x80 && s[i+2]&0xc0 == 0x80:
		r = rune(c&0x0f)<<12 | rune(s[i+1]&0x3f)<<6 | rune(s[i+2]&0x3f)
		if r < 0x800 || r >= foldTableSize {
			return 0, 0 // overlong, or outside the table
		}
		return r, 3
	}
	return 0, 0
}

// nextSafe returns the offset of the first safe rune after the unsafe one
// at s[i], or len(s).
func nextSafe(s string, i int) int {
	_, n := utf8.DecodeRuneInString(s[i:])
	for i += n; i < len(s); i += n {
		var r rune
		if r, n = decodeTable(s, i); n > 0 && foldTable[r] != foldUnsafe {
			return i
		}
		if n == 0 {
			_, n = utf8.DecodeRuneInString(s[i:])
		}
	}
	return len(s)
}

// normalizeSlow is Normalize without the fast path: NFKC over the whole
// string, then fold rune by rune. Tests hold Normalize to it.
func normalizeSlow(s string) string {
	buf, _ := foldSlow(nil, false, s)
	return refold(string(buf))
}

// refold makes Normalize idempotent where folding itself breaks NFKC: a
// dropped rune (U+FFFD, a bidi mark, an invalid byte) between two combining
// marks leaves them out of canonical order. Such an output is normalized
// again; text made of safe runes never needs it.
func refold(s string) string {
	for range 3 {
		if allSafe(s) || norm.NFKC.IsNormalString(s) {
			break
		}
		buf, _ := foldSlow(nil, false, s)
		s = string(buf)
	}
	return s
}

// foldSlow appends the folded NFKC form of s to buf. space is true when a
// whitespace run is pending; a run at the start of the output is dropped.
func foldSlow(buf []byte, space bool, s string) ([]byte, bool) {
	if !norm.NFKC.IsNormalString(s) {
		s = norm.NFKC.String(s)
	}
	for _, r := range s {
		if r == utf8.RuneError {
			continue
		}
		if unicode.IsSpace(r) {
			space = len(buf) > 0
			continue
		}
		f := foldRune(r)
		if f == 0 {
			continue
		}
		if space {
			buf = append(buf, ' ')
			space = false
		}
		buf = utf8.AppendRune(buf, f)
	}
	return buf, space
}

// allSafe reports whether s is made only of safe runes of foldTable, and
// so is in NFKC: a cheaper test than NFKC's quick check.
func allSafe(s string) bool {
	for i := 0; i < len(s); {
		r, n := decodeTable(s, i)
		if n == 0 || foldTable[r] == foldUnsafe {
			return false
		}
		i += n
	}
	return true
}

// foldTable caches, for each rune below foldTableSize, what foldSlow does
// with it when NFKC leaves it alone.
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
// 0 (no reordering) and it cannot compose with the rune before it. NFKC
// cannot reach across such a rune, and a text made only of them is in NFKC
// already.
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
	f := foldRune(r)
	if f != 0 && f != r && foldEntry(f) == foldUnsafe {
		return foldUnsafe // the folded rune needs NFKC: leave it to the slow path
	}
	return int32(f)
}

// Clean returns s for display: invalid UTF-8 replaced, NFC, tatweel and bidi
// marks removed, whitespace runs inside a line folded to one space. Tashkeel
// and hamza are kept: this is what users read.
func Clean(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\ufffd")
	}
	s = nfc(s)
	buf := make([]byte, 0, len(s))
	space := false
	for i := 0; i < len(s); {
		c := s[i]
		n := 1
		switch {
		case c == '\n':
			space = false
			buf = append(buf, c)
			i++
			continue
		case c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r':
			space = true
			i++
			continue
		case c < utf8.RuneSelf:
		case (c == 0xd8 || c == 0xd9) && i+1 < len(s):
			// U+0600–U+067F, the Arabic letters: kept, but for tatweel
			// and the Arabic letter mark.
			n = 2
			if r := rune(c&0x1f)<<6 | rune(s[i+1]&0x3f); r == Tatweel || r == '\u061c' {
				i += n
				continue
			}
		default:
			var r rune
			r, n = utf8.DecodeRuneInString(s[i:])
			if r == Tatweel || IsFormatMark(r) {
				i += n
				continue
			}
			if unicode.IsSpace(r) {
				space = true
				i += n
				continue
			}
		}
		if space {
			if len(buf) > 0 && buf[len(buf)-1] != '\n' {
				buf = append(buf, ' ')
			}
			space = false
		}
		buf = append(buf, s[i:i+n]...)
		i += n
	}
	return unsafe.String(unsafe.SliceData(buf), len(buf))
}

// nfc is norm.NFC.String(s) for valid UTF-8, run only over the stretches
// that need it: a run of runes outside foldTable's safe set, with the safe
// rune before it (it may compose with what follows). NFC cannot reach across
// a safe rune, so the rest of s is in NFC already and is kept as it is.
func nfc(s string) string {
	var buf []byte // nil while nothing changed
	done := 0      // s[:done] is in buf, when buf is set
	seg := 0       // where a stretch would start: the last safe rune
	for i := 0; i < len(s); {
		r, n := decodeTable(s, i)
		if n > 0 && foldTable[r] != foldUnsafe {
			seg = i
			i += n
			continue
		}
		end := nextSafe(s, i)
		if part := s[seg:end]; !norm.NFC.IsNormalString(part) {
			if buf == nil {
				buf = make([]byte, 0, len(s)+8)
			}
			buf = append(buf, s[done:seg]...)
			buf = norm.NFC.AppendString(buf, part)
			done = end
		}
		i, seg = end, end
	}
	if buf == nil {
		return s
	}
	buf = append(buf, s[done:]...)
	return unsafe.String(unsafe.SliceData(buf), len(buf))
}

// isNormal reports that Normalize would return w unchanged because it
// holds only bare Arabic letters (not the hamza seats, ta marbuta, alef
// maqsura or tatweel that Normalize folds) and lower-case ASCII letters.
// Most words of Arabic text are such words; a byte scan answers for them.
func isNormal(w string) bool {
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= 'a' && c <= 'z':
			continue
		case c == 0xd8 || c == 0xd9:
			// U+0600–U+067F: a two-byte sequence d8 xx or d9 xx.
		default:
			return false
		}
		if i+1 >= len(w) {
			return false
		}
		r := rune(c&0x1f)<<6 | rune(w[i+1]&0x3f)
		if w[i+1]&0xc0 != 0x80 || r < 'ء' || r > 'ي' {
			return false
		}
		switch r {
		case 'أ', 'إ', 'آ', 'ؤ', 'ئ', 'ة', 'ى', 'ـ':
			return false
		}
		i++
	}
	return true
}
