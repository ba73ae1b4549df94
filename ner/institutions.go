package ner

import (
	"strings"
	"unicode/utf8"

	"github.com/marsad-news/marsad/arabic"
)

// Institution names. ANERcorp's annotators left most names of state
// bodies untagged: in the training split وزارة is outside any entity 33
// times in 33, حكومة 22 in 22, الجيش 83 in 86, مجلس in half its uses
// (مجلس الأمن is ORG, مجلس النواب is not). A tagger learned from it cannot
// find «وزارة الدفاع» or «الجيش الليبي», yet they are the organisations
// news is about, and a news monitor that drops them loses who acted and
// who denied. Institutions adds them by the grammar of Arabic
// institution names instead of by list: a head noun from a small closed
// class (ministry, government, council, army, agency, party …) and
//
//   - when the head is indefinite (construct state, idafa): a definite
//     genitive (وزارة الخارجية، حكومة الوفاق، مجلس النواب), then any
//     number of definite nisba adjectives (الوطني، الروسية);
//   - when the head is definite: definite nisba adjectives only, since a
//     definite head takes no genitive (الجيش الليبي، البعثة الأممية، the
//     adjective chain of المجلس الروسي للشئون الدولية with its لل
//     complement).
//
// Facility heads (a base, an airport, a port) make LOC spans the same way
// and also take a place name the tagger found (قاعدة + a LOC span). A
// definite multi-word place name the tagger found takes the nisba
// adjectives after it (الولايات المتحدة الأميركية).
//
// Weak heads (centre, body, mission …) name an institution only with a
// nisba adjective or a لل complement: «هيئة المحكمة» (the bench) and
// «مركز المدينة» (the town centre) stay untagged. Generic heads (قوات،
// forces) yield to an institution head right after them: «قوات الجيش
// الليبي» gives «الجيش الليبي».
//
// This runs after the tagger, as a separate step (pipeline's NER stage),
// so that `marsad eval ner` still measures the learned model against
// ANERcorp's own conventions; the README gives the score both ways.

// headKind is the kind of an institution head noun.
type headKind uint8

const (
	headStrong   headKind = iota + 1 // names an institution with any definite genitive
	headWeak                         // needs a nisba adjective or a لل complement
	headGeneric                      // yields to an institution head right after it
	headFacility                     // a place: LOC, and takes a tagged place name
)

// institutionHeads maps normalized head bases (arabic.Normalize, without
// the article) to their kind.
var institutionHeads = normalizedKeys(headsAsWritten)

// headsAsWritten are the heads in ordinary spelling.
var headsAsWritten = map[string]headKind{
	"وزارة": headStrong, "حكومة": headStrong, "مجلس": headStrong, "جيش": headStrong,
	"وكالة": headStrong, "حزب": headStrong, "منظمة": headStrong, "جامعة": headStrong,
	"مفوضية": headStrong, "برلمان": headStrong, "سفارة": headStrong, "محكمة": headStrong,
	"جبهة": headStrong, "بنك": headStrong, "مصرف": headStrong,
	"شركة": headStrong, "لجنة": headStrong, "اتحاد": headStrong, "صندوق": headStrong,
	"قنصلية": headStrong,
	"أمانة":  headWeak, "مركز": headWeak, "هيئة": headWeak, "بعثة": headWeak,
	"مؤسسة": headWeak, "معهد": headWeak, "جمعية": headWeak, "رابطة": headWeak,
	"تحالف": headWeak, "أكاديمية": headWeak, "دائرة": headWeak,
	"إدارة": headWeak, "نقابة": headWeak, "مجموعة": headWeak, "قيادة": headWeak,
	"جماعة": headWeak, "ميليشيا": headWeak, "ميليشيات": headWeak, "مليشيا": headWeak, "مليشيات": headWeak,
	"قوات":  headGeneric,
	"قاعدة": headFacility, "مطار": headFacility, "ميناء": headFacility, "مرفأ": headFacility,
}

// definiteHeads head a name only with the article: «القيادة المركزية
// الأمريكية» is a command, «بقيادة المدرب البرتغالي» is led by a coach.
var definiteHeads = normalizedKeys(map[string]bool{"قيادة": true})

