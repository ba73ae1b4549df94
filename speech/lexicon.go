package speech

import (
	"strings"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/arabic"
)

// verbKind is what a reporting verb says about its quote.
type verbKind uint8

const (
	vSay     verbKind = iota + 1 // قال، أضاف، أوضح: a statement
	vConfirm                     // أكد: a statement, a confirmation when it confirms something (أكد صحة …)
	vClaim                       // زعم، ادعى، كشف، فضح: a claim
	vDeny                        // نفى، فند، كذب: a denial
)

// reportingVerbs maps the normalized stem of a reporting verb (past,
// present and feminine forms share it after clitic stripping) to its kind.
// Lists, not rules: a verb's meaning is lexical.
var reportingVerbs = buildVerbs(map[verbKind]string{
	vSay: `قال قالت يقول تقول قائلا قائلة قوله قولها أضاف أضافت يضيف تضيف مضيفا مضيفة أوضح أوضحت يوضح توضح موضحا
		صرح صرحت يصرح تصرح مصرحا أعلن أعلنت يعلن تعلن معلنا ذكر ذكرت تذكر أفاد أفادت يفيد تفيد مفيدا أشار أشارت يشير تشير مشيرا
		اعتبر اعتبرت يعتبر تعتبر معتبرا رأى رأت يرى ترى وصف وصفت يصف تصف واصفا شدد شددت يشدد مشددا لفت لفتت لافتا تابع تابعت متابعا
		أردف أردفت مردفا بينت يبين مبينا نقل نقلت ينقل تنقل دعا دعت يدعو تدعو داعيا حذر حذرت يحذر محذرا طالب طالبت يطالب مطالبا
		أعرب أعربت يعرب معربا قالوا أضافوا أكدوا أبان أبانت أفصح أفصحت يفصح مفصحا
		موضحة مصرحة معلنة مفيدة مشيرة معتبرة واصفة مشددة لافتة متابعة مردفة مبينة داعية محذرة مطالبة معربة مفصحة`,
	vConfirm: `أكد أكدت يؤكد تؤكد مؤكدا مؤكدة أكدوا اعترف اعترفت يعترف تعترف معترفا معترفة`,
	vClaim:   `زعم زعمت يزعم تزعم زاعما ادعى ادعت يدعي تدعي مدعيا كشف كشفت يكشف تكشف كاشفا فضح فضحت يفضح تفضح اتهم اتهمت يتهم تتهم متهما`,
	vDeny:    `نفى نفت ينفي تنفي نافيا نفته نفاه فند فندت يفند تفند مفندا كذب كذبت يكذب تكذب مكذبا أنكر أنكرت ينكر تنكر منكرا دحض دحضت يدحض نفي نفيه`,
})

// participles are the reporting verbs' active participles (مؤكدا، مشيرة
// إلى): they share the subject of the finite verb before them.
var participles = setOf(`قائلا قائلة مضيفا مضيفة موضحا موضحة مصرحا مصرحة معلنا معلنة مفيدا مفيدة
		مشيرا مشيرة معتبرا معتبرة واصفا واصفة مشددا مشددة لافتا لافتة متابعا متابعة مردفا مردفة مبينا مبينة
		داعيا داعية محذرا محذرة مطالبا مطالبة معربا معربة مفصحا مفصحة مؤكدا مؤكدة معترفا معترفة زاعما
		مدعيا كاشفا متهما نافيا مفندا مكذبا منكرا متسائلا متسائلة مستغربا مستغربة`)

func buildVerbs(m map[verbKind]string) map[string]verbKind {
	out := map[string]verbKind{}
	for k, list := range m {
		for _, w := range strings.Fields(list) {
			out[arabic.Normalize(w)] = k
		}
	}
	return out
}

// verbOf returns the reporting-verb kind of a normalized token, looking
// through the conjunctions and prepositions attached to it (وأضاف، فقال).
// Callers pass analysis.norm: each token is normalized once per article.
func verbOf(n string) verbKind { return verbForms[n] }

