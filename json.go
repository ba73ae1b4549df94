package marsad

import "encoding/json"

// The JSON forms below keep two promises of the output contract: a value
// the source does not give is null, never "", and a list is [], never null.
// Reading them back (null into a string) gives the zero value again.
//
// Only types that no other type embeds get a MarshalJSON: an embedded
// type's method would be promoted and marshal the outer struct as itself
// alone (a QuoteItem would lose its article).

func nonNilStrings(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// MarshalJSON writes an unresolved value as null.
func (t TimeExpr) MarshalJSON() ([]byte, error) {
	type plain TimeExpr
	return json.Marshal(struct {
		plain
		Value *string `json:"value"`
	}{plain(t), nullable(t.Value)})
}

// MarshalJSON writes unknown places and dates as null and empty
// participant lists as [].
func (e Event) MarshalJSON() ([]byte, error) {
	type plain Event
	return json.Marshal(struct {
		plain
		Who      []string `json:"who"`
		With     []string `json:"with"`
		Where    *string  `json:"where"`
		When     *string  `json:"when"`
		WhenText *string  `json:"when_text"`
	}{plain(e), nonNilStrings(e.Who), nonNilStrings(e.With), nullable(e.Where), nullable(e.When), nullable(e.WhenText)})
}