// notNames are definite adjectives with a nisba ending that describe
// rather than name: «الحكومة الحالية» is no institution's name.
var notNames = normalizedKeys(map[string]bool{
	"حالي": true, "حالية": true, "ماضي": true, "ماضية": true, "ثاني": true, "ثانية": true,
	"تالي": true, "تالية": true, "آتي": true, "معني": true, "معنية": true, "معنيين": true,
	"ذاتي": true, "ذاتية": true, "نهائي": true, "نهائية": true, "أولى": true,
	"فعلي": true, "فعلية": true, "حقيقي": true, "حقيقية": true, "أصلي": true,
	"يومي": true, "يومية": true, "أسبوعي": true, "أسبوعية": true, "شهري": true, "شهرية": true,
	"سنوي": true, "سنوية": true, "إرهابي": true, "إرهابية": true, "انقلابي": true, "انقلابية": true,
	"إجرامي": true, "إجرامية": true, "دموي": true, "دموية": true, "تكفيري": true, "تكفيرية": true,
	"موالي": true, "موالية": true, "رسمي": true, "رسمية": true, "محلي": true, "محلية": true, "شرعي": true, "شرعية": true,
	// nouns that end like one: «إدارة المستشفى» has no adjective
	"مستشفى": true, "مبنى": true, "ملتقى": true, "مقهى": true, "منتدى": true, "مرمى": true,
	"مستوى": true, "معنى": true, "نادي": true, "وادي": true, "قاضي": true,
})

// genericGenitives make a head a body every company or club has, not a
// name: «مجلس الإدارة» (the board), «لجنة الحكام».
var genericGenitives = normalizedKeys(map[string]bool{
	"إدارة": true, "أمناء": true, "حكام": true, "مستشفى": true, "نادي": true,
})

// stateBodies are the heads whose definite form with one adjective names
// a body, one per country: «الجيش الليبي», «الحكومة العراقية». Other
// heads need more in their definite form: «الشركة الهندية» is some Indian
// company, «الشركة السعودية للكهرباء» is one.
var stateBodies = normalizedKeys(map[string]bool{
	"جيش": true, "حكومة": true, "برلمان": true, "بعثة": true, "قوات": true,
	"وزارة": true, "مجلس": true, "سفارة": true, "قنصلية": true,
})

// normalizedKeys returns m with its keys in arabic.Normalize's spelling,
// so that the lists above can be written as Arabic is written.
func normalizedKeys[V any](m map[string]V) map[string]V {
	out := make(map[string]V, len(m))
	for k, v := range m {
		out[arabic.Normalize(k)] = v
	}
	return out
}

// instWords analyzes a sentence's words for the institution rules as the
// rules read them: most words are never read (mayBeHead sorts them out
// first), and the analysis costs a normalization.
type instWords struct {
	words []string
	ws    []instWord
	done  []bool
}

func (s *instWords) at(i int) *instWord {
	if s.ws == nil {
		// Most sentences have no head, quote or place to read: allocate
		// for the first that does.
		s.ws, s.done = make([]instWord, len(s.words)), make([]bool, len(s.words))
	}
	if !s.done[i] {
		s.ws[i] = analyzeInstWord(s.words[i])
		s.ws[i].raw = s.words[i]
		s.done[i] = true
	}
	return &s.ws[i]
}

// headSurfaces holds the heads as they are written (ة or ه at the end,
// plain alef or hamza at the start), for mayBeHead.
var headSurfaces = surfaces(func() map[string]bool {
	m := map[string]bool{}
	for k := range headsAsWritten {
		m[k] = true
	}
	return m
}())

// mayBeHead reports whether a token can be an institution head as written
// (with up to a conjunction, a preposition and the article before it): a
// few map lookups instead of the normalization of every word. A head
// written with marks or unusual letters is missed here, as it is rare.
func mayBeHead(tok string) bool {
	if headSurfaces[tok] {
		return true
	}
	rest := tok
	if r, ok := cutOne(rest, "وف"); ok {
		if headSurfaces[r] {
			return true
		}
		rest = r
	}
	if r, ok := cutOne(rest, "بكل"); ok {
		if headSurfaces[r] {
			return true
		}
		if r2, ok := strings.CutPrefix(r, "ل"); ok && strings.HasPrefix(rest, "ل") && headSurfaces[r2] {
			return true // لل: ل + ال with its alef dropped
		}
		rest = r
	}
	if r, ok := strings.CutPrefix(rest, "ال"); ok {
		return headSurfaces[r]
	}
	return false
}

