package speech

import (
	"slices"
	"sort"
	"strings"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/arabic"
)

const (
	minQuoteWords = 3  // a quoted word or two is a name or a term, not a quote
	maxCueReach   = 40 // tokens between a reporting verb and its quote
)

// Words after which a named person is not the speaker: "مستشار بالجيش
// التابع للمشير حفتر", "قوات الدعم السريع بقيادة محمد دقلو".
var affiliationStops = setOf(`التابع التابعة الذي التي الذين والذي والتي بقيادة برئاسة بزعامة المقرب المقربة والدة والد نجل ابن ابنة شقيق زوجة`)

// Prepositions that open an adjunct after the subject ("وقال لافروف بعد
// محادثات مع نظيره …"): a person named past them is not the speaker.
var clauseStops = setOf(`بعد قبل عقب إثر اثر خلال أثناء لدى عند`)

// Words that end a descriptive speaker phrase ("مستشار بالجيش الوطني الليبي
// التابع …", "قوات الشرق في بيان …").
var phraseStops = setOf(`في عبر على عن من إلى الى ل مع بعد قبل عقب إثر اثر خلال أثناء بقيادة برئاسة خلال أمام لدى الذي التي الذين والذي والتي حول بشأن قوله قولها أن إن أنه إنه بأن ان التابع التابعة المقرب المقربة وقت لحظة حين حينها`)

// quoteMark kinds.
func isOpenMark(s string) bool  { return s == "“" || s == "«" || s == "„" }
func isCloseMark(s string) bool { return s == "”" || s == "»" || s == "″" || s == "‟" }

// findQuotes finds direct quotes (inside quotation marks) and reported
// speech (verb + أن/إن clause), in text order.
func (a *analysis) findQuotes() {
	a.attributed = map[int]bool{}
	used := a.attributed
	a.scanOutlets()
	spans := a.quoteSpans()
	a.quoteClose = map[int]bool{}
	a.quoteOpen = map[int]bool{}
	for _, sp := range spans {
		if a.wordCount(sp.open+1, sp.close) >= minQuoteWords && !a.isQuotedName(sp) && !a.isScareQuote(sp) {
			a.quoteClose[sp.close] = true
			a.quoteOpen[sp.open] = true
		}
	}
	si := 0
	for i := 0; i < len(a.toks); i++ {
		// Direct quote opening here?
		if si < len(spans) && spans[si].open == i {
			sp := spans[si]
			si++
			a.directQuote(sp, used)
			i = sp.close
			continue
		}
		if v := a.verb[i]; v != 0 && !used[i] {
			a.reportedQuote(i, v, spans, used)
		}
	}
}

type qspan struct{ open, close int } // token indices of the marks; close may be the paragraph's last token + 1

// quoteSpans pairs quotation marks inside each paragraph. Straight double
// quotes alternate open/close; an opening mark left unclosed at the end of
// a paragraph closes there (scraped text often loses the closing mark).
func (a *analysis) quoteSpans() []qspan {
	var out []qspan
	open := -1
	straight := false
	for i, t := range a.toks {
		if open >= 0 && t.LineStart && i > open {
			out = append(out, qspan{open, i})
			open = -1
		}
		if t.Kind != arabic.Punct {
			continue
		}
		switch {
		case open < 0 && (isOpenMark(t.Text) || t.Text == "\""):
			open, straight = i, t.Text == "\""
		case open >= 0 && ((straight && t.Text == "\"") || (!straight && isCloseMark(t.Text))):
			out = append(out, qspan{open, i})
			open = -1
		}
	}
	if open >= 0 {
		out = append(out, qspan{open, len(a.toks)})
	}
	return out
}

func (a *analysis) wordCount(from, to int) int {
	n := 0
	for i := from; i < to && i < len(a.toks); i++ {
		if isWord(a.toks[i]) {
			n++
		}
	}
	return n
}

// directQuote attributes one quoted span.
func (a *analysis) directQuote(sp qspan, used map[int]bool) {
	from, to := sp.open+1, sp.close
	if !a.quoteOpen[sp.open] {
		return // a name, a term or a scare quote
	}
	// A relative denial inside the span ("…الأمر الذي نفته X") ends the
	// quote there and answers it.
	denyAt, denier := a.relativeDenial(from, to)
	if denyAt >= 0 {
		to = denyAt
	}
	v, vi := a.cueBefore(sp.open)
	if vi < 0 {
		v, vi = a.cueAfter(sp.close)
	}
	if vi < 0 {
		return
	}
	used[vi] = true
	kind := a.kindAt(v, vi)
	spk, via, ok := a.speakerFor(vi, sp.open)
	if !ok {
		return
	}
	if spk.anonymous && kind == marsad.Statement {
		kind = marsad.Claim
	}
	if k := a.contentKind(from, to); k != "" {
		kind = k
	}
	q := a.addQuote(spk, via, kind, from, to, true, a.sentOf[vi])
	if denyAt >= 0 && denier.name != "" {
		a.addDenialOf(q, denier, denyAt)
	}
}

// isQuotedName reports whether a quoted span is a name rather than speech:
// an outlet after its head word (صحيفة "وول ستريت جورنال"), or a short span
// made only of entity mentions.
func (a *analysis) isQuotedName(sp qspan) bool {
	if sp.open > 0 && inSet(outletHeads, a.norm[sp.open-1]) {
		return true
	}
	// قالت "وول ستريت جورنال" إن …: the quoted words are the subject.
	if sp.close+1 < len(a.toks) && complementizers[a.norm[sp.close+1]] && a.wordCount(sp.open+1, sp.close) <= 5 {
		return true
	}
	if a.wordCount(sp.open+1, sp.close) > 4 {
		return false
	}
	for j := sp.open + 1; j < sp.close; j++ {
		if isWord(a.toks[j]) && a.ent[j] < 0 {
			return false
		}
	}
	return true
}

// isScareQuote reports whether a short quoted phrase sits inside running
// text ("واجهت "مجموعة مسلحة""): no colon, reporting verb, complementizer or
// قوله just before it.
func (a *analysis) isScareQuote(sp qspan) bool {
	if a.wordCount(sp.open+1, sp.close) >= 6 {
		return false
	}
	for j := sp.open - 1; j >= 0 && j >= sp.open-3; j-- {
		t := a.toks[j]
		if t.Text == ":" || t.Text == "،" || t.Text == "," || a.verb[j] != 0 || complementizers[a.norm[j]] || a.norm[j] == "قوله" || a.norm[j] == "قولها" {
			return false
		}
		if t.LineStart {
			return false
		}
	}
	return true
}

