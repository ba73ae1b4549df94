package web

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
)

// writeCached writes a read response with a strong ETag computed from its
// bytes and a short Cache-Control max-age, answering 304 Not Modified when
// the client already has these bytes. Rendering into a buffer first also
// means a template error becomes a clean 500, never half a page.
func (s *Server) writeCached(w http.ResponseWriter, r *http.Request, contentType string, body []byte) {
	sum := sha256.Sum256(body)
	tag := base64.RawURLEncoding.EncodeToString(sum[:12])
	h := w.Header()
	h.Add("Vary", "Accept-Encoding")
	if len(body) >= gzipMinBytes && acceptsGzip(r) {
		if gz, err := gzipBytes(body); err == nil {
			body, tag = gz, tag+"-gz" // each encoding has its own validator
			h.Set("Content-Encoding", "gzip")
		}
	}
	etag := `"` + tag + `"`
	h.Set("ETag", etag)
	if h.Get("Cache-Control") == "" {
		h.Set("Cache-Control", "public, max-age="+strconv.Itoa(int(s.CacheMaxAge.Seconds())))
	}
	h.Set("Content-Type", contentType)
	if etagMatches(r.Header.Get("If-None-Match"), etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	if r.Method == http.MethodHead {
		return
	}
	w.Write(body)
}

// gzipMinBytes is the size below which compressing is not worth it.
const gzipMinBytes = 1024

// acceptsGzip reports whether the request's Accept-Encoding allows gzip.
func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		coding, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.TrimSpace(coding) == "gzip" {
			return strings.ReplaceAll(strings.TrimSpace(params), " ", "") != "q=0"
		}
	}
	return false
}

// gzipBytes compresses b at the fastest level: pages are small and a
// phone on a slow link gains most from the first few times of compression.
func gzipBytes(b []byte) ([]byte, error) {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestSpeed)
	if err != nil {
		return nil, err
	}
	if _, err := zw.Write(b); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// etagMatches reports whether an If-None-Match header lists etag (or *).
func etagMatches(header, etag string) bool {
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimSpace(t)
		t = strings.TrimPrefix(t, "W/")
		if t == etag || t == "*" {
			return true
		}
	}
	return false
}

const jsonContentType = "application/json; charset=utf-8"

// writeJSON writes v as a cached JSON read response.
func (s *Server) writeJSON(w http.ResponseWriter, r *http.Request, v any) {
	body, err := marshalJSON(v)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	s.writeCached(w, r, jsonContentType, body)
}

// marshalJSON encodes v with a final newline. It keeps encoding/json's
// escaping of <, > and &, so a response read as HTML by mistake holds no
// markup from an article.
func marshalJSON(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// apiError writes err as {"error": "..."} with the status errorStatus gives
// it. Error responses are never cached.
func (s *Server) apiError(w http.ResponseWriter, r *http.Request, err error) {
	status := errorStatus(err)
	writeJSONStatus(w, status, map[string]string{"error": s.errorMessage(r, err, status)})
}

// writeJSONStatus writes an uncached JSON response with a status.
func writeJSONStatus(w http.ResponseWriter, status int, v any) {
	body, err := marshalJSON(v)
	if err != nil {
		body = []byte(`{"error":"internal error"}` + "\n")
		status = http.StatusInternalServerError
	}
	h := w.Header()
	h.Set("Content-Type", jsonContentType)
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	w.Write(body)
}
