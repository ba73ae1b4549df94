package resolve

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/arabic"
)

// Resolver assigns article entities to canonical entities, incrementally:
// Add can be called article by article in any order; results should not
// depend on order more than necessary.
//
// How. Every distinct normalized name is a node. Nodes are joined by rules
// that only look at the names themselves and at the types they were
// tagged with (same phonetic skeleton, middle name dropped, generic
// organization head dropped, clitic stripped); those joins only ever grow,
// so the clusters they make do not depend on the order of Add. A lone name
// part (a person's surname alone) is never joined for good: each time the
// canonical entities are read it goes to the one full name that ends with
// it, or, when several do, to the one that shares a role with it, or to a
// clearly dominant one (3× the articles of the next and at least 3);
// otherwise it stays an entity of its own. Entities, Links and Why reflect
// everything added so far; the links Add returns reflect what was known
// when it was called, and a later Add can move a short form to a newly seen
// full name.
//
// Adding the same article id twice replaces its links but counts its
// names twice. A Resolver is not safe for concurrent use.
type Resolver struct {
	nodes   []*node
	byKey   map[string]int
	buckets map[string][]int

	parent  []int
	members [][]int  // root → nodes
	edges   [][]edge // root → merges inside the cluster, in order
	// rootArticles counts (node, article) pairs per root: the number of
	// articles, give or take an article that names one entity two ways.
	rootArticles []int

	links map[linkKey]int   // article entity → node
	keys  map[string]string // name → Key(name), see key

	seenMark []uint32 // node → generation of the link call that saw it (newSeen)
	seenGen  uint32
	order    []linkKey
	snapshot *snapshot
}

type linkKey struct {
	article int64
	local   string
}

// node is one normalized name with what was seen with it.
type node struct {
	key      string
	tokens   []string
	phon     []string
	votes    typeVotes
	forms    map[string]int       // surfaces with this key
	aliases  map[string]int       // other surfaces of the same article entities (lone name parts); nil until one is seen
	roles    map[string]*roleSeen // nil until one is seen: most names never get a role
	articles []int64              // ids of the articles that name it, sorted: most names are in one or two, and a map per name would cost ten times the memory
	first    int64
	// together counts, for a first and last name (isPairName), the
	// articles that named it as one entity with each longer name (node
	// id); nil until one is seen. See pairRoot.
	together map[int]int
}

type roleSeen struct {
	display map[string]int
	dates   map[string]marsad.Date
}

// edge is one recorded merge: node from was joined to node into.
type edge struct {
	from, into int
	score      float64
	reason     string
	article    int64 // article that brought the evidence, or -1
}

// NewResolver returns an empty Resolver.
func NewResolver() *Resolver {
	return &Resolver{
		byKey:   map[string]int{},
		buckets: map[string][]int{},
		links:   map[linkKey]int{},
		keys:    map[string]string{},
	}
}

// Add records the entities of one article (as Article returns them) and
// returns the canonical entity of each, as Entities would name it now. It
// works the canonical view out again for each article, so a replay of many
// articles calls Record and reads Entities and Links once at the end.
func (r *Resolver) Add(articleID int64, entities []marsad.Entity) (links []marsad.EntityLink) {
	added := r.record(articleID, entities)
	s := r.snap() // the ids of the groups as they stand now
	for _, lk := range added {
		links = append(links, marsad.EntityLink{ArticleID: lk.article, LocalID: lk.local, EntityID: s.idFor(r.find(r.links[lk]), lk.article)})
	}
	return links
}

// Record is Add without the links: it records the entities of one article
// for Entities and Links to read later. Replaying a whole store (ingest's
// rebuild) needs only the final view, and working out each article's links
// as it goes costs a scan of every full name sharing a surname per short
// form, which grows with the corpus.
func (r *Resolver) Record(articleID int64, entities []marsad.Entity) {
	r.record(articleID, entities)
}

// record files the entities of one article and returns their link keys.
func (r *Resolver) record(articleID int64, entities []marsad.Entity) []linkKey {
	r.snapshot = nil
	var added []linkKey
	for i := range entities {
		e := &entities[i]
		id := r.addEntity(articleID, e)
		if id < 0 {
			continue
		}
		lk := linkKey{articleID, e.ID}
		if _, ok := r.links[lk]; !ok {
			r.order = append(r.order, lk)
		}
		r.links[lk] = id
		added = append(added, lk)
	}
	return added
}

// addEntity records one article entity and returns its node, or -1 when
// it has no usable name.
func (r *Resolver) addEntity(articleID int64, e *marsad.Entity) int {
	key := r.key(e.Name)
	if key == "" {
		return -1
	}
	typ := e.Type
	counts := r.surfaceCounts(e)
	main := r.node(key, typ, articleID)
	n := r.nodes[main]
	n.forms[strings.TrimSpace(e.Name)] += counts[e.Name]
	for _, al := range e.Aliases {
		ak := r.key(al)
		switch {
		case ak == "":
		case ak == key:
			n.forms[strings.TrimSpace(al)] += counts[al]
		case typ == marsad.Person && len(nameTokens(al)) < 2:
			if n.aliases == nil {
				n.aliases = map[string]int{}
			}
			n.aliases[strings.TrimSpace(al)] += counts[al]
		default:
			other := r.node(ak, typ, articleID)
			r.nodes[other].forms[strings.TrimSpace(al)] += counts[al]
			if typ == marsad.Person && r.namedTogether(main, other) {
				continue // a pair and a longer name: decided by pairRoot
			}
			if r.find(main) != r.find(other) { // else union is a no-op: spare the reason
				r.union(main, other, edge{from: other, into: main, score: scoreSameArticle,
					reason: fmt.Sprintf("both names of one entity in article %d", articleID), article: articleID})
			}
		}
	}
	newRole := false
	for _, role := range e.Roles {
		rk := r.key(role.Role)
		if rk == "" {
			continue
		}
		rs := n.roles[rk]
		if rs == nil {
			rs = &roleSeen{display: map[string]int{}, dates: map[string]marsad.Date{}}
			if n.roles == nil {
				n.roles = map[string]*roleSeen{}
			}
			n.roles[rk] = rs
			newRole = true
		}
		rs.display[role.Role]++
		rs.dates[role.Seen.String()] = role.Seen
	}
	if newRole {
		r.linkByRole(main) // a role can decide a merge the names alone could not
	}
	return main
}

// key is Key, remembered: a corpus names the same people and places in the
// same few spellings over and over, and Key normalizes every word.
func (r *Resolver) key(name string) string {
	if k, ok := r.keys[name]; ok {
		return k
	}
	k := Key(name)
	if len(r.keys) >= maxCachedKeys {
		clear(r.keys) // a bound, against hostile input
	}
	r.keys[name] = k
	return k
}

// maxCachedKeys bounds the key cache.
const maxCachedKeys = 1 << 17

