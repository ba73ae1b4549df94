// Package warc reads the web pages stored in WARC files (ISO 28500), plain
// or gzip-compressed per record, as web crawlers and archives write them.
//
// gowarc parses the WARC records; this package decodes what gowarc leaves
// as it was sent on the wire: chunked transfer encoding and gzip or deflate
// content encoding of the HTTP payload. Records that hold no web page
// (requests, metadata, warcinfo, images, redirects) are skipped and reported
// through Reader.OnSkip, so that a caller can say how many it passed over
// and why.
package warc

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/http/httputil"
	"net/textproto"
	"strconv"
	"strings"
	"time"

	"github.com/marsad-news/marsad"
	"github.com/nlnwa/gowarc"
)

// Page is an HTML page captured in a WARC response (or resource) record.
type Page struct {
	Record      int       // ordinal of the record in the file, from 1
	ID          string    // WARC-Record-ID
	URI         string    // WARC-Target-URI
	Captured    time.Time // WARC-Date: when the crawler fetched it, not when it was published
	ContentType string    // the HTTP Content-Type, with its charset parameter
	Body        []byte    // the payload, de-chunked and decompressed
}

// RecordError reports a record that could not be read; the records after
// it can still be read.
type RecordError struct {
	Record int
	Err    error
}

func (e *RecordError) Error() string { return fmt.Sprintf("record %d: %v", e.Record, e.Err) }
func (e *RecordError) Unwrap() error { return e.Err }

// Reader reads pages from a WARC stream.
type Reader struct {
	// OnSkip, when set, is called for each record that is not an HTML page
	// with its ordinal and a short reason ("request record", "image/png").
	OnSkip func(record int, reason string)

	maxSize int64
	src     *eofAfterError
	wr      *gowarc.WarcFileReader
	rec     gowarc.WarcRecord // the record last returned by gowarc
	n       int
	err     error // sticky fatal error
}

// NewReader returns a Reader over r that refuses payloads larger than
// maxSize bytes (after decoding) with a RecordError wrapping
// marsad.ErrTooLarge. Close releases its buffers; it does not close r.
func NewReader(r io.Reader, maxSize int64) (*Reader, error) {
	br := bufio.NewReader(r)
	var in io.Reader = br
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		// A .warc.gz is a series of gzip members, one per record; read as
		// one multistream it is the plain WARC.
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("%w: warc: gzip: %v", marsad.ErrMalformed, err)
		}
		in = zr
	}
	src := &eofAfterError{r: in, budget: -1}
	// Lenient on the WARC standard (no digests, unknown record types), but
	// strict on syntax: gowarc's lenient syntax mode retries a failing
	// read for ever (a corrupt gzip member inside the stream).
	wr, err := gowarc.NewWarcFileReaderFromStream(src, 0,
		gowarc.WithNoValidation(), gowarc.WithSyntaxErrorPolicy(gowarc.ErrFail))
	if err != nil {
		return nil, fmt.Errorf("%w: warc: %v", marsad.ErrMalformed, err)
	}
	return &Reader{maxSize: maxSize, wr: wr, src: src}, nil
}

// eofAfterError turns the first read error into io.EOF and keeps it.
// gowarc's lenient header parser loops for ever on a reader that keeps
// failing (a corrupt gzip member), but stops at EOF; Next reports the
// kept error. It also bounds what gowarc may read while it parses one
// record's header, which it would otherwise do without limit (a header
// of endless lines, as a small gzip bomb inflates to).
type eofAfterError struct {
	r      io.Reader
	err    error
	budget int64 // bytes left for the current header; <0 for no limit
}

// maxHeader bounds the bytes read to parse one WARC header, counting
// gowarc's 1 MB read-ahead.
const maxHeader = 8 << 20

var errHeaderTooLong = errors.New("WARC header or garbage between records over 8 MB")

func (e *eofAfterError) Read(p []byte) (int, error) {
	if e.err != nil {
		return 0, io.EOF
	}
	if e.budget == 0 {
		e.err = errHeaderTooLong
		return 0, io.EOF
	}
	if e.budget > 0 && int64(len(p)) > e.budget {
		p = p[:e.budget]
	}
	n, err := e.r.Read(p)
	if e.budget > 0 {
		e.budget -= int64(n)
	}
	if err != nil && err != io.EOF {
		e.err = err
		err = io.EOF
	}
	return n, err
}

// Close releases the reader's buffers.
func (r *Reader) Close() error {
	if r.wr == nil {
		return nil
	}
	wr := r.wr
	r.wr = nil
	wr.Close() // the source is not an io.Closer, so only buffers are freed
	return nil
}

