package speech

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/arabic"
)

// eventTriggers maps the normalized form of a trigger word (with its common
// attached pronouns) to the event kind it signals. Multi-word triggers are
// in phraseTriggers.
var eventTriggers = buildTriggers(map[string]string{
	"visit": `وصل يصل تصل وصلت وصول وصوله وصولها زار يزور تزور زارت زيارة زيارته زيارتها زيارات زارها زاره
		توجه يتوجه توجهت سافر يسافر سافرت عاد يعود`,
	"meeting": `التقى يلتقي التقت تلتقي لقاء لقائه لقاءه لقائها لقاءات اجتمع يجتمع اجتمعت اجتماع اجتماعا اجتماعه
		استقبل يستقبل استقبلت استقبال استقباله محادثات مباحثات صافح يصافح قمة بحث يبحث بحثت تبحث`,
	"call":        `مكالمة اتصالا هاتف هاتفيا`,
	"request":     `طلب طلبا طلبت يطلب تطلب طلبه طالب يطالب طالبت`,
	"supply":      `أرسل أرسلت يرسل ترسل إرسال زود يزود زودت تزويد سلم يسلم سلمت تسليم توريد شحنة شحنات صفقة`,
	"attack":      `هجوم هجمات هاجم يهاجم هاجمت قصف يقصف قصفت غارة غارات اشتباكات معارك معركة استهدف يستهدف استهدفت ضربات ضربة تفجير اقتحم اقتحام`,
	"agreement":   `اتفاق اتفاقا اتفاقية اتفاقيات هدنة معاهدة وقع يوقع وقعت توقيع`,
	"disaster":    `إعصار زلزال فيضانات فيضان سيول حريق حرائق عاصفة جفاف مجاعة وباء`,
	"appointment": `عين يعين عينت تعيين تعيينه انتخب انتخاب انتخابه كلف تكليف`,
	"report":      `حصيلة إحصاءات أرقام لأرقام`,
})

// phraseTriggers are matched on consecutive normalized words.
var phraseTriggers = []struct {
	words []string
	kind  string
}{
	{norms("اتصال هاتفي"), "call"},
	{norms("المحادثة الهاتفية"), "call"},
	{norms("محادثة هاتفية"), "call"},
	{norms("وقف إطلاق النار"), "agreement"},
	{norms("قدم طلبا"), "request"},
}

func norms(s string) []string {
	var out []string
	for _, w := range strings.Fields(s) {
		out = append(out, arabic.Normalize(w))
	}
	return out
}

func buildTriggers(m map[string]string) map[string]string {
	out := map[string]string{}
	for kind, list := range m {
		for _, w := range strings.Fields(list) {
			out[arabic.Normalize(w)] = kind
		}
	}
	return out
}

// triggerKind returns the event kind of token i, looking through attached
// conjunctions, prepositions and the article.
func (a *analysis) triggerKind(i int) string {
	n := a.norm[i]
	if k, ok := eventTriggers[n]; ok {
		return k
	}
	// Every other way to a trigger strips letters off the front of n
	// (SplitClitics' base is a suffix of its word): when no proper suffix
	// of n is a trigger, neither can find one. Most words stop here, before
	// the costlier clitic analysis.
	if !hasTriggerSuffix(n) {
		return ""
	}
	c := arabic.SplitClitics(n)
	if k, ok := eventTriggers[c.Base]; ok && c.Prefix != "" {
		return k
	}
	for _, p := range []string{"و", "ف", "ب", "ل", "وب", "ول", "ال", "وال", "بال", "لل"} {
		if rest, ok := strings.CutPrefix(n, p); ok {
			if k, ok := eventTriggers[rest]; ok {
				return k
			}
		}
	}
	return ""
}

// Senses of ambiguous trigger words, told apart by their neighbours. The
// verb lists are matched through attached و/ف/ب/ل (inSet).
var (
	// وقع (signed) and وقع (happened): a signature has على next or its
	// object within a few words; «الانفجار الذي وقع في …» has neither.
	signVerbs   = setOf(`وقع يوقع وقعت`)
	signOn      = setOf(`على`)
	signObjects = setOf(`اتفاق اتفاقا اتفاقية الاتفاق الاتفاقية اتفاقيات مذكرة عقد عقدا العقد معاهدة المعاهدة بروتوكول البروتوكول وثيقة الوثيقة إعلان`)
	// وصل إلى 80%، تصل إلى 12 ساعة، وصل إلى ما وصل إليه: a level
	// reached, not an arrival.
	reachVerbs  = setOf(`وصل يصل تصل وصلت يصلون وصول`)
	reachLevels = setOf(`الأمر الحال به بها ما مستوى مستويات حد درجة نسبة ذروة ذروته أعلى أدنى نحو قرابة حوالي`)
	// عاد إلى بلاده (returned), or يعود إلى القرن 13، يعود بالنفع، يعود
	// ذلك إلى (dates back, benefits, is due to).
	returnVerbs    = setOf(`عاد يعود تعود عادت سيعود`)
	notReturnWords = setOf(`القرن القرون عام العام عصر العصر نحو حوالي قرابة تاريخ تاريخها تاريخه عمرها عمره النفع ذلك الفضل السبب على الجدل مصطلح`)
	// توجه إلى موسكو (headed), or توجه بالشكر، توجه اتهامات (addressed).
	headVerbs    = setOf(`توجه يتوجه توجهت سيتوجه`)
	notHeadWords = setOf(`اتهامات اتهاما رسالة دعوة انتقادات سؤالا نداء الشكر التهنئة التحية السؤال الدعوة النداء كلمة التعازي التعزية`)
	// لقاء بثته قناة، في لقاء تلفزيوني: an interview, not a meeting.
	interviewCues = setOf(`قناة القناة تلفزيوني تلفزيونية متلفز إذاعي إذاعية صحفي صحافي بثته نشرته صحيفة لصحيفة برنامج`)
	// بحث مع: discussed with someone; behind و or ف only (لبحث is a
	// purpose, «للبحث» a search).
	discussForms = setOf(`بحث يبحث بحثت تبحث سيبحث ستبحث`)
	withWords    = setOf(`مع`)
	// قمة: a summit meeting, or the top of something (أعلى قمة جبلية).
	peakWords = setOf(`جبل جبلية الجبل جبال الهرم الترتيب الدوري المجد`)
	// عين، كلف، انتخب، تعيين: an appointment names the post (سفيرا،
	// رئيسا لجهاز، على وظيفة، منصب، خلفا ل، بتشكيل حكومة); without one
	// it is an eye or a newspaper (عين اليوم), a cost (كلف يونايتد 25
	// مليونا) or a vote (انتخب أفضل لاعب).
	posts = setOf(`رئيسا مديرا وزيرا سفيرا مستشارا نائبا أمينا عضوا أعضاء متحدثا قائدا محافظا مفتيا قاضيا ممثلا وكيلا مساعدا
		رئيس مدير وزير سفير مستشار نائب أمين عضو متحدث قائد محافظ مفتي وكيل مساعد
		وظيفة وظيفه منصب منصبا المنصب خلفا بتشكيل تشكيل لرئاسة رئاسة لإدارة`)
	// استقبل الوزير نظيره (received), or بدء استقبال الطلبات، استقبال
	// العزاء، يستقبل المرضى (takes in applications, condolences, patients).
	receiveVerbs = setOf(`استقبل يستقبل استقبلت تستقبل استقبال استقباله`)
	notReceived  = setOf(`الطلبات طلبات طلب العزاء المعزين التعازي المرضى المراجعين الحالات الطلاب الطالبات الطلبة المتقدمين المتقدمات البلاغات الشكاوى الزوار الحجاج المعتمرين المصلين الشحنات المسافرين الركاب الأمطار السيول
		العام الموسم المعلمين المعلمات اللاجئين المهاجرين النازحين الرسائل المكالمات الاتصالات`)
	// يلتقي الهلال مع النصر في المباراة، لقاء كأس السوبر: a match, not
	// a meeting.
	meetVerbs = setOf(`التقى يلتقي التقت تلتقي سيلتقي لقاء لقائه لقاءه لقائها لقاءات`)
	matchCues = setOf(`مباراة المباراة مباريات المباريات مبارياته مبارياتها الودي الودية ودي ودية الدوري كأس السوبر غريمه الديربي منتخب المنتخب الشوط المواجهة مواجهة مواجهات يواجه صالة صالات كرة
		ضيفه ضيفها مضيفه مضيفها الذهاب الإياب ملعب الملعب استاد`)
	// عاصفة الحزم، عاصفة الصحراء: military operations, not storms.
	stormWords     = setOf(`عاصفة العاصفة`)
	operationNames = setOf(`الحزم الصحراء`)
	// ضربة جزاء، ضربة حرة، ضربات الترجيح: a kick, not a strike.
	strikeWords = setOf(`ضربة ضربات ضربه`)
	// استهدف مسجدا (targeted), or يستهدف البرنامج الطلاب، تستهدف الحملة
	// الأسر (aims at an audience).
	targetVerbs   = setOf(`استهدف يستهدف استهدفت تستهدف`)
	audienceWords = setOf(`البرنامج البرامج المشروع الحملة المبادرة الخطة الدورة المسابقة الملتقى المعرض الجائزة الفعالية الفعاليات الطلاب الطالبات الشباب الفتيات الأسر الأسرة فئة الفئة فئات شريحة الشريحة شرائح المستفيدين الجمهور الزوار السياح المستثمرين العملاء تحقيق رفع زيادة خفض تدريب تأهيل توعية`)
	campaignWords = setOf(`حملة الحملة حملات الحملات برنامج البرنامج برامج مشروع المشروع مبادرة المبادرة خطة الخطة دورة الدورة مسابقة المسابقة
		ملتقى الملتقى معرض المعرض فعالية الفعالية فعاليات ورشة الورشة ندوة الندوة دورات جائزة الجائزة`)
	kickWords = setOf(`جزاء الجزاء حرة حره ركنية ركنيه الترجيح ترجيح البداية مقصية رأسية رأس ثابتة`)
)

