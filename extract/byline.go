package extract

import (
	"regexp"
	"strings"

	"github.com/marsad-news/marsad/arabic"
)

// A source's author field often holds a whole byline: SaudiNewsNet's has
// "الرياض: يوسف الحمادي", "عبدالله الدهاس (مكة المكرمة)", "واس - لندن",
// "عوض العطوي - سبق - تبوك:", "كتب - عبدالله الحنيان:", with HTML
// entities left in (&nbsp;). splitSourceByline takes it apart into the
// reporter and the dateline's place, dropping outlets and labels.

// reNamePlace is "NAME (PLACE)".
var reNamePlace = regexp.MustCompile(`^([^()]+?)\s*\(([^()]+)\)$`)

// reParenthetical is a bracketed aside: "طبرق (شرق ليبيا)".
var reParenthetical = regexp.MustCompile(`\s*\([^()]*\)`)

// reSourceBylineSplit cuts a byline at its separators; a tatweel between
// spaces ("cnn ـ دبي") is one too.
var reSourceBylineSplit = regexp.MustCompile(`\s*[-–—:|/]\s*|\s+ـ\s+`)

// bylineLabels stand in a byline for what the text is, not who wrote it.
var bylineLabels = setOfNormalized(`كتب كتبت حوار تقرير متابعة متابعات خاص ترجمة تحرير إعداد اعداد تصوير عاجل`)

// agencyNicknames are what Gulf papers call the agencies in a byline
// («الفرنسية - نيويورك»): the adjective alone, which outside a byline is
// just "French".
var agencyNicknames = map[string]string{
	arabic.Normalize("الفرنسية"):  "فرانس برس",
	arabic.Normalize("الألمانية"): "د ب أ",
}

// onlineWords follow an outlet's name for its website.
var onlineWords = setOfNormalized(`الإلكتروني الالكتروني الإلكترونية الالكترونية أونلاين اونلاين نت`)

// wireWords name news agencies in general.
var wireWords = setOfNormalized(`الوكالات وكالات`)

func setOfNormalized(list string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(list) {
		m[arabic.Normalize(w)] = true
	}
	return m
}

// splitSourceByline returns the reporter (or, without one, an agency other
// than the article's own outlet) and the place of a byline a source gave
// as its author. ok is false when s is a plain name, which stays as given.
func splitSourceByline(s, outlet string) (author, place string, ok bool) {
	s = strings.TrimFunc(unescapeEntities(s), func(r rune) bool {
		return r == ' ' || r == '\u00a0' || r == '\u200f' || r == '\u200e' || r == ':' || r == '\t'
	})
	if s == "" || wordCountMax(s, 9) > 9 {
		return "", "", false
	}
	if m := reNamePlace.FindStringSubmatch(s); m != nil {
		// "عبدالله الدهاس (مكة المكرمة)", "عكاظ (جدة)", "واس، رويترز
		// (نيويورك)", "نصير المغامسي (هاتفيا ــ جدة)".
		if where := bracketPlace(m[2]); where != "" {
			if who, ok := bylineWho(m[1], outlet); ok {
				return who, where, true
			}
		}
	}
	// "نايف الثقيل من الرياض", "«الاقتصادية» من الرياض": a reporter or
	// the outlet itself, from a place.
	if who, where, found := strings.Cut(s, " من "); found && !strings.Contains(where, " من ") && isPlaceLike(where) {
		who = strings.Trim(who, " «»\"“”'")
		ws := strings.Fields(who)
		if len(ws) == 0 {
			return "", "", false
		}
		if o, ok := lookupOutlet(ws[0]); ok && (!o.Common || o.Name == outlet) {
			return "", displayName(where), true // the outlet's own staff
		}
		if isNameLike(who) || isPersonName(who) {
			return displayName(who), displayName(where), true
		}
	}
	// "رام الله: كفاح زبون", "طبرق (شرق ليبيا): عبد الستار حتيتة": what
	// stands before the first colon, with no dash in it, is the place.
	forced := ""
	if i := strings.Index(s, ":"); i > 0 {
		head := strings.TrimSpace(reParenthetical.ReplaceAllString(s[:i], ""))
		o, isOutlet := lookupOutlet(head)
		if head != "" && !strings.ContainsAny(head, "-–—|/") && !bylineLabels[arabic.Normalize(head)] &&
			!wireWords[arabic.Normalize(head)] && (!isOutlet || o.Common) && isPlaceLike(head) && !isPersonName(head) {
			forced = displayName(head)
			s = s[i+1:]
		}
	}
	parts := reSourceBylineSplit.Split(s, -1)
	if len(parts) < 2 && forced == "" {
		return "", "", false
	}
	var rest []string
	agency, sawOutlet := "", false
	for k, p := range parts {
		p = strings.Trim(p, " «»\"“”'")
		n := arabic.Normalize(p)
		switch {
		case p == "" || bylineLabels[n]:
			continue
		case wireWords[n]:
			if agency == "" {
				agency = displayName(p)
			}
			continue
		case agencyNicknames[n] != "":
			if agency == "" {
				agency = agencyNicknames[n]
			}
			continue
		}
		if o, found := lookupOutlet(p); found && o.Common && k == 0 && forced == "" && len(parts) > 1 && isPlaceLike(p) && reporterName(parts[1]) {
			// "الرياض - عذراء الحسيني" in الرياض (the paper): before a
			// reporter's name, a city that is also an outlet's name is the
			// city; before a place ("المدينة - جدة", "اليوم - الدمام") it
			// is the outlet.
			rest = append(rest, p)
			continue
		}
		if o, found := lookupOutlet(p); found && (!o.Common || o.Name == outlet) {
			sawOutlet = true
			if agency == "" && o.Name != outlet {
				agency = o.Name
			}
			continue
		}
		rest = append(rest, p)
	}
	person := -1
	for i, p := range rest {
		if isPersonName(p) {
			person = i
			break
		}
	}
	// A place is one word or a definite phrase (الطائف، مكة المكرمة، حفر
	// الباطن); a multi-word name without the article is a person's.
	where := -1
	for i, p := range rest {
		if forced != "" {
			break
		}
		ws := strings.Fields(p)
		// Beside an outlet, a lone part that is no known name is the place:
		// "حفر الباطن - الوئام:", "وادي الدواسر-الوئام:".
		alone := len(rest) == 1 && (sawOutlet || agency != "") && !isPersonName(p) && len(ws) <= 3
		if i == person || !isPlaceLike(p) && !alone {
			continue
		}
		if len(ws) == 1 || strings.HasPrefix(arabic.Normalize(ws[0]), "ال") || person >= 0 || alone {
			where = i
			break
		}
	}
	if person < 0 {
		for i, p := range rest {
			if i != where && isNameLike(p) {
				person = i
				break
			}
		}
	}
	switch {
	case person >= 0:
		author = displayName(rest[person])
	default:
		author = agency
	}
	if where >= 0 {
		place = displayName(rest[where])
		// "سبق الطائف": the outlet glued to the place; "الرياض
		// الإلكتروني": the outlet's website, no place.
		if ws := strings.Fields(place); len(ws) > 1 {
			if o, found := lookupOutlet(ws[0]); found && (!o.Common || o.Name == outlet) {
				place = strings.Join(ws[1:], " ")
				if onlineWords[arabic.Normalize(place)] {
					place = ""
				}
			}
		}
	}
	if forced != "" {
		place = forced
	}
	if len(rest) > 0 && person < 0 && where < 0 && forced == "" {
		return "", "", false // nothing recognized: keep the field as given
	}
	return author, place, true
}