// reportedQuote handles "VERB SPEAKER أن/إن CONTENT", "كشف SPEAKER عن
// CONTENT", and "نفى/أكد SPEAKER OBJECT", the denial or confirmation of a
// thing (ما نشرته …، صحة التقارير …).
func (a *analysis) reportedQuote(vi int, v verbKind, spans []qspan, used map[int]bool) {
	sFrom, sTo := a.sentenceBounds(vi)
	if vi > sFrom && nounHeads[a.norm[vi-1]] {
		return // "على حد وصف المسؤولين": a noun, not a verb
	}
	if vi > sFrom && negations[a.norm[vi-1]] {
		return // "ولم تعلن الشركة …", "لم ينف": nothing was said
	}
	limit := min(sTo, vi+maxSubjectSpan)
	c := -1
	next := -1 // the next reporting verb of the sentence, when it comes first
	for j := vi + 1; j < limit; j++ {
		n := a.norm[j]
		if complementizers[n] && conjunctionHeads[a.norm[j-1]] {
			return // "لا سيما أن", "بعد أن": a conjunction
		}
		if complementizers[n] && a.conjunction(j, vi) {
			return // "أكبر من أن", "بدلا من أن", "علاوة على أن": a conjunction
		}
		if j > vi+1 && a.verb[j] != 0 && a.opensClause(j) && sayClass(a.verb[j]) != sayClass(v) {
			// "نفت X، خضوعها …، مؤكدة أن": what follows a reporting verb
			// of another kind is that verb's quote, not this one's. One
			// of the same kind ("وطالب المواطنون …، وأكدوا أن") shares
			// this one's subject and may leave it the content.
			next = j
			limit = j
			break
		}
		if j > vi+1 && a.verb[j] != 0 && isParticiple(a.norm[j]) && a.opensClause(j) {
			// "قال X، مضيفا أن …": what follows is the participle's
			// quote, which takes this verb's subject (speakerFor).
			return
		}
		if complementizers[n] || (j > vi+1 && n == "عن" && (v == vClaim || isAnnounce(a.norm[vi]))) {
			c = j
			break
		}
		if a.toks[j].Kind == arabic.Punct && (isOpenMark(a.toks[j].Text) || a.toks[j].Text == "\"") {
			return // a direct quote handles it
		}
		if a.fullStop(j) {
			break
		}
		if a.toks[j].Text == ":" && v != vDeny {
			// "وقال الفنيسان لـ«عين اليوم»: التفجيرات …": direct speech
			// without quotation marks runs from the colon; an «أن»
			// further on belongs to it; one right after the colon
			// ("قال: إن …") opens it.
			c = j
			if j+1 < limit && complementizers[a.norm[j+1]] {
				c = j + 1
			}
			break
		}
	}
	// from is where the content starts: after the complementizer, or at
	// the object of a denial or confirmation of a thing (thingObjects).
	from := c + 1
	if c >= 0 && a.toks[c].Text == ":" {
		// "وقال:» لا عمالة …": a closing mark misused as an opening one.
		for from < sTo && a.toks[from].Kind == arabic.Punct && !isOpenMark(a.toks[from].Text) && a.toks[from].Text != "\"" {
			from++
		}
	}
	if objects := thingObjects[v]; c < 0 && objects != nil {
		for j := vi + 2; j < limit; j++ {
			if a.toks[j].Kind == arabic.Punct {
				break
			}
			if objects[a.norm[j]] {
				if v == vConfirm && a.norm[j] == "صحه" && (j+1 >= limit || !reportNouns[a.norm[j+1]]) {
					break // صحة البيئة: health, not the truth of a report
				}
				if a.inNamePhrase(j) {
					continue // «لوكالة الأنباء السعودية»: an agency's name, not what is confirmed
				}
				c, from = j, j
				break
			}
		}
	}
	objectOfDenial := false
	if c < 0 && v == vDeny && next > 0 {
		// "نفت الفنانة غادة عبدالرازق، خضوعها لعمليات تجميل، مؤكدة أن …":
		// between the subject's closing comma and the comma before the
		// next reporting verb is what is denied. Only a named speaker is
		// trusted to close the subject (checked below).
		first, last := -1, -1
		for j := vi + 2; j < next; j++ {
			if a.toks[j].Text == "،" || a.toks[j].Text == "," {
				if first < 0 {
					first = j
				}
				last = j
			}
		}
		if first >= 0 && last > first+1 && last == next-1 {
			c, from, objectOfDenial = first, first+1, true
		}
	}
	if c < 0 {
		return
	}
	// Content: to the end of the sentence, to a real quote, or to the next
	// reporting clause ("…، وقال", "…، مؤكدا أن"), which is its own quote.
	end := sTo
	for j := from; j < sTo; j++ {
		if isOpenMark(a.toks[j].Text) || a.toks[j].Text == "\"" {
			if j == from {
				return // "أنه “…”": the direct quote is the content
			}
			if a.quoteOpen[j] {
				end = j
				break
			}
			continue // a scare quote inside reported speech
		}
		if j > from+1 && a.verb[j] != 0 && (a.toks[j-1].Kind == arabic.Punct || strings.HasPrefix(a.norm[j], "و") && !isParticiple(a.norm[j][len("و"):])) {
			// A participle opens a clause after a comma («…، مضيفا»);
			// after و it is mostly an adjective or a noun («ناجحة
			// ومفيدة», «ولافتة»).
			end = j
			break
		}
	}
	if objectOfDenial {
		end = next
	}
	for end > from && a.toks[end-1].Kind == arabic.Punct {
		end--
	}
	if a.wordCount(from, end) < minQuoteWords {
		return
	}
	spk, via, ok := a.speakerFor(vi, c)
	if !ok || objectOfDenial && spk.id == "" {
		return
	}
	if a.reported[vi] && spk.id == "" {
		// A verb inside what another verb reports («واعتبر الدخيل أن
		// بقاء نظام الأسد يعتبر مستحيلا، وأن …») is part of that quote,
		// unless it names a speaker of its own («… لما ذكره الوزير
		// محمد جواد ظريف الذي قال بأن …»).
		return
	}
	if from == c && spk.id == "" && !anonymousSource(spk.name) {
		// A denial or confirmation of a thing has no complementizer to
		// close the subject: only a named entity or a source (مصدر،
		// مصادر) is trusted as one.
		return
	}
	used[vi] = true
	kind := a.kindAt(v, vi)
	if from == c && v == vConfirm && a.norm[c-1] != onWord {
		kind = marsad.Confirmation // it confirms the thing: صحة التقارير; «أكد على وجود» stresses it
	}
	if spk.anonymous && kind == marsad.Statement {
		kind = marsad.Claim
	}
	if k := a.contentKind(from, end); k != "" {
		kind = k
	}
	denyAt, denier := a.relativeDenial(from, end)
	if denyAt >= 0 {
		end = denyAt
	}
	q := a.addQuote(spk, via, kind, from, end, false, a.sentOf[vi])
	if denyAt >= 0 && denier.name != "" {
		a.addDenialOf(q, denier, denyAt)
	}
}

// conjunction reports whether the complementizer at j, after the verb at
// vi, is the end of a conjunction (أكبر من أن، بدلا من أن، علاوة على أن)
// rather than the start of what the verb reports.
func (a *analysis) conjunction(j, vi int) bool {
	if j-2 <= vi {
		return false
	}
	switch n := a.norm[j-1]; {
	case n == "من":
		return fromHeads[a.norm[j-2]]
	case additionLinks[n]:
		return inSet(additionHeads, a.norm[j-2])
	}
	return false
}

// sayClass groups reporting verbs by what their quote asserts: a denial,
// a claim, or a plain statement (قال، أكد).
func sayClass(v verbKind) verbKind {
	if v == vConfirm {
		return vSay
	}
	return v
}

// opensClause reports whether the reporting verb at j starts a clause of
// its own: after a comma or with و/ف attached ("، مؤكدة", "وأضاف"), not
// inside a relative clause ("فابيوس، الذي اعتبر من المتشددين").
func (a *analysis) opensClause(j int) bool {
	if a.toks[j-1].Kind == arabic.Punct {
		return true
	}
	return strings.HasPrefix(a.norm[j], "و") || strings.HasPrefix(a.norm[j], "ف")
}

