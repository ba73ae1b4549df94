package web

import (
	"cmp"
	"context"
	"net/url"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/marsad-news/marsad"
)

// storyMaxArticles bounds the articles a story page reads for its quotes.
const storyMaxArticles = 200

// speakerQuotes is one speaker's quotes in a story.
type speakerQuotes struct {
	Speaker   string
	SpeakerID string
	Quotes    []*quoteView
}

// quoteView is a quote with where it appeared and the quotes it
// contradicts.
type quoteView struct {
	marsad.Quote
	Anchor  string
	Article marsad.ArticleRef
	Against []quoteLink // the other side of each contradiction it is in
}

type quoteLink struct {
	Anchor  string
	Speaker string
	Kind    marsad.QuoteKind
}

// contradictionView is a claim and its denial, linked to both quotes when
// the story shows them.
type contradictionView struct {
	Claim, Denial               marsad.Quote
	ClaimAnchor, DenialAnchor   string
	ClaimArticle, DenialArticle marsad.ArticleRef
}

// outletSpan is one outlet's part in a story.
type outletSpan struct {
	Outlet      string
	First, Last marsad.Date
	Articles    int
}

// storyQuotes gathers the quotes of a story's articles by speaker and links
// the contradictions the analysis found.
func storyQuotes(ctx context.Context, store marsad.Store, st *marsad.Story) ([]speakerQuotes, []contradictionView, error) {
	var all []*quoteView
	byText := map[string]*quoteView{} // speaker + text → quote, to find contradiction sides
	var contras []contradictionView
	list := st.Articles[:min(len(st.Articles), storyMaxArticles)]
	articles := make([]*marsad.Article, len(list))
	err := forEachBounded(len(list), func(i int) error {
		a, err := store.Article(ctx, list[i].ID)
		if marsad.ErrorCode(err) == marsad.ENOTFOUND {
			return nil
		}
		articles[i] = a
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	for i, sa := range list {
		a := articles[i]
		if a == nil {
			continue
		}
		for _, q := range a.Quotes {
			qv := &quoteView{Quote: q, Anchor: quoteAnchor(a.ID, q), Article: sa.ArticleRef}
			all = append(all, qv)
			byText[q.Speaker+"\x00"+q.Text] = qv
		}
		for _, c := range a.Contradictions {
			contras = append(contras, contradictionView{Claim: c.Claim, Denial: c.Denial, ClaimArticle: sa.ArticleRef, DenialArticle: sa.ArticleRef})
		}
	}
	for i := range contras {
		c := &contras[i]
		claim := byText[c.Claim.Speaker+"\x00"+c.Claim.Text]
		denial := byText[c.Denial.Speaker+"\x00"+c.Denial.Text]
		if claim != nil {
			c.ClaimAnchor, c.ClaimArticle = claim.Anchor, claim.Article
		}
		if denial != nil {
			c.DenialAnchor, c.DenialArticle = denial.Anchor, denial.Article
		}
		if claim != nil && denial != nil {
			claim.Against = append(claim.Against, quoteLink{Anchor: denial.Anchor, Speaker: denial.Speaker, Kind: marsad.Denial})
			denial.Against = append(denial.Against, quoteLink{Anchor: claim.Anchor, Speaker: claim.Speaker, Kind: marsad.Claim})
		}
	}

	groups := map[string]*speakerQuotes{}
	var order []string
	for _, q := range all {
		key := q.SpeakerID
		if key == "" {
			key = q.Speaker
		}
		g := groups[key]
		if g == nil {
			g = &speakerQuotes{Speaker: q.Speaker, SpeakerID: q.SpeakerID}
			groups[key] = g
			order = append(order, key)
		}
		g.Quotes = append(g.Quotes, q)
	}
	out := make([]speakerQuotes, 0, len(order))
	for _, k := range order {
		out = append(out, *groups[k])
	}
	slices.SortStableFunc(out, func(a, b speakerQuotes) int { return cmp.Compare(len(b.Quotes), len(a.Quotes)) })
	return out, contras, nil
}

// storyOutlets lists the outlets of a story, duplicates included, with the
// first and last dates each published on it; earliest first.
func storyOutlets(st *marsad.Story) []outletSpan {
	spans := map[string]*outletSpan{}
	add := func(ref marsad.ArticleRef) {
		name := ref.Outlet
		if name == "" {
			name = "مصدر غير معروف"
		}
		o := spans[name]
		if o == nil {
			o = &outletSpan{Outlet: name}
			spans[name] = o
		}
		o.Articles++
		if d := ref.Published; !d.IsZero() {
			if o.First.IsZero() || d.Time.Before(o.First.Time) {
				o.First = d
			}
			if o.Last.IsZero() || d.Time.After(o.Last.Time) {
				o.Last = d
			}
		}
	}
	for _, sa := range st.Articles {
		add(sa.ArticleRef)
		for _, d := range sa.Duplicates {
			add(d)
		}
	}
	out := make([]outletSpan, 0, len(spans))
	for _, o := range spans {
		out = append(out, *o)
	}
	slices.SortFunc(out, func(a, b outletSpan) int {
		switch {
		case a.First.IsZero() != b.First.IsZero():
			if a.First.IsZero() {
				return 1
			}
			return -1
		case !a.First.Time.Equal(b.First.Time):
			return a.First.Time.Compare(b.First.Time)
		}
		return cmp.Compare(a.Outlet, b.Outlet)
	})
	return out
}

// timelineChart is a timeline drawn as an SVG strip: time runs right to
// left, as Arabic reads, with a dot per event linked to its entry below.
type timelineChart struct {
	Width, Height int
	AxisY         float64
	Ticks         []chartTick
	Dots          []chartDot
}

type chartTick struct {
	X     float64
	Label string
}

type chartDot struct {
	X, Y  float64
	Href  string
	Title string
	Kind  string
}

// timelineEntry is an event of the list under the chart.
type timelineEntry struct {
	marsad.TimelineItem
	Anchor string
	Label  string              // the date in Arabic
	AlsoIn []marsad.ArticleRef // other articles telling the same event
}

// timelineYear groups entries under a year heading.
type timelineYear struct {
	Year    string
	Entries []timelineEntry
}

// buildTimeline prepares a timeline's chart and its list grouped by year.
// Items whose date cannot be read are listed under an unknown year and not
// drawn.
func buildTimeline(items []marsad.TimelineItem) (timelineChart, []timelineYear) {
	items, also := foldTimeline(items)
	const w, h, pad = 800, 110, 30.0
	chart := timelineChart{Width: w, Height: h, AxisY: 70}
	var years []timelineYear
	var first, last time.Time
	type dated struct {
		i int
		t time.Time
	}
	var ds []dated
	for i, it := range items {
		anchor := "ev-" + strconv.Itoa(i+1)
		year := "تاريخ غير معروف"
		if t, ok := whenTime(it.When); ok {
			ds = append(ds, dated{i, t})
			if first.IsZero() || t.Before(first) {
				first = t
			}
			if t.After(last) {
				last = t
			}
			year = strconv.Itoa(t.Year())
		}
		if len(years) == 0 || years[len(years)-1].Year != year {
			years = append(years, timelineYear{Year: year})
		}
		years[len(years)-1].Entries = append(years[len(years)-1].Entries, timelineEntry{TimelineItem: it, Anchor: anchor, Label: arabicWhen(it.When), AlsoIn: also[i]})
	}
	if len(ds) == 0 {
		return chart, years
	}
	// Pad the span to whole years so ticks fall on 1 January.
	from := time.Date(first.Year(), time.January, 1, 0, 0, 0, 0, time.UTC)
	to := time.Date(last.Year()+1, time.January, 1, 0, 0, 0, 0, time.UTC)
	span := to.Sub(from).Seconds()
	x := func(t time.Time) float64 {
		frac := t.Sub(from).Seconds() / span
		return round1(float64(w) - pad - frac*(float64(w)-2*pad))
	}
	nYears := to.Year() - from.Year()
	step := max(1, (nYears+9)/10)
	for y := from.Year(); y <= to.Year(); y += step {
		chart.Ticks = append(chart.Ticks, chartTick{X: x(time.Date(y, time.January, 1, 0, 0, 0, 0, time.UTC)), Label: strconv.Itoa(y)})
	}
	stack := map[float64]int{} // dots at one x stack upward
	for _, d := range ds {
		it := items[d.i]
		px := x(d.t)
		bucket := bucket10(px)
		n := stack[bucket]
		stack[bucket]++
		chart.Dots = append(chart.Dots, chartDot{
			X: px, Y: chart.AxisY - 10 - float64(min(n, 5))*9,
			Href:  "#ev-" + strconv.Itoa(d.i+1),
			Title: arabicWhen(it.When) + " — " + it.Text,
			Kind:  it.Kind,
		})
	}
	return chart, years
}

// foldTimeline merges items that tell the same event (same date, kind and
// text, as copies of one article do) into the first, returning the other
// articles of each kept item by its new index.
func foldTimeline(items []marsad.TimelineItem) ([]marsad.TimelineItem, map[int][]marsad.ArticleRef) {
	type key struct{ when, kind, text string }
	first := map[key]int{}
	also := map[int][]marsad.ArticleRef{}
	out := make([]marsad.TimelineItem, 0, len(items))
	for _, it := range items {
		k := key{it.When, it.Kind, it.Text}
		if i, ok := first[k]; ok {
			if it.Article.ID != out[i].Article.ID {
				also[i] = append(also[i], it.Article)
			}
			continue
		}
		first[k] = len(out)
		out = append(out, it)
	}
	return out, also
}

// bucket10 buckets an x coordinate to 10 units, so near dots stack.
func bucket10(x float64) float64 { return float64(int(x/10) * 10) }

// storyIndex says, for each article, which stories list it and which other
// copies of it they list (the main article and its duplicates), for the
// "also in" lines of search results and article pages.
type storyIndex struct {
	alsoIn  map[int64][]marsad.ArticleRef
	stories map[int64][]storyRef
}

// storyRef names a story an article belongs to.
type storyRef struct {
	ID    int64
	Title string
}

// dupCache holds the story index. Building it reads every story (seconds
// on a corpus of tens of thousands of articles), so it is never built on a
// request's time once it exists: a stale index is served while one
// goroutine builds its successor, and an index is only rebuilt when the
// store changed (its article count or newest article differ) or when it is
// older than storyIndexMaxAge (stories are rebuilt after articles are
// stored, so a change can trail the count).
type dupCache struct {
	mu       sync.Mutex
	ttl      time.Duration
	built    time.Time // when index was built or last found current
	made     time.Time // when index was built
	stamp    storeStamp
	index    *storyIndex
	building chan struct{} // non-nil while a build runs; closed when done
	buildErr error
}

// storeStamp is a cheap fingerprint of the store's articles.
type storeStamp struct {
	total  int
	newest int64
}

// storyIndexMaxAge is how long an index is trusted while the store's
// fingerprint stays the same.
const storyIndexMaxAge = 5 * time.Minute

// storyListPage is the page size used to read every story.
const storyListPage = 100

// storyIndex returns the current story index, building it on the first
// call and refreshing it in the background after that.
func (s *Server) storyIndex(ctx context.Context) (*storyIndex, error) {
	c := &s.dups
	c.mu.Lock()
	now := s.Now()
	if c.index != nil {
		idx := c.index
		if (now.Sub(c.built) >= c.ttl || now.Before(c.built)) && c.building == nil {
			done := make(chan struct{})
			c.building = done
			go s.refreshStoryIndex(done)
		}
		c.mu.Unlock()
		return idx, nil
	}
	wait := c.building
	if wait == nil {
		wait = make(chan struct{})
		c.building = wait
		c.mu.Unlock()
		s.refreshStoryIndex(wait)
	} else {
		c.mu.Unlock()
	}
	select {
	case <-wait:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.index == nil {
		return nil, c.buildErr
	}
	return c.index, nil
}

// refreshStoryIndex rebuilds the index unless the store is unchanged, and
// closes done. It runs apart from any request, so a client that goes away
// does not waste the build.
func (s *Server) refreshStoryIndex(done chan struct{}) {
	c := &s.dups
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	stamp, stampErr := s.storeStamp(ctx)
	c.mu.Lock()
	now := s.Now()
	if stampErr == nil && c.index != nil && stamp == c.stamp && now.Sub(c.made) < storyIndexMaxAge && !now.Before(c.made) {
		c.built = now
		c.building = nil
		c.mu.Unlock()
		close(done)
		return
	}
	c.mu.Unlock()
	idx, err := s.buildStoryIndex(ctx)
	c.mu.Lock()
	if err == nil {
		c.index, c.stamp, c.built, c.made = idx, stamp, now, now
	} else if c.index != nil {
		s.logger().Error("web: rebuild story index", "err", err)
		c.built = now // keep the old one; try again after ttl
	}
	c.buildErr = err
	c.building = nil
	c.mu.Unlock()
	close(done)
}

func (s *Server) storeStamp(ctx context.Context) (storeStamp, error) {
	list, total, err := s.Store.Articles(ctx, marsad.ArticleFilter{Limit: 1})
	if err != nil {
		return storeStamp{}, err
	}
	st := storeStamp{total: total}
	if len(list) > 0 {
		st.newest = list[0].ID
	}
	return st, nil
}

func (s *Server) buildStoryIndex(ctx context.Context) (*storyIndex, error) {
	idx := &storyIndex{alsoIn: map[int64][]marsad.ArticleRef{}, stories: map[int64][]storyRef{}}
	for offset := 0; offset < maxOffset; offset += storyListPage {
		stories, err := s.Store.Stories(ctx, marsad.StoryFilter{Limit: storyListPage, Offset: offset})
		if err != nil {
			return nil, err
		}
		for _, st := range stories {
			sr := storyRef{ID: st.ID, Title: st.Title}
			for _, sa := range st.Articles {
				group := append([]marsad.ArticleRef{sa.ArticleRef}, sa.Duplicates...)
				for _, m := range group {
					if l := idx.stories[m.ID]; len(l) == 0 || l[len(l)-1].ID != st.ID {
						idx.stories[m.ID] = append(l, sr)
					}
					for _, other := range group {
						if other.ID != m.ID {
							idx.alsoIn[m.ID] = append(idx.alsoIn[m.ID], other)
						}
					}
				}
			}
		}
		if len(stories) < storyListPage {
			break
		}
	}
	return idx, nil
}

func pathEscape(s string) string  { return url.PathEscape(s) }
func queryEscape(s string) string { return url.QueryEscape(s) }
