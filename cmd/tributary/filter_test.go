package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestFilteredOutputsEndToEnd: the daemon, configured with [[output.rule]] blocks, serves the
// output the rules describe; a reader's RSSHub query parameters narrow it further; a bad
// expression is a 400 naming the parameter; and /metrics exports the query cache.
func TestFilteredOutputsEndToEnd(t *testing.T) {
	now := time.Now()
	feed := blogFeed(now, 1, 2, 5, 10, 40)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, feed)
	}))
	defer srv.Close()
	dir := t.TempDir()
	cfgPath := writeConfig(t, dir, fmt.Sprintf(`[[source]]
name = "blog"
url = %q
schedule = "0 0 1 1 *"
[[output]]
name = "all"
[[output]]
name = "recent"
limit = 2
[[output.rule]]
action = "drop"
older_than = "168h"
[[output.rule]]
action = "drop"
title_regex = "^post of 1 "
`, srv.URL))
	app := startApp(t, cfgPath)
	app.refreshAll(t)

	if got, want := outputTitles(t, app, "recent"), []string{"post of 2 days ago", "post of 5 days ago"}; !slices.Equal(got, want) {
		t.Errorf("recent: %q, want %q", got, want)
	}
	if got, want := queryTitles(t, app, "all", "filter_title=%5Cb(10%7C40)%5Cb&limit=1"), []string{"post of 10 days ago"}; !slices.Equal(got, want) {
		t.Errorf("all?filter_title…&limit=1: %q, want %q", got, want)
	}
	if got, want := queryTitles(t, app, "all", "filterout_description=text+1%3C&filter_time=604800"),
		[]string{"post of 2 days ago", "post of 5 days ago"}; !slices.Equal(got, want) {
		t.Errorf("all?filterout_description…&filter_time=604800: %q, want %q", got, want)
	}
	resp, body := get(t, app.public+"/feeds/all.rss?filter=(")
	if resp.StatusCode != 400 || string(body) != "400 bad query parameter: filter: missing closing ) at position 1\n" {
		t.Errorf("bad expression: %s %q", resp.Status, body)
	}
	series, _ := scrape(t, app.admin)
	for name, want := range map[string]float64{
		"tributary_query_cache_entries": 2, "tributary_query_cache_misses_total": 2,
		"tributary_query_cache_max_bytes":                                         64 << 20,
		`tributary_output_requests_total{format="rss",output="all",status="400"}`: 1,
	} {
		if got, ok := series[name]; !ok || got != want {
			t.Errorf("%s = %v (present %v), want %v", name, got, ok, want)
		}
	}
	if series["tributary_query_cache_bytes"] <= 0 || strings.Contains(fmt.Sprint(series), "NaN") {
		t.Errorf("tributary_query_cache_bytes = %v", series["tributary_query_cache_bytes"])
	}
}

// queryTitles returns the titles of an output's JSON Feed asked for with query ("" for none).
func queryTitles(t *testing.T, app *testApp, output, query string) []string {
	t.Helper()
	path := "/feeds/" + output + ".json"
	if query != "" {
		path += "?" + query
	}
	resp, body := get(t, app.public+path)
	if resp.StatusCode != 200 {
		t.Fatalf("GET %s: %s %s", path, resp.Status, body)
	}
	var feed struct {
		Items []struct {
			Title string `json:"title"`
		} `json:"items"`
	}
	if err := json.Unmarshal(body, &feed); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, it := range feed.Items {
		out = append(out, it.Title)
	}
	return out
}
