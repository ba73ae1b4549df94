package web

import (
	"context"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/marsad-news/marsad"
)

// Browser tests run the pages in real headless Chromium: the checks that
// matter to a reader (right-to-left layout, hostile article text shown as
// text and never run, the page's own script working under the CSP) can only
// be seen there. Screenshots go to testdata/screenshots/ as artifacts.

// findChromium returns the path of a Chromium binary, or skips the test
// (fails it when MARSAD_TEST_DISALLOW_SKIP=1, as CI sets).
func findChromium(t *testing.T) string {
	t.Helper()
	if testing.Short() && os.Getenv("MARSAD_TEST_DISALLOW_SKIP") != "1" {
		t.Skip("browser tests skipped in -short mode")
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("MARSAD_TEST_DISALLOW_SKIP") == "1" {
		t.Fatal("chromium not found and MARSAD_TEST_DISALLOW_SKIP=1")
	}
	t.Skip("chromium not found; install Debian's chromium to run browser tests")
	return ""
}

// newBrowser starts headless Chromium with a fresh profile and the flags
// that let it run as root in a container without reaching the network.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	path := findChromium(t)
	// A profile directory of our own rather than t.TempDir: Chromium's
	// helper processes may still write to it for a moment after the
	// browser exits, which makes TempDir's cleanup fail the test.
	profile, err := os.MkdirTemp("", "marsad-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(profile),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("lang", "ar"),
		chromedp.WindowSize(1280, 900),
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(allocCtx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 2*time.Minute)
	t.Cleanup(func() {
		cancelTimeout()
		cancelCtx()
		cancelAlloc()
		for range 20 {
			if os.RemoveAll(profile) == nil {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
	})
	if err := chromedp.Run(ctx); err != nil { // starts the browser
		t.Fatalf("start chromium: %v", err)
	}
	return ctx
}

// startDesk serves store over HTTP on the loopback for the browser and
// returns the base URL; the lead's seed checks use it with fillStore.
func startDesk(t *testing.T, store marsad.Store) string {
	t.Helper()
	ts := httptest.NewServer(newTestServer(t, store).Handler())
	t.Cleanup(ts.Close)
	return ts.URL
}

// screenshotDir is where browser tests leave their screenshots.
func screenshotDir(t *testing.T) string {
	t.Helper()
	dir := filepath.Join("testdata", "screenshots")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// pageCheck is what a browser test reads from a loaded page.
type pageCheck struct {
	Dir       string
	Lang      string
	Pwned     string // typeof window.pwned
	Text      string // document.body.innerText
	Direction string // computed direction of <main>
	Scripts   int
	Images    int
}

func loadPage(t *testing.T, ctx context.Context, pageURL, shot string) pageCheck {
	t.Helper()
	var c pageCheck
	var png []byte
	err := chromedp.Run(ctx,
		chromedp.Navigate(pageURL),
		chromedp.WaitReady("footer.site", chromedp.ByQuery),
		chromedp.Sleep(150*time.Millisecond), // let onload/onerror handlers fire, if any got through
		chromedp.Evaluate(`document.documentElement.dir`, &c.Dir),
		chromedp.Evaluate(`document.documentElement.lang`, &c.Lang),
		chromedp.Evaluate(`typeof window.pwned`, &c.Pwned),
		chromedp.Evaluate(`document.body.innerText`, &c.Text),
		chromedp.Evaluate(`getComputedStyle(document.querySelector("main")).direction`, &c.Direction),
		chromedp.Evaluate(`document.scripts.length`, &c.Scripts),
		chromedp.Evaluate(`document.images.length`, &c.Images),
		chromedp.FullScreenshot(&png, 100),
	)
	if err != nil {
		t.Fatalf("load %s: %v", pageURL, err)
	}
	if shot != "" {
		if err := os.WriteFile(filepath.Join(screenshotDir(t), shot+".png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return c
}

func TestBrowserHostileArticle(t *testing.T) {
	ctx := newBrowser(t)
	fx := newFixture(t)
	ts := httptest.NewServer(newTestServer(t, fx.store).Handler())
	defer ts.Close()

	pages := []struct {
		name, path string
		showsText  bool // the page shows the hostile script text
	}{
		{"list", "/", true},
		{"article", "/articles/2", true},
		{"search", "/search?q=" + url.QueryEscape("عدائي"), true},
		{"story", "/stories/7", true},
		{"entity", "/entities/haftar", true},
		{"entity-hostile-name", "/entities/evil", true},
		{"entities", "/entities", true},
	}
	for _, p := range pages {
		t.Run(p.name, func(t *testing.T) {
			c := loadPage(t, ctx, ts.URL+p.path, "hostile-"+p.name)
			if c.Pwned != "undefined" {
				t.Errorf("window.pwned is %s: hostile script ran", c.Pwned)
			}
			if c.Dir != "rtl" || c.Lang != "ar" || c.Direction != "rtl" {
				t.Errorf("dir %q, lang %q, direction %q; want rtl, ar, rtl", c.Dir, c.Lang, c.Direction)
			}
			if c.Scripts != 1 {
				t.Errorf("%d script elements, want 1 (app.js)", c.Scripts)
			}
			if c.Images != 0 {
				t.Errorf("%d img elements: article markup became elements", c.Images)
			}
			if p.showsText && !strings.Contains(c.Text, "<script>window.pwned=1</script>") && !strings.Contains(c.Text, `"><svg onload=window.pwned=1>`) {
				t.Errorf("hostile text not shown as text; page text: %.400s", c.Text)
			}
		})
	}
}

func TestBrowserSearchRTL(t *testing.T) {
	ctx := newBrowser(t)
	fx := newFixture(t)
	ts := httptest.NewServer(newTestServer(t, fx.store).Handler())
	defer ts.Close()

	c := loadPage(t, ctx, ts.URL+"/search?q="+url.QueryEscape("حفتر"), "search-rtl")
	var hits, marks int
	var hitsDir string
	var firstHitRight, mainRight float64
	err := chromedp.Run(ctx,
		chromedp.Evaluate(`document.querySelectorAll("ol.hits > li").length`, &hits),
		chromedp.Evaluate(`document.querySelectorAll(".snippet mark").length`, &marks),
		chromedp.Evaluate(`getComputedStyle(document.querySelector("ol.hits")).direction`, &hitsDir),
		// In RTL the result titles hug the right edge of the content.
		chromedp.Evaluate(`document.querySelector("ol.hits h2 a").getBoundingClientRect().right`, &firstHitRight),
		chromedp.Evaluate(`document.querySelector(".results").getBoundingClientRect().right`, &mainRight),
	)
	if err != nil {
		t.Fatal(err)
	}
	if hits != 3 || marks < 1 {
		t.Errorf("%d hits with %d marks, want 3 hits with marks", hits, marks)
	}
	if hitsDir != "rtl" || c.Dir != "rtl" {
		t.Errorf("results direction %q, document %q", hitsDir, c.Dir)
	}
	if mainRight-firstHitRight > 2 {
		t.Errorf("first hit title ends %.0fpx from the right edge of the results: not laid out right to left", mainRight-firstHitRight)
	}
}

// TestBrowserArticleScript checks that the page's own script runs under
// the CSP (the legend toggles a highlight layer) and that the article reads
// on a phone-sized screen without sideways scrolling.
func TestBrowserArticleScript(t *testing.T) {
	ctx := newBrowser(t)
	fx := newFixture(t)
	ts := httptest.NewServer(newTestServer(t, fx.store).Handler())
	defer ts.Close()

	loadPage(t, ctx, ts.URL+"/articles/1", "article-desktop")
	var hidden bool
	err := chromedp.Run(ctx,
		chromedp.Click(`#legend input[data-toggle="ent"]`, chromedp.ByQuery),
		chromedp.Evaluate(`document.getElementById("article-body").classList.contains("hide-ent")`, &hidden),
	)
	if err != nil {
		t.Fatal(err)
	}
	if !hidden {
		t.Errorf("legend toggle did nothing: app.js did not run")
	}

	var scrollW, clientW int
	var png []byte
	err = chromedp.Run(ctx,
		chromedp.EmulateViewport(390, 844),
		chromedp.Navigate(ts.URL+"/articles/1"),
		chromedp.WaitReady("footer.site", chromedp.ByQuery),
		chromedp.Evaluate(`document.documentElement.scrollWidth`, &scrollW),
		chromedp.Evaluate(`document.documentElement.clientWidth`, &clientW),
		chromedp.FullScreenshot(&png, 100),
	)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(screenshotDir(t), "article-phone.png"), png, 0o644)
	if scrollW > clientW+1 {
		t.Errorf("page is %dpx wide on a %dpx phone screen", scrollW, clientW)
	}
}
