package extract_test

import (
	"testing"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/extract"
)

// An outlet the source names in another spelling (a dump's slug, a feed's
// Latin site name) is shown under its Arabic name.
func TestCleanCanonicalizesOutlet(t *testing.T) {
	for slug, want := range map[string]string{"aawsat": "الشرق الأوسط", "aljazirah": "الجزيرة السعودية", "3alyoum": "عين اليوم", "Asharq Al-Awsat": "الشرق الأوسط", "was": "واس", "مدونة مجهولة": "مدونة مجهولة"} {
		a := &marsad.Article{Title: "عنوان الخبر", Body: "قال وزير المالية إن الاقتصاد نما بنسبة كبيرة خلال الربع الثاني من العام الجاري، مشيرا إلى تحسن الصادرات غير النفطية.", Outlet: slug}
		extract.Clean(a)
		if a.Outlet != want {
			t.Errorf("Clean with outlet %q gives %q, want %q", slug, a.Outlet, want)
		}
	}
}
