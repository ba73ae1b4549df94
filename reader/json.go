package reader

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/reader/charset"
)

// jsonArticle is the union of the two JSON shapes marsad reads: the
// SaudiNewsNet dump (source, url, date_extracted, title, author, content)
// and marsad's own export (the marsad.Article JSON).
type jsonArticle struct {
	// SaudiNewsNet.
	Source        string `json:"source"`
	DateExtracted string `json:"date_extracted"` // crawl time, never the publication time
	Content       string `json:"content"`

	// marsad export.
	Body      string          `json:"body"`
	Published json.RawMessage `json:"published"`
	Updated   json.RawMessage `json:"updated"`
	Outlet    string          `json:"outlet"`
	Dateline  string          `json:"dateline"`
	Language  string          `json:"language"`

	// Both.
	URL    string `json:"url"`
	Title  string `json:"title"`
	Author string `json:"author"`
}

// jsonArray reads a JSON array of articles element by element, so that a
// dump of any size is never held in memory whole; a single article object
// (or a stream of them) is read too. A syntax error ends the input, since
// nothing after it can be trusted; an element of the wrong shape is
// reported and skipped.
func (w *walker) jsonArray(name string, r io.Reader) error {
	cr := &capReader{r: r, max: w.max}
	dec := json.NewDecoder(cr)
	cr.dec = dec
	tok, err := dec.Token()
	if err != nil {
		return w.fail(name, jsonError(err))
	}
	array := tok == json.Delim('[')
	if !array {
		if tok != json.Delim('{') {
			return w.fail(name, fmt.Errorf("%w: JSON: top-level %v is not an array or object", marsad.ErrMalformed, tok))
		}
		// Rewind the one-token look-ahead: decode objects from the start.
		return w.jsonObjects(name, r, cr)
	}
	for i := 1; dec.More(); i++ {
		src := name + "#" + strconv.Itoa(i)
		// Decoding straight into the struct parses each element once; a
		// value of the wrong type is consumed whole, so the next element
		// can still be read.
		var j jsonArticle
		err := dec.Decode(&j)
		cr.mark()
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &te):
			if err := w.fail(src, jsonError(err)); err != nil {
				return err
			}
			continue
		case err != nil:
			return w.fail(src, jsonError(err))
		}
		rec, err := j.record()
		if err != nil {
			if err := w.fail(src, err); err != nil {
				return err
			}
			continue
		}
		rec.Source, rec.Article.File = src, src
		if err := w.emit(rec); err != nil {
			return err
		}
	}
	if _, err := dec.Token(); err != nil {
		return w.fail(name, jsonError(err))
	}
	return nil
}

// jsonObjects reads one object or a stream of objects. The decoder in
// jsonArray consumed the opening brace, so reading restarts from the bytes
// it buffered.
func (w *walker) jsonObjects(name string, r io.Reader, cr *capReader) error {
	buffered := cr.dec.Buffered()
	rest := io.MultiReader(strings.NewReader("{"), buffered, r)
	ncr := &capReader{r: rest, max: w.max}
	dec := json.NewDecoder(ncr)
	ncr.dec = dec
	for i := 1; ; i++ {
		var raw json.RawMessage
		err := dec.Decode(&raw)
		if err == io.EOF {
			return nil
		}
		src := name
		if i > 1 {
			src = name + "#" + strconv.Itoa(i)
		}
		if err != nil {
			return w.fail(src, jsonError(err))
		}
		ncr.mark()
		if list := wrappedArticles(raw); list != nil {
			if err := w.jsonList(src, list); err != nil {
				return err
			}
			continue
		}
		if err := w.jsonRecord(src, raw, JSON); err != nil {
			return err
		}
	}
}

// wrappedArticles returns the array of an {"articles": [...]} object that
// has no article of its own; nil for anything else.
func wrappedArticles(raw []byte) []json.RawMessage {
	var w struct {
		Articles []json.RawMessage `json:"articles"`
		Body     string            `json:"body"`
		Content  string            `json:"content"`
	}
	if !bytes.Contains(raw, []byte(`"articles"`)) || json.Unmarshal(raw, &w) != nil {
		return nil
	}
	if w.Articles == nil || w.Body != "" || w.Content != "" {
		return nil
	}
	return w.Articles
}

func (w *walker) jsonList(name string, list []json.RawMessage) error {
	for i, raw := range list {
		if err := w.jsonRecord(name+"#"+strconv.Itoa(i+1), raw, JSON); err != nil {
			return err
		}
	}
	return nil
}

// jsonLines reads JSON Lines; a bad line is reported and the next one read.
func (w *walker) jsonLines(name string, r io.Reader) error {
	br := bufio.NewReaderSize(r, 64<<10)
	for n := 1; ; n++ {
		line, err := readLine(br, w.max)
		if errors.Is(err, marsad.ErrTooLarge) {
			if err := w.fail(name+"#"+strconv.Itoa(n), err); err != nil {
				return err
			}
			continue
		}
		if err != nil && err != io.EOF {
			return w.fail(name, fmt.Errorf("read: %s", oneLine(err)))
		}
		if trimmed := bytes.TrimSpace(line); len(trimmed) > 0 {
			if e := w.jsonRecord(name+"#"+strconv.Itoa(n), trimmed, JSONL); e != nil {
				return e
			}
		}
		if err == io.EOF {
			return nil
		}
	}
}