// instWord is one token's analysis for the institution rules.
type instWord struct {
	raw      string // the token as written
	base     string
	definite bool // ال or لل among its proclitics
	conj     bool // a conjunction (و، ف) before the article
	lam      bool // the لل preposition + article
	nisba    bool // a definite relational adjective: الليبي، الروسية، الدولية
	elative  bool // an elative with the shape of a nisba: الأعلى (see elative)
}

// analyzeInstWord reads a word's proclitics for the institution rules.
// It does its own small analysis rather than arabic.SplitClitics, which
// keeps the article on a base it knows (و + الكهرباء): here the article
// is the point. A conjunction (و ف), then a preposition (ب ك ل), then the
// article, with at least three letters left; or لل. The article must be
// written with a plain alif (rawArticle): normalized, ألعاب reads ال + عاب.
func analyzeInstWord(tok string) instWord {
	n := arabic.Normalize(tok)
	if _, ok := institutionHeads[n]; ok {
		return instWord{base: n} // وكالة is no و + كالة
	}
	rest, at := n, 0
	conj := false
	if r, ok := cutOne(rest, "وف"); ok && utf8.RuneCountInString(r) >= 3 {
		rest, conj, at = r, true, 1
	}
	if r, ok := strings.CutPrefix(rest, "لل"); ok && utf8.RuneCountInString(r) >= 3 {
		w := instWord{base: r, definite: true, lam: true, conj: conj}
		w.nisba = isNisba(r)
		return w
	}
	prep := false
	if r, ok := cutOne(rest, "بكل"); ok && strings.HasPrefix(r, "ال") {
		rest, prep, at = r, true, at+1
	}
	if r, ok := strings.CutPrefix(rest, "ال"); ok && utf8.RuneCountInString(r) >= 3 && rawArticle(tok, at) {
		// An adjective takes no preposition: «بالنادي» is no nisba.
		return instWord{base: r, definite: true, conj: conj, nisba: !prep && isNisba(r), elative: elative(tok, r)}
	}
	// No article: a head may still carry a conjunction or a preposition
	// (ووزارة، بمركز، لوزارة).
	if h, ok := headBehindClitics(n, institutionHeads); ok {
		return instWord{base: h}
	}
	return instWord{base: n}
}

// headBehindClitics returns the key of heads that the normalized word n
// is: n itself, or n behind a conjunction (و ف), a preposition (ب ك ل) or
// both (ووزارة، بمركز، وبجامعة).
func headBehindClitics[V any](n string, heads map[string]V) (string, bool) {
	if _, ok := heads[n]; ok {
		return n, true
	}
	rest := n
	if r, ok := cutOne(rest, "وف"); ok {
		if _, ok := heads[r]; ok {
			return r, true
		}
		rest = r
	}
	if r, ok := cutOne(rest, "بكل"); ok {
		if _, ok := heads[r]; ok {
			return r, true
		}
	}
	return "", false
}

// cutOne cuts one leading letter of letters from s.
func cutOne(s, letters string) (string, bool) {
	r, size := utf8.DecodeRuneInString(s)
	if size == 0 || !strings.ContainsRune(letters, r) {
		return s, false
	}
	return s[size:], true
}

// elative reports whether a definite word whose base is r is an elative
// written with a final ى (الأعلى، الأدنى، الأقصى، الأولى), which
// normalizes to the shape of a nisba (الأمني). Institutions take them
// (المجلس الإسلامي الأعلى); places do not: «المدينة المنورة الأعلى في
// كميات الأمطار» ends at المنورة (extendPlace).
func elative(tok, r string) bool {
	return strings.HasSuffix(tok, "ى") && utf8.RuneCountInString(r) == 4 && strings.HasPrefix(r, "ا")
}

// isNisba reports whether a definite base reads as a relational adjective
// (ليبي، روسية، دولية …) and is not one of the describing ones.
func isNisba(base string) bool {
	if utf8.RuneCountInString(base) < 3 || notNames[base] {
		return false
	}
	for _, end := range []string{"يه", "يين", "يون", "يتين", "ي"} {
		if strings.HasSuffix(base, end) {
			return true
		}
	}
	return false
}

