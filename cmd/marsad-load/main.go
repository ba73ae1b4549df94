// Command marsad-load measures the analyst desk (package web) under load: it
// sends a bounded number of GET requests per route to a running
// `marsad serve` with a fixed number of concurrent clients and prints the
// latency percentiles of each route as a Markdown table, with the server's
// resident memory when given its process id.
//
// It is a development tool, not part of the marsad binary. It talks to
// loopback by default and refuses other hosts unless -remote is set, so a
// slip of the flag cannot load someone else's server.
//
// Usage:
//
//	marsad-load -addr http://127.0.0.1:8090 -c 4 -n 2000 -pid $(pgrep -n marsad)
//
// Ids for /articles/{id}, /stories/{id} and /entities/{id} are discovered
// from the JSON API before the timed run; the request order is drawn from
// -seed, so two runs with the same seed send the same requests.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "marsad-load:", err)
		os.Exit(1)
	}
}

type config struct {
	base     *url.URL
	conc     int
	perRoute int
	maxTime  time.Duration
	routes   []string
	pid      int
	seed     uint64
	queries  []string
	warmup   int
	header   bool
}

func run() error {
	var (
		addr    = flag.String("addr", "http://127.0.0.1:8090", "base URL of the server")
		conc    = flag.Int("c", 4, "concurrent clients")
		n       = flag.Int("n", 2000, "requests per route")
		maxTime = flag.Duration("t", 120*time.Second, "time limit per route; a route stops early when it is reached")
		routes  = flag.String("routes", strings.Join(routeNames(), ","), "comma-separated routes to measure")
		pid     = flag.Int("pid", 0, "server process id, to report its memory (VmRSS, VmHWM) after each route")
		seed    = flag.Uint64("seed", 1, "seed of the request order")
		qfile   = flag.String("queries", "", "file of search queries, one a line (default: the built-in list)")
		warmup  = flag.Int("warmup", 0, "unmeasured requests per route before the measured ones")
		remote  = flag.Bool("remote", false, "allow a server that is not on loopback")
		header  = flag.Bool("header", true, "print the table header")
	)
	flag.Parse()
	base, err := url.Parse(*addr)
	if err != nil {
		return fmt.Errorf("-addr: %w", err)
	}
	if !*remote && !isLoopback(base.Hostname()) {
		return fmt.Errorf("-addr %s is not loopback; pass -remote to load it anyway", base.Host)
	}
	if *conc < 1 || *n < 1 {
		return errors.New("-c and -n must be at least 1")
	}
	cfg := config{base: base, conc: *conc, perRoute: *n, maxTime: *maxTime, pid: *pid, seed: *seed, warmup: *warmup, header: *header}
	cfg.queries = defaultQueries
	if *qfile != "" {
		if cfg.queries, err = readLines(*qfile); err != nil {
			return err
		}
	}
	for _, r := range strings.Split(*routes, ",") {
		if r = strings.TrimSpace(r); r != "" {
			cfg.routes = append(cfg.routes, r)
		}
	}
	client := &http.Client{
		Timeout:   30 * time.Second,
		Transport: &http.Transport{MaxIdleConns: 2 * cfg.conc, MaxIdleConnsPerHost: 2 * cfg.conc, IdleConnTimeout: 30 * time.Second},
	}
	ids, err := discover(client, base)
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "ids: %d articles, %d stories, %d entities; %d queries\n", len(ids.articles), len(ids.stories), len(ids.entities), len(cfg.queries))
	if cfg.header {
		fmt.Println("| route | c | requests | errors | p50 ms | p90 ms | p99 ms | max ms | req/s | RSS MiB | peak RSS MiB |")
		fmt.Println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
	}
	for _, name := range cfg.routes {
		gen, err := generator(name, ids, cfg.queries)
		if err != nil {
			return err
		}
		rng := rand.New(rand.NewPCG(cfg.seed, hash(name)))
		if cfg.warmup > 0 {
			load(client, cfg, gen, rng, cfg.warmup)
		}
		res := load(client, cfg, gen, rng, cfg.perRoute)
		rss, hwm := memory(cfg.pid)
		fmt.Printf("| %s | %d | %d | %d | %s | %s | %s | %s | %.0f | %s | %s |\n", name, cfg.conc, len(res.lat), res.errors,
			ms(res.pct(50)), ms(res.pct(90)), ms(res.pct(99)), ms(res.max()), float64(len(res.lat))/res.wall.Seconds(), rss, hwm)
		if res.firstErr != "" {
			fmt.Fprintf(os.Stderr, "%s: first error: %s\n", name, res.firstErr)
		}
	}
	return nil
}

// result is one route's measured requests.
type result struct {
	lat      []time.Duration
	errors   int
	firstErr string
	wall     time.Duration
}

