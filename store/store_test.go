package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"tributary/aggregator"
	"tributary/aggregator/testenv"
)

// sameArticle compares articles field by field; times by instant and zone, since a stored zone comes
// back as an equivalent fixed zone.
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
		gn, go_ := tm.got.Zone()
		wn, wo := tm.want.Zone()
		if !tm.got.Equal(tm.want) || gn != wn || go_ != wo || tm.got.IsZero() != tm.want.IsZero() {
			t.Errorf("%s = %v, want %v", tm.name, tm.got, tm.want)
		}
	}
	got.Date, got.Updated, got.FirstSeen = time.Time{}, time.Time{}, time.Time{}
	want.Date, want.Updated, want.FirstSeen = time.Time{}, time.Time{}, time.Time{}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("article differs:\n got %#v\nwant %#v", got, want)
	}
}

func TestRoundTrip(t *testing.T) {
	shanghai := time.FixedZone("CST", 8*3600)
	c := newClock()
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
	tests := []struct {
		name string
		src  string
		in   aggregator.Article
		want func(aggregator.Article) aggregator.Article
	}{
		{"every field", "cls-depth", full, nil},
		{"minimal, first seen stamped", "s", aggregator.Article{ID: "m", Title: "t", Date: day(3), Sources: []string{"s"}},
			func(a aggregator.Article) aggregator.Article { a.FirstSeen = c.Now(); return a }},
		{"local zone and far dates", "s", aggregator.Article{ID: "z", Date: time.Date(1, 1, 1, 0, 0, 1, 0, time.Local),
			Updated: time.Date(9999, 12, 31, 23, 59, 59, 999999999, time.FixedZone("", -3*3600-1800)), FirstSeen: day(1), Sources: []string{"s"}}, nil},
		{"sources of the entry kept, feed's source added", "src", aggregator.Article{ID: "x", Date: day(2), FirstSeen: day(2), Sources: []string{"other"}},
			func(a aggregator.Article) aggregator.Article { a.Sources = []string{"other", "src"}; return a }},
		{"empty and repeated categories dropped", "src", aggregator.Article{ID: "c", Date: day(2), FirstSeen: day(2), Categories: []string{"a", "", "b", "a", "c\x00d"}, Sources: []string{"src"}},
			func(a aggregator.Article) aggregator.Article { a.Categories = []string{"a", "b", "c\uFFFDd"}; return a }},
	}
	path := filepath.Join(t.TempDir(), "db")
	s := openAt(t, path, Options{Now: c.Now})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if res := save(t, s, tt.src, tt.in); res.New != 1 {
				t.Fatalf("SaveFeed = %+v, want one new", res)
			}
			want := tt.in
			if tt.want != nil {
				want = tt.want(tt.in)
			}
			sameArticle(t, get(t, s, tt.in.ID), want)
			var found bool
			for _, a := range query(t, s, aggregator.Query{}) {
				if a.ID == tt.in.ID {
					found = true
					sameArticle(t, a, want)
				}
			}
			if !found {
				t.Errorf("Articles does not list %q", tt.in.ID)
			}
		})
	}
	mustCheck(t, s)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = openAt(t, path, Options{Now: c.Now})
	sameArticle(t, get(t, s, full.ID), full)
	if _, err := s.Article(context.Background(), "missing"); !errors.Is(err, aggregator.ErrNotFound) {
		t.Errorf("Article(missing) = %v, want ErrNotFound", err)
	}
}

