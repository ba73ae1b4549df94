package storedjson

import (
	"reflect"
	"testing"

	"github.com/marsad-news/marsad"
)

// Entities, which stops after the first key, reads what SetAnalysis reads.
func TestEntitiesMatchesFullDecode(t *testing.T) {
	with := &marsad.Article{
		Entities: []marsad.Entity{{ID: "e1", Name: "خليفة حفتر", Type: marsad.Person, Aliases: []string{"حفتر"}}},
		Quotes:   []marsad.Quote{{Speaker: "حفتر", Text: "نص", Kind: marsad.Claim}},
	}
	without := &marsad.Article{Quotes: with.Quotes}
	for _, a := range []*marsad.Article{with, without, {}} {
		text := Analysis(a)
		var full marsad.Article
		if err := SetAnalysis(&full, text); err != nil {
			t.Fatal(err)
		}
		got, err := Entities(text)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, full.Entities) || !reflect.DeepEqual(got, a.Entities) {
			t.Errorf("Entities(%s) = %v, want %v", text, got, a.Entities)
		}
	}
	for _, bad := range []string{"", "[]", `{"entities": 3}`, `{"quotes": [`} {
		if _, err := Entities(bad); err == nil {
			t.Errorf("Entities(%q): no error", bad)
		}
	}
}
