package extract

import "github.com/marsad-news/marsad/arabic"

// isPersonName reports a name-like phrase that opens with a common given
// name.
func isPersonName(s string) bool {
	if !isNameLike(s) {
		return false
	}
	for _, w := range splitWords(s) {
		return arabic.IsGivenName(arabic.Normalize(w))
	}
	return false
}
