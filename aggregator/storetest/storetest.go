// Package storetest is the behaviour suite of aggregator.Store: what every backend promises,
// written once as a table of behaviours and run by each backend's tests against a fresh database
// per behaviour. It encodes the semantics of the bbolt store (store/doc.go), so that a second
// backend (store/postgres) is held to the same merge, fullest-copy, tombstone, retention,
// generation and story rules rather than to a copy of the tests that drifts.
//
// It checks only what a caller of the interface can observe; a backend's own invariants
// (index entries, counters on disk) are its own tests' business, through Check below.
//
// Only tests import it.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"tributary/aggregator"
	"tributary/aggregator/testenv"
)

// Options are what the suite asks of an opened store.
type Options struct {
	// Now is the store's clock (FirstSeen, Updated, tombstones, the story window).
	Now func() time.Time
	// Grouping turns story grouping on with its default options (bbolt: store.Options.Dedup).
	Grouping bool
}

// Opener opens one database: every call opens the same database again (the suite closes the store
// it had first, to check what survives a close), with the options given. The backend closes what
// is left open when the test ends.
type Opener func(t *testing.T, o Options) aggregator.Store

// Checker is implemented by a store that can verify its own invariants (bbolt's Check); the suite
// runs it after the behaviours that write.
type Checker interface {
	Check(ctx context.Context) error
}

// Run runs every behaviour of the suite as a subtest, each against a fresh database that newDB
// creates.
func Run(t *testing.T, newDB func(t *testing.T) Opener) {
	for _, b := range behaviours {
		t.Run(b.name, func(t *testing.T) {
			h := &harness{t: t, open: newDB(t), clock: testenv.NewClock(time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC))}
			h.reopen(b.grouping)
			b.run(t, h)
			h.check()
		})
	}
}

// harness holds one behaviour's store and clock.
type harness struct {
	t        *testing.T
	open     Opener
	s        aggregator.Store
	clock    *testenv.Clock
	grouping bool
}

// reopen closes the current store, if any, and opens the database again.
func (h *harness) reopen(grouping bool) {
	h.t.Helper()
	if h.s != nil {
		if err := h.s.Close(); err != nil {
			h.t.Fatalf("Close: %v", err)
		}
	}
	h.grouping = grouping
	h.s = h.open(h.t, Options{Now: h.clock.Now, Grouping: grouping})
}

func (h *harness) check() {
	h.t.Helper()
	if c, ok := h.s.(Checker); ok {
		if err := c.Check(context.Background()); err != nil {
			h.t.Errorf("Check: %v", err)
		}
	}
}

func (h *harness) save(src string, arts ...aggregator.Article) aggregator.SaveResult {
	h.t.Helper()
	res, err := h.s.SaveFeed(context.Background(), src, arts, aggregator.FetchState{LastStatus: aggregator.StatusUpdated})
	if err != nil {
		h.t.Fatalf("SaveFeed(%s): %v", src, err)
	}
	return res
}

func (h *harness) listed(src string, arts []aggregator.Article, unchanged []string) aggregator.SaveResult {
	h.t.Helper()
	res, err := h.s.SaveListed(context.Background(), src, arts, unchanged, aggregator.FetchState{})
	if err != nil {
		h.t.Fatalf("SaveListed(%s): %v", src, err)
	}
	return res
}

func (h *harness) query(q aggregator.Query) []aggregator.Article {
	h.t.Helper()
	got, err := h.s.Articles(context.Background(), q)
	if err != nil {
		h.t.Fatalf("Articles(%+v): %v", q, err)
	}
	return got
}

func (h *harness) ids(q aggregator.Query) []string { return ids(h.query(q)) }

func (h *harness) get(id string) aggregator.Article {
	h.t.Helper()
	a, err := h.s.Article(context.Background(), id)
	if err != nil {
		h.t.Fatalf("Article(%q): %v", id, err)
	}
	return a
}

func (h *harness) stats() aggregator.Stats {
	h.t.Helper()
	st, err := h.s.Stats(context.Background())
	if err != nil {
		h.t.Fatalf("Stats: %v", err)
	}
	return st
}

func (h *harness) prune(p aggregator.PrunePolicy) int {
	h.t.Helper()
	n, err := h.s.Prune(context.Background(), p)
	if err != nil {
		h.t.Fatalf("Prune(%+v): %v", p, err)
	}
	return n
}

func (h *harness) states() map[string]aggregator.FetchState {
	h.t.Helper()
	st, err := h.s.States(context.Background())
	if err != nil {
		h.t.Fatalf("States: %v", err)
	}
	return st
}

