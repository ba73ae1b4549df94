// Package web is marsad's analyst desk: a read-only HTTP server over a
// marsad.Store that shows articles, search results, stories and entities as
// Arabic right-to-left pages, serves the same data as JSON under /api/, and
// publishes stories and saved searches as Atom feeds.
//
// Article text is hostile input. Every page is rendered with html/template,
// and the only HTML built outside templates is the highlighter's, which
// escapes every piece of text before it inserts its own <mark> elements.
// Pages carry a Content-Security-Policy that forbids inline script, so even a
// rendering mistake could not run script that came from an article.
//
// Reads are cheap to repeat: rendered responses are kept in memory for
// CacheMaxAge (the max-age clients are told anyway), a burst of requests
// for one cold page renders it once, the story index behind "also in" is
// rebuilt in the background, and a page's independent store reads run at
// once. LOAD.md has the measurements on the SaudiNewsNet corpus.
//
// Routes (GET unless said otherwise):
//
//	/                        articles, newest first (outlet, from, to, page)
//	/articles/{id}           one article, entities, times and quotes marked
//	/search?q=               hits with snippets, outlet facets, "also in"
//	/search/feed.atom?q=     a saved search as an Atom feed
//	/stories, /stories/{id}  stories; timeline, who said what, outlets
//	/stories/{id}/feed.atom  a story as an Atom feed
//	/entities, /entities/{id} entities; roles, timeline, co-occurrence graph
//	/api/...                 the same data as JSON, described by /api/openapi.json
//	POST /api/articles       ingest one article, only when Token is set
package web

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/marsad-news/marsad"
)

// Defaults for the fields of Server left zero.
const (
	DefaultAddr         = "127.0.0.1:8080"
	DefaultMaxBodyBytes = 1 << 20
	DefaultCacheMaxAge  = 30 * time.Second
)

// Server serves the desk. Set its fields before the first call to Handler;
// they are read once.
type Server struct {
	Store marsad.Store
	// Addr is the TCP address ListenAndServe listens on; DefaultAddr if
	// empty.
	Addr string
	// Token, when set, enables the one write endpoint, POST /api/articles,
	// for requests that carry "Authorization: Bearer <Token>". Without it
	// the server is read-only.
	Token string
	// Logger receives internal errors (never user errors); slog.Default()
	// if nil.
	Logger *slog.Logger
	// Ingest, when set, prepares a posted article before it is stored (the
	// analysis pipeline: normalization, content hash, entities). Without
	// it the article is stored as posted, with a content hash of its text.
	Ingest func(ctx context.Context, a *marsad.Article) error
	// BaseURL is the absolute URL the server is reached at, for feed links
	// ("https://desk.example"); derived from each request when empty.
	BaseURL string
	// MaxBodyBytes limits request bodies; DefaultMaxBodyBytes if zero.
	MaxBodyBytes int64
	// CacheMaxAge is the Cache-Control max-age of read responses;
	// DefaultCacheMaxAge if zero.
	CacheMaxAge time.Duration
	// Now is the clock (feeds' updated time, ingest time); time.Now if nil.
	Now func() time.Time
	// ResponseCacheBytes bounds the memory of the response cache, which
	// keeps rendered read responses for CacheMaxAge (see responseCache);
	// DefaultResponseCacheBytes if zero, no cache if negative.
	ResponseCacheBytes int64

	once    sync.Once
	handler http.Handler
	pages   *pageSet
	dups    dupCache
	cache   *responseCache // nil when off
}

// NewServer returns a read-only server over store with default settings.
func NewServer(store marsad.Store) *Server {
	return &Server{Store: store, Addr: DefaultAddr}
}

// Handler returns the server's routes wrapped in its security and limit
// middleware.
func (s *Server) Handler() http.Handler {
	s.once.Do(s.init)
	return s.handler
}

func (s *Server) init() {
	if s.Logger == nil {
		s.Logger = slog.Default()
	}
	if s.MaxBodyBytes <= 0 {
		s.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if s.CacheMaxAge <= 0 {
		s.CacheMaxAge = DefaultCacheMaxAge
	}
	if s.Now == nil {
		s.Now = time.Now
	}
	s.pages = mustParsePages()
	s.dups.ttl = s.CacheMaxAge
	if s.ResponseCacheBytes == 0 {
		s.ResponseCacheBytes = DefaultResponseCacheBytes
	}
	routes := s.routes()
	if s.ResponseCacheBytes > 0 {
		s.cache = newResponseCache(s.ResponseCacheBytes, s.CacheMaxAge, s.Now)
		routes = s.cached(routes)
	}
	s.handler = s.secure(routes)
}

// cached answers cacheable requests from the response cache.
func (s *Server) cached(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !cacheable(r) {
			next.ServeHTTP(w, r)
			return
		}
		s.cache.serve(w, r, next)
	})
}