// triggerSense reports whether the one-word trigger at i, in a sentence
// ending at to, has the sense of its event kind here.
func (a *analysis) triggerSense(kind string, i, to int) bool {
	// The verbal noun with the article goes by its bare form: «الوصول إلى
	// نهائي المسابقة»، «التوجه إلى مدارسهم» reach a stage and go to
	// school as «وصل إلى» and «توجه إلى» would.
	n, bare := a.norm[i], withoutArticle(a.norm[i])
	in := func(set map[string]bool) bool { return inSet(set, n) || bare != n && set[bare] }
	switch {
	case kind == "agreement" && in(signVerbs):
		// «وقعت إدارة مطار الملك فهد الدولي أمس عقد …»
		return a.ahead(i, to, 2, signOn, false) || a.ahead(i, to, 12, signObjects, false)
	case kind == "visit" && in(reachVerbs):
		return !a.ahead(i, to, 2, reachLevels, true) && a.destination(i, to)
	case kind == "visit" && in(returnVerbs):
		return !a.ahead(i, to, 2, notReturnWords, true) && a.destination(i, to)
	case kind == "visit" && in(headVerbs):
		return !a.ahead(i, to, 3, notHeadWords, false) && a.destination(i, to) // «وتوجه الوزير سامي العلي بالشكر»
	case kind == "disaster" && in(stormWords):
		return !a.ahead(i, to, 1, operationNames, false)
	case kind == "meeting" && discussForms[strings.TrimPrefix(strings.TrimPrefix(n, "و"), "ف")]:
		// بحث X مع Y (discussed with), not بحث (research, a search)
		// without a party to discuss with.
		return a.ahead(i, to, 12, withWords, false)
	case kind == "meeting" && strings.HasSuffix(n, "بحث"):
		// البحث، للبحث، عمليات البحث، فرق البحث والإنقاذ: the search.
		return false
	case kind == "meeting" && in(meetVerbs):
		return !a.ahead(i, to, 8, matchCues, false) && !a.behind(i, 8, matchCues) && !a.ahead(i, to, 3, interviewCues, false)
	case kind == "meeting" && in(receiveVerbs):
		// A number received («استقبلت 175 ألف طلب لجوء») is an intake.
		return !a.ahead(i, to, 2, notReceived, true)
	case kind == "appointment":
		return a.ahead(i, to, 10, posts, false)
	case kind == "attack" && in(targetVerbs):
		// «حملة للتبرع بالدم استهدفت منسوبي المديرية»: a campaign aims at
		// its audience, named before the verb as often as after it.
		return !a.ahead(i, to, 3, audienceWords, false) && !a.behind(i, 4, campaignWords)
	case kind == "attack" && in(strikeWords):
		return !a.ahead(i, to, 1, kickWords, false)
	case kind == "call":
		// «هاتف 4870000 … فاكس»: a phone number, not a call.
		return !a.ahead(i, to, 2, nil, true)
	case kind == "meeting" && strings.HasSuffix(n, "قمه"):
		return !a.ahead(i, to, 1, peakWords, false) && (i == 0 || !strings.HasSuffix(a.norm[i-1], "اعلي"))
	}
	return true
}

// articleRest returns what follows the article in a normalized word, after
// at most a conjunction and a preposition (والوصول، بالتوجه، للاستهداف،
// كالزيارة → وصول، توجه، استهداف، زيارة), and whether the word had the
// article.
func articleRest(n string) (string, bool) {
	m := n
	if r, ok := strings.CutPrefix(m, "و"); ok {
		m = r
	} else if r, ok := strings.CutPrefix(m, "ف"); ok {
		m = r
	}
	if r, ok := strings.CutPrefix(m, "لل"); ok {
		return r, true
	}
	for _, p := range []string{"ال", "بال", "كال", "لال"} {
		if r, ok := strings.CutPrefix(m, p); ok {
			return r, true
		}
	}
	return n, false
}

// withoutArticle returns what follows the article in a normalized word
// when three letters or more do (articleRest), else the word as it is.
func withoutArticle(n string) string {
	if r, ok := articleRest(n); ok && utf8.RuneCountInString(r) >= 3 {
		return r
	}
	return n
}

// negators deny what the word after them says: «لم يطلب منه»، «لن يزور»،
// «عدم توقيع»، «دون قصف»، «لا يوجد اتفاق»، «تجنب طلب مساعدة».
var (
	negators    = setOf(`لم لن لا عدم دون بدون ليس ليست تجنب`)
	passiveAids = setOf(`يتم تتم تم يوجد توجد هناك`)
)

// negated reports whether the trigger at i is denied by the word before
// it, or by the word before «يتم» («لم يتم توقيع الاتفاق»), in the sentence
// that starts at from: what did not or will not happen is no event.
func (a *analysis) negated(i, from int) bool {
	j := i - 1
	if j > from && inSet(passiveAids, a.norm[j]) {
		j--
	}
	return j >= from && inSet(negators, a.norm[j])
}

// destinationWords name where a journey ends when no place name does:
// the capital, the airport, home.
var destinationWords = setOf(`العاصمة عاصمة مطار المطار ميناء الميناء مقر المقر مدينة المدينة بلاده بلادها وطنه وطنها البلاد أرض الوطن المملكة الديار منزله منزلها مكتبه قصر القصر`)

// maxMoverWords bounds how far past a movement verb its إلى may stand: a
// prince's titles run to twenty words and more («يتوجه صاحب السمو الملكي
// الأمير … النائب الثاني لرئيس مجلس الوزراء وزير الدفاع اليوم إلى الأردن»).
const maxMoverWords = 30

// destination reports whether a movement verb at i (وصل، عاد، توجه) has
// somewhere to go: a place name or a destination word within the next
// eight tokens of its sentence, or right after an إلى within maxMoverWords.
// Without one it moves a measure or a state («وصل طوله إلى سبعة
// سنتيمترات»، «تصل عدد التأشيرات إلى 200»، «يعود اللاعبون لإجراء
// التدريبات»), not a visitor.
func (a *analysis) destination(i, to int) bool {
	place := func(j int) bool {
		e, ok := a.entityAt(j)
		return ok && e.Type == marsad.Location || inSet(destinationWords, a.norm[j])
	}
	for j := i + 1; j < to && j <= i+maxMoverWords; j++ {
		if j <= i+8 && place(j) {
			return true
		}
		// Past a long subject («وصل، قبل قليل، نائب الرئيس اليمني خالد
		// بحاح إلى مطار عدن»): إلى and a place right after it.
		if a.norm[j] == "الي" { // إلى, normalized
			for k := j + 1; k < to && k <= j+2; k++ {
				if place(k) {
					return true
				}
			}
		}
	}
	return false
}