// datives are the pronouns and adverbs that may come between a reporting
// verb and its subject.
var datives = setOf(`لي له لها لهم لهن لنا لك لكم أيضا كذلك مخاطبا مخاطبة بالحرف حرفيا صراحة بوضوح`)

// prayedTo are the names a prayer addresses right after its verb.
var prayedTo = setOf(`الله المولى`)

// prayerVerbs call on God in a prayer (داعيا الله أن يحفظ …، نسأل الله
// أن): الله after them is whom the speaker prays to, not who speaks.
var prayerVerbs = setOf(`دعا يدعو ندعو تدعو دعت داعيا داعية سأل نسأل يسأل سائلا سائلة راجيا راجية`)

// divineEpithets open the subject of a reporting verb that quotes the
// Quran; «عز وجل» too, but عز alone opens names (عز الدين).
var divineEpithets = setOf(`تعالى سبحانه`)

// clauseOpeners start a clause whose subject may precede its verb.
var clauseOpeners = setOf(`لكن ولكن بينما وبينما فيما وفيما إذ حيث`)

// preverbalSubject is the speaker named between a clause's start (a comma,
// the sentence's start, or one of clauseOpeners) and the verb at vi, at
// most six tokens back, when it is an indefinite descriptive phrase
// (محللا نفطيا ليبيا، مسؤولا ليبيا رفيعا); none when the words before the
// verb hold a preposition, a relative pronoun or another verb.
func (a *analysis) preverbalSubject(vi int) speaker {
	sFrom, _ := a.sentenceBounds(vi)
	k := vi
	for k > sFrom && vi-k < 6 {
		p := k - 1
		if a.toks[p].Kind == arabic.Punct || clauseOpeners[a.norm[p]] {
			break
		}
		k = p
	}
	if k == vi || vi-k >= 6 || (k > sFrom && a.toks[k-1].Kind != arabic.Punct && !clauseOpeners[a.norm[k-1]]) {
		return speaker{}
	}
	// Only a descriptive head opens such a subject (مسؤول، محلل، مصدر):
	// words before a verb are far more often adverbs, conjunctions and
	// topics (كما، حين، وعن علاقة …) than its subject.
	if !inSet(descriptiveHeads, a.norm[k]) || strings.HasPrefix(a.norm[k], "ال") {
		return speaker{}
	}
	for j := k; j < vi; j++ {
		if phraseStops[a.norm[j]] || affiliationStops[a.norm[j]] || a.verb[j] != 0 || a.toks[j].Kind != arabic.Word {
			return speaker{}
		}
	}
	return a.named(a.nounPhrase(k, vi))
}

func isAnnounce(n string) bool {
	switch strings.TrimPrefix(strings.TrimPrefix(n, "و"), "ف") {
	case "اعلن", "اعلنت", "كشف", "كشفت", "تحدث", "تحدثت":
		return true
	}
	return false
}

// kindAt turns a verb into a quote kind: أكد is a confirmation only when it
// confirms something (أكد صحة …); a participle (قائلا، مضيفا) takes the
// kind of the finite verb it follows (فضح … قائلا → a claim).
func (a *analysis) kindAt(v verbKind, vi int) marsad.QuoteKind {
	if v == vConfirm {
		for j := vi + 1; j < min(len(a.toks), vi+4); j++ {
			if complementizers[a.norm[j]] {
				break // «مؤكدا أن التقارير يتم متابعتها»: what follows is said, not confirmed
			}
			if inSet(confirmObjects, a.norm[j]) && !a.inNamePhrase(j) && a.norm[j-1] != onWord {
				return marsad.Confirmation
			}
		}
		return marsad.Statement
	}
	if v == vSay && isParticiple(a.norm[vi]) {
		sFrom, _ := a.sentenceBounds(vi)
		for j := vi - 1; j >= sFrom; j-- {
			if pv := a.verb[j]; pv != 0 && pv != vSay {
				return a.kindAt(pv, j)
			}
		}
	}
	return kindOf(v)
}

// onWord is على, normalized: «أكد على وجود تنسيق» stresses, it does not
// confirm.
var onWord = arabic.Normalize("على")

// inNamePhrase reports whether token j is the genitive of an outlet's
// head (وكالة الأنباء، لوكالة الأنباء): part of a name, not an object.
func (a *analysis) inNamePhrase(j int) bool {
	return j > 0 && (inSet(outletHeads, a.norm[j-1]) || a.spokenTo(j-1))
}

// fullStop reports whether token j is a period that ends a sentence, not
// one after a one-letter title (د. علام): the scans for a speaker or a
// cue stop there.
func (a *analysis) fullStop(j int) bool {
	return a.toks[j].Text == "." && !arabic.AbbreviationPeriod(a.toks, j)
}

func isParticiple(n string) bool {
	return participles[n] || strings.HasPrefix(n, "قاءل")
}

// contentKind reads the kind from what is said: content that opens with a
// denial verb (أنه فند الأخبار …) or carries a denial phrase (هناك مغالطة
// في الخبر) is a denial.
func (a *analysis) contentKind(from, to int) marsad.QuoteKind {
	for j := from; j < min(to, from+2); j++ {
		if a.verb[j] == vDeny {
			return marsad.Denial
		}
	}
	txt := arabic.Normalize(a.text(from, min(to, from+12)))
	for _, cue := range denialCues {
		if strings.Contains(txt, cue) {
			return marsad.Denial
		}
	}
	return ""
}

// cueBefore finds the reporting verb that introduces a quote opening at
// token open: the closest one before it in the same paragraph.
func (a *analysis) cueBefore(open int) (verbKind, int) {
	for j := open - 1; j >= 0 && j >= open-maxCueReach; j-- {
		if a.paraOf[j] != a.paraOf[open] {
			break
		}
		if a.quoteClose[j] {
			break // another quote stands between
		}
		if v := a.verb[j]; v != 0 {
			return v, j
		}
		if a.fullStop(j) {
			break
		}
	}
	return 0, -1
}

// cueAfter finds "“…”، قال X" within a few tokens after the closing mark.
func (a *analysis) cueAfter(close int) (verbKind, int) {
	for j := close + 1; j < min(len(a.toks), close+4); j++ {
		if v := a.verb[j]; v != 0 {
			return v, j
		}
	}
	return 0, -1
}

// outerVerb returns the reporting verb whose reported clause holds the
// verb at j, or j: in "قال X إن سقوط الأمطار …، تعتبر حالات نادرة …،
// مشيرا إلى" تعتبر is part of what X said, and the masculine participle
// goes with قال. A verb is inside another's clause when a complementizer
// (إن، أن) stands between them; the outer verb must have been attributed
// a quote of its own, so that a noun spelled as a verb (رخصة نقل) is
// none. This cannot tell a clause inside what was said from one after it
// ("نفى رمضان أن …، كشفت مصادر …، لافتة إلى"); speakerFor lets gender
// decide there.
func (a *analysis) outerVerb(j, sFrom int) int {
	comp := false
	for k := j - 1; k >= sFrom; k-- {
		switch t := a.toks[k].Text; {
		case isCloseMark(t) || t == ")" || t == "\"":
			// "قال تعالى: (… أن يذكر فيها اسمه …)، ووصف": what was
			// quoted before is done with.
			return j
		case complementizers[a.norm[k]] && (k == sFrom || !conjunctionHeads[a.norm[k-1]] && !a.conjunction(k, sFrom-1)):
			comp = true
		case a.verb[k] != 0 && comp && a.attributed[k]:
			j, comp = k, false
		}
	}
	return j
}

