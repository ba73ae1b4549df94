package web

import (
	"container/list"
	"net/http"
	"strings"
	"sync"
	"time"
)

// DefaultResponseCacheBytes is the memory the response cache may hold when
// Server.ResponseCacheBytes is zero.
const DefaultResponseCacheBytes = 32 << 20

// responseCache keeps the bytes of recent read responses for as long as
// clients may keep them (Cache-Control max-age), so that an analyst's
// repeated search or a link shared across a newsroom is rendered once per
// max-age rather than once per request. A page of search results costs two
// full-text queries and a snippet per hit; serving it from memory costs a
// map lookup.
//
// The server promises no fresher data than max-age to clients already, so
// the cache serves nothing a client could not have kept itself. Requests
// for one key that arrive while it is being rendered wait for that
// rendering instead of starting their own, so a burst on a cold page costs
// one rendering. Only whole 200 responses are kept; errors never are.
type responseCache struct {
	mu       sync.Mutex
	ttl      time.Duration
	maxBytes int64
	bytes    int64
	now      func() time.Time
	entries  map[string]*cacheEntry
	lru      *list.List // of *cacheEntry, most recent first
	gen      uint64     // bumped by purge; renderings begun before it are not kept
}

type cacheEntry struct {
	key     string
	ready   chan struct{} // closed when the rendering is done
	ok      bool          // the rendering gave a response worth keeping
	created time.Time
	header  http.Header
	body    []byte
	elem    *list.Element
}

func newResponseCache(maxBytes int64, ttl time.Duration, now func() time.Time) *responseCache {
	return &responseCache{ttl: ttl, maxBytes: maxBytes, now: now, entries: map[string]*cacheEntry{}, lru: list.New()}
}

// cacheable reports whether r may be answered from the cache: a plain GET
// with no credentials and no request to bypass caches.
func cacheable(r *http.Request) bool {
	if r.Method != http.MethodGet || r.Header.Get("Authorization") != "" {
		return false
	}
	cc := r.Header.Get("Cache-Control")
	return !strings.Contains(cc, "no-cache") && !strings.Contains(cc, "no-store")
}

// cacheKey names a response by its URL and, since the body differs, by
// whether it is gzipped.
func cacheKey(r *http.Request) string {
	k := r.URL.RequestURI()
	if acceptsGzip(r) {
		k = "gz " + k
	}
	return k
}

// serve answers r from the cache, rendering it with next on a miss.
func (c *responseCache) serve(w http.ResponseWriter, r *http.Request, next http.Handler) {
	key := cacheKey(r)
	c.mu.Lock()
	e := c.entries[key]
	if e != nil {
		select {
		case <-e.ready:
			if !e.ok || c.now().Sub(e.created) >= c.ttl || c.now().Before(e.created) {
				c.remove(e)
				e = nil
			} else {
				c.lru.MoveToFront(e.elem)
			}
		default: // being rendered
		}
	}
	if e != nil {
		c.mu.Unlock()
		<-e.ready
		if !e.ok {
			next.ServeHTTP(w, r)
			return
		}
		writeEntry(w, r, e)
		return
	}
	e = &cacheEntry{key: key, ready: make(chan struct{}), created: c.now()}
	e.elem = c.lru.PushFront(e)
	c.entries[key] = e
	gen := c.gen
	c.mu.Unlock()

	// Render without the client's validators, so the cache holds the whole
	// response, and answer the client from it.
	inner := r.Clone(r.Context())
	inner.Header.Del("If-None-Match")
	inner.Header.Del("If-Modified-Since")
	rec := &recorder{header: http.Header{}}
	func() {
		defer func() {
			c.mu.Lock()
			e.ok = rec.status == http.StatusOK && rec.header.Get("Cache-Control") != "no-store" && gen == c.gen
			if e.ok {
				e.header, e.body = rec.header, rec.body
				c.bytes += int64(len(e.body)) + int64(len(key))
				c.evict()
			} else if c.entries[key] == e {
				c.remove(e)
			}
			c.mu.Unlock()
			close(e.ready)
		}()
		next.ServeHTTP(rec, inner)
	}()
	if !e.ok {
		rec.copyTo(w)
		return
	}
	writeEntry(w, r, e)
}

// remove drops e; c.mu is held.
func (c *responseCache) remove(e *cacheEntry) {
	if c.entries[e.key] == e {
		delete(c.entries, e.key)
	}
	if e.elem != nil {
		c.lru.Remove(e.elem)
		e.elem = nil
		if e.ok {
			c.bytes -= int64(len(e.body)) + int64(len(e.key))
		}
	}
}

// evict drops the least recently used responses until the cache fits;
// c.mu is held.
func (c *responseCache) evict() {
	for c.bytes > c.maxBytes {
		back := c.lru.Back()
		if back == nil {
			return
		}
		e := back.Value.(*cacheEntry)
		select {
		case <-e.ready:
		default:
			if e.ok { // not possible: ok is set before ready closes
				return
			}
		}
		c.remove(e)
	}
}

// purge forgets every response, for after a write.
func (c *responseCache) purge() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	for _, e := range c.entries {
		select {
		case <-e.ready:
			c.remove(e)
		default: // in flight: its result is not kept (gen changed)
			delete(c.entries, e.key)
			c.lru.Remove(e.elem)
			e.elem = nil
		}
	}
}

// writeEntry answers r with a cached response, or 304 Not Modified when
// the client already holds its bytes.
func writeEntry(w http.ResponseWriter, r *http.Request, e *cacheEntry) {
	h := w.Header()
	for k, vs := range e.header {
		h[k] = vs
	}
	if etag := e.header.Get("ETag"); etag != "" && etagMatches(r.Header.Get("If-None-Match"), etag) {
		h.Del("Content-Length")
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		w.Write(e.body)
	}
}

// recorder captures a response in memory.
type recorder struct {
	header http.Header
	status int
	body   []byte
}

func (rec *recorder) Header() http.Header { return rec.header }

func (rec *recorder) WriteHeader(status int) {
	if rec.status == 0 {
		rec.status = status
	}
}

func (rec *recorder) Write(b []byte) (int, error) {
	if rec.status == 0 {
		rec.status = http.StatusOK
	}
	rec.body = append(rec.body, b...)
	return len(b), nil
}

// copyTo writes the captured response to w.
func (rec *recorder) copyTo(w http.ResponseWriter) {
	h := w.Header()
	for k, vs := range rec.header {
		h[k] = vs
	}
	if rec.status == 0 {
		rec.status = http.StatusOK
	}
	w.WriteHeader(rec.status)
	w.Write(rec.body)
}