func (r *result) pct(p float64) time.Duration {
	if len(r.lat) == 0 {
		return 0
	}
	// Nearest rank: the smallest latency at or above p percent of requests.
	i := int(float64(len(r.lat))*p/100+0.999999) - 1
	return r.lat[max(0, min(i, len(r.lat)-1))]
}

func (r *result) max() time.Duration {
	if len(r.lat) == 0 {
		return 0
	}
	return r.lat[len(r.lat)-1]
}

// load sends n requests drawn from gen with cfg.conc clients, stopping at
// cfg.maxTime, and returns their sorted latencies. A request counts as an
// error when it fails or answers other than 200.
func load(client *http.Client, cfg config, gen func(*rand.Rand) string, rng *rand.Rand, n int) result {
	targets := make([]string, n)
	for i := range targets {
		targets[i] = cfg.base.String() + gen(rng)
	}
	ctx, cancel := context.WithTimeout(context.Background(), cfg.maxTime)
	defer cancel()
	work := make(chan string)
	var mu sync.Mutex
	var res result
	var wg sync.WaitGroup
	start := time.Now()
	for range cfg.conc {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for target := range work {
				d, err := get(ctx, client, target)
				mu.Lock()
				if err != nil {
					if ctx.Err() == nil {
						res.errors++
						if res.firstErr == "" {
							res.firstErr = err.Error()
						}
					}
				} else {
					res.lat = append(res.lat, d)
				}
				mu.Unlock()
			}
		}()
	}
feed:
	for _, t := range targets {
		select {
		case work <- t:
		case <-ctx.Done():
			break feed
		}
	}
	close(work)
	wg.Wait()
	res.wall = time.Since(start)
	slices.Sort(res.lat)
	return res
}

// get fetches target and reads the whole body, as a browser would, with
// gzip accepted (the transport asks for it and decodes it).
func get(ctx context.Context, client *http.Client, target string) (time.Duration, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, target, nil)
	if err != nil {
		return 0, err
	}
	start := time.Now()
	resp, err := client.Do(req)
	if err != nil {
		return 0, err
	}
	_, err = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	d := time.Since(start)
	if err != nil {
		return 0, err
	}
	if resp.StatusCode != http.StatusOK {
		return 0, fmt.Errorf("GET %s: %s", target, resp.Status)
	}
	return d, nil
}

// ids are what the id routes pick from.
type ids struct {
	articles []int64
	stories  []int64
	entities []string
}

// discover reads article, story and entity ids from the JSON API: the
// first pages and pages spread over the article list, so random article
// ids are not only the newest.
func discover(client *http.Client, base *url.URL) (ids, error) {
	var out ids
	var first struct {
		Total    int `json:"total"`
		Articles []struct {
			ID int64 `json:"id"`
		} `json:"articles"`
	}
	if err := getJSON(client, base, "/api/articles?limit=100", &first); err != nil {
		return out, err
	}
	for _, a := range first.Articles {
		out.articles = append(out.articles, a.ID)
	}
	for k := 1; k < 20 && first.Total > 100; k++ {
		var page = first
		page.Articles = nil
		if err := getJSON(client, base, "/api/articles?limit=100&offset="+strconv.Itoa(k*first.Total/20), &page); err != nil {
			return out, err
		}
		for _, a := range page.Articles {
			out.articles = append(out.articles, a.ID)
		}
	}
	for off := 0; off < 500; off += 100 {
		var page struct {
			Stories []struct {
				ID int64 `json:"id"`
			} `json:"stories"`
		}
		if err := getJSON(client, base, "/api/stories?limit=100&offset="+strconv.Itoa(off), &page); err != nil {
			return out, err
		}
		for _, s := range page.Stories {
			out.stories = append(out.stories, s.ID)
		}
		if len(page.Stories) < 100 {
			break
		}
	}
	for off := 0; off < 500; off += 100 {
		var page struct {
			Entities []struct {
				ID string `json:"id"`
			} `json:"entities"`
		}
		if err := getJSON(client, base, "/api/entities?limit=100&offset="+strconv.Itoa(off), &page); err != nil {
			return out, err
		}
		for _, e := range page.Entities {
			out.entities = append(out.entities, e.ID)
		}
		if len(page.Entities) < 100 {
			break
		}
	}
	if len(out.articles) == 0 {
		return out, errors.New("the server lists no articles")
	}
	return out, nil
}

func getJSON(client *http.Client, base *url.URL, path string, v any) error {
	resp, err := client.Get(base.String() + path)
	if err != nil {
		return fmt.Errorf("discover ids: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("discover ids: GET %s: %s", path, resp.Status)
	}
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		return fmt.Errorf("discover ids: GET %s: %w", path, err)
	}
	return nil
}

