package web

import (
	"html/template"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/marsad-news/marsad"
	"golang.org/x/net/html"
)

const (
	ms = marsad.MarkStart
	me = marsad.MarkEnd
)

func TestSnippetHTML(t *testing.T) {
	tests := []struct {
		name, in string
		want     template.HTML
	}{
		{"plain", "نص عادي", "نص عادي"},
		{"one mark", "زار " + ms + "حفتر" + me + " موسكو", "زار <mark>حفتر</mark> موسكو"},
		{"script", ms + "<script>alert(1)</script>" + me, "<mark>&lt;script&gt;alert(1)&lt;/script&gt;</mark>"},
		{"img", `<img src=x onerror=alert(1)>`, "&lt;img src=x onerror=alert(1)&gt;"},
		{"attribute breakout", `"><svg onload=alert(1)>`, "&#34;&gt;&lt;svg onload=alert(1)&gt;"},
		{"literal mark tag", "<mark>x</mark>", "&lt;mark&gt;x&lt;/mark&gt;"},
		{"stray end", "a" + me + "b", "ab"},
		{"unclosed start", "a" + ms + "b", "a<mark>b</mark>"},
		{"nested start", ms + "a" + ms + "b" + me + "c" + me, "<mark>ab</mark>c"},
		{"empty", "", ""},
		{"ampersand", "A & B", "A &amp; B"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := snippetHTML(tt.in); got != tt.want {
				t.Errorf("snippetHTML(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestHighlightBody(t *testing.T) {
	tests := []struct {
		name   string
		body   string
		layers bodyLayers
		want   template.HTML
	}{
		{
			name: "paragraphs, blank lines dropped",
			body: "أول\n\n  \nثان",
			want: "<p>أول</p>\n<p>ثان</p>\n",
		},
		{
			name:   "entity",
			body:   "زار حفتر موسكو",
			layers: bodyLayers{inner: []span{{start: 4, end: 8, class: "ent ent-per", title: "شخص: حفتر"}}},
			want:   `<p>زار <mark class="ent ent-per" title="شخص: حفتر">حفتر</mark> موسكو</p>` + "\n",
		},
		{
			name: "entity inside quote",
			body: "قال: نحن هنا",
			layers: bodyLayers{
				outer: []span{{start: 5, end: 12, class: "q", id: "q-1-5"}},
				inner: []span{{start: 5, end: 8, class: "ent"}},
			},
			want: `<p>قال: <mark class="q" id="q-1-5"><mark class="ent">نحن</mark> هنا</mark></p>` + "\n",
		},
		{
			name: "entity crossing a quote start is split",
			body: "abcdefgh",
			layers: bodyLayers{
				outer: []span{{start: 3, end: 8, class: "q"}},
				inner: []span{{start: 1, end: 5, class: "e"}},
			},
			want: `<p>a<mark class="e">bc</mark><mark class="q"><mark class="e">de</mark>fgh</mark></p>` + "\n",
		},
		{
			name: "quote across paragraphs is reopened, id once",
			body: "ab\ncd",
			layers: bodyLayers{
				outer: []span{{start: 1, end: 5, class: "q", id: "q-1-1"}},
			},
			want: `<p>a<mark class="q" id="q-1-1">b</mark></p>` + "\n" + `<p><mark class="q">cd</mark></p>` + "\n",
		},
		{
			name: "overlapping inner spans: first longest kept",
			body: "abcdef",
			layers: bodyLayers{inner: []span{
				{start: 2, end: 4, class: "b"},
				{start: 0, end: 3, class: "a"},
				{start: 0, end: 2, class: "c"},
			}},
			want: `<p><mark class="a">abc</mark>def</p>` + "\n",
		},
		{
			name: "bad offsets dropped",
			body: "abc",
			layers: bodyLayers{inner: []span{
				{start: -1, end: 2}, {start: 2, end: 1}, {start: 1, end: 99}, {start: 1, end: 1},
			}},
			want: "<p>abc</p>\n",
		},
		{
			name:   "hostile text and titles escaped",
			body:   `<script>alert(1)</script> <img src=x onerror=alert(1)> "><svg onload=alert(1)>`,
			layers: bodyLayers{inner: []span{{start: 0, end: 8, class: `x" onmouseover="alert(1)`, title: `"><svg onload=alert(1)>` + ms}}},
			want: `<p><mark class="x&#34; onmouseover=&#34;alert(1)" title="&#34;&gt;&lt;svg onload=alert(1)&gt;` + ms + `">&lt;script&gt;</mark>` +
				`alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt; &#34;&gt;&lt;svg onload=alert(1)&gt;</p>` + "\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := highlightBody(tt.body, tt.layers); got != tt.want {
				t.Errorf("highlightBody(%q)\n got %s\nwant %s", tt.body, got, tt.want)
			}
		})
	}
}

// TestArticleLayersHostile runs the whole article path with hostile names:
// marks inside entity names, markup in speakers and time values.
func TestArticleLayersHostile(t *testing.T) {
	body := "قال <b>حفتر</b> إن " + ms + "الوضع" + me + " مستقر"
	a := &marsad.Article{ID: 3, Body: body}
	a.Entities = []marsad.Entity{{Name: "<b>حفتر</b>" + ms + `"><svg onload=alert(1)>`, Type: "<x>", Mentions: []marsad.Mention{{Start: 4, End: 15}}}}
	a.Quotes = []marsad.Quote{{Speaker: `<img src=x onerror=alert(1)>`, Kind: "<k>", Start: 19, End: 26}}
	a.Times = []marsad.TimeExpr{{Value: `"><script>`, Start: 27, End: 32}}
	got := string(highlightBody(body, articleLayers(a)))
	checkWellFormed(t, got)
	for _, bad := range []string{"<b>", "<svg", "<img", "<script", "<x>", "<k>"} {
		if strings.Contains(got, bad) {
			t.Errorf("output contains %q: %s", bad, got)
		}
	}
	if !strings.Contains(got, `class="ent ent-misc"`) || !strings.Contains(got, `class="q q-statement"`) {
		t.Errorf("unknown type/kind not mapped to safe classes: %s", got)
	}
}

// checkWellFormed parses s as an HTML fragment and checks that the only
// elements are p and mark and that every attribute is class, id or title.
func checkWellFormed(t *testing.T, s string) {
	t.Helper()
	z := html.NewTokenizer(strings.NewReader(s))
	depth := 0
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if depth != 0 {
				t.Errorf("unbalanced tags (depth %d) in %s", depth, s)
			}
			return
		case html.StartTagToken, html.EndTagToken:
			name, hasAttr := z.TagName()
			if n := string(name); n != "p" && n != "mark" {
				t.Errorf("unexpected element %q in %s", n, s)
			}
			for hasAttr {
				var k []byte
				k, _, hasAttr = z.TagAttr()
				if a := string(k); a != "class" && a != "id" && a != "title" {
					t.Errorf("unexpected attribute %q in %s", a, s)
				}
			}
			if tt == html.StartTagToken {
				depth++
			} else {
				depth--
			}
		}
	}
}

