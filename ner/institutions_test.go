package ner

import (
	"strings"
	"testing"
)

// TestInstitutions checks the institution rules on sentences the tagger
// left (partly) untagged. Each case gives the words, the tagger's tags
// ("" for all O) and the spans expected after the rules, as TYPE:words.
func TestInstitutions(t *testing.T) {
	tests := []struct {
		name  string
		words string
		tags  string // space-separated, "" = all O
		want  []string
	}{
		{"ministry: construct state and adjective", "وقالت وزارة الصحة السعودية إن", "", []string{"ORG:وزارة الصحة السعودية"}},
		{"clitic on the head", "وأعلنت ووزارة الصحة", "", []string{"ORG:ووزارة الصحة"}},
		{"genitive then adjective", "أيدت حكومة الإنقاذ الوطني القرار", "", []string{"ORG:حكومة الإنقاذ الوطني"}},
		{"definite head takes adjectives only", "قال الجيش السوداني إن", "", []string{"ORG:الجيش السوداني"}},
		{"definite head without adjective", "قال الجيش إن", "", nil},
		{"group with a definite genitive and a nisba", "تلقت المملكة طلبا من مجموعة العمل المالي أمس", "", []string{"ORG:مجموعة العمل المالي"}},
		{"group of people is no name", "وصلت مجموعة من الشباب أمس", "", nil},
		{"a place span opened by an institution head", "تخرج في جامعة القصيم أمس", "O O B-LOC I-LOC O", []string{"ORG:جامعة القصيم"}},
		{"a place after a facility head stays a place", "هبطت في مطار جدة أمس", "O O O B-LOC O", []string{"LOC:مطار جدة"}},
		{"definite head then a noun is no name", "قال الجيش الأسبوع الماضي", "", nil},
		{"construct state stops at a time noun", "أعلنت وزارة الداخلية الأسبوع الماضي", "", []string{"ORG:وزارة الداخلية"}},
		{"lam complement", "قال المركز المصري للدراسات الاقتصادية أمس", "", []string{"ORG:المركز المصري للدراسات الاقتصادية"}},
		{"coordinated adjectives", "معهد البحوث السياسية والاقتصادية", "", []string{"ORG:معهد البحوث السياسية والاقتصادية"}},
		{"an institution takes an elative", "قال المجلس الإسلامي الأعلى أمس", "", []string{"ORG:المجلس الإسلامي الأعلى"}},
		{"a command with two adjectives, and its quoted short form", "قائد القيادة المركزية الأمريكية في الخليج \" سنتكوم \" أمس", "O O O O O B-LOC O B-MISC O O", []string{"ORG:القيادة المركزية الأمريكية", "LOC:الخليج", "ORG:سنتكوم"}},
		{"driving is no command", "يحمل رخصة قيادة السيارات منذ عام", "", nil},
		{"a militia named by its family", "استمرت ميليشيات الحوثي الانقلابية في القصف", "", []string{"ORG:ميليشيات الحوثي"}},
		{"a congregation is no group's name", "صلاة الجماعة في المسجد", "", nil},
		{"led by a coach is no command", "فاز الفريق بقيادة المدرب البرتغالي أمس", "", nil},
		{"a leadership is no command", "وأكدت القيادة السعودية دعمها", "", nil},
		{"weak head without adjective", "انعقدت هيئة المحكمة صباحا", "", nil},
		{"weak head with adjective", "أصدرت هيئة الطيران المدني بيانا", "", []string{"ORG:هيئة الطيران المدني"}},
		{"a body described, not named", "أصدرت الهيئة الوطنية بيانا", "", nil},
		{"describing adjective is not a name", "قالت الحكومة الحالية إن", "", nil},
		{"generic head yields", "المتحدث باسم قوات الجيش العراقي قال", "", []string{"ORG:الجيش العراقي"}},
		{"generic head with adjective", "قوات الأمن العراقية", "", []string{"ORG:قوات الأمن العراقية"}},
		{"generic head without adjective", "قوات الأمن", "", nil},
		{"indefinite genitive is no name", "حكومة وحدة", "", nil},
		{"a tagged place after the head stays a place", "حكومة كوريا الجنوبية", "O B-LOC I-LOC", []string{"LOC:كوريا الجنوبية"}},
		{"facility with a tagged place", "قصفت الطائرات قاعدة تدمر", "O O O B-LOC", []string{"LOC:قاعدة تدمر"}},
		{"name after a king", "هبطت في مطار الملك خالد الدولي", "O O O O B-PER O", []string{"LOC:مطار الملك خالد الدولي"}},
		{"name after a king, split by the tagger", "يدرس في جامعة الملك سعود بالرياض", "O O B-ORG I-ORG B-PER I-PER", []string{"ORG:جامعة الملك سعود", "LOC:بالرياض"}},
		{"name after a princess, with her father", "جامعة الأميرة نورة بنت عبدالرحمن", "B-ORG I-ORG B-PER I-PER I-PER", []string{"ORG:جامعة الأميرة نورة بنت عبدالرحمن"}},
		{"prize after a king", "فاز بجائزة الملك فيصل العالمية", "O O O B-PER O", []string{"MISC:بجائزة الملك فيصل العالمية"}},
		{"centre after a king with its complement", "في مركز الملك عبدالعزيز للحوار الوطني", "O O O B-PER O O", []string{"ORG:مركز الملك عبدالعزيز للحوار الوطني"}},
		{"a title and a common word name nothing", "كأس الملك أهمية كبيرة", "O O O O", nil},
		{"a king alone stays a person", "استقبل الملك سلمان بن عبدالعزيز الوفد", "O O B-PER I-PER I-PER O", []string{"PER:سلمان بن عبدالعزيز"}},
		{"the person after the name stays a person", "مدير جامعة الملك سعود عبد الله الصقعبي", "O O O B-PER I-PER I-PER I-PER", []string{"ORG:جامعة الملك سعود", "PER:عبد الله الصقعبي"}},
		{"a family name is part of the name", "في ملعب الأمير عبدالله الفيصل أمس", "O O O B-PER I-PER O", []string{"LOC:ملعب الأمير عبدالله الفيصل"}},
		{"a place after the title is no name", "نهائي كأس الملك بجدة", "O O O B-LOC", []string{"LOC:بجدة"}},
		{"the tagger's own organisation from the title", "صلى في جامع الملك فيصل أمس", "O O O B-ORG I-ORG O", []string{"LOC:جامع الملك فيصل"}},
		{"a compound name in the genealogy", "جامع الإمام تركي بن عبد الله بالرياض", "O O B-PER I-PER I-PER I-PER B-LOC", []string{"LOC:جامع الإمام تركي بن عبد الله", "LOC:بالرياض"}},
		{"a pronoun the tagger glued on", "جسر الملك عبدالعزيز هو الأطول", "O O B-PER I-PER O", []string{"LOC:جسر الملك عبدالعزيز"}},
		{"facility, definite genitive and adjective", "قاعدة العديد الجوية", "", []string{"LOC:قاعدة العديد الجوية"}},
		{"tagged organisation extended", "مجلس الأمن الدولي اليوم", "B-ORG I-ORG O O", []string{"ORG:مجلس الأمن الدولي"}},
		{"tagged organisation kept whole", "مجلس التعاون الخليجي", "B-ORG I-ORG I-ORG", []string{"ORG:مجلس التعاون الخليجي"}},
		{"person untouched", "قال وزير الخارجية سامح شكري", "O O O B-PER I-PER", []string{"PER:سامح شكري"}},
		{"place extended by adjectives", "الإمارات العربية المتحدة", "B-LOC I-LOC O", []string{"LOC:الإمارات العربية"}},
		{"two-word place extended by nisba", "في الولايات المتحدة الأمريكية أمس", "O B-LOC I-LOC O O", []string{"LOC:الولايات المتحدة الأمريكية"}},
		{"an elative is no nisba", "والمدينة المنورة الأعلى في الأمطار", "B-LOC I-LOC O O O", []string{"LOC:والمدينة المنورة"}},
		{"one-word place not extended", "العراق الشقيقة", "B-LOC O", []string{"LOC:العراق"}},
		{"head word that looks like a clitic", "نقلت وكالة الأنباء العراقية", "", []string{"ORG:وكالة الأنباء العراقية"}},
		{"tagged name inside a longer name", "الخبير بمركز الجزيرة للدراسات السياسية", "O O B-ORG O O", []string{"ORG:بمركز الجزيرة للدراسات السياسية"}},
		{"tagged name after a head stays the name", "نقلت وكالة رويترز", "O O B-ORG", []string{"ORG:رويترز"}},
		{"a company described, not named", "قالت الشركة الهندية إن", "", nil},
		{"a company named by two adjectives", "قالت الشركة الوطنية السعودية إن", "", []string{"ORG:الشركة الوطنية السعودية"}},
		{"a company named by its lam complement", "الشركة السعودية للصناعات الأساسية", "", []string{"ORG:الشركة السعودية للصناعات الأساسية"}},
		{"a preposition ends the adjectives", "إدارة الشؤون الدولية بالنادي", "", []string{"ORG:إدارة الشؤون الدولية"}},
		{"movement of prices is no movement", "حركة المؤشر العام", "", nil},
		{"the board is no name", "اجتمع مجلس الإدارة أمس", "", nil},
		{"a noun in alif maqsura is no adjective", "قالت إدارة المستشفى", "", nil},
		{"hamza is no article", "رئيس لجنة ألعاب القوى", "", nil},
		{"coordinated genitives", "فاز حزب العدالة والتنمية الحاكم", "", []string{"ORG:حزب العدالة والتنمية"}},
		{"coordinated genitive the lexicon knows", "وكيل وزارة المياه والكهرباء لشؤون", "", []string{"ORG:وزارة المياه والكهرباء"}},
		{"governor is no article", "والي الولاية", "", nil},
		{"quoted name after a newspaper", "وقالت صحيفة « نيويورك تايمز » إن", "", []string{"ORG:نيويورك تايمز"}},
		{"quoted name after a clitic head", "نقلت لصحيفة \" الغارديان \" أمس", "", []string{"ORG:الغارديان"}},
		{"bracketed short form after an organisation", "منظمة الصحة العالمية ( WHO ) أن", "B-ORG I-ORG I-ORG O O O O", []string{"ORG:منظمة الصحة العالمية", "ORG:WHO"}},
		{"a quoted company the tagger read as a title", "عقد مع شركة “ أرامكو ” للنفط", "O O O O B-MISC O O", []string{"ORG:أرامكو"}},
		{"a bracketed word that is no short form", "البنك الأهلي ( أمس ) ،", "B-ORG I-ORG O O O O", []string{"ORG:البنك الأهلي"}},
		{"a bracketed number is no short form", "قرار مجلس الأمن ( 2216 )", "O B-ORG I-ORG O O O", []string{"ORG:مجلس الأمن"}},
		{"short form after a long name", "مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية ( أوكوا ) ،", "O B-ORG I-ORG O O O O O O O", []string{"ORG:الأمم المتحدة", "ORG:أوكوا"}},
		{"short form too far from the name", "الأمم المتحدة في بيان عن الأوضاع الإنسانية في البلاد ( أوكوا )", "B-ORG I-ORG O O O O O O O O O O", []string{"ORG:الأمم المتحدة"}},
		{"facility and an unknown name", "هبطت في قاعدة تيكريتوف الجوية", "", []string{"LOC:قاعدة تيكريتوف الجوية"}},
		{"facility and a known word", "أنشأت قاعدة بيانات جديدة", "", nil},
		{"a quoted outlet with a place in its name", "ونقل موقع “ مصر اليوم ” الخبر", "O O O B-LOC O O O", []string{"ORG:مصر اليوم"}},
		{"a quoted person after a newspaper stays a person", "صحيفة « سعيد الحربي » اليوم", "O O B-PER I-PER O O", []string{"PER:سعيد الحربي"}},
		{"quoted words after a verb are no name", "وقال « لن نتراجع » أمس", "", nil},
		{"a quoted phrase too long for a name", "صحيفة « هذا هو العنوان الطويل جدا » اليوم", "", nil},
		{"a quoted title after a work's word", "لحضور العرض الأول لفيلمها الجديد « النبي » في المدينة", "O O O O O O B-ORG O O O", []string{"MISC:النبي"}},
		{"a quoted storm's name", "ضرب الإعصار الاستوائي \" باتريشيا \" المدن", "O O O O B-PER O O", []string{"MISC:باتريشيا"}},
		{"a process described is not named by a quote", "وتابع العملية الانتخابية « الدورة الثالثة » ونشر", "", nil},
		{"a quoted name after no work's word stays", "وعلق لاعب الفريق \" محمد \" على ذلك", "O O O O B-PER O O O", []string{"PER:محمد"}},
		{"a country's nisba the tagger read as a place", "وقالت وزارة الصحة السعودية إن", "O O O B-LOC O", []string{"ORG:وزارة الصحة السعودية"}},
		{"a definite head and a country's nisba", "وقالت الحكومة المصرية إن", "O O B-LOC O", []string{"ORG:الحكومة المصرية"}},
		{"a place name after a genitive stays a place", "وزارة الخارجية في الرياض", "O O O B-LOC", []string{"ORG:وزارة الخارجية", "LOC:الرياض"}},
		{"coordination after a name is left alone", "وزارة الصحة والحكومة المحلية", "", []string{"ORG:وزارة الصحة"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			words := strings.Fields(tt.words)
			tags := make([]string, len(words))
			for i := range tags {
				tags[i] = "O"
			}
			if tt.tags != "" {
				tags = strings.Fields(tt.tags)
			}
			Institutions(words, tags)
			var got []string
			for _, c := range bioSpans(tags) {
				got = append(got, c.typ+":"+strings.Join(words[c.from:c.to], " "))
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("%s\n got  %q\n want %q (tags %v)", tt.words, got, tt.want, tags)
			}
		})
	}
}