// Article builds a minimal article of source src, for tests of a store.
func Article(id, src string, date time.Time, cats ...string) aggregator.Article {
	return aggregator.Article{
		ID:         id,
		Key:        "https://example.com/" + id,
		Title:      "title of " + id,
		Body:       "<p>body of " + id + "</p>",
		Link:       "https://example.com/" + id,
		Date:       date,
		Categories: cats,
		Sources:    []string{src},
	}
}

// day returns midnight UTC of March d, 2026.
func day(d int) time.Time { return time.Date(2026, 3, d, 0, 0, 0, 0, time.UTC) }

func ids(arts []aggregator.Article) []string {
	out := make([]string, len(arts))
	for i, a := range arts {
		out[i] = a.ID
	}
	return out
}

func sorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}

// sameArticle compares articles field by field; times by instant and zone (name and offset).
func sameArticle(t *testing.T, got, want aggregator.Article) {
	t.Helper()
	for _, tm := range []struct {
		name      string
		got, want time.Time
	}{
		{"Date", got.Date, want.Date},
		{"Updated", got.Updated, want.Updated},
		{"FirstSeen", got.FirstSeen, want.FirstSeen},
	} {
		gn, gof := tm.got.Zone()
		wn, wo := tm.want.Zone()
		if !tm.got.Equal(tm.want) || gn != wn || gof != wo || tm.got.IsZero() != tm.want.IsZero() {
			t.Errorf("%s = %v, want %v", tm.name, tm.got, tm.want)
		}
	}
	got.Date, got.Updated, got.FirstSeen = time.Time{}, time.Time{}, time.Time{}
	want.Date, want.Updated, want.FirstSeen = time.Time{}, time.Time{}, time.Time{}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("article differs:\n got %#v\nwant %#v", got, want)
	}
}

// behaviour is one row of the suite.
type behaviour struct {
	name     string
	grouping bool // open with story grouping on
	run      func(t *testing.T, h *harness)
}

// behaviours is the suite; the story rows are in story.go, retention in prune.go, queries in
// query.go.
var behaviours = slices.Concat(saveBehaviours, queryBehaviours, pruneBehaviours, storyBehaviours)

var saveBehaviours = []behaviour{
	{name: "an article round-trips every field and survives a reopen", run: roundTrip},
	{name: "states round-trip, one by one and in a batch", run: statesRoundTrip},
	{name: "a second source merges: union of sources and categories, text kept", run: mergeAcrossSources},
	{name: "a source's own edit updates in place", run: updateInPlace},
	{name: "two sources with different texts never flip-flop", run: noFlipFlop},
	{name: "the fullest copy is shown, in any order", run: fullestCopy},
	{name: "source ranks: a lower-ranked source never replaces a higher-ranked one's text", run: rankedCopy},
	{name: "an ID twice in one feed: the first wins", run: sameIDTwice},
	{name: "a feed with one bad entry is stored not at all", run: rejectWholeFeed},
	{name: "a long category is stored but not indexed", run: longCategory},
	{name: "generation changes on every change and on nothing else", run: generation},
	{name: "everything survives a reopen", run: reopenKeeps},
	{name: "a canceled context reaches nothing", run: canceled},
	{name: "ping answers while the store is open, and not once it is closed", run: ping},
	{name: "concurrent writers and readers", run: concurrent},
}