// subjectBefore returns the first person named in the sentence before
// token vi who can be its subject: not inside a quotation or brackets,
// not governed by a preposition, written apart or attached (لأوباما، على
// الشقحاء، مثل الصالح). «فيما علق المليحان على تحفظ الشقحاء …» has
// المليحان speak; the nearest name is the one talked about.
func (a *analysis) subjectBefore(vi, sFrom int) (speaker, bool) {
	for j := sFrom; j < vi; j++ {
		if isOpenMark(a.toks[j].Text) || a.toks[j].Text == "(" {
			if k := a.closingAfter(j, vi); k > j {
				j = k
				continue
			}
		}
		e, ok := a.entityAt(j)
		if !ok || e.Type != marsad.Person || j > sFrom && a.ent[j-1] == a.ent[j] && a.entStart[j-1] == a.entStart[j] {
			continue // not a person, or not where the name starts
		}
		if a.governed(j, sFrom) {
			continue
		}
		return a.speakerOf(e), true
	}
	return speaker{}, false
}

// governed reports whether the name that starts in token j is governed by
// a preposition before it or attached to it, and so is no subject.
func (a *analysis) governed(j, sFrom int) bool {
	start := j
	for start > sFrom && a.ent[start-1] == a.ent[j] && a.entStart[start-1] == a.entStart[j] {
		start--
	}
	return start > sFrom && (phraseStops[a.norm[start-1]] || objectWords[a.norm[start-1]]) || a.prepositionAttached(start)
}

// objectWords govern the name after them as their object, not subject.
var objectWords = setOf(`مثل ضد لصالح بحق تجاه نحو بين`)

// prepositionAttached reports whether the name that starts in token j
// starts after a preposition attached to it (لأوباما، بالأسد), which
// entity resolution cut off.
func (a *analysis) prepositionAttached(j int) bool {
	t := a.toks[j]
	if a.entStart[j] <= t.Start || a.entStart[j] > t.End {
		return false
	}
	return strings.ContainsAny(a.in.Body[t.Start:a.entStart[j]], "لبك")
}

// closingAfter returns the token that closes the quotation or bracket
// opened at j, before end, or -1.
func (a *analysis) closingAfter(j, end int) int {
	open := a.toks[j].Text
	for k := j + 1; k < end; k++ {
		t := a.toks[k].Text
		if open == "(" && t == ")" || open != "(" && (isCloseMark(t) || t == "\"") {
			return k
		}
	}
	return -1
}

// participleGender is 1 for a masculine participle (مشيرا), -1 for a
// feminine one (مشيرة), 0 when the form does not say. Forms are
// normalized (ة → ه).
func participleGender(n string) int {
	switch {
	case strings.HasSuffix(n, "ه"):
		return -1
	case strings.HasSuffix(n, "ا"):
		return 1
	}
	return 0
}

// verbGender is 1 for a masculine singular reporting verb (قال، يقول), -1
// for a feminine singular one (قالت، تقول), 0 for a plural, a participle
// or a form that does not say. Conjunctions attached (وقالت) are looked
// through.
func verbGender(n string) int {
	if verbOf(n) == 0 {
		return 0
	}
	if _, ok := reportingVerbs[n]; !ok {
		n = n[len("و"):] // و and ف are two bytes, as are the verbClitics
	}
	switch {
	case isParticiple(n) || strings.HasSuffix(n, "وا"):
		return 0
	case strings.HasSuffix(n, "ت"):
		return -1 // قالت، أكدت
	case strings.HasPrefix(n, "ت") && reportingVerbs["ي"+n[len("ت"):]] != 0:
		return -1 // تقول beside يقول; تابع is masculine
	}
	return 1
}

// speakerFor finds who speaks for the verb at vi, in the tokens between
// the verb and the quote or complementizer at end (Arabic puts the subject
// after the verb), else just before the verb in the same sentence, else the
// previous speaker when the verb has no subject of its own (وأضاف: "…").
// via is the outlet quoted through, for "نقلت وكالة X عن Y".
func (a *analysis) speakerFor(vi, end int) (speaker, string, bool) {
	// A participle (مؤكدا، مشيرا، قائلا) shares the subject of the finite
	// reporting verb it follows: "نفى مصدر في أرامكو … مؤكداً أن".
	if isParticiple(a.norm[vi]) {
		sFrom, _ := a.sentenceBounds(vi)
		for j := vi - 1; j >= sFrom; j-- {
			if a.verb[j] != 0 {
				// "قال X …، مشيرا إلى …، معلنا أن": a participle before
				// this one passes on the same subject.
				// "قال X إن …، تعتبر حالات نادرة …، مشيرا": a verb inside
				// what was said does not lend the participle its
				// subject; the verb whose clause holds it does, unless
				// its gender is not the participle's ("نفى رمضان أن …،
				// كشفت مصادر …، لافتة إلى").
				if k := a.outerVerb(j, sFrom); k != j && verbGender(a.norm[k]) != -participleGender(a.norm[vi]) {
					j = k
				}
				return a.speakerFor(j, vi)
			}
		}
		// No reporting verb before it: what follows a participle is its
		// object ("وعبر الإعلامي جابر القرني عن حزنه …، واصفاً الراحل
		// بالمبدع"), never its subject. The speaker is named before it in
		// the sentence, not inside a quotation, or is the last one. A
		// prayer (داعيا الله أن) quotes no one.
		if vi+1 < len(a.norm) && inSet(prayerVerbs, a.norm[vi]) && inSet(prayedTo, a.norm[vi+1]) {
			return speaker{}, "", false
		}
		if s, ok := a.subjectBefore(vi, sFrom); ok {
			a.lastSpeaker = s
			return s, "", true
		}
		if a.lastSpeaker.name != "" {
			return a.lastSpeaker, "", true
		}
		return speaker{}, "", false
	}
	if end < vi {
		// cue after the quote: subject follows the verb
		end = min(len(a.toks), vi+6)
	}
	region := [2]int{vi + 1, end}
	// "قال لي النبي", "قال له أيضا": a dative pronoun or أيضا after the
	// verb is not its subject.
	for region[0] < region[1] && (datives[a.norm[region[0]]] || a.norm[region[0]] == "النقاب" ||
		isParticiple(a.norm[region[0]]) && strings.HasSuffix(a.norm[region[0]], "ا")) {
		region[0]++ // «وكشف النقاب عن»: the idiom's object completes the verb; «وأضاف متسائلا:» its manner
	}
	if inSet(describeVerbs, a.norm[vi]) && a.describedObject(region[0], region[1]) {
		region[1] = region[0] // the speaker is named before, or earlier
	}
	// "قال تعالى", "قال سبحانه وتعالى", "قال عز وجل": an epithet stands
	// for God, the speaker of the verse that follows.
	if r := region[0]; r < region[1] && a.ent[r] < 0 &&
		(divineEpithets[a.norm[r]] || a.norm[r] == "عز" && r+1 < len(a.norm) && a.norm[r+1] == "وجل") {
		return speaker{name: "الله"}, "", true
	}
	for j := region[0]; j < region[1]; j++ {
		if complementizers[a.norm[j]] || a.toks[j].Text == ":" {
			region[1] = j // the speaker is named before what is said
			break
		}
	}
	via := ""
	// "نقل X عن Y": X is the outlet, Y the speaker. Only after a verb of
	// passing on, or with an outlet before عن: after other verbs عن is
	// "about" (قال عن الاتفاق إنه، نفت … ما تردد عن تعرض طفلة لحروق).
	passesOn := inSet(sourceVerbs, a.norm[vi]) ||
		region[0] < region[1] && (inSet(outletHeads, a.norm[region[0]]) || inSet(outletAnaphora, a.norm[region[0]]))
	if !passesOn {
		// What follows "about" is the topic: "قال متحدثاً عن الفيصل";
		// but a report "issued by" (صدر عن) names its author.
		for j := region[0]; j < region[1]; j++ {
			if a.norm[j] == "عن" {
				if j > region[0] && inSet(issuedWords, a.norm[j-1]) {
					passesOn = true
				} else {
					region[1] = j
				}
				break
			}
		}
	}
	for j := region[0]; j < region[1] && passesOn; j++ {
		if a.norm[j] == "عن" && j > region[0] {
			outlet := a.phraseSpeaker(region[0], j)
			if outlet.name != "" {
				via = outlet.name
			}
			if anon := j+1 < region[1] && inSet(anonymousHeads, a.norm[j+1]); anon && outlet.name != "" {
				// An outlet citing unnamed sources makes the claim its own.
				outlet.anonymous = true
				return outlet, "", true
			}
			region[0] = j + 1
			if outlet.name != "" && a.phraseSpeaker(region[0], region[1]).name == "" {
				// No one to name after عن ("البيان الصادر عن مكتب رئيس
				// الوزراء"): what stands before it speaks.
				a.lastSpeaker = outlet
				return outlet, "", true
			}
			break
		}
	}
	if s := a.phraseSpeaker(region[0], region[1]); s.name != "" && !(s.name == "الله" && inSet(prayerVerbs, a.norm[vi])) {
		// A verse (قال الله تعالى: …) is cited by the article's speaker:
		// what follows without a subject is still that speaker's.
		if s.name != "الله" {
			a.lastSpeaker = s
		}
		return s, via, true
	}
	// Subject right before the verb, in its own clause: "لكن محللا نفطيا
	// قال إن", "، بينما مسؤول كبير قال إن". Only when nothing stands
	// between the verb and what it reports.
	if region[0] >= region[1] {
		if s := a.preverbalSubject(vi); s.name != "" {
			a.lastSpeaker = s
			return s, via, true
		}
	}
	// Subject before the verb, in the same sentence: nearest person.
	sFrom, _ := a.sentenceBounds(vi)
	for j := vi - 1; j >= sFrom; j-- {
		if e, ok := a.entityAt(j); ok && e.Type == marsad.Person {
			s := a.speakerOf(e)
			a.lastSpeaker = s
			return s, via, true
		}
	}
	if a.lastSpeaker.name != "" && a.subjectless(region[0], region[1]) {
		return a.lastSpeaker, via, true
	}
	return speaker{}, "", false
}