type bioSpan struct {
	from, to int
	typ      string
}

func bioSpans(tags []string) []bioSpan {
	var out []bioSpan
	for i := 0; i < len(tags); i++ {
		if !strings.HasPrefix(tags[i], "B-") {
			continue
		}
		j := i + 1
		for j < len(tags) && tags[j] == "I-"+tags[i][2:] {
			j++
		}
		out = append(out, bioSpan{i, j, tags[i][2:]})
		i = j - 1
	}
	return out
}

func FuzzInstitutions(f *testing.F) {
	f.Add("وزارة الصحة السعودية", "O O O")
	f.Add("قاعدة تدمر الجوية", "O B-LOC O")
	f.Fuzz(func(t *testing.T, text, tagText string) {
		words := strings.Fields(text)
		tags := strings.Fields(tagText)
		if len(tags) != len(words) {
			return
		}
		before := append([]string(nil), tags...)
		Institutions(words, tags)
		for i, tag := range tags {
			if tag != before[i] && strings.HasSuffix(before[i], "-PER") {
				t.Fatalf("changed a %s token to %s", before[i], tag)
			}
			if tag != before[i] && strings.HasSuffix(before[i], "-LOC") && !strings.HasSuffix(tag, "-LOC") && (before[i] != "B-LOC" || tag != "I-ORG") {
				t.Fatalf("changed a %s token to %s", before[i], tag)
			}
			if tag != before[i] && !strings.HasPrefix(tag, "B-") && !strings.HasPrefix(tag, "I-") {
				t.Fatalf("wrote tag %q", tag)
			}
		}
	})
}