// behind reports whether one of the k tokens before i, in i's sentence,
// is in set (through an attached preposition).
func (a *analysis) behind(i, k int, set map[string]bool) bool {
	from, _ := a.sentenceBounds(i)
	for j := i - 1; j >= from && j >= i-k; j-- {
		if inSet(set, a.norm[j]) {
			return true
		}
	}
	return false
}

// ahead reports whether one of the k tokens after i, before to, is in set
// (through an attached preposition), or, when numbers is set, a number.
func (a *analysis) ahead(i, to, k int, set map[string]bool, numbers bool) bool {
	for j := i + 1; j <= i+k && j < to; j++ {
		if inSet(set, a.norm[j]) || numbers && a.toks[j].Kind == arabic.Number {
			return true
		}
	}
	return false
}

// hasTriggerSuffix reports whether some proper suffix of n, cut at a rune
// boundary, is an event trigger.
func hasTriggerSuffix(n string) bool {
	for j := 1; j < len(n); j++ {
		if utf8.RuneStart(n[j]) && len(n)-j >= minTriggerLen {
			if _, ok := eventTriggers[n[j:]]; ok {
				return true
			}
		}
	}
	return false
}

// minTriggerLen is the byte length of the shortest event trigger.
var minTriggerLen = func() int {
	m := 1 << 30
	for w := range eventTriggers {
		m = min(m, len(w))
	}
	return m
}()

// findEvents reads event frames sentence by sentence: a trigger, the actors
// around it, the place, and the date of the nearest resolved time
// expression in the same sentence. Claims and denials among the quotes are
// speech events, dated to the publication day when the text gives no date.
func (a *analysis) findEvents() {
	for si, s := range a.in.Sentences {
		// seen lists the places of the events of each kind in the
		// sentence: a second trigger of a kind makes an event only with a
		// place of its own («يقوم بزيارة رسمية للعاصمة الروسية موسكو بعد
		// زيارة للقاهرة»: two visits), not a second frame of the same one.
		seen := map[string][]string{}
		var lastWho []string // the actor of the sentence's last event
		var dated []int      // where the dates of the sentence's events start
		for i := s.From; i < s.To; i++ {
			if a.ent[i] >= 0 {
				continue // a word inside a name ("عين اليوم") triggers nothing
			}
			kind, width := a.phraseAt(i, s.To)
			if kind == "" {
				kind, width = a.triggerKind(i), 1
			}
			if kind == "" {
				continue
			}
			if kind == "request" && !a.requestLike(i, s) {
				continue
			}
			if kind == "supply" && !a.hasAny(supplyObjects, s) {
				continue // "تسليم السلطة" is no delivery
			}
			if width == 1 && !a.triggerSense(kind, i, s.To) || a.negated(i, s.From) || a.caseTitle(i) {
				continue
			}
			e := a.frame(kind, i, i+width, si, lastWho)
			definite := width == 1 && definiteNoun(a.norm[i])
			if definite && (!a.dateNear(si, i) || a.dateTaken(si, i, dated)) || e.When == "" && len(e.Who) == 0 && e.Where == "" {
				// «الاتفاق الذي تم التوصل إليه», «الزيارة»: a definite noun
				// refers back to an event the text has introduced, and adds
				// nothing to the timeline without a date of its own, next
				// to it («وفقا للاتفاق الذي أعلن عنه يوم 14 يوليو»), not
				// the report's «اليوم» at the other end of the sentence; a
				// frame with no one, no place and no date says nothing at
				// all.
				continue
			}
			if len(e.Who) == 0 && len(e.With) == 0 && e.When == "" && kind != "disaster" && kind != "attack" {
				// Nobody acts and nothing dates it: «الكتائب التي وصلت إلى
				// …», «حتى يصلوا لبلادهم», «توقيع عقود الوظائف». Of 7 frames
				// with nobody in them in 20 sampled SaudiNewsNet events, one
				// or two were events at all. A storm or a bombing may have no
				// actor, and a dated frame still places something on the
				// timeline.
				continue
			}
			if len(e.Who) == 0 && len(e.With) == 0 && e.Where == "" && !a.dateNear(si, i) {
				// A date is all the frame has, and it stands far from the
				// trigger: it dates something else in the sentence («خلال
				// الشهر الماضي … خلال زيارته للمواقع السياحية»).
				continue
			}
			if places, ok := seen[kind]; ok && (e.Where == "" || slices.Contains(places, e.Where)) {
				continue
			}
			if x, ok := a.nearestTime(si, i); ok && e.When != "" {
				dated = append(dated, x.Start)
			}
			seen[kind] = append(seen[kind], e.Where)
			a.events = append(a.events, e)
			if len(e.Who) > 0 {
				lastWho = e.Who
			}
		}
	}
	for qi, q := range a.quotes {
		if q.Kind != marsad.Denial && q.Kind != marsad.Claim {
			continue
		}
		kind := "statement"
		if q.Kind == marsad.Denial {
			kind = "denial"
		}
		si := a.qmeta[qi].sentence
		e := marsad.Event{Kind: kind, Who: []string{q.Speaker}, Text: a.sentenceText(si)}
		if x, ok := a.nearestTime(si, -1); ok {
			e.When, e.WhenText = x.Value, x.Text
		} else if !a.in.Published.IsZero() {
			// A claim or denial the text does not date was made by the
			// time the article reports it.
			e.When = a.in.Published.Time.Format("2006-01-02")
		}
		a.events = append(a.events, e)
	}
}

func (a *analysis) phraseAt(i, to int) (string, int) {
	for _, p := range phraseTriggers {
		if i+len(p.words) > to {
			continue
		}
		ok := true
		for k, w := range p.words {
			if !phraseWordMatches(a.norm[i+k], w) {
				ok = false
				break
			}
		}
		if ok {
			return p.kind, len(p.words)
		}
	}
	return "", 0
}

// phraseWordMatches reports whether the normalized word n stands for the
// phrase word w: the same word, with و/ب in front, or with or without the
// article (n == w, و/ب+n == w, "ال"+n == w or n == "ال"+w, without building
// the strings).
func phraseWordMatches(n, w string) bool {
	if n == w || strings.TrimPrefix(strings.TrimPrefix(n, "و"), "ب") == w {
		return true
	}
	if rest, ok := strings.CutPrefix(w, "ال"); ok && rest == n {
		return true
	}
	rest, ok := strings.CutPrefix(n, "ال")
	return ok && rest == w
}

// requestReferences are the prepositions after which طلب names a request
// the text is talking about (بشأن طلب، حول طلب).
var requestReferences = setOf(`بشأن بخصوص حول عن على إزاء`)

// formWords name a form, not a request: «نموذج طلب التعيين».
var formWords = setOf(`نموذج استمارة نماذج استمارات`)

// countWords are numbers written as words before a counted noun.
var countWords = setOf(`ألف آلاف الف الاف مليون ملايين مئات عشرات مائة مئة`)

// countBefore reports whether the word before i counts it («175 ألف طلب
// لجوء»، «عشرات الطلبات»): a tally of requests, not a request.
func (a *analysis) countBefore(i int) bool {
	if i == 0 {
		return false
	}
	return countWords[a.norm[i-1]] || a.toks[i-1].Kind == arabic.Number
}

// supplyObjects are what gets supplied: arms, aircraft, aid, troops.
var supplyObjects = setOf(`أسلحة سلاح الأسلحة السلاح مقاتلات طائرات مقاتلة طائرة مساعدات المساعدات عتاد العتاد ذخائر ذخيرة مرتزقة مرتزق ضباط ضباطا جنود قوات معدات صواريخ دبابات مدرعات منظومات منظومة شحنة وقود أغذية أدوية لقاحات خبراء مستشارين`)

func (a *analysis) hasAny(set map[string]bool, s arabic.Sentence) bool {
	for j := s.From; j < s.To; j++ {
		if inSet(set, a.norm[j]) {
			return true
		}
	}
	return false
}

