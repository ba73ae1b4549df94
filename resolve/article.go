// Package resolve gives each real entity one identity: inside an article it
// groups the tagger's mentions ("خليفة حفتر" … "حفتر" … "لحفتر") into
// entities with their titles kept apart as roles; across articles its
// Resolver merges spelling variants, transliterations and short forms
// into canonical entities and says why.
//
// The rules are general and conservative: a merge needs evidence from the
// names themselves (same normalized key, same phonetic skeleton, one name
// contained in another) and a lone name part joins a full name only when
// nothing else could claim it. Two people who share one name are kept
// apart.
package resolve

import (
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/arabic"
)

// Mention is one NER span in an article body (byte offsets into body).
type Mention struct {
	Start, End int
	Type       marsad.EntityType
	Text       string
}

// form is one mention after cleaning: the name it gives, where, and the
// roles seen with it.
type form struct {
	typ        marsad.EntityType
	start, end int             // byte span of the name in body
	spanLen    int             // length of the original span, for type agreement
	first      int             // index of the name's first token
	last       int             // index of the name's last token
	words      []int           // token indices of the name's words
	lead       string          // normalized first word before clitic stripping
	clitic     cliticCandidate // proclitics cut off the first word
	surface    string          // display form, clitics stripped
	tokens     []string
	key        string
	roles      []string
}

// Article groups an article's mentions into entities. body is Article.Body;
// published anchors role dates. Returned entities have article-local ids
// ("e1", "e2", …), Name = the most complete form, Aliases = other surface
// forms (clitics stripped), Roles = titles seen with the person, Mentions
// with BYTE offsets (the pipeline converts to code points later).
//
// Mentions that overlap keep the longest span (and its type); offsets
// outside body or inside a character are clipped or dropped. A mention
// that is only a title ("الرئيس") is dropped.
func Article(body string, mentions []Mention, published marsad.Date) []marsad.Entity {
	if len(mentions) == 0 || body == "" {
		return nil
	}
	return ArticleTokens(body, arabic.Tokenize(body), mentions, published)
}

// ArticleTokens is Article for a body the caller has already tokenized:
// toks must be arabic.Tokenize(body), and is only read. The pipeline has the
// tokens at hand, and tokenizing a long body again costs as much as
// grouping its mentions.
func ArticleTokens(body string, toks []arabic.Token, mentions []Mention, published marsad.Date) []marsad.Entity {
	if len(mentions) == 0 || body == "" {
		return nil
	}
	spans := cleanSpans(body, toks, mentions)
	if len(spans) == 0 {
		return nil
	}
	spans = splitCoordinated(toks, spans)
	a := &articleState{body: body, toks: toks, published: published}
	a.buildForms(spans)
	a.stripClitics()
	a.trimPersonSpans()
	a.dropGluedNames()
	a.agreeTypes()
	a.surnameTypes()
	a.findRoles()
	return a.group()
}

type span struct {
	start, end int
	typ        marsad.EntityType
	from, to   int // token range toks[from:to] overlapping the span
}

// cleanSpans validates and clips the mentions to rune and token bounds and
// resolves overlaps in favour of the longest span.
func cleanSpans(body string, toks []arabic.Token, mentions []Mention) []span {
	var out []span
	for _, m := range mentions {
		s, e := m.Start, m.End
		if s < 0 {
			s = 0
		}
		if e > len(body) {
			e = len(body)
		}
		for s < e && !utf8.RuneStart(body[s]) {
			s++
		}
		for e < len(body) && e > s && !utf8.RuneStart(body[e]) {
			e--
		}
		if s >= e {
			continue
		}
		from := sort.Search(len(toks), func(i int) bool { return toks[i].End > s })
		to := from
		words := 0
		for to < len(toks) && toks[to].Start < e {
			if toks[to].Kind != arabic.Punct {
				words++
			}
			to++
		}
		if words == 0 {
			continue
		}
		// Tighten the span to the words it covers.
		for from < to && toks[from].Kind == arabic.Punct {
			from++
		}
		for to > from && toks[to-1].Kind == arabic.Punct {
			to--
		}
		s = max(s, toks[from].Start)
		e = min(e, toks[to-1].End)
		out = append(out, span{start: s, end: e, typ: m.Type, from: from, to: to})
	}
	sort.SliceStable(out, func(i, j int) bool {
		li, lj := out[i].end-out[i].start, out[j].end-out[j].start
		if li != lj {
			return li > lj
		}
		return out[i].start < out[j].start
	})
	var kept []span
	taken := make([]bool, len(body))
	for _, sp := range out {
		overlaps := false
		for i := sp.start; i < sp.end; i++ {
			if taken[i] {
				overlaps = true
				break
			}
		}
		if overlaps {
			continue
		}
		for i := sp.start; i < sp.end; i++ {
			taken[i] = true
		}
		kept = append(kept, sp)
	}
	sort.Slice(kept, func(i, j int) bool { return kept[i].start < kept[j].start })
	return kept
}

