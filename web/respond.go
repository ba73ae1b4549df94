package web

import (
	"bytes"
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
	etag := `"` + base64.RawURLEncoding.EncodeToString(sum[:12]) + `"`
	h := w.Header()
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