func roundTrip(t *testing.T, h *harness) {
	shanghai := time.FixedZone("CST", 8*3600)
	full := aggregator.Article{
		ID:         "a1b2c3",
		Key:        "https://www.cls.cn/detail/887712",
		Title:      "2021翼支付合作伙伴大会成功举办大咖“论道”共话数字发展图景",
		Categories: []string{"金融", "财联社", "深度"},
		HeadImg:    "https://img.cls.cn/images/20211118/abc.png",
		Thumbnail:  "https://img.cls.cn/images/20211118/abc_thumb.png",
		Author:     "财联社",
		Comments:   true,
		Date:       time.Date(2021, 11, 18, 9, 6, 1, 0, shanghai),
		Updated:    time.Date(2021, 11, 18, 10, 0, 0, 123456789, time.UTC),
		FirstSeen:  time.Date(2021, 11, 18, 1, 10, 0, 0, time.UTC),
		Body:       `<div class="m-b-10"><p>` + strings.Repeat("财联社11月18日讯，", 200) + `</p><img src="https://img.cls.cn/x.png" referrerpolicy="no-referrer"></div>`,
		Link:       "https://www.cls.cn/detail/887712",
		GUID:       "https://www.cls.cn/detail/887712",
		Sources:    []string{"cls-depth"},
	}
	cases := []struct {
		name string
		src  string
		in   aggregator.Article
		want func(aggregator.Article) aggregator.Article
	}{
		{"every field", "cls-depth", full, nil},
		{"minimal, first seen stamped, a key of source NUL guid", "s", aggregator.Article{ID: "m", Key: "s\x00guid-1", Title: "t", Date: day(3), Sources: []string{"s"}},
			func(a aggregator.Article) aggregator.Article { a.FirstSeen = h.clock.Now(); return a }},
		{"odd zone and far dates", "s", aggregator.Article{ID: "z", Date: time.Date(1, 1, 1, 0, 0, 1, 0, time.FixedZone("LMT", 29143)),
			Updated: time.Date(9999, 12, 31, 23, 59, 59, 999999999, time.FixedZone("", -3*3600-1800)), FirstSeen: day(1), Sources: []string{"s"}}, nil},
		{"sources of the entry kept, feed's source added", "src", aggregator.Article{ID: "x", Date: day(2), FirstSeen: day(2), Sources: []string{"other"}},
			func(a aggregator.Article) aggregator.Article { a.Sources = []string{"other", "src"}; return a }},
		{"empty and repeated categories dropped, NUL replaced", "src", aggregator.Article{ID: "c", Date: day(2), FirstSeen: day(2), Categories: []string{"a", "", "b", "a", "c\x00d"}, Sources: []string{"src"}},
			func(a aggregator.Article) aggregator.Article { a.Categories = []string{"a", "b", "c\uFFFDd"}; return a }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if res := h.save(c.src, c.in); res.New != 1 {
				t.Fatalf("SaveFeed = %+v, want one new", res)
			}
			want := c.in
			if c.want != nil {
				want = c.want(c.in)
			}
			sameArticle(t, h.get(c.in.ID), want)
			found := false
			for _, a := range h.query(aggregator.Query{}) {
				if a.ID == c.in.ID {
					found = true
					sameArticle(t, a, want)
				}
			}
			if !found {
				t.Errorf("Articles does not list %q", c.in.ID)
			}
		})
	}
	h.reopen(false)
	sameArticle(t, h.get(full.ID), full)
	if _, err := h.s.Article(context.Background(), "missing"); !errors.Is(err, aggregator.ErrNotFound) {
		t.Errorf("Article(missing) = %v, want ErrNotFound", err)
	}
}

func statesRoundTrip(t *testing.T, h *harness) {
	ctx := context.Background()
	want := map[string]aggregator.FetchState{
		"cls-depth": {ETag: `"abc"`, LastModified: "Thu, 18 Nov 2021 01:06:01 GMT", LastFetch: day(2), LastSuccess: day(1),
			LastStatus: aggregator.StatusError, LastError: "503 Service Unavailable", ConsecutiveFailures: 3, BackoffUntil: day(3), Gone: true},
		"cls-hot": {LastStatus: aggregator.StatusNotModified},
	}
	if err := h.s.SaveState(ctx, "cls-depth", want["cls-depth"]); err != nil {
		t.Fatal(err)
	}
	if _, err := h.s.SaveFeed(ctx, "cls-hot", nil, want["cls-hot"]); err != nil {
		t.Fatal(err)
	}
	if err := h.s.SaveState(ctx, "", aggregator.FetchState{}); err == nil {
		t.Error("SaveState with an empty source name succeeded")
	}
	if ss, ok := h.s.(aggregator.StatesSaver); ok {
		t0 := time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)
		for i := range 300 {
			want[fmt.Sprintf("src-%03d", i)] = aggregator.FetchState{ETag: fmt.Sprintf(`W/"%d"`, i), LastModified: "Sun, 01 Mar 2026 08:00:00 GMT",
				LastFetch: t0.Add(time.Duration(i) * time.Second), LastSuccess: t0, LastStatus: aggregator.StatusNotModified}
		}
		batch := make(map[string]aggregator.FetchState)
		for k, v := range want {
			if strings.HasPrefix(k, "src-") {
				batch[k] = v
			}
		}
		if err := ss.SaveStates(ctx, batch); err != nil {
			t.Fatal(err)
		}
		if err := ss.SaveStates(ctx, nil); err != nil {
			t.Errorf("an empty batch: %v", err)
		}
		if err := ss.SaveStates(ctx, map[string]aggregator.FetchState{"src-000": {ETag: "changed"}, "": {ETag: "x"}}); err == nil {
			t.Error("a batch with an empty source name succeeded")
		}
	}
	h.reopen(false)
	got := h.states()
	if len(got) != len(want) {
		t.Fatalf("States holds %d, want %d", len(got), len(want))
	}
	for name, w := range want {
		g := got[name]
		if !g.LastFetch.Equal(w.LastFetch) || !g.LastSuccess.Equal(w.LastSuccess) || !g.BackoffUntil.Equal(w.BackoffUntil) {
			t.Errorf("%s: times %+v, want %+v", name, g, w)
		}
		g.LastFetch, g.LastSuccess, g.BackoffUntil = w.LastFetch, w.LastSuccess, w.BackoffUntil
		if g != w {
			t.Errorf("%s: %+v, want %+v", name, g, w)
		}
	}
}

