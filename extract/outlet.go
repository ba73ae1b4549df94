package extract

import (
	"bufio"
	_ "embed"
	"strings"
	"sync"

	"github.com/marsad-news/marsad/arabic"
)

// outlets.tsv is marsad's list of Arabic news outlets and agencies with the
// spellings they appear under (see README.md for its format and licence).
//
//go:embed outlets.tsv
var outletsTSV string

// Outlet is one known news outlet or agency.
type Outlet struct {
	Name     string   // canonical display name ("الجزيرة")
	Variants []string // other spellings, Latin names, abbreviations
	Country  string   // ISO 3166 alpha-2, lower case, or "int"
	Type     string   // agency, tv, newspaper, site, radio
	// Common is set when the name is also an everyday word or a place
	// (اليوم, الرياض, الوطن). Such a name is trusted only in a position that
	// says "this is the source" (dateline, copyright line, "المصدر:"),
	// never as a bare line near the top of a page.
	Common bool
}

var (
	outletsOnce sync.Once
	outletList  []Outlet
	outletIndex map[string]int // normalized spelling → index in outletList
)

func loadOutlets() {
	outletIndex = make(map[string]int, 512)
	sc := bufio.NewScanner(strings.NewReader(outletsTSV))
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		o := Outlet{Name: f[0]}
		if len(f) > 1 && f[1] != "" {
			o.Variants = strings.Split(f[1], "|")
		}
		if len(f) > 2 {
			o.Country = f[2]
		}
		if len(f) > 3 {
			o.Type = f[3]
		}
		if len(f) > 4 {
			o.Common = strings.Contains(f[4], "common")
		}
		outletList = append(outletList, o)
		i := len(outletList) - 1
		for _, s := range append([]string{o.Name}, o.Variants...) {
			k := outletKey(s)
			if _, dup := outletIndex[k]; !dup && k != "" {
				outletIndex[k] = i // the first outlet to claim a spelling keeps it
			}
		}
	}
}

// Outlets returns the shipped list of known outlets, in file order.
func Outlets() []Outlet {
	outletsOnce.Do(loadOutlets)
	return append([]Outlet(nil), outletList...)
}

// outletKey is the matching form of an outlet name: normalized, with
// punctuation and quotes dropped, so that "«الجزيرة نت»" and "الجزيره.نت"
// meet.
func outletKey(s string) string {
	s = arabic.Normalize(s)
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case r == ' ':
			space = true
			continue
		case isQuoteOrPunct(r) && r != '+':
			if r == '.' || r == '-' {
				space = true
			}
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// Generic words that come before an outlet's name and are not part of it.
var outletPrefixes = []string{"صحيفة", "جريدة", "موقع", "وكالة", "وكالة أنباء", "قناة", "شبكة", "مجلة", "بوابة", "تلفزيون", "إذاعة", "راديو"}

// LookupOutlet reports the canonical name of the known outlet s names, and
// whether it is one. It ignores tashkeel, hamza forms, quotes, case, and a
// generic prefix such as "صحيفة" or "موقع".
func LookupOutlet(s string) (canonical string, ok bool) {
	o, ok := lookupOutlet(s)
	if !ok {
		return "", false
	}
	return o.Name, true
}

func lookupOutlet(s string) (Outlet, bool) {
	outletsOnce.Do(loadOutlets)
	if len(s) > 200 {
		return Outlet{}, false
	}
	k := outletKey(s)
	if k == "" {
		return Outlet{}, false
	}
	if i, ok := outletIndex[k]; ok {
		return outletList[i], true
	}
	for _, p := range outletPrefixesNorm() {
		if rest, ok := strings.CutPrefix(k, p+" "); ok {
			if i, ok := outletIndex[rest]; ok {
				return outletList[i], true
			}
		}
	}
	return Outlet{}, false
}

var (
	prefixesOnce sync.Once
	prefixesNorm []string
)

func outletPrefixesNorm() []string {
	prefixesOnce.Do(func() {
		for _, p := range outletPrefixes {
			prefixesNorm = append(prefixesNorm, outletKey(p))
		}
	})
	return prefixesNorm
}

// displayName is the form of a name marsad shows and stores: cleaned, without
// tashkeel (مِجْهَار → مجهار), without surrounding quotes.
func displayName(s string) string {
	s = arabic.Clean(s)
	var b strings.Builder
	for _, r := range s {
		if arabic.IsTashkeel(r) {
			continue
		}
		b.WriteRune(r)
	}
	return strings.TrimFunc(b.String(), func(r rune) bool {
		return r == ' ' || isQuoteOrPunct(r)
	})
}
