package extract

import (
	"bytes"
	"unicode/utf8"

	"github.com/marsad-news/marsad"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// MaxSize is the largest input Text accepts. No news article comes near it;
// a bigger file is a dump or an attack, and reading it whole would cost the
// memory of every concurrent reader.
const MaxSize = 20 << 20

// binarySignatures are the openings of binary formats a crawl dumps next to
// its text files; such data is rejected even before its control bytes are
// counted.
var binarySignatures = [][]byte{
	[]byte("%PDF-"), []byte("PK\x03\x04"), []byte("\x1f\x8b"), []byte("\x89PNG"),
	[]byte("GIF87a"), []byte("GIF89a"), []byte("\xff\xd8\xff"), []byte("Rar!"),
	[]byte("7z\xbc\xaf"), []byte("\x7fELF"), []byte("SQLite format 3"),
}

// decodeText turns raw bytes into UTF-8 text, or says why it cannot: the
// sentinel errors of package marsad, unwrapped.
func decodeText(data []byte) (string, error) {
	if len(data) > MaxSize {
		return "", marsad.ErrTooLarge
	}
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		data = data[3:]
	case bytes.HasPrefix(data, []byte("\xff\xfe")), bytes.HasPrefix(data, []byte("\xfe\xff")):
		// UTF-16 with a byte order mark: Notepad's "Unicode". Its NUL
		// bytes are not binary data.
		dec := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder()
		out, err := dec.Bytes(data)
		if err != nil {
			return "", marsad.ErrInvalidUTF8
		}
		data = out
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return "", marsad.ErrEmpty
	}
	if isBinary(data) {
		return "", marsad.ErrBinary
	}
	if utf8.Valid(data) {
		return string(data), nil
	}
	// Mostly UTF-8 with a few broken bytes (a truncated crawl, a bad
	// splice) stays UTF-8: decoding it as a legacy code page would turn
	// all its good Arabic into mojibake.
	good, bad := countUTF8(data)
	if good > 0 && bad*20 <= good {
		return string(bytes.ToValidUTF8(data, nil)), nil
	}
	// Arabic sites of the 2000s served windows-1256; any byte sequence
	// decodes, so keep the result only if it reads as Arabic.
	out, err := charmap.Windows1256.NewDecoder().Bytes(data)
	if err == nil && Language(string(out)) == "ar" {
		return string(out), nil
	}
	return "", marsad.ErrInvalidUTF8
}

// isBinary reports data that is not text: a known binary signature, a NUL
// byte, or more than 1% C0 control bytes other than whitespace and ESC in the
// first 64 KiB.
func isBinary(data []byte) bool {
	for _, sig := range binarySignatures {
		if bytes.HasPrefix(data, sig) {
			return true
		}
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return true
	}
	sample := data
	if len(sample) > 64<<10 {
		sample = sample[:64<<10]
	}
	controls := 0
	for _, c := range sample {
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1b) || c == 0x7f {
			controls++
		}
	}
	return controls*100 > len(sample)
}

// countUTF8 counts valid multi-byte sequences and invalid bytes.
func countUTF8(data []byte) (good, bad int) {
	for len(data) > 0 {
		r, n := utf8.DecodeRune(data)
		switch {
		case r == utf8.RuneError && n == 1:
			bad++
		case n > 1:
			good++
		}
		data = data[n:]
	}
	return good, bad
}
