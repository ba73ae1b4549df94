package web

import (
	"testing"
	"time"

	"github.com/marsad-news/marsad"
)

func TestArabicWhen(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", "تاريخ غير معروف"},
		{"2023", "2023"},
		{"2023-09", "سبتمبر 2023"},
		{"2023-09-26", "26 سبتمبر 2023"},
		{"2023-09-26T21:15:00Z", "26 سبتمبر 2023، 21:15"},
		{"2023-W39", "الأسبوع 39 من 2023"},
		{"2019-04/2020-06", "أبريل 2019 – يونيو 2020"},
		{"soon", "soon"},
	}
	for _, tt := range tests {
		if got := arabicWhen(tt.in); got != tt.want {
			t.Errorf("arabicWhen(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestWhenTime(t *testing.T) {
	tests := []struct {
		in   string
		want time.Time
		ok   bool
	}{
		{"2023-09-26", time.Date(2023, 9, 26, 0, 0, 0, 0, time.UTC), true},
		{"2023-09", time.Date(2023, 9, 1, 0, 0, 0, 0, time.UTC), true},
		{"2019-04/2020-06", time.Date(2019, 4, 1, 0, 0, 0, 0, time.UTC), true},
		{"2023-W39", time.Date(2023, 9, 25, 0, 0, 0, 0, time.UTC), true}, // ISO week 39 of 2023 starts Monday 25 September
		{"2023-W60", time.Time{}, false},
		{"", time.Time{}, false},
		{"yesterday", time.Time{}, false},
	}
	for _, tt := range tests {
		got, ok := whenTime(tt.in)
		if ok != tt.ok || !got.Equal(tt.want) {
			t.Errorf("whenTime(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestArabicDateNeverAddsPrecision(t *testing.T) {
	d := marsad.Date{Time: time.Date(2023, 9, 26, 21, 15, 0, 0, time.UTC), Granularity: marsad.Month}
	if got := arabicDate(d); got != "سبتمبر 2023" {
		t.Errorf("month date shown as %q", got)
	}
	if got := arabicDate(marsad.Date{}); got != "" {
		t.Errorf("unknown date shown as %q", got)
	}
}

func TestBuildTimeline(t *testing.T) {
	ref := marsad.ArticleRef{ID: 1}
	items := []marsad.TimelineItem{
		{When: "2015-12", Kind: "agreement", Text: "الصخيرات", Article: ref},
		{When: "2023-09-26", Kind: "visit", Text: "زيارة", Article: ref},
		{When: "2023-09-26", Kind: "visit", Text: "زيارة", Article: marsad.ArticleRef{ID: 2}}, // a copy
		{When: "2023-W39", Kind: "meeting", Text: "لقاء", Article: ref},
	}
	chart, years := buildTimeline(items)
	if len(chart.Dots) != 3 {
		t.Errorf("%d dots, want 3 (the copy folded)", len(chart.Dots))
	}
	if len(years) != 2 || years[0].Year != "2015" || len(years[1].Entries) != 2 {
		t.Fatalf("years %+v", years)
	}
	if also := years[1].Entries[0].AlsoIn; len(also) != 1 || also[0].ID != 2 {
		t.Errorf("folded copy not listed: %+v", also)
	}
	// Right to left: the earlier event is further right.
	if chart.Dots[0].X <= chart.Dots[1].X {
		t.Errorf("2015 at x=%v, 2023 at x=%v: time should run right to left", chart.Dots[0].X, chart.Dots[1].X)
	}
	for _, d := range chart.Dots {
		if d.X < 0 || d.X > float64(chart.Width) || d.Y < 0 || d.Y > float64(chart.Height) {
			t.Errorf("dot outside the chart: %+v", d)
		}
	}
}
