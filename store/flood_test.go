package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"tributary/aggregator"
)

// TestSaveCategoryFlood stores feeds whose entries carry hundreds of categories, repeated, empty,
// with NUL bytes, shared between entries and unsorted, then merges a second source's copies that
// bring as many more: every record holds exactly its categories once, in first-listed order, every
// category query finds exactly its articles, and the indexes and counters check.
func TestSaveCategoryFlood(t *testing.T) {
	const items, cats = 40, 300
	s := openStore(t, Options{Now: newClock().Now})
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	feed := func(src string, round int) []aggregator.Article {
		arts := make([]aggregator.Article, items)
		for i := range arts {
			var cs []string
			for j := range cats {
				// Every fifth category is shared by all entries; the rest belong to one entry.
				cs = append(cs, floodCategory(round, i, j))
			}
			cs = append(cs, cs[7], "", cs[0], "nul\x00"+cs[3])
			a := art(fmt.Sprintf("id-%03d", (i*17)%items), src, base.Add(time.Duration(i)*time.Hour), cs...)
			a.Body += fmt.Sprintf("<p>%s</p>", src) // distinct copies: the second source merges
			arts[i] = a
		}
		return arts
	}
	want := make(map[string][]string) // id → categories
	ofCat := make(map[string][]string)
	add := func(arts []aggregator.Article) {
		for _, a := range arts {
			for _, c := range a.Categories {
				if c == "" {
					continue
				}
				c = strings.ReplaceAll(c, "\x00", "\uFFFD")
				if !slices.Contains(want[a.ID], c) {
					want[a.ID] = append(want[a.ID], c)
					ofCat[c] = append(ofCat[c], a.ID)
				}
			}
		}
	}
	first := feed("a", 0)
	if res := save(t, s, "a", first...); res.New != items {
		t.Fatalf("first feed: %+v, want %d new", res, items)
	}
	add(first)
	second := feed("b", 1)
	if res := save(t, s, "b", second...); res.Merged != items {
		t.Fatalf("second feed: %+v, want %d merged", res, items)
	}
	add(second)

	for id, cs := range want {
		if got := get(t, s, id).Categories; !slices.Equal(got, cs) {
			t.Fatalf("%s: %d categories stored, want %d; first difference at %d", id, len(got), len(cs), firstDiff(got, cs))
		}
	}
	for _, c := range []string{floodCategory(0, 0, 0), floodCategory(1, 0, 295), floodCategory(0, 3, 9), "nul\uFFFD" + floodCategory(1, 5, 3)} {
		got := sorted(ids(query(t, s, aggregator.Query{Categories: []string{c}})))
		if w := sorted(ofCat[c]); len(w) == 0 || !slices.Equal(got, w) {
			t.Errorf("category %q: articles %v, want %v", c, got, w)
		}
	}
	mustCheck(t, s)
}

// floodCategory is the j-th category of entry i in round: every fifth is shared by all entries, the
// others belong to one entry; scrambled, so that a feed lists them unsorted.
func floodCategory(round, i, j int) string {
	if j%5 == 0 {
		return fmt.Sprintf("r%d-shared-%d", round, j)
	}
	return fmt.Sprintf("r%d-%08x-%d", round, uint32(j)*2654435761, i)
}

func firstDiff(a, b []string) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

// TestSaveFeedCancelledInFlush cancels a flood's save once its entries are done, while the writer
// writes their index entries: SaveFeed fails with the context's error and the database holds none
// of the feed.
func TestSaveFeedCancelledInFlush(t *testing.T) {
	s := openStore(t, Options{Now: newClock().Now})
	cs := make([]string, 20000)
	for i := range cs {
		cs[i] = fmt.Sprintf("c-%08x", uint32(i)*2654435761)
	}
	ctx := &failingCtx{Context: context.Background()}
	ctx.n.Store(3) // before queueing: ok; the one entry: ok; the flush: cancelled
	_, err := s.SaveFeed(ctx, "flood", []aggregator.Article{art("x", "flood", day(1), cs...)}, aggregator.FetchState{ETag: "e"})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("SaveFeed cancelled in its flush: %v, want context.Canceled", err)
	}
	if st := stats(t, s); st.Articles != 0 {
		t.Errorf("%d articles stored by a cancelled save", st.Articles)
	}
	states, err := s.States(context.Background())
	if err != nil || len(states) != 0 {
		t.Errorf("states after a cancelled save: %v, %v", states, err)
	}
	mustCheck(t, s)
}