// subjectless reports whether the tokens after a verb hold no subject of
// their own: nothing, a colon, قوله, or a prepositional phrase.
func (a *analysis) subjectless(from, to int) bool {
	for j := from; j < to; j++ {
		t := a.toks[j]
		if t.Kind == arabic.Punct {
			continue
		}
		n := a.norm[j]
		if n == "قوله" || n == "قولها" || phraseStops[n] {
			return true
		}
		if _, ok := a.entityAt(j); ok {
			return false
		}
		return j > from+2
	}
	return true
}

// maxSubjectSpan is how many tokens after a reporting verb its
// complementizer or colon may stand: the subject with its title and a
// circumstantial phrase between («وقال المتحدث باسم وزارة الخارجية
// الأمريكية مارك تونر رداً على سؤال لأحد الصحفيين في الموجز الصحفي
// اليومي امس: إنه …»).
const maxSubjectSpan = 24

// maxSubjectOffset is how many words after a reporting verb an
// organisation may start and still be its subject («وقالت في بيان لها
// وزارة الخارجية»).
const maxSubjectOffset = 5

// spokenTo reports whether token j opens the outlet a speaker talks to:
// an outlet word with ل attached (لوكالة، للصحيفة، لقناة).
func (a *analysis) spokenTo(j int) bool {
	n := strings.TrimPrefix(a.norm[j], "و")
	if r, ok := strings.CutPrefix(n, "لل"); ok {
		return outletHeads[r] || outletAnaphora["ال"+r]
	}
	if r, ok := strings.CutPrefix(n, "ل"); ok {
		return outletHeads[r]
	}
	return false
}

// phraseSpeaker picks the speaker named in tokens [from, to): a person if
// one is named; a descriptive phrase when it opens with a head such as
// مستشار or مصدر and names no person; an organisation; an outlet by
// anaphora (الصحيفة → the last outlet named); or the bare noun phrase.
func (a *analysis) phraseSpeaker(from, to int) speaker {
	if from >= to {
		return speaker{}
	}
	// "ونقلت الصحيفة …", "وذكرت وكالة “إنترفاكس” …": the outlet speaks,
	// whatever names follow.
	if f := a.firstWord(from, to); f >= 0 {
		if inSet(outletAnaphora, a.norm[f]) {
			if o := a.lastOutlet(f); o.name != "" {
				return o
			}
		}
		if o, ok := a.outletAt[f]; ok && inSet(outletHeads, a.norm[f]) {
			return o
		}
	}
	if f := a.firstWord(from, to); f >= 0 && f+2 < to && unnamedSpokesmen[a.norm[f]] && a.norm[f+1] == "باسم" {
		// "وقال متحدث باسم وزير الخارجية الإيطالي باولو جنتيلوني إن":
		// a spokesman without the article is unnamed; the one named after
		// باسم is whom he speaks for.
		end := f + 2
		for end < to && a.ent[end] < 0 && a.toks[end].Kind != arabic.Punct && end < f+8 {
			end++
		}
		return speaker{name: a.text(f, end)}
	}
	for j := from; j < to; j++ {
		if e, ok := a.entityAt(j); ok && e.Type == marsad.Person {
			return a.speakerOf(e)
		}
		if j > from && a.ent[j] < 0 && (affiliationStops[a.norm[j]] || clauseStops[a.norm[j]]) {
			break // "مستشار … التابع للمشير حفتر", "قوات … بقيادة X": X is not the speaker
		}
		if a.toks[j].Kind == arabic.Punct && a.toks[j].Text != "“" && a.toks[j].Text != "”" && a.toks[j].Text != "\"" && a.toks[j].Text != "–" && a.toks[j].Text != "-" &&
			!arabic.AbbreviationPeriod(a.toks, j) { // "وأكد د. علام أن"
			break
		}
	}
	first := from
	for first < to && a.toks[first].Kind == arabic.Punct {
		first++
	}
	if first >= to || phraseStops[a.norm[first]] {
		return speaker{} // "أشار إلى أن": إلى is never a speaker
	}
	if honorifics[a.norm[first]] {
		if s, ok := a.honorificHolder(first); ok {
			return s
		}
	}
	if inSet(outletAnaphora, a.norm[first]) {
		if o := a.lastOutlet(first); o.name != "" {
			return o
		}
	}
	if inSet(outletHeads, a.norm[first]) {
		if o, ok := a.outletAt[first]; ok {
			return o
		}
	}
	if inSet(descriptiveHeads, a.norm[first]) {
		return a.named(a.nounPhrase(first, to))
	}
	for j := from; j < to; j++ {
		if j > first && a.spokenTo(j) {
			break // "وقالت المصادر لوكالة فرانس برس": the agency listens
		}
		if e, ok := a.entityAt(j); ok && e.Type == marsad.Organization {
			return a.speakerOf(e)
		}
		if a.toks[j].Kind == arabic.Punct || j-first >= maxSubjectOffset {
			// Further on, an organisation is in the object: «وأكد دعم
			// مسار حقوق الإنسان وتلبية دعوة الحكومة اليمنية».
			break
		}
	}
	// A bare definite noun phrase ("قوات الشرق"): only when it starts the
	// region and looks like a name, never a time word.
	if a.unlikelySpeaker(first) {
		return speaker{}
	}
	construct := first+1 < to && strings.HasPrefix(a.norm[first+1], "ال") && isWord(a.toks[first+1]) && !phraseStops[a.norm[first]]
	if (strings.HasPrefix(a.norm[first], "ال") || construct) && !a.isTime(first) {
		// Only definite words follow in such a name (قوات الشرق الليبي،
		// مدير التنسيق والمتابعة), or a name the lexicon does not know
		// (العالمة النفسية كارول دامياني): «دعا الرئيس وسائل الإعلام إلى
		// …» names الرئيس, and وسائل الإعلام is whom he called on.
		np := a.nounPhrase(first, to)
		if n := len(strings.Fields(np)); n > 1 {
			j := first + 1
			for j < first+n && (strings.HasPrefix(a.norm[j], "ال") || strings.HasPrefix(a.norm[j], "وال") || !arabic.Known(a.norm[j])) {
				j++
			}
			np = a.text(first, j)
		}
		return a.named(np)
	}
	// Last resort: the words right after the verb name the speaker even
	// when the tagger missed them ("وقال دا سيلفا إن", "وقال لافروف بعد
	// محادثات …").
	if first == from && !a.isTime(first) && !isParticiple(a.norm[first]) && a.verb[first] == 0 {
		if np := a.nounPhrase(first, to); np != "" && len(strings.Fields(np)) <= 3 && !hasObjectSuffix(a.norm[first]) {
			return a.named(np)
		}
	}
	return speaker{}
}