// Next returns the next HTML page. At the end of the stream it returns
// io.EOF. A *RecordError concerns one record and the caller may call Next
// again; any other error is final and wraps marsad.ErrMalformed.
func (r *Reader) Next() (page *Page, err error) {
	// gowarc indexes slices without bounds checks on some malformed
	// headers ("WARC/\n"); a panic there ends this file, not the batch.
	defer func() {
		if p := recover(); p != nil {
			r.err = fmt.Errorf("%w: warc: record %d: parser failed: %v", marsad.ErrMalformed, r.n, p)
			page, err = nil, r.err
		}
	}()
	for {
		if r.err != nil {
			return nil, r.err
		}
		if r.wr == nil {
			return nil, io.EOF
		}
		// Finish the previous record first, so that skipping its block
		// does not count against the header budget.
		if r.rec != nil {
			r.rec.Close()
			r.rec = nil
		}
		r.src.budget = maxHeader
		rec, _, _, err := r.wr.Next()
		r.src.budget = -1
		r.rec = rec
		if r.src.err != nil {
			// The stream broke (truncated or corrupt); what gowarc made
			// of the cut-off data does not matter.
			r.n++
			r.err = fmt.Errorf("%w: warc: record %d: %s", marsad.ErrMalformed, r.n, oneLine(r.src.err.Error()))
			return nil, r.err
		}
		if err != nil {
			if errors.Is(err, io.EOF) && rec == nil {
				if r.n == 0 {
					r.err = fmt.Errorf("%w: warc: no records", marsad.ErrMalformed)
					return nil, r.err
				}
				r.err = io.EOF
				return nil, io.EOF
			}
			r.n++
			r.err = fmt.Errorf("%w: warc: record %d: %s", marsad.ErrMalformed, r.n, oneLine(err.Error()))
			return nil, r.err
		}
		r.n++
		page, skip, err := r.page(rec)
		var trunc *truncatedError
		if errors.As(err, &trunc) {
			r.err = fmt.Errorf("%w: warc: record %d: %s", marsad.ErrMalformed, r.n, oneLine(trunc.err.Error()))
			return nil, r.err
		}
		if err != nil {
			return nil, &RecordError{Record: r.n, Err: err}
		}
		if skip != "" {
			if r.OnSkip != nil {
				r.OnSkip(r.n, skip)
			}
			continue
		}
		page.Record = r.n
		return page, nil
	}
}

// truncatedError is a failure to read a record's block: the stream itself
// is broken (a truncated file, a corrupt gzip member) and nothing after it
// can be read.
type truncatedError struct{ err error }

func (e *truncatedError) Error() string { return e.err.Error() }

// page reads the HTML page in rec; skip is why rec holds none.
func (r *Reader) page(rec gowarc.WarcRecord) (page *Page, skip string, err error) {
	h := rec.WarcHeader()
	typ := rec.Type()
	var httpBlock bool
	switch {
	case typ == gowarc.Response:
		httpBlock = true
	case typ == gowarc.Resource:
		// warcit and browser-based crawlers store pages as resources
		// with the page's own content type and no HTTP header.
	default:
		return nil, strings.ToLower(typ.String()) + " record", nil
	}
	wct := strings.ToLower(h.Get(gowarc.ContentType))
	if httpBlock && !strings.HasPrefix(wct, "application/http") {
		return nil, "response record without HTTP block (" + wct + ")", nil
	}
	if length, _ := h.GetInt64(gowarc.ContentLength); length > r.maxSize*4+1<<20 {
		// Even compressed 4:1 the payload would exceed the limit.
		return nil, "", fmt.Errorf("%w: %d-byte record", marsad.ErrTooLarge, length)
	}
	raw, err := rec.Block().RawBytes()
	if err != nil {
		return nil, "", fmt.Errorf("%w: %v", marsad.ErrMalformed, err)
	}
	p := &Page{
		ID:  h.Get(gowarc.WarcRecordID),
		URI: strings.Trim(h.Get(gowarc.WarcTargetURI), "<> "),
	}
	if t, err := time.Parse(time.RFC3339, h.Get(gowarc.WarcDate)); err == nil {
		p.Captured = t
	}
	// The block is bounded by the payload limit plus room for headers and
	// for compression.
	limit := r.maxSize*4 + 1<<20
	block, err := io.ReadAll(io.LimitReader(raw, limit))
	if err == nil {
		err = r.src.err
	}
	if err != nil {
		return nil, "", &truncatedError{err}
	}
	if length, e := h.GetInt64(gowarc.ContentLength); e == nil && int64(len(block)) < min(length, limit) {
		return nil, "", &truncatedError{fmt.Errorf("record cut short: %d of %d bytes", len(block), length)}
	}
	if !httpBlock {
		p.ContentType = wct
		p.Body = block
		if !isHTML(p.ContentType, p.Body) {
			return nil, "resource " + mediaType(wct), nil
		}
		if int64(len(p.Body)) > r.maxSize {
			return nil, "", fmt.Errorf("%w: %d-byte payload", marsad.ErrTooLarge, len(p.Body))
		}
		return p, "", nil
	}
	status, header, body, err := splitHTTP(block)
	if err != nil {
		return nil, "", err
	}
	if status < 200 || status > 299 {
		return nil, "HTTP status " + strconv.Itoa(status), nil
	}
	p.ContentType = header.Get("Content-Type")
	if ct := mediaType(p.ContentType); ct != "" && !isHTMLType(ct) && ct != "application/octet-stream" && ct != "text/plain" {
		return nil, ct, nil
	}
	if strings.EqualFold(strings.TrimSpace(header.Get("Transfer-Encoding")), "chunked") {
		body = dechunk(body)
	}
	body, err = decodeContent(body, header.Get("Content-Encoding"), r.maxSize)
	if err != nil {
		return nil, "", err
	}
	if !isHTML(p.ContentType, body) {
		return nil, "not HTML (" + http.DetectContentType(body) + ")", nil
	}
	p.Body = body
	return p, "", nil
}

