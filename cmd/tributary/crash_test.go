package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"

	"tributary/aggregator"
	"tributary/aggregator/normalize"
	"tributary/aggregator/parse"
	"tributary/store"
)

// crashFeeds plays crashSources sources of crashItems items each. The test sets each source's
// generation before it asks for a refresh of that source; generation g lists items g·crashStep to
// g·crashStep+crashItems-1, so every refresh stores crashStep new articles and sees the others again.
type crashFeeds struct {
	*httptest.Server
	base time.Time
	mu   sync.Mutex
	gen  map[string]int
}

const (
	crashSources = 40
	crashItems   = 50
	crashStep    = 25
)

func (cf *crashFeeds) body(source string, gen int) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>%s</title><link>http://example.com/%s</link>`, source, source)
	for i := gen * crashStep; i < gen*crashStep+crashItems; i++ {
		fmt.Fprintf(&b, `<item><title>%s 第%d条</title><link>http://example.com/%s/%d</link><pubDate>%s</pubDate><category>c%d</category><description><![CDATA[<p>%s</p>]]></description></item>`,
			source, i, source, i, cf.base.Add(time.Duration(i)*time.Second).Format(http.TimeFormat), i%7,
			strings.Repeat(fmt.Sprintf("正文 %s %d ", source, i), 40))
	}
	b.WriteString(`</channel></rss>`)
	return b.Bytes()
}

func (cf *crashFeeds) serve(w http.ResponseWriter, r *http.Request) {
	source := strings.TrimPrefix(r.URL.Path, "/")
	cf.mu.Lock()
	gen := cf.gen[source]
	cf.mu.Unlock()
	w.Header().Set("Content-Type", "application/rss+xml")
	w.Write(cf.body(source, gen))
}

// ids returns the ids of the articles that generation gen of source holds, as the daemon computes
// them (parse and normalize of the same bytes).
func (cf *crashFeeds) ids(n *normalize.Normalizer, source string, gen int) ([]string, error) {
	feed, err := parse.Parse(cf.body(source, gen), "application/rss+xml")
	if err != nil {
		return nil, err
	}
	var ids []string
	arts := n.Feed(aggregator.Source{Name: source, Location: time.UTC}, feed, cf.URL+"/"+source, time.Now())
	for _, a := range arts {
		ids = append(ids, a.ID)
	}
	return ids, nil
}

