package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"

	"tributary/aggregator"
	"tributary/aggregator/fetch"
	"tributary/aggregator/normalize"
	"tributary/aggregator/refresh"
	"tributary/store"
)

// parseMetrics parses a /metrics body with Prometheus's own text parser, which refuses a family
// written twice, a sample line outside its family and a malformed label.
func parseMetrics(t *testing.T, body []byte) map[string]*dto.MetricFamily {
	t.Helper()
	p := expfmt.NewTextParser(model.UTF8Validation)
	mfs, err := p.TextToMetricFamilies(bytes.NewReader(body))
	if err != nil {
		t.Fatalf("parse /metrics: %v\n%s", err, body)
	}
	return mfs
}

// sample returns the value of family name's sample whose labels are exactly labels.
func sample(mfs map[string]*dto.MetricFamily, name string, labels map[string]string) (float64, bool) {
	mf := mfs[name]
	if mf == nil {
		return 0, false
	}
	for _, m := range mf.GetMetric() {
		got := map[string]string{}
		for _, l := range m.GetLabel() {
			got[l.GetName()] = l.GetValue()
		}
		if !maps.Equal(got, labels) {
			continue
		}
		switch {
		case m.Counter != nil:
			return m.GetCounter().GetValue(), true
		case m.Gauge != nil:
			return m.GetGauge().GetValue(), true
		case m.Untyped != nil:
			return m.GetUntyped().GetValue(), true
		}
	}
	return 0, false
}

