package store

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"tributary/aggregator"
	"tributary/aggregator/storetest"
	"tributary/aggregator/testenv"
)

// envHoldLock makes the test binary a helper process that holds a database open: see
// TestOpenLocked.
const envHoldLock = "TRIBUTARY_STORE_HOLD_LOCK"

func TestMain(m *testing.M) {
	if path := os.Getenv(envHoldLock); path != "" {
		os.Exit(holdLock(path))
	}
	code := m.Run()
	benchDBs.cleanup()
	os.Exit(code)
}

// holdLock opens path, says "locked" on stdout and keeps the database open until stdin closes.
func holdLock(path string) int {
	s, err := Open(context.Background(), path, Options{Timeout: 10 * time.Second})
	if err != nil {
		fmt.Println("error:", err)
		return 1
	}
	fmt.Println("locked")
	_, _ = io.Copy(io.Discard, os.Stdin)
	if err := s.Close(); err != nil {
		fmt.Println("error:", err)
		return 1
	}
	return 0
}

func newClock() *testenv.Clock {
	return testenv.NewClock(time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC))
}

// openStore opens a store in a fresh temporary directory and closes it at the end of the test.
func openStore(tb testing.TB, opts Options) *Store {
	tb.Helper()
	return openAt(tb, filepath.Join(tb.TempDir(), "tributary.db"), opts)
}

// openAt opens the store at path and closes it at the end of the test unless the test closed it.
func openAt(tb testing.TB, path string, opts Options) *Store {
	tb.Helper()
	s, err := Open(context.Background(), path, opts)
	if err != nil {
		tb.Fatalf("Open: %v", err)
	}
	tb.Cleanup(func() { _ = s.Close() })
	return s
}

// mustCheck fails the test when the store's consistency check does.
func mustCheck(tb testing.TB, s *Store) {
	tb.Helper()
	if err := s.Check(context.Background()); err != nil {
		tb.Fatalf("Check: %v", err)
	}
}

// art builds a minimal article of source src.
var art = storetest.Article

func save(tb testing.TB, s *Store, src string, arts ...aggregator.Article) aggregator.SaveResult {
	tb.Helper()
	res, err := s.SaveFeed(context.Background(), src, arts, aggregator.FetchState{LastStatus: aggregator.StatusUpdated})
	if err != nil {
		tb.Fatalf("SaveFeed(%s): %v", src, err)
	}
	return res
}

func query(tb testing.TB, s *Store, q aggregator.Query) []aggregator.Article {
	tb.Helper()
	got, err := s.Articles(context.Background(), q)
	if err != nil {
		tb.Fatalf("Articles(%+v): %v", q, err)
	}
	return got
}

func ids(arts []aggregator.Article) []string {
	out := make([]string, len(arts))
	for i, a := range arts {
		out[i] = a.ID
	}
	return out
}

func get(tb testing.TB, s *Store, id string) aggregator.Article {
	tb.Helper()
	a, err := s.Article(context.Background(), id)
	if err != nil {
		tb.Fatalf("Article(%q): %v", id, err)
	}
	return a
}

func stats(tb testing.TB, s *Store) aggregator.Stats {
	tb.Helper()
	st, err := s.Stats(context.Background())
	if err != nil {
		tb.Fatalf("Stats: %v", err)
	}
	return st
}

// day returns midnight UTC of March d, 2026.
func day(d int) time.Time { return time.Date(2026, 3, d, 0, 0, 0, 0, time.UTC) }

func sorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}