// surfaceCounts counts how often each of an entity's forms was mentioned;
// a form with no mention counts once.
func (r *Resolver) surfaceCounts(e *marsad.Entity) map[string]int {
	forms := append([]string{e.Name}, e.Aliases...)
	counts := make(map[string]int, len(forms))
	byKey := map[string][]string{}
	for _, f := range forms {
		k := r.key(f)
		byKey[k] = append(byKey[k], f)
	}
	for _, m := range e.Mentions {
		cands := byKey[r.key(m.Text)]
		if len(cands) == 0 {
			continue
		}
		pick := cands[0]
		for _, c := range cands {
			if c == m.Text {
				pick = c
			}
		}
		counts[pick]++
	}
	for _, f := range forms {
		if counts[f] == 0 {
			counts[f] = 1
		}
	}
	return counts
}

// node returns the node of key, creating it, and records a type vote and
// the article. A new node or a new type for a node is compared with the
// nodes that could match it.
func (r *Resolver) node(key string, typ marsad.EntityType, articleID int64) int {
	id, ok := r.byKey[key]
	if !ok {
		toks := keyTokensOf(key)
		phon := make([]string, len(toks))
		for i, t := range toks {
			phon[i] = phoneticToken(t)
		}
		id = len(r.nodes)
		r.nodes = append(r.nodes, &node{
			key: key, tokens: toks, phon: phon,
			forms: map[string]int{},
			first: articleID,
		})
		r.byKey[key] = id
		r.parent = append(r.parent, id)
		r.members = append(r.members, []int{id})
		r.edges = append(r.edges, nil)
		r.rootArticles = append(r.rootArticles, 0)
		for _, b := range r.blockingKeys(id) {
			r.buckets[b] = append(r.buckets[b], id)
		}
		if len(toks) >= 3 {
			// For pair groups (pairRoot): full names by first and last name.
			r.buckets[pairBucket(phon)] = append(r.buckets[pairBucket(phon)], id)
		}
		if len(toks) >= 3 && isPatronymic(toks[1]) {
			// For chain prefixes (finalRoot): not a blocking key, since
			// full names that share a name and a father are compared
			// under the others already.
			r.buckets[chainBucket(toks)] = append(r.buckets[chainBucket(toks)], id)
		}
	}
	n := r.nodes[id]
	if i, ok := slices.BinarySearch(n.articles, articleID); !ok {
		n.articles = slices.Insert(n.articles, i, articleID)
		r.rootArticles[r.find(id)]++
	}
	if articleID < n.first {
		n.first = articleID
	}
	if n.votes.add(typ) == 1 {
		r.link(id)
	}
	return id
}

// blockingKeys are the buckets a node is filed under; only nodes that
// share a bucket are compared.
func (r *Resolver) blockingKeys(id int) []string {
	n := r.nodes[id]
	keys := []string{"p:" + strings.Join(n.phon, " ")}
	last := n.phon[len(n.phon)-1]
	if len(n.tokens) >= 2 {
		first := []rune(last)
		keys = append(keys, "l:"+last, "f:"+n.phon[0]+"|"+string(first[0]))
	} else {
		// Without the article, so that اليونسكو meets يونسكو.
		keys = append(keys, "s:"+phoneticToken(withoutArticle(n.tokens[0])))
	}
	keys = append(keys, "c:"+blockCore(n.tokens))
	if core, ok := officialCore(n.tokens); ok && len(core) == 1 {
		// جمهورية مصر العربية joins the bucket of the one word مصر.
		keys = append(keys, "s:"+phoneticToken(withoutArticle(core[0])))
	}
	if s := stateName(n.tokens); s != "" {
		keys = append(keys, "o:"+s) // أمريكا meets الولايات المتحدة
	}
	for _, c := range cliticCandidates(n.tokens[0]) {
		if strings.Contains(n.tokens[0], " ") {
			break
		}
		keys = append(keys, "k:"+strings.Join(append([]string{c.base}, n.tokens[1:]...), " "))
	}
	return keys
}

// link compares node id with the nodes in its buckets and joins those that
// match.
func (r *Resolver) link(id int) {
	n := r.nodes[id]
	seen := r.newSeen()
	seen(id)
	for _, b := range r.blockingKeys(id) {
		for _, other := range r.buckets[b] {
			if seen(other) {
				continue
			}
			if r.find(other) == r.find(id) {
				continue
			}
			if score, reason, ok := r.match(n, r.nodes[other]); ok {
				r.union(other, id, edge{from: id, into: other, score: score, reason: reason, article: -1})
			}
		}
	}
	// This node may be the bare form of nodes that carry a clitic
	// ("حفتر" for "لحفتر"), or carry one itself.
	for _, other := range r.buckets["k:"+n.key] {
		if seen(other) {
			continue
		}
		if score, reason, ok := r.matchClitic(r.nodes[other], n); ok {
			r.union(id, other, edge{from: other, into: id, score: score, reason: reason, article: -1})
		}
	}
	for _, c := range cliticCandidates(n.tokens[0]) {
		if strings.Contains(n.tokens[0], " ") {
			break
		}
		bare := strings.Join(append([]string{c.base}, n.tokens[1:]...), " ")
		if other, ok := r.byKey[bare]; ok && !seen(other) {
			if score, reason, ok := r.matchClitic(n, r.nodes[other]); ok {
				r.union(other, id, edge{from: id, into: other, score: score, reason: reason, article: -1})
			}
		}
	}
}

// newSeen returns a set of nodes for one link call: seen(x) reports
// whether x was seen before and marks it. The marks are generation stamps
// in one array, so a call allocates nothing (a map per call was most of
// the resolver's garbage: the buckets of common names are long).
func (r *Resolver) newSeen() func(x int) bool {
	r.seenGen++
	if r.seenGen == 0 { // wrapped: old stamps could collide
		clear(r.seenMark)
		r.seenGen = 1
	}
	if len(r.seenMark) < len(r.nodes) {
		r.seenMark = append(r.seenMark, make([]uint32, len(r.nodes)-len(r.seenMark))...)
	}
	gen, mark := r.seenGen, r.seenMark
	return func(x int) bool {
		if mark[x] == gen {
			return true
		}
		mark[x] = gen
		return false
	}
}

// linkByRole compares a person's full name that just gained a role with
// the full names sharing its last name, for the one rule that reads roles.
func (r *Resolver) linkByRole(id int) {
	n := r.nodes[id]
	if len(n.tokens) < 2 || n.votes.get(marsad.Person) == 0 {
		return
	}
	for _, other := range r.buckets["l:"+n.phon[len(n.phon)-1]] {
		o := r.nodes[other]
		if other == id || r.find(other) == r.find(id) || o.votes.get(marsad.Person) == 0 {
			continue
		}
		if score, reason, ok := sameRoleSurname(n, o); ok {
			r.union(other, id, edge{from: id, into: other, score: score, reason: reason, article: -1})
		}
	}
}

// sharedTypes lists the types both nodes were tagged with, PER, ORG, LOC,
// MISC first, then any other type by name. It runs for every pair of nodes
// the blocking compares, so it appends to dst instead of allocating.
func sharedTypes(dst []marsad.EntityType, a, b *node) []marsad.EntityType {
	for i, t := range rankedTypes {
		if a.votes.ranked[i] > 0 && b.votes.ranked[i] > 0 {
			dst = append(dst, t)
		}
	}
	if len(a.votes.other) == 0 || len(b.votes.other) == 0 {
		return dst
	}
	from := len(dst)
	for t := range a.votes.other {
		if b.votes.other[t] > 0 {
			dst = append(dst, t)
		}
	}
	slices.Sort(dst[from:])
	return dst
}