// requestLike keeps طلب when it is an act, not "على الطلب" (demand) talk
// or a reference to a request: a person or organisation must be in the
// sentence.
func (a *analysis) requestLike(i int, s arabic.Sentence) bool {
	// "بشأن طلب حفتر", "بخصوص طلب", "تقدم بطلب": talk about a request
	// the text reports elsewhere, not the request.
	if n := a.norm[i]; strings.HasPrefix(n, "بطلب") || strings.HasPrefix(n, "لطلب") {
		return false
	}
	// الطلبة، والطلبه: students, whom the normalized «طلبه» (his
	// request) spells the same.
	if n := strings.TrimPrefix(strings.TrimPrefix(a.norm[i], "و"), "ف"); strings.HasPrefix(n, "الطلب") || strings.HasPrefix(n, "للطلب") {
		return false
	}
	if i > s.From && (requestReferences[a.norm[i-1]] || formWords[a.norm[i-1]] || a.countBefore(i)) {
		return false
	}
	for j := s.From; j < s.To; j++ {
		if e, ok := a.entityAt(j); ok && (e.Type == marsad.Person || e.Type == marsad.Organization) {
			return true
		}
	}
	return false
}

type actor struct {
	e   marsad.Entity
	pos int
}

// frame fills one event around trigger tokens [t, tEnd) of sentence si.
// shared is the actor of the sentence's previous event, which a verb
// joined to it by و takes when nothing closer names its own.
func (a *analysis) frame(kind string, t, tEnd, si int, shared []string) marsad.Event {
	s := a.in.Sentences[si]
	e := marsad.Event{Kind: kind, Text: a.sentenceText(si)}
	var actors []actor
	var places []actor
	seen := map[string]bool{}
	for j := s.From; j < s.To; j++ {
		ent, ok := a.entityAt(j)
		if !ok || seen[ent.ID] {
			continue
		}
		seen[ent.ID] = true
		switch ent.Type {
		case marsad.Person, marsad.Organization:
			actors = append(actors, actor{ent, j})
		case marsad.Location:
			places = append(places, actor{ent, j})
		}
	}
	// Countries act too when no person or organisation does (روسيا ترسل
	// …، تسليم أميركا): a place named before the trigger or right after
	// it, as its subject or its genitive. One further on is where it
	// happened or its target («قصف … استهدف قرية الخديرة»، «غارات على
	// العراق»), except the parties of an agreement («الاتفاق بين تركيا
	// وواشنطن»); a place in an agreement noun's genitive is where it was
	// made and its name («اتفاق فيينا»، «اتفاق الصخيرات»), while after
	// وقع it is who signed.
	if len(actors) == 0 && (kind == "supply" || kind == "attack" || kind == "agreement" || kind == "request") && len(places) > 0 &&
		(places[0].pos < t || places[0].pos == tEnd && (kind != "agreement" || inSet(signVerbs, a.norm[t])) ||
			kind == "agreement" && places[0].pos != tEnd) && !a.sceneOf(places[0].pos) {
		actors, places = places[:1], places[1:]
	}
	// who: the actor named right before the trigger, or before a comma
	// before it (subject-verb order: «المالكي التقى», «أجرى حفتر زيارة»),
	// else the nearest after it (verb-subject order, and the genitive of
	// a verbal noun: زيارة حفتر), else the nearest before. An actor
	// inside a prepositional phrase («التقى بالمدعية العامة للمحكمة
	// الجنائية الدولية»، «في روسيا») is whom the event involves, not who
	// acts (oblique).
	who := -1
	// A delivery's verbal noun with a country in its genitive and what is
	// delivered after it («إرسال روسيا 8 مقاتلات») names the sender,
	// whoever else the sentence names.
	if sender, ok := a.entityAt(tEnd); ok && kind == "supply" && tEnd < s.To && sender.Type == marsad.Location &&
		a.ahead(tEnd, s.To, 3, supplyObjects, true) {
		actors = append([]actor{{sender, tEnd}}, actors...)
		places = slices.DeleteFunc(places, func(p actor) bool { return p.e.ID == sender.ID })
		who = 0
	}
	before := t - 1
	if before > s.From && (a.norm[before] == "،" || a.norm[before] == ",") {
		before-- // «قام السفير حارث هارلي، بزيارة»
		// «أن المشير حفتر، الذي يتوقع منتقدوه أن يصبح مستبدا على غرار
		// العقيد الراحل معمر القذافي، سافر إلى موسكو»: a relative clause
		// set off by commas sits between the subject and its verb.
		if k := a.subjectBeforeRelative(actors, before, s.From); k >= 0 {
			who = k
		}
	}
	if who < 0 && before >= s.From && a.ent[before] >= 0 {
		for k, ac := range actors {
			if a.ent[ac.pos] == a.ent[before] && !a.oblique(ac.pos) {
				who = k
			}
		}
		if who < 0 {
			// «الأمير سامي العلي النائب الثاني لرئيس مجلس الوزراء التقى»:
			// the name before the verb closes a title; its holder acts.
			who = a.titleHolder(actors, before)
		}
	}
	// A verbal noun that has its possessor attached («من لقائه في بنغازي
	// قائد القيادة الأمريكية») has its genitive slot filled: the name
	// after it is whom the event involves, and its actor is named before.
	possessed := inSet(possessedTriggers, a.norm[t])
	if who < 0 && len(shared) > 0 && tEnd < s.To && duringWords[a.norm[tEnd]] {
		// «في زيارة يلتقي خلالها الملك عبدالله الثاني»: what happens
		// during the event before it has that event's actor for its
		// subject; the name after it is whom it involves.
		for k, ac := range actors {
			if ac.e.Name == shared[0] {
				who = k
				break
			}
		}
	}
	if who < 0 {
		who = a.namedAgent(actors, tEnd, s.To)
	}
	if who < 0 && (kind == "request" || kind == "supply") && a.behind(t, 2, receiveWords) ||
		kind == "call" && a.behind(t, 12, receiveWords) {
		// «تلقت المملكة طلبا من مجموعة العمل المالي»، «وتلقى خادم الحرمين
		// -حفظه الله-، اتصالاً هاتفياً من فخامة الرئيس فرانسوا هولاند»:
		// what is received comes from the name after من, past the titles.
		for k, ac := range actors {
			if ac.pos > tEnd && ac.pos-tEnd <= 6 && a.afterFrom(ac.pos, tEnd) {
				who = k
				break
			}
		}
	}
	// acts reports whether actor k may act: not inside a prepositional
	// phrase, not the organisation in a title whose holder is named next,
	// not in the words quoted after the trigger, not the target in the
	// genitive of «استهداف», «اقتحام».
	acts := func(k int) bool {
		ac := actors[k]
		if a.oblique(ac.pos) || a.inTitleBeforePerson(ac, actors[k+1:]) || ac.pos >= tEnd && a.speechBetween(tEnd, ac.pos) {
			return false
		}
		if kind == "attack" && ac.pos < t && a.condemnationBetween(ac.pos, t) {
			return false // «أعربت الحكومة عن شجبها للعمل الإرهابي الذي استهدف»: who condemns did not strike
		}
		return !a.targetedBy(ac.pos)
	}
	for k, ac := range actors {
		if who < 0 && !possessed && ac.pos >= tEnd && ac.pos-tEnd <= 12 && acts(k) {
			who = k
			break
		}
	}
	// Before the trigger, a name that reports the clause holding it
	// («قالت وزارة الخارجية إن تركيا طلبت … عقد اجتماع») is the
	// reporter, not who acts; with a pronoun on the complementizer
	// («أعلنت الهيئة أنها وقعت») the subject goes on, and the name acts.
	reporter := func(k int) bool { return a.bareComplementizerBetween(actors[k].pos, t) }
	if who < 0 && len(shared) > 0 && a.conjoinedVerb(t) {
		// «سافر إلى موسكو مرتين … وطلب الحصول على أسلحة»: a verb joined
		// to the one before by و shares its subject; a name further back
		// (in a relative clause, an object) is not it.
		e.Who = shared
	}
	if who < 0 && len(e.Who) == 0 {
		for k := len(actors) - 1; k >= 0; k-- {
			if actors[k].pos < t && acts(k) && !reporter(k) {
				who = k
				break
			}
		}
	}
	for k, ac := range actors {
		// The name after a possessed noun («خلال استقباله إسماعيل ولد
		// الشيخ») is its object, never its actor (objectOf).
		if who < 0 && len(e.Who) == 0 && acts(k) && !(ac.pos < t && reporter(k)) && !(possessed && a.objectOf(t, tEnd, ac.pos)) {
			who = k
		}
	}
	if who < 0 && len(e.Who) == 0 && kind != "disaster" && t-1 >= s.From && a.ent[t-1] >= 0 && !a.oblique(t-1) {
		// Nobody else acts, and a country is the subject right before the
		// verb («قالت وزارة الخارجية إن تركيا طلبت من حلف شمال الأطلسي»)
		// or right after it, before its object («وشنت تركيا ضربات»). Not
		// the last of a list («سوريا والعراق، واتفاق»، «الهند وباكستان
		// ووصل البنغال»).
		for k, p := range places {
			if a.ent[p.pos] == a.ent[t-1] && !strings.HasPrefix(a.toks[p.pos].Text, "و") && !a.sceneOf(p.pos) &&
				(p.pos == 0 || a.norm[p.pos-1] != "و" && a.triggerKind(p.pos-1) == "") { // «سيزور النجف واللقاء»: the place is visited
				actors = append(actors, p)
				places = slices.Delete(places, k, k+1)
				who = len(actors) - 1
				break
			}
		}
	}
	if who < 0 && len(e.Who) == 0 && possessed {
		// «وكان في استقبال خادم الحرمين الشريفين لدى وصوله»، «والتقى
		// المسؤول الأممي فور وصوله»: the pronoun on the noun refers to the
		// name or role right before the time word that governs it.
		if k, role := a.possessor(actors, t, s.From); k >= 0 {
			who = k
		} else if role != "" {
			e.Who = []string{role}
		}
	}
	if who < 0 && possessed && kind != "visit" {
		for _, ac := range actors {
			if a.objectOf(t, tEnd, ac.pos) && len(e.With) < 3 && !a.oblique(ac.pos) && !a.titleOrAudience(ac) {
				e.With = append(e.With, ac.e.Name) // «خلال استقباله إسماعيل ولد الشيخ»
			}
		}
	}
	if who < 0 && len(e.Who) == 0 {
		// No one named: an actor described by a role right after the
		// trigger («وزار الوفد مطار شرورة», «زيارة سمو ولي ولي العهد
		// لمصر»).
		if r := a.roleActor(tEnd, s.To); r != "" && !possessed {
			e.Who = []string{r}
		} else if r := a.roleSubject(s.From, t); r != "" {
			e.Who = []string{r}
		}
	}
	if kind == "disaster" {
		// A storm, a flood or a fire has no one behind it: the names
		// around it are the spokesman who reports it, the agency quoted
		// or the storm's own name (العاصفة دانيال، الإعصار سوديلور).
		who = -1
		e.Who = nil
	}
	if who >= 0 {
		e.Who = []string{actors[who].e.Name}
		if kind == "meeting" || kind == "call" || kind == "agreement" || kind == "attack" || kind == "supply" || kind == "request" {
			for k, ac := range actors {
				if k != who && len(e.With) < 3 && !isPartOf(ac.e.Name, actors[who].e.Name) && !a.titleOrAudience(ac) &&
					!(ac.pos >= tEnd && a.speechBetween(tEnd, ac.pos)) {
					e.With = append(e.With, ac.e.Name)
				}
			}
		}
	} else if len(e.Who) > 0 && len(e.With) == 0 && (kind == "meeting" || kind == "call" || kind == "agreement") {
		// An actor named by his role («بحث وزير الخارجية مع نظيره
		// الأردني أيمن الصفدي»): the names after the trigger, in no title
		// and no quotation, are the other party.
		for _, ac := range actors {
			if ac.pos >= tEnd && len(e.With) < 3 && !a.titleOrAudience(ac) && !a.speechBetween(tEnd, ac.pos) {
				e.With = append(e.With, ac.e.Name)
			}
		}
	}
	// where: the first place after the trigger, else the last one before.
	// A visitor named after the verb, with no إلى before him, goes where
	// the text names after him; a place in his title («وصل قائد قوات شرق
	// مالطا، سامي العلي، الثلاثاء، جنيف») is where he comes from, unlike
	// «وصل إلى مدينة عدن أمس خالد بحاح».
	if kind == "visit" && who >= 0 && actors[who].pos >= tEnd && !slices.Contains(a.norm[tEnd:actors[who].pos], "الي") {
		// The first place named after him, also one his title named
		// before («زار أمين منطقة عسير … بمنطقة عسير»).
		for j := actors[who].pos + 1; j < s.To; j++ {
			if p, ok := a.entityAt(j); ok && p.Type == marsad.Location && a.ent[j] != a.ent[actors[who].pos] && !a.sceneOf(j) {
				e.Where = p.Name
				break
			}
		}
	}
	for _, p := range places {
		if e.Where == "" && p.pos >= tEnd {
			e.Where = p.e.Name
			break
		}
	}
	if e.Where == "" && len(places) > 0 {
		e.Where = places[len(places)-1].e.Name
	}
	if x, ok := a.nearestTime(si, t); ok {
		e.When, e.WhenText = x.Value, x.Text
	}
	return e
}