func TestStatesRoundTrip(t *testing.T) {
	s := openStore(t, Options{})
	ctx := context.Background()
	want := map[string]aggregator.FetchState{
		"cls-depth": {ETag: `"abc"`, LastModified: "Thu, 18 Nov 2021 01:06:01 GMT", LastFetch: day(2), LastSuccess: day(1),
			LastStatus: aggregator.StatusError, LastError: "503 Service Unavailable", ConsecutiveFailures: 3, BackoffUntil: day(3), Gone: true},
		"cls-hot": {LastStatus: aggregator.StatusNotModified},
	}
	if err := s.SaveState(ctx, "cls-depth", want["cls-depth"]); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveFeed(ctx, "cls-hot", nil, want["cls-hot"]); err != nil {
		t.Fatal(err)
	}
	got, err := s.States(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("States = %v, want %v", got, want)
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
	if err := s.SaveState(ctx, "", aggregator.FetchState{}); err == nil {
		t.Error("SaveState with an empty source name succeeded")
	}
}

func TestDedupAcrossSources(t *testing.T) {
	c := newClock()
	s := openStore(t, Options{Now: c.Now})
	depth := art("story", "cls-depth", day(5), "金融", "深度")
	depth.Title = "深度标题"
	tele := art("story", "cls-telegraph", day(5), "深度", "电报")
	tele.Title = "【电报标题】财联社3月5日电"
	tele.Body = "plain telegraph text"

	if res := save(t, s, "cls-depth", depth, art("only-depth", "cls-depth", day(4))); res.New != 2 {
		t.Fatalf("first save = %+v", res)
	}
	gen := s.Generation()
	res := save(t, s, "cls-telegraph", tele)
	if want := (aggregator.SaveResult{Merged: 1}); res != want {
		t.Fatalf("second source = %+v, want %+v", res, want)
	}
	if s.Generation() == gen {
		t.Error("a merge did not change the generation")
	}
	got := get(t, s, "story")
	if !slices.Equal(got.Sources, []string{"cls-depth", "cls-telegraph"}) {
		t.Errorf("Sources = %q", got.Sources)
	}
	if !slices.Equal(got.Categories, []string{"金融", "深度", "电报"}) {
		t.Errorf("Categories = %q", got.Categories)
	}
	if got.Title != depth.Title || got.Body != depth.Body {
		t.Errorf("the merge replaced the text: %q", got.Title)
	}
	for _, q := range []aggregator.Query{
		{},
		{Sources: []string{"cls-depth", "cls-telegraph"}},
		{Categories: []string{"深度", "电报", "金融"}},
		{Sources: []string{"cls-depth", "cls-telegraph"}, Categories: []string{"深度", "电报"}},
	} {
		n := 0
		for _, a := range query(t, s, q) {
			if a.ID == "story" {
				n++
			}
		}
		if n != 1 {
			t.Errorf("Articles(%+v) lists the story %d times", q, n)
		}
	}
	if got := ids(query(t, s, aggregator.Query{Categories: []string{"电报"}})); !slices.Equal(got, []string{"story"}) {
		t.Errorf("category of the second source: %q", got)
	}
	st := stats(t, s)
	if st.Articles != 2 || !reflect.DeepEqual(st.PerSource, map[string]int{"cls-depth": 2, "cls-telegraph": 1}) {
		t.Errorf("Stats = %+v", st)
	}
	mustCheck(t, s)
}

func TestUpdateInPlace(t *testing.T) {
	tests := []struct {
		name        string
		change      func(a *aggregator.Article)
		want        aggregator.SaveResult
		wantUpdated func(c *testenv.Clock) time.Time // nil: as stored before
		wantDate    time.Time
		origUpdated time.Time
	}{
		{"title edited, updated is now", func(a *aggregator.Article) { a.Title = "edited" },
			aggregator.SaveResult{Updated: 1}, func(c *testenv.Clock) time.Time { return c.Now() }, day(5), time.Time{}},
		{"body edited with a later entry updated", func(a *aggregator.Article) { a.Body = "new body"; a.Updated = day(7) },
			aggregator.SaveResult{Updated: 1}, func(*testenv.Clock) time.Time { return day(7) }, day(5), time.Time{}},
		{"edited and redated: the date index moves", func(a *aggregator.Article) { a.Title = "edited"; a.Date = day(9) },
			aggregator.SaveResult{Updated: 1}, func(c *testenv.Clock) time.Time { return c.Now() }, day(9), time.Time{}},
		{"same text, other date: nothing moves", func(a *aggregator.Article) { a.Date = day(9); a.Link = "elsewhere" },
			aggregator.SaveResult{Unchanged: 1}, nil, day(5), time.Time{}},
		{"same text, a new category", func(a *aggregator.Article) { a.Categories = append(a.Categories, "new") },
			aggregator.SaveResult{Updated: 1}, nil, day(5), time.Time{}},
		{"identical", func(*aggregator.Article) {}, aggregator.SaveResult{Unchanged: 1}, nil, day(5), time.Time{}},
		{"edited, the entry's updated not moved: now", func(a *aggregator.Article) { a.Title = "edited" },
			aggregator.SaveResult{Updated: 1}, func(c *testenv.Clock) time.Time { return c.Now() }, day(5), day(6)},
		{"edited, the entry's updated earlier: now", func(a *aggregator.Article) { a.Title = "edited"; a.Updated = day(5) },
			aggregator.SaveResult{Updated: 1}, func(c *testenv.Clock) time.Time { return c.Now() }, day(5), day(6)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newClock()
			s := openStore(t, Options{Now: c.Now})
			orig := art("x", "src", day(5), "cat")
			orig.Updated = tt.origUpdated
			save(t, s, "src", orig, art("older", "src", day(1)), art("newer", "src", day(8)))
			first := get(t, s, "x")
			gen := s.Generation()
			c.Advance(time.Hour)

			entry := orig
			entry.Categories = slices.Clone(orig.Categories)
			tt.change(&entry)
			if res := save(t, s, "src", entry); res != tt.want {
				t.Fatalf("SaveFeed = %+v, want %+v", res, tt.want)
			}
			got := get(t, s, "x")
			if got.ID != "x" || !got.FirstSeen.Equal(first.FirstSeen) {
				t.Errorf("id or first seen changed: %+v", got)
			}
			wantUpdated := first.Updated
			if tt.wantUpdated != nil {
				wantUpdated = tt.wantUpdated(c)
			}
			if !got.Updated.Equal(wantUpdated) {
				t.Errorf("Updated = %v, want %v", got.Updated, wantUpdated)
			}
			if !got.Date.Equal(tt.wantDate) {
				t.Errorf("Date = %v, want %v", got.Date, tt.wantDate)
			}
			if tt.want.Updated > 0 {
				if s.Generation() == gen {
					t.Error("generation unchanged after an update")
				}
				if got.Title != entry.Title || got.Body != entry.Body {
					t.Errorf("text not updated: %q %q", got.Title, got.Body)
				}
			} else if s.Generation() != gen {
				t.Error("generation changed without a change")
			}
			// Listed once, at its (new) place.
			all := ids(query(t, s, aggregator.Query{}))
			wantOrder := []string{"newer", "x", "older"}
			if tt.wantDate.Equal(day(9)) {
				wantOrder = []string{"x", "newer", "older"}
			}
			if !slices.Equal(all, wantOrder) {
				t.Errorf("Articles = %q, want %q", all, wantOrder)
			}
			for _, q := range []aggregator.Query{{Sources: []string{"src"}}, {Categories: []string{"cat"}}} {
				if got := ids(query(t, s, q)); slices.Index(got, "x") < 0 || len(got) != len(slices.Compact(sorted(got))) {
					t.Errorf("Articles(%+v) = %q", q, got)
				}
			}
			if got := ids(query(t, s, aggregator.Query{Since: day(9)})); tt.wantDate.Equal(day(9)) != slices.Equal(got, []string{"x"}) {
				t.Errorf("Articles(since day 9) = %q", got)
			}
			mustCheck(t, s)
		})
	}
}