// rankedTypes are the entity types in typeRank order.
var rankedTypes = [...]marsad.EntityType{marsad.Person, marsad.Organization, marsad.Location, marsad.Misc}

// typeVotes counts how often a name was tagged with each type. The four
// ranked types have a counter each: sharedTypes reads them for every pair
// of names the blocking compares, and map lookups made most of its cost.
type typeVotes struct {
	ranked [len(rankedTypes)]int
	other  map[marsad.EntityType]int // any other type (an empty one, a custom one); nil until one is seen
}

// add counts one vote for t and returns t's count.
func (v *typeVotes) add(t marsad.EntityType) int {
	if r := typeRank(t); r < len(rankedTypes) {
		v.ranked[r]++
		return v.ranked[r]
	}
	if v.other == nil {
		v.other = map[marsad.EntityType]int{}
	}
	v.other[t]++
	return v.other[t]
}

// get returns t's count.
func (v *typeVotes) get(t marsad.EntityType) int {
	if r := typeRank(t); r < len(rankedTypes) {
		return v.ranked[r]
	}
	return v.other[t]
}

// each calls fn for every type with at least one vote.
func (v *typeVotes) each(fn func(marsad.EntityType, int)) {
	for i, c := range v.ranked {
		if c > 0 {
			fn(rankedTypes[i], c)
		}
	}
	for t, c := range v.other {
		fn(t, c)
	}
}

// match applies the merge rules to two nodes of a shared type.
func (r *Resolver) match(a, b *node) (float64, string, bool) {
	var buf [len(rankedTypes)]marsad.EntityType
	for _, t := range sharedTypes(buf[:0], a, b) {
		if t == marsad.Person {
			if len(a.tokens) >= 2 && len(b.tokens) >= 2 {
				if isPairName(a.tokens) && len(b.tokens) > 2 || isPairName(b.tokens) && len(a.tokens) > 2 {
					continue // decided after clustering (pairRoot)
				}
				if s, why, ok := comparePersons(a.tokens, b.tokens); ok {
					return s, why, true
				}
				if s, why, ok := sameRoleSurname(a, b); ok {
					return s, why, true
				}
			}
			if len(a.tokens) == 1 && len(b.tokens) == 1 {
				rel, desc := tokenRelation(a.key, b.key)
				if rel == orthographic || rel == transliterate {
					s := scoreSame - costTransliterate
					if rel == orthographic {
						s = scoreSame - costOrthographic
					}
					return s, "same name, spellings differ only by " + transliterationWord(desc), true
				}
			}
			continue
		}
		if s, why, ok := compareNames(a.tokens, b.tokens, string(t)); ok {
			if t == marsad.Organization && isHeadedOrg(a.tokens) != isHeadedOrg(b.tokens) {
				continue // decided after clustering (headRoot)
			}
			if t == marsad.Organization && isHeadedOrg(a.tokens) && isHeadedOrg(b.tokens) && headKind(a.tokens[0]) != headKind(b.tokens[0]) {
				// حزب العدالة والتنمية is not جبهة العدالة والتنمية, nor
				// شركة الأبحاث منظمة الأبحاث: heads of two kinds join only
				// through the bare name (headRoot).
				continue
			}
			if t == marsad.Location && (placeWithAdjective(a.tokens, b.tokens) || placeWithAdjective(b.tokens, a.tokens)) {
				continue // decided after clustering (adjectiveRoot)
			}
			return s, why, true
		}
	}
	return 0, "", false
}

// sameRoleSurname joins two full names with one last name whose first
// names are close but not a known respelling (مايك/مايكل, أليكس/ألكسندر)
// when both were seen with the same specific role: the role is the
// evidence the names lack. Native first names never qualify: محمد بن
// سلمان and خالد بن سلمان both were "وزير الدفاع".
func sameRoleSurname(a, b *node) (float64, string, bool) {
	if len(a.tokens) != len(b.tokens) {
		return 0, "", false
	}
	last := len(a.tokens) - 1
	if rel, _ := tokenRelation(a.tokens[last], b.tokens[last]); rel == different {
		return 0, "", false
	}
	for i := 1; i < last; i++ {
		if rel, _ := relaxedRelation(a.tokens[i], b.tokens[i]); rel == different {
			return 0, "", false
		}
	}
	fa, fb := a.tokens[0], b.tokens[0]
	if isNative(fa) || isNative(fb) {
		return 0, "", false
	}
	pa, pb := phoneticToken(fa), phoneticToken(fb)
	if !strings.HasPrefix(pa, pb) && !strings.HasPrefix(pb, pa) && levenshtein(pa, pb) > 1 {
		return 0, "", false
	}
	for rk := range a.roles {
		if b.roles[rk] != nil && strings.Contains(rk, " ") {
			return scoreRoleSurname, fmt.Sprintf("same last name + same role '%s', first names '%s'/'%s' close", rk, fa, fb), true
		}
	}
	return 0, "", false
}

// matchClitic joins a name written with a proclitic to the same name
// without it, when both were tagged with one type.
//
// Between persons only, as in one article (fallbackStrip), a given name
// keeps its first letter (كمال is not ك + مال), and ك is a clitic only
// before the article or a name of several words: كيري is not ك + يري (a
// verb the tagger once took for a name), where كالزهري is ك + الزهري.
func (r *Resolver) matchClitic(withClitic, bare *node) (float64, string, bool) {
	var buf [len(rankedTypes)]marsad.EntityType
	shared := sharedTypes(buf[:0], withClitic, bare)
	if len(shared) == 0 {
		return 0, "", false
	}
	persons := len(shared) == 1 && shared[0] == marsad.Person
	if persons && isNative(withClitic.tokens[0]) {
		return 0, "", false
	}
	for _, c := range cliticCandidates(withClitic.tokens[0]) {
		if persons && strings.Contains(c.prefix, "ك") && len(withClitic.tokens) == 1 && !strings.HasPrefix(c.base, "ال") {
			continue // كالزهري and كابن عباس do read "like …"
		}
		if strings.Join(append([]string{c.base}, withClitic.tokens[1:]...), " ") == bare.key {
			return scoreClitic, fmt.Sprintf("same name after stripping the clitic '%s'", c.prefix), true
		}
	}
	return 0, "", false
}

func (r *Resolver) find(x int) int {
	for r.parent[x] != x {
		r.parent[x] = r.parent[r.parent[x]]
		x = r.parent[x]
	}
	return x
}

// union joins the clusters of a and b and records why.
func (r *Resolver) union(a, b int, e edge) {
	ra, rb := r.find(a), r.find(b)
	if ra == rb {
		return
	}
	if len(r.members[ra]) < len(r.members[rb]) {
		ra, rb = rb, ra
	}
	r.parent[rb] = ra
	r.members[ra] = append(r.members[ra], r.members[rb]...)
	r.edges[ra] = append(append(r.edges[ra], r.edges[rb]...), e)
	r.members[rb], r.edges[rb] = nil, nil
	r.rootArticles[ra] += r.rootArticles[rb]
}

