package store

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"tributary/aggregator"
	"tributary/aggregator/storetest"
	"tributary/aggregator/story"
)

// storyArt is an article of source src with its own link.
func storyArt(id, src, title, body string, date time.Time) aggregator.Article {
	a := art(id, src, date)
	a.Title, a.Body = title, body
	a.Link = "https://" + src + ".example.com/" + id
	a.Key = a.Link
	return a
}

func dedupOpts() *story.Options { return &story.Options{} }

// TestStoryPrune: pruning an article removes its print, its member entry and its splits, and the
// index forgets it; a story whose first article was pruned keeps its ID.
func TestStoryPrune(t *testing.T) {
	ctx := context.Background()
	clock := newClock()
	s := openStore(t, Options{Now: clock.Now, Dedup: &story.Options{Window: 72 * time.Hour}})
	t0 := clock.Now()
	save(t, s, "cls", storyArt("flash", "cls", storetest.FlashTitle, storetest.FlashBody, t0.Add(-48*time.Hour)))
	save(t, s, "stcn", storyArt("full", "stcn", storetest.FullTitle, storetest.FullBody, t0.Add(-20*time.Hour)))
	save(t, s, "nbs", storyArt("other", "nbs", storetest.OtherTitle, storetest.OtherBody, t0))
	if get(t, s, "full").Story != "flash" || s.StoryIndexLen() != 3 {
		t.Fatalf("setup: full in %q, index %d", get(t, s, "full").Story, s.StoryIndexLen())
	}
	n, err := s.Prune(ctx, aggregator.PrunePolicy{Before: t0.Add(-30 * time.Hour)})
	if err != nil || n != 1 {
		t.Fatalf("Prune = %d, %v; want the flash", n, err)
	}
	if got := s.StoryIndexLen(); got != 2 {
		t.Errorf("index holds %d prints after the prune, want 2", got)
	}
	if got := query(t, s, aggregator.Query{Merge: true}); !slices.Equal(sorted(ids(got)), []string{"flash", "other"}) {
		t.Errorf("merged ids %v: the story keeps its ID when its first article goes", ids(got))
	}
	n, err = s.Prune(ctx, aggregator.PrunePolicy{Before: t0.Add(time.Hour)})
	if err != nil || n != 2 {
		t.Fatalf("Prune = %d, %v", n, err)
	}
	_ = s.db.View(func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bucketPrints, bucketMembers, bucketApart} {
			if k := tx.Bucket(b).Stats().KeyN; k != 0 {
				t.Errorf("%s holds %d keys after everything was pruned", b, k)
			}
		}
		return nil
	})
	if got := s.StoryIndexLen(); got != 0 {
		t.Errorf("index holds %d prints, want 0", got)
	}
	mustCheck(t, s)
}