// maxRelativeClause bounds how many tokens a relative clause between a
// subject and its verb may span.
const maxRelativeClause = 30

// subjectBeforeRelative returns the index in actors of the name that a
// relative clause ending at token end (just before a comma and the
// trigger) describes: «حفتر، الذي … القذافي، سافر» gives حفتر. It returns
// -1 when no comma and relative pronoun open such a clause after a name.
func (a *analysis) subjectBeforeRelative(actors []actor, end, from int) int {
	for j := end; j > from+1 && end-j < maxRelativeClause; j-- {
		if !relativePronouns[a.norm[j]] {
			continue
		}
		if c := a.norm[j-1]; c != "،" && c != "," {
			return -1 // a restrictive clause («الرجل الذي …») is part of its noun
		}
		n := j - 2
		if a.ent[n] < 0 {
			return -1
		}
		for k, ac := range actors {
			if a.ent[ac.pos] == a.ent[n] && !a.oblique(ac.pos) {
				return k
			}
		}
		return -1
	}
	return -1
}

// agentWords open a relative clause that names who carried out the
// event just named: «تفجير انتحاري نفذته طالبان»، «هجوم تبناه التنظيم».
var agentWords = setOf(`نفذه نفذته نفذها نفذتها نفذوه شنه شنته شنها شنتها تبناه تبنته تبناها تبنتها نظمه نظمته نظمها`)

// possessiveTimeWords govern a possessed event noun: «لدى وصوله»، «فور
// وصوله»، «خلال زيارته».
var possessiveTimeWords = setOf(`لدى عند فور بعد قبل أثناء خلال إثر عقب`)

// possessor returns the referent of the pronoun on the possessed trigger
// at t: the index in actors of the name that ends right before the time
// word governing the trigger, or the role phrase (a role word and its
// definite genitives, names included: «أمير منطقة عسير») that ends
// there. It returns -1 and "" when neither does.
func (a *analysis) possessor(actors []actor, t, from int) (int, string) {
	k := t - 1
	if k <= from || !inSet(possessiveTimeWords, a.norm[k]) {
		return -1, ""
	}
	k--
	if k > from && (a.norm[k] == "،" || a.norm[k] == ",") {
		k-- // «وعبر المسؤول الأوروبي، خلال لقائه»
	}
	if a.ent[k] >= 0 {
		for i, ac := range actors {
			if a.ent[ac.pos] == a.ent[k] {
				return i, ""
			}
		}
	}
	for i := k; i >= from && i > k-6; i-- {
		if !isWord(a.toks[i]) {
			return -1, ""
		}
		if (roleHeads[a.norm[i]] || a.norm[i] == "خادم") && a.ent[i] < 0 {
			for i > from && a.ent[i-1] < 0 && (roleHeads[a.norm[i-1]] || a.norm[i-1] == "خادم") {
				i-- // ولي ولي العهد، نائب خادم الحرمين الشريفين
			}
			return -1, a.text(i, k+1)
		}
		if a.ent[i] < 0 && !strings.HasPrefix(a.norm[i], "ال") && (i+1 > k || a.ent[i+1] < 0) {
			return -1, "" // a word other than a definite one or the head of a name (منطقة عسير)
		}
	}
	return -1, ""
}

