package reader

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"path"
	"strings"
)

// sniffLen is how much of an input Detect needs to see.
const sniffLen = 4096

// Detect names the format of an input from its first bytes (a few KB are
// enough) and, only where the content leaves it open, from its name. It
// never fails: what is not recognisably something else is Text, and the
// text reader rejects binary data.
func Detect(data []byte, name string) Format {
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")), bytes.HasPrefix(data, []byte("PK\x05\x06")):
		return Zip
	case bytes.HasPrefix(data, []byte("WARC/")):
		return WARC
	case bytes.HasPrefix(data, []byte{0x1f, 0x8b}):
		if zr, err := gzip.NewReader(bytes.NewReader(data)); err == nil {
			zr.Multistream(false)
			head := make([]byte, 5)
			if n, _ := io.ReadFull(zr, head); n == 5 && string(head) == "WARC/" {
				return WARC
			}
		}
		return Gzip
	}
	s := trimStart(data)
	ext := strings.ToLower(path.Ext(name))
	switch {
	case len(s) == 0:
		return Text
	case s[0] == '[':
		if ext == ".txt" && !jsonStart(s) {
			return Text
		}
		return JSON
	case s[0] == '{':
		return jsonOrLines(s, ext)
	case s[0] == '<':
		return markup(s, ext)
	}
	if (ext == ".html" || ext == ".htm") && bytes.Contains(lower(s), []byte("<p")) {
		return HTML
	}
	return Text
}

// trimStart skips a UTF-8 BOM and leading white space.
func trimStart(data []byte) []byte {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	return bytes.TrimLeft(data, " \t\r\n\f")
}

// lower returns a copy of the first sniffLen bytes of s with ASCII
// letters lower-cased; tag names are ASCII, and leaving other bytes alone
// is much cheaper than Unicode case mapping.
func lower(s []byte) []byte {
	if len(s) > sniffLen {
		s = s[:sniffLen]
	}
	out := make([]byte, len(s))
	for i, c := range s {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		out[i] = c
	}
	return out
}

// jsonStart reports whether s begins like a JSON array of values, not like
// text that starts with a bracket ("[صورة] ...").
func jsonStart(s []byte) bool {
	dec := json.NewDecoder(bytes.NewReader(s))
	if _, err := dec.Token(); err != nil {
		return false
	}
	_, err := dec.Token()
	return err == nil || err == io.EOF
}

// jsonOrLines tells one JSON object (possibly spread over lines) from JSON
// Lines: in the latter, the first line alone is a complete value.
func jsonOrLines(s []byte, ext string) Format {
	if ext == ".jsonl" || ext == ".ndjson" {
		return JSONL
	}
	line, rest, found := bytes.Cut(s, []byte("\n"))
	if json.Valid(bytes.TrimSpace(line)) {
		if found && len(bytes.TrimSpace(rest)) > 0 {
			return JSONL
		}
		return JSON
	}
	return JSON
}

// markup tells feeds from web pages by their root element.
func markup(s []byte, ext string) Format {
	l := lower(s)
	// Skip the XML prolog, comments, processing instructions and doctype.
	for {
		l = bytes.TrimLeft(l, " \t\r\n\f")
		switch {
		case bytes.HasPrefix(l, []byte("<?")):
			l = after(l, "?>")
		case bytes.HasPrefix(l, []byte("<!--")):
			l = after(l, "-->")
		case bytes.HasPrefix(l, []byte("<!doctype html")):
			return HTML
		case bytes.HasPrefix(l, []byte("<!")):
			l = after(l, ">")
		default:
			goto root
		}
	}
root:
	for _, tag := range []string{"<rss", "<feed", "<rdf:rdf", "<rdf "} {
		if bytes.HasPrefix(l, []byte(tag)) {
			return Feed
		}
	}
	if ext == ".rss" || ext == ".atom" {
		return Feed
	}
	for _, tag := range []string{"<html", "<head", "<body", "<meta", "<title", "<div", "<p", "<article", "<section", "<h1", "<h2", "<table", "<span", "<a ", "<script", "<link", "<style", "<header", "<main", "<ul", "<center", "<font"} {
		if bytes.HasPrefix(l, []byte(tag)) {
			return HTML
		}
	}
	if bytes.Contains(l, []byte("<html")) || bytes.Contains(l, []byte("<body")) {
		return HTML
	}
	if ext == ".html" || ext == ".htm" || ext == ".xhtml" {
		return HTML
	}
	return Text
}

func after(l []byte, end string) []byte {
	if i := bytes.Index(l, []byte(end)); i >= 0 {
		return l[i+len(end):]
	}
	return nil
}