// clusterType is the majority type of a cluster's votes; ties go to the
// type listed first (PER, ORG, LOC, MISC).
func (r *Resolver) clusterType(root int) marsad.EntityType {
	votes := map[marsad.EntityType]int{}
	for _, m := range r.members[root] {
		r.nodes[m].votes.each(func(t marsad.EntityType, c int) { votes[t] += c })
	}
	var best marsad.EntityType
	bestN := -1
	for t, c := range votes {
		switch {
		case c > bestN,
			c == bestN && typeRank(t) < typeRank(best),
			c == bestN && typeRank(t) == typeRank(best) && t < best: // two unknown types
			best, bestN = t, c
		}
	}
	return best
}

// isShortGroup reports whether a cluster is only lone person name parts.
func (r *Resolver) isShortGroup(root int) bool {
	for _, m := range r.members[root] {
		if len(r.nodes[m].tokens) != 1 {
			return false
		}
	}
	return r.clusterType(root) == marsad.Person
}

// attachment says where a short group went and why.
type attachment struct {
	into   int
	score  float64
	reason string
}

// finalRoot returns the cluster a cluster belongs to once lone name parts
// are attached to their full names.
func (r *Resolver) finalRoot(root int) (int, *attachment) {
	if r.isChainPrefixGroup(root) {
		return r.chainRoot(root)
	}
	if r.isPairGroup(root) {
		return r.pairRoot(root)
	}
	if r.isHeadGroup(root) {
		return r.headRoot(root)
	}
	if r.isAdjectiveGroup(root) {
		return r.adjectiveRoot(root)
	}
	if !r.isShortGroup(root) {
		return root, nil
	}
	type cand struct {
		root int
		full int    // a full-name node that matched
		part string // the lone name part
		how  string // how it matched the full name's last token
	}
	cands := map[int]cand{}
	for _, m := range r.members[root] {
		s := r.nodes[m]
		parts := []string{s.key}
		for _, c := range cliticCandidates(s.key) {
			parts = append(parts, c.base)
		}
		for pi, part := range parts {
			if utf8.RuneCountInString(part) < 3 {
				continue // "ال", "دي": not a surname to go by
			}
			for _, f := range r.buckets["l:"+phoneticToken(part)] {
				fn := r.nodes[f]
				if fn.votes.get(marsad.Person) == 0 {
					continue
				}
				lastTok := fn.tokens[len(fn.tokens)-1]
				rel, desc := tokenRelation(part, lastTok)
				if rel == different || rel == nearSpelling || pi > 0 && rel != same {
					continue
				}
				if rel == transliterate && respelledFirstLetter(part, lastTok) {
					continue // الكبير is no spelling of الجبير, nor جيري of كيري
				}
				fr := r.find(f)
				if r.clusterType(fr) != marsad.Person {
					continue
				}
				if r.isPairGroup(fr) {
					// A first and last name that is itself attached to
					// a longer name: the part goes where it goes.
					if into, att := r.pairRoot(fr); att != nil {
						fr = into
					}
				}
				if _, ok := cands[fr]; !ok {
					how := ""
					switch {
					case pi > 0:
						how = fmt.Sprintf(" (after stripping the clitic from '%s')", s.key)
					case rel != same:
						how = fmt.Sprintf(" ('%s' and '%s' differ only by %s)", part, lastTok, transliterationWord(desc))
					}
					cands[fr] = cand{root: fr, full: f, part: lastTok, how: how}
				}
			}
		}
	}
	if len(cands) == 0 || r.weakShortGroup(root) {
		return root, nil
	}
	roots := slices.Sorted(maps.Keys(cands))
	if len(roots) == 1 {
		c := cands[roots[0]]
		return c.root, &attachment{into: c.root, score: scoreShortForm,
			reason: fmt.Sprintf("short form: the only known full name ending in '%s'%s", c.part, c.how)}
	}
	// ميسي is commoner than ليونيل ميسي: a surname may be named alone more
	// often than in full. A common given name alone is mostly other men's
	// first names: عبدالله alone (140 articles) is not ماجد عبدالله (24),
	// however rarely the other full names ending in it are named, where
	// صالح alone is علي عبد الله صالح (509).
	minTop := 0
	if r.nativeGroup(root) {
		minTop = r.rootArticles[root]
	}
	return r.chooseAmong(root, roots, "shared by", minTop)
}

// chooseAmong decides which of several full-name clusters (roots, sorted)
// a short group joins: the only one with a role the group has, else a
// clearly dominant one, named in at least minTop articles, with low
// confidence, else none. how says how the full names relate to the short
// form, for the reason.
func (r *Resolver) chooseAmong(root int, roots []int, how string, minTop int) (int, *attachment) {
	shortRoles := r.roleKeys(root)
	var withRole []int
	var role string
	for _, cr := range roots {
		for rk := range r.roleKeys(cr) {
			if shortRoles[rk] {
				withRole = append(withRole, cr)
				role = rk
				break
			}
		}
	}
	if len(withRole) == 1 {
		return withRole[0], &attachment{into: withRole[0], score: scoreShortRole,
			reason: fmt.Sprintf("short form %s %d full names; only this one has the role '%s'", how, len(roots), role)}
	}
	sort.SliceStable(roots, func(i, j int) bool { return r.rootArticles[roots[i]] > r.rootArticles[roots[j]] })
	top, next := r.rootArticles[roots[0]], r.rootArticles[roots[1]]
	if top >= 3 && top >= 3*next && top >= minTop {
		return roots[0], &attachment{into: roots[0], score: scoreShortDominant,
			reason: fmt.Sprintf("low confidence: short form %s %d full names, this one is in %d articles, the next in %d", how, len(roots), top, next)}
	}
	return root, nil
}

// Pair groups. A first name and a family name (محمد القحطاني، عادل
// الجبير) is the short form of every longer name that adds middle names
// between them (محمد بن دليم القحطاني، عادل بن أحمد الجبير). Joined by a
// union, a common pair bridges different men: in the first 8 SaudiNewsNet
// zips محمد القحطاني held محمد بن دليم، محمد بن طاحوس and محمد بن عبود
// القحطاني, and 62 canonical persons held two full names with different
// middle names. Like a lone name part, a group of such pairs is attached
// after clustering: to the one full name it shortens, or, when several
// men's names share it, to the one that shares a role or a clearly
// dominant one, or to none.

// isPairName reports whether a person name's tokens are a first and a
// last name that is no father's name (محمد بن نايف is a chain prefix).
func isPairName(toks []string) bool {
	return len(toks) == 2 && !isPatronymic(toks[1]) && !isPatronymic(toks[0])
}