func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()

	mux.HandleFunc("GET /{$}", s.handleHome)
	mux.HandleFunc("GET /articles/{id}", s.handleArticlePage)
	mux.HandleFunc("GET /search", s.handleSearchPage)
	mux.HandleFunc("GET /search/feed.atom", s.handleSearchFeed)
	mux.HandleFunc("GET /stories", s.handleStoriesPage)
	mux.HandleFunc("GET /stories/{id}", s.handleStoryPage)
	mux.HandleFunc("GET /stories/{id}/feed.atom", s.handleStoryFeed)
	mux.HandleFunc("GET /entities", s.handleEntitiesPage)
	mux.HandleFunc("GET /entities/{id}", s.handleEntityPage)
	mux.HandleFunc("GET /quotes", s.handleQuotesPage)
	mux.HandleFunc("GET /static/{file}", s.handleStatic)
	mux.HandleFunc("/", s.handleNotFoundPage)

	mux.HandleFunc("GET /api/search", s.apiSearch)
	mux.HandleFunc("GET /api/articles", s.apiArticles)
	mux.HandleFunc("GET /api/articles/{id}", s.apiArticle)
	mux.HandleFunc("GET /api/stories", s.apiStories)
	mux.HandleFunc("GET /api/stories/{id}", s.apiStory)
	mux.HandleFunc("GET /api/entities", s.apiEntities)
	mux.HandleFunc("GET /api/entities/{id}", s.apiEntity)
	mux.HandleFunc("GET /api/timeline", s.apiTimeline)
	mux.HandleFunc("GET /api/quotes", s.apiQuotes)
	mux.HandleFunc("GET /api/openapi.json", s.apiOpenAPI)
	if s.Token != "" {
		mux.HandleFunc("POST /api/articles", s.apiPostArticle)
	}
	mux.HandleFunc("/api/", s.apiNotFound)
	return mux
}

// contentSecurityPolicy allows nothing but the server's own files: no inline
// script or style, no plugins, no framing. SVG presentation attributes are
// not styles, so the server-rendered charts need no exception.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; " +
	"img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// secure sets the security headers on every response and limits request
// bodies.
func (s *Server) secure(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		if r.Body != nil {
			r.Body = http.MaxBytesReader(w, r.Body, s.MaxBodyBytes)
		}
		next.ServeHTTP(w, r)
	})
}

// ListenAndServe listens on s.Addr and serves until ctx is done, then shuts
// down gracefully, letting requests in flight finish for up to 10 seconds.
func (s *Server) ListenAndServe(ctx context.Context) error {
	addr := s.Addr
	if addr == "" {
		addr = DefaultAddr
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("web: listen %s: %w", addr, err)
	}
	return s.Serve(ctx, ln)
}

// Serve serves on ln until ctx is done, like ListenAndServe; ln is closed
// when it returns.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	srv := s.httpServer()
	// Build the story index before the first page needs it: on a large
	// corpus it takes seconds.
	go s.storyIndex(ctx)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("web: serve: %w", err)
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("web: shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("web: serve: %w", err)
	}
	return nil
}

// httpServer bounds every phase of a connection so that a slow or stalled
// client cannot hold the server's resources.
func (s *Server) httpServer() *http.Server {
	return &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       15 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.logger().Handler(), slog.LevelWarn),
	}
}

func (s *Server) logger() *slog.Logger {
	if s.Logger == nil {
		return slog.Default()
	}
	return s.Logger
}

// errorStatus maps an error to its HTTP status. It is the one place where
// marsad's error codes meet HTTP.
func errorStatus(err error) int {
	var maxBytes *http.MaxBytesError
	switch {
	case errors.As(err, &maxBytes):
		return http.StatusRequestEntityTooLarge
	}
	switch marsad.ErrorCode(err) {
	case marsad.ENOTFOUND:
		return http.StatusNotFound
	case marsad.EINVALID:
		return http.StatusBadRequest
	case marsad.ECONFLICT:
		return http.StatusConflict
	default:
		return http.StatusInternalServerError
	}
}

// errorMessage is what the client is told: the error's own message for
// errors it can act on, a fixed text for internal ones, whose details go to
// the log only.
func (s *Server) errorMessage(r *http.Request, err error, status int) string {
	if status == http.StatusInternalServerError {
		if !errors.Is(err, context.Canceled) {
			s.logger().Error("web: internal error", "method", r.Method, "path", r.URL.Path, "err", err)
		}
		return "internal error"
	}
	var e *marsad.Error
	if errors.As(err, &e) {
		return e.Message
	}
	return err.Error()
}