func mergeAcrossSources(t *testing.T, h *harness) {
	depth := Article("story", "cls-depth", day(5), "金融", "深度")
	depth.Title = "深度标题"
	tele := Article("story", "cls-telegraph", day(5), "深度", "电报")
	tele.Title = "【电报标题】财联社3月5日电"
	tele.Body = "plain telegraph text"
	if res := h.save("cls-depth", depth, Article("only-depth", "cls-depth", day(4))); res.New != 2 {
		t.Fatalf("first save = %+v", res)
	}
	gen := h.s.Generation()
	if res := h.save("cls-telegraph", tele); res != (aggregator.SaveResult{Merged: 1}) {
		t.Fatalf("second source = %+v, want one merged", res)
	}
	if h.s.Generation() == gen {
		t.Error("a merge did not change the generation")
	}
	got := h.get("story")
	if !slices.Equal(got.Sources, []string{"cls-depth", "cls-telegraph"}) {
		t.Errorf("Sources = %q", got.Sources)
	}
	if !slices.Equal(got.Categories, []string{"金融", "深度", "电报"}) {
		t.Errorf("Categories = %q", got.Categories)
	}
	if got.Title != depth.Title || got.Body != depth.Body {
		t.Errorf("a shorter copy's merge replaced the text: %q", got.Title)
	}
	for _, q := range []aggregator.Query{
		{},
		{Sources: []string{"cls-depth", "cls-telegraph"}},
		{Categories: []string{"深度", "电报", "金融"}},
		{Sources: []string{"cls-depth", "cls-telegraph"}, Categories: []string{"深度", "电报"}},
	} {
		n := 0
		for _, a := range h.query(q) {
			if a.ID == "story" {
				n++
			}
		}
		if n != 1 {
			t.Errorf("Articles(%+v) lists the story %d times", q, n)
		}
	}
	if got := h.ids(aggregator.Query{Categories: []string{"电报"}}); !slices.Equal(got, []string{"story"}) {
		t.Errorf("category of the second source: %q", got)
	}
	if got := h.ids(aggregator.Query{Sources: []string{"cls-telegraph"}}); !slices.Equal(got, []string{"story"}) {
		t.Errorf("the second source: %q", got)
	}
	st := h.stats()
	if st.Articles != 2 || !reflect.DeepEqual(st.PerSource, map[string]int{"cls-depth": 2, "cls-telegraph": 1}) {
		t.Errorf("Stats = %+v", st)
	}
}