// TestGroupIndexLastOperationWins runs three feeds in one transaction that move one story's date
// there and back (each brings a fuller copy): the index entries put, deleted and put again under one
// key end as the last feed left them.
func TestGroupIndexLastOperationWins(t *testing.T) {
	s := openStore(t, Options{Now: newClock().Now})
	body := "<p>x</p>"
	var batch []*saveReq
	for i, d := range []time.Time{day(1), day(2), day(1)} {
		src := fmt.Sprintf("src-%d", i)
		a := art("story", src, d, "c", fmt.Sprintf("c%d", i))
		body += "<p>longer</p>"
		a.Body = body
		state, err := encodeState(aggregator.FetchState{ETag: src})
		if err != nil {
			t.Fatal(err)
		}
		batch = append(batch, &saveReq{ctx: context.Background(), source: src, articles: []aggregator.Article{a}, state: state, feed: true})
	}
	var failed int
	if err := s.runGroup(batch, &failed); err != nil {
		t.Fatalf("group: %v (request %d)", err, failed)
	}
	if got := get(t, s, "story"); !got.Date.Equal(day(1)) || !slices.Equal(got.Categories, []string{"c", "c0", "c1", "c2"}) {
		t.Errorf("story dated %v with %v, want %v with c c0 c1 c2", got.Date, got.Categories, day(1))
	}
	for _, c := range []string{"c", "c1", "c2"} {
		if got := ids(query(t, s, aggregator.Query{Categories: []string{c}})); !slices.Equal(got, []string{"story"}) {
			t.Errorf("category %s: %v", c, got)
		}
	}
	mustCheck(t, s)
}

// TestPruneBoundsIndexWork prunes articles of 50 categories each, by date and per source, with a
// bound of 100 index entries a transaction: each transaction removes two articles (52 entries
// each), however many its batch examined, and the pruning still removes exactly what it should.
func TestPruneBoundsIndexWork(t *testing.T) {
	cats := make([]string, 50)
	for i := range cats {
		cats[i] = fmt.Sprintf("c%02d", i)
	}
	for _, tt := range []struct {
		name   string
		policy aggregator.PrunePolicy
	}{
		{"before", aggregator.PrunePolicy{Before: day(11)}},
		{"per source", aggregator.PrunePolicy{MaxPerSource: 2}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := openStore(t, Options{Now: newClock().Now})
			s.pruneIndexOps = 100
			var arts []aggregator.Article
			for d := 1; d <= 12; d++ {
				arts = append(arts, art(fmt.Sprintf("d%02d", d), "a", day(d), cats...))
			}
			save(t, s, "a", arts...)
			gen := s.Generation()
			n, err := s.Prune(context.Background(), tt.policy)
			if err != nil {
				t.Fatal(err)
			}
			if n != 10 {
				t.Errorf("Prune removed %d, want 10", n)
			}
			// Every transaction that removed something bumped the generation once.
			if txs := s.Generation() - gen; txs != 5 {
				t.Errorf("Prune took %d transactions to remove 10 articles, want 5 (two a transaction)", txs)
			}
			if got := ids(query(t, s, aggregator.Query{Categories: []string{"c07"}})); !slices.Equal(got, []string{"d12", "d11"}) {
				t.Errorf("left %v, want d12 d11", got)
			}
			mustCheck(t, s)
		})
	}
}