// notSpeakers are words that open the phrase after a reporting verb and
// never name who speaks: quantifiers, adverbs, abstract objects ("لافتا
// الانتباه إلى", "أعرب عن أمله").
// The last of them are what a verb of saying takes as its object,
// never who speaks: «كشف النقاب عن»، «أكد حرص سموه على»، «أكد أهمية»،
// «بينت عاقبة السوء».
var notSpeakers = func() map[string]bool {
	m := setOf(`عدد واحد واحدة العديد الكثير التالي الانتباه أكثر أقل خاصة ضرورة مدى وسط صلى
	يجب ينبغي يمكن يرجى إننا إنني إنهم إنها أننا أنني نقلا متحدثا متحدثة لكل
	المزاعم الادعاءات الاتهامات الشائعات الإشاعات
	النقاب حرص أهمية استعداد رغبة التزام عاقبة اهتمام تمسك`)
	for w := range phraseAdverbs {
		m[w] = true
	}
	return m
}()

// determiners may open a speaker's description: بعض and أحد before any
// definite noun, the demonstratives before a noun of sources
// (unlikelySpeaker).
var determiners = setOf(`هذه هذا تلك ذلك هؤلاء بعض أحد احد`)

// sourceNouns are plural nouns of sources and reports that speak in news
// copy, bare of the article: "وذكرت تلك التقارير أن".
var sourceNouns = setOf(`مصادر تقارير أنباء انباء معلومات تسريبات مسؤولين مسئولين لاعبين سلف شهود سكان مراقبين محللين خبراء`)

// honorifics are the pronoun-suffixed titles that stand for a person:
// "وأكد سموه أن", "وقال معاليه".
var honorifics = setOf(`سموه سموها معاليه معاليها سماحته فضيلته سعادته جلالته دولته فخامته`)

// honorificCues are the words before a person's name that an honorific
// pronoun refers back to: «صاحب السمو الملكي الأمير … وقال سموه»، «معالي
// الدكتور … وأكد معاليه». معالي addresses a minister at home; a foreign
// minister is named without it, so وزير alone is no cue.
var honorificCues = map[string]map[string]bool{
	arabic.Normalize("سموه"):    setOf(`سمو السمو الأمير الأميرة`),
	arabic.Normalize("سموها"):   setOf(`سمو السمو الأميرة`),
	arabic.Normalize("معاليه"):  setOf(`معالي`),
	arabic.Normalize("معاليها"): setOf(`معالي`),
	arabic.Normalize("سماحته"):  setOf(`سماحة المفتي الشيخ`),
	arabic.Normalize("فضيلته"):  setOf(`فضيلة الشيخ`),
	arabic.Normalize("سعادته"):  setOf(`سعادة`),
	arabic.Normalize("جلالته"):  setOf(`جلالة`),
	arabic.Normalize("دولته"):   setOf(`دولة`),
	arabic.Normalize("فخامته"):  setOf(`فخامة`),
}

// honorificHolder returns the person an honorific pronoun at token i
// stands for: of the persons named before it with one of the pronoun's
// cues, the last speaker when he is one of them, else the nearest.
func (a *analysis) honorificHolder(i int) (speaker, bool) {
	cues := honorificCues[a.norm[i]]
	if cues == nil {
		return speaker{}, false
	}
	var best marsad.Entity
	found := false
	for j := i - 1; j >= 0; j-- {
		if a.ent[j] < 0 || j > 0 && a.ent[j-1] == a.ent[j] {
			continue // not the first word of a name
		}
		e, ok := a.entityAt(j)
		if !ok || e.Type != marsad.Person || !a.cuedBefore(j, cues) {
			continue
		}
		if a.lastSpeaker.id != "" && e.ID == a.lastSpeaker.id {
			// The one who spoke last is the one the text goes on
			// about: «وبيّن الشيخ علي الحذيفي أن … وقال فضيلته».
			return a.speakerOf(e), true
		}
		if !found {
			best, found = e, true // the nearest, unless the last speaker is among them
		}
	}
	if !found {
		return speaker{}, false
	}
	return a.speakerOf(best), true
}

// cuedBefore reports whether one of cues stands in the five words before
// the name at token j, with no punctuation and no other person between
// («معالي وزير الخدمة المدنية خالد …»).
func (a *analysis) cuedBefore(j int, cues map[string]bool) bool {
	for k := j - 1; k >= 0 && k >= j-5; k-- {
		if inSet(cues, a.norm[k]) && a.ent[k] < 0 {
			return true
		}
		if e, ok := a.entityAt(k); ok && e.Type == marsad.Person {
			return false // another person's name: the cue is his
		}
		if a.toks[k].Kind == arabic.Punct {
			return false
		}
	}
	return false
}

