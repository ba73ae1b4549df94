package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestPlaceCues(t *testing.T) {
	tests := []struct {
		sentence string
		want     string // the words cued, space-separated
	}{
		{"قصف في ريف حلب ومدينة عدن", "حلب عدن"},
		{"وصل إلى محافظة تعز", "تعز"},
		{"في شمال البلاد وجنوب المملكة", ""}, // generic places
		{"في مدينة 15", ""},
		{"حلب مدينة", ""},
		{"في دولة الكويت ودولة مارقة", "الكويت"}, // an adjective
	}
	for _, tt := range tests {
		words := strings.Fields(tt.sentence)
		var got []string
		for i, c := range placeCues(words, nil) {
			if c {
				got = append(got, words[i])
			}
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("placeCues(%q) = %q, want %q", tt.sentence, g, tt.want)
		}
	}
}

func TestWritePlaces(t *testing.T) {
	counts := map[string]*[5]uint32{
		"حلب":  {337, 0, 67, 0, 0}, // 213 cues of 404: a place
		"بلاد": {4632, 0, 0, 0, 0}, // 592 of 4,632: a common word
		"ريث":  {1, 0, 3, 0, 0},    // 4 cues: too few
		"شرقي": {600, 0, 285, 0, 0},
	}
	cues := map[string]uint32{"حلب": 213, "بلاد": 592, "ريث": 4, "شرقي": 279}
	var b bytes.Buffer
	if n := writePlaces(&b, counts, cues); n != 1 {
		t.Errorf("writePlaces wrote %d bases, want 1:\n%s", n, b.String())
	}
	if !strings.Contains(b.String(), "حلب\t213\t404\n") {
		t.Errorf("writePlaces output lacks حلب:\n%s", b.String())
	}
}