// TestMetricsExposition: /metrics is one valid text exposition (the registry's families and the
// per-source ones written by hand), its per-source counters count exactly what the refresher
// reported, and it is gzipped when the scraper accepts gzip.
func TestMetricsExposition(t *testing.T) {
	src := newFixtureServer(t, map[string]string{"/ok": "cls-depth.xml"}) // any other path: 404
	dir := t.TempDir()
	app := startApp(t, writeConfig(t, dir, fmt.Sprintf(
		"[[source]]\nname = \"ok\"\nurl = \"%s/ok\"\nschedule = \"@hourly\"\n"+
			"[[source]]\nname = \"down\"\nurl = \"%s/down\"\nschedule = \"@hourly\"\n"+
			"[[source]]\nname = \"idle\"\nurl = \"%s/ok\"\nschedule = \"@daily\"\n", src.URL, src.URL, src.URL)))
	waitUntil(t, func() bool {
		return !app.refresher.State("ok").LastFetch.IsZero() && !app.refresher.State("down").LastFetch.IsZero() &&
			!app.refresher.State("idle").LastFetch.IsZero()
	})
	// The first refreshes' counts (which of ok and idle stored the shared entries first is the
	// race's), and more results on top, as later refreshes would report them.
	app.metrics.sources.mu.Lock()
	base := *app.metrics.sources.counts["ok"]
	app.metrics.sources.mu.Unlock()
	if base.fetches[0] != 1 || base.articles[0]+base.articles[2] == 0 {
		t.Fatalf("ok's first refresh counted %+v, want one update that stored or merged its entries", base)
	}
	for _, res := range []aggregator.RefreshResult{
		{Source: "ok", Status: aggregator.StatusNotModified, Bytes: 0},
		{Source: "ok", Status: aggregator.StatusUpdated, Bytes: 1000, New: 2, Updated: 3, Merged: 4, Unchanged: 5},
		{Source: "down", Status: aggregator.StatusError, Bytes: 17},
		{Source: "down", Status: aggregator.StatusSkipped},
	} {
		app.metrics.observeRefresh(res)
	}
	first := app.refresher.State("ok")
	_, body := get(t, app.admin+"/metrics")
	mfs := parseMetrics(t, body)

	tests := []struct {
		name   string
		labels map[string]string
		want   float64
		ok     bool
	}{
		{"tributary_fetches_total", map[string]string{"source": "ok", "result": "updated"}, 2, true},
		{"tributary_fetches_total", map[string]string{"source": "ok", "result": "not_modified"}, 1, true},
		{"tributary_fetches_total", map[string]string{"source": "ok", "result": "error"}, 0, false},
		{"tributary_fetches_total", map[string]string{"source": "down", "result": "error"}, 2, true},
		{"tributary_fetches_total", map[string]string{"source": "down", "result": "skipped"}, 1, true},
		{"tributary_articles_total", map[string]string{"source": "ok", "kind": "new"}, float64(base.articles[0] + 2), true},
		{"tributary_articles_total", map[string]string{"source": "ok", "kind": "updated"}, float64(base.articles[1] + 3), true},
		{"tributary_articles_total", map[string]string{"source": "ok", "kind": "deduplicated"}, float64(base.articles[2] + 4), true},
		{"tributary_articles_total", map[string]string{"source": "ok", "kind": "unchanged"}, float64(base.articles[3] + 5), true},
		{"tributary_fetch_bytes_total", map[string]string{"source": "ok"}, float64(base.bytes + 1000), true},
		{"tributary_articles_total", map[string]string{"source": "down", "kind": "new"}, 0, true},
		{"tributary_source_up", map[string]string{"source": "ok"}, 1, true},
		{"tributary_source_up", map[string]string{"source": "down"}, 0, true},
		{"tributary_source_consecutive_failures", map[string]string{"source": "down"}, 1, true},
		{"tributary_source_last_success_timestamp_seconds", map[string]string{"source": "ok"}, unixSeconds(first.LastSuccess), true},
		{"tributary_source_last_success_timestamp_seconds", map[string]string{"source": "down"}, 0, false},
		{"tributary_source_schedule_interval_seconds", map[string]string{"source": "idle"}, 24 * 3600, true},
	}
	for _, tc := range tests {
		got, ok := sample(mfs, tc.name, tc.labels)
		if ok != tc.ok || got != tc.want {
			t.Errorf("%s%v = %v (present %v), want %v (present %v)", tc.name, tc.labels, got, ok, tc.want, tc.ok)
		}
	}
	if mfs["tributary_fetches_total"].GetType() != dto.MetricType_COUNTER || mfs["tributary_source_up"].GetType() != dto.MetricType_GAUGE {
		t.Error("per-source families lost their types")
	}
	for _, name := range []string{"go_goroutines", "tributary_fetch_duration_seconds", "tributary_articles_stored"} {
		if mfs[name] == nil {
			t.Errorf("the registry's family %s is missing", name)
		}
	}

	t.Run("gzip", func(t *testing.T) {
		for _, tc := range []struct {
			accept string
			gz     bool
		}{{"gzip", true}, {"deflate, gzip;q=0.5", true}, {"gzip;q=0", false}, {"", false}, {"br", false}} {
			resp, raw := get(t, app.admin+"/metrics", "Accept-Encoding", tc.accept)
			if got := resp.Header.Get("Content-Encoding") == "gzip"; got != tc.gz {
				t.Errorf("Accept-Encoding %q: gzipped %v, want %v", tc.accept, got, tc.gz)
				continue
			}
			if !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/plain; version=0.0.4") {
				t.Errorf("Content-Type %q, want the text format", resp.Header.Get("Content-Type"))
			}
			if tc.gz {
				zr, err := gzip.NewReader(bytes.NewReader(raw))
				if err != nil {
					t.Fatal(err)
				}
				if raw, err = io.ReadAll(zr); err != nil {
					t.Fatal(err)
				}
			}
			got := parseMetrics(t, raw)
			if !slices.Equal(slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(mfs))) {
				t.Errorf("Accept-Encoding %q: families %v, want %v", tc.accept, slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(mfs)))
			}
		}
	})
}

