package resolve

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/marsad-news/marsad"
)

// marked turns "قال [PER خليفة حفتر] في [LOC موسكو]" into a body and the
// tagger's mentions, so that tests read as text. Marks may nest.
func marked(t testing.TB, s string) (string, []Mention) {
	t.Helper()
	var b strings.Builder
	var ms []Mention
	type open struct {
		typ   string
		start int
	}
	var stack []open
	for len(s) > 0 {
		switch {
		case s[0] == '[':
			typ, rest, ok := strings.Cut(s[1:], " ")
			if !ok {
				t.Fatalf("bad mark in %q", s)
			}
			stack = append(stack, open{typ, b.Len()})
			s = rest
		case s[0] == ']':
			if len(stack) == 0 {
				t.Fatalf("unopened ] in %q", s)
			}
			o := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			text := b.String()[o.start:]
			ms = append(ms, Mention{Start: o.start, End: b.Len(), Type: marsad.EntityType(o.typ), Text: text})
			s = s[1:]
		default:
			b.WriteByte(s[0])
			s = s[1:]
		}
	}
	if len(stack) > 0 {
		t.Fatalf("unclosed [")
	}
	return b.String(), ms
}

// summary is an entity reduced to what the grouping tests compare.
type summary struct {
	Type    marsad.EntityType
	Name    string
	Aliases []string
	Roles   []string
}

func summarize(ents []marsad.Entity) []summary {
	out := make([]summary, 0, len(ents))
	for _, e := range ents {
		s := summary{Type: e.Type, Name: e.Name, Aliases: e.Aliases}
		if len(s.Aliases) == 0 {
			s.Aliases = nil
		}
		for _, r := range e.Roles {
			s.Roles = append(s.Roles, r.Role)
		}
		out = append(out, s)
	}
	return out
}

var pub = marsad.DayDate(2023, time.September, 26)

