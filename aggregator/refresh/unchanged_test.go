package refresh

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"tributary/aggregator"
)

// lockedBuffer is a log sink the refresh goroutines may write concurrently.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

// skippedCounts reads the "skipped" field of every "source refreshed" log line, in order.
func (l *lockedBuffer) skippedCounts(t *testing.T) []int {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []int
	for _, line := range strings.Split(strings.TrimSpace(l.b.String()), "\n") {
		var rec struct {
			Msg     string `json:"msg"`
			Skipped int    `json:"skipped"`
		}
		if json.Unmarshal([]byte(line), &rec) == nil && rec.Msg == "source refreshed" {
			out = append(out, rec.Skipped)
		}
	}
	return out
}

// TestUnchangedEntriesAreSkipped: a refresh normalizes and stores only the entries that changed
// since the last stored feed; results and stored articles are the same as without the shortcut.
func TestUnchangedEntriesAreSkipped(t *testing.T) {
	var version atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body := rss("u", 5)
		if version.Load() > 0 { // one headline edited
			body = strings.Replace(body, "u 第2条", "u 第2条（更新）", 1)
		}
		fmt.Fprint(w, body) // no validators: every refresh gets the whole feed
	}))
	defer srv.Close()
	logs := &lockedBuffer{}
	logger := slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	s := src("u", srv.URL)
	s.Categories = []string{"旧"}
	h := newHarness(t, []aggregator.Source{s}, Options{Logger: logger})

	steps := []struct {
		name                       string
		before                     func()
		wantNew, wantUpd, wantSame int
		wantSkipped                int
	}{
		{"first", func() {}, 5, 0, 0, 0},
		{"same feed again", func() {}, 0, 0, 5, 5},
		{"one headline edited", func() { version.Store(1) }, 0, 1, 4, 4},
		{"a reload forgets the fingerprints", func() {
			s.Categories = []string{"新"}
			h.r.SetSources(context.Background(), []aggregator.Source{s})
		}, 0, 5, 0, 0},
	}
	for i, step := range steps {
		step.before()
		res := h.refresh(true)[0]
		if res.Status != aggregator.StatusUpdated || res.New != step.wantNew || res.Updated != step.wantUpd || res.Unchanged != step.wantSame {
			t.Errorf("%s: %+v, want new %d, updated %d, unchanged %d", step.name, res, step.wantNew, step.wantUpd, step.wantSame)
		}
		if got := logs.skippedCounts(t); len(got) != i+1 || got[i] != step.wantSkipped {
			t.Errorf("%s: skipped per refresh %v, want %d last", step.name, got, step.wantSkipped)
		}
	}
	arts, err := h.store.Articles(context.Background(), aggregator.Query{})
	if err != nil {
		t.Fatal(err)
	}
	var edited int
	for _, a := range arts {
		if strings.Contains(a.Title, "（更新）") {
			edited++
		}
		if !contains(a.Categories, "新") {
			t.Errorf("article %q lacks the category of the reloaded config: %v", a.Title, a.Categories)
		}
	}
	if len(arts) != 5 || edited != 1 {
		t.Errorf("%d articles, %d edited; want 5 and 1", len(arts), edited)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// farmDoc is an RSS feed of the given item numbers, newest first, shaped like the benchmark farm's.
func farmDoc(ids []int) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>农场</title><link>http://example.com/</link>` + "\n")
	for _, i := range ids {
		fmt.Fprintf(&b, "<item><title>第%d条</title><link>/story/%d</link><guid isPermaLink=\"false\">g-%d</guid><pubDate>Thu, 18 Nov 2021 %02d:%02d:00 GMT</pubDate><dc:creator>作者%d</dc:creator><description><![CDATA[<p>正文 %d <img src=\"/img/%d.jpg\"></p>]]></description></item>\n",
			i, i, i, i/60, i%60, i%3, i, i)
	}
	b.WriteString(`</channel></rss>`)
	return b.String()
}

// TestSkippedEntriesStoreWhatAFreshRefreshStores: end to end, with a real store and HTTP server, a
// feed that gained 2 entries of 50 is refreshed with 2 entries parsed and 48 skipped, and the store
// then holds, for the second document, exactly what a fresh refresh of it into an empty store holds.
func TestSkippedEntriesStoreWhatAFreshRefreshStores(t *testing.T) {
	var first, second []int
	for i := 49; i >= 0; i-- {
		first = append(first, i)
	}
	second = append([]int{51, 50}, first[:48]...)
	docs := []string{farmDoc(first), farmDoc(second)}
	var version atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, docs[version.Load()])
	}))
	defer srv.Close()
	now := func() time.Time { return time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC) }
	articlesOf := func(h *harness) map[string]aggregator.Article {
		arts, err := h.store.Articles(context.Background(), aggregator.Query{Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]aggregator.Article{}
		for _, a := range arts {
			out[a.ID] = a
		}
		return out
	}

	logs := &lockedBuffer{}
	logger := slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	listed := newHarness(t, []aggregator.Source{src("f", srv.URL)}, Options{Logger: logger, Now: now})
	steps := []struct {
		name                           string
		version                        int32
		wantNew, wantSame, wantSkipped int
	}{
		{"first document", 0, 50, 0, 0},
		{"2 new of 50", 1, 2, 48, 48},
	}
	for i, step := range steps {
		version.Store(step.version)
		res := listed.refresh(true)[0]
		if res.Status != aggregator.StatusUpdated || res.New != step.wantNew || res.Updated != 0 || res.Unchanged != step.wantSame {
			t.Fatalf("%s: %+v, want %d new, %d unchanged", step.name, res, step.wantNew, step.wantSame)
		}
		if got := logs.skippedCounts(t); len(got) != i+1 || got[i] != step.wantSkipped {
			t.Fatalf("%s: skipped per refresh %v, want %d last", step.name, got, step.wantSkipped)
		}
	}

	fresh := newHarness(t, []aggregator.Source{src("f", srv.URL)}, Options{Now: now})
	if res := fresh.refresh(true)[0]; res.New != 50 {
		t.Fatalf("fresh refresh: %+v", res)
	}
	got, want := articlesOf(listed), articlesOf(fresh)
	if len(got) != 52 || len(want) != 50 {
		t.Fatalf("%d articles after two refreshes (want 52: 50 + the 2 the second document dropped), %d after a fresh one (want 50)", len(got), len(want))
	}
	for id, w := range want {
		if g, ok := got[id]; !ok || !reflect.DeepEqual(g, w) {
			t.Errorf("article %s (%s): after skipping\n%+v\nfresh\n%+v", id, w.Title, g, w)
		}
	}
}

