package pipeline

import "testing"

func TestToCodePoints(t *testing.T) {
	s := "ab حفتر c" // a, b, space: one byte each; حفتر: four runes of two bytes
	tests := []struct{ byteOff, want int }{
		{-3, 0}, {0, 0}, {2, 2}, {3, 3}, {4, 3}, // 4 is inside ح: counts as before it
		{5, 4}, {11, 7}, {12, 8}, {13, 9}, {99, 9},
	}
	offs := make([]int, len(tests))
	refs := make([]*int, len(tests))
	for i, tt := range tests {
		offs[i] = tt.byteOff
		refs[len(tests)-1-i] = &offs[i] // out of order on purpose
	}
	toCodePoints(s, refs)
	for i, tt := range tests {
		if offs[i] != tt.want {
			t.Errorf("byte %d: got %d code points before it, want %d", tt.byteOff, offs[i], tt.want)
		}
	}
}