func TestArticleGrouping(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []summary
	}{
		{
			name: "surname and clitic forms join the full name",
			text: "وصل [PER خليفة حفتر] إلى [LOC موسكو]. وقال [PER حفتر] إن الدعم [PER لحفتر] مستمر.",
			want: []summary{
				{Type: "PER", Name: "خليفة حفتر", Aliases: []string{"حفتر"}},
				{Type: "LOC", Name: "موسكو"},
			},
		},
		{
			name: "two surnames joined by و are two people named in full elsewhere",
			text: "التقى [PER جون كيري] [PER عادل الجبير]. وقال لافروف مشيرا إلى الوزيرين [PER كيري والجبير] إنه متفائل.",
			want: []summary{
				{Type: "PER", Name: "جون كيري", Aliases: []string{"كيري"}},
				{Type: "PER", Name: "عادل الجبير", Aliases: []string{"الجبير"}},
			},
		},
		{
			name: "an organisation named whole twice stays whole",
			text: "فاز [ORG الاتحاد] على [ORG الوحدة]. وكانت المفاوضات جارية بين [ORG الاتحاد والوحدة] أمس. وقدم [ORG مركز الملك سلمان للإغاثة والأعمال الإنسانية] مساعدات، وقال [ORG مركز الملك سلمان للإغاثة] إن [ORG مكتب الشؤون الإنسانية] شارك مع [ORG مركز الملك سلمان للإغاثة والأعمال الإنسانية].",
			want: []summary{
				{Type: "ORG", Name: "الاتحاد"},
				{Type: "ORG", Name: "الوحدة"},
				{Type: "ORG", Name: "مركز الملك سلمان للإغاثة والأعمال الإنسانية"},
				{Type: "ORG", Name: "مركز الملك سلمان للإغاثة"},
				{Type: "ORG", Name: "مكتب الشؤون الإنسانية"},
			},
		},
		{
			name: "a name with a و of its own stays whole",
			text: "غنى [PER أنور وجدي] أغنية، وقال [PER وجدي] إنه سعيد.",
			want: []summary{
				{Type: "PER", Name: "أنور وجدي", Aliases: []string{"وجدي"}},
			},
		},
		{
			name: "a father named inside his son's chain of fathers is another man",
			text: "التقى [PER أحمد علي عبد الله صالح] بوالده [PER علي عبد الله صالح] في [LOC صنعاء].",
			want: []summary{
				{Type: "PER", Name: "أحمد علي عبد الله صالح"},
				{Type: "PER", Name: "علي عبد الله صالح"},
				{Type: "LOC", Name: "صنعاء"},
			},
		},
		{
			name: "a grandson is not his grandfather's son",
			text: "استقبل [PER محمد بن سلمان بن عبدالعزيز] الأمير [PER محمد بن عبدالعزيز] أمس.",
			want: []summary{
				{Type: "PER", Name: "محمد بن سلمان بن عبدالعزيز"},
				{Type: "PER", Name: "محمد بن عبدالعزيز"},
			},
		},
		{
			name: "a tail that drops more than the first name is an ancestor",
			text: "قال [PER يحيى محمد عبدالله صالح] إن عمه [PER عبدالله صالح] غادر صنعاء.",
			want: []summary{
				{Type: "PER", Name: "يحيى محمد عبدالله صالح"},
				{Type: "PER", Name: "عبدالله صالح"},
			},
		},
		{
			name: "a two-word tail is the same man",
			text: "أعلن الرئيس [PER عبد ربه منصور هادي] أن [PER منصور هادي] سيعود.",
			want: []summary{
				{Type: "PER", Name: "عبد ربه منصور هادي", Aliases: []string{"منصور هادي"}},
			},
		},
		{
			name: "two names the tagger ran together, each named on its own, are dropped as one",
			text: "التقى [PER سيرجي لافروف] نظيره [PER عادل الجبير]. وقال [PER سيرجي لافروف عادل الجبير] إن الحوار مستمر.",
			want: []summary{
				{Type: "PER", Name: "سيرجي لافروف"},
				{Type: "PER", Name: "عادل الجبير"},
			},
		},
		{
			name: "a lone family name the tagger typed otherwise is the person",
			text: "دعا وزير الدفاع [PER أشتون كارتر] الكونغرس. ووجه [LOC كارتر] رسائل طمأنة إلى [LOC إسرائيل].",
			want: []summary{
				{Type: "PER", Name: "أشتون كارتر", Aliases: []string{"كارتر"}},
				{Type: "LOC", Name: "إسرائيل"},
			},
		},
		{
			name: "a lone place is not the family name of a title",
			text: "حضر [PER والي طنجة] الحفل في [LOC طنجة].",
			want: []summary{
				{Type: "PER", Name: "والي طنجة"},
				{Type: "LOC", Name: "طنجة"},
			},
		},
		{
			name: "a word inside a longer name of another type stays",
			text: "تخرج [PER خالد الفيصل] في [ORG جامعة الفيصل] ثم عاد إلى [LOC الفيصل].",
			want: []summary{
				{Type: "PER", Name: "خالد الفيصل"},
				{Type: "ORG", Name: "جامعة الفيصل"},
				{Type: "LOC", Name: "الفيصل"},
			},
		},
		{
			name: "conjunction before a name seen bare",
			text: "التقى [PER بوتين] و[PER أردوغان] ثم قال [PER وبوتين] إن [PER أردوغان] صديق.",
			want: []summary{
				{Type: "PER", Name: "بوتين"},
				{Type: "PER", Name: "أردوغان"},
			},
		},
		{
			name: "a preposition and article word glued before a name is cut",
			text: "وأكد مدير عام الهيئة [PER بالطائف عبدالله السواط] أن السوق جاهز. وأفاد [PER السواط] أن العدد زاد.",
			want: []summary{
				{Type: "PER", Name: "عبدالله السواط", Aliases: []string{"السواط"}},
			},
		},
		{
			name: "preposition before a known place",
			text: "تستنجد [LOC بروسيا] وتعلن [LOC روسيا] دعمها.",
			want: []summary{{Type: "LOC", Name: "روسيا"}},
		},
		{
			name: "a place written after a preposition keeps its own first letter",
			text: "وصل الرئيس إلى [LOC بكين] أمس. وتسعى [LOC بكين] إلى دور أكبر، وقال مسؤول [LOC بجدة] إن الوفد وصل.",
			want: []summary{
				{Type: "LOC", Name: "بكين"},
				{Type: "LOC", Name: "جدة"},
			},
		},
		{
			name: "a compound name behind a preposition is the same name",
			text: "انتسب إلى [ORG حزب الله] ثم جند عملاء [ORG لحزب الله] في البلاد. وقال [PER وعبد الله صالح] إن الأمر صحيح.",
			want: []summary{
				{Type: "ORG", Name: "حزب الله"},
				{Type: "PER", Name: "عبد الله صالح"},
			},
		},
		{
			name: "names that begin with a clitic-like letter stay whole",
			text: "قال [PER كمال فيصل] و[PER فيصل] إن [ORG فاغنر] و[PER سيرجي] حاضرون.",
			want: []summary{
				{Type: "PER", Name: "كمال فيصل", Aliases: []string{"فيصل"}},
				{Type: "ORG", Name: "فاغنر"},
				{Type: "PER", Name: "سيرجي"},
			},
		},
		{
			name: "two men called صالح: each lone صالح goes to the nearest before it",
			text: "قال [PER عقيلة صالح] إن [PER صالح] يرفض. وأعلن [PER محمد صالح] أن [PER صالح] سيحضر.",
			want: []summary{
				{Type: "PER", Name: "عقيلة صالح", Aliases: []string{"صالح"}},
				{Type: "PER", Name: "محمد صالح", Aliases: []string{"صالح"}},
			},
		},
		{
			name: "first name alone joins only when unambiguous",
			text: "قالت [PER أنغيلا ميركل] إن الاتفاق قريب، وأضافت [PER أنغيلا] أن الحوار مستمر.",
			want: []summary{{Type: "PER", Name: "أنغيلا ميركل", Aliases: []string{"أنغيلا"}}},
		},
		{
			name: "different first names, same family: apart",
			text: "زار [PER محمد حسن] و[PER محمد حسين] و[PER سعد الحريري] و[PER سعيد الحريري] المدينة.",
			want: []summary{
				{Type: "PER", Name: "محمد حسن"},
				{Type: "PER", Name: "محمد حسين"},
				{Type: "PER", Name: "سعد الحريري"},
				{Type: "PER", Name: "سعيد الحريري"},
			},
		},
		{
			name: "transliteration variants in one article",
			text: "استقبل [PER يونس بيك يوفكيورف] الوفد، وكان [PER يونس بك يفكيروف] قد زار [LOC بنغازي].",
			want: []summary{
				{Type: "PER", Name: "يونس بيك يوفكيورف", Aliases: []string{"يونس بك يفكيروف"}},
				{Type: "LOC", Name: "بنغازي"},
			},
		},
		{
			name: "nested place inside an organization keeps the longest span",
			text: "ذكر موقع [ORG [LOC روسيا] اليوم] أن [LOC روسيا] سترد.",
			want: []summary{
				{Type: "ORG", Name: "روسيا اليوم"},
				{Type: "LOC", Name: "روسيا"},
			},
		},
		{
			name: "majority type for one name",
			text: "قال [PER حفتر] إن [LOC حفتر] و[PER حفتر] باقون.",
			want: []summary{{Type: "PER", Name: "حفتر"}},
		},
		{
			name: "generic organization heads",
			text: "أرسلت [ORG مجموعة فاغنر] مقاتلين، وقال قائد [ORG فاغنر] إن [ORG تنظيم داعش] و[ORG داعش] يتراجعان.",
			want: []summary{
				{Type: "ORG", Name: "مجموعة فاغنر", Aliases: []string{"فاغنر"}},
				{Type: "ORG", Name: "تنظيم داعش", Aliases: []string{"داعش"}},
			},
		},
		{
			name: "words a tagger glued to a name seen earlier",
			text: "وصل [PER خليفة حفتر] إلى موسكو. وتأتي [PER زيارة حفتر] بعد لقاء، ثم [PER يستقبل حفتر] الوفد و[PER حفتر تأتي] زيارته.",
			want: []summary{{Type: "PER", Name: "خليفة حفتر", Aliases: []string{"حفتر"}}},
		},
		{
			name: "a first name used once stays",
			text: "قال [PER فلاديمير بوتين] إن [PER بوتين] مستعد.",
			want: []summary{{Type: "PER", Name: "فلاديمير بوتين", Aliases: []string{"بوتين"}}},
		},
		{
			name: "a nationality adjective alone is not a person, a surname is",
			text: "قال الرئيس [PER الروسي] إن الحل قريب، وقال [PER المصري] إن الأمر انتهى.",
			want: []summary{{Type: "PER", Name: "المصري"}},
		},
		{
			name: "a given name that is also a nationality word",
			text: "قال الأمير [PER تركي الفيصل] إن [PER تركي] لا يمثل الحكومة.",
			want: []summary{{Type: "PER", Name: "تركي الفيصل", Aliases: []string{"تركي"}}},
		},
		{
			name: "orthographic variants",
			text: "في [LOC سوريا] و[LOC سورية] قال [ORG المسؤولون الأمنيون] و[ORG المسئولون الأمنيون] ذلك.",
			want: []summary{
				{Type: "LOC", Name: "سوريا", Aliases: []string{"سورية"}},
				{Type: "ORG", Name: "المسؤولون الأمنيون", Aliases: []string{"المسئولون الأمنيون"}},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body, ms := marked(t, tt.text)
			got := summarize(Article(body, ms, pub))
			for i := range got {
				got[i].Roles = nil
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Article(%q)\n got %+v\nwant %+v", body, got, tt.want)
			}
		})
	}
}

