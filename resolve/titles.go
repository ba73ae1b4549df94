package resolve

import (
	"strings"
	"unicode/utf8"

	"github.com/marsad-news/marsad/arabic"
)

// titleHeads are the words that open a title or a role, without the article
// and in both genders where both are used: offices, military ranks,
// religious and academic titles, honorifics, professions the press names
// people by. A role is such a head extended by the genitives and adjectives
// that follow it ("وزير الخارجية الروسي", "المتحدث باسم قوات الجيش الليبي").
var titleHeads = normalizedSet(`
رئيس رئيسة نائب نائبة وزير وزيرة سفير سفيرة ملك ملكة عاهل أمير أميرة ولي سلطان
حاكم حاكمة محافظ محافظة والي عمدة زعيم زعيمة قائد قائدة آمر مرشد مستشار مستشارة
مساعد مبعوث مبعوثة ممثل ممثلة مندوب مندوبة موفد متحدث متحدثة ناطق ناطقة
مدير مديرة أمين أمينة منسق منسقة مفوض مفوضة عضو قاضي قاض مدعي نقيب رئيس
مشير فريق لواء عميد عقيد مقدم رائد ملازم جنرال أدميرال أميرال كولونيل مارشال ماريشال
رقيب عريف جندي ضابط قبطان
شيخ شيخة ملا إمام مفتي بابا بطريرك كاردينال مطران أسقف حاخام قس كاهن داعية آية
دكتور دكتورة بروفيسور بروفسور أستاذ أستاذة مهندس مهندسة محامي محامية
خبير خبيرة باحث باحثة كاتب كاتبة صحفي صحفية صحافي صحافية محلل محللة إعلامي إعلامية
مفكر أديب شاعر شاعرة فنان فنانة مخرج مخرجة لاعب لاعبة مدرب طبيب طبيبة
سيد سيدة آنسة معالي سعادة فخامة جلالة سمو صاحب حاج حاجة ناشط ناشطة معارض معارضة
مرشح مرشحة مؤسس رجل وكيل مطرب مطربة
`)

// addressForms are titles that stand alone before a name without the
// article ("سعادة محمد", "سماحة الشيخ").
var addressForms = normalizedSet(`سعادة معالي فخامة جلالة سمو سماحة فضيلة نيافة غبطة`)

// titleAbbreviations are titles written as one letter and a full stop
// before a name: "د. محمد", "م. أحمد".
var titleAbbreviations = map[string]bool{"د": true, "م": true, "أ": true, "ا": true}

// demonymStems are nationality and region adjectives (masculine, without
// the article): inside a title they qualify the head ("الرئيس الروسي"),
// and a tagger that starts a person span on one ("الليبي خليفة حفتر") has
// taken a piece of the title.
var demonymStems = normalizedSet(`
روسي سوفيتي أمريكي أميركي ليبي مصري سوري تركي إيراني عراقي سعودي إماراتي قطري كويتي بحريني عماني يمني
أردني لبناني فلسطيني إسرائيلي تونسي جزائري مغربي موريتاني سوداني صومالي إثيوبي إريتري تشادي نيجيري
سنغالي كيني فرنسي بريطاني إنجليزي ألماني إيطالي إسباني برتغالي هولندي بلجيكي سويسري نمساوي سويدي
نرويجي دنماركي فنلندي بولندي يوناني قبرصي أوكراني بيلاروسي صربي كرواتي روماني مجري تشيكي أذربيجاني
أرميني جورجي كازاخي أوزبكي صيني ياباني كوري هندي باكستاني أفغاني بنغالي إندونيسي ماليزي فلبيني
فيتنامي تايلندي أسترالي كندي مكسيكي برازيلي أرجنتيني فنزويلي كوبي تشيلي كولومبي أوروبي أفريقي
آسيوي عربي خليجي أممي دولي إقليمي أطلسي شيشاني كردي
`)

// isDemonym reports whether a normalized word (with or without the
// article, clitics or the feminine ending) is a nationality adjective.
func isDemonym(w string) bool {
	for _, p := range []string{"", "و", "ف", "ب", "ل"} {
		rest, ok := strings.CutPrefix(w, p)
		if !ok {
			continue
		}
		rest = strings.TrimPrefix(rest, "ال")
		rest = strings.TrimSuffix(rest, "ه")
		if demonymStems[rest] {
			return true
		}
	}
	return false
}

// rankModifiers complete a military rank: "الفريق أول", "اللواء ركن".
var rankModifiers = normalizedSet(`أول اول ركن`)

// wordInfo is what role detection needs to know about one word.
type wordInfo struct {
	stop     bool // a stopword or a number: ends a role
	head     bool // a title head ("الرئيس", "ووزير", "للمشير")
	definite bool // carries the article ("الروسي", "للجيش")
	conj     bool // starts with the conjunction و/ف before a head or an article
	prep     bool // starts with ب/ل/ك before an indefinite noun ("بمركز")
	link     bool // باسم: "المتحدث باسم …"
	rank     bool // أول, ركن after a rank
	demonym  bool // a nationality adjective ("الروسي", "الليبية")
	cut      int  // runes of proclitics to drop when the word starts a role
	alef     bool // put back the alef of the article after the cut (للمشير → المشير)
}