// jsonFarmDoc is farmDoc as a JSON Feed, which is listed by fields rather than bytes.
func jsonFarmDoc(ids []int) string {
	var items []string
	for _, i := range ids {
		items = append(items, fmt.Sprintf(`{"id":"g-%d","url":"http://example.com/story/%d","title":"第%d条","content_html":"<p>正文 %d</p>","date_published":"2021-11-18T%02d:%02d:00Z"}`, i, i, i, i, i/60, i%60))
	}
	return `{"version":"https://jsonfeed.org/version/1.1","title":"农场","home_page_url":"http://example.com/","items":[` + strings.Join(items, ",") + `]}`
}

// TestRetentionKeepsWhatTheFeedLists: with a retention shorter than every entry's age, what the
// source currently lists stays stored after each refresh and prune, including the entries a refresh
// left out as unchanged, and what it stopped listing goes.
func TestRetentionKeepsWhatTheFeedLists(t *testing.T) {
	var first []int
	for i := 49; i >= 0; i-- {
		first = append(first, i)
	}
	second := append([]int{51, 50}, first[:48]...)
	for _, format := range []struct {
		name string
		doc  func([]int) string
	}{{"rss (byte listing)", farmDoc}, {"json feed (field listing)", jsonFarmDoc}} {
		t.Run(format.name, func(t *testing.T) {
			var version atomic.Int32
			docs := [][]int{first, second}
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				fmt.Fprint(w, format.doc(docs[version.Load()]))
			}))
			defer srv.Close()
			logs := &lockedBuffer{}
			logger := slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
			h := newHarness(t, []aggregator.Source{src("f", srv.URL)}, Options{Logger: logger})
			steps := []struct {
				name        string
				version     int32
				wantSkipped int
			}{
				{"first document", 0, 0},
				{"same document, every entry left out", 0, 50},
				{"2 new, 2 dropped", 1, 48},
				{"same again", 1, 50},
			}
			for i, step := range steps {
				version.Store(step.version)
				if res := h.refresh(true)[0]; res.Status != aggregator.StatusUpdated {
					t.Fatalf("%s: %+v", step.name, res)
				}
				if got := logs.skippedCounts(t); len(got) != i+1 || got[i] != step.wantSkipped {
					t.Fatalf("%s: skipped per refresh %v, want %d last", step.name, got, step.wantSkipped)
				}
				policy := aggregator.PrunePolicy{Before: time.Now(), KeepListedBy: []string{"f"}}
				if _, err := h.store.Prune(context.Background(), policy); err != nil {
					t.Fatal(err)
				}
				arts, err := h.store.Articles(context.Background(), aggregator.Query{})
				if err != nil {
					t.Fatal(err)
				}
				got := map[string]bool{}
				for _, a := range arts {
					got[a.Title] = true
				}
				want := map[string]bool{}
				for _, n := range docs[step.version] {
					want[fmt.Sprintf("第%d条", n)] = true
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%s: %d articles stored after retention, want the %d listed", step.name, len(got), len(want))
				}
			}
		})
	}
}

// TestZoneWarningLoggedOncePerFetch: a feed whose dates say "CST", on a source without a timezone,
// is read as UTC; the refresh logs that once per fetch, naming the source and the setting.
func TestZoneWarningLoggedOncePerFetch(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, strings.ReplaceAll(rss("z", 3), " GMT<", " CST<"))
	}))
	defer srv.Close()
	for _, tt := range []struct {
		name string
		loc  *time.Location
		want int
	}{{"no timezone", time.UTC, 1}, {"Asia/Shanghai", mustLoadLocation(t, "Asia/Shanghai"), 0}} {
		t.Run(tt.name, func(t *testing.T) {
			logs := &lockedBuffer{}
			logger := slog.New(slog.NewJSONHandler(logs, nil))
			s := src("cst-feed", srv.URL)
			s.Location = tt.loc
			h := newHarness(t, []aggregator.Source{s}, Options{Logger: logger})
			if res := h.refresh(true)[0]; res.Status != aggregator.StatusUpdated {
				t.Fatalf("refresh: %+v", res)
			}
			logs.mu.Lock()
			text := logs.b.String()
			logs.mu.Unlock()
			if n := strings.Count(text, "feed needs a source setting"); n != tt.want {
				t.Fatalf("%d warnings, want %d:\n%s", n, tt.want, text)
			}
			if tt.want > 0 && (!strings.Contains(text, `"source":"cst-feed"`) || !strings.Contains(text, `timezone = \"Asia/Shanghai\"`)) {
				t.Errorf("the warning does not name the source and the setting:\n%s", text)
			}
		})
	}
}

func mustLoadLocation(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Skipf("time zone %s not available (install tzdata): %v", name, err)
	}
	return loc
}
