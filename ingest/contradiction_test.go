package ingest_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/ingest"
	"github.com/marsad-news/marsad/sqlite"
)

// A claim in one outlet's article and its denial in another's are linked
// on their story (issue 4: contradictions across articles).
func TestContradictionAcrossArticles(t *testing.T) {
	dir := t.TempDir()
	claim := `صحيفة تكشف صفقة لبيع ميناء العقبة

صحيفة الغد
12 مارس 2024

عمان - كشفت مصادر مطلعة أن الحكومة وقعت اتفاقا سريا لبيع حصة في ميناء العقبة لشركة أجنبية مقابل مليار دولار.
وقالت المصادر إن الصفقة ستعلن خلال الأسابيع المقبلة بعد موافقة مجلس الوزراء على تفاصيلها النهائية.
`
	denial := `الحكومة تنفي بيع حصة في ميناء العقبة

الرأي
13 مارس 2024

عمان - نفى المتحدث باسم الحكومة سامي الخطيب أن تكون الحكومة وقعت اتفاقا سريا لبيع حصة في ميناء العقبة لشركة أجنبية.
وأضاف الخطيب أن الميناء سيبقى ملكا للدولة وأن ما نشر عن الصفقة لا أساس له من الصحة.
`
	os.WriteFile(filepath.Join(dir, "claim.txt"), []byte(claim), 0o644)
	os.WriteFile(filepath.Join(dir, "denial.txt"), []byte(denial), 0o644)
	store, err := sqlite.Open(filepath.Join(t.TempDir(), "c.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	ctx := context.Background()
	if _, err := ingest.Ingest(ctx, store, []string{dir}, nil, ingest.Options{}); err != nil {
		t.Fatal(err)
	}
	stories, err := store.Stories(ctx, marsad.StoryFilter{Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, s := range stories {
		for _, c := range s.Contradictions {
			t.Logf("story %d: %q (%s) denied by %q (%s)", s.ID, c.Claim.Speaker, filepath.Base(c.Claim.Article.File), c.Denial.Speaker, filepath.Base(c.Denial.Article.File))
			if strings.HasSuffix(c.Claim.Article.File, "claim.txt") && strings.HasSuffix(c.Denial.Article.File, "denial.txt") {
				found = true
			}
		}
	}
	if !found {
		for _, s := range stories {
			t.Logf("story %d: %d articles", s.ID, len(s.Articles))
		}
		q, _ := store.Quotes(ctx, marsad.QuoteFilter{Limit: 100})
		for _, x := range q {
			t.Logf("quote %s %q: %q", x.Kind, x.Speaker, x.Text)
		}
		t.Error("the claim and its denial in another article are not linked")
	}
}