func updateInPlace(t *testing.T, h *harness) {
	cases := []struct {
		name        string
		change      func(a *aggregator.Article)
		want        aggregator.SaveResult
		wantUpdated func(now time.Time) time.Time // nil: as stored before
		wantDate    time.Time
		origUpdated time.Time
	}{
		{"title edited, updated is now", func(a *aggregator.Article) { a.Title = "edited" },
			aggregator.SaveResult{Updated: 1}, func(now time.Time) time.Time { return now }, day(5), time.Time{}},
		{"body edited with a later entry updated", func(a *aggregator.Article) { a.Body = "new body"; a.Updated = day(7) },
			aggregator.SaveResult{Updated: 1}, func(time.Time) time.Time { return day(7) }, day(5), time.Time{}},
		{"edited and redated: it moves", func(a *aggregator.Article) { a.Title = "edited"; a.Date = day(9) },
			aggregator.SaveResult{Updated: 1}, func(now time.Time) time.Time { return now }, day(9), time.Time{}},
		{"same text, other date and link: nothing moves", func(a *aggregator.Article) { a.Date = day(9); a.Link = "elsewhere" },
			aggregator.SaveResult{Unchanged: 1}, nil, day(5), time.Time{}},
		{"same text, a new category", func(a *aggregator.Article) { a.Categories = append(a.Categories, "new") },
			aggregator.SaveResult{Updated: 1}, nil, day(5), time.Time{}},
		{"identical", func(*aggregator.Article) {}, aggregator.SaveResult{Unchanged: 1}, nil, day(5), time.Time{}},
		{"edited, the entry's updated not moved: now", func(a *aggregator.Article) { a.Title = "edited" },
			aggregator.SaveResult{Updated: 1}, func(now time.Time) time.Time { return now }, day(5), day(6)},
		{"edited, the entry's updated earlier: now", func(a *aggregator.Article) { a.Title = "edited"; a.Updated = day(5) },
			aggregator.SaveResult{Updated: 1}, func(now time.Time) time.Time { return now }, day(5), day(6)},
	}
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			// Each case in its own sources and IDs of the one database.
			src := fmt.Sprintf("src%d", i)
			id := func(s string) string { return fmt.Sprintf("%s-%d", s, i) }
			orig := Article(id("x"), src, day(5), "cat")
			orig.Updated = c.origUpdated
			h.save(src, orig, Article(id("older"), src, day(1)), Article(id("newer"), src, day(8)))
			first := h.get(orig.ID)
			gen := h.s.Generation()
			h.clock.Advance(time.Hour)

			entry := orig
			entry.Categories = slices.Clone(orig.Categories)
			c.change(&entry)
			if res := h.save(src, entry); res != c.want {
				t.Fatalf("SaveFeed = %+v, want %+v", res, c.want)
			}
			got := h.get(orig.ID)
			if !got.FirstSeen.Equal(first.FirstSeen) {
				t.Errorf("first seen changed: %v, was %v", got.FirstSeen, first.FirstSeen)
			}
			wantUpdated := first.Updated
			if c.wantUpdated != nil {
				wantUpdated = c.wantUpdated(h.clock.Now())
			}
			if !got.Updated.Equal(wantUpdated) {
				t.Errorf("Updated = %v, want %v", got.Updated, wantUpdated)
			}
			if !got.Date.Equal(c.wantDate) {
				t.Errorf("Date = %v, want %v", got.Date, c.wantDate)
			}
			if c.want.Updated > 0 {
				if h.s.Generation() == gen {
					t.Error("generation unchanged after an update")
				}
				if got.Title != entry.Title || got.Body != entry.Body {
					t.Errorf("text not updated: %q %q", got.Title, got.Body)
				}
			} else if h.s.Generation() != gen {
				t.Error("generation changed without a change")
			}
			if c.change != nil && c.want.Unchanged == 1 && got.Link != orig.Link {
				t.Errorf("an unchanged text took the entry's link %q", got.Link)
			}
			// Listed once, at its (new) place.
			wantOrder := []string{id("newer"), id("x"), id("older")}
			if c.wantDate.Equal(day(9)) {
				wantOrder = []string{id("x"), id("newer"), id("older")}
			}
			if all := h.ids(aggregator.Query{Sources: []string{src}}); !slices.Equal(all, wantOrder) {
				t.Errorf("Articles = %q, want %q", all, wantOrder)
			}
			if got := h.ids(aggregator.Query{Sources: []string{src}, Categories: []string{"cat"}}); !slices.Equal(got, []string{id("x")}) {
				t.Errorf("by source and category: %q", got)
			}
			since := h.ids(aggregator.Query{Since: day(9), Sources: []string{src}})
			if c.wantDate.Equal(day(9)) != slices.Equal(since, []string{id("x")}) {
				t.Errorf("Articles(since day 9) = %q", since)
			}
		})
	}
}

func noFlipFlop(t *testing.T, h *harness) {
	a := Article("story", "a", day(5))
	a.Title = "A's headline"
	b := Article("story", "b", day(5))
	b.Title = "B's headline"
	h.save("a", a)
	h.save("b", b)
	gen := h.s.Generation()
	for round := range 3 {
		h.clock.Advance(time.Minute)
		for _, f := range []struct {
			src string
			a   aggregator.Article
		}{{"a", a}, {"b", b}} {
			if res := h.save(f.src, f.a); res != (aggregator.SaveResult{Unchanged: 1}) {
				t.Fatalf("round %d, %s: %+v", round, f.src, res)
			}
		}
	}
	if got := h.get("story"); got.Title != a.Title || !got.Updated.IsZero() {
		t.Errorf("story = %q updated %v, want A's text never updated", got.Title, got.Updated)
	}
	if h.s.Generation() != gen {
		t.Error("generation moved while nothing changed")
	}
	// B edits its own copy (as full as A's): B's text wins; A's unchanged copy does not take it back.
	b.Title = "B's edited headline"
	if res := h.save("b", b); res != (aggregator.SaveResult{Updated: 1}) {
		t.Fatalf("B's edit: %+v", res)
	}
	if res := h.save("a", a); res != (aggregator.SaveResult{Unchanged: 1}) {
		t.Fatalf("A again: %+v", res)
	}
	if got := h.get("story"); got.Title != b.Title {
		t.Errorf("title = %q, want %q", got.Title, b.Title)
	}
}

