package main

import (
	"context"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"tributary/aggregator"
)

// metrics are the Prometheus series of GET /metrics, in a registry of the App's own (no global
// registry: two Apps in one test process must not collide).
type metrics struct {
	registry       *prometheus.Registry
	fetches        *prometheus.CounterVec
	fetchDuration  *prometheus.HistogramVec
	fetchBytes     *prometheus.CounterVec
	articles       *prometheus.CounterVec
	outputRequests *prometheus.CounterVec
}

func newMetrics(a *App) *metrics {
	m := &metrics{
		registry: prometheus.NewRegistry(),
		fetches: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "tributary_fetches_total", Help: "Refreshes of a source, by result (updated, not_modified, error, skipped).",
		}, []string{"source", "result"}),
		// By result, not by source: a histogram per source is a dozen series each, 120,000 for
		// 10,000 sources, in this process's memory and in every scrape. Each refresh's own
		// duration is in its debug log line and in POST /api/refresh's answer.
		fetchDuration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "tributary_fetch_duration_seconds", Help: "Time to fetch, parse and store one source, by result.",
			Buckets: []float64{0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 40},
		}, []string{"result"}),
		fetchBytes: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "tributary_fetch_bytes_total", Help: "Bytes read from the network per source.",
		}, []string{"source"}),
		articles: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "tributary_articles_total", Help: "Articles seen per source, by kind (new, updated, deduplicated, unchanged).",
		}, []string{"source", "kind"}),
		outputRequests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "tributary_output_requests_total", Help: "Requests for output feeds by output, format and HTTP status (304 included).",
		}, []string{"output", "format", "status"}),
	}
	statsGauge := func(name, help string, f func(aggregator.Stats) float64) prometheus.Collector {
		return prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: name, Help: help}, func() float64 {
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			defer cancel()
			st, err := a.store.Stats(ctx)
			if err != nil {
				return 0
			}
			return f(st)
		})
	}
	m.registry.MustRegister(
		m.fetches, m.fetchDuration, m.fetchBytes, m.articles, m.outputRequests,
		statsGauge("tributary_articles_stored", "Articles in the database.", func(s aggregator.Stats) float64 { return float64(s.Articles) }),
		statsGauge("tributary_database_bytes", "Size of the database file.", func(s aggregator.Stats) float64 { return float64(s.Bytes) }),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "tributary_refresh_queue_depth", Help: "Refreshes queued and not yet started.",
		}, func() float64 { return float64(a.refresher.QueueDepth()) }),
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
	)
	return m
}

func (m *metrics) observeRefresh(res aggregator.RefreshResult) {
	m.fetches.WithLabelValues(res.Source, string(res.Status)).Inc()
	if res.Status == aggregator.StatusSkipped {
		return
	}
	m.fetchDuration.WithLabelValues(string(res.Status)).Observe(res.Duration.Seconds())
	m.fetchBytes.WithLabelValues(res.Source).Add(float64(res.Bytes))
	m.articles.WithLabelValues(res.Source, "new").Add(float64(res.New))
	m.articles.WithLabelValues(res.Source, "updated").Add(float64(res.Updated))
	m.articles.WithLabelValues(res.Source, "deduplicated").Add(float64(res.Merged))
	m.articles.WithLabelValues(res.Source, "unchanged").Add(float64(res.Unchanged))
}

func (m *metrics) observeOutput(output, format string, code int) {
	m.outputRequests.WithLabelValues(output, format, strconv.Itoa(code)).Inc()
}
