package reader

import "testing"

func TestCleanLines(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"\n\n  \n", ""},
		{"سطر", "سطر"},
		{"  أول \r\n\r\n ثان\t\n", "أول\nثان"},
		{"a\rb\nc", "a\rb\nc"}, // a lone CR inside a line stays
		{"\u00a0نص\u00a0\n\u2003", "نص"},
	} {
		if got := cleanLines(c.in); got != c.want {
			t.Errorf("cleanLines(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