// splitCoordinated splits a span that is two names joined by و (كيري
// والجبير، ريمي وفالكاو، الاتحاد والوحدة): a tagger reads such pairs on as
// one name. It splits when each part ends as another span of the article
// ends (جون كيري … عادل الجبير), unless, for other names than persons, the
// whole span is named more than once. The evidence keeps names with a و of
// their own whole (أنور وجدي، ثيو والكوت، وزارة التجارة والصناعة).
func splitCoordinated(toks []arabic.Token, spans []span) []span {
	var ends map[string]int  // normalized last word → spans ending with it
	var whole map[string]int // normalized words of a span → spans
	out := spans[:0:0]
	for _, sp := range spans {
		k := coordinationAt(toks, sp)
		if k < 0 {
			out = append(out, sp)
			continue
		}
		if ends == nil {
			ends = map[string]int{}
			for _, o := range spans {
				ends[arabic.Normalize(toks[o.to-1].Text)]++
			}
		}
		// The span ends with its own last word: a tail of several words
		// must end another span too.
		tailEnd, need := arabic.Normalize(toks[sp.to-1].Text), 2
		if k == sp.to-1 {
			tailEnd, need = arabic.Normalize(strings.TrimPrefix(toks[k].Text, "و")), 1
		}
		ok := ends[arabic.Normalize(toks[k-1].Text)] > 0 && ends[tailEnd] >= need
		if ok && sp.typ != marsad.Person && whole == nil {
			// Built only when an organisation's span would split: most
			// articles have none.
			whole = map[string]int{}
			for _, o := range spans {
				whole[spanWords(toks, o.from, o.to)]++
			}
		}
		if ok && sp.typ != marsad.Person && whole[spanWords(toks, sp.from, sp.to)] >= 2 {
			// An organisation's name with a و of its own, named whole more
			// than once (مركز الملك سلمان للإغاثة والأعمال الإنسانية,
			// whose parts end like مركز الملك سلمان للإغاثة and الشؤون
			// الإنسانية), is one name.
			ok = false
		}
		if !ok {
			out = append(out, sp)
			continue
		}
		out = append(out,
			span{start: sp.start, end: toks[k-1].End, typ: sp.typ, from: sp.from, to: k},
			span{start: toks[k].Start + len("و"), end: sp.end, typ: sp.typ, from: k, to: sp.to})
	}
	return out
}