var wordPrefixes = []string{"", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك"}

func isTitleHead(w string) bool {
	if titleHeads[w] {
		return true
	}
	if rest, ok := strings.CutPrefix(w, "ال"); ok && titleHeads[rest] {
		return true
	}
	return false
}

// analyzeWord describes a normalized word for role detection.
func analyzeWord(w string) wordInfo {
	var wi wordInfo
	if w == "" || arabic.IsStopword(w) {
		wi.stop = true
		return wi
	}
	if r, n := utf8.DecodeRuneInString(w); strings.ContainsRune("وفبلك", r) && arabic.IsStopword(w[n:]) {
		wi.stop = true // بأنه, لأن, وهو
		return wi
	}
	if r, _ := utf8.DecodeRuneInString(w); r < utf8.RuneSelf || !arabic.IsArabicLetter(r) {
		if _, ok := arabic.Digit(r); ok {
			wi.stop = true
			return wi
		}
	}
	if w == "باسم" {
		wi.link = true
		return wi
	}
	wi.demonym = isDemonym(w)
	if rankModifiers[w] {
		wi.rank = true
		return wi
	}
	for _, p := range wordPrefixes {
		rest, ok := strings.CutPrefix(w, p)
		if !ok || utf8.RuneCountInString(rest) < 2 {
			continue
		}
		conj := strings.HasPrefix(p, "و") || strings.HasPrefix(p, "ف")
		if isTitleHead(rest) {
			wi.head, wi.conj, wi.cut = true, conj, utf8.RuneCountInString(p)
			wi.definite = strings.HasPrefix(rest, "ال")
			wi.prep = p != "" && !conj
			return wi
		}
		// لل: the preposition ل before the article, whose alef is dropped.
		if strings.HasSuffix(p, "ل") && strings.HasPrefix(rest, "ل") && isTitleHead("ا"+rest) {
			wi.head, wi.conj, wi.cut, wi.alef = true, conj, utf8.RuneCountInString(p), true
			wi.definite, wi.prep = true, !conj
			return wi
		}
	}
	for _, p := range wordPrefixes {
		rest, ok := strings.CutPrefix(w, p)
		if !ok || utf8.RuneCountInString(rest) < 3 {
			continue
		}
		if strings.HasPrefix(rest, "ال") || (strings.HasSuffix(p, "ل") && strings.HasPrefix(rest, "ل")) {
			wi.definite = true
			wi.conj = strings.HasPrefix(p, "و") || strings.HasPrefix(p, "ف")
			wi.prep = p != "" && !wi.conj
			return wi
		}
	}
	if r, n := utf8.DecodeRuneInString(w); (r == 'ب' || r == 'ل' || r == 'ك') && utf8.RuneCountInString(w) >= 4 && arabic.Known(w[n:]) {
		wi.prep = true // بمركز, بتسوية; not ليبيا
	}
	return wi
}

// continuesRole reports whether cur can follow prev inside a role. A head
// always can (it opens a sub-role: "القائد العام … الفريق أول"). A word with
// the article can follow anything (adjective or genitive). A word without it
// can only follow another word without it: an Arabic construct chain
// ("نائب وزير", "قائد قوات شرق ليبيا") never has the article on its first
// noun, so "الرئيس يستقبل" is not a role. strict (inside an NER span) also
// refuses indefinite words, which there are more likely the name.
func continuesRole(prev, cur wordInfo, strict bool) bool {
	switch {
	case cur.stop || cur.conj:
		return false
	case cur.head:
		return true
	case cur.rank:
		return prev.head
	case cur.link:
		return prev.head || prev.definite
	case cur.definite:
		return true
	case strict:
		return prev.link
	case prev.prep && !prev.definite:
		// "بمركز الأهرام", but not "ببرقية مماثلة".
		return false
	case cur.prep:
		return true
	}
	return !prev.definite || prev.link
}

// maxIndefiniteRun bounds a run of words without the article inside a
// role: construct chains are short ("قائد قوات شرق ليبيا"), and a longer
// run has usually left the role for the sentence ("مخرج إيراني متمكن اشتهر").
const maxIndefiniteRun = 3

// plainIndefinite reports whether a word counts toward an indefinite run.
func plainIndefinite(w wordInfo) bool {
	return !w.head && !w.definite && !w.link && !w.rank
}

// splitsRole reports whether a head starts a new role after prev: a
// definite head after a definite word ("… للجيش الليبي | الفريق أول",
// "الشيخ | الدكتور"); "نائب الرئيس" is one role.
func splitsRole(prev, cur wordInfo) bool {
	return cur.head && cur.definite && prev.definite
}

// roleText cuts a role's display text out of the body: the words from
// first to last, without the proclitics of the first word.
func roleText(body string, toks []arabic.Token, from, to int, first wordInfo) string {
	start := toks[from].Start
	text := body[start:toks[to-1].End]
	if first.cut > 0 {
		text = cutRunes(text, first.cut)
		if first.alef {
			text = "ا" + text
		}
	}
	return strings.Join(strings.Fields(text), " ")
}

// cutRunes drops the first n letters of s, with the marks that sit on them.
func cutRunes(s string, n int) string {
	i := 0
	for n > 0 && i < len(s) {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
		for i < len(s) {
			r, sz := utf8.DecodeRuneInString(s[i:])
			if !arabic.IsTashkeel(r) && r != arabic.Tatweel {
				break
			}
			i += sz
		}
		n--
	}
	return s[i:]
}