// FuzzHighlightBody: any body and any spans give well-formed HTML whose
// text, unescaped, is the body's non-blank lines.
func FuzzHighlightBody(f *testing.F) {
	f.Add("زار حفتر موسكو\nثم عاد", 4, 8, 0, 10, 3, 20)
	f.Add(`<script>alert(1)</script>`, 0, 8, 1, 3, -1, 5)
	f.Add("a\n\nb", 0, 4, 1, 2, 2, 3)
	f.Add("\xff\xfe<", 0, 1, 0, 3, 1, 2)
	f.Fuzz(func(t *testing.T, body string, s1, e1, s2, e2, s3, e3 int) {
		l := bodyLayers{
			outer: []span{{start: s1, end: e1, class: "q", id: "q", title: body}},
			inner: []span{{start: s2, end: e2, class: "e"}, {start: s3, end: e3, class: "t", title: "<"}},
		}
		got := string(highlightBody(body, l))
		checkWellFormed(t, got)
		// The text content is the body, minus blank lines.
		var text strings.Builder
		z := html.NewTokenizer(strings.NewReader(got))
		for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
			if tt == html.TextToken {
				text.Write(z.Text())
			}
		}
		var want strings.Builder
		for _, line := range strings.Split(body, "\n") {
			if strings.TrimSpace(line) != "" {
				want.WriteString(line)
			}
		}
		gotText := strings.ReplaceAll(text.String(), "\n", "")
		wantText := want.String()
		// The tokenizer rewrites NUL and CR; compare only bodies it keeps.
		if utf8.ValidString(body) && !strings.ContainsAny(body, "\x00\r") && gotText != wantText {
			t.Errorf("text = %q, want %q", gotText, wantText)
		}
	})
}

// FuzzSnippetHTML: any snippet gives well-formed HTML with only <mark>.
func FuzzSnippetHTML(f *testing.F) {
	f.Add("زار " + ms + "حفتر" + me + " موسكو")
	f.Add(ms + ms + "<script>" + me + me)
	f.Add("\xe0\x80")
	f.Fuzz(func(t *testing.T, s string) {
		got := string(snippetHTML(s))
		z := html.NewTokenizer(strings.NewReader(got))
		depth := 0
		for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
			switch tt {
			case html.StartTagToken:
				if name, _ := z.TagName(); string(name) != "mark" {
					t.Fatalf("element %q in %q", name, got)
				}
				depth++
			case html.EndTagToken:
				depth--
			case html.SelfClosingTagToken, html.CommentToken, html.DoctypeToken:
				t.Fatalf("token %v in %q", tt, got)
			}
			if depth < 0 || depth > 1 {
				t.Fatalf("mark depth %d in %q", depth, got)
			}
		}
		if depth != 0 {
			t.Fatalf("unclosed mark in %q", got)
		}
	})
}
