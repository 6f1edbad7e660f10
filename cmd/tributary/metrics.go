package main

import (
	"context"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"tributary/aggregator"
	"tributary/aggregator/refresh"
)

// metrics are the Prometheus series of GET /metrics, in a registry of the App's own (no global
// registry: two Apps in one test process must not collide).
type metrics struct {
	registry       *prometheus.Registry
	fetchDuration  *prometheus.HistogramVec
	outputRequests *prometheus.CounterVec
	storyMerges    prometheus.Counter
	// sources are the per-source series, written apart from the registry (sourcemetrics.go).
	sources *sourceMetrics
}

func newMetrics(a *App) *metrics {
	m := &metrics{
		registry: prometheus.NewRegistry(),
		sources:  newSourceMetrics(),
		// By result, not by source: a histogram per source is a dozen series each, 120,000 for
		// 10,000 sources, in this process's memory and in every scrape. Each refresh's own
		// duration is in its debug log line and in POST /api/refresh's answer.
		fetchDuration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "tributary_fetch_duration_seconds", Help: "Time to fetch, parse and store one source, by result.",
			Buckets: []float64{0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 40},
		}, []string{"result"}),
		storyMerges: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "tributary_story_merges_total", Help: "New articles that joined an earlier article's story ([dedup]): copies a merged output shows once.",
		}),
		outputRequests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "tributary_output_requests_total", Help: "Requests for output feeds by output, format and HTTP status (304 included).",
		}, []string{"output", "format", "status"}),
	}
	m.registry.MustRegister(
		m.fetchDuration, m.outputRequests, m.storyMerges, newStatsCollector(a),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "tributary_refresh_queue_depth", Help: "Refreshes queued and not yet started.",
		}, func() float64 { return float64(a.refresher.QueueDepth()) }),
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
	)
	return m
}

// statsCollector exports the store's Stats, read once a scrape.
type statsCollector struct {
	a                                 *App
	articles, bytes                   *prometheus.Desc
	indexPrints, indexBytes, indexMax *prometheus.Desc
	indexEvicted                      *prometheus.Desc
}

func newStatsCollector(a *App) *statsCollector {
	desc := func(name, help string) *prometheus.Desc { return prometheus.NewDesc(name, help, nil, nil) }
	return &statsCollector{a: a,
		articles:    desc("tributary_articles_stored", "Articles in the database."),
		bytes:       desc("tributary_database_bytes", "Size of the database file."),
		indexPrints: desc("tributary_story_index_prints", "Prints of recent articles in the story index ([dedup]): the window's, up to its bound."),
		indexBytes:  desc("tributary_story_index_bytes", "Memory the story index's tables take, outside the Go heap."),
		indexMax:    desc("tributary_story_index_max_prints", "The story index's bound ([dedup] max_prints, or a quarter of the memory cgroup's limit over 4 KiB); 0: none."),
		indexEvicted: desc("tributary_story_index_evicted_total",
			"Prints the story index forgot for its bound before they left the window: articles a later copy can no longer join. When it grows, raise [dedup] max_prints with the memory limit."),
	}
}

func (c *statsCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{c.articles, c.bytes, c.indexPrints, c.indexBytes, c.indexMax, c.indexEvicted} {
		ch <- d
	}
}

// Collect reads the store's Stats; when that fails, the series are left out of the scrape rather
// than reported as zero.
func (c *statsCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	st, err := c.a.store.Stats(ctx)
	if err != nil {
		return
	}
	gauge := func(d *prometheus.Desc, v float64) { ch <- prometheus.MustNewConstMetric(d, prometheus.GaugeValue, v) }
	gauge(c.articles, float64(st.Articles))
	gauge(c.bytes, float64(st.Bytes))
	gauge(c.indexPrints, float64(st.StoryIndex.Prints))
	gauge(c.indexBytes, float64(st.StoryIndex.Bytes))
	gauge(c.indexMax, float64(st.StoryIndex.MaxPrints))
	ch <- prometheus.MustNewConstMetric(c.indexEvicted, prometheus.CounterValue, float64(st.StoryIndex.Evicted))
}

func (m *metrics) observeRefresh(res aggregator.RefreshResult) {
	m.sources.observe(res)
	if res.Status == aggregator.StatusSkipped {
		return
	}
	m.fetchDuration.WithLabelValues(string(res.Status)).Observe(res.Duration.Seconds())
	m.storyMerges.Add(float64(res.Grouped))
}

// forgetSources drops the counters of sources a reload removed, so that the series stay bounded
// by the configuration across reloads, not by every source it ever had.
func (m *metrics) forgetSources(names []string) { m.sources.forget(names) }

