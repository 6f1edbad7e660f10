package refresh

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"hash/maphash"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"tributary/aggregator"
	"tributary/aggregator/parse"
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

// TestFingerprintsSeeEveryField: an entry that differs in any field normalize reads must not be
// skipped; the same bytes parsed twice must be.
func TestFingerprintsSeeEveryField(t *testing.T) {
	seed := maphash.MakeSeed()
	base := `<item><title>标题</title><link>http://e.com/1</link><guid>g1</guid><pubDate>Thu, 18 Nov 2021 01:06:01 GMT</pubDate><description>摘要</description><category>甲</category><dc:creator>作者</dc:creator><enclosure url="http://e.com/a.jpg" type="image/jpeg" length="1"/><media:thumbnail url="http://e.com/t.jpg"/></item>`
	feedOf := func(item string) string {
		return `<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>f</title>` + item + `</channel></rss>`
	}
	fp := func(doc string) uint64 {
		t.Helper()
		feed, err := parse.Parse([]byte(doc), "application/rss+xml")
		if err != nil || len(feed.Items) != 1 {
			t.Fatalf("parse: %v", err)
		}
		return fingerprints(seed, feed)[0]
	}
	want := fp(feedOf(base))
	if fp(feedOf(base)) != want {
		t.Fatal("the same entry fingerprints differently twice")
	}
	edits := map[string][2]string{
		"title": {"<title>标题", "<title>标题2"}, "link": {"/1</link>", "/2</link>"}, "guid": {"g1", "g2"},
		"date": {"01:06:01", "01:06:02"}, "description": {"摘要", "摘要2"}, "category": {"甲", "乙"},
		"author": {"作者", "作者2"}, "enclosure": {"a.jpg", "b.jpg"}, "thumbnail": {"t.jpg", "u.jpg"},
		"feed title": {"", ""},
	}
	for name, e := range edits {
		doc := feedOf(strings.Replace(base, e[0], e[1], 1))
		if name == "feed title" {
			doc = strings.Replace(feedOf(base), "<title>f</title>", "<title>g</title>", 1)
		}
		if fp(doc) == want {
			t.Errorf("an edited %s is not seen", name)
		}
	}
}
