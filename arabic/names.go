package arabic

import "slices"

// Common Arabic given names. A byline and a dateline look alike
// ("محمد السيد - سبق:" and "مكة المكرمة - سبق:"), and a title before a name
// the tagger missed ("المرشد الإيراني علي خامنئي") is told from one before
// a common noun by the same test: a first word that is a common given
// name. The list is short on purpose: it only has to catch the names the
// press uses most, and a name it misses costs a dateline or a mention, not
// an error.
var givenNames = func() map[string]bool {
	m := map[string]bool{}
	for _, n := range givenNameList {
		m[Normalize(n)] = true
	}
	return m
}()

// givenNameList is the list as written.
var givenNameList = []string{
	"محمد", "أحمد", "محمود", "مصطفى", "علي", "عمر", "عثمان", "خالد", "سعد", "سعيد", "سعود", "فهد", "فيصل",
	"سلطان", "سلمان", "ناصر", "منصور", "ماجد", "مشعل", "متعب", "نايف", "نواف", "بدر", "تركي", "طلال", "زيد",
	"حسن", "حسين", "إبراهيم", "إسماعيل", "يوسف", "يحيى", "يونس", "موسى", "عيسى", "سليمان", "داود", "هشام",
	"هاني", "هيثم", "وليد", "طارق", "عادل", "عماد", "عمرو", "كريم", "كمال", "جمال", "جلال", "رامي", "سامي",
	"سامر", "سمير", "شريف", "صالح", "صلاح", "ضياء", "عبد", "عبدالله", "عبدالرحمن", "عبدالعزيز", "عبدالكريم",
	"عبدالرحيم", "عبدالإله", "عبدالحكيم", "عبدالمجيد", "عبدالحميد", "عبدالرزاق", "عبدالسلام", "عبدالوهاب",
	"أيمن", "أسامة", "أنس", "أنور", "إياد", "باسم", "بلال", "ثامر", "جابر", "جاسم", "حاتم", "حامد", "حمد",
	"حمزة", "خليل", "راشد", "رائد", "رشيد", "زياد", "سالم", "سيف", "شادي", "ظافر", "عايض", "عبيد", "عوض",
	"غازي", "فارس", "فؤاد", "فايز", "فلاح", "قاسم", "لؤي", "مازن", "مالك", "مجدي", "مراد", "مروان", "معاذ",
	"مهند", "نبيل", "نزار", "نصر", "نضال", "هادي", "وائل", "ياسر", "ياسين", "يزيد", "شقران", "عويد", "نافل",
	"فاطمة", "عائشة", "مريم", "زينب", "خديجة", "سارة", "نورة", "نور", "هدى", "هند", "ليلى", "منى", "سلمى",
	"رنا", "ريم", "رشا", "دينا", "لينا", "لمى", "أمل", "إيمان", "أسماء", "سمر", "سماح", "سهى", "نادية", "هالة",
	"هبة", "هديل", "وفاء", "رحاب", "شيماء", "آمنة", "خلود", "دعاء", "جيهان", "منال", "نهى", "ندى", "رانيا",
	"حنان", "هيفاء", "لجين", "رغد", "أميرة", "داليا", "غادة", "سوسن", "عبير", "نجلاء", "مها", "أروى", "بشرى", "نسرين",
}

// IsGivenName reports whether a normalized word is a common Arabic given
// name (محمد، علي، فاطمة).
func IsGivenName(w string) bool { return givenNames[w] }

// GivenNames returns the common given names as usually written, for
// callers that test words before normalizing them.
func GivenNames() []string { return slices.Clone(givenNameList) }