func TestArticleRoles(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		wantName string
		want     []string
	}{
		{"president before", "أكد الرئيس الروسي [PER فلاديمير بوتين] أن بلاده مستعدة.", "فلاديمير بوتين", []string{"الرئيس الروسي"}},
		{"rank before", "وصل المشير [PER خليفة حفتر] إلى موسكو.", "خليفة حفتر", []string{"المشير"}},
		{"minister before", "نقلت الوكالة عن وزير الخارجية [PER سيرجي لافروف] قوله.", "سيرجي لافروف", []string{"وزير الخارجية"}},
		{"apposition after", "وسبق أن أكد [PER أحمد المسماري] المتحدث باسم قوات الجيش الليبي وجود تطلعات.", "أحمد المسماري", []string{"المتحدث باسم قوات الجيش الليبي"}},
		{"an unnamed spokesman speaks for the person", "وقال متحدث باسم وزير الخارجية الإيطالي [PER باولو جنتيلوني] إن الزيارة قريبة.", "باولو جنتيلوني", []string{"وزير الخارجية الإيطالي"}},
		{"a named spokesman", "وقال المتحدث باسم قوات التحالف [PER أحمد عسيري] إن القوات تقدمت.", "أحمد عسيري", []string{"المتحدث باسم قوات التحالف"}},
		{"brigadier", "قال العميد [PER أحمد المسماري] إن الخبر غير صحيح.", "أحمد المسماري", []string{"العميد"}},
		{"deputy minister chain", "بحث نائب وزير الدفاع الروسي [PER يونس بك يفكيروف] الأوضاع.", "يونس بك يفكيروف", []string{"نائب وزير الدفاع الروسي"}},
		{"general", "الجنرال [PER خليفة حفتر] يصافح الوزير.", "خليفة حفتر", []string{"الجنرال"}},
		{"colonel with adjective and comma", "زيارات قام بها العقيد الليبي، [PER خليفة حفتر]، إلى موسكو.", "خليفة حفتر", []string{"العقيد الليبي"}},
		{"two roles in a row", "وصل القائد العام للجيش الليبي الفريق أول [PER خليفة حفتر] إلى موسكو.", "خليفة حفتر", []string{"القائد العام للجيش الليبي", "الفريق أول"}},
		{"major general", "قال اللواء [PER خليفة حفتر] ذلك.", "خليفة حفتر", []string{"اللواء"}},
		{"sheikh", "استقبل الشيخ [PER تميم بن حمد] الوفد.", "تميم بن حمد", []string{"الشيخ"}},
		{"doctor", "قال الدكتور [PER محمد البرادعي] إن الأزمة عميقة.", "محمد البرادعي", []string{"الدكتور"}},
		{"construct chain with place", "وصل قائد قوات شرق ليبيا، [PER خليفة حفتر]، الثلاثاء.", "خليفة حفتر", []string{"قائد قوات شرق ليبيا"}},
		{"title swallowed by the tagger", "وصل [PER المشير خليفة حفتر] إلى موسكو.", "خليفة حفتر", []string{"المشير"}},
		{"long title swallowed", "وقال [PER الرئيس الروسي فلاديمير بوتين] إن الحل قريب.", "فلاديمير بوتين", []string{"الرئيس الروسي"}},
		{"apposition swallowed", "أكد [PER أحمد المسماري المتحدث باسم قوات الجيش الليبي] ذلك.", "أحمد المسماري", []string{"المتحدث باسم قوات الجيش الليبي"}},
		{"definite surname after a title", "التقى [PER المشير السيسي] بالوفد.", "السيسي", []string{"المشير"}},
		{"conjunction before the title", "بين الرئيس الروسي بوتين والرئيس التركي [PER رجب طيب أردوغان] اتصال.", "رجب طيب أردوغان", []string{"الرئيس التركي"}},
		{"preposition before the title", "احتضان الكريملين للمشير [PER حفتر] يشير إلى رغبة.", "حفتر", []string{"المشير"}},
		{"quotes around the name", "اتصال بين وزير الخارجية الروسي “[PER سيرغي لافروف]” ونظيره.", "سيرغي لافروف", []string{"وزير الخارجية الروسي"}},
		{"feminine spokesperson", "نفته المتحدثة باسم وزارة الخارجية الروسية [PER ماريا زاخاروفا] أمس.", "ماريا زاخاروفا", []string{"المتحدثة باسم وزارة الخارجية الروسية"}},
		{"king and monarch", "استقبل العاهل الأردني الملك [PER عبد الله الثاني] الوفد.", "عبد الله الثاني", []string{"العاهل الأردني", "الملك"}},
		{"tagger span starts inside the title", "نجح القائد العام للجيش [PER الليبي خليفة حفتر] في فتح قنوات.", "خليفة حفتر", []string{"القائد العام للجيش الليبي"}},
		{"tagger span starts before the title", "تحدثوا إلى مسؤولين [PER بشأن المشير حفتر] أمس.", "حفتر", []string{"المشير"}},
		{"no role: genitive of a noun", "سارع الناطق الرسمي باسم قوات [PER حفتر] للرد.", "حفتر", nil},
		{"no role: someone else's title", "وكشف مستشار بالجيش الوطني الليبي التابع للمشير [PER حفتر] أن روسيا أرسلت ضباطا.", "حفتر", []string{"المشير"}},
		{"no role: verb between", "قال الرئيس إن [PER خليفة حفتر] وصل.", "خليفة حفتر", nil},
		{"no role: title of the next person", "التقى [PER بوتين] الرئيس التركي [PER أردوغان] أمس.", "بوتين", nil},
		{"no role: given name that is also a title word", "قال [PER أمير طاهري] إن الأمر انتهى.", "أمير طاهري", nil},
		{"rank swallowed from the next name", "قلد العميد [PER زياد الزايدي النقيب] [PER عبدالمجيد البركاتي] رتبته.", "عبدالمجيد البركاتي", []string{"النقيب"}},
		{"the swallowed rank is not the first man's", "قلد العميد [PER زياد الزايدي النقيب] [PER عبدالمجيد البركاتي] رتبته.", "زياد الزايدي", []string{"العميد"}},
		{"title swallowed before its complement", "وحضر [PER نايف بن سلطان المستشار] بمكتب وزير الدفاع، والتقى الوفد.", "نايف بن سلطان", []string{"المستشار بمكتب وزير الدفاع"}},
		{"family name before في", "في منزل [PER حسين محمد الشيخ] في بلدة صرين.", "حسين محمد الشيخ", nil},
		{"family name before an office", "ونوه المهندس [PER محمد بن عبدالرحمن المخرج] [PER أمين الطائف] بالرعاية.", "محمد بن عبدالرحمن المخرج", []string{"المهندس"}},
		{"family name after عبد", "ومن اللاعبين [PER وعبد الملك] [PER الخيبري] وآخرون.", "الخيبري", nil},
		{"family name that is a title word", "جاءته هدية من [PER أحمد النقيب]، ووصف ذهول الناس.", "أحمد النقيب", nil},
		{"family name before a title", "قال [PER عمر السلطان] المدير العام للشركة إن الأرباح زادت.", "عمر السلطان", []string{"المدير العام للشركة"}},
		{"mullah", "وقال [PER الملا أختر منصور] في رسالة صوتية إن الحركة موحدة.", "أختر منصور", []string{"الملا"}},
		{"family name after آل", "قال [PER عبداللطيف آل الشيخ] في كلمته إن الهيئة مستمرة.", "عبداللطيف آل الشيخ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body, ms := marked(t, tt.text)
			ents := Article(body, ms, pub)
			var found *marsad.Entity
			for i := range ents {
				if ents[i].Name == tt.wantName {
					found = &ents[i]
				}
			}
			if found == nil {
				t.Fatalf("no entity %q in %+v", tt.wantName, summarize(ents))
			}
			var got []string
			for _, r := range found.Roles {
				got = append(got, r.Role)
				if !r.Seen.Time.Equal(pub.Time) {
					t.Errorf("role %q seen %v, want %v", r.Role, r.Seen, pub)
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("roles of %q = %q, want %q", tt.wantName, got, tt.want)
			}
		})
	}
}