func TestNoFlipFlop(t *testing.T) {
	c := newClock()
	s := openStore(t, Options{Now: c.Now})
	a := art("story", "a", day(5))
	a.Title = "A's headline"
	b := art("story", "b", day(5))
	b.Title = "B's headline"
	save(t, s, "a", a)
	save(t, s, "b", b)
	gen := s.Generation()
	for round := range 3 {
		c.Advance(time.Minute)
		for _, f := range []struct {
			src string
			a   aggregator.Article
		}{{"a", a}, {"b", b}} {
			if res := save(t, s, f.src, f.a); res != (aggregator.SaveResult{Unchanged: 1}) {
				t.Fatalf("round %d, %s: %+v", round, f.src, res)
			}
		}
	}
	if got := get(t, s, "story"); got.Title != a.Title || !got.Updated.IsZero() {
		t.Errorf("story = %q updated %v, want A's text never updated", got.Title, got.Updated)
	}
	if s.Generation() != gen {
		t.Error("generation moved while nothing changed")
	}
	// B edits its own copy: B's text wins; A's unchanged copy does not take it back.
	b.Title = "B's edited headline"
	if res := save(t, s, "b", b); res != (aggregator.SaveResult{Updated: 1}) {
		t.Fatalf("B's edit: %+v", res)
	}
	if res := save(t, s, "a", a); res != (aggregator.SaveResult{Unchanged: 1}) {
		t.Fatalf("A again: %+v", res)
	}
	if got := get(t, s, "story"); got.Title != b.Title {
		t.Errorf("title = %q, want %q", got.Title, b.Title)
	}
	mustCheck(t, s)
}