// readLine returns the next line without its newline. A line longer than
// max is skipped to its end and reported with marsad.ErrTooLarge.
func readLine(br *bufio.Reader, max int64) ([]byte, error) {
	var line []byte
	tooLong := false
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if int64(len(line)+len(chunk)) > max {
				tooLong, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		switch {
		case err == bufio.ErrBufferFull:
			continue
		case tooLong:
			if err != nil && err != io.EOF {
				return nil, err
			}
			return nil, fmt.Errorf("%w: line over %d bytes", marsad.ErrTooLarge, max)
		}
		return bytes.TrimSuffix(line, []byte("\n")), err
	}
}

// jsonRecord turns one JSON value into a record, or reports why it cannot.
func (w *walker) jsonRecord(src string, raw []byte, format Format) error {
	rec, err := decodeArticle(raw)
	if err != nil {
		return w.fail(src, err)
	}
	rec.Format = format
	rec.Source = src
	rec.Article.File = src
	return w.emit(rec)
}

// decodeArticle reads one article in either JSON shape. A publication date
// that is not in marsad's date format goes to Record.RawDate; the crawl
// time of SaudiNewsNet goes to Record.Crawled and never to Published.
func decodeArticle(raw []byte) (*Record, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || raw[0] != '{' {
		return nil, fmt.Errorf("%w: JSON record is not an object", marsad.ErrMalformed)
	}
	if !utf8Valid(raw) {
		return nil, marsad.ErrInvalidUTF8
	}
	var j jsonArticle
	if err := json.Unmarshal(raw, &j); err != nil {
		return nil, jsonError(err)
	}
	return j.record()
}

// record turns a decoded article into a record.
func (j *jsonArticle) record() (*Record, error) {
	body := j.Body
	if strings.TrimSpace(body) == "" {
		body = j.Content
	}
	body = cleanLines(body)
	title := strings.Join(strings.Fields(j.Title), " ")
	if body == "" {
		return nil, fmt.Errorf("%w: empty body", marsad.ErrNoBody)
	}
	rec := &Record{Format: JSON, Encoding: "utf-8"}
	a := &marsad.Article{
		URL:      strings.TrimSpace(j.URL),
		Title:    title,
		Author:   strings.Join(strings.Fields(j.Author), " "),
		Outlet:   strings.TrimSpace(j.Outlet),
		Dateline: strings.TrimSpace(j.Dateline),
		Body:     body,
		Language: strings.TrimSpace(j.Language),
	}
	if a.Outlet == "" {
		// SaudiNewsNet names the outlet by a short slug ("aawsat").
		a.Outlet = strings.TrimSpace(j.Source)
	}
	if a.Language == "" && charset.ArabicRatio(prefix(body, 2048)) > 0.5 {
		a.Language = "ar"
	}
	var raws []string
	a.Published, raws = jsonDate(j.Published, raws)
	a.Updated, _ = jsonDate(j.Updated, nil)
	if len(raws) > 0 {
		rec.RawDate = raws[0]
	}
	if t, err := time.Parse("2006-01-02 15:04:05", strings.TrimSpace(j.DateExtracted)); err == nil {
		rec.Crawled = t
	}
	rec.Article = a
	return rec, nil
}

// jsonDate reads a date written by marsad.Date; another string is appended
// to raws for the caller's date parser.
func jsonDate(raw json.RawMessage, raws []string) (marsad.Date, []string) {
	if len(raw) == 0 || string(raw) == "null" {
		return marsad.Date{}, raws
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return marsad.Date{}, raws
	}
	s = strings.TrimSpace(s)
	d, err := marsad.ParseDate(s)
	if err != nil {
		if s != "" {
			raws = append(raws, strings.Join(strings.Fields(s), " "))
		}
		return marsad.Date{}, raws
	}
	return d, raws
}

// cleanLines trims each line and drops empty ones, so that bodies from
// dumps have the "\n"-joined paragraphs of the other readers.
func cleanLines(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for rest := s; rest != ""; {
		var l string
		l, rest, _ = strings.Cut(rest, "\n") // a "\r" before the "\n" is trimmed as space
		if l = strings.TrimSpace(l); l == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(l)
	}
	return b.String()
}

func jsonError(err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.Is(err, marsad.ErrTooLarge):
		return err
	case errors.Is(err, io.ErrUnexpectedEOF) || err == io.EOF:
		return fmt.Errorf("%w: JSON: unexpected end of input", marsad.ErrMalformed)
	case errors.As(err, &se):
		return fmt.Errorf("%w: JSON: %s at byte %d", marsad.ErrMalformed, oneLine(se), se.Offset)
	case errors.As(err, &te) && te.Field == "":
		return fmt.Errorf("%w: JSON record is %s, not an object", marsad.ErrMalformed, te.Value)
	case errors.As(err, &te):
		return fmt.Errorf("%w: JSON: field %q is %s, want %s", marsad.ErrMalformed, te.Field, te.Value, te.Type)
	}
	return fmt.Errorf("%w: JSON: %s", marsad.ErrMalformed, oneLine(err))
}

// capReader limits how far a json.Decoder may read past the end of the
// last complete value, so that one giant array element fails with
// marsad.ErrTooLarge instead of filling memory.
type capReader struct {
	r    io.Reader
	dec  *json.Decoder
	max  int64
	read int64 // bytes handed to the decoder
	last int64 // decoder offset at the end of the last value
}

func (c *capReader) mark() { c.last = c.dec.InputOffset() }

func (c *capReader) Read(p []byte) (int, error) {
	if c.read-c.last > c.max+64<<10 {
		return 0, fmt.Errorf("%w: JSON value over %d bytes", marsad.ErrTooLarge, c.max)
	}
	n, err := c.r.Read(p)
	c.read += int64(n)
	return n, err
}

func utf8Valid(b []byte) bool { return utf8.Valid(b) }

// prefix is at most the first n bytes of s, cut at a rune boundary; enough
// to judge the script of a text.
func prefix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