// objectOf reports whether the name at pos is the object of the
// possessed trigger [t, tEnd): it follows the trigger with no reporting
// verb between («خلال استقباله صباح اليوم فريقاً … برئاسة فهد
// السفيران»), where «وخلال لقائه مع رؤساء التحرير قال داود أوغلو» names
// the subject of the next verb. In «كان في استقباله فايز الطراونة» the
// pronoun is the one received, and the name after it receives.
func (a *analysis) objectOf(t, tEnd, pos int) bool {
	if pos < tEnd || a.receivedBy(t) {
		return false
	}
	for j := tEnd; j < pos; j++ {
		if verbOf(a.norm[j]) != 0 || j > tEnd && inSet(pastVerbs, a.norm[j]) {
			return false // «وقبل وصوله إلى البيت الأبيض في 2009، زار باراك أوباما»: a verb of its own
		}
	}
	return true
}

// receivedBy reports whether the possessed trigger at t stands in «كان
// في استقباله»: the pronoun is received, by the name that follows.
func (a *analysis) receivedBy(t int) bool {
	return t > 0 && a.norm[t-1] == "في" && inSet(receiveVerbs, strings.TrimSuffix(strings.TrimSuffix(a.norm[t], "ه"), "ها"))
}

// titleHolder returns the index in actors of the person whose title ends
// with the organisation at token end (a role word governs it), named at
// most twelve tokens before it and in no prepositional phrase, or -1.
func (a *analysis) titleHolder(actors []actor, end int) int {
	org := -1
	for k, ac := range actors {
		if a.ent[ac.pos] == a.ent[end] {
			org = k
		}
	}
	if org < 0 || !a.titleOrAudience(actors[org]) {
		return -1
	}
	for k := org - 1; k >= 0; k-- {
		ac := actors[k]
		if actors[org].pos-ac.pos > 12 {
			break
		}
		if ac.e.Type == marsad.Person && !a.oblique(ac.pos) {
			return k
		}
	}
	return -1
}

// titleOrAudience reports whether the organisation ac stands in someone's
// title («النائب الثاني لرئيس مجلس الوزراء»، «رئيس الحكومة») or is the
// outlet a speaker talks to («ل«الشرق الأوسط»»، «لوكالة الأنباء»): no
// party to the event either way.
func (a *analysis) titleOrAudience(ac actor) bool {
	if ac.e.Type != marsad.Organization {
		return false
	}
	if _, ok := a.roleOf(ac.pos); ok {
		return true
	}
	j := ac.pos - 1
	for j >= 0 && a.toks[j].Kind == arabic.Punct && isOpenQuote(a.toks[j].Text) {
		j--
	}
	if j < 0 {
		return false
	}
	n := a.norm[j]
	if prepositionalTitle(n) || n == "ل" || n == "لـ" || a.spokenTo(j) {
		return true
	}
	// «وفق ما ذكره موقع "الشرق الأوسط"»، «بحسب وكالة الأنباء»: the outlet
	// the text cites.
	if inSet(outletHeads, n) {
		j--
	}
	for k := j; k >= 0 && k > j-3; k-- {
		if inSet(citationWords, a.norm[k]) {
			return true
		}
	}
	return false
}

// citationWords cite a source: «وفق ما ذكره»، «بحسب»، «نقلا عن».
var citationWords = setOf(`وفق وفقا حسب بحسب ذكره ذكرته ذكرت أوردته أوردت نشرته نشرت نقلته نقلت نقلا أفادت`)

// condemnationStems open the words of condemning and condoling: شجب،
// استنكار، إدانة، تنديد، تعازي (normalized, with what attaches after).
var condemnationStems = []string{"شجب", "استنكر", "استنكار", "ادان", "يدين", "تدين", "ندين", "ندد", "تنديد", "تعازي", "عزاء", "مواساه"}

// condemnationBetween reports whether a word of condemning or condoling
// stands between tokens from and to.
func (a *analysis) condemnationBetween(from, to int) bool {
	for j := from + 1; j < to; j++ {
		n := a.norm[j]
		for _, p := range []string{"و", "ب", "ل"} {
			if r, ok := strings.CutPrefix(n, p); ok && len(r) >= 6 {
				n = r
				break
			}
		}
		for _, stem := range condemnationStems {
			if strings.HasPrefix(n, stem) {
				return true
			}
		}
	}
	return false
}

// caseWords name a case or a file, whose title may quote an event:
// «تنظر المحكمة قضية "تفجير مسجد الإمام الصادق"».
var caseWords = setOf(`قضية القضية قضايا ملف الملف محاكمة المحاكمة دعوى الدعوى`)

// caseTitle reports whether the trigger at i opens a quoted title right
// after a case word: the case is tried now, the event it names is old.
func (a *analysis) caseTitle(i int) bool {
	j := i - 1
	if j < 0 || a.toks[j].Kind != arabic.Punct || !isOpenQuote(a.toks[j].Text) {
		return false
	}
	for k := j - 1; k >= 0 && k >= j-3; k-- {
		if inSet(caseWords, a.norm[k]) {
			return true
		}
	}
	return false
}

// speechBetween reports whether a colon or an opening quotation mark
// stands between tokens from and to: what follows is someone's words, and
// a name in them («وقال كيري غداة لقاء مع نظيره الصيني: «بحثنا قرار الأمم
// المتحدة»») does not act in the event before them.
func (a *analysis) speechBetween(from, to int) bool {
	for j := from; j < to && j < len(a.toks); j++ {
		t := a.toks[j]
		if t.Kind != arabic.Punct {
			continue
		}
		if t.Text == ":" {
			return true
		}
		if isOpenMark(t.Text) {
			// A name or a word set off by marks («المؤثر»، «عبدالرحمن
			// النمر») closes within a few words; what someone said runs on.
			k := j + 1
			for k < len(a.toks) && k <= j+4 && !isCloseMark(a.toks[k].Text) {
				k++
			}
			if k < len(a.toks) && k <= j+4 {
				j = k
				continue
			}
			return true
		}
	}
	return false
}

// afterFrom reports whether the name at pos follows من, with only
// honorifics and title words between, and at or after token from.
func (a *analysis) afterFrom(pos, from int) bool {
	j := pos - 1
	for j >= from && (addressWords[a.norm[j]] || a.titleWord(j)) {
		j--
	}
	return j >= from && strings.TrimPrefix(a.norm[j], "و") == "من"
}

// duringWords refer back to the event just named: «يلتقي خلالها».
var duringWords = setOf(`خلالها خلاله خلالهما خلالهم`)

// receiveWords receive what an event sends or asks: «تلقت طلبا من».
var receiveWords = setOf(`تلقى تلقت يتلقى تتلقى تسلم تسلمت استلم استلمت`)

// namedAgent returns the index in actors of the name a relative clause
// right after the trigger (ending at tEnd) gives as its agent, or -1.
func (a *analysis) namedAgent(actors []actor, tEnd, to int) int {
	for j := tEnd; j < to && j < tEnd+4; j++ {
		if !inSet(agentWords, a.norm[j]) {
			continue
		}
		n := j + 1
		if n < to && a.ent[n] < 0 && groupWords[a.norm[n]] {
			n++ // «نفذه تنظيم داعش»
		}
		if n >= to || a.ent[n] < 0 {
			return -1
		}
		for k, ac := range actors {
			if a.ent[ac.pos] == a.ent[n] {
				return k
			}
		}
		return -1
	}
	return -1
}

// pastVerbs are the triggers in the past tense, third person: after و
// they continue the sentence's story (وطلب، والتقى، وزار) rather than
// name an event noun (وزيارة).
var pastVerbs = setOf(`زار زارت التقى التقت اجتمع اجتمعت استقبل استقبلت طلب طلبت طالب طالبت أرسل أرسلت
	وقع وقعت قصف قصفت هاجم هاجمت عين عينت كلف كلفت سافر سافرت توجه توجهت عاد عادت وصل وصلت زود زودت سلم سلمت`)