func TestSameIDTwiceInOneFeed(t *testing.T) {
	s := openStore(t, Options{})
	first := art("dup", "src", day(5))
	second := first
	second.Title = "another title"
	for range 2 {
		res := save(t, s, "src", first, second)
		if res.New+res.Unchanged != 2 || res.Updated != 0 {
			t.Fatalf("SaveFeed = %+v", res)
		}
	}
	if got := get(t, s, "dup"); got.Title != first.Title {
		t.Errorf("title = %q, want the first entry's", got.Title)
	}
}

func TestSaveFeedRejectsWholeFeed(t *testing.T) {
	tests := []struct {
		name   string
		source string
		arts   []aggregator.Article
	}{
		{"empty source", "", []aggregator.Article{art("a", "", day(1))}},
		{"source with NUL", "a\x00b", []aggregator.Article{art("a", "a\x00b", day(1))}},
		{"article without id", "src", []aggregator.Article{art("a", "src", day(1)), art("", "src", day(1))}},
		{"id too long", "src", []aggregator.Article{art("a", "src", day(1)), art(strings.Repeat("x", maxIDLen+1), "src", day(1))}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openStore(t, Options{})
			if _, err := s.SaveFeed(context.Background(), tt.source, tt.arts, aggregator.FetchState{ETag: "x"}); err == nil {
				t.Fatal("SaveFeed succeeded")
			}
			if st := stats(t, s); st.Articles != 0 {
				t.Errorf("stored %d articles of a rejected feed", st.Articles)
			}
			if states, _ := s.States(context.Background()); len(states) != 0 {
				t.Errorf("stored the state of a rejected feed: %v", states)
			}
		})
	}
}

func TestLongCategoryIsStoredNotIndexed(t *testing.T) {
	s := openStore(t, Options{})
	long := strings.Repeat("长", maxCategoryLen)
	save(t, s, "src", art("a", "src", day(1), long, "short"))
	if got := get(t, s, "a"); !slices.Equal(got.Categories, []string{long, "short"}) {
		t.Errorf("categories = %d entries", len(got.Categories))
	}
	if got := query(t, s, aggregator.Query{Categories: []string{long}}); len(got) != 0 {
		t.Errorf("query by an unindexed category found %d", len(got))
	}
	if got := ids(query(t, s, aggregator.Query{Categories: []string{"short"}})); !slices.Equal(got, []string{"a"}) {
		t.Errorf("query by category = %q", got)
	}
	// Filters made only of names that nothing can carry select nothing, not everything.
	for _, q := range []aggregator.Query{
		{Categories: []string{long}}, {Categories: []string{""}}, {Sources: []string{""}}, {Sources: []string{"src\x00"}},
		{Sources: []string{"src"}, Categories: []string{""}},
	} {
		if got := query(t, s, q); len(got) != 0 {
			t.Errorf("Articles(%#v) = %d articles, want none", q, len(got))
		}
	}
	mustCheck(t, s)
}

