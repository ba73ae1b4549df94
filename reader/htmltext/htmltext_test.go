package htmltext

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParagraphs(t *testing.T) {
	tests := []struct{ in, want string }{
		{"<p>أ</p><p>ب</p>", "أ\nب"},
		{"<div>أ<br>ب</div>ج", "أ\nب\nج"},
		{"<p>  كلمة\n\tأخرى  </p>", "كلمة أخرى"},
		{"<ul><li>١</li><li>٢</li></ul>", "١\n٢"},
		{"<p>a<script>x</script>b</p>", "a b"},
		{"نص بلا وسوم\n\nسطر", "نص بلا وسوم\nسطر"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := FragmentText(tt.in); got != tt.want {
			t.Errorf("FragmentText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzFragmentText(f *testing.F) {
	f.Add("<p>أ</p><p>ب</p>")
	f.Add("<div>أ<br>ب</div><script>x</script>ج")
	f.Add(strings.Repeat("<div>", 1000) + "نص")
	f.Fuzz(func(t *testing.T, s string) {
		got := FragmentText(s)
		if strings.Contains(got, "\n\n") || strings.TrimSpace(got) != got {
			t.Errorf("not clean paragraphs: %q", got)
		}
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Errorf("invalid UTF-8 from valid input: %q", got)
		}
		if FragmentText(got) != got && !strings.ContainsAny(got, "<&") {
			t.Errorf("not idempotent on plain text: %q → %q", got, FragmentText(got))
		}
	})
}

func BenchmarkFragmentText(b *testing.B) {
	s := strings.Repeat("<p>وصل قائد قوات شرق ليبيا إلى روسيا لإجراء <b>مباحثات</b> مع مسؤولي البلاد.</p>", 50)
	b.ReportAllocs()
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		FragmentText(s)
	}
}
