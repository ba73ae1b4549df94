package timex

import (
	"testing"
	"unicode/utf8"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in, want string // want "" means ok=false
		gran     string
	}{
		{"2023/09/26 الساعة 21:15 بتوقيت غرينتش", "2023-09-26T21:15:00Z", "minute"},
		{"تم النشر: 2023/09/26 الساعة 21:15 بتوقيت غرينتش", "2023-09-26T21:15:00Z", "minute"},
		{"23 فبراير 2018", "2018-02-23", "day"},
		{"23 شباط 2018", "2018-02-23", "day"},
		{"الثلاثاء، 26 سبتمبر/أيلول 2023", "2023-09-26", "day"},
		{"٢٦/٩/٢٠٢٣", "2023-09-26", "day"},
		{"26-09-2023", "2023-09-26", "day"},
		{"2023-09-26", "2023-09-26", "day"},
		{"2023-09-26T21:15:00+03:00", "2023-09-26T21:15:00+03:00", "minute"},
		{"Tue, 26 Sep 2023 21:15:00 +0000", "2023-09-26T21:15:00Z", "minute"},
		{"Tue, 26 Sep 2023 21:15:00 GMT", "2023-09-26T21:15:00Z", "minute"},
		{"الجمعة، 23 فبراير 2018 10:00", "2018-02-23T10:00:00Z", "minute"},
		{"الجمعة 23 فبراير 2018 - 10:00 مساء", "2018-02-23T22:00:00Z", "minute"},
		{"2023-09-26 21:15 بتوقيت مكة المكرمة", "2023-09-26T21:15:00+03:00", "minute"},
		{"ديسمبر/ كانون الأول 2015", "2015-12", "month"},
		{"سبتمبر 2023", "2023-09", "month"},
		{"2023", "2023", "year"},
		{"11 ربيع الأول 1445ه", "2023-09-26", "day"},
		{"١٤ أغسطس، ٢٠١٧", "2017-08-14", "day"},
		{"15 جوان 2020", "2020-06-15", "day"},
		{"15 يوليوز 2020", "2020-07-15", "day"},
		{"", "", ""},
		{"أمس", "", ""},
		{"الثلاثاء", "", ""},
		{"26 سبتمبر", "", ""}, // no year: not one absolute date
		{"31/02/2023", "", ""},
		{"1200 مرتزق", "", ""},
		{"من 2019 إلى 2020", "", ""},
		{"وصل حفتر إلى موسكو في 26 سبتمبر 2023 والتقى وزير الدفاع الروسي ونائبه في مقر الوزارة", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := ParseDate(tt.in)
			if tt.want == "" {
				if ok {
					t.Errorf("ParseDate(%q) = %v, want ok=false", tt.in, got)
				}
				return
			}
			if !ok || got.String() != tt.want || string(got.Granularity) != tt.gran {
				t.Errorf("ParseDate(%q) = %q %s %v, want %q %s", tt.in, got.String(), got.Granularity, ok, tt.want, tt.gran)
			}
		})
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2023/09/26 الساعة 21:15 بتوقيت غرينتش", "٢٦/٩/٢٠٢٣", "رمضان 1445 هـ", "31/02/2023",
		"2023-09-26T21:15:00+03:00", "11 ربيع الأول 99999999ه", "ذو الحجة 1 هـ", "\xff\xfe", "24:00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := ParseDate(s)
		if ok && d.IsZero() {
			t.Errorf("ParseDate(%q) ok with zero date", s)
		}
		if ok && !utf8.ValidString(d.String()) {
			t.Errorf("ParseDate(%q) = invalid string", s)
		}
	})
}
