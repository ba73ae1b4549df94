package timex

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	dps "github.com/markusmobius/go-dateparser"
	"github.com/marsad-news/marsad"
)

var update = flag.Bool("update", false, "rewrite EVAL.md from the comparison")

// evalCase is one row of testdata/timex.tsv: a time expression inside a
// sentence, the publication date it is read against ("-" for none), and
// the value a careful reader gives it ("-" when it cannot be resolved).
type evalCase struct {
	Sentence, Expr string
	Anchor         marsad.Date
	Want           string
	Gran           marsad.Granularity
	Source         string
	line           int
}

// start and end are the byte span of the expression in the sentence (its
// first occurrence).
func (c evalCase) span() (int, int) {
	i := strings.Index(c.Sentence, c.Expr)
	return i, i + len(c.Expr)
}

func loadCases(t testing.TB) []evalCase {
	t.Helper()
	f, err := os.Open("testdata/timex.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cases []evalCase
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 6 {
			t.Fatalf("timex.tsv:%d: %d columns, want 6", n, len(cols))
		}
		c := evalCase{Sentence: cols[0], Expr: cols[1], Want: cols[3], Gran: marsad.Granularity(cols[4]), Source: cols[5], line: n}
		if cols[2] != "-" {
			a, err := marsad.ParseDate(cols[2])
			if err != nil {
				t.Fatalf("timex.tsv:%d: anchor: %v", n, err)
			}
			c.Anchor = a
		}
		if !strings.Contains(c.Sentence, c.Expr) {
			t.Fatalf("timex.tsv:%d: expression %q not in sentence", n, c.Expr)
		}
		cases = append(cases, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return cases
}

// outcome is how one system did on one case.
type outcome struct{ found, right bool }

// runMarsad tags the sentence and looks for an expression overlapping the
// expected one. It is right when value and granularity match ("" for an
// expected "-").
func runMarsad(c evalCase) (outcome, Expr) {
	s, e := c.span()
	for _, x := range Tag(c.Sentence, c.Anchor) {
		if x.Start < e && s < x.End {
			want := c.Want
			if want == "-" {
				want = ""
			}
			return outcome{true, x.Value == want && x.Granularity == c.Gran}, x
		}
	}
	return outcome{}, Expr{}
}

func dateparserConfig(c evalCase) *dps.Configuration {
	cfg := &dps.Configuration{
		Languages:           []string{"ar"},
		PreferredDateSource: dps.Past,
		PreferredDayOfMonth: dps.First,
	}
	if !c.Anchor.IsZero() {
		cfg.CurrentTime = c.Anchor.Time
	}
	return cfg
}

// dateparserRight compares a go-dateparser result with the expected value
// at the expected granularity, leniently: a day is right when the calendar
// day matches whatever period the library reported. A range or an
// unresolvable expression cannot be right, since the library returns one
// date and always resolves against some current time.
func dateparserRight(c evalCase, t time.Time) bool {
	switch c.Gran {
	case marsad.Day:
		return t.Format("2006-01-02") == c.Want
	case marsad.Month:
		return t.Format("2006-01") == c.Want
	case marsad.Year:
		return t.Format("2006") == c.Want
	case marsad.Week:
		return weekPoint(t).String() == c.Want
	case marsad.Minute:
		w, err := time.Parse(time.RFC3339, c.Want)
		return err == nil && w.Equal(t)
	}
	return false
}

// runDateparserExpr gives go-dateparser the expression string alone.
func runDateparserExpr(p *dps.Parser, c evalCase) outcome {
	d, err := p.Parse(dateparserConfig(c), c.Expr)
	if err != nil || d.IsZero() {
		return outcome{}
	}
	return outcome{true, c.Want != "-" && dateparserRight(c, d.Time)}
}

// runDateparserSearch runs go-dateparser's search over the sentence and
// takes a result overlapping the expression.
func runDateparserSearch(p *dps.Parser, c evalCase) outcome {
	_, results, err := p.Search(dateparserConfig(c), c.Sentence)
	if err != nil {
		return outcome{}
	}
	s, e := c.span()
	for _, r := range results {
		i := strings.Index(c.Sentence, r.Text)
		if i < 0 || r.Text == "" || !(i < e && s < i+len(r.Text)) {
			continue
		}
		return outcome{true, c.Want != "-" && !r.Date.IsZero() && dateparserRight(c, r.Date.Time)}
	}
	return outcome{}
}

// tally counts found and right for one subset and one system.
type tally struct{ n, found, right int }

func (t *tally) add(o outcome) {
	t.n++
	if o.found {
		t.found++
	}
	if o.right {
		t.right++
	}
}

func pct(a, n int) string {
	if n == 0 {
		return "–"
	}
	return fmt.Sprintf("%d (%.0f%%)", a, 100*float64(a)/float64(n))
}

// TestCompareDateparser scores marsad's tagger and go-dateparser on
// testdata/timex.tsv, prints the table and, with -update, writes it to
// EVAL.md. marsad must resolve at least 95% of the cases right.
func TestCompareDateparser(t *testing.T) {
	if testing.Short() {
		t.Skip("go-dateparser is slow to start")
	}
	cases := loadCases(t)
	p := &dps.Parser{}
	type row struct {
		name                 string
		marsad, expr, search tally
	}
	subsets := []string{"all", "SaudiNewsNet dev", "SaudiNewsNet held-out 1", "SaudiNewsNet held-out 2", "seeds", "constructed"}
	for _, g := range []marsad.Granularity{marsad.Day, marsad.Month, marsad.Year, marsad.Week, marsad.Minute, marsad.Range} {
		subsets = append(subsets, "granularity "+string(g))
	}
	subsets = append(subsets, "no anchor")
	rows := make(map[string]*row)
	for _, s := range subsets {
		rows[s] = &row{name: s}
	}
	var misses []string
	for _, c := range cases {
		m, got := runMarsad(c)
		ex := runDateparserExpr(p, c)
		se := runDateparserSearch(p, c)
		keys := []string{"all", "granularity " + string(c.Gran)}
		switch {
		case strings.HasPrefix(c.Source, "saudinewsnet:"):
			keys = append(keys, "SaudiNewsNet dev")
		case strings.HasPrefix(c.Source, "saudinewsnet-heldout:"):
			keys = append(keys, "SaudiNewsNet held-out 1")
		case strings.HasPrefix(c.Source, "saudinewsnet-heldout2:"):
			keys = append(keys, "SaudiNewsNet held-out 2")
		case strings.HasPrefix(c.Source, "seed:"):
			keys = append(keys, "seeds")
		default:
			keys = append(keys, "constructed")
		}
		if c.Anchor.IsZero() {
			keys = append(keys, "no anchor")
		}
		for _, k := range keys {
			r := rows[k]
			r.marsad.add(m)
			r.expr.add(ex)
			r.search.add(se)
		}
		if !m.right {
			misses = append(misses, fmt.Sprintf("timex.tsv:%d %q anchor %v: got %q %q (%s), want %q %s",
				c.line, c.Expr, c.Anchor, got.Text, got.Value, got.Granularity, c.Want, c.Gran))
		}
	}
	var b strings.Builder
	b.WriteString("| subset | n | marsad found | marsad right | dateparser (expression) found | right | dateparser (search) found | right |\n")
	b.WriteString("|---|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, s := range subsets {
		r := rows[s]
		if r.marsad.n == 0 {
			continue
		}
		fmt.Fprintf(&b, "| %s | %d | %s | %s | %s | %s | %s | %s |\n", r.name, r.marsad.n,
			pct(r.marsad.found, r.marsad.n), pct(r.marsad.right, r.marsad.n),
			pct(r.expr.found, r.expr.n), pct(r.expr.right, r.expr.n),
			pct(r.search.found, r.search.n), pct(r.search.right, r.search.n))
	}
	table := b.String()
	t.Logf("\n%s", table)
	for _, m := range misses {
		t.Logf("marsad miss: %s", m)
	}
	if *update {
		if err := os.WriteFile("EVAL.md", []byte(evalDoc(table, misses)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	all := rows["all"].marsad
	if rate := float64(all.right) / float64(all.n); rate < 0.95 {
		t.Errorf("marsad resolved %d of %d right (%.1f%%), want at least 95%%", all.right, all.n, 100*rate)
	}
}

func evalDoc(table string, misses []string) string {
	var b strings.Builder
	b.WriteString(`# timex evaluation

Generated by ` + "`go test ./timex -run TestCompareDateparser -v -update`" + ` from
testdata/timex.tsv: Arabic time expressions in sentences, each with the
publication date it is read against and the value a careful reader gives it.
Rows come from SaudiNewsNet articles (short excerpts, anchor =
` + "`date_extracted`" + `), from the seed articles, and from constructed
sentences covering the forms the real sample lacks (Maghrebi month names,
no-anchor cases).

- **found**: the system returned an expression overlapping the expected one.
- **right**: marsad: same value and granularity (an unresolvable expression
  must get no value). go-dateparser (v1.4.7, Languages ["ar"],
  PreferredDateSource Past, PreferredDayOfMonth First, CurrentTime = anchor):
  the returned time matches at the expected granularity, whatever period it
  reported. It cannot be right on ranges or on relative expressions without
  an anchor (it resolves them against the current time).
- **expression**: go-dateparser's Parse on the expression string alone (it
  is told where the expression is). **search**: its Search over the sentence.


Two SaudiNewsNet samples were drawn at random and labeled by hand before the
tagger was run on them, to measure it on text it was not tuned on. Their
first runs, before any fix they prompted:

| sample | n | marsad found | marsad right | dateparser (expression) right | dateparser (search) right |
|---|---:|---:|---:|---:|---:|
| held-out 1 (labeled mid-development) | 43 | 40 (93%) | 37 (86%) | 16 (37%) | 24 (56%) |
| held-out 2 (labeled after development) | 38 | 34 (89%) | 31 (82%) | 12 (32%) | 12 (32%) |

The fixes they prompted (hour words, "N من الشهر الجاري", seasons, Hijri
month with epithet and year word, "عامي X وY", "على مدار") are general rules;
the table below is the current state, held-out rows included.

Precision was audited by hand on random expressions Tag found in
SaudiNewsNet articles (anchor = date_extracted), judging text span and
value: 2015-08-04.json, 60 expressions: 55 right (wrong: "لتر مياه في
اليوم", "خلال اليوم الدراسي", "مطلع العام الميلادي الجديد", a bare "الخميس"
that meant the coming Thursday, an idiomatic "اليوم مثل أمس");
2015-08-10.json, 60 expressions, audited after those fixes: 57 right (wrong:
"بأمس الحاجة" twice, a habitual "غداً"). The rules those audits prompted
(per-day "في اليوم", "العام الدراسي", "العام الجديد", "بأمس الحاجة") are in.

`)
	b.WriteString(table)
	b.WriteString("\n## marsad misses\n\n")
	if len(misses) == 0 {
		b.WriteString("None.\n")
	}
	for _, m := range misses {
		b.WriteString("- " + m + "\n")
	}
	return b.String()
}

// TestNoAnchorNoRelativeValue checks that without a publication date no
// relative expression gets a value: no "today", no crawl time.
func TestNoAnchorNoRelativeValue(t *testing.T) {
	relative := []string{
		"وصل الوفد أمس إلى بنغازي", "التقى الوزير نظيره الأحد", "الشهر الماضي", "منذ أسبوع", "منذ أكثر من أسبوع",
		"منذ أسابيع", "قبل 5 أيام", "منذ يومين", "بعد 5 أيام من لقائه", "الأسبوع الماضي", "العام الماضي",
		"في شهر مارس الماضي", "مارس الماضي", "منتصف الشهر", "أواخر العام", "خلال الثمانية أشهر الماضية",
		"اليوم", "غدا", "أول أمس", "الأحد المقبل", "يوم الأحد الماضي", "10 سبتمبر", "من 10 إلى 12 سبتمبر",
		"الساعة 21:15 بتوقيت غرينتش", "مساء اليوم", "اليوم (الاثنين)", "هذا العام", "العام الجاري",
	}
	for _, s := range relative {
		t.Run(s, func(t *testing.T) {
			exprs := Tag(s, marsad.Date{})
			if len(exprs) == 0 {
				t.Fatalf("Tag(%q) found nothing", s)
			}
			for _, e := range exprs {
				if e.Value != "" || !e.From.IsZero() || !e.To.IsZero() {
					t.Errorf("Tag(%q) without anchor: %q resolved to %q [%v, %v)", s, e.Text, e.Value, e.From, e.To)
				}
			}
		})
	}
	// The TSV's no-anchor rows hold to the same rule.
	for _, c := range loadCases(t) {
		if !c.Anchor.IsZero() || c.Want != "-" {
			continue
		}
		if m, got := runMarsad(c); m.found && got.Value != "" {
			t.Errorf("timex.tsv:%d %q resolved to %q without anchor", c.line, c.Expr, got.Value)
		}
	}
}

// BenchmarkDateparserSearch is go-dateparser's Search over the seed
// bodies, for comparison with BenchmarkTag.
func BenchmarkDateparserSearch(b *testing.B) {
	bodies := seedBodies(b)
	p := &dps.Parser{}
	cfg := &dps.Configuration{Languages: []string{"ar"}, PreferredDateSource: dps.Past, PreferredDayOfMonth: dps.First,
		CurrentTime: anchorTue.Time}
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range bodies {
			p.Search(cfg, s)
		}
	}
}