// rawArticle reports whether the word as written has the article's
// plain alif and lam at rune position at (after its one-letter
// proclitics), skipping the marks Normalize removes.
func rawArticle(tok string, at int) bool {
	k := 0
	var prev rune
	for _, r := range tok {
		if arabic.IsTashkeel(r) || arabic.IsFormatMark(r) || r == 'ـ' {
			continue
		}
		if k == at+1 {
			return prev == 'ا' && r == 'ل'
		}
		prev = r
		k++
	}
	return false
}

// headOf returns the head kind of a token and whether it is definite.
// Only the article and the one-letter proclitics (و ف ب ل ك) may come
// before a head.
func headOf(w instWord) headKind {
	if w.conj && w.definite {
		return 0 // «والحكومة الليبية» after a first institution: coordination, left to the tagger
	}
	return institutionHeads[w.base]
}

// Institutions adds institution and facility names and quoted names of
// organisations to one sentence's BIO tags (B-ORG, I-LOC …, "O"), in
// place. Apart from names after a person (eponyms: جامعة الملك سعود) it
// never changes a token the tagger put inside a person's name;
// a place stays a place (extended by its adjectives, or behind a facility
// head), except a country's nisba read as one after an institution
// (وزارة الصحة السعودية); a quoted title (MISC) after a newspaper or a
// company becomes an organisation.
func Institutions(words, tags []string) {
	if len(words) != len(tags) || len(words) < 2 {
		return
	}
	ws := &instWords{words: words}
	quotedNames(ws, words, tags)
	eponyms(ws, words, tags)
	found := false
	for i := 0; i < len(words); i++ {
		if end := extendPlace(ws, tags, i); end > i {
			i = end - 1
			continue
		}
		if end := retypeHeaded(ws, tags, i); end > i {
			i = end - 1
			continue
		}
		if tags[i] != "O" && tags[i] != "B-ORG" || !mayBeHead(words[i]) {
			continue
		}
		kind := headOf(*ws.at(i))
		if kind == 0 || definiteHeads[ws.at(i).base] && !ws.at(i).definite {
			continue
		}
		if kind == headGeneric && i+1 < len(words) && tags[i+1] == "O" && !ws.at(i+1).conj {
			if k := headOf(*ws.at(i + 1)); k == headStrong || k == headWeak {
				continue // the next head starts the name
			}
		}
		end, typ := institutionEnd(ws, tags, i, kind)
		if end <= i+1 {
			continue
		}
		tagSpan(tags, i, end, typ)
		// The tagger's own span may run on past the phrase: keep its type.
		for j := end; j < len(tags) && tags[j] == "I-ORG" && typ == "ORG"; j++ {
			end = j + 1
		}
		i = end - 1
		found = true
	}
	if found {
		// Again, now that the institutions are names: the short form
		// after one («القيادة المركزية الأمريكية "سنتكوم"»).
		quotedNames(ws, words, tags)
	}
}

// retypeHeaded makes an organisation of a place or misc span the tagger
// opened with an institution head (جامعة القصيم، بنك الصين، شركة جدة:
// 10 such spans on 1,600 SaudiNewsNet records, all institutions). It
// returns the span's end, or i when the span at i is no such span.
func retypeHeaded(ws *instWords, tags []string, i int) int {
	if tags[i] != "B-LOC" && tags[i] != "B-MISC" || i+1 >= len(tags) || tags[i+1] != "I-"+tags[i][2:] || !mayBeHead(ws.words[i]) {
		return i
	}
	if k := headOf(*ws.at(i)); k != headStrong && k != headWeak {
		return i
	}
	end := i + 1
	for end < len(tags) && tags[end] == tags[i+1] {
		end++
	}
	tagSpan(tags, i, end, "ORG")
	return end
}