func fullestCopy(t *testing.T, h *harness) {
	for i, order := range [][]string{{"telegraph", "depth"}, {"depth", "telegraph"}} {
		t.Run(order[0]+" first", func(t *testing.T) {
			id := fmt.Sprint("story", i)
			flash := Article(id, "telegraph", day(5))
			flash.Title, flash.Body = "【标题】财联社电，快讯", "快讯正文"
			full := Article(id, "depth", day(5))
			full.Title, full.Body = "深度标题", "<p>很长的深度正文，比快讯完整得多。</p>"
			copies := map[string]aggregator.Article{"telegraph": flash, "depth": full}
			for _, src := range order {
				h.save(src, copies[src])
			}
			if got := h.get(id); got.Title != full.Title || got.Body != full.Body {
				t.Errorf("stored %q / %q, want the full copy", got.Title, got.Body)
			}
			edited := flash
			edited.Title = "【标题】财联社电，快讯（更新）"
			if res := h.save("telegraph", edited); res != (aggregator.SaveResult{Unchanged: 1}) {
				t.Errorf("the shorter copy's edit: %+v, want unchanged", res)
			}
			if got := h.get(id); got.Title != full.Title {
				t.Errorf("a shorter copy's edit replaced the full text: %q", got.Title)
			}
		})
	}
}

// rankedCopy: under one canonical link (one article), a source ranked lower cannot replace the text
// that a higher-ranked source stored, however long its copy and whether it joins or edits; the
// higher-ranked source's own edits still replace it, shorter or not; a source ranked higher takes
// the text over whatever its length; and without ranks the fullest copy wins, as before.
func rankedCopy(t *testing.T, h *harness) {
	ranker, ok := h.s.(aggregator.SourceRanker)
	if !ok {
		t.Fatal("the store does not implement aggregator.SourceRanker")
	}
	ranker.SetSourceRanks(map[string]int{"copycat": -1, "wire": 1})
	text := func(src, title, body string) aggregator.Article {
		a := Article("ranked", src, day(5))
		a.Title, a.Body = title, body
		return a
	}
	shows := func(step, title string) {
		t.Helper()
		if got := h.get("ranked").Title; got != title {
			t.Errorf("%s: shows %q, want %q", step, got, title)
		}
	}
	h.save("cls", text("cls", "快讯", "<p>快讯正文</p>"))
	padded := "<p>快讯正文</p><p>一段很长的附加内容，点击链接领取内幕消息，比原文长得多。</p>"
	if res := h.save("copycat", text("copycat", "震惊！快讯", padded)); res.Merged != 1 {
		t.Fatalf("copycat joins: %+v, want merged", res)
	}
	shows("a longer copy of a lower-ranked source joins", "快讯")
	h.save("copycat", text("copycat", "震惊！快讯（更新）", padded+"<p>更多</p>"))
	shows("the lower-ranked source edits its copy", "快讯")
	h.save("cls", text("cls", "快讯（更正）", "<p>更正</p>"))
	shows("the shown source's own shorter edit", "快讯（更正）")
	h.save("wire", text("wire", "通讯社", "<p>短</p>"))
	shows("a shorter copy of a higher-ranked source joins", "通讯社")
	h.save("cls", text("cls", "快讯（再更正）", padded+padded))
	shows("a longer edit of a source ranked below the shown one", "通讯社")

	ranker.SetSourceRanks(nil)
	h.save("copycat", text("copycat", "震惊！第三版", padded+padded+padded))
	shows("without ranks, the fullest copy", "震惊！第三版")
}

func sameIDTwice(t *testing.T, h *harness) {
	first := Article("dup", "src", day(5))
	second := first
	second.Title = "another title"
	for range 2 {
		res := h.save("src", first, second)
		if res.New+res.Unchanged != 2 || res.Updated != 0 {
			t.Fatalf("SaveFeed = %+v", res)
		}
	}
	if got := h.get("dup"); got.Title != first.Title {
		t.Errorf("title = %q, want the first entry's", got.Title)
	}
}

func rejectWholeFeed(t *testing.T, h *harness) {
	cases := []struct {
		name   string
		source string
		arts   []aggregator.Article
	}{
		{"empty source", "", []aggregator.Article{Article("a", "", day(1))}},
		{"source with NUL", "a\x00b", []aggregator.Article{Article("a", "a\x00b", day(1))}},
		{"article without id", "src", []aggregator.Article{Article("a", "src", day(1)), Article("", "src", day(1))}},
		{"id too long", "src", []aggregator.Article{Article("a", "src", day(1)), Article(strings.Repeat("x", 1025), "src", day(1))}},
		{"an entry's source with NUL", "src", []aggregator.Article{Article("a", "src", day(1)), Article("b", "x\x00", day(1))}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if _, err := h.s.SaveFeed(context.Background(), c.source, c.arts, aggregator.FetchState{ETag: "x"}); err == nil {
				t.Fatal("SaveFeed succeeded")
			}
			if st := h.stats(); st.Articles != 0 {
				t.Errorf("stored %d articles of a rejected feed", st.Articles)
			}
			if states := h.states(); len(states) != 0 {
				t.Errorf("stored the state of a rejected feed: %v", states)
			}
		})
	}
}

