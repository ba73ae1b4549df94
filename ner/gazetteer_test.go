package ner

import (
	"bytes"
	"compress/gzip"
	"io"
	"slices"
	"strings"
	"testing"
)

func TestReadGazetteer(t *testing.T) {
	tests := []struct {
		name, in string
		ok       bool
	}{
		{"two bases", "بوتين\t1 300 0 0 0\nروسيا 20 0 1600 1 3\n", true},
		{"blank lines", "\nبوتين 1 300 0 0 0\n\n", true},
		{"too few counts", "بوتين 1 300 0 0\n", false},
		{"not a number", "بوتين 1 x 0 0 0\n", false},
		{"negative", "بوتين 1 -3 0 0 0\n", false},
		{"empty", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadGazetteer(strings.NewReader(tc.in))
			if (err == nil) != tc.ok {
				t.Errorf("err = %v, want ok %v", err, tc.ok)
			}
		})
	}
}

func TestGazetteerPrior(t *testing.T) {
	g, err := ReadGazetteer(strings.NewReader("بوتين 1 300 0 0 0\nقال 5000 2 0 0 0\nنادر 2 0 0 0 0\n"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		base  string
		known bool
		dom   uint8
	}{
		{"بوتين", true, 1}, // a person in nearly all of its occurrences
		{"قال", true, 0},   // never really a name
		{"نادر", false, 0}, // too rare to say
		{"غائب", false, 0}, // not in the table
	}
	for _, tc := range tests {
		gi := g.table.lookup(hashString(tc.base))
		if gi.known != tc.known || gi.dom != tc.dom {
			t.Errorf("%s: known %v dom %d, want %v %d", tc.base, gi.known, gi.dom, tc.known, tc.dom)
		}
	}
}

// TestSaveLoadGazetteer: a model trained with a gazetteer saves it (format
// version 3) and tags the same after a round trip.
func TestSaveLoadGazetteer(t *testing.T) {
	sents, err := ReadCamelCSVFile(trainFile)
	if err != nil {
		t.Fatal(err)
	}
	sents = RestoreFinalPeriods(sents[:200])
	g, err := ReadGazetteer(strings.NewReader("ألمانيا 3 0 90 0 0\nاتحاد 40 0 0 30 0\n"))
	if err != nil {
		t.Fatal(err)
	}
	m, err := Train(sents, TrainOptions{Epochs: 2, Seed: 3, Gazetteer: g, Clusters: &Clusters{table: loadDefault(t).clusters}})
	if err != nil {
		t.Fatal(err)
	}
	var a, b bytes.Buffer
	if err := m.Save(&a); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(gunzip(t, a.Bytes()), magicGaz) {
		t.Fatal("a model with a gazetteer is not saved as version 3")
	}
	l, err := Load(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if err := l.Save(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("Load(Save(m)) saves differently")
	}
	for _, s := range sents[:50] {
		if x, y := m.Tag(s.Tokens), l.Tag(s.Tokens); !slices.Equal(x, y) {
			t.Fatalf("loaded model tags %v, trained model %v", y, x)
		}
	}
}

func gunzip(t *testing.T, b []byte) string {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}
