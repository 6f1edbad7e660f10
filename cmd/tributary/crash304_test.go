package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"tributary/aggregator"
	"tributary/store"
)

// TestBinaryKill9KeepsValidatorsOf304s kills `tributary serve` with SIGKILL at random moments of
// rounds of 304s, whose states the refresher saves in batches rather than one commit each. After
// each kill every source's stored state still holds its validators, so that no request after the
// restart is unconditional, and every round that the admin API answered before the kill is stored.
func TestBinaryKill9KeepsValidatorsOf304s(t *testing.T) {
	t.Parallel()
	const sources, kills = 40, 5
	var full atomic.Int32 // 200s served: one per source, the first fetch, and no more
	feeds := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		etag := `W/"` + strings.TrimPrefix(r.URL.Path, "/") + `"`
		w.Header().Set("ETag", etag)
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		full.Add(1)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>a</title><link>http://example.com%s/1</link></item></channel></rss>`, r.URL.Path)
	}))
	defer feeds.Close()
	var cfg strings.Builder
	cfg.WriteString("[fetch]\nconcurrency = 8\nper_host = 8\n[[output]]\nname = \"all\"\n")
	for i := range sources {
		fmt.Fprintf(&cfg, "[[source]]\nname = \"s%02d\"\nurl = \"%s/s%02d\"\nschedule = \"@yearly\"\n", i, feeds.URL, i)
	}
	dir := t.TempDir()
	cfgPath, public, admin := binaryConfig(t, dir, "", cfg.String())
	client := &http.Client{Timeout: 20 * time.Second}
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 2))
	for k := range kills {
		d := startDaemon(t, dir, cfgPath, public, admin)
		d.waitNotify(t, "READY=1", 10*time.Second)
		if k == 0 { // the first start fetches every source: let it finish
			waitUntil(t, func() bool { return full.Load() == sources })
			resp, err := client.Post(d.admin+"/api/refresh", "application/json", nil)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
		}
		var mu sync.Mutex
		var answered time.Time // when the last round answered by the admin API was sent
		stop := make(chan struct{})
		var wg sync.WaitGroup
		wg.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				sent := time.Now()
				resp, err := client.Post(d.admin+"/api/refresh", "application/json", nil)
				if err != nil {
					return // killed
				}
				var out refreshResponse
				err = json.NewDecoder(resp.Body).Decode(&out)
				resp.Body.Close()
				if err != nil {
					return
				}
				for _, r := range out.Results {
					if r.Status != aggregator.StatusNotModified {
						t.Errorf("kill %d: refresh of %s: %+v, want not_modified", k+1, r.Source, r)
					}
				}
				mu.Lock()
				answered = sent
				mu.Unlock()
			}
		})
		time.Sleep(time.Duration(20+rng.IntN(400)) * time.Millisecond)
		mu.Lock()
		if err := d.cmd.Process.Kill(); err != nil {
			t.Fatal(err)
		}
		<-d.exited
		last := answered
		mu.Unlock()
		close(stop)
		wg.Wait()

		st, err := store.Open(context.Background(), filepath.Join(dir, "tributary.db"), store.Options{Timeout: 2 * time.Second})
		if err != nil {
			t.Fatalf("kill %d: %v", k+1, err)
		}
		states, err := st.States(context.Background())
		st.Close()
		if err != nil {
			t.Fatal(err)
		}
		for i := range sources {
			name := fmt.Sprintf("s%02d", i)
			s := states[name]
			if s.ETag != `W/"`+name+`"` {
				t.Errorf("kill %d: %s lost its validator: %+v", k+1, name, s)
			}
			if !last.IsZero() && (s.LastFetch.Before(last.Truncate(time.Second)) || s.LastStatus != aggregator.StatusNotModified) {
				t.Errorf("kill %d: %s: stored %+v, but a round sent at %v was answered", k+1, name, s, last)
			}
		}
	}
	if n := full.Load(); n != sources {
		t.Errorf("%d unconditional fetches, want %d (the first of each source)", n, sources)
	}
}