// spanWords is the normalized text of the words toks[from:to], one space
// between them.
func spanWords(toks []arabic.Token, from, to int) string {
	var b strings.Builder
	for i := from; i < to; i++ {
		if toks[i].Kind == arabic.Punct {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(arabic.Normalize(toks[i].Text))
	}
	return b.String()
}

// coordinationAt returns the index of the first word of a span after its
// first that starts with the conjunction و before three letters or more,
// or -1.
func coordinationAt(toks []arabic.Token, sp span) int {
	for k := sp.from + 1; k < sp.to; k++ {
		t := toks[k]
		if rest, ok := strings.CutPrefix(t.Text, "و"); ok && t.Kind == arabic.Word && toks[k-1].Kind == arabic.Word &&
			utf8.RuneCountInString(rest) >= 3 {
			return k
		}
	}
	return -1
}

type articleState struct {
	body      string
	toks      []arabic.Token
	published marsad.Date
	forms     []form
	personTok map[int]int  // token index → form index, for person names
	otherTok  map[int]bool // tokens of other names (places, organizations)
	norm      []string     // normalized token text, filled on demand
	normDone  []bool
}

// tokenText is the part of token i inside [s, e).
func (a *articleState) tokenText(i, s, e int) (string, int, int) {
	t := a.toks[i]
	ts, te := max(t.Start, s), min(t.End, e)
	return a.body[ts:te], ts, te
}

// normWord is the normalized text of token i, computed once.
func (a *articleState) normWord(i int) string {
	if a.norm == nil {
		a.norm = make([]string, len(a.toks))
		a.normDone = make([]bool, len(a.toks))
	}
	if !a.normDone[i] {
		a.norm[i], a.normDone[i] = arabic.Normalize(a.toks[i].Text), true
	}
	return a.norm[i]
}

func (a *articleState) buildForms(spans []span) {
	personStarts := map[int]bool{}
	for _, sp := range spans {
		if sp.typ == marsad.Person {
			personStarts[sp.from] = true
		}
	}
	for _, sp := range spans {
		var words []int
		var commaAt = -1
		for i := sp.from; i < sp.to; i++ {
			switch {
			case a.toks[i].Kind != arabic.Punct:
				words = append(words, i)
			case commaAt < 0 && (a.toks[i].Text == "،" || a.toks[i].Text == ","):
				commaAt = len(words)
			}
		}
		f := form{typ: sp.typ, spanLen: sp.end - sp.start}
		if f.typ == marsad.Person && startsLikeOrganization(a.normWord(words[0])) {
			f.typ = marsad.Organization // "تنظيم داعش", "وزارة الدفاع" tagged as a person
		}
		if f.typ == marsad.Person {
			var roleWords []int
			words, roleWords = splitTitle(a, words, commaAt)
			if len(words) == 0 {
				continue
			}
			words, f.roles = a.splitApposition(words, roleWords)
			words = a.dropTrailingTitle(words, personStarts)
		}
		f.words = words
		f.first, f.last = words[0], words[len(words)-1]
		f.start = max(a.toks[f.first].Start, sp.start)
		f.end = min(a.toks[f.last].End, sp.end)
		text, _, _ := a.tokenText(f.first, sp.start, sp.end)
		f.lead = arabic.Normalize(text)
		a.setSurface(&f, cliticCandidate{})
		if f.key == "" {
			continue
		}
		a.forms = append(a.forms, f)
	}
}

// setSurface fills surface, tokens and key from the form's words, cutting
// the clitic c off the first word.
func (a *articleState) setSurface(f *form, c cliticCandidate) {
	parts := make([]string, 0, len(f.words))
	for n, i := range f.words {
		text, ts, _ := a.tokenText(i, f.start, f.end)
		if n == 0 && c.cut > 0 {
			rest := cutRunes(text, c.cut)
			if c.alef {
				text = "ا" + rest
			} else {
				f.start = ts + len(text) - len(rest)
				text = rest
			}
		}
		parts = append(parts, text)
	}
	f.surface = strings.Join(parts, " ")
	f.tokens = nameTokens(f.surface)
	f.key = strings.Join(f.tokens, " ")
}

// splitTitle separates a title the tagger included in a person span
// ("المشير خليفة حفتر", "قائد قوات شرق ليبيا، خليفة حفتر") from the name.
// It returns the name words and the title words.
func splitTitle(a *articleState, words []int, commaAt int) (name, title []int) {
	if len(words) == 1 {
		wi := analyzeWord(a.normWord(words[0]))
		if wi.head || wi.rank || wi.link {
			return nil, words
		}
		// "الرئيس الروسي" with only "الروسي" tagged, or "وفد روسي"; "قال
		// المصري" keeps المصري as a surname.
		if wi.demonym && !wi.definite && !isNative(a.normWord(words[0])) {
			return nil, words
		}
		if prev := words[0] - 1; wi.demonym && prev >= 0 && a.toks[prev].Kind == arabic.Word {
			if pi := analyzeWord(a.normWord(prev)); pi.head || pi.definite {
				return nil, words
			}
		}
		return words, nil
	}
	info := make([]wordInfo, len(words))
	titleWord := true
	for i, w := range words {
		info[i] = analyzeWord(a.normWord(w))
		titleWord = titleWord && (info[i].head || info[i].rank || info[i].link || info[i].demonym && !isNative(a.normWord(w)))
	}
	if titleWord {
		return nil, words // "الرئيس الروسي", "الروسي": no name in it
	}
	// A comma inside a person span ends an apposition before the name.
	if commaAt > 0 && commaAt < len(words) && info[0].head {
		return words[commaAt:], words[:commaAt]
	}
	// Words a tagger took from around a title: "بشأن المشير حفتر" (a word
	// before the title) and "الليبي خليفة حفتر" (the end of "القائد العام
	// للجيش الليبي"). The first are dropped, the second left to the role.
	for k := 1; k <= 2 && k < len(words)-1; k++ {
		if !info[k].head || !(info[k].definite || info[k+1].definite || info[k+1].head) {
			continue
		}
		junk := true
		for j := 0; j < k; j++ {
			w := a.normWord(words[j])
			junk = junk && !info[j].head && !isNative(w) && arabic.Known(w)
		}
		if junk {
			name, title := splitTitle(a, words[k:], -1)
			return name, title
		}
		break
	}
	lead := 0
	for lead < len(words)-1 && info[lead].demonym && info[lead].definite {
		lead++ // "الليبي خليفة حفتر", but "تركي الفيصل" is a name
	}
	if lead > 0 {
		return words[lead:], nil
	}
	if !info[0].head || info[0].conj && !info[0].definite {
		return words, nil
	}
	if !info[0].definite && !info[1].definite && !info[1].head {
		return words, nil // "أمير طاهري": a given name, not a title
	}
	i := 1
	for i < len(words) && continuesRole(info[i-1], info[i], true) {
		i++
	}
	if i == len(words) {
		// All title-like: the last word is the name ("المشير السيسي"),
		// unless it is a title word itself.
		if info[i-1].head || info[i-1].rank || info[i-1].link {
			return nil, words
		}
		i--
	}
	return words[i:], words[:i]
}

// dropTrailingTitle cuts a definite title head off the end of a person's
// name when what follows shows it opens a title rather than ending the
// name: the next person's name ("العميد زياد الزايدي النقيب عبدالمجيد
// البركاتي": النقيب is البركاتي's rank) or a complement that only a title
// takes ("المستشار بمكتب وزير الدفاع", "المتحدث باسم"). Other evidence is
// too weak: on 1,600 SaudiNewsNet records a head before في or a definite
// word was as often a family name (منزل حسين محمد الشيخ في بلدة، الحكم
// عبدالرحمن السلطان الفادحة، محمد بن عبدالرحمن المخرج أمين الطائف) as
// a title (أحمد الخطيب المستشار في الديوان الملكي). The cut head is then
// found as a role by findRoles, before the next name or after this one.
func (a *articleState) dropTrailingTitle(words []int, personStarts map[int]bool) []int {
	n := len(words)
	if n < 2 {
		return words
	}
	last := words[n-1]
	wi := analyzeWord(a.normWord(last))
	if !wi.head || !wi.definite || wi.conj || wi.prep || compoundBefore(a.normWord(words[n-2])) {
		return words
	}
	next := last + 1
	if next >= len(a.toks) || a.toks[next].Kind != arabic.Word || a.toks[next].LineStart {
		return words
	}
	ni := analyzeWord(a.normWord(next))
	if personStarts[next] && !ni.head {
		// Not when the next span opens with a title itself: in "محمد بن
		// عبدالرحمن المخرج أمين الطائف" المخرج is the family name and أمين
		// the office.
		return words[:n-1]
	}
	if ni.link || ni.prep && !ni.definite && !ni.head && !ni.stop {
		return words[:n-1]
	}
	return words
}

// compoundBefore reports whether a normalized word, behind an optional
// و, binds the next word into one name: عبد الملك، ولد الشيخ، آل الشيخ.
func compoundBefore(w string) bool {
	return leftCompounds[w] || w == "ولد" || leftCompounds[strings.TrimPrefix(w, "و")]
}

// splitApposition cuts a role that follows the name inside the span
// ("أحمد المسماري المتحدث باسم قوات الجيش الليبي") and turns the title
// words found before the name into roles.
func (a *articleState) splitApposition(words, titleWords []int) ([]int, []string) {
	var roles []string
	for i := 2; i < len(words)-1; i++ {
		wi := analyzeWord(a.normWord(words[i]))
		if wi.head && wi.definite && !wi.conj {
			roles = append(roles, a.rolesFrom(words[i:])...)
			words = words[:i]
			break
		}
	}
	if len(titleWords) > 0 {
		roles = append(a.rolesFrom(titleWords), roles...)
	}
	return words, roles
}

// rolesFrom turns a run of title words into roles, split where a new
// definite head starts.
func (a *articleState) rolesFrom(words []int) []string {
	if len(words) == 0 {
		return nil
	}
	info := make([]wordInfo, len(words))
	for i, w := range words {
		info[i] = analyzeWord(a.normWord(w))
	}
	var roles []string
	start := 0
	for i := 1; i <= len(words); i++ {
		if i < len(words) && info[i].head && info[i].prep {
			// "مستشار بالجيش … التابع للمشير": what comes before a head
			// with a preposition is someone else's role.
			roles, start = nil, i
			continue
		}
		if i < len(words) && !splitsRole(info[i-1], info[i]) {
			continue
		}
		end := i
		for end > start+1 && (info[end-1].link || info[end-1].prep && !info[end-1].definite && end == len(words)) {
			end--
		}
		// A lone title without the article needs a complement ("أمين" is
		// a given name, "أمين عام" a title), except forms of address.
		alone := end == start+1 && !info[start].definite && !addressForms[a.normWord(words[start])]
		if info[start].head && !alone {
			roles = append(roles, roleText(a.body, a.toks, words[start], words[end-1]+1, info[start]))
		}
		start = i
	}
	return roles
}

// stripClitics cuts proclitics off the first word of names: when the bare
// word is another mention's name (لحفتر next to خليفة حفتر, وبوتين next to
// بوتين), or, failing that, when the lexicon says so (بروسيا).
func (a *articleState) stripClitics() {
	keys := map[string]int{}
	tokens := map[string]bool{}
	for _, f := range a.forms {
		keys[f.key]++
		if len(f.tokens) > 1 {
			for _, t := range f.tokens {
				tokens[t] = true
			}
		}
	}
	// A word that follows a preposition somewhere in the article cannot
	// carry one of its own there (إلى بكين is no إلى + ب + كين), so without
	// other evidence its ب، ل or ك stays wherever it is written.
	afterPreposition := map[string]bool{}
	for _, f := range a.forms {
		if f.lead != "" && f.first > 0 && prepositions[arabic.Normalize(a.toks[f.first-1].Text)] {
			afterPreposition[f.lead] = true
		}
	}
	for i := range a.forms {
		f := &a.forms[i]
		if f.lead == "" {
			continue
		}
		rest := f.tokens[1:]
		// A compound (عبد الله، حزب الله) starts with a name word: it
		// loses a clitic only when the article also names it without one
		// (لحزب الله next to حزب الله).
		compound := strings.Contains(f.tokens[0], " ")
		var chosen cliticCandidate
		found := false
		for _, c := range cliticCandidates(f.lead) {
			k := strings.Join(append([]string{c.base}, rest...), " ")
			if compound {
				k = strings.Join(append([]string{c.base + strings.TrimPrefix(f.tokens[0], f.lead)}, rest...), " ")
			}
			if keys[k] > 0 || !compound && len(f.tokens) == 1 && tokens[c.base] {
				chosen, found = c, true
				break
			}
		}
		if !found {
			chosen, found = fallbackStrip(f.lead, f.typ)
			// Of a compound only a conjunction goes (وعبد الله).
			found = found && (!compound || chosen.prefix == "و" || chosen.prefix == "ف")
			found = found && !(afterPreposition[f.lead] && chosen.prefix != "و" && chosen.prefix != "ف")
		}
		if found {
			f.clitic = chosen
			a.setSurface(f, chosen)
		}
	}
}

// trimPersonSpans drops a word a tagger glued to a person's name ("زيارة
// حفتر", "يستقبل حفتر", "حفتر تأتي") when the evidence is in the article: the
// rest is a name seen earlier (or the last name of a full name seen
// earlier), and the word is a known word, not a given name, and part of no
// other person's name here. A first name given once, before its surname is
// used alone, stays: "فلاديمير بوتين" then "بوتين" is untouched.
func (a *articleState) trimPersonSpans() {
	// The words of a form as written in it: the first one may have been
	// clipped by the span or cut of its clitics.
	words := func(f *form) []string {
		ws := strings.Fields(f.surface)
		for k := range ws {
			ws[k] = arabic.Normalize(ws[k])
		}
		return ws
	}
	wordUse := map[string]int{}
	for i := range a.forms {
		if a.forms[i].typ != marsad.Person {
			continue
		}
		for _, w := range words(&a.forms[i]) {
			wordUse[w]++
		}
	}
	// earlier reports whether a name (its key) was seen before offset at.
	earlier := func(key string, at int) bool {
		for _, g := range a.forms {
			if g.typ != marsad.Person || g.start >= at {
				continue
			}
			if g.key == key || len(g.tokens) >= 2 && g.tokens[len(g.tokens)-1] == key {
				return true
			}
		}
		return false
	}
	glued := func(w string) bool {
		return !isNative(w) && !leftCompounds[w] && !rightCompounds[w] && arabic.Known(w) && wordUse[w] == 1
	}
	key := func(ws []string) string { return strings.Join(joinCompounds(ws), " ") }
	for i := range a.forms {
		f := &a.forms[i]
		ws := words(f)
		if f.typ != marsad.Person || len(f.words) < 2 || len(ws) != len(f.words) {
			continue
		}
		n := len(ws)
		switch {
		case n >= 3 && prepositionDefinite(a.normWord(f.words[0])):
			// "بالطائف عبدالله السواط": a name never starts with a
			// preposition and the article; the word is the place or
			// thing before it (مدير الهيئة بالطائف عبدالله السواط).
			f.words = f.words[1:]
			f.first = f.words[0]
			f.start = a.toks[f.first].Start
			f.lead, f.clitic = a.normWord(f.first), cliticCandidate{}
		case glued(ws[0]) && earlier(key(ws[1:]), f.start):
			f.words = f.words[1:]
			f.first = f.words[0]
			f.start = a.toks[f.first].Start
			f.lead, f.clitic = a.normWord(f.first), cliticCandidate{}
		case glued(ws[n-1]) && earlier(key(ws[:n-1]), f.start):
			f.words = f.words[:n-1]
			f.last = f.words[n-2]
			f.end = a.toks[f.last].End
		default:
			continue
		}
		a.setSurface(f, f.clitic)
	}
}

// prepositionDefinite reports whether a normalized word is a preposition
// joined to the definite article: بالطائف، للشركة، وبالرياض، كالعادة.
func prepositionDefinite(w string) bool {
	w = strings.TrimPrefix(strings.TrimPrefix(w, "و"), "ف")
	return len(w) > len("بال")+2 && (strings.HasPrefix(w, "بال") || strings.HasPrefix(w, "كال") || strings.HasPrefix(w, "لل"))
}

// agreeTypes gives every form with one key the majority type of that key;
// a tie goes to the type of the longest span.
func (a *articleState) agreeTypes() {
	type vote struct {
		count   map[marsad.EntityType]int
		longest int
		longTyp marsad.EntityType
	}
	votes := map[string]*vote{}
	for _, f := range a.forms {
		v := votes[f.key]
		if v == nil {
			v = &vote{count: map[marsad.EntityType]int{}}
			votes[f.key] = v
		}
		v.count[f.typ]++
		if f.spanLen > v.longest {
			v.longest, v.longTyp = f.spanLen, f.typ
		}
	}
	for i := range a.forms {
		v := votes[a.forms[i].key]
		best := v.longTyp
		for t, n := range v.count {
			bn := v.count[best]
			if n > bn || n == bn && best != v.longTyp && typeRank(t) < typeRank(best) {
				best = t
			}
		}
		a.forms[i].typ = best
	}
}

// dropGluedNames drops a person's span that is two people's names run
// together, each also named on its own in the article: "سيرجي لافروف عادل
// الجبير", "بشار الاسد سليمان الأسد". Kept, its tail would join the second
// name as a two-word tail (isSuffix) and its head the first, making one
// entity of two men here and, through the resolver, across the corpus.
func (a *articleState) dropGluedNames() {
	var keep []form
	for i := range a.forms {
		f := &a.forms[i]
		if f.typ == marsad.Person && len(f.tokens) >= 4 && a.glued(i) {
			continue
		}
		keep = append(keep, *f)
	}
	a.forms = keep
}

// glued reports whether form i splits into two full person names that
// other forms of the article match.
func (a *articleState) glued(i int) bool {
	f := &a.forms[i]
	for k := 2; k <= len(f.tokens)-2; k++ {
		head, tail := f.tokens[:k], f.tokens[k:]
		if a.otherPersonMatches(i, head) && a.otherPersonMatches(i, tail) {
			return true
		}
	}
	return false
}

// otherPersonMatches reports whether a person form other than i is the
// name toks (same tokens, or a variant comparePersons accepts).
func (a *articleState) otherPersonMatches(i int, toks []string) bool {
	for j := range a.forms {
		g := &a.forms[j]
		if j == i || g.typ != marsad.Person || len(g.tokens) < 2 {
			continue
		}
		if _, _, ok := comparePersons(toks, g.tokens); ok {
			return true
		}
	}
	return false
}

// surnameTypes makes a one-word name a person when it is the family name
// of a person named in full in the article: a tagger that knows "مايكل
// براون" from its first name often takes the lone "براون" a few sentences
// on for a place or an organisation. On 1,600 SaudiNewsNet records this
// joined 25 lone names to a full name, 22 of them rightly (كارتر after
// أشتون كارتر, مورينيو after جوزيه مورينيو); the 3 others joined a
// "person" that was none, like the app نايت سكاي. It stays when the full
// name opens with a title ("والي طنجة") or when a longer name of another
// type holds the word too (جامعة الفيصل). group then joins the surname to
// the full name.
func (a *articleState) surnameTypes() {
	surnames := map[string]bool{}
	other := map[string]bool{}
	for _, f := range a.forms {
		if len(f.tokens) < 2 {
			continue
		}
		if f.typ != marsad.Person {
			for _, t := range f.tokens {
				other[t] = true
			}
			continue
		}
		first := f.tokens[0]
		if analyzeWord(first).head || isTitleHead(first) {
			continue
		}
		surnames[f.tokens[len(f.tokens)-1]] = true
	}
	if len(surnames) == 0 {
		return
	}
	for i := range a.forms {
		f := &a.forms[i]
		if len(f.tokens) == 1 && f.typ != marsad.Person && surnames[f.key] && !other[f.key] {
			f.typ = marsad.Person
		}
	}
}

func typeRank(t marsad.EntityType) int {
	switch t {
	case marsad.Person:
		return 0
	case marsad.Organization:
		return 1
	case marsad.Location:
		return 2
	case marsad.Misc:
		return 3
	}
	return 4
}

// findRoles looks for titles before each person name and in apposition
// after it.
func (a *articleState) findRoles() {
	a.personTok = map[int]int{}
	a.otherTok = map[int]bool{}
	for fi, f := range a.forms {
		for _, w := range f.words {
			if f.typ == marsad.Person {
				a.personTok[w] = fi
			} else {
				a.otherTok[w] = true
			}
		}
	}
	for fi := range a.forms {
		f := &a.forms[fi]
		if f.typ != marsad.Person {
			continue
		}
		before := a.rolesBefore(f.first)
		after := a.rolesAfter(f.last)
		f.roles = append(append(before, f.roles...), after...)
	}
}

// maxRoleWords bounds how far a role reaches from a name.
const maxRoleWords = 10

func isQuoteOrComma(s string) bool {
	switch s {
	case "،", ",", "“", "”", "«", "»", "\"", "'", "‘", "’":
		return true
	}
	return false
}

func (a *articleState) rolesBefore(first int) []string {
	if first >= 2 && a.toks[first-1].Text == "." && titleAbbreviations[a.toks[first-2].Text] &&
		(first < 3 || a.toks[first-3].Kind != arabic.Word || a.toks[first-2].Start > a.toks[first-3].End) {
		return []string{a.toks[first-2].Text + "."}
	}
	i := first - 1
	skipped := 0
	for i >= 0 && a.toks[i].Kind == arabic.Punct && isQuoteOrComma(a.toks[i].Text) && skipped < 2 && !a.toks[i+1].LineStart {
		i--
		skipped++
	}
	var window []int
	for i >= 0 && len(window) < maxRoleWords && !a.toks[i+1].LineStart {
		t := a.toks[i]
		if t.Kind != arabic.Word {
			break
		}
		if _, ok := a.personTok[i]; ok {
			break
		}
		window = append(window, i)
		i--
	}
	if len(window) == 0 {
		return nil
	}
	for l, r := 0, len(window)-1; l < r; l, r = l+1, r-1 {
		window[l], window[r] = window[r], window[l]
	}
	info := make([]wordInfo, len(window))
	for k, w := range window {
		info[k] = analyzeWord(a.normWord(w))
	}
	// The role ends next to the name; it may not run over a word that
	// cannot continue it.
	validFrom := len(window)
	run := 0
	for h := len(window) - 1; h >= 0; h-- {
		if h < len(window)-1 && !continuesRole(info[h], info[h+1], false) {
			break
		}
		if plainIndefinite(info[h]) {
			if run++; run > maxIndefiniteRun {
				break
			}
		} else {
			run = 0
		}
		if info[h].head {
			validFrom = h
		}
	}
	if validFrom == len(window) {
		return nil
	}
	// Without a comma or quote between them, the word next to the name
	// must be a title or carry the article: in "باسم قوات حفتر" the name is
	// the genitive of قوات, not a person with a role.
	// A word the lexicon does not know is most likely a proper noun
	// ("رئيس مجلس نواب طبرق عقيلة صالح").
	last, lastTok := info[len(info)-1], window[len(window)-1]
	if skipped == 0 && !last.head && !last.definite && !last.rank && !a.otherTok[lastTok] && arabic.Known(a.normWord(lastTok)) {
		return nil
	}
	// "متحدث باسم وزير الخارجية الإيطالي باولو جنتيلوني": a spokesman
	// without the article is someone else, unnamed; the person is the one
	// he speaks for, with the role after باسم.
	if validFrom+2 < len(window) && unnamedSpokesmen[a.normWord(window[validFrom])] && a.normWord(window[validFrom+1]) == "باسم" {
		validFrom += 2
	}
	return a.rolesFrom(window[validFrom:])
}

// unnamedSpokesmen are the spokesman words that, without the article and
// before باسم, leave the spokesman unnamed.
var unnamedSpokesmen = normalizedSet(`متحدث متحدثة ناطق ناطقة`)

func (a *articleState) rolesAfter(last int) []string {
	i := last + 1
	skipped := 0
	for i < len(a.toks) && a.toks[i].Kind == arabic.Punct && isQuoteOrComma(a.toks[i].Text) && skipped < 2 && !a.toks[i].LineStart {
		i++
		skipped++
	}
	if i >= len(a.toks) || a.toks[i].Kind != arabic.Word || a.toks[i].LineStart {
		return nil
	}
	if _, ok := a.personTok[i]; ok {
		return nil
	}
	first := analyzeWord(a.normWord(i))
	if !first.head || first.conj {
		return nil
	}
	window := []int{i}
	prev := first
	run := 0
	for j := i + 1; j < len(a.toks) && len(window) < maxRoleWords; j++ {
		t := a.toks[j]
		if t.Kind != arabic.Word || t.LineStart {
			break
		}
		if _, ok := a.personTok[j]; ok {
			// "بوتين الرئيس التركي أردوغان": the title belongs to the
			// next name.
			return nil
		}
		cur := analyzeWord(a.normWord(j))
		if !continuesRole(prev, cur, false) {
			break
		}
		if plainIndefinite(cur) {
			// After a name, an indefinite apposition is short
			// ("مخرج إيراني"); more has left the role.
			if run++; run > maxIndefiniteRun-1 {
				break
			}
		} else {
			run = 0
		}
		window = append(window, j)
		prev = cur
	}
	return a.rolesFrom(window)
}

// group turns the forms into entities.
func (a *articleState) group() []marsad.Entity {
	n := len(a.forms)
	uf := newUnionFind(n)
	isShort := func(f *form) bool { return f.typ == marsad.Person && len(f.tokens) == 1 }

	// Same key, same entity, except lone person name parts: two men called
	// صالح may both be in the article.
	byKey := map[string]int{}
	var reps []int
	for i := range a.forms {
		f := &a.forms[i]
		if isShort(f) {
			continue
		}
		k := string(f.typ) + "\x00" + f.key
		if j, ok := byKey[k]; ok {
			uf.union(j, i)
		} else {
			byKey[k] = i
			reps = append(reps, i)
		}
	}
	// Variants among distinct full keys, compared within blocks that share
	// a phonetic key, a last or first name, or an organization core.
	blocks := map[string][]int{}
	for _, i := range reps {
		for _, b := range formBlocks(&a.forms[i]) {
			blocks[b] = append(blocks[b], i)
		}
	}
	for _, members := range blocks {
		if len(members) > maxBlock {
			members = members[:maxBlock]
		}
		for x := 0; x < len(members); x++ {
			for y := x + 1; y < len(members); y++ {
				if uf.find(members[x]) == uf.find(members[y]) {
					continue
				}
				fx, fy := &a.forms[members[x]], &a.forms[members[y]]
				if fx.typ != fy.typ {
					continue
				}
				var ok bool
				if fx.typ == marsad.Person {
					_, _, ok = comparePersons(fx.tokens, fy.tokens)
					if !ok {
						ok = isSuffix(fx.tokens, fy.tokens) || isSuffix(fy.tokens, fx.tokens)
					}
				} else {
					_, _, ok = compareNames(fx.tokens, fy.tokens, string(fx.typ))
				}
				if ok {
					uf.union(members[x], members[y])
				}
			}
		}
	}
	// Lone person name parts, one mention at a time: a last name, else a
	// first name, that exactly one full name in the article has; when
	// several have it, the nearest full name before the mention.
	byLast, byFirst := map[string][]int{}, map[string][]int{}
	for i := range a.forms {
		f := &a.forms[i]
		if f.typ == marsad.Person && len(f.tokens) >= 2 {
			byLast[phoneticToken(f.tokens[len(f.tokens)-1])] = append(byLast[phoneticToken(f.tokens[len(f.tokens)-1])], i)
			byFirst[phoneticToken(f.tokens[0])] = append(byFirst[phoneticToken(f.tokens[0])], i)
		}
	}
	leftovers := map[string][]int{}
	for i := range a.forms {
		f := &a.forms[i]
		if !isShort(f) {
			continue
		}
		ph := phoneticToken(f.key)
		target := a.attachShort(i, uf, byLast[ph], func(full []string) string { return full[len(full)-1] })
		if target < 0 {
			target = a.attachShort(i, uf, byFirst[ph], func(full []string) string { return full[0] })
		}
		if target >= 0 {
			uf.union(target, i)
		} else {
			leftovers[ph] = append(leftovers[ph], i)
		}
	}
	for _, members := range leftovers {
		for x := 0; x < len(members) && x < maxBlock; x++ {
			for y := x + 1; y < len(members) && y < maxBlock; y++ {
				fx, fy := &a.forms[members[x]], &a.forms[members[y]]
				if rel, _ := tokenRelation(fx.key, fy.key); rel != different {
					uf.union(members[x], members[y])
				}
			}
		}
	}
	return a.entities(uf)
}

// maxBlock bounds the pairs compared in one block, so that a hostile
// article with thousands of similar names stays linear.
const maxBlock = 64

// formBlocks are the keys under which a form is compared with others.
func formBlocks(f *form) []string {
	ph := make([]string, len(f.tokens))
	for i, t := range f.tokens {
		ph[i] = phoneticToken(t)
	}
	blocks := []string{"p:" + strings.Join(ph, " ")}
	if f.typ == marsad.Person {
		blocks = append(blocks, "l:"+ph[len(ph)-1], "f:"+ph[0])
	}
	if f.typ != marsad.Person {
		blocks = append(blocks, "c:"+blockCore(f.tokens))
		if core, ok := officialCore(f.tokens); ok && len(core) == 1 {
			// جمهورية مصر العربية joins the block of the one word مصر.
			blocks = append(blocks, "p:"+phoneticToken(core[0]))
		}
		if s := stateName(f.tokens); s != "" {
			blocks = append(blocks, "o:"+s) // أمريكا meets الولايات المتحدة
		}
	}
	return blocks
}

// isSuffix reports whether short is long without its first name, in two
// tokens ("بك يفكيروف" of "يونس بك يفكيروف", "منصور هادي" of "عبد ربه
// منصور هادي"). A longer tail is a full name of its own ("علي عبد الله
// صالح" in "أحمد علي عبد الله صالح" is the father, named by the son's
// chain of fathers), and so is a tail that drops more than the first name
// ("عبدالله صالح" in "يحيى محمد عبدالله صالح" is his grandfather's name).
func isSuffix(short, long []string) bool {
	if len(short) != 2 || len(long) != 3 {
		return false
	}
	off := len(long) - len(short)
	for i, t := range short {
		if rel, _ := tokenRelation(t, long[off+i]); rel == different {
			return false
		}
	}
	return true
}

// attachShort finds the full person name a lone name part belongs to among
// cands, or -1. part picks the token of a full name to compare with.
func (a *articleState) attachShort(i int, uf *unionFind, cands []int, part func([]string) string) int {
	f := &a.forms[i]
	roots := map[int]bool{}
	var matching []int
	for _, j := range cands {
		g := &a.forms[j]
		if rel, _ := tokenRelation(f.key, part(g.tokens)); rel == different || rel == nearSpelling {
			continue
		}
		roots[uf.find(j)] = true
		matching = append(matching, j)
	}
	switch len(roots) {
	case 0:
		return -1
	case 1:
		return matching[0]
	}
	// Several people share the name part: the nearest one mentioned before,
	// else the nearest after.
	best, bestDist := -1, 0
	for _, j := range matching {
		g := &a.forms[j]
		d := f.start - g.end
		if d < 0 {
			d = (g.start - f.end) + len(a.body) // after: only when nothing before
		}
		if best < 0 || d < bestDist {
			best, bestDist = j, d
		}
	}
	return best
}

func (a *articleState) entities(uf *unionFind) []marsad.Entity {
	clusters := map[int][]int{}
	var order []int
	for i := range a.forms {
		r := uf.find(i)
		if _, ok := clusters[r]; !ok {
			order = append(order, r)
		}
		clusters[r] = append(clusters[r], i)
	}
	sort.Slice(order, func(x, y int) bool {
		return a.forms[clusters[order[x]][0]].start < a.forms[clusters[order[y]][0]].start
	})
	out := make([]marsad.Entity, 0, len(order))
	for n, r := range order {
		members := clusters[r]
		out = append(out, a.entity("e"+strconv.Itoa(n+1), members))
	}
	return out
}

func (a *articleState) entity(id string, members []int) marsad.Entity {
	keyCount := map[string]int{}
	surfCount := map[string]int{}
	typeCount := map[marsad.EntityType]int{}
	for _, i := range members {
		f := &a.forms[i]
		keyCount[f.key]++
		surfCount[f.surface]++
		typeCount[f.typ]++
	}
	// The most complete form: most name tokens, then most frequent, then
	// first seen.
	best := members[0]
	for _, i := range members[1:] {
		f, b := &a.forms[i], &a.forms[best]
		switch {
		case len(f.tokens) > len(b.tokens):
			best = i
		case len(f.tokens) == len(b.tokens) && keyCount[f.key] > keyCount[b.key]:
			best = i
		}
	}
	bestKey := a.forms[best].key
	name := a.forms[best].surface
	for _, i := range members {
		f := &a.forms[i]
		if f.key == bestKey && surfCount[f.surface] > surfCount[name] {
			name = f.surface
		}
	}
	typ := a.forms[best].typ
	for t, c := range typeCount {
		if c > typeCount[typ] || c == typeCount[typ] && t != a.forms[best].typ && typeRank(t) < typeRank(typ) && typ != a.forms[best].typ {
			typ = t
		}
	}
	e := marsad.Entity{ID: id, Name: name, Type: typ, Aliases: []string{}, Roles: []marsad.Role{}}
	seenAlias := map[string]bool{name: true}
	seenRole := map[string]bool{}
	for _, i := range members {
		f := &a.forms[i]
		if !seenAlias[f.surface] {
			seenAlias[f.surface] = true
			e.Aliases = append(e.Aliases, f.surface)
		}
		for _, r := range f.roles {
			if typ != marsad.Person {
				break
			}
			k := Key(r)
			if k == "" || seenRole[k] {
				continue
			}
			seenRole[k] = true
			e.Roles = append(e.Roles, marsad.Role{Role: r, Seen: a.published})
		}
		e.Mentions = append(e.Mentions, marsad.Mention{Text: a.body[f.start:f.end], Start: f.start, End: f.end})
	}
	sort.Slice(e.Mentions, func(x, y int) bool { return e.Mentions[x].Start < e.Mentions[y].Start })
	return e
}

// unionFind is a disjoint-set forest with path halving.
type unionFind struct{ parent []int }

func newUnionFind(n int) *unionFind {
	p := make([]int, n)
	for i := range p {
		p[i] = i
	}
	return &unionFind{parent: p}
}

func (u *unionFind) find(x int) int {
	for u.parent[x] != x {
		u.parent[x] = u.parent[u.parent[x]]
		x = u.parent[x]
	}
	return x
}

// union joins the sets of x and y; the smaller index becomes the root so
// that the result does not depend on the order of calls.
func (u *unionFind) union(x, y int) bool {
	rx, ry := u.find(x), u.find(y)
	if rx == ry {
		return false
	}
	if ry < rx {
		rx, ry = ry, rx
	}
	u.parent[ry] = rx
	return true
}
