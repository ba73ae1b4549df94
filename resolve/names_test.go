package resolve

import (
	"reflect"
	"strings"
	"testing"

	"github.com/marsad-news/marsad"
)

func TestPhoneticKey(t *testing.T) {
	tests := []struct {
		a, b string
		same bool
	}{
		{"سيرجي لافروف", "سيرغي لافروف", true},
		{"بوتين", "بوتن", true},
		{"يونس بيك يوفكيورف", "يونس بك يفكيروف", true},
		{"سوريا", "سورية", true},
		{"فاغنر", "فاجنر", true},
		{"مايكل لانجلي", "مايكل لانغلي", true},
		{"بلومبيرغ", "بلومبرج", true},
		{"ترامب", "ترمب", true},
		{"الكريملين", "الكرملين", true},
		{"زاخاروفا", "زخاروفا", true},
		{"أوغلو", "اوغلو", true},
		{"طالبان", "تالبان", true},
		{"ذا تايمز", "زا تايمز", true},
		{"لافروف", "بوتين", false},
		{"حفتر", "حفيظ", false},
		{"موسكو", "مسقط", false},
	}
	for _, tt := range tests {
		t.Run(tt.a+"/"+tt.b, func(t *testing.T) {
			ka, kb := PhoneticKey(tt.a), PhoneticKey(tt.b)
			if (ka == kb) != tt.same {
				t.Errorf("PhoneticKey(%q)=%q, PhoneticKey(%q)=%q, same=%v, want %v", tt.a, ka, tt.b, kb, ka == kb, tt.same)
			}
		})
	}
}

func TestKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"أحمد المسماري", "احمد المسماري"},
		{"خليفة  حفتر", "خليفه حفتر"},
		{"المسؤولين", "المسءولين"},
		{"المسئولين", "المسءولين"},
		{"مُعَمَّر القذّافي", "معمر القذافي"},
		{"“فاغنر”", "فاغنر"},
		{"", ""},
		// عبد joined to the name it governs or written apart: one key.
		{"سلمان بن عبدالعزيز آل سعود", "سلمان بن عبد العزيز ال سعود"},
		{"سلمان بن عبد العزيز آل سعود", "سلمان بن عبد العزيز ال سعود"},
		{"عبدالفتاح السيسي", "عبد الفتاح السيسي"},
		{"عبدربه منصور هادي", "عبد ربه منصور هادي"},
		{"عبدة", "عبده"}, // a name of its own
		{"لعبد العزيز", "لعبد العزيز"},
		{"سلمان بن عبدالعزيزآل سعود", "سلمان بن عبد العزيز ال سعود"},
		{"مآل الأمور", "مال الامور"},
	}
	for _, tt := range tests {
		if got := Key(tt.in); got != tt.want {
			t.Errorf("Key(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestKeyTokensCliticAbd(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want int
	}{{"لعبد العزيز", 1}, {"وعبد الله", 1}, {"معبد الكرنك", 2}, {"سلمان بن عبدالعزيز", 2}} {
		if got := keyTokens(tt.in); len(got) != tt.want {
			t.Errorf("keyTokens(%q) = %q, want %d tokens", tt.in, got, tt.want)
		}
	}
}

func TestNameTokensCompounds(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"عبد الحميد الدبيبة", []string{"عبد الحميد", "الدبيبه"}},
		{"محمد عز العرب", []string{"محمد", "عز العرب"}},
		{"مولود جاويش أوغلو", []string{"مولود", "جاويش اوغلو"}},
		{"أبو بكر البغدادي", []string{"ابو بكر", "البغدادي"}},
		{"صلاح الدين", []string{"صلاح الدين"}},
		{"محمد بن زايد آل نهيان", []string{"محمد", "بن زايد", "ال نهيان"}},
		{"سلمان بن عبد العزيز", []string{"سلمان", "بن عبد العزيز"}},
	}
	for _, tt := range tests {
		if got := nameTokens(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("nameTokens(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTokenRelation(t *testing.T) {
	tests := []struct {
		a, b string
		want relation
		desc string
	}{
		{"بوتين", "بوتين", same, ""},
		{"سوريا", "سوريه", orthographic, "ا/ة ending"},
		{"سيرجي", "سيرغي", transliterate, "ج/غ"},
		{"بوتين", "بوتن", transliterate, "long vowels (ا/و/ي)"},
		{"يوفكيورف", "يفكيروف", transliterate, "long vowels (ا/و/ي)"},
		{"بيك", "بك", different, ""}, // too short alone; see relaxedRelation
		{"المالكي", "المليجي", different, ""},
		{"ملكاوي", "المالكي", different, ""},
		{"خان", "خوان", different, ""},
		{"كي", "جي", different, ""},
		{"الفريد", "فرويد", different, ""},
		{"كورتونوف", "كورتنوف", transliterate, "long vowels (ا/و/ي)"},
		{"كورتونوف", "كورتونوفا", different, ""},
		{"سوري", "سوريا", different, ""},
		{"ميدفيديف", "مدفيديف", transliterate, "long vowels (ا/و/ي)"},
		{"شويغو", "شويجو", transliterate, "ج/غ"},
		// Native names: a letter more is another name.
		{"حسن", "حسين", different, ""},
		{"سعد", "سعيد", different, ""},
		{"كمال", "جمال", different, ""},
		{"عمر", "عمرو", different, ""},
		{"محمد", "محمود", different, ""},
		{"جاسم", "قاسم", different, ""},
		{"لافروف", "لافرنتييف", different, ""},
	}
	for _, tt := range tests {
		t.Run(tt.a+"/"+tt.b, func(t *testing.T) {
			got, desc := tokenRelation(tt.a, tt.b)
			if got != tt.want || desc != tt.desc {
				t.Errorf("tokenRelation(%q, %q) = %v %q, want %v %q", tt.a, tt.b, got, desc, tt.want, tt.desc)
			}
		})
	}
}

func TestRelaxedRelation(t *testing.T) {
	if rel, _ := relaxedRelation("بيك", "بك"); rel != transliterate {
		t.Errorf("relaxedRelation(بيك, بك) = %v, want transliterate", rel)
	}
	if rel, _ := relaxedRelation("حسن", "حسين"); rel != different {
		t.Errorf("relaxedRelation(حسن, حسين) = %v, want different", rel)
	}
}

func TestComparePersons(t *testing.T) {
	tests := []struct {
		a, b   string
		merge  bool
		score  float64
		reason string
	}{
		{"سيرغي لافروف", "سيرجي لافروف", true, 0.93, "same last name + first names differ only by ج/غ transliteration"},
		{"يونس بيك يوفكيورف", "يونس بك يفكيروف", true, 0.86, ""},
		{"أندرية كورتونوف", "أندريه كورتونوف", true, 1, "same name after normalization"},
		{"يونس بك يفكيروف", "يونس يفكيروف", true, 0.88, "same first and last name, middle name 'بك' only in the longer form"},
		{"جورج بوش", "جورج دبليو بوش", true, 0.88, ""},
		{"دونالد ترامب", "دونالد ترمب", true, 0.93, ""},
		{"محمد بن زايد", "محمد بن زايد آل نهيان", true, 0.88, "same name after normalization, family name 'ال نهيان' only in the longer form"},
		{"تميم بن حمد آل ثاني", "تميم بن حمد", true, 0.88, ""},
		// Different people.
		{"حمد بن خليفة آل ثاني", "عبدالله بن خليفة آل ثاني", false, 0, ""},
		{"محمد بن زايد", "محمد بن راشد آل مكتوم", false, 0, ""},
		{"عقيلة صالح", "صالح المسماري", false, 0, ""},
		{"محمد حسن", "محمد حسين", false, 0, ""},
		{"محمد بن سلمان", "خالد بن سلمان", false, 0, ""},
		{"سعد الحريري", "رفيق الحريري", false, 0, ""},
		{"خليفة حفتر", "صدام حفتر", false, 0, ""},
		// Theophoric names written joined are native names too: brothers.
		{"عبدالملك الحوثي", "عبدالخالق الحوثي", false, 0, ""},
		{"جورج بوش", "جورج بوش الابن الثاني", false, 0, ""},
		// A son is not his grandson: a link of the chain of fathers
		// is never dropped.
		{"محمد بن عبدالعزيز", "محمد بن سلمان بن عبدالعزيز", false, 0, ""},
		{"سلمان بن عبدالعزيز", "سلمان بن سلطان بن عبدالعزيز", false, 0, ""},
		{"عادل الجبير", "عادل بن أحمد الجبير", true, 0.88, "same first and last name, middle name 'بن احمد' only in the longer form"},
		{"سلطان بن عبدالعزيز آل سعود", "سلطان بن سلمان بن عبدالعزيز آل سعود", false, 0, ""},
		{"حمدان بن راشد", "حمدان بن محمد بن راشد", false, 0, ""},
		// A last name with بن may be a family's (جمعان بن رقوش), so a
		// middle name without بن before it is no link of a chain.
		{"جمعان بن رقوش", "جمعان رشيد بن رقوش", true, 0.88, ""},
		// A father's name with بن or without it is one name.
		{"محمد نايف بن عبدالعزيز", "محمد بن نايف بن عبدالعزيز", true, 0.98, "same last name + middle names differ only by a بن written in one only"},
		{"عادل أحمد الجبير", "عادل بن أحمد الجبير", true, 0.98, ""},
		{"عادل أحمد الجبير", "عادل محمد الجبير", false, 0, ""},
		{"فيصل بن فهد بن عبدالعزيز", "فيصل بن فهد بن مساعد بن سعود بن عبدالعزيز", false, 0, ""},
		{"طلال بن أحمد الحمود", "طلال بن أحمد بن محمد الحمود", true, 0.88, ""},
		{"حمدان بن محمد آل مكتوم", "حمدان بن محمد بن راشد آل مكتوم", true, 0.88, ""},
	}
	for _, tt := range tests {
		t.Run(tt.a+"/"+tt.b, func(t *testing.T) {
			score, reason, ok := comparePersons(nameTokens(tt.a), nameTokens(tt.b))
			if ok != tt.merge {
				t.Fatalf("comparePersons(%q, %q) merge=%v (score %.2f, %q), want %v", tt.a, tt.b, ok, score, reason, tt.merge)
			}
			if !ok {
				return
			}
			if d := score - tt.score; d > 0.001 || d < -0.001 {
				t.Errorf("score %.3f, want %.2f", score, tt.score)
			}
			if tt.reason != "" && reason != tt.reason {
				t.Errorf("reason %q, want %q", reason, tt.reason)
			}
		})
	}
}

func TestCompareNames(t *testing.T) {
	tests := []struct {
		a, b  string
		typ   string
		merge bool
		why   string
	}{
		{"مجموعة فاغنر", "فاغنر", "ORG", true, "generic head 'مجموعه'"},
		{"شركة فاجنر", "مجموعة فاغنر", "ORG", true, "ج/غ"},
		{"شركة أرامكو", "مجموعة فاغنر", "ORG", false, ""},
		{"تنظيم داعش", "داعش", "ORG", true, "'تنظيم'"},
		{"مجلس الأمن الدولي", "مجلس الأمن", "ORG", true, "qualifiers"},
		{"حكومة الوفاق الوطني", "حكومة الوفاق", "ORG", true, "qualifiers"},
		{"مجلس الأمن القومي الأمريكي", "مجلس الأمن", "ORG", false, ""},
		{"حزب الله", "الله", "ORG", false, ""}, // حزب الله is one compound name
		{"سوريا", "سورية", "LOC", true, "ا/ة ending"},
		// A state named officially is the state.
		{"جمهورية مصر العربية", "مصر", "LOC", true, "officially"},
		{"مصر العربية", "مصر", "LOC", true, "officially"},
		{"المملكة العربية السعودية", "السعودية", "LOC", true, "officially"},
		{"دولة الإمارات العربية المتحدة", "الإمارات", "LOC", true, "officially"},
		{"الإمارات العربية المتحدة", "الإمارات", "LOC", true, "officially"},
		{"دولة الكويت", "الكويت", "LOC", true, "officially"},
		{"الولايات المتحدة", "الولايات", "LOC", false, ""},
		{"الجزيرة العربية", "الجزيرة", "LOC", false, ""}, // the peninsula
		{"المغرب العربي", "المغرب", "LOC", false, ""},    // the Maghreb
		{"جمهورية مصر العربية", "السعودية", "LOC", false, ""},
		// Two names of one state.
		{"أمريكا", "الولايات المتحدة", "LOC", true, "another name"},
		{"أميركا", "الولايات المتحدة الأمريكية", "LOC", true, "another name"},
		{"بريطانيا", "المملكة المتحدة", "LOC", true, "another name"},
		{"أمريكا اللاتينية", "الولايات المتحدة", "LOC", false, ""},
		// A foreign name or acronym with and without the article; not a
		// common word.
		{"الفيفا", "فيفا", "ORG", true, "with and without the article"},
		{"يونسكو", "اليونسكو", "ORG", true, "with and without the article"},
		{"النصر", "نصر", "ORG", false, ""},
		// A short one-word name respelled from its first letter is
		// another place; a long foreign one may be the same.
		{"جازان", "قازان", "LOC", false, ""},
		{"كوبا", "جوبا", "LOC", false, ""},
		{"كازاخستان", "قازاخستان", "LOC", true, "ق/ك"},
		// Few consonants and other long vowels: another word.
		{"باريس", "برس", "LOC", false, ""},
		{"النصرة", "الناصرة", "ORG", false, ""},
		{"كاليفورنيا", "كالفورنيا", "LOC", true, "long vowels"},
		{"الإمارات", "الامارات", "LOC", true, "normalization"},
		// و or ي moved by one letter in a long word: one foreign name's
		// two spellings. In a short word, or with ا, or for persons, an
		// Arabic pattern: two names.
		{"أمريكا", "أميركا", "LOC", true, "long vowel order"},
		{"وزارة الخارجية الأمريكية", "وزارة الخارجية الأميركية", "ORG", true, "long vowel order"},
		{"سان موريتز", "سان مورتيز", "LOC", true, "long vowel order"},
		{"بطين", "بطني", "LOC", false, ""},
		{"الروسي", "الرويس", "LOC", false, ""},
		{"العامرية", "العمارية", "LOC", false, ""},
		{"كارتر", "كراتر", "LOC", false, ""},
		{"محمد العويمري", "محمد العوميري", "PER", false, ""},
		{"قرية العويمري", "قرية العوميري", "LOC", true, "long vowel order"},
		{"النمسا", "النيجر", "LOC", false, ""},
		{"الولايات المتحدة", "الولايات المتحدة الأمريكية", "LOC", true, "adjective"},
		{"القاعدة الجوية الروسية", "القاعدة الجوية الأمريكية", "LOC", false, ""},
		{"السفارة", "السفارة الروسية", "LOC", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.a+"/"+tt.b, func(t *testing.T) {
			_, why, ok := compareNames(nameTokens(tt.a), nameTokens(tt.b), tt.typ)
			if ok != tt.merge || !strings.Contains(why, tt.why) {
				t.Errorf("compareNames(%q, %q) = %v %q, want %v containing %q", tt.a, tt.b, ok, why, tt.merge, tt.why)
			}
		})
	}
}

func TestClitics(t *testing.T) {
	const per, loc, org = marsad.Person, marsad.Location, marsad.Organization
	tests := []struct {
		word string
		typ  marsad.EntityType
		want string // base after the cut, "" for no cut
	}{
		{"بروسيا", loc, "روسيا"},
		{"لليبيا", loc, "ليبيا"},
		{"بالقاهره", loc, "القاهره"},
		{"والمرج", loc, "المرج"},
		{"وبوتين", per, "بوتين"},
		{"ليبيا", loc, ""},
		{"بنغازي", loc, ""},
		{"كمال", per, ""},
		{"فيصل", per, ""},
		{"فاغنر", org, ""},
		{"سيرجي", per, ""},
		{"فلاديمير", per, ""},
		{"بسام", per, ""},
		{"بجده", loc, "جده"},
		{"لغزه", loc, "غزه"},
		{"وجده", loc, ""}, // Oujda
		{"وجيش", org, "جيش"},
		{"وحزب", org, "حزب"},
		{"وفد", org, ""}, // a delegation, not و + فد
		{"بجده", org, ""},
		{"بطوله", marsad.Misc, ""}, // بطولة العالم: the tournament, not ب + طولة
		{"بنك", org, ""},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			c, ok := fallbackStrip(tt.word, tt.typ)
			got := ""
			if ok {
				got = c.base
			}
			if got != tt.want {
				t.Errorf("fallbackStrip(%q) = %q, want %q", tt.word, got, tt.want)
			}
		})
	}
}