// conjoinedVerb reports whether the trigger at t is a past verb joined by
// و or ف to what comes before it.
func (a *analysis) conjoinedVerb(t int) bool {
	n := a.norm[t]
	for _, p := range []string{"و", "ف"} {
		if r, ok := strings.CutPrefix(n, p); ok && pastVerbs[r] {
			return true
		}
	}
	return false
}

// targetMasdars are verbal nouns whose genitive is what they hit
// («استهداف تنظيم داعش في سورية»، «اقتحام المسجد»), unlike «هجوم داعش».
var targetMasdars = setOf(`استهداف اقتحام مهاجمة`)

// targetedBy reports whether the name at i is the genitive of a target
// masdar, directly or behind a group word (استهداف تنظيم داعش).
func (a *analysis) targetedBy(i int) bool {
	j := i - 1
	if j >= 0 && groupWords[strings.TrimPrefix(a.norm[j], "و")] {
		j--
	}
	return j >= 0 && a.ent[j] < 0 && inSet(targetMasdars, a.norm[j])
}

// sceneVerbs make their subject the scene of what they report: «وتشهد
// سيلوبي اشتباكات», «شهدت المدينة هجمات».
var sceneVerbs = setOf(`شهد شهدت يشهد تشهد`)

// sceneOf reports whether the place at i is the subject of a scene verb
// right before it.
func (a *analysis) sceneOf(i int) bool {
	return i > 0 && inSet(sceneVerbs, a.norm[i-1])
}

// inTitleBeforePerson reports whether the organisation ac is the genitive
// of a role word whose holder is named next («استقبل محافظ مؤسسة النقد
// «ساما» الدكتور فهد المبارك»): the title's organisation does not act,
// its holder does.
func (a *analysis) inTitleBeforePerson(ac actor, rest []actor) bool {
	if ac.e.Type != marsad.Organization || len(rest) == 0 || rest[0].e.Type != marsad.Person || rest[0].pos-ac.pos > 8 {
		return false
	}
	_, ok := a.roleOf(ac.pos)
	return ok
}

// roleOf returns the token of the role word that governs the organisation
// named at token j («رئيس الحكومة الإيطالية»، «محافظ مؤسسة النقد»), when
// one stands right before the name.
func (a *analysis) roleOf(j int) (int, bool) {
	if e, ok := a.entityAt(j); !ok || e.Type != marsad.Organization {
		return 0, false
	}
	first := j
	for first > 0 && a.ent[first-1] == a.ent[j] {
		first--
	}
	if first > 0 && roleHeads[strings.TrimPrefix(a.norm[first-1], "و")] {
		return first - 1, true
	}
	return 0, false
}

// obliquePrepositions are the free-standing prepositions whose object
// does not act in the event (بين, whose objects are an agreement's
// parties, is not one of them).
var obliquePrepositions = setOf(`في من إلى الى على عن مع لدى عند ضد حول بشأن نحو تجاه ل ب لل خارج داخل أمام قرب بالقرب وسط`)

// targetNouns are what an attack hits; a name in their genitive is the
// target («قصفت طائرات تركية مواقع تنظيم داعش»).
var targetNouns = setOf(`مواقع موقع معاقل معقل أوكار وكر مقرات مقر أهداف عناصر مسلحي مقاتلي متمردي تجمع تجمعات قواعد معسكرات مخابئ مخازن`)

// oblique reports whether the name that starts at token i does not act:
// it sits in a prepositional phrase, after a preposition word or with ب،
// ل or ك attached to its first word (للمحكمة، بروسيا), which the name's
// mention leaves out, or it is the genitive of a target noun.
func (a *analysis) oblique(i int) bool {
	// لل is ل and the article: a prepositional phrase whether or not the
	// name's mention starts after it (للجيش الليبي).
	if strings.HasPrefix(strings.TrimPrefix(a.norm[i], "و"), "لل") {
		return true
	}
	if a.ent[i] >= 0 && a.entStart[i] > a.toks[i].Start && a.entStart[i] <= a.toks[i].End {
		clitics := strings.TrimLeft(a.in.Body[a.toks[i].Start:a.entStart[i]], "وف")
		if strings.HasPrefix(clitics, "ب") || strings.HasPrefix(clitics, "ل") || strings.HasPrefix(clitics, "ك") {
			return true
		}
	}
	// Look back past opening quotation marks, a title the name is the
	// apposition of («مع نظيره التونسي خميس الجهيناوي»، «مع رئيس
	// الحكومة الإيطالية») and a group word left out of the name: «على
	// تنظيم "داعش"»، «ضد حركة طالبان»، «بتنظيم داعش».
	j := i - 1
	for j >= 0 && a.toks[j].Kind == arabic.Punct && isOpenQuote(a.toks[j].Text) {
		j--
	}
	for k := 0; k < maxTitleWords && j >= 0; k++ {
		if a.titleWord(j) || addressWords[a.norm[j]] {
			j--
			continue
		}
		// A role or an honorific with a preposition attached opens the
		// phrase: «التقى بفخامة الرئيس المصري عبدالفتاح السيسي»، «النائب
		// الثاني لرئيس مجلس الوزراء».
		if a.ent[j] < 0 && prepositionalTitle(a.norm[j]) {
			return true
		}
		// An organisation a role word governs is part of the title: «مع
		// رئيس الحكومة الإيطالية ماتيو رينزي».
		if r, ok := a.roleOf(j); ok {
			j = r
			continue
		}
		break
	}
	if j >= 0 && groupWords[strings.TrimPrefix(a.norm[j], "و")] {
		j--
	} else if j >= 0 && withPreposition(a.norm[j], groupWords) {
		return true
	}
	return j >= 0 && (obliquePrepositions[strings.TrimPrefix(a.norm[j], "و")] || inSet(targetNouns, a.norm[j]))
}

// prepositionalTitle reports whether a normalized word is a role word or
// an honorific with ب، ل or ك attached (بفخامة، لرئيس، كوزير).
func prepositionalTitle(n string) bool {
	return withPreposition(n, roleHeads) || withPreposition(n, addressWords)
}

// withPreposition reports whether a normalized word is a word of set with
// ب، ل or ك attached, after at most a و (بتنظيم، ولرئيس).
func withPreposition(n string, set map[string]bool) bool {
	n = strings.TrimPrefix(n, "و")
	for _, p := range []string{"ب", "ل", "ك"} {
		if r, ok := strings.CutPrefix(n, p); ok && set[r] {
			return true
		}
	}
	return false
}

// possessedTriggers are event nouns with a possessive pronoun attached
// (زيارته، لقائه): his visit, her meeting.
var possessedTriggers = setOf(`زيارته زيارتها زيارتهم لقائه لقاءه لقائها لقاءها لقائهم اجتماعه اجتماعها اجتماعهم
	استقباله استقبالها محادثاته محادثاتها مباحثاته مباحثاتها وصوله وصولها`)

// maxTitleWords bounds the title oblique looks back across.
const maxTitleWords = 4

// counterpartWords stand for a title by reference to someone else
// (نظيره التونسي).
var counterpartWords = setOf(`نظيره نظيرها نظيرهم نظير أول`)

// titleWord reports whether token j can be part of a title before a name:
// a role word, a counterpart, a definite nisba adjective (التونسي،
// الإيطالية) or a definite noun a role word governs (رئيس الحكومة). Any
// other word ends the title's reach: a place after لدى («سفير البوسنة
// لدى المملكة حارث هارلي») or a preposition attached (للجيش الليبي in
// «القائد العام للجيش الليبي الفريق أول خليفة حفتر»: the name is the
// commander's, not the army's).
func (a *analysis) titleWord(j int) bool {
	if a.ent[j] >= 0 || !isWord(a.toks[j]) {
		return false
	}
	n := a.norm[j]
	if roleHeads[n] || counterpartWords[n] {
		return true
	}
	if !strings.HasPrefix(n, "ال") || relativePronouns[n] || n == "الي" || n == "الا" {
		return false // relative pronouns, إلى and إلا normalize with a leading ال too
	}
	nisba := strings.HasSuffix(n, "ي") || strings.HasSuffix(n, "يه")
	return nisba || j > 0 && roleHeads[a.norm[j-1]]
}