// TestAppendSeries: label values are escaped so that Prometheus reads back what was written, and
// the labels come in name order, as client_golang writes them.
func TestAppendSeries(t *testing.T) {
	for _, tc := range []struct {
		src, label, value, line string
	}{
		{"cls-depth", "", "", `m{source="cls-depth"} 7`},
		{"a", "result", "updated", `m{result="updated",source="a"} 7`},
		{"a", "zone", "x", `m{source="a",zone="x"} 7`},
		{`q"uote\back` + "\nline", "kind", `new"`, `m{kind="new\"",source="q\"uote\\back\nline"} 7`},
		{"财联社", "", "", `m{source="财联社"} 7`},
	} {
		line := string(endUint(appendSeries(nil, "m", tc.src, tc.label, tc.value), 7))
		if line != tc.line+"\n" {
			t.Errorf("appendSeries(%q, %q, %q) = %q, want %q", tc.src, tc.label, tc.value, line, tc.line+"\n")
		}
		mfs := parseMetrics(t, []byte("# TYPE m counter\n"+line))
		want := map[string]string{"source": tc.src}
		if tc.label != "" {
			want[tc.label] = tc.value
		}
		if v, ok := sample(mfs, "m", want); !ok || v != 7 {
			t.Errorf("%q read back as %v (found %v), want labels %v", line, mfs["m"], ok, want)
		}
	}
}

// TestMetricsLeaveOutEmptyFamilies: a per-source family without a sample (no source ever
// succeeded, so no last success time) is not written at all, HELP and TYPE included, as
// client_golang leaves out an empty family.
func TestMetricsLeaveOutEmptyFamilies(t *testing.T) {
	src := newFixtureServer(t, map[string]string{})
	app := startApp(t, writeConfig(t, t.TempDir(), fmt.Sprintf("[[source]]\nname = \"down\"\nurl = \"%s/down\"\nschedule = \"@hourly\"\n", src.URL)))
	waitUntil(t, func() bool { return !app.refresher.State("down").LastFetch.IsZero() })
	_, body := get(t, app.admin+"/metrics")
	if bytes.Contains(body, []byte("tributary_source_last_success_timestamp_seconds")) {
		t.Errorf("an empty family is written:\n%s", body)
	}
	if !bytes.Contains(body, []byte(`tributary_source_last_attempt_timestamp_seconds{source="down"}`)) {
		t.Errorf("the last attempt is missing:\n%s", body)
	}
}

// BenchmarkMetricsScrape is one GET /metrics of the per-source families of 10,000 sources, each
// with a refresh result counted: ns/op and B/op of a scrape. The registry is empty here, so that
// what is measured is the per-source part, which dominated: a daemon with 10,000 sources
// allocated ~48 MB and ~0.4 CPU-s per scrape through client_golang (see sourcemetrics.go).
//
//	go test -run '^$' -bench MetricsScrape -benchmem ./cmd/tributary/
func BenchmarkMetricsScrape(b *testing.B) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(b.TempDir(), "t.db"), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	r, err := refresh.New(ctx, refresh.Options{Store: st, Fetcher: fetch.New(fetch.Options{}), Normalizer: normalize.New(normalize.Options{})})
	if err != nil {
		b.Fatal(err)
	}
	defer r.Close(ctx)
	sources := make([]aggregator.Source, 10000)
	m := newSourceMetrics()
	m.r = r
	for i := range sources {
		sources[i] = aggregator.Source{Name: fmt.Sprintf("source-%05d", i), URL: "http://127.0.0.1:1/feed.xml", Schedule: "@hourly"}
		m.observe(aggregator.RefreshResult{Source: sources[i].Name, Status: aggregator.StatusUpdated, Bytes: 150_000, New: 50})
	}
	r.SetSources(ctx, sources)
	h := metricsHandler(prometheus.NewRegistry(), m)
	req := httptest.NewRequest("GET", "/metrics", nil)
	for b.Loop() {
		var w countingWriter
		h.ServeHTTP(&w, req)
		if w.n < 10000*100 {
			b.Fatalf("/metrics wrote %d bytes", w.n)
		}
	}
}

// countingWriter is a ResponseWriter that counts the body's bytes and keeps none, so that a
// benchmark measures the handler's memory, not a recorder's buffer.
type countingWriter struct {
	h http.Header
	n int
}

func (w *countingWriter) Header() http.Header {
	if w.h == nil {
		w.h = http.Header{}
	}
	return w.h
}

func (w *countingWriter) Write(p []byte) (int, error) { w.n += len(p); return len(p), nil }

func (w *countingWriter) WriteHeader(int) {}
