package fetch

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"net/url"
	"strings"
)

// robots holds the robots.txt rules that apply to marsad on one site.
type robots struct {
	rules []rule
}

type rule struct {
	allow   bool
	pattern string // path pattern with * wildcards and an optional final $
}

// robotsFor returns the rules of u's site, fetching robots.txt once. A
// missing robots.txt (any 4xx) allows everything; a site that cannot be
// reached for it cannot be reached for the page either, so that error is
// returned.
func (c *Client) robotsFor(ctx context.Context, u *url.URL) (*robots, error) {
	site := u.Scheme + "://" + u.Host
	c.mu.Lock()
	r, ok := c.robots[site]
	c.mu.Unlock()
	if ok {
		return r, nil
	}
	r = &robots{}
	resp, err := c.get(ctx, &url.URL{Scheme: u.Scheme, Host: u.Host, Path: "/robots.txt"})
	var status *StatusError
	switch {
	case err == nil:
		r = parseRobots(resp.Body, c.opts.UserAgent)
	case errors.As(err, &status) && status.Code >= 500:
		// A failing server: RFC 9309 says to assume complete disallow.
		r = &robots{rules: []rule{{allow: false, pattern: "/"}}}
	case errors.As(err, &status):
		// No robots.txt (4xx): everything is allowed.
	default:
		return nil, err // unreachable, forbidden or cancelled
	}
	c.mu.Lock()
	c.robots[site] = r
	c.mu.Unlock()
	return r, nil
}

// parseRobots reads the group for agent (matched by its product token, as
// "marsad" in "marsad/1.0"), or the "*" group when none names it.
func parseRobots(data []byte, agent string) *robots {
	token := strings.ToLower(agent)
	if i := strings.IndexAny(token, "/ "); i > 0 {
		token = token[:i]
	}
	var mine, star []rule
	var haveMine bool
	var agents []string
	inRules := false
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 4096), 64<<10)
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		key, val, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		key = strings.ToLower(strings.TrimSpace(key))
		val = strings.TrimSpace(val)
		switch key {
		case "user-agent":
			if inRules {
				agents, inRules = nil, false
			}
			agents = append(agents, strings.ToLower(val))
		case "allow", "disallow":
			inRules = true
			if key == "disallow" && val == "" {
				continue // "Disallow:" allows everything
			}
			r := rule{allow: key == "allow", pattern: val}
			for _, a := range agents {
				switch {
				case a == "*":
					star = append(star, r)
				case a != "" && strings.Contains(token, a):
					mine = append(mine, r)
					haveMine = true
				}
			}
		}
	}
	if haveMine {
		return &robots{rules: mine}
	}
	return &robots{rules: star}
}

// allowed applies the longest matching rule; Allow wins a tie.
func (r *robots) allowed(path, query string) bool {
	if path == "" {
		path = "/"
	}
	if query != "" {
		path += "?" + query
	}
	best, allow := -1, true
	for _, rl := range r.rules {
		if !match(rl.pattern, path) {
			continue
		}
		if n := len(rl.pattern); n > best || (n == best && rl.allow) {
			best, allow = n, rl.allow
		}
	}
	return allow
}

// match reports whether path matches a robots.txt pattern: a prefix match
// where * matches any run of characters and a final $ anchors the end.
func match(pattern, path string) bool {
	anchored := strings.HasSuffix(pattern, "$")
	pattern = strings.TrimSuffix(pattern, "$")
	parts := strings.Split(pattern, "*")
	if !strings.HasPrefix(path, parts[0]) {
		return false
	}
	rest := path[len(parts[0]):]
	if len(parts) == 1 {
		return !anchored || rest == ""
	}
	last := parts[len(parts)-1]
	for _, p := range parts[1 : len(parts)-1] {
		i := strings.Index(rest, p)
		if i < 0 {
			return false
		}
		rest = rest[i+len(p):]
	}
	if anchored {
		return strings.HasSuffix(rest, last)
	}
	return strings.Contains(rest, last)
}