func TestArticleMentionOffsets(t *testing.T) {
	body, ms := marked(t, "قال [PER لحفتر] و[PER المشير خليفة حفتر] و[LOC للقاهرة] ذلك.")
	for _, e := range Article(body, ms, pub) {
		for _, m := range e.Mentions {
			if m.Start < 0 || m.End > len(body) || m.Start >= m.End || body[m.Start:m.End] != m.Text {
				t.Errorf("%s: bad mention %+v", e.Name, m)
			}
		}
	}
	// The title is cut out of the mention, the clitic too.
	ents := Article(body, ms, pub)
	if len(ents) == 0 || len(ents[0].Mentions) != 2 {
		t.Fatalf("got %+v", ents)
	}
	for _, m := range ents[0].Mentions {
		if m.Text != "حفتر" && m.Text != "خليفة حفتر" {
			t.Errorf("mention text %q, want the name only", m.Text)
		}
	}
}

func TestArticleBadInput(t *testing.T) {
	body := "قال خليفة حفتر"
	tests := []struct {
		name string
		ms   []Mention
	}{
		{"out of range", []Mention{{Start: -5, End: 1000, Type: "PER"}}},
		{"inverted", []Mention{{Start: 10, End: 2, Type: "PER"}}},
		{"inside a rune", []Mention{{Start: 1, End: 3, Type: "PER"}}},
		{"only punctuation", []Mention{{Start: 0, End: 0, Type: "PER"}}},
		{"title only", []Mention{{Start: 0, End: len("قال"), Type: "PER"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, e := range Article(body, tt.ms, pub) {
				for _, m := range e.Mentions {
					if m.Start < 0 || m.End > len(body) || m.Start >= m.End || body[m.Start:m.End] != m.Text {
						t.Errorf("bad mention %+v", m)
					}
				}
			}
		})
	}
	if got := Article("", []Mention{{0, 5, "PER", "x"}}, pub); got != nil {
		t.Errorf("empty body: got %v", got)
	}
	if got := Article("\xff\xfe حفتر", []Mention{{0, 11, "PER", ""}}, pub); len(got) != 1 || got[0].Name != "حفتر" {
		t.Errorf("invalid UTF-8: got %+v", summarize(got))
	}
}

func FuzzArticle(f *testing.F) {
	f.Add("وصل المشير خليفة حفتر إلى موسكو وقال لحفتر", 0, 20, 11, 40)
	f.Add("الرئيس الروسي “فلاديمير بوتين” والرئيس التركي", 27, 55, 0, 13)
	f.Add("\xff\xfeبروسيا، ", 0, 14, 3, 4)
	f.Fuzz(func(t *testing.T, body string, s1, e1, s2, e2 int) {
		ms := []Mention{
			{Start: s1, End: e1, Type: marsad.Person},
			{Start: s2, End: e2, Type: marsad.Location},
			{Start: s1, End: e2, Type: marsad.Organization},
		}
		for _, e := range Article(body, ms, pub) {
			if e.Name == "" || !strings.HasPrefix(e.ID, "e") {
				t.Errorf("entity %+v", e)
			}
			for _, m := range e.Mentions {
				if m.Start < 0 || m.End > len(body) || m.Start >= m.End || body[m.Start:m.End] != m.Text {
					t.Errorf("mention %+v out of range of %d bytes", m, len(body))
				}
			}
		}
	})
}
