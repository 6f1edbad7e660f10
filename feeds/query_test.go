package feeds

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"

	"tributary/aggregator"
	"tributary/aggregator/testenv"
)

// parseTitles parses a served feed with gofeed and returns its item titles in order.
func parseTitles(tb testing.TB, body []byte) (*gofeed.Feed, []string) {
	tb.Helper()
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(body))
	if err != nil {
		tb.Fatalf("gofeed: %v\n%s", err, body)
	}
	var titles []string
	for _, it := range feed.Items {
		titles = append(titles, it.Title)
	}
	return feed, titles
}

// TestServeQuery: each RSSHub parameter, through the real server, in every format; a malformed
// one is a 400 that names it and says why without echoing the value.
func TestServeQuery(t *testing.T) {
	env := newEnv(t)
	arts := fixtureArticles(t)
	m2, asia, seed, bare := arts[0].Title, arts[1].Title, arts[2].Title, arts[3].Title
	tests := []struct {
		name, query string
		want        []string
	}{
		{"filter over title and body", "filter=" + url.QueryEscape("M2|bonds"), []string{m2, asia}},
		{"filter over author", "filter=" + url.QueryEscape("^Jane Doe$"), []string{asia}},
		{"filter_title", "filter_title=Asia", []string{asia}},
		{"case-sensitive by default", "filter_title=asia", nil},
		{"filter_case_sensitive=false", "filter_title=asia&filter_case_sensitive=false", []string{asia}},
		{"filter_category", "filter_category=" + url.QueryEscape("^深度$"), []string{seed}},
		{"filter_description is the HTML body", "filter_description=" + url.QueryEscape("<img"), []string{asia, seed}},
		{"filterout", "filterout=" + url.QueryEscape("财联社|Asia"), []string{seed, bare}}, // titles and bodies only, not authors,
		{"filterout_author", "filterout_author=" + url.QueryEscape("财联社"), []string{asia, bare}},
		{"filterout_category", "filterout_category=Markets", []string{m2, seed, bare}},
		{"limit after filtering", "filterout_title=Asia&limit=2", []string{m2, seed}},
		{"unknown parameters ignored", "filterout_title=Asia&format=rss&mode=fulltext&limit=1", []string{m2}},
	}
	for _, f := range Formats() {
		for _, tt := range tests {
			t.Run(f.Ext()+"/"+tt.name, func(t *testing.T) {
				resp, body := env.do(t, "GET", "/feeds/all."+f.Ext()+"?"+tt.query)
				if resp.StatusCode != 200 {
					t.Fatalf("status %d: %s", resp.StatusCode, body)
				}
				_, titles := parseTitles(t, body)
				if fmt.Sprint(titles) != fmt.Sprint(tt.want) {
					t.Errorf("titles\n%q\nwant\n%q", titles, tt.want)
				}
			})
		}
	}
	t.Run("self link carries the normalized query", func(t *testing.T) {
		_, body := env.do(t, "GET", "/feeds/all.atom?limit=1&filter_title=Asia&utm=x")
		if want := `href="` + testBase + `/feeds/all.atom?filter_title=Asia&amp;limit=1"`; !bytes.Contains(body, []byte(want)) {
			t.Errorf("no self link %s in\n%s", want, body)
		}
	})
	t.Run("a query that changes nothing is the plain output", func(t *testing.T) {
		plain, _ := env.do(t, "GET", "/feeds/all.rss")
		resp, _ := env.do(t, "GET", "/feeds/all.rss?utm_source=x&filter=")
		if resp.Header.Get("ETag") != plain.Header.Get("ETag") {
			t.Errorf("ETag %s, want the plain output's %s", resp.Header.Get("ETag"), plain.Header.Get("ETag"))
		}
	})

	bad := []struct{ name, query, want string }{
		{"bad regex", "filter_title=" + url.QueryEscape("a(b"), "400 bad query parameter: filter_title: missing closing ) at position 3\n"},
		{"bad regex in filterout", "filterout=" + url.QueryEscape("x[secret"), "400 bad query parameter: filterout: missing closing ] at position 1\n"},
		{"too long", "filter=" + strings.Repeat("a", 1025), "400 bad query parameter: filter: 1025 bytes: at most 1024\n"},
		{"too many", strings.Repeat("a=1&", 40), "400 bad query parameter: query: 41 parameters: at most 32\n"},
		{"bad limit", "limit=all", "400 bad query parameter: limit: want a whole number between 0 and 10000\n"},
		{"repeated", "limit=1&limit=2", "400 bad query parameter: limit: given more than once\n"},
	}
	for _, tt := range bad {
		t.Run("400/"+tt.name, func(t *testing.T) {
			resp, body := env.do(t, "GET", "/feeds/all.rss?"+tt.query)
			if resp.StatusCode != 400 || string(body) != tt.want {
				t.Errorf("status %d body %q, want 400 %q", resp.StatusCode, body, tt.want)
			}
			if bytes.Contains(body, []byte("secret")) {
				t.Error("the value was echoed back")
			}
		})
	}
	env.mu.Lock()
	defer env.mu.Unlock()
	if !strings.Contains(strings.Join(env.observed, " "), "all.rss:400") {
		t.Errorf("400s not observed: %v", env.observed)
	}
}