// splitHTTP parses the status line and headers of an HTTP response and
// returns them with the undecoded body.
func splitHTTP(block []byte) (int, http.Header, []byte, error) {
	rd := bytes.NewReader(block)
	br := bufio.NewReader(rd)
	tp := textproto.NewReader(br)
	line, err := tp.ReadLine()
	if err != nil {
		return 0, nil, nil, fmt.Errorf("%w: HTTP status line: %v", marsad.ErrMalformed, err)
	}
	proto, rest, _ := strings.Cut(line, " ")
	code, _, _ := strings.Cut(strings.TrimSpace(rest), " ")
	status, err := strconv.Atoi(code)
	if !strings.HasPrefix(proto, "HTTP/") || err != nil {
		return 0, nil, nil, fmt.Errorf("%w: HTTP status line %q", marsad.ErrMalformed, truncate(line, 60))
	}
	mh, err := tp.ReadMIMEHeader()
	if err != nil && !errors.Is(err, io.EOF) {
		return 0, nil, nil, fmt.Errorf("%w: HTTP header: %s", marsad.ErrMalformed, oneLine(err.Error()))
	}
	// The header ends where the bufio.Reader has read to, less what it
	// holds buffered.
	consumed := len(block) - rd.Len() - br.Buffered()
	return status, http.Header(mh), block[consumed:], nil
}

// dechunk undoes chunked transfer encoding. Some crawlers store the body
// already de-chunked but keep the header; a body that does not parse as
// chunks is returned unchanged.
func dechunk(body []byte) []byte {
	out, err := io.ReadAll(httputil.NewChunkedReader(bytes.NewReader(body)))
	if err != nil {
		return body
	}
	return out
}

// decodeContent undoes gzip or deflate content encoding, refusing outputs
// larger than maxSize (compression bombs).
func decodeContent(body []byte, encoding string, maxSize int64) ([]byte, error) {
	var zr io.ReadCloser
	var err error
	switch enc := strings.ToLower(strings.TrimSpace(encoding)); enc {
	case "", "identity":
	case "gzip", "x-gzip":
		if len(body) < 2 || body[0] != 0x1f || body[1] != 0x8b {
			break // already decoded by the crawler
		}
		zr, err = gzip.NewReader(bytes.NewReader(body))
	case "deflate":
		// RFC 9110 says zlib; some servers send raw deflate.
		if zr, err = zlib.NewReader(bytes.NewReader(body)); err != nil {
			zr, err = flate.NewReader(bytes.NewReader(body)), nil
		}
	default:
		if looksLikeHTML(body) {
			break
		}
		return nil, fmt.Errorf("%w: unsupported Content-Encoding %q", marsad.ErrMalformed, truncate(enc, 20))
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %s body: %v", marsad.ErrMalformed, encoding, err)
	}
	if zr != nil {
		defer zr.Close()
		out, err := io.ReadAll(io.LimitReader(zr, maxSize+1))
		if err != nil {
			return nil, fmt.Errorf("%w: %s body: %v", marsad.ErrMalformed, strings.TrimSpace(encoding), err)
		}
		body = out
	}
	if int64(len(body)) > maxSize {
		return nil, fmt.Errorf("%w: payload over %d bytes", marsad.ErrTooLarge, maxSize)
	}
	return body, nil
}

func mediaType(ct string) string {
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		mt, _, _ = strings.Cut(ct, ";")
	}
	return strings.ToLower(strings.TrimSpace(mt))
}

func isHTMLType(mt string) bool {
	return mt == "text/html" || mt == "application/xhtml+xml"
}

// isHTML decides by the declared type when there is a specific one, and by
// sniffing otherwise.
func isHTML(contentType string, body []byte) bool {
	switch mt := mediaType(contentType); {
	case isHTMLType(mt):
		return true
	case mt == "" || mt == "application/octet-stream" || mt == "text/plain":
		return looksLikeHTML(body)
	}
	return false
}

func looksLikeHTML(body []byte) bool {
	return strings.HasPrefix(http.DetectContentType(body), "text/html")
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