// unlikelySpeaker reports whether the word at i cannot open a speaker's
// name or description: a stopword, a number, a preposition attached to
// a noun (بالانجليزية، للصحفيين، بصوت), a noun with a possessive pronoun
// (اسمه، أمله، ثقته: "أعرب عن أمله"), or one of notSpeakers.
func (a *analysis) unlikelySpeaker(i int) bool {
	n := a.norm[i]
	raw := a.toks[i].Text
	if determiners[n] && i+1 < len(a.norm) && isWord(a.toks[i+1]) {
		// "هذه المصادر", "بعض المسؤولين", "أحد الشهود": a determiner
		// before a plural of sources or officials.
		next, definite := strings.CutPrefix(a.norm[i+1], "ال")
		if definite && (n == "بعض" || n == "احد") {
			return false // "أحد التجار", "بعض اللاعبين": one of a group
		}
		return !(inSet(descriptiveHeads, next) || sourceNouns[next])
	}
	switch {
	case n == "" || arabic.IsStopword(n) || notSpeakers[n] || notSpeakers[strings.TrimPrefix(n, "و")]:
		return true
	case !arabic.IsArabicLetter([]rune(n)[0]):
		return true // «Lifestyle»: a speaker is named in Arabic
	case strings.HasSuffix(strings.TrimSuffix(raw, "ا"), "\u064b"):
		return true // «مستحيلاً»: an adverb in the accusative
	case strings.ContainsAny(n, "0123456789٠١٢٣٤٥٦٧٨٩"):
		return true
	case honorifics[n]:
		return false
	case (strings.HasPrefix(n, "بال") || strings.HasPrefix(n, "لل") || strings.HasPrefix(n, "كال")) && len([]rune(n)) > 4:
		return true
	case len([]rune(n)) == 1:
		return true
	}
	// A possessive ه on the written word (ة is the feminine ending, which
	// normalization folds into ه): أمله, اسمه; not عبدالله, not طه.
	if r := []rune(raw); len(r) > 3 && r[len(r)-1] == 'ه' && !strings.HasSuffix(raw, "الله") && !strings.HasSuffix(raw, "لله") {
		return true
	}
	return false
}

// hasObjectSuffix reports whether a word ends in an attached pronoun
// ("موافقتها", "رفضهم"): the verb's object, not its subject.
func hasObjectSuffix(n string) bool {
	for _, suf := range []string{"ها", "هم", "هن", "هما", "نا", "كم"} {
		if strings.HasSuffix(n, suf) && len([]rune(n)) > len([]rune(suf))+2 {
			return true
		}
	}
	return false
}

// firstWord returns the first word token in [from, to), or -1.
func (a *analysis) firstWord(from, to int) int {
	for j := from; j < to; j++ {
		if isWord(a.toks[j]) {
			return j
		}
	}
	return -1
}

// named links a speaker phrase to the article's entity it names: a person
// whose name ends with the phrase ("لافروف" → سيرجي لافروف) or equals it.
func (a *analysis) named(phrase string) speaker {
	p := " " + arabic.Normalize(phrase)
	if strings.TrimSpace(p) == "" {
		return speaker{}
	}
	for _, e := range a.in.Entities {
		if e.Type != marsad.Person && e.Type != marsad.Organization {
			continue
		}
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			if strings.HasSuffix(" "+arabic.Normalize(n), p) {
				return a.speakerOf(e)
			}
		}
	}
	if e, ok := a.titled(phrase); ok {
		return a.speakerOf(e)
	}
	if e, ok := a.headed(phrase); ok {
		return a.speakerOf(e)
	}
	return speaker{name: phrase}
}

// headed returns the one organisation of the article whose name opens
// with the institution word the phrase is (الوزارة after وزارة الصحة,
// الشركة after شركة أرامكو): «وأوضحت الوزارة أن». Two or more leave it.
func (a *analysis) headed(phrase string) (marsad.Entity, bool) {
	words := strings.Fields(arabic.Normalize(phrase))
	if len(words) != 1 || !strings.HasPrefix(words[0], "ال") || !orgHeadWords[strings.TrimPrefix(words[0], "ال")] {
		return marsad.Entity{}, false
	}
	head := strings.TrimPrefix(words[0], "ال")
	return a.onlyEntity(marsad.Organization, func(e marsad.Entity) bool {
		name := strings.Fields(arabic.Normalize(e.Name))
		return len(name) >= 2 && strings.TrimPrefix(name[0], "ال") == head
	})
}

// orgHeadWords are the institution words a bare reference to an
// organisation named in full earlier is.
var orgHeadWords = setOf(`وزارة هيئة شركة جامعة وكالة مؤسسة جمعية لجنة رئاسة أمانة إدارة مديرية بلدية محكمة نيابة سفارة قنصلية منظمة حركة جماعة`)

// titled returns the one person of the article whose role opens with the
// title phrase, as news refers back to a person named with a role
// («قال المتحدث باسم التحالف أحمد عسيري …، وأضاف المتحدث أن»). Two or
// more such persons leave the phrase unresolved. The phrase is one or two
// words, and the title's first word must be one of titles (a person's).
func (a *analysis) titled(phrase string) (marsad.Entity, bool) {
	words := strings.Fields(arabic.Normalize(phrase))
	if len(words) == 0 || len(words) > 2 || !personRoles[strings.TrimPrefix(words[0], "ال")] {
		return marsad.Entity{}, false
	}
	return a.onlyEntity(marsad.Person, func(e marsad.Entity) bool {
		return slices.ContainsFunc(e.Roles, func(r marsad.Role) bool {
			rw := strings.Fields(arabic.Normalize(r.Role))
			if len(rw) < len(words) {
				return false
			}
			for k, w := range words {
				if strings.TrimPrefix(rw[k], "ال") != strings.TrimPrefix(w, "ال") {
					return false
				}
			}
			return true
		})
	})
}

// onlyEntity returns the article's one entity of type typ that match
// accepts, and false when none or several do.
func (a *analysis) onlyEntity(typ marsad.EntityType, match func(marsad.Entity) bool) (marsad.Entity, bool) {
	var found marsad.Entity
	n := 0
	for _, e := range a.in.Entities {
		if e.Type == typ && match(e) {
			found = e
			n++
		}
	}
	return found, n == 1
}

// personRoles are the title words a bare reference to a person named
// earlier with a role opens with.
var personRoles = setOf(`متحدث ناطق وزير رئيس سفير مدير محافظ أمير قائد مستشار مسؤول مسئول نائب أمين مبعوث مندوب مدرب مشرف عميد لواء عقيد محامي`)

// nounPhrase returns up to four words from i, stopping at punctuation and
// at prepositions, relative pronouns and complementizers.
func (a *analysis) nounPhrase(i, to int) string {
	j := i
	for j < to && j < i+4 {
		if a.toks[j].Kind == arabic.Punct || (j > i && (phraseStops[a.norm[j]] || strings.HasPrefix(a.norm[j], "لل") || toOutlet(a.norm[j]) || a.blessing(j) || phraseAdverbs[a.norm[j]])) || a.isTime(j) {
			break // «واعلنت موبايلي مسبقا»: an adverb ends the name
		}
		j++
	}
	if a.norm[i] == "الله" {
		return a.text(i, i+1) // «قال الله تعالى»: the epithet is no part of the name
	}
	return a.text(i, j)
}

// phraseAdverbs open no speaker (notSpeakers) and end a speaker's noun
// phrase («واعلنت موبايلي مسبقا»).
var phraseAdverbs = setOf(`مسبقا سابقا لاحقا رسميا أيضا كذلك مجددا مؤخرا حاليا دائما عادة غالبا مرارا تكرارا`)

