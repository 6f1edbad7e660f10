package main

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"

	"tributary/aggregator"
	"tributary/aggregator/refresh"
	"tributary/feeds"
)

// The per-source series of /metrics are written by hand, in the text exposition format, and not
// through client_golang: they are a dozen per configured source, 110,000 at 10,000 sources, where
// client_golang's objects cost more than the rest of an idle daemon's heap. Measured on such a
// daemon (every source fetched once): the three per-source counter vectors held 26 MB of its 42 MB
// live heap, and every scrape allocated ~48 MB and took ~0.4 CPU-s to build them as protobuf
// messages and encode those. Here a source's counters are nine integers, and a scrape writes
// its lines from them and from the refresher's state (BenchmarkMetricsScrape: 37 allocations).

// sourceCounts are the counters of one source since the process started. A fetch result's series
// appears once that result was seen (fetches[i] > 0); the bytes and articles series once a fetch
// that was not skipped was (fetched), as client_golang's counters appeared when first touched.
type sourceCounts struct {
	fetches  [len(fetchResults)]uint64
	fetched  bool
	bytes    uint64
	articles [len(articleKinds)]uint64
}

// fetchResults are the values of the result label, in aggregator.Status's words.
var fetchResults = [...]aggregator.Status{
	aggregator.StatusUpdated, aggregator.StatusNotModified, aggregator.StatusError, aggregator.StatusSkipped,
}

// articleKinds are the values of tributary_articles_total's kind label.
var articleKinds = [...]string{"new", "updated", "deduplicated", "unchanged"}

// sourceMetrics keeps the per-source counters and writes every per-source family at scrape time.
// The series are labelled by configured source names only and listed for the sources configured
// now, so they are bounded by config.toml, never by what a feed or a request says.
type sourceMetrics struct {
	// r is the refresher whose sources and states are exported; set once by OpenApp.
	r *refresh.Refresher

	mu        sync.Mutex
	counts    map[string]*sourceCounts
	intervals map[string]float64 // by schedule: computing one walks up to a week of runs
}

func newSourceMetrics() *sourceMetrics {
	return &sourceMetrics{counts: map[string]*sourceCounts{}, intervals: map[string]float64{}}
}

// observe counts one refresh result.
func (m *sourceMetrics) observe(res aggregator.RefreshResult) {
	m.mu.Lock()
	defer m.mu.Unlock()
	c := m.counts[res.Source]
	if c == nil {
		c = new(sourceCounts)
		m.counts[res.Source] = c
	}
	for i, s := range fetchResults {
		if s == res.Status {
			c.fetches[i]++
		}
	}
	if res.Status == aggregator.StatusSkipped {
		return
	}
	c.fetched = true
	c.bytes += uint64(max(res.Bytes, 0))
	for i, n := range [len(articleKinds)]int{res.New, res.Updated, res.Merged, res.Unchanged} {
		c.articles[i] += uint64(max(n, 0))
	}
}

// forget drops the counters of sources a reload removed, so that a source configured again later
// starts from zero, and memory is bounded by the configuration across reloads.
func (m *sourceMetrics) forget(names []string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, n := range names {
		delete(m.counts, n)
	}
}

// sourceRow is what a scrape writes of one source, read once for every family.
type sourceRow struct {
	name     string
	st       aggregator.FetchState
	counts   sourceCounts
	interval float64
	hasIv    bool
}

// rows reads every configured source's state, counters and schedule interval.
func (m *sourceMetrics) rows() []sourceRow {
	sources := m.r.Sources()
	intervals := m.scheduleIntervals(sources)
	rows := make([]sourceRow, len(sources))
	for i, src := range sources {
		rows[i] = sourceRow{name: src.Name, st: m.r.State(src.Name)}
		rows[i].interval, rows[i].hasIv = intervals[src.Schedule]
	}
	m.mu.Lock()
	for i := range rows {
		if c := m.counts[rows[i].name]; c != nil {
			rows[i].counts = *c
		}
	}
	m.mu.Unlock()
	return rows
}