func (m *metrics) observeOutput(output, format string, code int) {
	m.outputRequests.WithLabelValues(output, format, strconv.Itoa(code)).Inc()
}

// maxScheduleSteps bounds the walk of scheduleInterval: a week of "@every 1m" is 10,080 runs, and
// a schedule more frequent than that has no longer gap further out.
const maxScheduleSteps = 20_000

// scheduleInterval is the longest gap between consecutive runs of a schedule from from on, over
// a week (which spans the weekend of a weekday schedule) and at least two runs (@monthly).
func scheduleInterval(spec string, from time.Time) (time.Duration, bool) {
	sched, err := refresh.ParseSchedule(spec)
	if err != nil {
		return 0, false
	}
	prev := sched.Next(from)
	if prev.IsZero() {
		return 0, false
	}
	end := prev.Add(7 * 24 * time.Hour)
	var longest time.Duration
	for range maxScheduleSteps {
		next := sched.Next(prev)
		if next.IsZero() { // no run in the next five years, as cron sees it
			break
		}
		longest = max(longest, next.Sub(prev))
		if next.After(end) {
			break
		}
		prev = next
	}
	return longest, longest > 0
}

func unixSeconds(t time.Time) float64 { return float64(t.UnixNano()) / 1e9 }

// exportCollector exports the last run of each configured [[export]] block, read at scrape time.
// The label export is the block's dir as configured (an absolute path): it names the block the
// way the operator wrote it, and the series are bounded by config.toml — a block a reload removed
// is gone from the next scrape. Nothing is reported for a block before its first sync.
type exportCollector struct {
	app *App

	lastRun, lastSuccess, failed, posts, afterExit, afterErrors, afterDuration *prometheus.Desc
}

func newExportCollector(a *App) *exportCollector {
	return &exportCollector{app: a,
		lastRun: prometheus.NewDesc("tributary_export_last_run_timestamp_seconds",
			"When the export last synced its posts, well or not, in Unix seconds; absent until it has.", []string{"export"}, nil),
		lastSuccess: prometheus.NewDesc("tributary_export_last_success_timestamp_seconds",
			"When the export last synced without error and its after-command (if it ran) neither exited other than 0 nor printed error lines, in Unix seconds.",
			[]string{"export"}, nil),
		failed: prometheus.NewDesc("tributary_export_failed",
			"1 when the export's last sync failed or its last after-command exited other than 0 or printed error lines, else 0.", []string{"export"}, nil),
		posts: prometheus.NewDesc("tributary_export_posts",
			"Posts the export's last sync that changed posts wrote, renamed or removed, and the posts its last sync skipped.", []string{"export", "change"}, nil),
		afterExit: prometheus.NewDesc("tributary_export_after_exit_code",
			"Exit status of the export's last after-command; -1 when it did not exit by itself (not found, killed at the timeout).", []string{"export"}, nil),
		afterErrors: prometheus.NewDesc("tributary_export_after_error_lines",
			"Error lines (ERROR, FATAL, Error:) the export's last after-command printed: Hexo exits 0 after them.", []string{"export"}, nil),
		afterDuration: prometheus.NewDesc("tributary_export_after_duration_seconds",
			"How long the export's last after-command ran.", []string{"export"}, nil),
	}
}

func (c *exportCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{c.lastRun, c.lastSuccess, c.failed, c.posts, c.afterExit, c.afterErrors, c.afterDuration} {
		ch <- d
	}
}

func (c *exportCollector) Collect(ch chan<- prometheus.Metric) {
	gauge := func(d *prometheus.Desc, v float64, labels ...string) {
		ch <- prometheus.MustNewConstMetric(d, prometheus.GaugeValue, v, labels...)
	}
	for _, r := range c.app.exportRuns() {
		if r.LastRun == nil && r.After == nil {
			continue
		}
		if r.LastRun != nil {
			gauge(c.lastRun, unixSeconds(*r.LastRun), r.Dir)
		}
		if r.LastSuccess != nil {
			gauge(c.lastSuccess, unixSeconds(*r.LastSuccess), r.Dir)
		}
		failed := 0.0
		if r.Status == "failed" {
			failed = 1
		}
		gauge(c.failed, failed, r.Dir)
		for change, n := range map[string]int{"written": r.Written, "renamed": r.Renamed, "removed": r.Removed, "skipped": r.Skipped} {
			gauge(c.posts, float64(n), r.Dir, change)
		}
		if a := r.After; a != nil {
			gauge(c.afterExit, float64(a.ExitCode), r.Dir)
			gauge(c.afterErrors, float64(a.ErrorLines), r.Dir)
			gauge(c.afterDuration, a.DurationSeconds, r.Dir)
		}
	}
}
