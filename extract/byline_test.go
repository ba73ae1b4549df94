package extract

import "testing"

// Bylines as SaudiNewsNet's author field gives them.
func TestSplitSourceByline(t *testing.T) {
	tests := []struct {
		in, outlet, author, place string
		ok                        bool
	}{
		{"الرياض: يوسف الحمادي", "الوطن", "يوسف الحمادي", "الرياض", true},
		{"&nbsp;عبدالله الدهاس (مكة المكرمة)", "عكاظ", "عبدالله الدهاس", "مكة المكرمة", true},
		{"واس - لندن", "اليوم", "واس", "لندن", true},
		{"حفر الباطن -الوئام:", "الوئام", "", "حفر الباطن", true},
		{"عوض العطوي - سبق - تبوك:", "سبق", "عوض العطوي", "تبوك", true},
		{"كتب - عبدالله الحنيان:", "الجزيرة السعودية", "عبدالله الحنيان", "", true},
		{"حوار: محمد الجرادي", "الاقتصادية", "محمد الجرادي", "", true},
		{"جازان - عافية الفيفي", "الرياض", "عافية الفيفي", "جازان", true},
		{"الطائف - عليان آل سعدان:", "الجزيرة السعودية", "عليان آل سعدان", "الطائف", true},
		{"الوكالات - أثينا", "اليوم", "الوكالات", "أثينا", true},
		{"سعد ناصر المالكي - عسير", "المدينة", "سعد ناصر المالكي", "عسير", true},
		{"يوسف المحيميد", "الجزيرة السعودية", "", "", false},
		{"وادي الدواسر-الوئام:", "الوئام", "", "وادي الدواسر", true},
		{"فهد العتيبي - سبق الطائف:", "سبق", "فهد العتيبي", "الطائف", true},
		{"رام الله: كفاح زبون", "الشرق الأوسط", "كفاح زبون", "رام الله", true},
		{"طبرق (شرق ليبيا):  عبد الستار حتيتة", "الشرق الأوسط", "عبد الستار حتيتة", "طبرق", true},
		{"لندن: «الشرق الأوسط»", "الشرق الأوسط", "", "لندن", true},
		{"عدن: محمد علي محسن - صنعاء: عرفات مدابش", "الشرق الأوسط", "محمد علي محسن", "عدن", true},
	}
	for _, tt := range tests {
		author, place, ok := splitSourceByline(tt.in, tt.outlet)
		if author != tt.author || place != tt.place || ok != tt.ok {
			t.Errorf("splitSourceByline(%q) = %q, %q, %v; want %q, %q, %v", tt.in, author, place, ok, tt.author, tt.place, tt.ok)
		}
	}
}

func FuzzSplitSourceByline(f *testing.F) {
	for _, s := range []string{"الرياض: يوسف الحمادي", "&nbsp;عبدالله الدهاس (مكة المكرمة)", "cnn ـ دبي", "(", "-:-"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		author, place, ok := splitSourceByline(s, "سبق")
		if !ok && (author != "" || place != "") {
			t.Errorf("not ok but %q, %q", author, place)
		}
	})
}