// scheduleIntervals returns the interval of every schedule in use, computing the new ones and
// forgetting those no source has any more.
func (m *sourceMetrics) scheduleIntervals(sources []aggregator.Source) map[string]float64 {
	m.mu.Lock()
	defer m.mu.Unlock()
	now := time.Now()
	kept := make(map[string]float64, len(m.intervals))
	for _, src := range sources {
		if _, done := kept[src.Schedule]; done {
			continue
		}
		if iv, ok := m.intervals[src.Schedule]; ok {
			kept[src.Schedule] = iv
		} else if d, ok := scheduleInterval(src.Schedule, now); ok {
			kept[src.Schedule] = d.Seconds()
		}
	}
	m.intervals = kept
	return kept
}

// sourceFamily is one per-source metric family: its lines for one source, appended to b.
type sourceFamily struct {
	name, typ, help string
	lines           func(b []byte, name string, r *sourceRow) []byte
}

// sourceFamilies are the per-source families, in the order a scrape writes them.
var sourceFamilies = []sourceFamily{
	{"tributary_fetches_total", "counter", "Refreshes of a source, by result (updated, not_modified, error, skipped).",
		func(b []byte, name string, r *sourceRow) []byte {
			for i, n := range r.counts.fetches {
				if n > 0 {
					b = endUint(appendSeries(b, name, r.name, "result", string(fetchResults[i])), n)
				}
			}
			return b
		}},
	{"tributary_fetch_bytes_total", "counter", "Bytes read from the network per source.",
		func(b []byte, name string, r *sourceRow) []byte {
			if !r.counts.fetched {
				return b
			}
			return endUint(appendSeries(b, name, r.name, "", ""), r.counts.bytes)
		}},
	{"tributary_articles_total", "counter", "Articles seen per source, by kind (new, updated, deduplicated, unchanged).",
		func(b []byte, name string, r *sourceRow) []byte {
			if !r.counts.fetched {
				return b
			}
			for i, n := range r.counts.articles {
				b = endUint(appendSeries(b, name, r.name, "kind", articleKinds[i]), n)
			}
			return b
		}},
	{"tributary_source_up", "gauge",
		"1 when the source's last refresh succeeded (or it was never fetched yet), 0 when it failed or the source is gone.",
		func(b []byte, name string, r *sourceRow) []byte {
			return endBool(appendSeries(b, name, r.name, "", ""), aggregator.SourceStatus{State: r.st}.Healthy())
		}},
	{"tributary_source_gone", "gauge",
		"1 when the source answered 410 Gone: scheduled refreshes stop until a reload or a manual refresh.",
		func(b []byte, name string, r *sourceRow) []byte {
			return endBool(appendSeries(b, name, r.name, "", ""), r.st.Gone)
		}},
	{"tributary_source_consecutive_failures", "gauge",
		"Refreshes of the source that failed in a row; 0 after a success.",
		func(b []byte, name string, r *sourceRow) []byte {
			return endUint(appendSeries(b, name, r.name, "", ""), uint64(max(r.st.ConsecutiveFailures, 0)))
		}},
	{"tributary_source_last_success_timestamp_seconds", "gauge",
		"When a refresh of the source last succeeded (updated or not modified), in Unix seconds; absent until one has.",
		func(b []byte, name string, r *sourceRow) []byte { return appendTime(b, name, r.name, r.st.LastSuccess) }},
	{"tributary_source_last_attempt_timestamp_seconds", "gauge",
		"When a refresh of the source last ended, well or not, in Unix seconds; absent until one has.",
		func(b []byte, name string, r *sourceRow) []byte { return appendTime(b, name, r.name, r.st.LastFetch) }},
	{"tributary_source_schedule_interval_seconds", "gauge",
		"Longest gap between two scheduled refreshes of the source over a week (or between its next two, when further apart): " +
			"how long it may rightly go without one.",
		func(b []byte, name string, r *sourceRow) []byte {
			if !r.hasIv {
				return b
			}
			return endFloat(appendSeries(b, name, r.name, "", ""), r.interval)
		}},
}