// verbClitics are the letters verbOf looks through, in the order it tries
// them.
var verbClitics = []string{"و", "ف", "ل"}

// verbForms maps every form verbOf recognizes to its kind: the verbs of
// reportingVerbs, and each of them behind one of verbClitics. A word that
// is itself a verb keeps its own kind. verbOf runs on every token of every
// article; one lookup here replaces up to four.
var verbForms = func() map[string]verbKind {
	m := make(map[string]verbKind, len(reportingVerbs)*(1+len(verbClitics)))
	for w, k := range reportingVerbs {
		m[w] = k
	}
	for _, p := range verbClitics {
		for w, k := range reportingVerbs {
			if _, ok := m[p+w]; !ok {
				m[p+w] = k
			}
		}
	}
	return m
}()

// verbOfSlow is verbOf as a sequence of lookups, for the test that holds
// verbForms to it.
func verbOfSlow(n string) verbKind {
	if k, ok := reportingVerbs[n]; ok {
		return k
	}
	for _, p := range verbClitics {
		if rest, ok := strings.CutPrefix(n, p); ok {
			if k, ok := reportingVerbs[rest]; ok {
				return k
			}
		}
	}
	return 0
}

// Complementizers that open reported speech after a verb.
var complementizers = setOf(`أن إن أنه إنه أنها إنها أنهم إنهم بأن بأنه بأنها لأن`)

// deniedObjects open what a denial verb denies when it denies a thing,
// not a clause: «نفى الجيش ما نشرته الوكالة», «نفت الحكومة صحة
// التقارير», «نفى المتحدث الأنباء عن …». The object is then the content.
var deniedObjects = setOf(`ما صحة وجود أي الأنباء الأخبار الخبر التقارير التقرير الاتهامات المزاعم الشائعات الادعاءات الروايات الرواية التصريحات التكهنات قيام تورط حدوث علمه علمها مسؤوليته مسؤوليتها`)

// Words before أن that make it a conjunction, not reported speech: لا سيما
// أن، رغم أن، بعد أن …
var conjunctionHeads = setOf(`سيما رغم برغم بما غير إلا الا بعد قبل منذ كما حتى لو مع حيث إذ لأجل بسبب`)

// Words before «من أن» that make it a conjunction, not what a verb
// reports: elatives (أكبر من أن تفشل: too big to fail), بدلا، لا بد،
// خوفا، على الرغم. «حذر من أن» (warned that) stays reported speech.
var fromHeads = setOf(`أكبر أكثر أقل أصغر أهم أفضل أسهل أصعب أبعد أقرب أسرع أضعف أقوى أوسع أعقد بدلا بدل بد خوفا عوضا الرغم بالرغم رغم`)

// Words before «على أن» or «عن أن» that make it a conjunction of
// addition: علاوة على أن، فضلا عن أن (besides the fact that).
var (
	additionHeads = setOf(`علاوة فضلا زيادة عطفا`)
	additionLinks = setOf(`على عن`)
)

// Negations of a past or future reporting verb: "لم تعلن الشركة", "لم
// ينف". «لا يرى أن» states a view and stays a quote.
var negations = setOf(`لم ولم فلم لن ولن`)

// Words before a reporting verb that make it a noun ("على حد وصف …").
var nounHeads = setOf(`حد حسب بحسب وفق`)

// Words that confirm something already said: أكد صحة الأنباء.
var confirmObjects = setOf(`صحة صحه ما تردد التقارير الأنباء الانباء الخبر الأخبار المعلومات حدوث وقوع`)