// TestServeQueryCache: a query is rendered once and served with ETag, 304 and the compressed
// copies; a new matching article changes its ETag, one it filters out does not; parameters in
// another order are the same cache entry.
func TestServeQueryCache(t *testing.T) {
	env := newEnv(t)
	const path = "/feeds/all.rss?filter_category=" + "%E9%87%91%E8%9E%8D" + "&limit=10" // 金融
	resp, body := env.do(t, "GET", path)
	tag := resp.Header.Get("ETag")
	if resp.StatusCode != 200 || tag == "" {
		t.Fatalf("status %d ETag %q", resp.StatusCode, tag)
	}
	builds := env.srv.builds.Load()
	if resp, _ := env.do(t, "GET", "/feeds/all.rss?limit=10&filter_category=%E9%87%91%E8%9E%8D"); resp.Header.Get("ETag") != tag {
		t.Errorf("reordered parameters: ETag %s, want %s", resp.Header.Get("ETag"), tag)
	}
	if resp, _ := env.do(t, "GET", path, "If-None-Match: "+tag); resp.StatusCode != 304 {
		t.Errorf("If-None-Match: status %d, want 304", resp.StatusCode)
	}
	if n := env.srv.builds.Load() - builds; n != 0 {
		t.Errorf("%d renders of a cached query", n)
	}
	resp, gz := env.do(t, "GET", path, "Accept-Encoding: gzip")
	if resp.Header.Get("Content-Encoding") != "gzip" || !bytes.Equal(decode(t, "gzip", gz), body) {
		t.Errorf("gzip: Content-Encoding %q, or bytes differ from identity", resp.Header.Get("Content-Encoding"))
	}
	if gzTag := resp.Header.Get("ETag"); gzTag == tag || gzTag == "" {
		t.Errorf("gzip ETag %q, want its own", gzTag)
	}
	st := env.srv.QueryCacheStats()
	if st.Entries != 1 || st.Hits < 3 || st.Misses != 1 || st.Bytes <= int64(len(body)) {
		t.Errorf("stats %+v", st)
	}

	// An article the query filters out: new generation, same bytes, same validators.
	save(t, env.st, "cls-telegraph", []aggregator.Article{{ID: "n1", Key: "k-n1", Title: "Sports roundup",
		Categories: []string{"Sport"}, Date: time.Now(), Body: "<p>x</p>"}})
	if resp, _ := env.do(t, "GET", path); resp.Header.Get("ETag") != tag {
		t.Errorf("non-matching article changed the ETag: %s → %s", tag, resp.Header.Get("ETag"))
	}
	// A matching one: a new ETag and the article first.
	save(t, env.st, "cls-telegraph", []aggregator.Article{{ID: "n2", Key: "k-n2", Title: "央行降准",
		Categories: []string{"金融"}, Date: time.Now(), Body: "<p>y</p>"}})
	resp, body = env.do(t, "GET", path, "If-None-Match: "+tag)
	if resp.StatusCode != 200 || resp.Header.Get("ETag") == tag {
		t.Fatalf("matching article: status %d ETag %s (old %s)", resp.StatusCode, resp.Header.Get("ETag"), tag)
	}
	if _, titles := parseTitles(t, body); len(titles) == 0 || titles[0] != "央行降准" {
		t.Errorf("titles %q, want the new article first", titles)
	}
}