func TestGeneration(t *testing.T) {
	c := newClock()
	s := openStore(t, Options{Now: c.Now})
	ctx := context.Background()
	steps := []struct {
		name    string
		do      func() error
		changes bool
	}{
		{"new", func() error { save(t, s, "a", art("1", "a", day(1)), art("2", "a", day(2))); return nil }, true},
		{"unchanged", func() error { save(t, s, "a", art("1", "a", day(1))); return nil }, false},
		{"state only", func() error { return s.SaveState(ctx, "a", aggregator.FetchState{ETag: "e"}) }, false},
		{"merged", func() error { save(t, s, "b", art("1", "b", day(1))); return nil }, true},
		{"prune nothing", func() error { _, err := s.Prune(ctx, aggregator.PrunePolicy{Before: day(1)}); return err }, false},
		{"prune", func() error { _, err := s.Prune(ctx, aggregator.PrunePolicy{Before: day(2)}); return err }, true},
		{"suppressed", func() error { save(t, s, "a", art("1", "a", day(1))); return nil }, false},
	}
	for _, st := range steps {
		before := s.Generation()
		if err := st.do(); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if changed := s.Generation() != before; changed != st.changes {
			t.Errorf("%s: generation changed = %v, want %v", st.name, changed, st.changes)
		}
		if s.Generation() < before {
			t.Errorf("%s: generation went back", st.name)
		}
	}
}

func TestReopenKeepsEverything(t *testing.T) {
	c := newClock()
	path := filepath.Join(t.TempDir(), "tributary.db")
	ctx := context.Background()
	s := openAt(t, path, Options{Now: c.Now})
	save(t, s, "a", art("1", "a", day(1), "x"), art("2", "a", day(2)), art("3", "a", day(3), "y"))
	save(t, s, "b", art("3", "b", day(3), "z"), art("4", "b", day(4)))
	if err := s.SaveState(ctx, "c", aggregator.FetchState{ETag: "etag-c", ConsecutiveFailures: 2}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Prune(ctx, aggregator.PrunePolicy{Before: day(2)}); err != nil {
		t.Fatal(err)
	}
	wantIDs := ids(query(t, s, aggregator.Query{}))
	wantStates, _ := s.States(ctx)
	wantStats := stats(t, s)
	gen := s.Generation()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s = openAt(t, path, Options{Now: c.Now})
	if got := ids(query(t, s, aggregator.Query{})); !slices.Equal(got, wantIDs) {
		t.Errorf("ids after reopen = %q, want %q", got, wantIDs)
	}
	if got, _ := s.States(ctx); !reflect.DeepEqual(got, wantStates) {
		t.Errorf("states after reopen = %v, want %v", got, wantStates)
	}
	if got := stats(t, s); got.Articles != wantStats.Articles || !reflect.DeepEqual(got.PerSource, wantStats.PerSource) {
		t.Errorf("stats after reopen = %+v, want %+v", got, wantStats)
	}
	if s.Generation() != gen {
		t.Errorf("generation after reopen = %d, want %d", s.Generation(), gen)
	}
	if res := save(t, s, "a", art("1", "a", day(1))); res.Suppressed != 1 {
		t.Errorf("tombstone lost on reopen: %+v", res)
	}
	save(t, s, "a", art("5", "a", day(5)))
	if s.Generation() <= gen {
		t.Errorf("generation %d did not move past %d", s.Generation(), gen)
	}
	mustCheck(t, s)
}

func TestOpenSchema(t *testing.T) {
	tests := []struct {
		name    string
		prepare func(tx *bolt.Tx) error
		want    string
	}{
		{"newer version", func(tx *bolt.Tx) error {
			return tx.Bucket(bucketMeta).Put(keySchema, []byte{0, 0, 0, 99})
		}, "schema version 99 is newer"},
		{"older version", func(tx *bolt.Tx) error {
			return tx.Bucket(bucketMeta).Put(keySchema, []byte{0, 0, 0, 0})
		}, "schema version 0 is older"},
		{"no version", func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Delete(keySchema) }, "no schema version"},
		{"another program's file", func(tx *bolt.Tx) error {
			if err := tx.DeleteBucket(bucketMeta); err != nil {
				return err
			}
			_, err := tx.CreateBucket([]byte("users"))
			return err
		}, "not a tributary database"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "db")
			s, err := Open(context.Background(), path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			_ = s.Close()
			db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
			if err != nil {
				t.Fatal(err)
			}
			if err := db.Update(tt.prepare); err != nil {
				t.Fatal(err)
			}
			_ = db.Close()
			s, err = Open(context.Background(), path, Options{})
			if err == nil {
				_ = s.Close()
				t.Fatal("Open succeeded")
			}
			if !errors.Is(err, ErrSchema) || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), path) {
				t.Errorf("Open = %v, want ErrSchema saying %q and the path", err, tt.want)
			}
		})
	}
}

