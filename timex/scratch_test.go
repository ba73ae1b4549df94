package timex

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/marsad-news/marsad"
)

func TestScratch(t *testing.T) {
	if os.Getenv("SCRATCH") == "" {
		t.Skip()
	}
	a := marsad.DayDate(2023, 9, 26)
	for _, s := range []string{
		"وكان حفتر قد التقى يوم الأحد الماضي يفكيروف",
		"سبق أن بحث الأحد مع حفتر", "وصل الثلاثاء إلى موسكو",
		"أعلن بعد 5 أيام من لقائه قائد أفريكوم",
		"ضربت العاصفة في 10 سبتمبر/أيلول 2023 شرق ليبيا", "مساء 16 سبتمبر/أيلول 2023 بلغت الحصيلة 11,470 قتيلا",
		"في 14 أغسطس ، 2017 التقى لافروف", "اتفاق الصخيرات في ديسمبر/ كانون الأول 2015", "زار سلامة روسيا في سبتمبر/ أيلول 2017",
		"منذ أسبوع", "منذ أكثر من أسبوع", "منذ أسابيع", "قبل 5 أيام", "منذ يومين", "الأسبوع الماضي", "الشهر الماضي", "العام الماضي",
		"في شهر مارس الماضي", "مارس الماضي", "مطلع 2022", "منتصف الشهر", "أواخر العام", "خلال الثمانية أشهر الماضية",
		"بين أبريل/نيسان 2019 ويونيو/حزيران 2020", "من 10 إلى 12 سبتمبر", "الساعة 21:15 بتوقيت غرينتش", "عام 2011", "ثورة 2011", "في 2017",
		"1200 مرتزق", "8 مقاتلات", "Su-24", "11 ألفاً", "رمضان 1445 هـ", "11 ربيع الأول 1445ه", "2023/09/26", "26-09-2023", "26/9/2023", "٢٦/٩/٢٠٢٣",
		"اليوم", "أمس", "أول أمس", "غدا", "الأحد المقبل", "بين عامي 2019 و2020", "خلال الـ24 ساعة الماضية", "صباح اليوم", "مارس الضغط",
		"في يونيو 2020 وفي مارس", "23 فبراير 2018", "الجمعة، 23 فبراير 2018", "مارس من العام الماضي",
	} {
		t.Logf("%s", s)
		for _, e := range Tag(s, a) {
			t.Logf("    %q %s %s", e.Text, e.Value, e.Granularity)
		}
	}
}

func TestScratchSeeds(t *testing.T) {
	if os.Getenv("SCRATCH") == "" {
		t.Skip()
	}
	anchors := map[string]marsad.Date{"001": marsad.DayDate(2023, 9, 26), "002": marsad.DayDate(2018, 2, 23)}
	files, _ := filepath.Glob("/work/shared/seeds/*.txt")
	for _, f := range files {
		b, _ := os.ReadFile(f)
		a := anchors[filepath.Base(f)[:3]]
		t.Logf("== %s anchor %v", filepath.Base(f), a)
		for _, e := range Tag(string(b), a) {
			lo, hi := max(0, e.Start-40), min(len(b), e.End+30)
			_ = lo
			_ = hi
			t.Logf("    %q %s %s   | %s", e.Text, e.Value, e.Granularity, strings.ReplaceAll(strings.ToValidUTF8(string(b[lo:hi]), ""), "\n", " "))
		}
	}
}

func TestScratchFile(t *testing.T) {
	if os.Getenv("SCRATCH_FILE") == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(os.Getenv("SCRATCH_FILE"))
	for _, line := range strings.Split(string(b), "\n") {
		a, s, ok := strings.Cut(line, "|")
		if !ok {
			continue
		}
		d, _ := marsad.ParseDate(strings.TrimSpace(a))
		t.Logf("%s | %s", a, s)
		for _, e := range Tag(s, d) {
			t.Logf("    %q %s %s", e.Text, e.Value, e.Granularity)
		}
	}
}