// namedTogether records that an article named a first and last name and
// a longer name with the same first and last name as one person, when a
// and b are such names, and reports whether they were. The article's word
// is strong evidence for that article, but a union would make the pair
// every article's: محمد العمري was محمد بن علي العمري in one article and
// محمد بن حمد العمري in another.
func (r *Resolver) namedTogether(a, b int) bool {
	pa, pb := isPairName(r.nodes[a].tokens), isPairName(r.nodes[b].tokens)
	pair, full := a, b
	switch {
	case pa && len(r.nodes[b].tokens) > 2:
	case pb && len(r.nodes[a].tokens) > 2:
		pair, full = b, a
	default:
		return false
	}
	if _, _, ok := comparePersons(r.nodes[pair].tokens, r.nodes[full].tokens); !ok {
		// Not the same first and last name with a middle one more: a
		// word the tagger glued before the name (الاتحادي منصور البلوي)
		// bridges nobody.
		return false
	}
	n := r.nodes[pair]
	if n.together == nil {
		n.together = map[int]int{}
	}
	n.together[full]++
	return true
}

// allMembers reports whether a cluster is of type typ and every name in
// it is one that name says: the groups that are attached to another
// cluster when entities are read are defined so.
func (r *Resolver) allMembers(root int, typ marsad.EntityType, name func(tokens []string) bool) bool {
	for _, m := range r.members[root] {
		if !name(r.nodes[m].tokens) {
			return false
		}
	}
	return r.clusterType(root) == typ
}

// pairBucket is the bucket of full names (three tokens or more) by the
// phonetic keys of their first and last names.
func pairBucket(phon []string) string { return "fl:" + phon[0] + "|" + phon[len(phon)-1] }

// isPairGroup reports whether a person cluster holds only pairs.
func (r *Resolver) isPairGroup(root int) bool {
	return r.allMembers(root, marsad.Person, isPairName)
}

// pairRoot is finalRoot for a pair group. Articles that named the pair
// and a longer name as one person decide first: the one cluster they
// point to, or one pointed to three times as often as the next.
func (r *Resolver) pairRoot(root int) (int, *attachment) {
	together := map[int]int{} // cluster → articles naming the pair with one of its names
	for _, m := range r.members[root] {
		for f, c := range r.nodes[m].together {
			if fr := r.find(f); fr != root && r.clusterType(fr) == marsad.Person {
				together[fr] += c
			}
		}
	}
	if len(together) > 0 {
		roots := slices.Sorted(maps.Keys(together))
		sort.SliceStable(roots, func(i, j int) bool { return together[roots[i]] > together[roots[j]] })
		top, next := together[roots[0]], 0
		if len(roots) > 1 {
			next = together[roots[1]]
		}
		if top >= 3*next {
			into := roots[0]
			return into, &attachment{into: into, score: scoreSameArticle,
				reason: fmt.Sprintf("named as one person with '%s' in %d articles, with another full name in %d", r.nodes[r.displayNode(into)].surface(), top, next)}
		}
		return root, nil
	}
	cands := map[int]string{} // cluster → the full name the pair shortens
	for _, m := range r.members[root] {
		s := r.nodes[m]
		for _, f := range r.buckets[pairBucket(s.phon)] {
			fn := r.nodes[f]
			if fn.votes.get(marsad.Person) == 0 {
				continue
			}
			fr := r.find(f)
			if fr == root || r.clusterType(fr) != marsad.Person {
				continue
			}
			if _, ok := cands[fr]; ok {
				continue
			}
			if _, _, ok := comparePersons(s.tokens, fn.tokens); ok {
				cands[fr] = fn.surface()
			}
		}
	}
	if len(cands) == 0 {
		return root, nil
	}
	roots := slices.Sorted(maps.Keys(cands))
	if len(roots) == 1 {
		return roots[0], &attachment{into: roots[0], score: scoreSubset,
			reason: fmt.Sprintf("short form: the only known full name with this first and last name, '%s'", cands[roots[0]])}
	}
	return r.chooseAmong(root, roots, "shared by", 0)
}

// Head groups. An organisation named with a generic head (شركة فاغنر،
// تنظيم داعش) is the organisation named without it, but a company or a
// front named after a place is not the place (شركة جدة، جبهة أبين), and a
// tagger types جدة as an organisation now and then. The type of the bare
// name is only known once every article has been read, so, like a lone
// name part, a group of headed names is attached after clustering: to
// the one bare name it holds when that name is mostly an organisation's.

// isHeadedOrg reports whether a name starts with a generic organisation
// head and has more after it.
func isHeadedOrg(toks []string) bool { return len(toks) >= 2 && genericOrgHeads[toks[0]] }

// isHeadGroup reports whether an organisation cluster holds only headed
// names.
func (r *Resolver) isHeadGroup(root int) bool {
	return r.allMembers(root, marsad.Organization, isHeadedOrg)
}

// headRoot is finalRoot for a head group.
func (r *Resolver) headRoot(root int) (int, *attachment) {
	cands := map[int]string{} // cluster → the reason of the match
	for _, m := range r.members[root] {
		s := r.nodes[m]
		for _, b := range r.blockingKeys(m) {
			for _, o := range r.buckets[b] {
				r.headCandidate(root, s, o, cands)
			}
		}
	}
	if len(cands) != 1 {
		return root, nil
	}
	for into, why := range cands {
		return into, &attachment{into: into, score: scoreGenericHead, reason: why + ", and the name without it is mostly no place's or person's"}
	}
	return root, nil
}

// headCandidate adds node o's cluster to cands when o is the bare name of
// the headed name s, tagged as an organisation at least once, in a cluster
// that is mostly an organisation's or a misc name's, not a place's or a
// person's.
func (r *Resolver) headCandidate(root int, s *node, o int, cands map[int]string) {
	on := r.nodes[o]
	if isHeadedOrg(on.tokens) || on.votes.get(marsad.Organization) == 0 {
		return
	}
	or := r.find(o)
	if t := r.clusterType(or); or == root || t != marsad.Organization && t != marsad.Misc {
		return // شركة جدة is no city, مؤسسة محمد بن راشد no man
	}
	if _, ok := cands[or]; ok {
		return
	}
	if _, why, ok := compareNames(s.tokens, on.tokens, string(marsad.Organization)); ok {
		cands[or] = why
	}
}

// Adjective groups. A place named with a nationality adjective is the
// place named without it (الولايات المتحدة الأمريكية), but the bare name
// would bridge every adjective ever put after it: الولايات المتحدة
// المكسيكية is Mexico, شبه الجزيرة الكورية is not شبه الجزيرة العربية.
// A group of such names is attached after clustering to the bare name
// when its adjective is the one that bare name takes: the only one, or
// one named in three times as many articles as the next.

// isPlaceWithAdjective reports whether a name of three words or more ends
// in a nationality adjective.
func isPlaceWithAdjective(toks []string) bool { return len(toks) >= 3 && isDemonym(toks[len(toks)-1]) }

// isAdjectiveGroup reports whether a place cluster holds only names that
// end in a nationality adjective.
func (r *Resolver) isAdjectiveGroup(root int) bool {
	return r.allMembers(root, marsad.Location, isPlaceWithAdjective)
}

