package ner

import "github.com/marsad-news/marsad/arabic"

// Compound given names. Many Arabic given names are two words, a first
// element and a definite second one: عز الدين، نور الدين، سيف الإسلام،
// زين العابدين، عز العرب، نصر الله. The tagger, which has seen الدين and
// العرب mostly outside names, often stops after the first element («محمد
// عز» of «محمد عز العرب»). CompoundNames runs a person's name on over the
// second element when its last word is a first element and the next word
// a second element, both from closed lists.

var (
	compoundFirst = normalizedKeys(map[string]bool{
		"عز": true, "نور": true, "سيف": true, "شمس": true, "علاء": true, "صلاح": true,
		"جمال": true, "بهاء": true, "نصر": true, "عماد": true, "محيي": true, "محي": true,
		"تاج": true, "زين": true, "فخر": true, "سعد": true, "حسام": true, "ضياء": true,
		"شرف": true, "نجم": true, "بدر": true, "كمال": true, "خير": true, "عصام": true,
		"ركن": true, "مجد": true, "فتح": true, "حسب": true, "جاد": true, "عطا": true,
	})
	compoundSecond = normalizedKeys(map[string]bool{
		"الدين": true, "الإسلام": true, "العرب": true, "الله": true, "الحق": true,
		"العابدين": true, "الرحمن": true, "الزمان": true, "الدولة": true,
	})
)

// CompoundNames extends one sentence's person names (BIO tags, in place)
// over the second element of a compound given name.
func CompoundNames(words, tags []string) {
	for i := 0; i+1 < len(tags); i++ {
		if tags[i] != "B-PER" && tags[i] != "I-PER" || tags[i+1] != "O" {
			continue
		}
		if compoundFirst[arabic.Normalize(words[i])] && compoundSecond[arabic.Normalize(words[i+1])] {
			tags[i+1] = "I-PER"
		}
	}
}