// TestUpgradeFromSchema1: a file written by a schema 1 build (bodies inside the records) opens,
// reads, takes updates and stays consistent; each record moves its body out when it next changes.
func TestUpgradeFromSchema1(t *testing.T) {
	path := filepath.Join(t.TempDir(), "db")
	s := openAt(t, path, Options{})
	want := []aggregator.Article{art("1", "a", day(1), "x"), art("2", "a", day(2), "x"), art("3", "b", day(3))}
	save(t, s, "a", want[0], want[1])
	save(t, s, "b", want[2])
	_ = s.Close()

	// Rewrite the file as schema 1 had it.
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		articles, bodies := tx.Bucket(bucketArticles), tx.Bucket(bucketBodies)
		type kv struct{ k, v []byte }
		var old []kv
		err := articles.ForEach(func(k, v []byte) error {
			r, err := decodeRecord(string(k), v)
			if err == nil {
				err = loadBody(bodies, &r)
			}
			old = append(old, kv{bytes.Clone(k), encodeRecordV1(&r.a, r.hashes)})
			return err
		})
		if err != nil {
			return err
		}
		for _, e := range old {
			if err := articles.Put(e.k, e.v); err != nil {
				return err
			}
		}
		if err := tx.DeleteBucket(bucketBodies); err != nil {
			return err
		}
		return tx.Bucket(bucketMeta).Put(keySchema, []byte{0, 0, 0, 1})
	})
	if err != nil {
		t.Fatal(err)
	}
	_ = db.Close()

	s = openAt(t, path, Options{})
	mustCheck(t, s)
	for _, a := range want {
		if got := get(t, s, a.ID); got.Body != a.Body || got.Title != a.Title {
			t.Errorf("article %s after the upgrade: %q %q", a.ID, got.Title, got.Body)
		}
	}
	edited := art("2", "a", day(2), "x")
	edited.Body = "<p>edited body of 2</p>"
	if res := save(t, s, "a", want[0], edited); res.Updated != 1 || res.Unchanged != 1 {
		t.Errorf("save after the upgrade = %+v, want 1 updated, 1 unchanged", res)
	}
	mustCheck(t, s)
	got := query(t, s, aggregator.Query{})
	if len(got) != 3 || got[1].ID != "2" || got[1].Body != edited.Body || got[2].Body != want[0].Body {
		t.Errorf("articles after an update = %+v", got)
	}
	_ = s.Close()
	db, err = bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	_ = db.View(func(tx *bolt.Tx) error {
		if v := tx.Bucket(bucketMeta).Get(keySchema); !bytes.Equal(v, []byte{0, 0, 0, schemaVersion}) {
			t.Errorf("schema after the upgrade = %x", v)
		}
		if v := tx.Bucket(bucketArticles).Get([]byte("2")); v[0] != recordV3 {
			t.Errorf("the updated record is version %d, want %d", v[0], recordV3)
		}
		if v := tx.Bucket(bucketArticles).Get([]byte("3")); v[0] != recordV1 {
			t.Errorf("an untouched record is version %d, want it left as it was", v[0])
		}
		if n := tx.Bucket(bucketBodies).Stats().KeyN; n != 1 {
			t.Errorf("bodies bucket holds %d bodies, want 1", n)
		}
		return nil
	})
}

