package fetch

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/marsad-news/marsad"
)

func TestRobots(t *testing.T) {
	txt := `# comment
User-agent: *
Disallow: /private/
Allow: /private/open$
Disallow: /*.pdf$

User-agent: otherbot
Disallow: /

User-agent: Marsad
User-agent: friend
Disallow: /no-marsad/
Disallow:
`
	tests := []struct {
		agent, path string
		want        bool
	}{
		{"somebot/2", "/news/1", true},
		{"somebot/2", "/private/x", false},
		{"somebot/2", "/private/open", true},
		{"somebot/2", "/private/open/more", false},
		{"somebot/2", "/files/a.pdf", false},
		{"somebot/2", "/files/a.pdf?x", true},
		{"otherbot/1", "/anything", false},
		{"marsad/1.0 (+https://x)", "/private/x", true}, // its own group replaces *
		{"marsad/1.0 (+https://x)", "/no-marsad/x", false},
	}
	for _, tt := range tests {
		r := parseRobots([]byte(txt), tt.agent)
		path, query, _ := strings.Cut(tt.path, "?")
		if got := r.allowed(path, query); got != tt.want {
			t.Errorf("%s %s: allowed = %v, want %v", tt.agent, tt.path, got, tt.want)
		}
	}
}

func TestGet(t *testing.T) {
	var times []time.Time
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			w.Write([]byte("User-agent: *\nDisallow: /secret\n"))
		case "/big":
			w.Write(make([]byte, 5000))
		case "/redirect":
			http.Redirect(w, r, "/page", http.StatusFound)
		case "/page":
			times = append(times, time.Now())
			if ua := r.Header.Get("User-Agent"); ua != "marsad-test/1" {
				t.Errorf("User-Agent %q", ua)
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte("<p>نص</p>"))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	c := New(Options{UserAgent: "marsad-test/1", Interval: 100 * time.Millisecond, MaxSize: 1000, AllowPrivate: true})
	ctx := context.Background()
	for i := 0; i < 2; i++ {
		resp, err := c.Get(ctx, srv.URL+"/page")
		if err != nil {
			t.Fatal(err)
		}
		if string(resp.Body) != "<p>نص</p>" || !strings.HasPrefix(resp.ContentType, "text/html") {
			t.Errorf("response %q %q", resp.Body, resp.ContentType)
		}
	}
	if len(times) == 2 && times[1].Sub(times[0]) < 80*time.Millisecond {
		t.Errorf("requests %v apart, want ≥100ms (80ms with jitter)", times[1].Sub(times[0]))
	}
	if resp, err := c.Get(ctx, srv.URL+"/redirect"); err != nil || resp.URL != srv.URL+"/page" {
		t.Errorf("redirect: %v %v", resp, err)
	}
	if _, err := c.Get(ctx, srv.URL+"/secret"); !errors.Is(err, ErrForbidden) {
		t.Errorf("robots.txt: err = %v", err)
	}
	if _, err := c.Get(ctx, srv.URL+"/big"); !errors.Is(err, marsad.ErrTooLarge) {
		t.Errorf("big: err = %v", err)
	}
	if _, err := c.Get(ctx, srv.URL+"/missing"); err == nil || !strings.Contains(err.Error(), "404") {
		t.Errorf("missing: err = %v", err)
	}
	for _, u := range []string{"file:///etc/passwd", "ftp://x.example/", "javascript:alert(1)", "http:///nohost"} {
		if _, err := c.Get(ctx, u); !errors.Is(err, ErrForbidden) {
			t.Errorf("%s: err = %v, want ErrForbidden", u, err)
		}
	}
}

func TestRefusePrivate(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("request reached the loopback server: %s", r.URL)
	}))
	defer srv.Close()
	c := New(Options{})
	if _, err := c.Get(context.Background(), srv.URL+"/page"); !errors.Is(err, ErrForbidden) {
		t.Errorf("err = %v, want ErrForbidden", err)
	}
	for _, ip := range []string{"127.0.0.1", "10.1.2.3", "192.168.0.1", "172.16.0.1", "169.254.169.254", "::1", "fe80::1", "100.64.0.1", "0.0.0.0", "::ffff:127.0.0.1"} {
		if !isPrivate(net.ParseIP(ip)) {
			t.Errorf("%s not private", ip)
		}
	}
	for _, ip := range []string{"8.8.8.8", "2001:4860:4860::8888"} {
		if isPrivate(net.ParseIP(ip)) {
			t.Errorf("%s private", ip)
		}
	}
}

func FuzzRobots(f *testing.F) {
	f.Add([]byte("User-agent: *\nDisallow: /a*b$\nAllow: /\n"), "/a/x/b")
	f.Fuzz(func(t *testing.T, txt []byte, path string) {
		parseRobots(txt, "marsad/1.0").allowed(path, "")
	})
}