// groupWords are the heads a group's name is often written after without
// being part of it (تنظيم داعش، حركة طالبان).
var groupWords = setOf(`تنظيم التنظيم حركة جماعة ميليشيا ميليشيات مليشيا مليشيات حزب فصيل فصائل`)

// isOpenQuote reports whether a punctuation token opens a quotation.
func isOpenQuote(s string) bool { return isOpenMark(s) || s == "\"" || s == "'" }

func isPartOf(a, b string) bool {
	return strings.Contains(arabic.Normalize(b), arabic.Normalize(a))
}

// vagueYears reports whether a time expression is a span of years the
// text only gestures at («منذ سنوات» → 2006/2012, «في السنوات الأخيرة»):
// no digit in it, three years or more wide. It dates nothing on a
// timeline; «بين عامي 1950 و1953» does.
func vagueYears(x marsad.TimeExpr) bool {
	from, to, ok := strings.Cut(x.Value, "/")
	if !ok || len(from) != 4 || len(to) != 4 || strings.ContainsAny(x.Text, "0123456789٠١٢٣٤٥٦٧٨٩") {
		return false
	}
	f, err1 := strconv.Atoi(from)
	l, err2 := strconv.Atoi(to)
	return err1 == nil && err2 == nil && l-f >= 3
}

// nearestTime returns the resolved time expression of sentence si closest
// to token t (any, when t < 0). An expression that contains the trigger
// ("بعد 5 أيام من لقائه") wins.
func (a *analysis) nearestTime(si, t int) (marsad.TimeExpr, bool) {
	s := a.in.Sentences[si]
	if s.From >= s.To {
		return marsad.TimeExpr{}, false
	}
	lo, hi := a.toks[s.From].Start, a.toks[s.To-1].End
	best, bestDist := -1, 1<<30
	for k, x := range a.in.Times {
		if x.Value == "" || x.Start < lo || x.End > hi || vagueYears(x) {
			continue
		}
		if t < 0 {
			return x, true
		}
		tb := a.toks[t].Start
		d := 0
		switch {
		case tb >= x.Start && tb < x.End:
			d = -1
		case tb < x.Start:
			d = x.Start - tb
		default:
			d = tb - x.End
		}
		if d < bestDist {
			best, bestDist = k, d
		}
	}
	if best < 0 {
		return marsad.TimeExpr{}, false
	}
	return a.in.Times[best], true
}

// bareComplementizers open a reported clause with a new subject (أن، إن،
// بأن); أنه، أنها and the like carry the subject on and are not among them.
var bareComplementizers = setOf(`أن إن بأن وأن وإن`)

// bareComplementizerBetween reports whether a bare complementizer stands
// between tokens from and to.
func (a *analysis) bareComplementizerBetween(from, to int) bool {
	for j := from + 1; j < to; j++ {
		if bareComplementizers[a.norm[j]] {
			return true
		}
	}
	return false
}

// dateNearBytes is how far (in bytes, about eight words) a date may stand
// from a definite trigger and still be that event's own; twice that when
// a relative clause describes the event («الزيارة التي سيقوم بها رئيس
// مجلس الوزراء اللبناني تمام سلام يوم غد»).
const dateNearBytes = 80

// relativePronouns open a clause that describes the noun before them.
var relativePronouns = setOf(`الذي التي الذين اللذين اللتين`)

// dateTaken reports whether the time expression nearest to token t of
// sentence si already dates an event found before t in the sentence
// (dated lists where those expressions start). A definite event noun
// further on then refers back to an earlier event rather than reporting
// one: «وصل الأمير إلى منطقة عسير مساء اليوم لتقديم العزاء لذوي شهداء
// الواجب الذين استشهدوا في حادث التفجير الذي …» dates the arrival, not
// the bombing.
func (a *analysis) dateTaken(si, t int, dated []int) bool {
	x, ok := a.nearestTime(si, t)
	return ok && slices.Contains(dated, x.Start) && x.End <= a.toks[t].Start
}

// dateNear reports whether the time expression nearest to token t of
// sentence si stands close enough to it (dateNearBytes).
func (a *analysis) dateNear(si, t int) bool {
	x, ok := a.nearestTime(si, t)
	if !ok {
		return false
	}
	limit := dateNearBytes
	for j := t + 1; j < len(a.norm) && j <= t+2; j++ {
		if relativePronouns[a.norm[j]] {
			limit *= 2
			break
		}
	}
	tb, te := a.toks[t].Start, a.toks[t].End
	return x.Start-te <= limit && tb-x.End <= limit
}

// definiteNoun reports whether a normalized word carries the article,
// after at most a conjunction and a preposition (الاتفاق، وبالزيارة،
// للهجوم); a trigger that begins with ال itself (التقى) does not.
func definiteNoun(n string) bool {
	m := strings.TrimPrefix(n, "و")
	if m == n {
		m = strings.TrimPrefix(n, "ف")
	}
	if _, ok := eventTriggers[m]; ok {
		return false // a trigger of its own that starts like the article: التقى
	}
	_, ok := articleRest(n)
	return ok
}

// roleHeads open an actor described by its role: the delegation, the
// minister, the crown prince, the army.
var roleHeads = setOf(`الوفد وفد الرئيس رئيس الوزير وزير الأمير أمير السفير سفير المبعوث مبعوث الملك ولي نائب وكيل مساعد مستشار عضو رئيسة مديرة
	المحافظ محافظ القائد قائد المدير مدير الجيش القوات قوات الشرطة الحكومة حكومة الطيران طائرات الطائرات الأمين أمين`)

// addressWords are the honorifics before a role: سمو، معالي، فخامة.
var addressWords = setOf(`سمو السمو معالي فخامة سعادة صاحب جلالة دولة`)

// forceHeads name armed forces and fighters by what they are, without a
// name the tagger could find: «قصفت المدفعية التركية»، «إن طيران التحالف
// استهدف»، «هاجم مسلحون».
var forceHeads = setOf(`طيران مدفعية المدفعية المعارضة مسلحون المسلحون مسلحين المسلحين ميليشيات الميليشيات مليشيات المليشيات
	مقاتلون المقاتلون الانفصاليون المتمردون المتمردين الحوثيون الحوثيين البحرية الدفاعات`)

// roleSubject returns the role phrase that ends right before the trigger
// at t as its subject («إن طيران التحالف استهدف»، «وقال إن قوات النظام
// قصفت»), opening its clause: at the sentence start, after a
// complementizer or a comma. It returns "" otherwise.
func (a *analysis) roleSubject(from, t int) string {
	for i := t - 1; i >= from && i >= t-4; i-- {
		if !isWord(a.toks[i]) || a.ent[i] >= 0 {
			return ""
		}
		if !roleHeads[a.norm[i]] && !forceHeads[a.norm[i]] {
			if !strings.HasPrefix(a.norm[i], "ال") {
				return ""
			}
			continue
		}
		if i > from && !complementizers[a.norm[i-1]] && a.norm[i-1] != "،" && a.norm[i-1] != "," {
			return ""
		}
		return a.text(i, t)
	}
	return ""
}

// roleActor returns the role phrase that opens tokens [from, to) after
// an event trigger, past an honorific, or "".
func (a *analysis) roleActor(from, to int) string {
	i := from
	for i < to && i < from+2 && addressWords[a.norm[i]] {
		i++
	}
	if i >= to || !isWord(a.toks[i]) || !roleHeads[a.norm[i]] && !forceHeads[a.norm[i]] {
		return ""
	}
	// The role runs on through its definite genitives and adjectives and
	// further role words (ولي ولي العهد، نائب خادم الحرمين الشريفين،
	// وزير الخارجية الإيراني), not into the object (الوفد مطار شرورة) or a
	// prepositional phrase (لمصر).
	j := i + 1
	for j < to && j < i+5 && isWord(a.toks[j]) && !phraseStops[a.norm[j]] && !a.isTime(j) &&
		(strings.HasPrefix(a.norm[j], "ال") || roleHeads[a.norm[j]] || a.norm[j] == "خادم") {
		j++
	}
	return a.text(i, j)
}