// TestStoryWindow: Open loads only the prints of the window, the writer expires the rest, and an
// article outside the window starts its own story.
func TestStoryWindow(t *testing.T) {
	clock := newClock()
	path := filepath.Join(t.TempDir(), "tributary.db")
	opts := Options{Now: clock.Now, Dedup: &story.Options{Window: 10 * time.Hour}}
	s := openAt(t, path, opts)
	for i := range 50 {
		a := storyArt(fmt.Sprintf("old%02d", i), "nbs", fmt.Sprintf("旧闻%d", i), fmt.Sprintf("<p>第%d条旧闻，内容各不相同，编号%d。</p>", i, i*7919), clock.Now())
		save(t, s, "nbs", a)
	}
	if got := s.StoryIndexLen(); got != 50 {
		t.Fatalf("index %d, want 50", got)
	}
	clock.Advance(11 * time.Hour)
	save(t, s, "cls", storyArt("flash", "cls", storetest.FlashTitle, storetest.FlashBody, clock.Now()))
	if got := s.StoryIndexLen(); got != 1 {
		t.Errorf("after the window passed the writer's index holds %d, want 1", got)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = openAt(t, path, opts)
	if got := s.StoryIndexLen(); got != 1 {
		t.Errorf("reopened index holds %d prints, want the window's 1 of 51 stored", got)
	}
	// A copy dated before the window does not join, and leaves no print: the index would drop it.
	save(t, s, "stcn", storyArt("full", "stcn", storetest.FullTitle, storetest.FullBody, clock.Now().Add(-12*time.Hour)))
	if st := get(t, s, "full").Story; st != "" {
		t.Errorf("a copy outside the window joined %q", st)
	}
	if got := s.StoryIndexLen(); got != 1 {
		t.Errorf("an article dated before the window entered the index (%d prints)", got)
	}
}

// TestStoryRollback: when a group transaction fails, the prints it added to the index are taken out
// again, and the requests committed again alone group as if the failure never happened.
func TestStoryRollback(t *testing.T) {
	clock := newClock()
	s := openStore(t, Options{Now: clock.Now, Dedup: dedupOpts()})
	ctx := context.Background()
	canceled, cancel := context.WithCancel(ctx)
	cancel()
	mk := func(c context.Context, src string, a aggregator.Article) *saveReq {
		prints := s.fingerprints(src, []aggregator.Article{a})
		st, _ := encodeState(aggregator.FetchState{})
		return &saveReq{ctx: c, source: src, articles: []aggregator.Article{a}, prints: prints, state: st, feed: true}
	}
	good := mk(ctx, "cls", storyArt("flash", "cls", storetest.FlashTitle, storetest.FlashBody, clock.Now()))
	bad := mk(canceled, "stcn", storyArt("full", "stcn", storetest.FullTitle, storetest.FullBody, clock.Now()))
	failed := 0
	if err := s.runGroup([]*saveReq{good, bad}, &failed); err == nil || failed != 1 {
		t.Fatalf("runGroup = %v (failed %d), want the canceled request to fail", err, failed)
	}
	if got := s.StoryIndexLen(); got != 0 {
		t.Fatalf("index holds %d prints after a rollback, want 0", got)
	}
	s.commitGroup([]*saveReq{good, mk(ctx, "stcn", storyArt("full", "stcn", storetest.FullTitle, storetest.FullBody, clock.Now()))})
	if good.err != nil || s.StoryIndexLen() != 2 || get(t, s, "full").Story != "flash" {
		t.Errorf("after the retry: err %v, index %d, story %q", good.err, s.StoryIndexLen(), get(t, s, "full").Story)
	}

	// An edit remakes the article's print (reprint); when its transaction fails, the index holds
	// the print of the text still stored, and the retry gives it the edit's.
	printOf := func(title, body string) story.Print {
		return story.Fingerprint(title, body, clock.Now())
	}
	held := func() story.Print {
		s.dedup.mu.Lock()
		defer s.dedup.mu.Unlock()
		_, p, ok := s.dedup.idx.Get("flash")
		if !ok {
			t.Fatal("the index lost the flash's print")
		}
		return p
	}
	edit := storyArt("flash", "cls", storetest.FullTitle, storetest.FullBody, clock.Now()) // the flash filled in
	before := held()
	if !slices.Equal(before.Shingles, printOf(storetest.FlashTitle, storetest.FlashBody).Shingles) {
		t.Fatal("the flash's print is not its text's")
	}
	if err := s.runGroup([]*saveReq{mk(ctx, "cls", edit), mk(canceled, "nbs", storyArt("x", "nbs", "x", "x", clock.Now()))}, &failed); err == nil {
		t.Fatal("runGroup with a canceled request succeeded")
	}
	if got := held(); !slices.Equal(got.Shingles, before.Shingles) {
		t.Error("after the failed edit the index holds another print than the stored text's")
	}
	s.commitGroup([]*saveReq{mk(ctx, "cls", edit)})
	if got := held(); !slices.Equal(got.Shingles, printOf(storetest.FullTitle, storetest.FullBody).Shingles) {
		t.Error("after the edit committed the index does not hold the edit's print")
	}
}

// TestStoryOldDatabase opens a schema 2 database (no story buckets, records without a story) with
// grouping on: it opens, its articles are their own stories, and new copies group with new articles.
func TestStoryOldDatabase(t *testing.T) {
	clock := newClock()
	path := filepath.Join(t.TempDir(), "tributary.db")
	s := openAt(t, path, Options{Now: clock.Now})
	save(t, s, "cls", storyArt("flash", "cls", storetest.FlashTitle, storetest.FlashBody, clock.Now()))
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bucketPrints, bucketMembers, bucketApart, bucketStoryLog} {
			if err := tx.DeleteBucket(b); err != nil {
				return err
			}
		}
		arts := tx.Bucket(bucketArticles)
		v := slices.Clone(arts.Get([]byte("flash")))
		v[0], v = recordV2, v[:len(v)-1] // a version 2 record: no story at the end
		if err := arts.Put([]byte("flash"), v); err != nil {
			return err
		}
		return tx.Bucket(bucketMeta).Put(keySchema, binary.BigEndian.AppendUint32(nil, 2))
	})
	if err == nil {
		err = db.Close()
	}
	if err != nil {
		t.Fatal(err)
	}
	s = openAt(t, path, Options{Now: clock.Now, Dedup: dedupOpts()})
	if a := get(t, s, "flash"); a.Story != "" || a.Title != storetest.FlashTitle {
		t.Fatalf("old record read as %+v", a)
	}
	save(t, s, "nbs", storyArt("other", "nbs", storetest.OtherTitle, storetest.OtherBody, clock.Now()))
	save(t, s, "stcn", storyArt("full", "stcn", storetest.OtherTitle+"（全文）", storetest.OtherBody+storetest.FullBody, clock.Now()))
	if got := query(t, s, aggregator.Query{Merge: true}); len(got) != 2 {
		t.Errorf("merged %v: want 2 stories", ids(got))
	}
	mustCheck(t, s)
}