// adjectiveRoot is finalRoot for an adjective group.
func (r *Resolver) adjectiveRoot(root int) (int, *attachment) {
	bare := -1
	var adjective string
	for _, m := range r.members[root] {
		toks := r.nodes[m].tokens
		id, ok := r.byKey[strings.Join(toks[:len(toks)-1], " ")]
		if !ok {
			continue
		}
		if b := r.find(id); b != root && r.clusterType(b) == marsad.Location {
			bare, adjective = b, toks[len(toks)-1]
			break
		}
	}
	if bare < 0 {
		return root, nil
	}
	// The other adjective groups of the same bare name.
	rivals := map[int]bool{root: true}
	for _, m := range r.members[bare] {
		bn := r.nodes[m]
		for _, o := range r.buckets["c:"+blockCore(bn.tokens)] {
			on := r.nodes[o]
			if !placeWithAdjective(on.tokens, bn.tokens) {
				continue
			}
			switch or := r.find(o); {
			case or == bare:
				// The bare name already holds a form with an adjective
				// of its own (joined in some article): شبه الجزيرة with
				// العربية is no شبه الجزيرة الكورية.
				if !sameAdjective(on.tokens[len(on.tokens)-1], adjective) {
					rivals[bare] = true
				}
			case r.isAdjectiveGroup(or):
				rivals[or] = true
			}
		}
	}
	next := 0
	for g := range rivals {
		if g != root {
			next = max(next, r.rootArticles[g])
		}
	}
	if next > 0 && r.rootArticles[root] < 3*next {
		return root, nil
	}
	reason := fmt.Sprintf("same place without the adjective '%s'", adjective)
	if next > 0 {
		reason += fmt.Sprintf(", the adjective it takes in %d articles against %d for the next", r.rootArticles[root], next)
	}
	return bare, &attachment{into: bare, score: scoreGenericHead, reason: reason}
}

// sameAdjective reports whether two normalized adjectives are one
// spelled two ways (الأمريكية/الأميركية).
func sameAdjective(a, b string) bool {
	if a == b || vowelMoved(a, b) {
		return true
	}
	rel, _ := tokenRelation(a, b)
	return rel == orthographic || rel == transliterate
}

// Chain prefixes. Saudi and Gulf news name a prince by his name and his
// father's (محمد بن نايف، فيصل بن خالد) as often as by the whole chain
// (محمد بن نايف بن عبدالعزيز آل سعود). The name comparison cannot join
// them: their last names differ (بن نايف, آل سعود), and a union would let
// a short form bridge two men who share a name and a father. Like a lone
// name part, a group of such prefixes is attached after clustering to the
// one full name that continues its chain with fathers and a family name
// only, or, when several do, to the one that shares a role, or to a
// clearly dominant one.

// minDominantChain is the fewest articles of a dominant chain (chainRoot).
const minDominantChain = 10

// chainBucket is the bucket of full names by their first name and father.
func chainBucket(toks []string) string { return "h:" + toks[0] + " " + toks[1] }

// isChainPrefixGroup reports whether a person cluster holds only names of
// two tokens, a name and a father (محمد بن نايف).
func (r *Resolver) isChainPrefixGroup(root int) bool {
	for _, m := range r.members[root] {
		if t := r.nodes[m].tokens; len(t) != 2 || !isPatronymic(t[1]) {
			return false
		}
	}
	return r.clusterType(root) == marsad.Person
}

// continuesChain reports whether a full name's tokens after a prefix are
// fathers and a family name only (بن عبدالعزيز، آل سعود).
func continuesChain(toks []string) bool {
	for _, t := range toks {
		if !isPatronymic(t) && !strings.HasPrefix(t, "ال ") {
			return false
		}
	}
	return len(toks) > 0
}

// chainRoot is finalRoot for a group of chain prefixes.
func (r *Resolver) chainRoot(root int) (int, *attachment) {
	cands := map[int]string{} // cluster → the prefix it continues
	for _, m := range r.members[root] {
		s := r.nodes[m]
		for _, f := range r.buckets[chainBucket(s.tokens)] {
			fn := r.nodes[f]
			if fn.tokens[0] != s.tokens[0] || fn.tokens[1] != s.tokens[1] || !continuesChain(fn.tokens[2:]) || fn.votes.get(marsad.Person) == 0 {
				continue
			}
			if fr := r.find(f); fr != root && r.clusterType(fr) == marsad.Person {
				if _, ok := cands[fr]; !ok {
					cands[fr] = s.key
				}
			}
		}
	}
	if len(cands) == 0 {
		return root, nil
	}
	roots := slices.Sorted(maps.Keys(cands))
	if len(roots) == 1 {
		// Even the only chain must be named about as often as the prefix,
		// or in ten articles: محمد بن إبراهيم (14 articles) is many men,
		// not the محمد بن إبراهيم بن محمد of one.
		if r.rootArticles[roots[0]] < min(r.rootArticles[root], minDominantChain) {
			return root, nil
		}
		return roots[0], &attachment{into: roots[0], score: scoreShortForm,
			reason: fmt.Sprintf("short form: the only known full name that continues the chain of '%s'", cands[roots[0]])}
	}
	// A dominant chain must be named in as many articles as the prefix, and
	// in ten at least: a prince named with his father is often as common
	// as his whole chain (فيصل بن فهد, 19 articles, is not the فيصل بن فهد
	// بن مساعد of 16), and a name and a father as common as علي بن محمد
	// belong to many men, the one named in full in 7 articles among them.
	return r.chooseAmong(root, roots, "continued by", max(r.rootArticles[root], minDominantChain))
}

// nativeGroup reports whether every name of a short group is a common
// Arabic given name.
func (r *Resolver) nativeGroup(root int) bool {
	return r.allMembers(root, marsad.Person, func(toks []string) bool { return len(toks) == 1 && isNative(toks[0]) })
}

// weakShortGroup reports whether a lone name part is too thin to join
// anyone: a common Arabic given name (صالح, حسن), mentioned once, with no
// role. Such a word is as likely a tagger's slip ("يخدم صالح الشعب") or
// another man's first name as the surname of a known person.
func (r *Resolver) weakShortGroup(root int) bool {
	mentions := 0
	for _, m := range r.members[root] {
		n := r.nodes[m]
		if !isNative(n.key) || len(n.roles) > 0 {
			return false
		}
		for _, c := range n.forms {
			mentions += c
		}
	}
	return mentions < 2
}

// loneGivenNames reports whether a group's names are all one common Arabic
// given name alone (محمد، عبدالله، عبدالعزيز): two articles' «محمد» are two
// men unless something says otherwise. A title seen with it (الأمير محمد)
// says no more; one that named the man would have attached the group to
// his full name (linkByRole).
func (r *Resolver) loneGivenNames(nodes []int) bool {
	for _, m := range nodes {
		n := r.nodes[m]
		if len(n.tokens) != 1 || !isNative(n.key) && !nativeBehindClitic(n.key) {
			return false
		}
	}
	return len(nodes) > 0 && r.clusterType(r.find(nodes[0])) == marsad.Person
}