// routes maps each route name to how it draws a request path.
var routes = []struct {
	name string
	gen  func(ids ids, queries []string) func(*rand.Rand) string
}{
	{"/", fixed("/")},
	{"/articles/{id}", func(ids ids, _ []string) func(*rand.Rand) string {
		return func(r *rand.Rand) string { return "/articles/" + strconv.FormatInt(pick(r, ids.articles), 10) }
	}},
	{"/search", func(_ ids, qs []string) func(*rand.Rand) string {
		return func(r *rand.Rand) string { return "/search?q=" + url.QueryEscape(pick(r, qs)) }
	}},
	{"/stories", fixed("/stories")},
	{"/stories/{id}", func(ids ids, _ []string) func(*rand.Rand) string {
		return func(r *rand.Rand) string { return "/stories/" + strconv.FormatInt(pick(r, ids.stories), 10) }
	}},
	{"/entities", fixed("/entities")},
	{"/entities/{id}", func(ids ids, _ []string) func(*rand.Rand) string {
		return func(r *rand.Rand) string { return "/entities/" + url.PathEscape(pick(r, ids.entities)) }
	}},
	{"/api/search", func(_ ids, qs []string) func(*rand.Rand) string {
		return func(r *rand.Rand) string { return "/api/search?q=" + url.QueryEscape(pick(r, qs)) }
	}},
	{"/api/articles/{id}", func(ids ids, _ []string) func(*rand.Rand) string {
		return func(r *rand.Rand) string { return "/api/articles/" + strconv.FormatInt(pick(r, ids.articles), 10) }
	}},
	{"/api/timeline", fixed("/api/timeline")},
	{"/api/quotes", fixed("/api/quotes")},
}

func routeNames() []string {
	var out []string
	for _, r := range routes {
		out = append(out, r.name)
	}
	return out
}

func generator(name string, ids ids, queries []string) (func(*rand.Rand) string, error) {
	for _, r := range routes {
		if r.name == name {
			if (strings.Contains(name, "stories/") && len(ids.stories) == 0) || (strings.Contains(name, "entities/") && len(ids.entities) == 0) {
				return nil, fmt.Errorf("route %s: the server lists none", name)
			}
			return r.gen(ids, queries), nil
		}
	}
	return nil, fmt.Errorf("unknown route %q (known: %s)", name, strings.Join(routeNames(), ", "))
}

func fixed(path string) func(ids, []string) func(*rand.Rand) string {
	return func(ids, []string) func(*rand.Rand) string { return func(*rand.Rand) string { return path } }
}

func pick[T any](r *rand.Rand, list []T) T { return list[r.IntN(len(list))] }

func hash(s string) uint64 {
	var h uint64 = 14695981039346656037
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * 1099511628211
	}
	return h
}

// memory reads a process's resident set now and at its peak, in MiB.
func memory(pid int) (rss, hwm string) {
	if pid == 0 {
		return "-", "-"
	}
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return "?", "?"
	}
	rss, hwm = "?", "?"
	for _, line := range strings.Split(string(b), "\n") {
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		f := strings.Fields(v)
		if len(f) == 0 {
			continue
		}
		kb, err := strconv.Atoi(f[0])
		if err != nil {
			continue
		}
		switch k {
		case "VmRSS":
			rss = strconv.Itoa(kb / 1024)
		case "VmHWM":
			hwm = strconv.Itoa(kb / 1024)
		}
	}
	return rss, hwm
}

func ms(d time.Duration) string {
	return strconv.FormatFloat(float64(d.Microseconds())/1000, 'f', 1, 64)
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func readLines(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no queries", path)
	}
	return out, nil
}

// defaultQueries are searches an analyst of Saudi news would type: single
// words, two words, quoted phrases, and words with attached clitics
// (بالرياض, والمملكة, للحوثيين) that the search must strip.
var defaultQueries = []string{
	"السعودية", "الرياض", "اليمن", "الحوثيين", "إيران", "النفط", "داعش", "الحج", "كورونا", "الهلال",
	"النصر", "الاتحاد", "سوريا", "مصر", "قطر", "الإمارات", "التعليم", "الصحة", "الأمطار", "المرور",
	"بالرياض", "والمملكة", "للمملكة", "بجدة", "والحوثيين", "للطلاب", "بالمدينة المنورة", "وللمواطنين",
	"الملك سلمان", "ولي العهد", "وزارة الصحة", "مجلس الوزراء", "أسعار النفط", "عاصفة الحزم", "الأمن العام",
	"هيئة الأمر بالمعروف", "الدفاع المدني", "سوق الأسهم", "كأس العالم", "مكة المكرمة", "المنطقة الشرقية",
	"\"خادم الحرمين الشريفين\"", "\"وزارة الداخلية\"", "\"التحالف العربي\"", "\"الأمم المتحدة\"",
	"\"مجلس الشورى\"", "\"هيئة السياحة\"", "وزير الخارجية عادل الجبير", "الاتفاق النووي الإيراني",
	"ارتفاع أسعار العقار", "\"رؤية المملكة\"",
}