// bracketPlace returns the place in a byline's brackets, past a "by
// phone" note: "(هاتفيا ــ جدة)" is جدة. It returns "" when none is.
func bracketPlace(s string) string {
	for _, p := range reSourceBylineSplit.Split(strings.ReplaceAll(s, "ــ", "-"), -1) {
		p = strings.TrimSpace(p)
		switch arabic.Normalize(p) {
		case "", "هاتفيا", "خاص":
			continue
		}
		if isPlaceLike(p) {
			return displayName(p)
		}
		return ""
	}
	return ""
}

// bylineWho reads who a bracketed byline names: reporters (one or a
// list), or outlets and agencies. It returns the reporters, else an
// agency other than the article's own outlet, else "".
func bylineWho(s, outlet string) (string, bool) {
	var names []string
	agency := ""
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == '،' || r == ',' }) {
		p = strings.TrimSpace(p)
		if t, found := strings.CutSuffix(p, " خاص"); found {
			p = t // "عكاظ خاص"
		}
		n := arabic.Normalize(p)
		if o, found := lookupOutlet(p); found && (!o.Common || o.Name == outlet) {
			if agency == "" && o.Name != outlet {
				agency = o.Name
			}
			continue
		}
		if wireWords[n] || n == "وكالات" {
			if agency == "" {
				agency = displayName(p)
			}
			continue
		}
		if !isNameLike(p) && !isPersonName(p) {
			return "", false
		}
		names = append(names, displayName(p))
	}
	if len(names) > 0 {
		return strings.Join(names, "، "), true
	}
	return agency, true
}

// reporterName reports whether a byline part reads as a person's name: a
// known given name, or a family name with the nisba ending (عذراء
// الحسيني، بندر العتيبي), which place names seldom have.
func reporterName(p string) bool {
	p = strings.Trim(p, " «»\"“”'")
	if isPersonName(p) {
		return true
	}
	ws := strings.Fields(p)
	if len(ws) < 2 || len(ws) > 3 {
		return false
	}
	last := arabic.Normalize(ws[len(ws)-1])
	return strings.HasPrefix(last, "ال") && strings.HasSuffix(last, "ي")
}
