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
		{"نايف الثقيل من الرياض", "الاقتصادية", "نايف الثقيل", "الرياض", true},
		{"الرياض - عذراء الحسيني", "الرياض", "عذراء الحسيني", "الرياض", true},
		{"لندن – الرياض", "الرياض", "", "لندن", true},
		{"المدينة - جدة", "المدينة", "", "جدة", true},
		{"الفرنسية - نيويورك", "اليوم", "فرانس برس", "نيويورك", true},
		{"اليوم - الدمام", "اليوم", "", "الدمام", true},
		{"متابعة - الرياض الإلكتروني:", "الرياض", "", "", true},
		{"\u00a0عكاظ (جدة)", "عكاظ", "", "جدة", true},
		{"عكاظ خاص (بيروت)", "عكاظ", "", "بيروت", true},
		{"واس، رويترز (نيويورك)", "عكاظ", "واس", "نيويورك", true},
		{"وكالات (باريس)", "عكاظ", "وكالات", "باريس", true},
		{"نصير المغامسي (هاتفيا ــ جدة)", "عكاظ", "نصير المغامسي", "جدة", true},
		{"أيمن باهي، أحمد عبدالله (القاهرة)", "عكاظ", "أيمن باهي، أحمد عبدالله", "القاهرة", true},
		{"«الاقتصادية» من الرياض", "الاقتصادية", "", "الرياض", true},
		{"الاقتصادية الإلكترونية من الرياض", "الاقتصادية", "", "الرياض", true},
		{"جو ليهي من ساو باولو", "الاقتصادية", "جو ليهي", "ساو باولو", true},
		{"«» من الرياض", "الاقتصادية", "", "", false},
		{"مجموعة من المواطنين", "الاقتصادية", "", "", false},
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

// A byline of three parts: the agency at one end, the place and the
// reporter in either order; a ministry is no reporter.
func TestOutletBylineOfThree(t *testing.T) {
	for _, tt := range []struct{ in, outlet, author, place string }{
		{"أنقرة/ سليم قايا/ الأناضول", "الأناضول", "سليم قايا", "أنقرة"},
		{"الأناضول - غزة - محمد ماجد", "الأناضول", "محمد ماجد", "غزة"},
		{"الرياض/ وزارة الداخلية/ واس", "", "", ""},
		{"أنقرة/ سليم قايا/ مكتب الرئيس", "", "", ""},
	} {
		o, a, p, _ := parseOutletByline(tt.in)
		if o != tt.outlet || a != tt.author || p != tt.place {
			t.Errorf("parseOutletByline(%q) = %q, %q, %q; want %q, %q, %q", tt.in, o, a, p, tt.outlet, tt.author, tt.place)
		}
	}
}

// A header line of a place and a reporter, either first, or of a
// reporter and a credit label; an outlet and a label.
func TestHeaderReporterLines(t *testing.T) {
	for _, tt := range []struct{ in, place, author string }{
		{"القاهرة: محمد عبده حسنين", "القاهرة", "محمد عبده حسنين"},
		{"الرياض - عبدالله الشهري", "الرياض", "عبدالله الشهري"},
		{"خالد القرشي – مكة المكرمة", "مكة المكرمة", "خالد القرشي"},
		{"أحمد الحامدي – متابعات", "", "أحمد الحامدي"},
		{"القاهرة: عاجل", "", ""},
	} {
		p, a, _ := parsePlaceReporter(tt.in)
		if p != tt.place || a != tt.author {
			t.Errorf("parsePlaceReporter(%q) = %q, %q; want %q, %q", tt.in, p, a, tt.place, tt.author)
		}
	}
	if o, a, p, ok := parseOutletByline("عين اليوم – متابعات"); !ok || o != "عين اليوم" || a != "" || p != "" {
		t.Errorf("parseOutletByline(عين اليوم – متابعات) = %q %q %q %v", o, a, p, ok)
	}
}
