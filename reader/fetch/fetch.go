// Package fetch gets web pages for marsad the way a polite crawler does:
// it obeys robots.txt, waits between requests to one host, bounds every
// request in time and size, speaks only http and https, and by default
// refuses to connect to loopback, private or link-local addresses, so that a
// URL in a feed cannot make marsad probe the network it runs in.
//
// The address check runs when a connection is dialled, on the address the
// name resolved to, so it also covers redirects and DNS names that point
// inside the network.
package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/marsad-news/marsad"
)

// Options configure a Client; zero values mean the defaults.
type Options struct {
	UserAgent    string        // sent with every request and matched in robots.txt
	Interval     time.Duration // least time between requests to one host; default 1s
	Timeout      time.Duration // per request, including the body; default 30s
	MaxSize      int64         // largest body read; default 20 MB
	AllowPrivate bool          // allow loopback, private and link-local targets
}

// Response is a fetched page.
type Response struct {
	URL         string // final URL, after redirects
	ContentType string
	Body        []byte
}

// ErrForbidden is returned for URLs that robots.txt or the scheme and
// address rules forbid.
var ErrForbidden = errors.New("forbidden")

// StatusError reports an HTTP response other than 200 OK.
type StatusError struct {
	Code   int
	Status string
}

func (e *StatusError) Error() string { return "get: HTTP " + e.Status }

// Client fetches pages. It is safe for concurrent use.
type Client struct {
	opts Options
	http *http.Client

	mu     sync.Mutex
	next   map[string]time.Time // host → earliest time of the next request
	robots map[string]*robots   // scheme://host → its rules
}

// New returns a Client.
func New(opts Options) *Client {
	if opts.UserAgent == "" {
		opts.UserAgent = "marsad/1.0"
	}
	if opts.Interval <= 0 {
		opts.Interval = time.Second
	}
	if opts.Timeout <= 0 {
		opts.Timeout = 30 * time.Second
	}
	if opts.MaxSize <= 0 {
		opts.MaxSize = 20 << 20
	}
	dialer := &net.Dialer{Timeout: 10 * time.Second}
	if !opts.AllowPrivate {
		dialer.Control = refusePrivate
	}
	transport := &http.Transport{
		// No proxy: the address check must see the real target.
		Proxy:                 nil,
		DialContext:           dialer.DialContext,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: opts.Timeout,
		MaxIdleConnsPerHost:   2,
		IdleConnTimeout:       30 * time.Second,
	}
	c := &Client{
		opts:   opts,
		next:   map[string]time.Time{},
		robots: map[string]*robots{},
	}
	c.http = &http.Client{
		Transport: transport,
		Timeout:   opts.Timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= 5 {
				return errors.New("more than 5 redirects")
			}
			if err := checkScheme(req.URL); err != nil {
				return err
			}
			return c.wait(req.Context(), req.URL.Host)
		},
	}
	return c
}

// Get fetches rawURL after checking robots.txt and waiting for the host's
// turn. Errors wrap ErrForbidden, marsad.ErrTooLarge or describe the
// failure on one line.
func (c *Client) Get(ctx context.Context, rawURL string) (*Response, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, fmt.Errorf("%w: bad URL: %v", ErrForbidden, err)
	}
	if err := checkScheme(u); err != nil {
		return nil, err
	}
	rules, err := c.robotsFor(ctx, u)
	if err != nil {
		return nil, err
	}
	if !rules.allowed(u.EscapedPath(), u.RawQuery) {
		return nil, fmt.Errorf("%w by robots.txt", ErrForbidden)
	}
	return c.get(ctx, u)
}

func (c *Client) get(ctx context.Context, u *url.URL) (*Response, error) {
	if err := c.wait(ctx, u.Host); err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", c.opts.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5")
	resp, err := c.http.Do(req)
	if err != nil {
		if errors.Is(err, ErrForbidden) {
			return nil, fmt.Errorf("%w: %s", ErrForbidden, strings.TrimPrefix(oneLine(err), "forbidden: "))
		}
		if ctxErr := ctx.Err(); ctxErr != nil {
			return nil, ctxErr
		}
		return nil, fmt.Errorf("get: %s", oneLine(err))
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return nil, &StatusError{Code: resp.StatusCode, Status: resp.Status}
	}
	if resp.ContentLength > c.opts.MaxSize {
		return nil, fmt.Errorf("%w: %d bytes", marsad.ErrTooLarge, resp.ContentLength)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, c.opts.MaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("get: reading body: %s", oneLine(err))
	}
	if int64(len(body)) > c.opts.MaxSize {
		return nil, fmt.Errorf("%w: over %d bytes", marsad.ErrTooLarge, c.opts.MaxSize)
	}
	return &Response{URL: resp.Request.URL.String(), ContentType: resp.Header.Get("Content-Type"), Body: body}, nil
}

// wait blocks until host may be asked again and books the next slot.
func (c *Client) wait(ctx context.Context, host string) error {
	c.mu.Lock()
	now := time.Now()
	at := c.next[host]
	if at.Before(now) {
		at = now
	}
	c.next[host] = at.Add(c.opts.Interval)
	c.mu.Unlock()
	if d := time.Until(at); d > 0 {
		t := time.NewTimer(d)
		defer t.Stop()
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
	}
	// Count the interval from when the request really goes out: a slow
	// start must not shorten the gap to the next one.
	c.mu.Lock()
	if next := time.Now().Add(c.opts.Interval); next.After(c.next[host]) {
		c.next[host] = next
	}
	c.mu.Unlock()
	return nil
}

func checkScheme(u *url.URL) error {
	if u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("%w: scheme %q (only http and https)", ErrForbidden, u.Scheme)
	}
	if u.Host == "" {
		return fmt.Errorf("%w: URL without host", ErrForbidden)
	}
	return nil
}

// refusePrivate is a net.Dialer Control function that refuses addresses
// inside the local network.
func refusePrivate(network, address string, _ syscall.RawConn) error {
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return err
	}
	ip := net.ParseIP(host)
	if ip == nil || isPrivate(ip) {
		return fmt.Errorf("%w: private or loopback address %s", ErrForbidden, host)
	}
	return nil
}

var cgnat = &net.IPNet{IP: net.IP{100, 64, 0, 0}, Mask: net.CIDRMask(10, 32)}

func isPrivate(ip net.IP) bool {
	if v4 := ip.To4(); v4 != nil {
		ip = v4
		if v4[0] == 0 || cgnat.Contains(v4) {
			return true
		}
	}
	return ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() ||
		ip.IsLinkLocalMulticast() || ip.IsInterfaceLocalMulticast() ||
		ip.IsMulticast() || ip.IsUnspecified()
}

func oneLine(err error) string { return strings.Join(strings.Fields(err.Error()), " ") }