// describeVerbs take their object right after them («ووصف الاتفاق
// النووي بأنه …»): the speaker is named before, or earlier.
var describeVerbs = setOf(`وصف وصفت يصف تصف`)

// describedObject reports whether the words [from, to) after a verb of
// describing are what it describes: a definite noun (ووصف الاتفاق النووي
// بأنه) or a verbal noun and its genitive (ووصف استهداف الأبرياء بالأمر
// الخطير), with no name in their first two words and no role or source
// word first.
// «وصفت دوائر دبلوماسية القرار بأنه» names its subject after the verb.
func (a *analysis) describedObject(from, to int) bool {
	if from >= to {
		return false
	}
	for j := from; j < to && j < from+2; j++ {
		if a.ent[j] >= 0 {
			return false // a name right after the verb is its subject
		}
	}
	n := a.norm[from]
	bare := strings.TrimPrefix(n, "ال")
	if personRoles[bare] || descriptiveHeads[n] || descriptiveHeads[bare] || inSet(outletHeads, bare) || inSet(outletAnaphora, n) {
		return false
	}
	return strings.HasPrefix(n, "ال") || from+1 < to && strings.HasPrefix(a.norm[from+1], "ال")
}

// blessings open the formulas that follow a name: صلى الله عليه وسلم،
// رضي الله عنه، رحمه الله، حفظه الله، عليه السلام.
var blessings = setOf(`صلى رضي رحمه رحمها حفظه حفظها عليه`)

// blessing reports whether a formula of blessing starts at j: one of
// blessings before الله or السلام.
func (a *analysis) blessing(j int) bool {
	return blessings[a.norm[j]] && j+1 < len(a.norm) && (a.norm[j+1] == "الله" || a.norm[j+1] == "السلام")
}

// toOutlet reports whether a word addresses an outlet («وقال تشانغ لوكالة
// أنباء يونهاب»): the speaker's name has ended before it.
func toOutlet(n string) bool {
	rest, ok := strings.CutPrefix(n, "ل")
	return ok && outletHeads[rest]
}

func (a *analysis) isTime(i int) bool {
	t := a.toks[i]
	for _, x := range a.in.Times {
		if t.Start < x.End && x.Start < t.End {
			return true
		}
	}
	return false
}

// relativeDenial finds "(الأمر) الذي نفته X" / "وهو ما نفاه X" inside
// [from, to) and returns where the denied clause ends and who denies.
func (a *analysis) relativeDenial(from, to int) (int, speaker) {
	for j := from + 1; j < to; j++ {
		if a.verb[j] != vDeny {
			continue
		}
		p := a.norm[j-1]
		if p != "الذي" && p != "التي" && p != "ما" {
			continue
		}
		start := j - 1
		if start-1 >= from && (a.norm[start-1] == "الامر" || a.norm[start-1] == "وهو" || a.norm[start-1] == "وهي") {
			start--
		}
		for start > from && a.toks[start-1].Kind == arabic.Punct {
			start--
		}
		sEnd := min(len(a.toks), j+12)
		return start, a.phraseSpeaker(j+1, sEnd)
	}
	return -1, speaker{}
}

func (a *analysis) addQuote(s speaker, via string, kind marsad.QuoteKind, from, to int, direct bool, sentence int) int {
	for to > from && (a.toks[to-1].Kind == arabic.Punct && a.toks[to-1].Text != "؟" && a.toks[to-1].Text != "?") {
		to--
	}
	q := marsad.Quote{
		Speaker:   s.name,
		SpeakerID: s.id,
		Text:      a.text(from, to),
		Kind:      kind,
		Via:       via,
		Start:     a.toks[from].Start,
		End:       a.toks[to-1].End,
	}
	for i, o := range a.quotes {
		if o.Start == q.Start && o.End == q.End && o.Speaker == q.Speaker {
			// «فضح X … قائلا، إن …»: the verb and its participle found the
			// same words; they are one quote.
			return i
		}
	}
	a.quotes = append(a.quotes, q)
	a.qmeta = append(a.qmeta, quoteMeta{sentence: sentence, denies: -1, direct: direct, context: a.sentenceText(sentence)})
	if !direct {
		if a.reported == nil {
			a.reported = map[int]bool{}
		}
		for i := from; i < to; i++ {
			a.reported[i] = true
		}
	}
	return len(a.quotes) - 1
}

// addDenialOf records that denier denies quote qi.
func (a *analysis) addDenialOf(qi int, denier speaker, at int) {
	claim := a.quotes[qi]
	if claim.Kind == marsad.Statement {
		a.quotes[qi].Kind = marsad.Claim
	}
	d := marsad.Quote{
		Speaker: denier.name, SpeakerID: denier.id, Kind: marsad.Denial,
		Text: claim.Text, Start: claim.Start, End: claim.End,
	}
	a.quotes = append(a.quotes, d)
	a.qmeta = append(a.qmeta, quoteMeta{sentence: a.sentOf[min(at, len(a.toks)-1)], denies: qi, context: a.sentenceText(a.sentOf[min(at, len(a.toks)-1)])})
}

// scanOutlets records the outlets the article names ("صحيفة "وول ستريت
// جورنال"", "وكالة “إنترفاكس”", "وكالة الأنباء الليبية") so that
// "الصحيفة" later refers back to them.
func (a *analysis) scanOutlets() {
	a.outletAt = map[int]speaker{}
	a.outlets = a.outlets[:0]
	for i := range a.toks {
		if inSet(outletHeads, a.norm[i]) {
			if o := a.outletName(i); o.name != "" {
				a.outletAt[i] = o
				a.outlets = append(a.outlets, i)
			}
		}
	}
}

// lastOutlet returns the last outlet named at or before token i.
func (a *analysis) lastOutlet(i int) speaker {
	k := sort.SearchInts(a.outlets, i+1) // outlets at positions <= i
	if k == 0 {
		return speaker{}
	}
	return a.outletAt[a.outlets[k-1]]
}

// outletName reads the outlet named after the head word at i.
func (a *analysis) outletName(i int) speaker {
	j := i + 1
	if j < len(a.toks) && (isOpenMark(a.toks[j].Text) || a.toks[j].Text == "\"") {
		k := j + 1
		for k < len(a.toks) && k < j+6 && !(isCloseMark(a.toks[k].Text) || a.toks[k].Text == "\"") {
			k++
		}
		if k < len(a.toks) && k > j+1 && k < j+6 {
			return speaker{name: a.text(j+1, k), typ: marsad.Organization}
		}
		return speaker{}
	}
	if e, ok := a.entityAt(j); ok && e.Type == marsad.Organization {
		return a.speakerOf(e)
	}
	if e, ok := a.entityAt(i); ok && e.Type == marsad.Organization {
		return a.speakerOf(e)
	}
	return speaker{}
}

// anonymousSource reports whether a speaker is an unnamed source: مصدر،
// مصادر، المصدر … and what follows them (مصدر دبلوماسي مسؤول).
func anonymousSource(name string) bool {
	first, _, _ := strings.Cut(arabic.Normalize(name), " ")
	switch strings.TrimPrefix(first, "ال") {
	case "مصدر", "مصادر", "متحدث", "مسءول", "مسءولون":
		return true
	}
	// A bare title the article gives no name for («ونفى الوزير صحة
	// التقارير»): who holds it speaks, and the title ends at the thing.
	return !strings.Contains(name, " ") && strings.HasPrefix(first, "ال") && personRoles[strings.TrimPrefix(first, "ال")]
}
