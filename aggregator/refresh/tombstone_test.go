package refresh

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"tributary/aggregator"
	"tributary/aggregator/fetch"
	"tributary/aggregator/normalize"
	"tributary/aggregator/testenv"
	"tributary/store"
)

// daemon is a store and a refresher on one database file, as the daemon wires them; restart
// closes both and opens them again on the same file.
type daemon struct {
	t     *testing.T
	path  string
	clock *testenv.Clock
	srcs  []aggregator.Source
	store *store.Store
	r     *Refresher
}

func (d *daemon) open() {
	d.t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, d.path, store.Options{Timeout: time.Second, Now: d.clock.Now})
	if err != nil {
		d.t.Fatal(err)
	}
	r, err := New(ctx, Options{
		Store:      st,
		Fetcher:    fetch.New(fetch.Options{Timeout: 5 * time.Second, MaxBodyBytes: 1 << 20, UserAgent: "test"}),
		Normalizer: normalize.New(normalize.Options{}),
		Now:        d.clock.Now,
	})
	if err != nil {
		st.Close()
		d.t.Fatal(err)
	}
	r.SetSources(ctx, d.srcs)
	d.store, d.r = st, r
}

func (d *daemon) close() {
	d.t.Helper()
	if err := d.r.Close(context.Background()); err != nil {
		d.t.Error(err)
	}
	if err := d.store.Close(); err != nil {
		d.t.Error(err)
	}
}

func (d *daemon) refresh() aggregator.RefreshResult {
	d.t.Helper()
	res, err := d.r.Refresh(context.Background(), nil, true)
	if err != nil {
		d.t.Fatal(err)
	}
	if res[0].Status == aggregator.StatusError {
		d.t.Fatalf("refresh failed: %+v", res[0])
	}
	return res[0]
}

// prune is the daemon's hourly retention: the per-source cap, the tombstone TTL, and the configured
// sources' listings spared.
func (d *daemon) prune(p aggregator.PrunePolicy) int {
	d.t.Helper()
	for _, s := range d.srcs {
		p.KeepListedBy = append(p.KeepListedBy, s.Name)
	}
	n, err := d.store.Prune(context.Background(), p)
	if err != nil {
		d.t.Fatal(err)
	}
	return n
}

func (d *daemon) titles() []string {
	d.t.Helper()
	arts, err := d.store.Articles(context.Background(), aggregator.Query{})
	if err != nil {
		d.t.Fatal(err)
	}
	var out []string
	for _, a := range arts {
		out = append(out, a.Title)
	}
	slices.Sort(out)
	return out
}

// TestPrunedArticleStaysPrunedAcrossTTLAndReload is the README's promise end to end: a pruned
// article does not come back while its source still lists it, however long past the tombstone TTL,
// through a reload (which forgets the listings of the refresher) or a restart (which forgets them
// and keeps the source's ETag). The source keeps listing the pruned entries the whole time, either
// in full responses whose entries are skipped as unchanged or in 304s; its feed then gains one
// entry, which makes the refresh after the reload or restart parse every entry again.
func TestPrunedArticleStaysPrunedAcrossTTLAndReload(t *testing.T) {
	const ttl = 30 * 24 * time.Hour
	for _, tt := range []struct {
		name        string
		notModified bool // the source answers 304 to conditional requests
		restart     bool // restart the daemon, else reload its sources
	}{
		{"unchanged entries, reload", false, false},
		{"unchanged entries, restart", false, true},
		{"not modified, reload", true, false},
		{"not modified, restart", true, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var doc atomic.Pointer[string]
			first := rss("t", 5)
			doc.Store(&first)
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				body := *doc.Load()
				if tt.notModified {
					etag := `"` + strings.Repeat("x", len(body)%97) + `"` // differs per document
					if r.Header.Get("If-None-Match") == etag {
						w.WriteHeader(http.StatusNotModified)
						return
					}
					w.Header().Set("ETag", etag)
				}
				w.Header().Set("Content-Type", "application/rss+xml")
				w.Write([]byte(body))
			}))
			defer srv.Close()
			d := &daemon{
				t:     t,
				path:  filepath.Join(t.TempDir(), "t.db"),
				clock: testenv.NewClock(time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)),
				srcs:  []aggregator.Source{src("t", srv.URL)},
			}
			d.open()
			defer func() { d.close() }()

			if res := d.refresh(); res.New != 5 {
				t.Fatalf("first refresh: %+v, want 5 new", res)
			}
			if n := d.prune(aggregator.PrunePolicy{MaxPerSource: 2, TombstoneTTL: ttl}); n != 3 {
				t.Fatalf("pruned %d, want 3", n)
			}
			kept := d.titles()
			// Three TTLs of the source listing what it listed, refreshed and pruned every ten days.
			for day := 10; day <= 90; day += 10 {
				d.clock.Advance(10 * 24 * time.Hour)
				if res := d.refresh(); res.New != 0 {
					t.Fatalf("day %d: refresh %+v, want nothing new", day, res)
				}
				d.prune(aggregator.PrunePolicy{MaxPerSource: 2, TombstoneTTL: ttl})
			}
			if tt.restart {
				d.close()
				d.open()
			} else {
				d.r.SetSources(context.Background(), d.srcs)
			}
			second := rss("t", 6) // one more entry; the pruned three still listed
			doc.Store(&second)
			if res := d.refresh(); res.New != 1 {
				t.Errorf("refresh after the %s: %+v, want only the one new entry", map[bool]string{false: "reload", true: "restart"}[tt.restart], res)
			}
			want := append(kept, "t 第5条")
			slices.Sort(want)
			if got := d.titles(); !slices.Equal(got, want) {
				t.Errorf("stored %q, want %q: a pruned article came back while its source lists it", got, want)
			}
		})
	}
}