func TestCheckFindsDamage(t *testing.T) {
	tests := []struct {
		name   string
		damage func(tx *bolt.Tx) error
		want   string
	}{
		{"missing date entry", func(tx *bolt.Tx) error {
			return tx.Bucket(bucketByDate).Delete(suffixKey(day(1), "1"))
		}, "no by_date entry"},
		{"dangling category entry", func(tx *bolt.Tx) error {
			return tx.Bucket(bucketByCategory).Put(appendNameKey(nil, "x", suffixKey(day(9), "ghost")), nil)
		}, "by_category"},
		{"wrong counter", func(tx *bolt.Tx) error {
			return tx.Bucket(bucketSourceCounts).Put([]byte("a"), putUint64(7))
		}, "counter"},
		{"undecodable record", func(tx *bolt.Tx) error {
			return tx.Bucket(bucketArticles).Put([]byte("1"), []byte{recordV1, 200})
		}, "corrupt record"},
		{"missing body", func(tx *bolt.Tx) error {
			return tx.Bucket(bucketBodies).Delete(bodyKey(1))
		}, "body 1 missing"},
		{"orphan body", func(tx *bolt.Tx) error {
			return tx.Bucket(bucketBodies).Put(bodyKey(99), encodeBody("<p>lost</p>"))
		}, "bodies holds 3 bodies for 2 articles"},
		{"body of another text", func(tx *bolt.Tx) error {
			return tx.Bucket(bucketBodies).Put(bodyKey(2), encodeBody("<p>swapped</p>"))
		}, "does not match its record"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "db")
			s := openAt(t, path, Options{})
			save(t, s, "a", art("1", "a", day(1), "x"), art("2", "a", day(2), "x"))
			mustCheck(t, s)
			_ = s.Close()
			db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
			if err != nil {
				t.Fatal(err)
			}
			if err := db.Update(tt.damage); err != nil {
				t.Fatal(err)
			}
			_ = db.Close()
			s = openAt(t, path, Options{})
			if err := s.Check(context.Background()); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Check = %v, want an error about %q", err, tt.want)
			}
		})
	}
}

func TestContextCanceled(t *testing.T) {
	path := filepath.Join(t.TempDir(), "db")
	s := openAt(t, path, Options{})
	save(t, s, "a", art("1", "a", day(1)))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	calls := []struct {
		name string
		call func() error
	}{
		{"Open", func() error { _, err := Open(ctx, filepath.Join(t.TempDir(), "other"), Options{}); return err }},
		{"SaveFeed", func() error {
			_, err := s.SaveFeed(ctx, "b", []aggregator.Article{art("2", "b", day(2))}, aggregator.FetchState{ETag: "b"})
			return err
		}},
		{"SaveState", func() error { return s.SaveState(ctx, "b", aggregator.FetchState{ETag: "b"}) }},
		{"States", func() error { _, err := s.States(ctx); return err }},
		{"Article", func() error { _, err := s.Article(ctx, "1"); return err }},
		{"Articles", func() error { _, err := s.Articles(ctx, aggregator.Query{}); return err }},
		{"Prune", func() error { _, err := s.Prune(ctx, aggregator.PrunePolicy{Before: day(9)}); return err }},
		{"Stats", func() error { _, err := s.Stats(ctx); return err }},
		{"Check", func() error { return s.Check(ctx) }},
	}
	for _, c := range calls {
		t.Run(c.name, func(t *testing.T) {
			if err := c.call(); !errors.Is(err, context.Canceled) {
				t.Errorf("%s = %v, want context.Canceled", c.name, err)
			}
		})
	}
	// Nothing of the cancelled calls reached the database.
	if got := ids(query(t, s, aggregator.Query{})); !slices.Equal(got, []string{"1"}) {
		t.Errorf("articles = %q", got)
	}
	if states, _ := s.States(context.Background()); len(states) != 1 {
		t.Errorf("states = %v", states)
	}
}

