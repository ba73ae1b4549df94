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
		{"أمير منطقة عسير ومنطقة عازلة", "عسير"},
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
	if n := writePlaces(&b, counts, nil, cues); n != 1 {
		t.Errorf("writePlaces wrote %d bases, want 1:\n%s", n, b.String())
	}
	if !strings.Contains(b.String(), "حلب\t213\t404\n") {
		t.Errorf("writePlaces output lacks حلب:\n%s", b.String())
	}

	// The definite form of a base that is mostly a common word.
	counts = map[string]*[5]uint32{"خرج": {771, 0, 0, 0, 0}, "حلب": {337, 0, 67, 0, 0}}
	defs := map[string]uint32{"الخرج": 383, "الحلب": 20}
	cues = map[string]uint32{"خرج": 79, "الخرج": 79, "حلب": 213, "الحلب": 10}
	b.Reset()
	if n := writePlaces(&b, counts, defs, cues); n != 2 {
		t.Errorf("writePlaces wrote %d bases, want 2 (حلب and الخرج):\n%s", n, b.String())
	}
	if !strings.Contains(b.String(), "الخرج\t79\t383\n") {
		t.Errorf("writePlaces output lacks the definite الخرج:\n%s", b.String())
	}
}
