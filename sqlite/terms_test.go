package sqlite

import (
	"strings"
	"testing"

	"github.com/marsad-news/marsad/search"
	"github.com/marsad-news/marsad/storetest"
)

// The cached analysis must index exactly what search.IndexText gives, or
// searches would miss: on the seeds, odd strings, and real articles when
// the corpus is on this machine. The cache is shared across the texts, as
// in a batch, and small enough here to start over midway.
func TestIndexTextCached(t *testing.T) {
	texts := []string{
		"", " ", "،", "...", "2023/09/26 و 21:15 و ٣٫٥ و 11,470", "3.", "/3", "a.b", "ABC Def",
		"المُتحدِّث قالَ: «الزيارة مهمّة»", "إلى الى ألى", "وبالمسؤولين والمسئولين",
		"\u200f\u200eنص\ufeff مع علامات", "invalid \xff\xfe utf8 نص", "ـــتطويل", "e\u0301\u0301",
		"كلمة\nسطر\n\nفقرة", "😀 رمز",
	}
	for _, a := range storetest.Seeds(t) {
		texts = append(texts, a.Title, a.Body)
	}
	for _, a := range storetest.SaudiNewsNet(t, 300) {
		texts = append(texts, a.Title, a.Body)
	}
	var c termCache
	for i, s := range texts {
		if got, want := c.indexText(s), search.IndexText(s); got != want {
			t.Fatalf("text %d %.60q:\ncached %.200q\nwant   %.200q", i, s, got, want)
		}
		if len(c.m) > 5000 {
			c.m = nil // start over, as past termCacheMax
		}
	}
	// Twice: the second pass answers from the cache.
	for i, s := range texts {
		if got, want := c.indexText(s), search.IndexText(s); got != want {
			t.Fatalf("second pass, text %d differs", i)
		}
	}
	if !strings.Contains(c.indexText("حفتر يزور روسيا"), " ") {
		t.Errorf("no terms for a plain sentence")
	}
}