// TestConcurrentUse runs writers, readers, Prune and Check at once (under -race in CI); afterwards
// the database is consistent and its counters match what it lists.
func TestConcurrentUse(t *testing.T) {
	s := openStore(t, Options{})
	s.readBatch = 5
	s.pruneBatch = 3
	ctx := context.Background()
	errs := make(chan error, 64)
	var writers sync.WaitGroup
	for w := range 3 {
		writers.Go(func() {
			src := fmt.Sprintf("src-%d", w)
			for f := range 10 {
				var feed []aggregator.Article
				for i := range 10 {
					// Every third story is shared by all writers.
					id := fmt.Sprintf("%s-%d-%d", src, f, i)
					if i%3 == 0 {
						id = fmt.Sprintf("shared-%d-%d", f, i)
					}
					feed = append(feed, art(id, src, day(1).Add(time.Duration(f*10+i)*time.Hour), "cat"))
				}
				res, err := s.SaveFeed(ctx, src, feed, aggregator.FetchState{})
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
	for range 2 {
		loop(func() error {
			arts, err := s.Articles(ctx, aggregator.Query{Sources: []string{"src-0", "src-1"}, Categories: []string{"cat"}})
			seen := make(map[string]bool)
			for _, a := range arts {
				if seen[a.ID] {
					return fmt.Errorf("%s listed twice", a.ID)
				}
				seen[a.ID] = true
			}
			return err
		})
	}
	loop(func() error { return s.Check(ctx) })
	loop(func() error {
		_, err := s.Prune(ctx, aggregator.PrunePolicy{MaxPerSource: 40, TombstoneTTL: time.Hour})
		return err
	})
	writers.Wait()
	close(stop)
	others.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	all := query(t, s, aggregator.Query{})
	if st := stats(t, s); st.Articles != len(all) || len(all) == 0 {
		t.Errorf("Stats.Articles = %d, Articles lists %d", st.Articles, len(all))
	}
	mustCheck(t, s)
}

// TestFullestCopyWinsInAnyOrder: a story carried by a short flash and a full article shows the full
// article, whichever source was saved first; a later edit of the short copy does not replace it.
func TestFullestCopyWinsInAnyOrder(t *testing.T) {
	flash := art("story", "telegraph", day(5))
	flash.Title, flash.Body = "【标题】财联社电，快讯", "快讯正文"
	full := art("story", "depth", day(5))
	full.Title, full.Body = "深度标题", "<p>很长的深度正文，比快讯完整得多。</p>"
	for _, order := range [][]string{{"telegraph", "depth"}, {"depth", "telegraph"}} {
		t.Run(order[0]+" first", func(t *testing.T) {
			s := openStore(t, Options{})
			copies := map[string]aggregator.Article{"telegraph": flash, "depth": full}
			for _, src := range order {
				save(t, s, src, copies[src])
			}
			if got := get(t, s, "story"); got.Title != full.Title || got.Body != full.Body {
				t.Errorf("stored %q / %q, want the full copy", got.Title, got.Body)
			}
			edited := flash
			edited.Title = "【标题】财联社电，快讯（更新）"
			if res := save(t, s, "telegraph", edited); res != (aggregator.SaveResult{Unchanged: 1}) {
				t.Errorf("the shorter copy's edit: %+v, want unchanged", res)
			}
			if got := get(t, s, "story"); got.Title != full.Title {
				t.Errorf("a shorter copy's edit replaced the full text: %q", got.Title)
			}
			mustCheck(t, s)
		})
	}
}

func TestOpenMissingDirNamesThePathOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "missing", "tributary.db")
	_, err := Open(context.Background(), path, Options{Timeout: time.Second})
	if err == nil {
		t.Fatal("Open in a missing directory succeeded")
	}
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("err = %v, want it to wrap fs.ErrNotExist", err)
	}
	if n := strings.Count(err.Error(), path); n != 1 {
		t.Errorf("err = %q names the path %d times, want once", err, n)
	}
}