// nativeBehindClitic reports whether a key is a conjunction or a
// preposition and a common given name (وعلي، فحسن، بحسن).
func nativeBehindClitic(key string) bool {
	for _, p := range []string{"و", "ف", "ب", "ل"} {
		if rest, ok := strings.CutPrefix(key, p); ok && isNative(rest) {
			return true
		}
	}
	return false
}

// roleKeys lists a cluster's roles, without bare honorifics that say
// nothing about who someone is.
func (r *Resolver) roleKeys(root int) map[string]bool {
	out := map[string]bool{}
	for _, m := range r.members[root] {
		for rk := range r.nodes[m].roles {
			if !strings.Contains(rk, " ") && weakRoles[rk] {
				continue
			}
			out[rk] = true
		}
	}
	return out
}

var weakRoles = normalizedSet(`السيد السيدة الشيخ الدكتور الأستاذ الحاج المهندس الآنسة`)

// displayNode picks the node that names a cluster: for people the most
// common full name (two tokens or more), for others the most common form;
// ties go to the longer, then to the smaller key.
func (r *Resolver) displayNode(root int) int {
	return r.displayNodeOf(r.members[root], r.clusterType(root) == marsad.Person)
}

// isAttachedFull reports whether a cluster of full names is one that is
// attached to another when entities are read (pair, head and adjective
// groups).
func (r *Resolver) isAttachedFull(root int) bool {
	return r.isPairGroup(root) || r.isHeadGroup(root) || r.isAdjectiveGroup(root)
}

// displayNodeOf is displayNode over any set of nodes.
func (r *Resolver) displayNodeOf(members []int, person bool) int {
	hasFull := false
	if person {
		for _, m := range members {
			if len(r.nodes[m].tokens) >= 2 {
				hasFull = true
			}
		}
	}
	best, bestN := -1, 0
	for _, m := range members {
		n := r.nodes[m]
		if hasFull && len(n.tokens) < 2 {
			continue
		}
		c := 0
		for _, k := range n.forms {
			c += k
		}
		if best < 0 {
			best, bestN = m, c
			continue
		}
		b := r.nodes[best]
		switch {
		case c > bestN,
			c == bestN && len(n.tokens) > len(b.tokens),
			c == bestN && len(n.tokens) == len(b.tokens) && n.key < b.key:
			best, bestN = m, c
		}
	}
	return best
}

// surface is a node's most common written form.
func (n *node) surface() string {
	best, bestN := n.key, 0
	for s, c := range n.forms {
		if c > bestN || c == bestN && s < best {
			best, bestN = s, c
		}
	}
	return best
}

var typePrefix = map[marsad.EntityType]string{
	marsad.Person: "per", marsad.Location: "loc", marsad.Organization: "org", marsad.Misc: "misc",
}

// entityID is the id of an entity of type t whose display name has the
// normalized key key ("per-خليفه-حفتر").
func entityID(t marsad.EntityType, key string) string {
	p, ok := typePrefix[t]
	if !ok {
		p = strings.ToLower(string(t))
		if p == "" {
			p = "ent"
		}
	}
	return p + "-" + strings.ReplaceAll(key, " ", "-")
}

// snapshot is the canonical view at one moment.
type snapshot struct {
	entities []marsad.Entity
	byID     map[string]int // entity id → index
	groups   map[string][]int
	attached map[string][]attachedGroup
	links    []marsad.EntityLink
	rootID   map[int]string
	// perArticle marks the ids of lone given names (محمد، عبدالله alone)
	// that joined no full name: nothing says two articles' «محمد» are one
	// man, so each article's is an entity of its own (idFor).
	perArticle map[string]bool
}

// idFor returns the canonical id of root's group as article sees it.
func (s *snapshot) idFor(root int, article int64) string {
	id := s.rootID[root]
	if s.perArticle[id] {
		return id + "~" + strconv.FormatInt(article, 10)
	}
	return id
}

type attachedGroup struct {
	root int
	att  *attachment
}