// institutionEnd returns the end (exclusive) of the name headed at i, and
// its type, or i+1 when the head starts no name.
func institutionEnd(ws *instWords, tags []string, i int, kind headKind) (int, string) {
	typ := "ORG"
	if kind == headFacility {
		typ = "LOC"
	}
	j := i + 1
	hasNisba, hasLam := false, false
	nisbas := 0
	named := false // the genitive is a name the tagger found: the phrase needs more after it
	free := func(j int) bool {
		return tags[j] == "O" || (typ == "ORG" && strings.HasSuffix(tags[j], "-ORG") && tags[j] != "B-ORG")
	}
	if !ws.at(i).definite {
		// Construct state: a definite genitive, or for a facility a place
		// name the tagger found.
		if j >= len(ws.words) {
			return i + 1, typ
		}
		switch {
		case kind == headFacility && tags[j] == "B-LOC":
			j++
			for j < len(tags) && tags[j] == "I-LOC" {
				j++
			}
		case kind == headFacility && tags[j] == "O" && isShortForm(ws.at(j).raw) && isNameWord(ws.at(j).raw):
			// «قاعدة حميميم»: a word no lexicon knows after a facility
			// word is its name («قاعدة بيانات» is a database).
			j++
		case kind != headFacility && tags[j] == "B-ORG":
			// «مركز الأهرام للدراسات»: a tagged name inside a longer one.
			// Alone («وكالة رويترز») the name is the name, not the head.
			named = true
			j++
			for j < len(tags) && tags[j] == "I-ORG" {
				j++
			}
		case ws.at(j).definite && !ws.at(j).conj && !ws.at(j).lam && free(j) && !arabic.IsStopword(ws.at(j).base) && !genericGenitives[ws.at(j).base]:
			hasNisba = ws.at(j).nisba
			j++
			// «حزب العدالة والتنمية»: a second genitive, coordinated.
			if kind == headStrong && j < len(ws.words) && ws.at(j).conj && !ws.at(j).lam && free(j) && institutionHeads[ws.at(j).base] == 0 && !arabic.IsStopword(ws.at(j).base) {
				j++
			}
		default:
			return i + 1, typ
		}
	}
	// Adjectives, with a لل complement and coordinated adjectives. The
	// tagger reads a nisba that names a country (السعودية، المصرية) as a
	// place; after an institution it is the institution's adjective.
	nisbaPlace := func(j int) bool {
		return tags[j] == "B-LOC" && (j+1 >= len(tags) || tags[j+1] != "I-LOC") && ws.at(j).nisba && !ws.at(j).conj && !ws.at(j).lam
	}
	for j < len(ws.words) {
		w := ws.at(j)
		if !free(j) && !nisbaPlace(j) {
			break
		}
		switch {
		case w.nisba && !w.conj && !w.lam:
			hasNisba = true
			nisbas++
			j++
			continue
		case w.nisba && w.conj && hasNisba && !w.lam:
			j++ // «السياسية والاستراتيجية»
			continue
		case w.lam && !w.conj && j+1 < len(ws.words) && free(j+1) && ws.at(j+1).nisba && !ws.at(j+1).conj && !ws.at(j+1).lam:
			hasLam, hasNisba = true, true
			j += 2 // «للشئون الدولية»
			continue
		}
		break
	}
	if kind == headWeak || kind == headGeneric || ws.at(i).definite || named {
		if !hasNisba && !hasLam {
			return i + 1, typ
		}
	}
	if ws.at(i).definite && !stateBodies[ws.at(i).base] && nisbas < 2 && !hasLam {
		return i + 1, typ
	}
	if j == i+2 && !hasNisba && j < len(tags) && strings.HasPrefix(tags[j], "B-") {
		return i + 1, typ // «مطار الملك خالد»: the genitive is the start of a name
	}
	return j, typ
}

// extendPlace extends a definite multi-word place name the tagger found
// at i by the nisba adjectives after it (الولايات المتحدة الأميركية) and
// returns its new end, or i when there is none.
func extendPlace(ws *instWords, tags []string, i int) int {
	if tags[i] != "B-LOC" || !ws.at(i).definite {
		return i
	}
	j := i + 1
	for j < len(tags) && tags[j] == "I-LOC" {
		j++
	}
	if j-i < 2 {
		return i
	}
	end := j
	for end < len(tags) && tags[end] == "O" && ws.at(end).nisba && !ws.at(end).elative && !ws.at(end).conj && !ws.at(end).lam {
		tags[end] = "I-LOC"
		end++
	}
	return end
}

// tagSpan tags tokens [from, to) as one name of type typ.
func tagSpan(tags []string, from, to int, typ string) {
	for k := from; k < to; k++ {
		tags[k] = "I-" + typ
	}
	tags[from] = "B-" + typ
}