// TestServeQueryCacheBound: the cache never holds more bytes than its bound, evicting the least
// recently used query.
func TestServeQueryCacheBound(t *testing.T) {
	st := openStore(t)
	save(t, st, "cls-depth", fixtureArticles(t))
	const bound = 24 << 10
	srv := New(Options{Store: st, Outputs: []aggregator.Output{fixtureOutput()}, BaseURL: testBase, QueryCacheBytes: bound})
	h := srv.Handler()
	for i := range 20 {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest("GET", fmt.Sprintf("/feeds/all.json?limit=%d", i+1), nil))
		if w.Code != 200 {
			t.Fatalf("status %d", w.Code)
		}
		if s := srv.QueryCacheStats(); s.Bytes > bound {
			t.Fatalf("cache holds %d bytes, bound %d", s.Bytes, bound)
		}
	}
	s := srv.QueryCacheStats()
	if s.Evictions == 0 || s.Entries == 0 || s.MaxBytes != bound {
		t.Errorf("stats %+v: want evictions within the bound", s)
	}
	// No cache at all still serves.
	none := New(Options{Store: st, Outputs: []aggregator.Output{fixtureOutput()}, QueryCacheBytes: -1})
	w := httptest.NewRecorder()
	none.Handler().ServeHTTP(w, httptest.NewRequest("GET", "/feeds/all.rss?limit=1", nil))
	if w.Code != 200 || none.QueryCacheStats().Entries != 0 {
		t.Errorf("without a cache: status %d, stats %+v", w.Code, none.QueryCacheStats())
	}
}

// TestServeQueryBusy: when every renderer stays busy, an uncached query gets a 429 with
// Retry-After, never a 5xx or an endless wait; cached queries and plain outputs are still served.
func TestServeQueryBusy(t *testing.T) {
	env := newEnv(t)
	if resp, _ := env.do(t, "GET", "/feeds/all.rss?limit=1"); resp.StatusCode != 200 {
		t.Fatal(resp.Status)
	}
	sem := env.srv.queries.sem
	for range cap(sem) {
		sem <- struct{}{} // every renderer taken
	}
	defer func() {
		for range cap(sem) {
			<-sem
		}
	}()
	resp, body := env.do(t, "GET", "/feeds/all.rss?limit=2")
	if resp.StatusCode != http.StatusTooManyRequests || resp.Header.Get("Retry-After") == "" {
		t.Errorf("status %d Retry-After %q: %s", resp.StatusCode, resp.Header.Get("Retry-After"), body)
	}
	if resp, _ := env.do(t, "GET", "/feeds/all.rss?limit=1"); resp.StatusCode != 200 {
		t.Errorf("cached query: status %d", resp.StatusCode)
	}
	if resp, _ := env.do(t, "GET", "/feeds/all.rss"); resp.StatusCode != 200 {
		t.Errorf("plain output: status %d", resp.StatusCode)
	}
	if env.srv.QueryCacheStats().Busy != 1 {
		t.Errorf("busy count %d", env.srv.QueryCacheStats().Busy)
	}
}