// thingObjects are, by verb, the words that open the thing a denial or a
// confirmation is about when no complementizer follows the speaker. A
// confirmation's object must be a report or an event (صحة الأنباء، وقوع
// الهجوم), not «ما» or «أي», which follow أكد in other senses; its صحة
// must be followed by a report (reportNouns): صحة البيئة is health.
var thingObjects = map[verbKind]map[string]bool{
	vDeny:    deniedObjects,
	vConfirm: setOf(`صحة صحه التقارير الأنباء الانباء الخبر الأخبار المعلومات حدوث وقوع وجود`),
}

// reportNouns are what صحة (the truth of) is about when a confirmation
// confirms a report.
var reportNouns = setOf(`ما الأنباء التقارير التقرير الخبر الأخبار المعلومات الاتهامات الرواية الروايات التصريحات المعلومة`)

// Content cues that make a statement a denial whatever its verb ("هناك
// مغالطة في الخبر", "عار عن الصحة").
var denialCues = []string{"مغالطه", "عار عن الصحه", "عاري عن الصحه", "لا اساس له", "لا صحه", "غير صحيح", "اخبار كاذبه", "مزاعم", "ادعاءات كاذبه", "مفبرك", "شاءعات", "تضليل"}

// Heads of noun phrases that name an anonymous or descriptive speaker
// ("مصدر أمني", "مستشار بالجيش", "مسؤول آخر").
var descriptiveHeads = setOf(`مصدر مصادر مسؤول مسئول مسؤولون مسئولون مستشار متحدث المتحدث الناطق ناطق دبلوماسي دبلوماسيون خبير خبراء شهود مراقبون محللون أشخاص ضابط قيادي عضو نائب وزير رئيس بيان البيان محلل مصدرا مسؤولا مسئولا خبيرا محللا دبلوماسيا`)

// unnamedSpokesmen are the spokesman words that, without the article and
// before باسم, leave the spokesman unnamed (متحدث باسم الوزير فلان).
var unnamedSpokesmen = setOf(`متحدث متحدثة ناطق ناطقة`)

// Words for "the newspaper/agency/site/channel" that refer back to the
// last outlet named (ونقلت الصحيفة …).
var outletAnaphora = setOf(`الصحيفة الوكالة الموقع القناة المجلة الشبكة الإذاعة`)

// Heads before an outlet name: وكالة "إنترفاكس"، صحيفة "وول ستريت جورنال".
var outletHeads = setOf(`وكالة صحيفة موقع قناة مجلة شبكة إذاعة تلفزيون`)

// sourceVerbs pass on what someone else said: after them عن names the
// source (نقلت وكالة X عن مسؤول، ذكرت الصحيفة عن مصادر).
var sourceVerbs = setOf(`نقل نقلت ينقل تنقل ناقلا ذكر ذكرت يذكر تذكر أفاد أفادت يفيد تفيد أورد أوردت يورد تورد روى روت يروي تروي`)

// issuedWords say a text was issued by someone (تقرير صدر عن المؤسسة,
// البيان الصادر عن الوزارة): the author follows عن.
var issuedWords = setOf(`صدر صدرت يصدر تصدر صادر صادرة الصادر الصادرة`)

// Anonymous sources: a quote of theirs is a claim the outlet reports.
var anonymousHeads = setOf(`أشخاص مصادر مصدر مسؤولين مسؤولون مسئولين مسئولون دبلوماسيين دبلوماسيون شهود مقربين`)

func setOf(list string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(list) {
		m[arabic.Normalize(w)] = true
	}
	return m
}

// inSet reports whether the normalized token n, or n without a leading
// conjunction or preposition, is in the set.
func inSet(set map[string]bool, n string) bool {
	if set[n] {
		return true
	}
	for _, p := range []string{"و", "ف", "ب", "ل"} {
		if rest, ok := strings.CutPrefix(n, p); ok && set[rest] {
			return true
		}
	}
	return false
}

func kindOf(v verbKind) marsad.QuoteKind {
	switch v {
	case vClaim:
		return marsad.Claim
	case vDeny:
		return marsad.Denial
	}
	return marsad.Statement
}