// TestBinaryKill9DuringIngestion kills `tributary serve` with SIGKILL at random moments while 40
// sources of 50 articles are being refreshed through the admin API, at least 20 times. After each
// kill the database opens, passes Check, and holds every article of every refresh that the admin API
// reported as stored before the kill, and every article an output showed; and the daemon starts
// again on it and renders every output format.
func TestBinaryKill9DuringIngestion(t *testing.T) {
	t.Parallel()
	const minKills, budget = 20, 50 * time.Second
	cf := &crashFeeds{base: time.Now().Add(-24 * time.Hour).Truncate(time.Second), gen: map[string]int{}}
	cf.Server = httptest.NewServer(http.HandlerFunc(cf.serve))
	defer cf.Close()
	var sources strings.Builder
	var names []string
	for i := range crashSources {
		name := fmt.Sprintf("s%02d", i)
		names = append(names, name)
		fmt.Fprintf(&sources, "[[source]]\nname = %q\nurl = \"%s/%s\"\nschedule = \"@yearly\"\n", name, cf.URL, name)
	}
	dir := t.TempDir()
	cfgPath, public, admin := binaryConfig(t, dir, "",
		"[fetch]\nconcurrency = 8\nper_host = 8\n"+sources.String()+"[[output]]\nname = \"all\"\nlimit = 200\n")
	dbPath := filepath.Join(dir, "tributary.db")
	norm := normalize.New(normalize.Options{})
	client := &http.Client{Timeout: 10 * time.Second}

	reported := map[string]string{} // article id → the refresh or output that showed it
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 1))
	start := time.Now()
	kills, refreshesReported := 0, 0
	// minKills whatever they take (a loaded machine under -race is slow, and each step has its
	// own timeout), and more while there is budget.
	for kills < minKills || (time.Since(start) < budget/2 && kills < 30) {
		d := startDaemon(t, dir, cfgPath, public, admin)
		d.waitNotify(t, "READY=1", 10*time.Second)
		if kills > 0 {
			checkOutputsRender(t, d, client)
		}
		// Sources never fetched (or whose first fetch was killed) are caught up at start: let that
		// finish, so that each refresh below is the only fetch of its source.
		waitUntil(t, func() bool {
			var out struct {
				Sources []struct {
					LastFetch *time.Time `json:"last_fetch"`
					Running   bool       `json:"running"`
				} `json:"sources"`
			}
			resp, err := client.Get(d.admin + "/api/sources")
			if err != nil {
				return false
			}
			defer resp.Body.Close()
			if json.NewDecoder(resp.Body).Decode(&out) != nil || len(out.Sources) != crashSources {
				return false
			}
			for _, s := range out.Sources {
				if s.LastFetch == nil || s.Running {
					return false
				}
			}
			return true
		})

		// Load: 8 workers each refresh their own sources, one at a time, on a new generation
		// each; a reader polls the JSON output. Everything reported before the kill is recorded.
		var mu sync.Mutex
		var wg sync.WaitGroup
		stop := make(chan struct{})
		for w := range 8 {
			wg.Go(func() {
				for round := 0; ; round++ {
					name := names[(w+8*round)%crashSources]
					select {
					case <-stop:
						return
					default:
					}
					cf.mu.Lock()
					cf.gen[name]++
					gen := cf.gen[name]
					cf.mu.Unlock()
					resp, err := client.Post(d.admin+"/api/refresh?source="+name, "application/json", nil)
					if err != nil {
						return // killed
					}
					var out refreshResponse
					err = json.NewDecoder(resp.Body).Decode(&out)
					resp.Body.Close()
					if err != nil {
						return
					}
					if len(out.Results) != 1 || out.Results[0].Status != aggregator.StatusUpdated {
						t.Errorf("refresh of %s: %+v", name, out)
						return
					}
					ids, err := cf.ids(norm, name, gen)
					if err != nil || len(ids) != crashItems {
						t.Errorf("the ids of %s generation %d: %d, %v", name, gen, len(ids), err)
						return
					}
					mu.Lock()
					refreshesReported++
					for _, id := range ids {
						reported[id] = fmt.Sprintf("refresh of %s generation %d before kill %d", name, gen, kills+1)
					}
					mu.Unlock()
				}
			})
		}
		wg.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				resp, err := client.Get(d.public + "/feeds/all.json")
				if err != nil {
					return
				}
				var doc struct{ Items []struct{ ID string } }
				err = json.NewDecoder(resp.Body).Decode(&doc)
				resp.Body.Close()
				if err != nil {
					return
				}
				mu.Lock()
				for _, it := range doc.Items {
					if _, ok := reported[it.ID]; !ok {
						reported[it.ID] = fmt.Sprintf("all.json before kill %d", kills+1)
					}
				}
				mu.Unlock()
				time.Sleep(20 * time.Millisecond)
			}
		})
		time.Sleep(time.Duration(50+rng.IntN(650)) * time.Millisecond)
		// kill -9. The results recorded so far are the ones that returned before it.
		mu.Lock()
		if err := d.cmd.Process.Kill(); err != nil {
			t.Fatal(err)
		}
		<-d.exited
		snapshot := make(map[string]string, len(reported))
		for id, why := range reported {
			snapshot[id] = why
		}
		mu.Unlock()
		close(stop)
		wg.Wait()
		kills++

		// The database opens, checks out and holds everything that was reported.
		st, err := store.Open(context.Background(), dbPath, store.Options{Timeout: 2 * time.Second})
		if err != nil {
			t.Fatalf("kill %d: the database does not open: %v", kills, err)
		}
		if err := st.Check(context.Background()); err != nil {
			t.Errorf("kill %d: store check: %v", kills, err)
		}
		missing := 0
		for id, why := range snapshot {
			if _, err := st.Article(context.Background(), id); err != nil {
				if missing++; missing <= 5 {
					t.Errorf("kill %d: article %s (%s) is lost: %v", kills, id, why, err)
				}
			}
		}
		stats, _ := st.Stats(context.Background())
		st.Close()
		if missing > 0 {
			t.Fatalf("kill %d: %d reported articles lost", kills, missing)
		}
		if kills%5 == 0 {
			t.Logf("kill %d after %v: %d articles stored, %d reported so far", kills, time.Since(start).Round(time.Millisecond), stats.Articles, len(snapshot))
		}
	}

	// A last start on the killed database: every output format renders and parses.
	d := startDaemon(t, dir, cfgPath, public, admin)
	d.waitNotify(t, "READY=1", 10*time.Second)
	checkOutputsRender(t, d, client)
	t.Logf("kill -9 loop: %d kills in %v, %d refreshes reported as stored before a kill, %d distinct articles checked after each",
		kills, time.Since(start).Round(time.Millisecond), refreshesReported, len(reported))
}

// checkOutputsRender fetches every format of the "all" output and parses it.
func checkOutputsRender(t *testing.T, d *daemon, client *http.Client) {
	t.Helper()
	for _, ext := range []string{"rss", "atom", "json"} {
		resp, err := client.Get(d.public + "/feeds/all." + ext)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Fatalf("all.%s after a kill: %d %s", ext, resp.StatusCode, body)
		}
		feed, err := gofeed.NewParser().Parse(bytes.NewReader(body))
		if err != nil {
			t.Fatalf("all.%s after a kill does not parse: %v", ext, err)
		}
		if len(feed.Items) == 0 {
			t.Errorf("all.%s after a kill is empty", ext)
		}
		for _, it := range feed.Items {
			if it.GUID == "" && ext != "json" {
				t.Errorf("all.%s: an item without an id", ext)
			}
		}
	}
}