// write writes every per-source family to w, in the text exposition format.
func (m *sourceMetrics) write(w *bufio.Writer) error {
	rows := m.rows()
	var b []byte
	for _, f := range sourceFamilies {
		b = append(b[:0], "# HELP "...)
		b = append(b, f.name...)
		b = append(b, ' ')
		b = appendEscaped(b, f.help, false)
		b = append(b, "\n# TYPE "...)
		b = append(b, f.name...)
		b = append(b, ' ')
		b = append(b, f.typ...)
		b = append(b, '\n')
		samples := false
		for i := range rows {
			n := len(b)
			b = f.lines(b, f.name, &rows[i])
			samples = samples || len(b) > n
			if len(b) > 32<<10 {
				if _, err := w.Write(b); err != nil {
					return err
				}
				b = b[:0]
			}
		}
		if !samples {
			b = b[:0] // a family with no sample is left out, as client_golang does
		}
		if _, err := w.Write(b); err != nil {
			return err
		}
	}
	return nil
}

// appendSeries appends the start of one line, up to its value: name{labels} and a space, the
// labels source="src" and, when label is not empty, label="value", in name order as client_golang
// writes them. endUint, endFloat and endBool append the value and end the line.
func appendSeries(b []byte, name, src, label, value string) []byte {
	b = append(b, name...)
	b = append(b, '{')
	first, second := "source", label
	fv, sv := src, value
	if label != "" && label < first {
		first, second, fv, sv = label, first, value, src
	}
	b = appendLabel(b, first, fv)
	if second != "" {
		b = append(b, ',')
		b = appendLabel(b, second, sv)
	}
	return append(b, "} "...)
}

// appendLabel appends name="value", the value escaped.
func appendLabel(b []byte, name, value string) []byte {
	b = append(b, name...)
	b = append(b, `="`...)
	b = appendEscaped(b, value, true)
	return append(b, '"')
}

// appendTime appends source src's line of name with t in Unix seconds, or nothing when t is zero
// (it never happened).
func appendTime(b []byte, name, src string, t time.Time) []byte {
	if t.IsZero() {
		return b
	}
	return endFloat(appendSeries(b, name, src, "", ""), unixSeconds(t))
}

func endUint(b []byte, v uint64) []byte { return append(strconv.AppendUint(b, v, 10), '\n') }

// endFloat appends v as the text format writes a float: Go's shortest representation.
func endFloat(b []byte, v float64) []byte {
	return append(strconv.AppendFloat(b, v, 'g', -1, 64), '\n')
}

func endBool(b []byte, v bool) []byte {
	if v {
		return append(b, "1\n"...)
	}
	return append(b, "0\n"...)
}

// appendEscaped appends s escaped as the text format wants: a backslash and a newline always, a
// double quote in a label value.
func appendEscaped(b []byte, s string, quote bool) []byte {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\':
			b = append(b, `\\`...)
		case c == '\n':
			b = append(b, `\n`...)
		case c == '"' && quote:
			b = append(b, `\"`...)
		default:
			b = append(b, c)
		}
	}
	return b
}

// metricsHandler serves GET /metrics: the registry's families, then the per-source ones, in the
// text exposition format whatever the scraper prefers (Prometheus takes it), gzipped when the
// request's Accept-Encoding prefers gzip to identity (feeds.AcceptsGzip: the feeds' negotiation). A
// registry that fails to gather is a 500, as promhttp answers by default.
func metricsHandler(reg prometheus.Gatherer, sources *sourceMetrics) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mfs, err := reg.Gather()
		if err != nil {
			http.Error(w, fmt.Sprintf("gather metrics: %v", err), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", string(expfmt.NewFormat(expfmt.TypeTextPlain)))
		w.Header().Set("Vary", "Accept-Encoding")
		if !feeds.AcceptsGzip(r.Header["Accept-Encoding"]) {
			_ = writeMetrics(w, mfs, sources) // an error is the client gone: nothing to tell it
			return
		}
		w.Header().Set("Content-Encoding", "gzip")
		zw := gzip.NewWriter(w)
		if writeMetrics(zw, mfs, sources) == nil {
			_ = zw.Close()
		}
	})
}

// writeMetrics writes the registry's families mfs and then the per-source ones to w, in the text
// exposition format, through a buffer.
func writeMetrics(w io.Writer, mfs []*dto.MetricFamily, sources *sourceMetrics) error {
	out := bufio.NewWriterSize(w, 64<<10)
	enc := expfmt.NewEncoder(out, expfmt.NewFormat(expfmt.TypeTextPlain))
	for _, mf := range mfs {
		if err := enc.Encode(mf); err != nil {
			return err
		}
	}
	if err := sources.write(out); err != nil {
		return err
	}
	return out.Flush()
}
