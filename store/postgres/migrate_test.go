package postgres

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"
)

// TestMigrate: a new database gets every step once, an up-to-date one none; nodes migrating at
// once apply each step exactly once between them; a database from a newer build is refused.
func TestMigrate(t *testing.T) {
	ctx := context.Background()
	pool := func(t *testing.T, dsn string) *pgxpool.Pool {
		t.Helper()
		p, err := pgxpool.New(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(p.Close)
		return p
	}
	t.Run("new, then up to date", func(t *testing.T) {
		p := pool(t, pg.DSN(t))
		applied, err := Migrate(ctx, p)
		if err != nil || len(applied) != SchemaVersion || applied[0] != 1 {
			t.Fatalf("first Migrate = %v, %v; want every step", applied, err)
		}
		if applied, err := Migrate(ctx, p); err != nil || len(applied) != 0 {
			t.Errorf("second Migrate = %v, %v; want nothing to do", applied, err)
		}
	})
	t.Run("nodes at once", func(t *testing.T) {
		dsn := pg.DSN(t)
		var wg sync.WaitGroup
		results := make([][]int, 4)
		errs := make([]error, 4)
		for i := range results {
			p := pool(t, dsn)
			wg.Go(func() { results[i], errs[i] = Migrate(ctx, p) })
		}
		wg.Wait()
		var all []int
		for i := range results {
			if errs[i] != nil {
				t.Errorf("node %d: %v", i, errs[i])
			}
			all = append(all, results[i]...)
		}
		slices.Sort(all)
		want := make([]int, SchemaVersion)
		for i := range want {
			want[i] = i + 1
		}
		if !slices.Equal(all, want) {
			t.Errorf("steps applied between the nodes: %v, want each of %v once", all, want)
		}
		var n int
		if err := pool(t, dsn).QueryRow(ctx, `SELECT count(*) FROM schema_migrations`).Scan(&n); err != nil || n != SchemaVersion {
			t.Errorf("schema_migrations holds %d rows (%v), want %d", n, err, SchemaVersion)
		}
	})
	t.Run("newer than this build", func(t *testing.T) {
		dsn := pg.DSN(t)
		p := pool(t, dsn)
		if _, err := Migrate(ctx, p); err != nil {
			t.Fatal(err)
		}
		if _, err := p.Exec(ctx, `INSERT INTO schema_migrations (version) VALUES ($1)`, SchemaVersion+1); err != nil {
			t.Fatal(err)
		}
		if _, err := Open(ctx, dsn, Options{}); !errors.Is(err, ErrSchema) {
			t.Errorf("Open of a newer schema = %v, want ErrSchema", err)
		}
	})
}

// TestOpenErrorsHideThePassword: neither a malformed DSN nor a refused connection puts the
// password in the error.
func TestOpenErrorsHideThePassword(t *testing.T) {
	for _, dsn := range []string{
		"postgres://u:s3cret-pw@127.0.0.1:1/db?sslmode=disable&connect_timeout=2",
		"postgres://u:s3cret-pw@127.0.0.1:1/db?pool_max_conns=zero",
		"host=127.0.0.1 port=1 password=s3cret-pw sslmode=disable connect_timeout=2",
		"host=127.0.0.1 port=nope password=s3cret-pw",
	} {
		_, err := Open(context.Background(), dsn, Options{})
		if err == nil {
			t.Fatalf("Open(%q) succeeded", dsn)
		}
		if strings.Contains(err.Error(), "s3cret-pw") {
			t.Errorf("Open error shows the password: %v", err)
		}
	}
}