func longCategory(t *testing.T, h *harness) {
	long := strings.Repeat("长", 1024) // 3,072 bytes: over the 1,024 bytes an index takes
	h.save("src", Article("a", "src", day(1), long, "short"))
	if got := h.get("a"); !slices.Equal(got.Categories, []string{long, "short"}) {
		t.Errorf("categories = %d entries", len(got.Categories))
	}
	if got := h.query(aggregator.Query{Categories: []string{long}}); len(got) != 0 {
		t.Errorf("query by an unindexed category found %d", len(got))
	}
	if got := h.ids(aggregator.Query{Categories: []string{"short"}}); !slices.Equal(got, []string{"a"}) {
		t.Errorf("query by category = %q", got)
	}
	// Filters made only of names that nothing can carry select nothing, not everything.
	for _, q := range []aggregator.Query{
		{Categories: []string{long}}, {Categories: []string{""}}, {Sources: []string{""}}, {Sources: []string{"src\x00"}},
		{Sources: []string{"src"}, Categories: []string{""}},
	} {
		if got := h.query(q); len(got) != 0 {
			t.Errorf("Articles(%#v) = %d articles, want none", q, len(got))
		}
	}
}

func generation(t *testing.T, h *harness) {
	ctx := context.Background()
	steps := []struct {
		name    string
		do      func() error
		changes bool
	}{
		{"new", func() error { h.save("a", Article("1", "a", day(1)), Article("2", "a", day(2))); return nil }, true},
		{"unchanged", func() error { h.save("a", Article("1", "a", day(1))); return nil }, false},
		{"state only", func() error { return h.s.SaveState(ctx, "a", aggregator.FetchState{ETag: "e"}) }, false},
		{"merged", func() error { h.save("b", Article("1", "b", day(1))); return nil }, true},
		{"prune nothing", func() error { _, err := h.s.Prune(ctx, aggregator.PrunePolicy{Before: day(1)}); return err }, false},
		{"prune", func() error { _, err := h.s.Prune(ctx, aggregator.PrunePolicy{Before: day(2)}); return err }, true},
		{"suppressed", func() error { h.save("a", Article("1", "a", day(1))); return nil }, false},
		{"updated", func() error { a := Article("2", "a", day(2)); a.Title = "edited"; h.save("a", a); return nil }, true},
	}
	for _, st := range steps {
		before := h.s.Generation()
		if err := st.do(); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		after := h.s.Generation()
		if changed := after != before; changed != st.changes {
			t.Errorf("%s: generation changed = %v, want %v", st.name, changed, st.changes)
		}
		if after < before {
			t.Errorf("%s: generation went back", st.name)
		}
	}
}

func reopenKeeps(t *testing.T, h *harness) {
	ctx := context.Background()
	h.save("a", Article("1", "a", day(1), "x"), Article("2", "a", day(2)), Article("3", "a", day(3), "y"))
	h.save("b", Article("3", "b", day(3), "z"), Article("4", "b", day(4)))
	if err := h.s.SaveState(ctx, "c", aggregator.FetchState{ETag: "etag-c", ConsecutiveFailures: 2}); err != nil {
		t.Fatal(err)
	}
	h.prune(aggregator.PrunePolicy{Before: day(2)})
	wantIDs := h.ids(aggregator.Query{})
	wantStates := h.states()
	wantStats := h.stats()
	gen := h.s.Generation()
	h.reopen(false)
	if got := h.ids(aggregator.Query{}); !slices.Equal(got, wantIDs) {
		t.Errorf("ids after reopen = %q, want %q", got, wantIDs)
	}
	if got := h.states(); !reflect.DeepEqual(got, wantStates) {
		t.Errorf("states after reopen = %v, want %v", got, wantStates)
	}
	if got := h.stats(); got.Articles != wantStats.Articles || !reflect.DeepEqual(got.PerSource, wantStats.PerSource) {
		t.Errorf("stats after reopen = %+v, want %+v", got, wantStats)
	}
	if h.s.Generation() != gen {
		t.Errorf("generation after reopen = %d, want %d", h.s.Generation(), gen)
	}
	if res := h.save("a", Article("1", "a", day(1))); res.Suppressed != 1 {
		t.Errorf("tombstone lost on reopen: %+v", res)
	}
	h.save("a", Article("5", "a", day(5)))
	if h.s.Generation() <= gen {
		t.Errorf("generation %d did not move past %d", h.s.Generation(), gen)
	}
}

