package extract

import (
	"strings"
	"unicode"
)

// scriptCounts counts letters by script over a sample of text.
type scriptCounts struct {
	arabic, persian, urdu     int // Arabic script; persian/urdu: letters only those languages use
	latin, cyrillic, greek    int
	hebrew, han, kana, hangul int
	devanagari, other         int
	letters                   int
}

// maxLanguageSample bounds the work Language does on a huge input: the
// script mix of the first 256 KiB decides.
const maxLanguageSample = 256 << 10

func countScripts(text string) scriptCounts {
	if len(text) > maxLanguageSample {
		text = text[:maxLanguageSample]
	}
	var c scriptCounts
	for _, r := range text {
		k := scriptNone
		if r < scriptTableSize {
			k = scriptTable[r]
		} else {
			k = scriptOf(r)
		}
		if k == scriptNone {
			continue
		}
		c.letters++
		switch k {
		case scriptLatin:
			c.latin++
		case scriptArabic:
			c.arabic++
		case scriptPersian:
			c.arabic++
			c.persian++
		case scriptUrdu:
			c.arabic++
			c.urdu++
		case scriptCyrillic:
			c.cyrillic++
		case scriptGreek:
			c.greek++
		case scriptHebrew:
			c.hebrew++
		case scriptHan:
			c.han++
		case scriptKana:
			c.kana++
		case scriptHangul:
			c.hangul++
		case scriptDevanagari:
			c.devanagari++
		default:
			c.other++
		}
	}
	return c
}

// script is the class countScripts counts a rune in.
type script uint8

const (
	scriptNone    script = iota // not a letter
	scriptLatin                 // ASCII and Latin letters
	scriptArabic                // other Arabic-script letters
	scriptPersian               // Arabic-script letters only Persian uses
	scriptUrdu                  // Arabic-script letters only Urdu uses
	scriptCyrillic
	scriptGreek
	scriptHebrew
	scriptHan
	scriptKana
	scriptHangul
	scriptDevanagari
	scriptOther
)

// scriptOf classifies one rune with the Unicode tables.
func scriptOf(r rune) script {
	if !unicode.IsLetter(r) {
		return scriptNone
	}
	switch {
	case r < 0x80 || unicode.Is(unicode.Latin, r):
		return scriptLatin
	case unicode.Is(unicode.Arabic, r):
		switch r {
		case 'پ', 'چ', 'ژ', 'گ', 'ی', 'ک':
			return scriptPersian
		case 'ٹ', 'ڈ', 'ڑ', 'ں', 'ے', 'ھ':
			return scriptUrdu
		}
		return scriptArabic
	case unicode.Is(unicode.Cyrillic, r):
		return scriptCyrillic
	case unicode.Is(unicode.Greek, r):
		return scriptGreek
	case unicode.Is(unicode.Hebrew, r):
		return scriptHebrew
	case unicode.Is(unicode.Han, r):
		return scriptHan
	case unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r):
		return scriptKana
	case unicode.Is(unicode.Hangul, r):
		return scriptHangul
	case unicode.Is(unicode.Devanagari, r):
		return scriptDevanagari
	}
	return scriptOther
}

// scriptTable caches scriptOf below U+0800 (Latin, Greek, Cyrillic, Hebrew,
// Arabic): Language reads every letter of every article, and the Unicode
// range tables cost more than the rest of its work.
const scriptTableSize = 0x800

var scriptTable = func() (t [scriptTableSize]script) {
	for r := range rune(scriptTableSize) {
		t[r] = scriptOf(r)
	}
	return t
}()

func (c *scriptCounts) add(o scriptCounts) {
	c.arabic += o.arabic
	c.persian += o.persian
	c.urdu += o.urdu
	c.latin += o.latin
	c.cyrillic += o.cyrillic
	c.greek += o.greek
	c.hebrew += o.hebrew
	c.han += o.han
	c.kana += o.kana
	c.hangul += o.hangul
	c.devanagari += o.devanagari
	c.other += o.other
	c.letters += o.letters
}

// arabicShare is the fraction of letters in the Arabic script.
func (c scriptCounts) arabicShare() float64 {
	if c.letters == 0 {
		return 0
	}
	return float64(c.arabic) / float64(c.letters)
}

// Language returns the ISO 639-1 code of the text's language: "ar" when most
// letters are Arabic script and few are Persian- or Urdu-only letters; "fa",
// "ur", "en", "fr", "ru" … for other texts it can tell by script and a few
// function words; "" when it cannot tell (no letters, an unknown Latin
// language). It looks at scripts, not words: an Arabic article full of
// English names is still Arabic.
func Language(text string) string {
	c := countScripts(text)
	if c.letters == 0 {
		return ""
	}
	if c.arabicShare() >= 0.5 {
		// Persian and Urdu write with the Arabic script plus letters
		// Arabic lacks; an Arabic text has almost none of them (ی and ک
		// show up in badly encoded Arabic, hence the 3% margin).
		if c.urdu*100 > c.arabic*3 {
			return "ur"
		}
		if c.persian*100 > c.arabic*3 {
			return "fa"
		}
		return "ar"
	}
	best, code := 0, ""
	for _, s := range []struct {
		n    int
		code string
	}{
		{c.latin, "latin"}, {c.cyrillic, "ru"}, {c.greek, "el"}, {c.hebrew, "he"},
		{c.han, "zh"}, {c.kana, "ja"}, {c.hangul, "ko"}, {c.devanagari, "hi"}, {c.arabic, "ar"},
	} {
		if s.n > best {
			best, code = s.n, s.code
		}
	}
	if code == "ja" || (code == "zh" && c.kana > 0) {
		return "ja"
	}
	if code == "latin" {
		return latinLanguage(text)
	}
	return code
}

// Function words of the Latin-script languages marsad is likely to meet in a
// news crawl; the language with the most hits wins.
var latinStopwords = map[string][]string{
	"en": {"the", "and", "of", "to", "in", "is", "that", "for", "with", "was", "on", "said"},
	"fr": {"le", "la", "les", "de", "des", "et", "est", "une", "du", "pour", "dans", "que"},
	"es": {"el", "los", "las", "del", "y", "que", "por", "una", "con", "para", "es", "en"},
	"de": {"der", "die", "das", "und", "ist", "nicht", "mit", "den", "von", "zu", "ein", "auf"},
	"it": {"il", "di", "che", "della", "per", "non", "sono", "gli", "una", "con", "del", "le"},
	"tr": {"ve", "bir", "bu", "için", "ile", "da", "de", "olarak", "olan", "çok", "ama", "gibi"},
	"id": {"yang", "dan", "di", "dengan", "untuk", "dari", "ini", "itu", "pada", "tidak", "akan", "dalam"},
}

// latinIndex maps a function word to the languages that use it.
var latinIndex = func() map[string][]string {
	m := map[string][]string{}
	for lang, words := range latinStopwords {
		for _, w := range words {
			m[w] = append(m[w], lang)
		}
	}
	return m
}()

func latinLanguage(text string) string {
	if len(text) > maxLanguageSample {
		text = text[:maxLanguageSample]
	}
	counts := map[string]int{}
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) }) {
		for _, lang := range latinIndex[w] {
			counts[lang]++
		}
	}
	best, code := 0, ""
	for _, lang := range []string{"en", "fr", "es", "de", "it", "tr", "id"} {
		if counts[lang] > best {
			best, code = counts[lang], lang
		}
	}
	if best < 2 {
		return ""
	}
	return code
}
