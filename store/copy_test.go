package store

import (
	"context"
	"slices"
	"testing"
	"time"

	"tributary/aggregator"
	"tributary/aggregator/merge"
	"tributary/aggregator/storetest"
	"tributary/aggregator/transfer"
)

// recordingSink keeps what CopyTo hands it, and how many batches.
type recordingSink struct {
	recs     []merge.Record
	tombs    []transfer.Tombstone
	listed   map[string][]string
	states   map[string]aggregator.FetchState
	prints   []transfer.Print
	splits   []transfer.Split
	log      []aggregator.StoryMerge
	batches  int
	finished bool
}

func (r *recordingSink) Articles(_ context.Context, recs []merge.Record) error {
	r.batches++
	r.recs = append(r.recs, slices.Clone(recs)...)
	return nil
}

func (r *recordingSink) Tombstones(_ context.Context, ts []transfer.Tombstone) error {
	r.tombs = append(r.tombs, ts...)
	return nil
}

func (r *recordingSink) Listed(_ context.Context, source string, ids []string) error {
	r.listed[source] = append(r.listed[source], ids...)
	return nil
}

func (r *recordingSink) States(_ context.Context, states map[string]aggregator.FetchState) error {
	for k, v := range states {
		r.states[k] = v
	}
	return nil
}

func (r *recordingSink) Prints(_ context.Context, ps []transfer.Print) error {
	r.prints = append(r.prints, ps...)
	return nil
}

func (r *recordingSink) Splits(_ context.Context, ss []transfer.Split) error {
	r.splits = append(r.splits, ss...)
	return nil
}

func (r *recordingSink) StoryLog(_ context.Context, log []aggregator.StoryMerge) error {
	r.log = log
	return nil
}

func (r *recordingSink) Finish(context.Context) error {
	r.finished = true
	return nil
}

// TestCopyTo: CopyTo hands over every part of the database — articles with their bodies, hashes
// and stories, tombstones, listings, states, prints, splits, the story log oldest first — in
// batches of copyBatch, then Finish.
func TestCopyTo(t *testing.T) {
	ctx := context.Background()
	clock := newClock()
	s := openStore(t, Options{Now: clock.Now, Dedup: dedupOpts()})
	t0 := clock.Now()
	feb1 := time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)
	var many []aggregator.Article
	for i := range copyBatch + 7 {
		// Dated before the story window: no prints.
		many = append(many, art(string(rune('a'+i%26))+time.Duration(i).String(), "bulk", feb1.Add(time.Duration(i)*time.Minute)))
	}
	save(t, s, "bulk", many...)
	save(t, s, "cls", storyArt("flash", "cls", storetest.FlashTitle, storetest.FlashBody, t0))
	save(t, s, "stcn", storyArt("full", "stcn", storetest.FullTitle, storetest.FullBody, t0))
	save(t, s, "sina", storyArt("again", "sina", storetest.FullTitle+"！", storetest.FullBody+"<p>更多。</p>", t0))
	if err := s.SplitStory(ctx, "again"); err != nil {
		t.Fatal(err)
	}
	save(t, s, "old", art("gone", "old", feb1.AddDate(0, -1, 0)))
	if _, err := s.Prune(ctx, aggregator.PrunePolicy{Before: feb1}); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveState(ctx, "cls", aggregator.FetchState{ETag: `"e"`}); err != nil {
		t.Fatal(err)
	}

	sink := &recordingSink{listed: map[string][]string{}, states: map[string]aggregator.FetchState{}}
	n, err := s.CopyTo(ctx, sink)
	if err != nil {
		t.Fatal(err)
	}
	want, err := s.Articles(ctx, aggregator.Query{})
	if err != nil {
		t.Fatal(err)
	}
	if n.Articles != len(want) || len(sink.recs) != len(want) || sink.batches != 2 || !sink.finished {
		t.Fatalf("copied %d articles (%d received in %d batches, finished %v), want %d in 2", n.Articles, len(sink.recs), sink.batches, sink.finished, len(want))
	}
	got := map[string]merge.Record{}
	for _, r := range sink.recs {
		got[r.Article.ID] = r
	}
	for _, a := range want {
		r := got[a.ID]
		if r.Article.Body != a.Body || r.Article.Title != a.Title || r.Article.Story != a.Story || !slices.Equal(r.Article.Sources, a.Sources) {
			t.Errorf("article %s copied as %+v", a.ID, r.Article)
		}
		if len(r.Hashes) != len(r.Article.Sources) || r.Hashes[0] == 0 || r.BodyLen != len(a.Body) || r.Shown != merge.ContentHash(a.Title, a.Body) {
			t.Errorf("article %s: hashes %v, body %d, shown %x", a.ID, r.Hashes, r.BodyLen, r.Shown)
		}
	}
	if got["full"].Article.Story != "flash" {
		t.Errorf("full's story %q, want flash", got["full"].Article.Story)
	}
	if len(sink.tombs) != 1 || sink.tombs[0].ID != "gone" || sink.tombs[0].Pruned.IsZero() {
		t.Errorf("tombstones %+v, want gone's", sink.tombs)
	}
	if len(sink.listed["bulk"]) != copyBatch+7 || !slices.Equal(sink.listed["cls"], []string{"flash"}) {
		t.Errorf("listings: bulk %d, cls %v", len(sink.listed["bulk"]), sink.listed["cls"])
	}
	if sink.states["cls"].ETag != `"e"` || len(sink.states) != 5 {
		t.Errorf("states %v", sink.states)
	}
	if len(sink.prints) != 3 || len(sink.splits) != 1 || sink.splits[0].ID != "again" || sink.splits[0].Story != "flash" {
		t.Errorf("prints %d (want the 3 stories' articles in the window), splits %+v", len(sink.prints), sink.splits)
	}
	events, _ := s.Stories(ctx, 0)
	if len(sink.log) != len(events) || len(events) < 2 || sink.log[len(sink.log)-1].Time != events[0].Time || !sink.log[len(sink.log)-1].Split {
		t.Errorf("story log %+v, want %+v oldest first", sink.log, events)
	}
}
