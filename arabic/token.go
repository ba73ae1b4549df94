package arabic

import (
	"unicode"
	"unicode/utf8"
)

// Kind is the class of a token.
type Kind uint8

// Token kinds.
const (
	Word   Kind = iota // a run of letters (any script), with inner marks
	Number             // digits (ASCII or Arabic-Indic), with inner , . / : separators
	Punct              // one punctuation or symbol rune
)

func (k Kind) String() string {
	switch k {
	case Word:
		return "word"
	case Number:
		return "number"
	}
	return "punct"
}

// Token is one word, number or punctuation mark with its place in the
// original text. Start and End are byte offsets: text[Start:End] == Text.
type Token struct {
	Text       string
	Start, End int
	Kind       Kind
	// LineStart is true when only spaces stand between the previous line
	// break (or the start of the text) and this token.
	LineStart bool
}

// Tokenize splits s into words, numbers and punctuation. Tashkeel and
// tatweel stay inside the word they mark; spaces and bidi marks separate
// tokens and are dropped. Invalid UTF-8 bytes are skipped. The tokens cover
// the text in order and never overlap.
func Tokenize(s string) []Token {
	// About one token per 9 bytes of Arabic news text (two bytes a
	// letter, five letters a word, and the space); Latin text grows once.
	toks := make([]Token, 0, len(s)/9+1)
	lineStart := true
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\n':
			lineStart = true
			i += n
			continue
		case r == utf8.RuneError && n <= 1, unicode.IsSpace(r), IsFormatMark(r):
			i += n
			continue
		}
		start := i
		kind := Punct
		switch {
		case isWordRune(r):
			kind = Word
			i += n
			for i < len(s) {
				if c := s[i]; c < utf8.RuneSelf {
					// ASCII: a letter goes on, anything else ends the word
					// (no mark is ASCII).
					if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
						i++
						continue
					}
					break
				}
				r2, n2 := utf8.DecodeRuneInString(s[i:])
				if !isWordRune(r2) && !IsTashkeel(r2) && r2 != Tatweel && !unicode.Is(unicode.Mn, r2) {
					break
				}
				i += n2
			}
		case isDigit(r):
			kind = Number
			i += n
			for i < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[i:])
				if isDigit(r2) {
					i += n2
					continue
				}
				// A separator counts only between two digits: 2023/09/26,
				// 21:15, 3.5, 11,470, ٣٫٥.
				if isNumberSep(r2) && i+n2 < len(s) {
					r3, _ := utf8.DecodeRuneInString(s[i+n2:])
					if isDigit(r3) {
						i += n2
						continue
					}
				}
				break
			}
		default:
			i += n
		}
		toks = append(toks, Token{Text: s[start:i], Start: start, End: i, Kind: kind, LineStart: lineStart})
		lineStart = false
	}
	return toks
}

func isWordRune(r rune) bool {
	// The Arabic letters ء..غ and ف..ي are letters; answering them before
	// the Unicode table search matters, as they are most of the text.
	if (r >= '\u0621' && r <= '\u063a') || (r >= '\u0640' && r <= '\u064a') || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') {
		return true
	}
	return unicode.IsLetter(r) || r == Tatweel
}

func isDigit(r rune) bool {
	_, ok := Digit(r)
	return ok
}

func isNumberSep(r rune) bool {
	switch r {
	case '.', ',', '/', ':', ArabicDecimalSep, '\u066c':
		return true
	}
	return false
}

// Sentence is a span of tokens: toks[From:To].
type Sentence struct {
	From, To int
}

// Sentences splits a token stream into sentences. A sentence ends after . ! ?
// ؟ … or ؛ (when not inside a quotation), and at a line break. Quotation
// marks “ ” « » " stay with the sentence they open or close.
func Sentences(s string, toks []Token) []Sentence {
	var out []Sentence
	from := 0
	depth := 0 // nesting of paired quotation marks
	for i, t := range toks {
		if i > from && t.LineStart {
			out = append(out, Sentence{from, i})
			from = i
			depth = 0
		}
		if t.Kind != Punct {
			continue
		}
		switch t.Text {
		case "“", "«":
			depth++
		case "”", "»":
			if depth > 0 {
				depth--
			}
		case ".", "!", "?", "؟", "…", "؛":
			if depth > 0 || t.Text == "." && AbbreviationPeriod(toks, i) {
				continue
			}
			end := i + 1
			// Keep closing quotes and brackets with the sentence they end.
			for end < len(toks) && toks[end].Kind == Punct && isCloser(toks[end].Text) && !toks[end].LineStart {
				end++
			}
			out = append(out, Sentence{from, end})
			from = end
		}
	}
	if from < len(toks) {
		out = append(out, Sentence{from, len(toks)})
	}
	return out
}

// AbbreviationPeriod reports whether the period at i ends a one-letter
// abbreviation inside a sentence: a title before a name (د. شوقي علام، م.
// محمد الفهيد، أ.د. …), written against its letter and followed by a word
// on the same line. After a number the letter is an era (عام 2015 م.),
// which may end the sentence.
func AbbreviationPeriod(toks []Token, i int) bool {
	if i == 0 || i+1 >= len(toks) {
		return false
	}
	letter, next := toks[i-1], toks[i+1]
	if letter.Kind != Word || letter.End != toks[i].Start || utf8.RuneCountInString(letter.Text) != 1 || !IsArabicLetter([]rune(letter.Text)[0]) {
		return false
	}
	if i >= 2 && toks[i-2].Kind == Number {
		return false
	}
	return next.Kind == Word && !next.LineStart
}

func isCloser(p string) bool {
	switch p {
	case "”", "»", ")", "]", "\"", "'", "’":
		return true
	}
	return false
}