func canceled(t *testing.T, h *harness) {
	h.save("a", Article("1", "a", day(1)))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	calls := []struct {
		name string
		call func() error
	}{
		{"SaveFeed", func() error {
			_, err := h.s.SaveFeed(ctx, "b", []aggregator.Article{Article("2", "b", day(2))}, aggregator.FetchState{ETag: "b"})
			return err
		}},
		{"SaveState", func() error { return h.s.SaveState(ctx, "b", aggregator.FetchState{ETag: "b"}) }},
		{"States", func() error { _, err := h.s.States(ctx); return err }},
		{"Article", func() error { _, err := h.s.Article(ctx, "1"); return err }},
		{"Articles", func() error { _, err := h.s.Articles(ctx, aggregator.Query{}); return err }},
		{"Prune", func() error { _, err := h.s.Prune(ctx, aggregator.PrunePolicy{Before: day(9)}); return err }},
		{"Stats", func() error { _, err := h.s.Stats(ctx); return err }},
		{"Ping", func() error { return h.s.Ping(ctx) }},
	}
	for _, c := range calls {
		if err := c.call(); !errors.Is(err, context.Canceled) {
			t.Errorf("%s = %v, want context.Canceled", c.name, err)
		}
	}
	if got := h.ids(aggregator.Query{}); !slices.Equal(got, []string{"1"}) {
		t.Errorf("articles = %q", got)
	}
	if states := h.states(); len(states) != 1 {
		t.Errorf("states = %v", states)
	}
}

// ping: health probes call Ping; it must tell an open store from a closed one, empty or not.
func ping(t *testing.T, h *harness) {
	ctx := context.Background()
	if err := h.s.Ping(ctx); err != nil {
		t.Fatalf("Ping of an empty store: %v", err)
	}
	h.save("a", Article("1", "a", day(1)))
	if err := h.s.Ping(ctx); err != nil {
		t.Fatalf("Ping of a store holding an article: %v", err)
	}
	if err := h.s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := h.s.Ping(ctx); err == nil {
		t.Error("Ping of a closed store: no error")
	}
	h.s = nil
	h.reopen(h.grouping)
	if err := h.s.Ping(ctx); err != nil {
		t.Errorf("Ping after reopening: %v", err)
	}
}

// concurrent runs writers sharing every third story, readers, Prune and a Checker's Check at once
// (under -race in CI): every entry counts once, no article is listed twice, and the counts match
// what is listed.
func concurrent(t *testing.T, h *harness) {
	ctx := context.Background()
	errs := make(chan error, 64)
	var writers sync.WaitGroup
	for w := range 3 {
		writers.Go(func() {
			src := fmt.Sprintf("src-%d", w)
			for f := range 10 {
				var feed []aggregator.Article
				for i := range 10 {
					id := fmt.Sprintf("%s-%d-%d", src, f, i)
					if i%3 == 0 {
						id = fmt.Sprintf("shared-%d-%d", f, i)
					}
					feed = append(feed, Article(id, src, day(1).Add(time.Duration(f*10+i)*time.Hour), "cat"))
				}
				res, err := h.s.SaveFeed(ctx, src, feed, aggregator.FetchState{})
				if err != nil {
					errs <- err
					return
				}
				if res.New+res.Merged+res.Unchanged+res.Suppressed != len(feed) {
					errs <- fmt.Errorf("%s: %+v", src, res)
				}
			}
		})
	}
	stop := make(chan struct{})
	var others sync.WaitGroup
	loop := func(do func() error) {
		others.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				if err := do(); err != nil {
					errs <- err
					return
				}
			}
		})
	}
	loop(func() error {
		arts, err := h.s.Articles(ctx, aggregator.Query{Sources: []string{"src-0", "src-1"}, Categories: []string{"cat"}})
		seen := make(map[string]bool)
		for _, a := range arts {
			if seen[a.ID] {
				return fmt.Errorf("%s listed twice", a.ID)
			}
			seen[a.ID] = true
		}
		return err
	})
	loop(func() error {
		_, err := h.s.Prune(ctx, aggregator.PrunePolicy{MaxPerSource: 40, TombstoneTTL: time.Hour})
		return err
	})
	if c, ok := h.s.(Checker); ok {
		loop(func() error { return c.Check(ctx) })
	}
	writers.Wait()
	close(stop)
	others.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	all := h.query(aggregator.Query{})
	st := h.stats()
	if st.Articles != len(all) || len(all) == 0 {
		t.Errorf("Stats.Articles = %d, Articles lists %d", st.Articles, len(all))
	}
	per := make(map[string]int)
	for _, a := range all {
		for _, s := range a.Sources {
			per[s]++
		}
	}
	if !reflect.DeepEqual(per, st.PerSource) {
		t.Errorf("Stats.PerSource = %v, the articles say %v", st.PerSource, per)
	}
}