// TestStoryIndexMemoryBounded: the index holds the window's prints, however many articles the store
// holds, and startup reads no more than that.
func TestStoryIndexMemoryBounded(t *testing.T) {
	clock := newClock()
	path := filepath.Join(t.TempDir(), "tributary.db")
	opts := Options{Now: clock.Now, Dedup: &story.Options{Window: time.Hour}}
	s := openAt(t, path, opts)
	for round := range 5 {
		var batch []aggregator.Article
		for i := range 40 {
			id := fmt.Sprintf("r%di%02d", round, i)
			batch = append(batch, storyArt(id, "nbs", "标题"+id, fmt.Sprintf("<p>互不相关的第%d轮第%d条，数值%d。</p>", round, i, round*1000+i*37), clock.Now()))
		}
		save(t, s, "nbs", batch...)
		clock.Advance(2 * time.Hour)
		if got := s.StoryIndexLen(); got > 40 {
			t.Fatalf("round %d: index holds %d prints, want at most one round's 40", round, got)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = openAt(t, path, opts)
	if got, n := s.StoryIndexLen(), stats(t, s).Articles; got != 0 || n != 200 {
		t.Errorf("reopened two hours after the last round: index %d of %d articles, want 0", got, n)
	}
}

// FuzzDecodePrint: a damaged story_prints value is an error, never a panic or a huge allocation;
// what decodes encodes back the same.
func FuzzDecodePrint(f *testing.F) {
	p := story.Fingerprint(storetest.FullTitle, storetest.FullBody, time.Unix(1700000000, 0))
	for _, st := range []string{"", "flash"} {
		v, err := encodePrint(st, &p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		st, p, err := decodePrint(b)
		if err != nil {
			if !errors.Is(err, errCorrupt) {
				t.Fatalf("error %v does not wrap errCorrupt", err)
			}
			return
		}
		v, err := encodePrint(st, &p)
		if err != nil {
			t.Fatal(err)
		}
		st2, p2, err := decodePrint(v)
		if err != nil || st2 != st || !slices.Equal(p2.Shingles, p.Shingles) || !slices.Equal(p2.Facts, p.Facts) || !p2.Time.Equal(p.Time) {
			t.Fatalf("re-encoding: %v", err)
		}
	})
}

// TestStoryIndexLoadsBehindOpen: Open does not wait for the story index (a big window takes
// seconds to load); the first write does, so a copy saved right after Open still joins a story whose
// print is the last of several load transactions. A Close that cuts the load short loses nothing:
// the next Open loads every print.
func TestStoryIndexLoadsBehindOpen(t *testing.T) {
	clock := newClock()
	path := filepath.Join(t.TempDir(), "tributary.db")
	opts := Options{Now: clock.Now, Dedup: dedupOpts()}
	s := openAt(t, path, opts)
	const n = 2*loadChunk + 100 // three load transactions
	var batch []aggregator.Article
	for i := range n {
		batch = append(batch, storyArt(fmt.Sprintf("a%05d", i), "nbs", fmt.Sprintf("旧闻%d", i),
			fmt.Sprintf("<p>第%d条旧闻，内容各不相同，编号%d。</p>", i, i*7919), clock.Now()))
		if len(batch) == 500 || i == n-1 {
			save(t, s, fmt.Sprintf("nbs%d", i/500), batch...)
			batch = batch[:0]
		}
	}
	clock.Advance(time.Second) // the flash's print sorts after all the others
	save(t, s, "cls", storyArt("flash", "cls", storetest.FlashTitle, storetest.FlashBody, clock.Now()))
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	// Cut short: Close right after Open neither hangs nor fails, and keeps every print.
	s = openAt(t, path, opts)
	if err := s.Close(); err != nil {
		t.Fatalf("close during the index load: %v", err)
	}

	s = openAt(t, path, opts)
	save(t, s, "stcn", storyArt("full", "stcn", storetest.FullTitle, storetest.FullBody, clock.Now()))
	if st := get(t, s, "full").Story; st != "flash" {
		t.Errorf("a copy saved right after Open is in story %q, want the flash's", st)
	}
	if got := s.StoryIndexLen(); got != n+2 {
		t.Errorf("index holds %d prints, want %d", got, n+2)
	}
	for _, chunk := range []int{1000, n + 2, 16 * loadChunk} { // the count that sizes the load
		if got := s.countPrints(dateKey(clock.Now().Add(-time.Hour)), nil, chunk); got != n+2 {
			t.Errorf("countPrints in chunks of %d = %d, want %d", chunk, got, n+2)
		}
	}
	mustCheck(t, s)
}

// TestStatesDoNotWaitForTheStoryIndex: a write of fetch states alone (a failure, a round of 304s) does not wait
// for the story index to load behind Open (at 10,000 sources, seconds); it has no article to group.
func TestStatesDoNotWaitForTheStoryIndex(t *testing.T) {
	clock := newClock()
	s := openAt(t, filepath.Join(t.TempDir(), "tributary.db"), Options{Now: clock.Now, Dedup: dedupOpts()})
	defer s.Close()
	s.dedup.ready()
	// As if the window were still loading: the loader has ended (it closed the channel it held).
	loading := make(chan struct{})
	s.dedup.loaded = loading
	defer close(loading)
	done := make(chan error, 1)
	go func() {
		// One state goes through the group commit, a batch takes the writer lock itself.
		err := s.SaveState(context.Background(), "nbs", aggregator.FetchState{ETag: `"a"`, LastStatus: aggregator.StatusError, LastError: "boom"})
		if err == nil {
			err = s.SaveStates(context.Background(), map[string]aggregator.FetchState{"cls": {ETag: `"b"`, LastStatus: aggregator.StatusNotModified}})
		}
		done <- err
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(time.Minute):
		t.Fatal("saving fetch states waited for the story index to load")
	}
	states, err := s.States(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if states["nbs"].LastError != "boom" || states["cls"].ETag != `"b"` {
		t.Errorf("stored states %+v", states)
	}
}

// TestPrintsDoNotWaitForTheIndexLock: a parse worker prints a feed's articles without waiting for
// the story index's lock, which the writer holds while a table grows: with the lock free it skips
// the article the index holds, with the lock held it prints that one too (the writer uses a print
// only for a new record) instead of waiting.
func TestPrintsDoNotWaitForTheIndexLock(t *testing.T) {
	clock := newClock()
	s := openStore(t, Options{Now: clock.Now, Dedup: dedupOpts()})
	t0 := clock.Now().Add(-time.Hour)
	stored := storyArt("stored", "cls", storetest.FlashTitle, storetest.FlashBody, t0)
	if _, err := s.SaveFeed(context.Background(), "cls", []aggregator.Article{stored}, aggregator.FetchState{}); err != nil {
		t.Fatal(err)
	}
	feed := []aggregator.Article{stored, storyArt("new", "stcn", storetest.OtherTitle, storetest.OtherBody, t0)}
	if p := s.fingerprints("cls", feed); p[0] != nil || p[1] == nil {
		t.Fatalf("lock free: prints %v, want none for the stored article and one for the new", p)
	}
	s.dedup.mu.Lock()
	defer s.dedup.mu.Unlock()
	done := make(chan []*story.Print, 1)
	go func() { done <- s.fingerprints("cls", feed) }()
	select {
	case p := <-done:
		if p[0] == nil || p[1] == nil {
			t.Errorf("lock held: prints %v, want both", p)
		}
	case <-time.After(time.Minute):
		t.Fatal("printing waited for the story index's lock")
	}
}

// TestStoryIndexBound: with story.Options.MaxPrints the index keeps the newest prints only, in the
// writer and when Open loads it (the older ones are passed over unread), and Stats says what it
// forgot; an article whose print was forgotten cannot be joined, one whose print is kept can.
func TestStoryIndexBound(t *testing.T) {
	const limit, n = 20, 50
	clock := newClock()
	path := filepath.Join(t.TempDir(), "tributary.db")
	opts := Options{Now: clock.Now, Dedup: &story.Options{Window: 10 * time.Hour, MaxPrints: limit}}
	s := openAt(t, path, opts)
	save(t, s, "cls", storyArt("flash", "cls", storetest.FlashTitle, storetest.FlashBody, clock.Now()))
	var newest []string
	for i := range n {
		clock.Advance(time.Minute)
		id := fmt.Sprintf("news%02d", i)
		save(t, s, "nbs", storyArt(id, "nbs", fmt.Sprintf("消息%d", i), fmt.Sprintf("<p>第%d条消息，内容各不相同，编号%d。</p>", i, i*7919), clock.Now()))
		if i >= n-limit {
			newest = append(newest, id)
		}
	}
	ctx := context.Background()
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got := st.StoryIndex; got.Prints != limit || got.MaxPrints != limit || got.Evicted != n+1-limit || got.Bytes <= 0 {
		t.Errorf("Stats().StoryIndex = %+v, want %d prints of %d, %d evicted", got, limit, limit, n+1-limit)
	}
	// The flash's print is forgotten: its full article starts a story of its own.
	clock.Advance(time.Minute)
	save(t, s, "stcn", storyArt("full", "stcn", storetest.FullTitle, storetest.FullBody, clock.Now()))
	if got := get(t, s, "full").Story; got != "" {
		t.Errorf("the full article joined %q, whose print the bound forgot", got)
	}
	newest = append(newest[1:], "full")
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = openAt(t, path, opts)
	s.dedup.ready()
	s.dedup.mu.Lock()
	got := s.dedup.idx.IDs()
	s.dedup.mu.Unlock()
	if slices.Sort(newest); !slices.Equal(got, newest) {
		t.Errorf("reopened index holds %v, want the newest %d: %v", got, limit, newest)
	}
	if st, _ := s.Stats(ctx); st.StoryIndex.Evicted != 0 {
		t.Errorf("the load read and evicted %d prints: it should pass over the oldest", st.StoryIndex.Evicted)
	}
	// A copy of a kept article joins it.
	save(t, s, "cls", storyArt("flash2", "cls", storetest.FlashTitle, storetest.FlashBody, clock.Now()))
	if got := get(t, s, "flash2").Story; got != "full" {
		t.Errorf("a copy of a kept article is in story %q, want full", got)
	}
	mustCheck(t, s)
}