func (r *Resolver) snap() *snapshot {
	if r.snapshot != nil {
		return r.snapshot
	}
	s := &snapshot{byID: map[string]int{}, groups: map[string][]int{}, attached: map[string][]attachedGroup{}, rootID: map[int]string{},
		perArticle: map[string]bool{}}
	var roots []int
	for i := range r.nodes {
		if r.find(i) == i {
			roots = append(roots, i)
		}
	}
	final := map[int][]int{} // final root → roots folded into it
	attached := map[int][]attachedGroup{}
	for _, root := range roots {
		into, att := r.finalRoot(root)
		final[into] = append(final[into], root)
		if att != nil {
			attached[into] = append(attached[into], attachedGroup{root: root, att: att})
		}
	}
	for into, parts := range final {
		var nodes []int
		for _, p := range parts {
			nodes = append(nodes, r.members[p]...)
		}
		root, display := r.groupDisplay(nodes)
		id := entityID(r.clusterType(root), r.nodes[display].key)
		for _, p := range parts {
			s.rootID[p] = id
		}
		s.groups[id] = nodes
		s.attached[id] = attached[into]
		if len(attached[into]) == 0 && r.loneGivenNames(nodes) {
			s.perArticle[id] = true
		}
	}
	// A group no article entity links to (a first and last name only ever
	// seen beside longer names it could not be told between) is no
	// entity of its own: its articles are their full names'.
	linked := map[string]bool{}
	articlesOf := map[string][]int64{} // per-article ids: the articles that link to them
	for _, lk := range r.order {
		id := s.rootID[r.find(r.links[lk])]
		linked[id] = true
		if s.perArticle[id] {
			articlesOf[id] = append(articlesOf[id], lk.article)
		}
	}
	ids := make([]string, 0, len(s.groups))
	for id := range s.groups {
		if linked[id] {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	for _, id := range ids {
		e := r.canonical(id, s.groups[id])
		if !s.perArticle[id] {
			s.entities = append(s.entities, e)
			continue
		}
		arts := articlesOf[id]
		slices.Sort(arts)
		arts = slices.Compact(arts)
		for _, a := range arts {
			one := e
			one.ID = id + "~" + strconv.FormatInt(a, 10)
			one.Aliases = []string{} // the spellings and roles were counted over every article
			one.Roles = []marsad.Role{}
			one.Articles = 1
			s.entities = append(s.entities, one)
			s.groups[one.ID] = s.groups[id]
		}
	}
	sort.SliceStable(s.entities, func(i, j int) bool {
		if s.entities[i].Articles != s.entities[j].Articles {
			return s.entities[i].Articles > s.entities[j].Articles
		}
		return s.entities[i].ID < s.entities[j].ID
	})
	for i, e := range s.entities {
		s.byID[e.ID] = i
	}
	s.links = make([]marsad.EntityLink, 0, len(r.order))
	for _, lk := range r.order {
		s.links = append(s.links, marsad.EntityLink{ArticleID: lk.article, LocalID: lk.local, EntityID: s.idFor(r.find(r.links[lk]), lk.article)})
	}
	sort.SliceStable(s.links, func(i, j int) bool {
		a, b := s.links[i], s.links[j]
		if a.ArticleID != b.ArticleID {
			return a.ArticleID < b.ArticleID
		}
		return localLess(a.LocalID, b.LocalID)
	})
	r.snapshot = s
	return s
}

// localLess orders article-local ids naturally: e2 before e10.
func localLess(a, b string) bool {
	if len(a) != len(b) {
		return len(a) < len(b)
	}
	return a < b
}

// groupDisplay returns, for the nodes of a final group, the cluster whose
// type the entity takes and the node whose name it shows. The display name
// comes from the full names, first and last names attached to them
// included (عادل الجبير is commoner than عادل بن أحمد الجبير), not from
// name parts or chain prefixes; the entity's id is made from it too, so
// that id and name agree.
func (r *Resolver) groupDisplay(nodes []int) (root, display int) {
	root = r.find(nodes[0])
	var shown []int
	type kind struct{ part, attached bool }
	kinds := map[int]kind{} // by cluster: a group has many nodes, and each test reads them all
	kindOf := func(rt int) kind {
		k, ok := kinds[rt]
		if !ok {
			k = kind{part: r.isShortGroup(rt) || r.isChainPrefixGroup(rt), attached: r.isAttachedFull(rt)}
			kinds[rt] = k
		}
		return k
	}
	for _, m := range nodes {
		rt := r.find(m)
		k := kindOf(rt)
		if k.part {
			continue
		}
		if len(shown) == 0 || !k.attached && kindOf(root).attached {
			root = rt
		}
		shown = append(shown, m)
	}
	if len(shown) == 0 {
		shown = r.members[root]
	}
	return root, r.displayNodeOf(shown, r.clusterType(root) == marsad.Person)
}

// canonical builds the canonical entity of a group of nodes.
func (r *Resolver) canonical(id string, nodes []int) marsad.Entity {
	root, display := r.groupDisplay(nodes)
	name := r.nodes[display].surface()
	e := marsad.Entity{ID: id, Name: name, Type: r.clusterType(root), Aliases: []string{}, Roles: []marsad.Role{}}
	aliasCount := map[string]int{}
	type roleAgg struct {
		display map[string]int
		dates   map[string]marsad.Date
	}
	roles := map[string]*roleAgg{}
	articles := map[int64]struct{}{}
	for _, m := range nodes {
		n := r.nodes[m]
		for s, c := range n.forms {
			aliasCount[s] += c
		}
		for s, c := range n.aliases {
			aliasCount[s] += c
		}
		for rk, rs := range n.roles {
			ra := roles[rk]
			if ra == nil {
				ra = &roleAgg{display: map[string]int{}, dates: map[string]marsad.Date{}}
				roles[rk] = ra
			}
			for d, c := range rs.display {
				ra.display[d] += c
			}
			for k, d := range rs.dates {
				ra.dates[k] = d
			}
		}
		for _, a := range n.articles {
			articles[a] = struct{}{}
		}
	}
	e.Aliases = displayAliases(name, aliasCount)
	for _, ra := range roles {
		display, best := "", 0
		for d, c := range ra.display {
			if c > best || c == best && d < display {
				display, best = d, c
			}
		}
		for _, d := range ra.dates {
			e.Roles = append(e.Roles, marsad.Role{Role: display, Seen: d})
		}
	}
	sort.Slice(e.Roles, func(i, j int) bool {
		a, b := e.Roles[i], e.Roles[j]
		if !a.Seen.Time.Equal(b.Seen.Time) {
			return a.Seen.Time.Before(b.Seen.Time)
		}
		return a.Role < b.Role
	})
	e.Articles = len(articles)
	return e
}

// Entities returns the canonical entities, most articles first: id
// (type + normalized key of the display name), type, display name (the most
// common full form, as most often written), aliases (most common first),
// roles with the dates they were seen, and the number of articles.
func (r *Resolver) Entities() []marsad.Entity {
	s := r.snap()
	out := make([]marsad.Entity, len(s.entities))
	copy(out, s.entities)
	return out
}

// Links returns, for every article entity added, its canonical entity,
// ordered by article and local id.
func (r *Resolver) Links() []marsad.EntityLink {
	s := r.snap()
	out := make([]marsad.EntityLink, len(s.links))
	copy(out, s.links)
	return out
}

// Why explains how the canonical entity id was put together, one merge per
// line, e.g. "merged 'سيرغي لافروف' (article 3) into 'سيرجي لافروف': same
// last name + first names differ only by ج/غ transliteration (score
// 0.93)". It returns nil for an unknown id.
func (r *Resolver) Why(id string) []string {
	s := r.snap()
	nodes, ok := s.groups[id]
	if !ok {
		return nil
	}
	var out []string
	seenRoot := map[int]bool{}
	for _, m := range nodes {
		root := r.find(m)
		if seenRoot[root] {
			continue
		}
		seenRoot[root] = true
		for _, e := range r.edges[root] {
			out = append(out, r.explain(e.from, e.into, e.score, e.reason))
		}
	}
	for _, ag := range s.attached[id] {
		from := r.displayNode(ag.root)
		into := r.displayNode(ag.att.into)
		out = append(out, r.explain(from, into, ag.att.score, ag.att.reason))
	}
	for _, m := range nodes {
		n := r.nodes[m]
		if len(n.forms) > 1 {
			var fs []string
			for f := range n.forms {
				fs = append(fs, "'"+f+"'")
			}
			sort.Strings(fs)
			out = append(out, fmt.Sprintf("%s are one name after normalization (hamza, alef, ta marbuta, tashkeel)", strings.Join(fs, ", ")))
		}
	}
	return out
}

func (r *Resolver) explain(from, into int, score float64, reason string) string {
	f, t := r.nodes[from], r.nodes[into]
	return fmt.Sprintf("merged '%s' (article %d) into '%s': %s (score %.2f)", f.surface(), f.first, t.surface(), reason, score)
}

// displayAliases lists the other forms of a name, most used first. Forms
// that differ only in marks or hamza spelling (سورياً، اليَمَنُ) show once,
// in their most used spelling, and none that is the name's own; nor one
// that is another form behind a conjunction or preposition the
// resolution looked through (ومكة beside مكة).
func displayAliases(name string, count map[string]int) []string {
	type group struct {
		display string
		n, best int
	}
	groups := map[string]*group{}
	for s, c := range count {
		k := arabic.Normalize(s)
		g := groups[k]
		if g == nil {
			g = &group{}
			groups[k] = g
		}
		g.n += c
		if c > g.best || c == g.best && s < g.display {
			g.display, g.best = s, c
		}
	}
	nameKey := arabic.Normalize(name)
	var shown []*group
	for k, g := range groups {
		if k == nameKey {
			continue
		}
		behindClitic := false
		for _, c := range cliticCandidates(k) {
			if _, ok := groups[c.base]; ok || c.base == nameKey {
				behindClitic = true
				break
			}
		}
		if !behindClitic {
			shown = append(shown, g)
		}
	}
	sort.Slice(shown, func(i, j int) bool {
		if shown[i].n != shown[j].n {
			return shown[i].n > shown[j].n
		}
		return shown[i].display < shown[j].display
	})
	out := make([]string, len(shown))
	for i, g := range shown {
		out[i] = g.display
	}
	return out
}
