package postgres

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"tributary/aggregator"
	"tributary/aggregator/storetest"
	"tributary/aggregator/story"
	"tributary/aggregator/transfer"
)

// openGroupingNode is openNode with story grouping on (the test calls SyncGeneration where a
// second would have passed).
func openGroupingNode(t *testing.T, dsn string) *Store {
	t.Helper()
	s, err := Open(t.Context(), dsn, Options{Dedup: &story.Options{}, GenerationPoll: -1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// storyCopy is a copy of the storetest flash story: the flash itself (cls) or its full article
// (stcn), with its own ID and link.
func storyCopy(id string, full bool, date time.Time) (string, aggregator.Article) {
	src, title, body := "cls", storetest.FlashTitle, storetest.FlashBody
	if full {
		src, title, body = "stcn", storetest.FullTitle, storetest.FullBody
	}
	a := storetest.Article(id, src, date)
	a.Title, a.Body = title, body
	a.Link = "https://" + src + ".example.com/" + id
	a.Key = a.Link
	return src, a
}

// TestStoryAcrossNodes: two nodes on one database store copies of one story, each fetched by one
// node; they end up as one story whichever way they meet: through the generation poll (the second
// node loaded the first's print before it matched), in a race (it had not: its transaction finds
// the print under the generation's lock and joins it), or with both saves at once. Each node's
// merged output shows one item, and a third copy saved later by either node joins that story.
func TestStoryAcrossNodes(t *testing.T) {
	for _, tt := range []struct {
		name string
		// save stores the flash on a and the full article on b.
		save func(t *testing.T, a, b *Store, flash, full func(*Store) aggregator.SaveResult)
	}{
		{"b polls, then saves", func(t *testing.T, a, b *Store, flash, full func(*Store) aggregator.SaveResult) {
			flash(a)
			if err := b.SyncGeneration(t.Context()); err != nil {
				t.Fatal(err)
			}
			if n := b.StoryIndexLen(); n != 1 {
				t.Fatalf("b's index holds %d prints after the poll, want a's one", n)
			}
			if res := full(b); res.Grouped != 1 {
				t.Errorf("b's save: %+v, want the full article grouped", res)
			}
		}},
		{"b saves without polling", func(t *testing.T, a, b *Store, flash, full func(*Store) aggregator.SaveResult) {
			flash(a)
			if res := full(b); res.Grouped != 1 {
				t.Errorf("b's save: %+v, want the full article grouped when b's transaction met a's print", res)
			}
		}},
		{"both at once", func(t *testing.T, a, b *Store, flash, full func(*Store) aggregator.SaveResult) {
			var wg sync.WaitGroup
			start := make(chan struct{})
			wg.Go(func() { <-start; flash(a) })
			wg.Go(func() { <-start; full(b) })
			close(start)
			wg.Wait()
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dsn := pg.DSN(t)
			a, b := openGroupingNode(t, dsn), openGroupingNode(t, dsn)
			t0 := time.Now().Add(-time.Hour).Truncate(time.Second)
			save := func(s *Store, id string, full bool) aggregator.SaveResult {
				src, art := storyCopy(id, full, t0)
				res, err := s.SaveFeed(context.Background(), src, []aggregator.Article{art}, aggregator.FetchState{})
				if err != nil {
					t.Error(err)
				}
				return res
			}
			tt.save(t, a, b, func(s *Store) aggregator.SaveResult { return save(s, "flash", false) },
				func(s *Store) aggregator.SaveResult { return save(s, "full", true) })
			oneStory := func(when string, want int) {
				t.Helper()
				for i, s := range []*Store{a, b} {
					got, err := s.Articles(t.Context(), aggregator.Query{Merge: true})
					if err != nil {
						t.Fatal(err)
					}
					if len(got) != 1 || len(got[0].Also) != want-1 {
						var items []string
						for _, g := range got {
							items = append(items, fmt.Sprintf("%s (+%d copies)", g.ID, len(g.Also)))
						}
						t.Errorf("%s: node %d's merged output: %v, want one story of %d copies", when, i, items, want)
					}
				}
			}
			oneStory("after the two saves", 2)
			// Both indexes agree now: a third copy, saved by either node, joins the story.
			for _, s := range []*Store{a, b} {
				if err := s.SyncGeneration(t.Context()); err != nil {
					t.Fatal(err)
				}
			}
			if res := save(a, "full-again", true); res.Grouped != 1 {
				t.Errorf("a third copy saved by a: %+v, want it grouped", res)
			}
			oneStory("after a third copy", 3)
			if err := a.Check(t.Context()); err != nil {
				t.Error(err)
			}
		})
	}
}

// mergedItems lists s's merged output as "id+copies", in output order.
func mergedItems(t *testing.T, s *Store) []string {
	t.Helper()
	got, err := s.Articles(t.Context(), aggregator.Query{Merge: true})
	if err != nil {
		t.Fatal(err)
	}
	var items []string
	for _, g := range got {
		items = append(items, fmt.Sprintf("%s+%d", g.ID, len(g.Also)))
	}
	slices.Sort(items)
	return items
}

// TestStoryChangesAcrossNodes: what one node changes in a story reaches the other's index through
// the generation poll. A split on a: b's output shows the article apart, and a later copy of it
// saved by b joins the split article, never the story it left. A prune on a: b's index drops the
// article, and a later copy saved by b starts a story of its own instead of joining one that no
// longer exists.
func TestStoryChangesAcrossNodes(t *testing.T) {
	t0 := time.Now().Add(-time.Hour).Truncate(time.Second)
	save := func(t *testing.T, s *Store, id string, full bool) aggregator.SaveResult {
		t.Helper()
		src, art := storyCopy(id, full, t0)
		res, err := s.SaveFeed(t.Context(), src, []aggregator.Article{art}, aggregator.FetchState{})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	poll := func(t *testing.T, ss ...*Store) {
		t.Helper()
		for _, s := range ss {
			if err := s.SyncGeneration(t.Context()); err != nil {
				t.Fatal(err)
			}
		}
	}
	t.Run("split", func(t *testing.T) {
		dsn := pg.DSN(t)
		a, b := openGroupingNode(t, dsn), openGroupingNode(t, dsn)
		save(t, a, "flash", false)
		poll(t, b)
		if res := save(t, b, "full", true); res.Grouped != 1 {
			t.Fatalf("b's save: %+v, want the full article grouped with a's flash", res)
		}
		poll(t, a)
		if err := a.SplitStory(t.Context(), "full"); err != nil {
			t.Fatal(err)
		}
		poll(t, b)
		if got, want := mergedItems(t, b), []string{"flash+0", "full+0"}; !slices.Equal(got, want) {
			t.Errorf("b's merged output after a's split: %v, want %v", got, want)
		}
		if res := save(t, b, "full-again", true); res.Grouped != 1 {
			t.Errorf("a copy of the split article saved by b: %+v, want it grouped", res)
		}
		want := []string{"flash+0", "full+1"}
		for i, s := range []*Store{a, b} {
			poll(t, s)
			if got := mergedItems(t, s); !slices.Equal(got, want) {
				t.Errorf("node %d's merged output after a copy of the split article: %v, want %v (the copy with the split article, not its old story)", i, got, want)
			}
		}
		if err := b.Check(t.Context()); err != nil {
			t.Error(err)
		}
	})
	// An edit on a remakes the article's print, and b takes the new print up at its next poll: a copy
	// of the edited text that b saves joins the article (the old print's figures vetoed it).
	t.Run("edit", func(t *testing.T) {
		dsn := pg.DSN(t)
		a, b := openGroupingNode(t, dsn), openGroupingNode(t, dsn)
		flash := func(lead, sales, growth, id, src string) aggregator.Article {
			art := storetest.Article(id, src, t0)
			art.Title, art.Body = storetest.SalesFlash(lead, sales, growth)
			art.Link = "https://" + src + ".example.com/" + id
			art.Key = art.Link
			return art
		}
		if _, err := a.SaveFeed(t.Context(), "cls", []aggregator.Article{flash(storetest.ClsLead, "30.2", "66.5", "byd", "cls")}, aggregator.FetchState{}); err != nil {
			t.Fatal(err)
		}
		poll(t, b)
		edit := flash(storetest.ClsLead, "50.2", "38.4", "byd", "cls")
		if res, err := a.SaveFeed(t.Context(), "cls", []aggregator.Article{edit}, aggregator.FetchState{}); err != nil || res.Updated != 1 {
			t.Fatalf("a's edit: %+v, %v", res, err)
		}
		poll(t, b)
		cp := flash("证券时报e公司讯，", "50.2", "38.4", "stcn-byd", "stcn")
		res, err := b.SaveFeed(t.Context(), "stcn", []aggregator.Article{cp}, aggregator.FetchState{})
		if err != nil || res.Grouped != 1 {
			t.Fatalf("b's copy of the edited text: %+v, %v; want it grouped with the edited article", res, err)
		}
		poll(t, a)
		for i, s := range []*Store{a, b} {
			if got, want := mergedItems(t, s), []string{"byd+1"}; !slices.Equal(got, want) {
				t.Errorf("node %d's merged output: %v, want %v", i, got, want)
			}
		}
	})
	// tributary migrate --from FILE.db beside running nodes: they load the copied prints at their
	// next poll, and a copy they save later joins the copied story.
	t.Run("migrate", func(t *testing.T) {
		dsn := pg.DSN(t)
		b := openGroupingNode(t, dsn)
		migrating, err := Open(t.Context(), dsn, Options{GenerationPoll: -1})
		if err != nil {
			t.Fatal(err)
		}
		defer migrating.Close()
		_, flash := storyCopy("flash", false, t0)
		v, err := story.Fingerprint(flash.Title, flash.Body, t0).AppendBinary(nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := migrating.Sink().Prints(t.Context(), []transfer.Print{{ID: "flash", FirstSeen: t0, Print: v}}); err != nil {
			t.Fatal(err)
		}
		poll(t, b)
		if n := b.StoryIndexLen(); n != 1 {
			t.Errorf("b's index holds %d prints after the copy, want the copied one", n)
		}
		if res := save(t, b, "full", true); res.Grouped != 1 {
			t.Errorf("b's save of a copy of the copied article: %+v, want it grouped", res)
		}
	})
	t.Run("prune", func(t *testing.T) {
		dsn := pg.DSN(t)
		a, b := openGroupingNode(t, dsn), openGroupingNode(t, dsn)
		save(t, a, "flash", false)
		poll(t, b)
		if n := b.StoryIndexLen(); n != 1 {
			t.Fatalf("b's index holds %d prints, want a's one", n)
		}
		if n, err := a.Prune(t.Context(), aggregator.PrunePolicy{Before: time.Now()}); err != nil || n != 1 {
			t.Fatalf("a's prune: %d, %v; want the flash removed", n, err)
		}
		poll(t, b)
		if n := b.StoryIndexLen(); n != 0 {
			t.Errorf("b's index holds %d prints after a pruned the only article, want none", n)
		}
		if res := save(t, b, "full", true); res.Grouped != 0 {
			t.Errorf("b's save of a copy of the pruned article: %+v, want a story of its own", res)
		}
		for i, s := range []*Store{a, b} {
			poll(t, s)
			if got, want := mergedItems(t, s), []string{"full+0"}; !slices.Equal(got, want) {
				t.Errorf("node %d's merged output: %v, want %v", i, got, want)
			}
		}
		if err := b.Check(t.Context()); err != nil {
			t.Error(err)
		}
	})
}

// TestStoryRaceOfThree: a stores the flash; b, which has not polled, stores two copies of the
// full article in one transaction, the second joining the first. The first then matches a's flash
// under the generation's lock and joins it with its copy: one story on both nodes, in a consistent
// database. (With the copy in another transaction of b the first stays: README, PostgreSQL,
// several nodes.)
func TestStoryRaceOfThree(t *testing.T) {
	dsn := pg.DSN(t)
	a, b := openGroupingNode(t, dsn), openGroupingNode(t, dsn)
	t0 := time.Now().Add(-time.Hour).Truncate(time.Second)
	src, flash := storyCopy("flash", false, t0)
	if _, err := a.SaveFeed(t.Context(), src, []aggregator.Article{flash}, aggregator.FetchState{}); err != nil {
		t.Fatal(err)
	}
	src, full := storyCopy("full", true, t0)
	_, again := storyCopy("full-again", true, t0)
	res, err := b.SaveFeed(t.Context(), src, []aggregator.Article{full, again}, aggregator.FetchState{})
	if err != nil || res.Grouped != 2 {
		t.Fatalf("b's save: %+v %v, want both copies grouped with a's flash", res, err)
	}
	want := []string{"flash+2"}
	for i, s := range []*Store{a, b} {
		if err := s.SyncGeneration(t.Context()); err != nil {
			t.Fatal(err)
		}
		if got := mergedItems(t, s); !slices.Equal(got, want) {
			t.Errorf("node %d's merged output: %v, want %v", i, got, want)
		}
	}
	if err := a.Check(t.Context()); err != nil {
		t.Error(err)
	}
}

// TestSecondLookAcrossNodes: a flash quoting a long article's middle (storetest.MiddleBody) and the
// article, each saved by another node that has not polled: the second's transaction meets the
// first's print only under the generation's lock (rejoin), and still joins it through the second
// look, whichever comes first — its own long text at hand, or the other node's article read back.
func TestSecondLookAcrossNodes(t *testing.T) {
	t0 := time.Now().Add(-time.Hour).Truncate(time.Second)
	flashTitle := "快讯：" + storetest.LongTitle
	flash := storetest.Article("flash", "cls", t0.Add(-5*time.Hour))
	flash.Title = flashTitle
	flash.Body = "<p>【" + flashTitle + "】财联社11月2日电，" + strings.TrimPrefix(storetest.MiddleBody, "<p>")
	long := storetest.Article("long", "stcn", t0)
	long.Title, long.Body = storetest.LongTitle, storetest.LongBody
	for _, a := range []*aggregator.Article{&flash, &long} {
		a.Link = "https://" + a.Sources[0] + ".example.com/" + a.ID
		a.Key = a.Link
	}
	for _, tt := range []struct {
		name          string
		first, second aggregator.Article
	}{
		{"article after the flash", flash, long},
		{"flash after the article", long, flash},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dsn := pg.DSN(t)
			a, b := openGroupingNode(t, dsn), openGroupingNode(t, dsn)
			if _, err := a.SaveFeed(t.Context(), tt.first.Sources[0], []aggregator.Article{tt.first}, aggregator.FetchState{}); err != nil {
				t.Fatal(err)
			}
			res, err := b.SaveFeed(t.Context(), tt.second.Sources[0], []aggregator.Article{tt.second}, aggregator.FetchState{})
			if err != nil {
				t.Fatal(err)
			}
			if res.Grouped != 1 {
				t.Errorf("b's save: %+v, want the article grouped with a's", res)
			}
			for i, s := range []*Store{a, b} {
				if err := s.SyncGeneration(t.Context()); err != nil {
					t.Fatal(err)
				}
				if got := mergedItems(t, s); !slices.Equal(got, []string{tt.first.ID + "+1"}) {
					t.Errorf("node %d's merged output: %v, want one story under %s", i, got, tt.first.ID)
				}
			}
		})
	}
}

// TestReprintRollback: an edit whose transaction fails (here a trigger refuses its row of
// story_print_gens) leaves the node's index with the print of the text still stored; the retry
// gives it the edit's.
func TestReprintRollback(t *testing.T) {
	ctx := t.Context()
	s := openGroupingNode(t, pg.DSN(t))
	t0 := time.Now().Add(-time.Hour).Truncate(time.Second)
	src, a := storyCopy("flash", false, t0)
	if _, err := s.SaveFeed(ctx, src, []aggregator.Article{a}, aggregator.FetchState{}); err != nil {
		t.Fatal(err)
	}
	held := func() []uint32 {
		s.dedup.mu.Lock()
		defer s.dedup.mu.Unlock()
		_, p, ok := s.dedup.idx.Get("flash")
		if !ok {
			t.Fatal("the index lost the flash's print")
		}
		return p.Shingles
	}
	printOf := func(title, body string) []uint32 { return story.Fingerprint(title, body, t0).Shingles }
	if !slices.Equal(held(), printOf(storetest.FlashTitle, storetest.FlashBody)) {
		t.Fatal("the flash's print is not its text's")
	}
	if _, err := s.pool.Exec(ctx, `CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$;
CREATE TRIGGER refuse BEFORE INSERT ON story_print_gens FOR EACH ROW EXECUTE FUNCTION refuse()`); err != nil {
		t.Fatal(err)
	}
	a.Title, a.Body = storetest.FullTitle, storetest.FullBody // the flash filled in
	if _, err := s.SaveFeed(ctx, src, []aggregator.Article{a}, aggregator.FetchState{}); err == nil || !strings.Contains(err.Error(), "refused") {
		t.Fatalf("the edit with its row refused: %v, want the trigger's error", err)
	}
	if !slices.Equal(held(), printOf(storetest.FlashTitle, storetest.FlashBody)) {
		t.Error("after the failed edit the index holds another print than the stored text's")
	}
	if _, err := s.pool.Exec(ctx, `DROP TRIGGER refuse ON story_print_gens`); err != nil {
		t.Fatal(err)
	}
	if res, err := s.SaveFeed(ctx, src, []aggregator.Article{a}, aggregator.FetchState{}); err != nil || res.Updated != 1 {
		t.Fatalf("the edit retried: %+v, %v", res, err)
	}
	if !slices.Equal(held(), printOf(storetest.FullTitle, storetest.FullBody)) {
		t.Error("after the edit committed the index does not hold the edit's print")
	}
}