// TestServeRules: rules apply before the limit (the store is read deeper), and an age rule or
// filter_time drops an article when the clock passes its age, with no write to the store.
func TestServeRules(t *testing.T) {
	st := openStore(t)
	arts := fixtureArticles(t)
	save(t, st, "cls-depth", arts)
	clock := testenv.NewClock(arts[0].Date.Add(time.Hour))
	outputs := []aggregator.Output{
		// Keeps only the oldest article, with a limit of 1: found only by reading past the limit.
		{Name: "bare", Limit: 1, Rules: []aggregator.Rule{{Action: "keep", Title: []string{"nothing but"}}}},
		// Drops what is more than 22 days old: the M2 flash (1 h old) and, until it ages, the Asia
		// story (21 days 6 hours) stay.
		{Name: "recent", Limit: 10, Rules: []aggregator.Rule{{Action: "drop", OlderThan: 22 * 24 * time.Hour}}},
	}
	srv := New(Options{Store: st, Outputs: outputs, BaseURL: testBase, Now: clock.Now})
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	get := func(path string) []string {
		t.Helper()
		resp, err := http.Get(ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var buf bytes.Buffer
		buf.ReadFrom(resp.Body)
		if resp.StatusCode != 200 {
			t.Fatalf("%s: status %d", path, resp.StatusCode)
		}
		_, titles := parseTitles(t, buf.Bytes())
		return titles
	}
	if got := get("/feeds/bare.rss"); len(got) != 1 || got[0] != arts[3].Title {
		t.Errorf("bare: %q, want the oldest article alone", got)
	}
	if got := get("/feeds/recent.rss"); len(got) != 2 {
		t.Errorf("recent: %q, want 2", got)
	}
	if got := get("/feeds/recent.rss?filter_time=86400"); len(got) != 1 {
		t.Errorf("recent?filter_time=86400: %q, want 1", got)
	}
	clock.Advance(24 * time.Hour) // the Asia story is now 22 days 6 hours old, the flash 25 hours
	if got := get("/feeds/recent.rss"); len(got) != 1 || got[0] != arts[0].Title {
		t.Errorf("recent a day later: %q, want the flash alone", got)
	}
	if got := get("/feeds/recent.rss?filter_time=86400"); len(got) != 0 {
		t.Errorf("recent?filter_time=86400 a day later: %q, want none", got)
	}
}

// TestServeSetOutputsRules: a reload that changes an output's rules serves the new selection; one
// that keeps them keeps the cached rendering.
func TestServeSetOutputsRules(t *testing.T) {
	st := openStore(t)
	arts := fixtureArticles(t)
	save(t, st, "cls-depth", arts)
	out := aggregator.Output{Name: "x", Limit: 10, Rules: []aggregator.Rule{{Action: "keep", Author: []string{"jane"}}}}
	srv := New(Options{Store: st, Outputs: []aggregator.Output{out}, BaseURL: testBase})
	get := func() []string {
		t.Helper()
		w := httptest.NewRecorder()
		srv.Handler().ServeHTTP(w, httptest.NewRequest("GET", "/feeds/x.rss", nil))
		_, titles := parseTitles(t, w.Body.Bytes())
		return titles
	}
	if got := get(); fmt.Sprint(got) != fmt.Sprint([]string{arts[1].Title}) {
		t.Fatalf("before: %q", got)
	}
	builds := srv.builds.Load()
	same := out
	same.Rules = []aggregator.Rule{{Action: "keep", Author: []string{"jane"}}}
	srv.SetOutputs([]aggregator.Output{same})
	get()
	if n := srv.builds.Load() - builds; n != 0 {
		t.Errorf("%d renders after a reload with the same rules", n)
	}
	changed := out
	changed.Rules = []aggregator.Rule{{Action: "drop", Author: []string{"jane"}}}
	srv.SetOutputs([]aggregator.Output{changed})
	if got := get(); len(got) != 3 || slices.Contains(got, arts[1].Title) {
		t.Errorf("after the rules changed: %q", got)
	}
}
