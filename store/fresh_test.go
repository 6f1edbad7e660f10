package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"tributary/aggregator"
)

// indexCounts returns how many entries an index bucket and its twin hold.
func indexCounts(tb testing.TB, s *Store, name []byte) (index, twin int) {
	tb.Helper()
	err := s.db.View(func(tx *bolt.Tx) error {
		index = tx.Bucket(name).Stats().KeyN
		twin = tx.Bucket(freshOf(name)).Stats().KeyN
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return index, twin
}

// TestIndexStaging: new by_date and by_category entries go into the twins, which are folded into
// their indexes once they hold foldAt; queries, updates, Prune and Check see both all along.
func TestIndexStaging(t *testing.T) {
	const foldAt = 40
	s := openStore(t, Options{})
	s.foldAt = foldAt
	rng := rand.New(rand.NewPCG(1, 2))
	var all []aggregator.Article
	folded := false
	for feed := range 11 {
		src := fmt.Sprintf("s%d", feed%3)
		var arts []aggregator.Article
		for i := range 9 {
			// Dates all over March, as a first refresh brings them.
			a := art(fmt.Sprintf("%02d-%d", feed, i), src, day(1+rng.IntN(28)).Add(time.Duration(rng.IntN(86400))*time.Second), "x", fmt.Sprintf("c%d", i%2))
			arts = append(arts, a)
		}
		save(t, s, src, arts...)
		all = append(all, arts...)
		index, twin := indexCounts(t, s, bucketByDate)
		if index+twin != len(all) {
			t.Fatalf("feed %d: by_date %d + twin %d entries for %d articles", feed, index, twin, len(all))
		}
		// Past foldAt, a commit of 9 entries moves 9: the twin stays between foldAt-9 and
		// foldAt+8 once it is full.
		if twin >= foldAt+9 || twin < min(len(all), foldAt-9) {
			t.Fatalf("feed %d: the twin holds %d entries of %d", feed, twin, len(all))
		}
		if index > 0 {
			folded = true
		}
		if got := stagedCount(t, s, bucketByDate); got != uint64(twin) {
			t.Fatalf("feed %d: the twin counts %d entries and holds %d", feed, got, twin)
		}
		if ci, ct := indexCounts(t, s, bucketByCategory); ci+ct != 2*len(all) {
			t.Fatalf("feed %d: by_category %d + twin %d entries for %d articles of 2 categories", feed, ci, ct, len(all))
		}
		mustCheck(t, s)
	}
	if !folded {
		t.Fatal("nothing was folded: the queries below would not read both buckets")
	}
	// Newest first, then by ID descending, across both buckets.
	want := slices.Clone(all)
	slices.SortFunc(want, func(a, b aggregator.Article) int {
		if c := b.Date.Compare(a.Date); c != 0 {
			return c
		}
		return strings.Compare(b.ID, a.ID)
	})
	if got := ids(query(t, s, aggregator.Query{})); !slices.Equal(got, ids(want)) {
		t.Errorf("Articles = %v\nwant %v", got, ids(want))
	}
	// Both filters: the plan drives one index and checks the other in both of its buckets.
	var c1s1 []string
	for _, a := range want {
		if a.Sources[0] == "s1" && slices.Contains(a.Categories, "c1") {
			c1s1 = append(c1s1, a.ID)
		}
	}
	for _, q := range []aggregator.Query{
		{Sources: []string{"s1"}, Categories: []string{"c1"}},
		{Categories: []string{"c1"}, Sources: []string{"s1", "nobody"}},
	} {
		if got := ids(query(t, s, q)); !slices.Equal(got, c1s1) {
			t.Errorf("Articles(%v, %v) = %v\nwant %v", q.Sources, q.Categories, got, c1s1)
		}
	}

	// A staged article moved to another date and category leaves no entry behind in either bucket.
	moved := all[len(all)-1]
	moved.Date, moved.Categories = day(30), []string{"y"}
	moved.Body = "<p>moved</p>"
	save(t, s, moved.Sources[0], moved)
	mustCheck(t, s)
	if got := query(t, s, aggregator.Query{Limit: 1}); len(got) != 1 || got[0].ID != moved.ID {
		t.Errorf("newest after the move = %v, want %s", ids(got), moved.ID)
	}
	if got := ids(query(t, s, aggregator.Query{Categories: []string{"y"}})); !slices.Equal(got, []string{moved.ID}) {
		t.Errorf("category y = %v, want %s", got, moved.ID)
	}

	// Prune walks by_date and its twin in one ascending order: the old entries are removed
	// wherever they are.
	before := day(15)
	var kept []string
	for _, a := range want {
		if a.ID == moved.ID || !a.Date.Before(before) {
			kept = append(kept, a.ID)
		}
	}
	if _, err := s.Prune(context.Background(), aggregator.PrunePolicy{Before: before}); err != nil {
		t.Fatal(err)
	}
	mustCheck(t, s)
	if got := ids(query(t, s, aggregator.Query{})); !slices.Equal(sorted(got), sorted(kept)) {
		t.Errorf("after Prune: %d articles, want %d", len(got), len(kept))
	}
	for _, name := range [][]byte{bucketByDate, bucketByCategory} {
		if _, twin := indexCounts(t, s, name); stagedCount(t, s, name) != uint64(twin) {
			t.Errorf("after Prune %s's twin counts %d entries and holds %d", name, stagedCount(t, s, name), twin)
		}
	}
}

// stagedCount returns the count of entries that name's twin keeps in its sequence.
func stagedCount(tb testing.TB, s *Store, name []byte) uint64 {
	tb.Helper()
	var n uint64
	if err := s.db.View(func(tx *bolt.Tx) error {
		n = tx.Bucket(freshOf(name)).Sequence()
		return nil
	}); err != nil {
		tb.Fatal(err)
	}
	return n
}

// TestFoldFollowsCommits: once the twin is full, a commit folds as many entries as it staged (and
// at least foldAt/minFoldShare), not a fixed share of the twin: the pages a fold dirties are held
// on the heap until its commit ends, so a fold of small commits stays small (see minFoldShare).
func TestFoldFollowsCommits(t *testing.T) {
	const foldAt = 256 // folds of at least 4
	s := openStore(t, Options{})
	s.foldAt = foldAt
	rng := rand.New(rand.NewPCG(3, 4))
	prevIndex, folds := 0, 0
	for feed := range 120 {
		// 3 articles a commit, one category each: 3 entries staged per index and commit.
		var arts []aggregator.Article
		for i := range 3 {
			arts = append(arts, art(fmt.Sprintf("%03d-%d", feed, i), "src", day(1+rng.IntN(28)).Add(time.Duration(rng.IntN(86400))*time.Second), "x", "c"))
		}
		save(t, s, "src", arts...)
		index, twin := indexCounts(t, s, bucketByDate)
		if moved := index - prevIndex; moved > 0 {
			folds++
			if want := max(3, foldAt/minFoldShare); moved != want {
				t.Fatalf("feed %d: the commit staged 3 entries and folded %d, want %d", feed, moved, want)
			}
		}
		if twin > foldAt+3 {
			t.Fatalf("feed %d: the twin holds %d entries, past foldAt %d and a commit", feed, twin, foldAt)
		}
		prevIndex = index
	}
	if folds < 10 {
		t.Fatalf("%d folds in 120 commits: the assertions above saw too few", folds)
	}
	mustCheck(t, s)
}

// TestFoldSweeps: folds move the twin's entries in key order from where the last one stopped,
// round the key range, so that every stretch of the index is rewritten once a round; entries put
// behind the sweep wait for the next round.
func TestFoldSweeps(t *testing.T) {
	s := openStore(t, Options{})
	key := func(i int) []byte { return suffixKey(day(1).Add(time.Duration(i)*time.Minute), fmt.Sprint(i)) }
	steps := []struct {
		put   []int // into the twin before the fold
		moved []int // into the index by the fold, in key order
	}{
		{put: []int{0, 2, 4, 6, 8, 10, 12, 14, 16, 18}, moved: []int{0, 2, 4, 6}},
		{put: []int{1, 3}, moved: []int{8, 10, 12, 14}},
		{moved: []int{16, 18}}, // the end of the range: the next fold starts over
		{put: []int{15}, moved: []int{1, 3, 15}},
		{moved: nil},
	}
	for i, st := range steps {
		err := s.db.Update(func(tx *bolt.Tx) error {
			x := newIndexOps(tx, bucketByDate)
			for _, k := range st.put {
				if err := x.fresh.Put(key(k), nil); err != nil {
					return err
				}
			}
			before := map[string]bool{}
			_ = x.b.ForEach(func(k, _ []byte) error { before[string(k)] = true; return nil })
			n, err := x.foldSome(func() error { return nil }, 4)
			if err != nil {
				return err
			}
			var got []int
			_ = x.b.ForEach(func(k, _ []byte) error {
				if !before[string(k)] {
					m, _ := strconv.Atoi(string(k[dateLen:]))
					got = append(got, m)
				}
				return nil
			})
			if n != len(got) || !slices.Equal(got, st.moved) {
				t.Errorf("step %d: fold moved %v (said %d), want %v", i, got, n, st.moved)
			}
			for _, k := range got {
				if exists(x.fresh, key(k)) {
					t.Errorf("step %d: %d moved but still in the twin", i, k)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

// TestIndexStagingUpgrade: a schema 3 file (no twins) is read as it is when opened read-only and
// gets its twins when opened to write.
func TestIndexStagingUpgrade(t *testing.T) {
	path := filepath.Join(t.TempDir(), "db")
	s := openAt(t, path, Options{})
	save(t, s, "a", art("1", "a", day(1), "x"), art("2", "a", day(2), "x"))
	_ = s.Close()
	// Make it a schema 3 file: the staged entries go into the indexes, the twins away.
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bucketByDate, bucketByCategory} {
			x := newIndexOps(tx, name)
			for {
				n, err := x.foldSome(func() error { return nil }, 100)
				if err != nil {
					return err
				}
				if n == 0 {
					break
				}
			}
			if err := tx.DeleteBucket(freshOf(name)); err != nil {
				return err
			}
		}
		return tx.Bucket(bucketMeta).Put(keySchema, []byte{0, 0, 0, 3})
	})
	if err != nil {
		t.Fatal(err)
	}
	_ = db.Close()

	ro := openAt(t, path, Options{ReadOnly: true})
	if got := ids(query(t, ro, aggregator.Query{Categories: []string{"x"}})); !slices.Equal(got, []string{"2", "1"}) {
		t.Errorf("read-only schema 3: Articles = %v, want [2 1]", got)
	}
	_ = ro.Close()

	s = openAt(t, path, Options{})
	save(t, s, "a", art("3", "a", day(3), "x"))
	mustCheck(t, s)
	if index, twin := indexCounts(t, s, bucketByDate); index != 2 || twin != 1 {
		t.Errorf("after the upgrade: by_date %d, twin %d entries; want 2 and 1", index, twin)
	}
	if got := ids(query(t, s, aggregator.Query{})); !slices.Equal(got, []string{"3", "2", "1"}) {
		t.Errorf("Articles = %v, want [3 2 1]", got)
	}
}
