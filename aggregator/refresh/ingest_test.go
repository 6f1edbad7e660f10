package refresh

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"tributary/aggregator"
	"tributary/aggregator/fetch"
)

// TestIngestStoresLikeAFetch: a pushed body goes through the same decode, parse, normalize and
// store as a fetched one: a GB18030 feed pushed gives the very articles its fetch gives, and a
// pushed feed with one more entry stores that entry. The fetch state (validators, last fetch) is
// the poll's alone.
func TestIngestStoresLikeAFetch(t *testing.T) {
	ctx := context.Background()
	gbk, err := os.ReadFile(filepath.Join("..", "testdata", "gbk.xml"))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Link", `<https://hub.example.com/>; rel="hub"`)
		w.Header().Set("ETag", `"v1"`)
		w.Write(gbk)
	}))
	t.Cleanup(srv.Close)

	var mu sync.Mutex
	var changes int
	var links []string
	o := Options{
		OnChange: func() { mu.Lock(); changes++; mu.Unlock() },
		OnFetched: func(_ aggregator.Source, resp *fetch.Response) {
			mu.Lock()
			links = append(links, resp.Links...)
			mu.Unlock()
		},
	}
	fetched := newHarness(t, []aggregator.Source{src("g", srv.URL)}, o)
	if res := fetched.refresh(true); res[0].Status != aggregator.StatusUpdated {
		t.Fatalf("refresh: %+v", res[0])
	}
	if !slices.Equal(links, []string{`<https://hub.example.com/>; rel="hub"`}) {
		t.Errorf("OnFetched saw Link headers %q", links)
	}

	pushed := newHarness(t, []aggregator.Source{src("g", srv.URL)}, o)
	res := pushed.r.Ingest(ctx, "g", gbk, "application/rss+xml", srv.URL)
	if res.Status != aggregator.StatusUpdated || res.New == 0 {
		t.Fatalf("ingest: %+v", res)
	}
	want, _ := fetched.store.Articles(ctx, aggregator.Query{})
	got, _ := pushed.store.Articles(ctx, aggregator.Query{})
	if len(got) != len(want) {
		t.Fatalf("%d articles pushed, %d fetched", len(got), len(want))
	}
	for i := range got {
		if got[i].ID != want[i].ID || got[i].Title != want[i].Title || got[i].Body != want[i].Body {
			t.Errorf("article %d pushed %q (%s), fetched %q (%s)", i, got[i].Title, got[i].ID, want[i].Title, want[i].ID)
		}
	}
	if st := pushed.r.State("g"); !st.LastFetch.IsZero() || st.ETag != "" {
		t.Errorf("state after a push %+v: a push is not a fetch", st)
	}
	if st := fetched.r.State("g"); st.ETag != `"v1"` {
		t.Errorf("state after a fetch %+v", st)
	}
	mu.Lock()
	defer mu.Unlock()
	if changes != 2 {
		t.Errorf("OnChange ran %d times, want once per store", changes)
	}
}

// TestIngestMore: a push of a feed with one more entry stores that one; the entries listed as
// before are skipped as a refresh skips them. The source's state, in memory and stored, is the
// last poll's.
func TestIngestMore(t *testing.T) {
	ctx := context.Background()
	srv, _ := conditionalServer(t, rss("a", 5), "")
	h := newHarness(t, []aggregator.Source{src("a", srv.URL)}, Options{})
	h.refresh(true)
	h.refresh(true) // a 304: the state says not_modified
	before := h.r.State("a")
	res := h.r.Ingest(ctx, "a", []byte(rss("a", 6)), "application/rss+xml", srv.URL)
	if res.Status != aggregator.StatusUpdated || res.New != 1 || res.Unchanged != 5 {
		t.Fatalf("ingest: %+v, want 1 new and 5 unchanged", res)
	}
	if after := h.r.State("a"); after != before {
		t.Errorf("the push changed the poll's state:\n%+v\n%+v", before, after)
	}
	states, err := h.store.States(ctx)
	// As JSON: the store keeps the instants, not the clock readings or the time.Location values.
	stored, _ := json.Marshal(states["a"])
	want, _ := json.Marshal(before)
	if err != nil || !bytes.Equal(stored, want) {
		t.Errorf("the push changed the stored state: %+v %v", states["a"], err)
	}
}

// TestIngestRefuses: what cannot be stored is an error of the push alone: the source's state,
// its failure count and its backoff are untouched, and nothing is stored.
func TestIngestRefuses(t *testing.T) {
	ctx := context.Background()
	srv, _ := conditionalServer(t, rss("a", 2), "")
	h := newHarness(t, []aggregator.Source{src("a", srv.URL)}, Options{})
	h.refresh(true)
	before := h.r.State("a")
	tests := []struct {
		name, source, body, want string
	}{
		{"unknown source", "nope", rss("a", 3), "unknown source"},
		{"empty", "a", " \n", "empty"},
		{"not a feed", "a", "<html><body>hello</body></html>", ""},
		{"broken xml", "a", "<rss><channel><item><title>x", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := h.r.Ingest(ctx, tt.source, []byte(tt.body), "application/xml", srv.URL)
			if res.Status != aggregator.StatusError || !strings.Contains(res.Error, tt.want) {
				t.Errorf("ingest: %+v, want an error naming %q", res, tt.want)
			}
		})
	}
	if after := h.r.State("a"); after != before {
		t.Errorf("state changed by refused pushes:\n%+v\n%+v", before, after)
	}
	if arts, _ := h.store.Articles(ctx, aggregator.Query{}); len(arts) != 2 {
		t.Errorf("%d articles, want the 2 fetched", len(arts))
	}
}
