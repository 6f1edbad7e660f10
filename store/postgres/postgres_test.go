package postgres

import (
	"context"
	"os"
	"testing"

	"tributary/aggregator"
	"tributary/aggregator/storetest"
	"tributary/aggregator/story"
	"tributary/store/postgres/pgtest"
)

// pg is the test binary's PostgreSQL server, started by the first test that needs a database.
var pg = pgtest.New()

func TestMain(m *testing.M) {
	code := m.Run()
	pg.Stop()
	os.Exit(code)
}

// openStore opens the database dsn with o's clock and grouping, and closes it at the end of the
// test.
func openStore(t *testing.T, dsn string, o storetest.Options) *Store {
	t.Helper()
	opts := Options{Now: o.Now}
	if o.Grouping {
		opts.Dedup = &story.Options{}
	}
	s, err := Open(context.Background(), dsn, opts)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// TestStoreBehaviours runs the behaviour suite that the bbolt store passes against PostgreSQL, a
// database per behaviour.
func TestStoreBehaviours(t *testing.T) {
	storetest.Run(t, func(t *testing.T) storetest.Opener {
		dsn := pg.DSN(t)
		return func(t *testing.T, o storetest.Options) aggregator.Store { return openStore(t, dsn, o) }
	})
}
