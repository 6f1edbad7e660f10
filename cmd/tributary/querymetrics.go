package main

import (
	"github.com/prometheus/client_golang/prometheus"

	"tributary/feeds"
)

// queryCacheOption turns server.query_cache_bytes into feeds.Options.QueryCacheBytes, where 0 means
// the default and a negative value no cache.
func queryCacheOption(n int64) int64 {
	if n == 0 {
		return -1
	}
	return n
}

// queryCacheCollector exports the state of the cache of outputs rendered for query parameters,
// read from the server at each scrape.
type queryCacheCollector struct {
	srv                           *feeds.Server
	entries, bytes, maxBytes      *prometheus.Desc
	hits, misses, evictions, busy *prometheus.Desc
}

func newQueryCacheCollector(srv *feeds.Server) *queryCacheCollector {
	d := func(name, help string) *prometheus.Desc { return prometheus.NewDesc(name, help, nil, nil) }
	return &queryCacheCollector{
		srv:       srv,
		entries:   d("tributary_query_cache_entries", "Outputs rendered for query parameters (?filter=…) held in the cache."),
		bytes:     d("tributary_query_cache_bytes", "Bytes the query cache holds, every content coding counted."),
		maxBytes:  d("tributary_query_cache_max_bytes", "The bound on the query cache, server.query_cache_bytes."),
		hits:      d("tributary_query_cache_hits_total", "Requests with query parameters answered from the cache."),
		misses:    d("tributary_query_cache_misses_total", "Requests with query parameters that needed a render."),
		evictions: d("tributary_query_cache_evictions_total", "Renderings dropped from the query cache to stay within its bound."),
		busy:      d("tributary_query_renders_busy_total", "Requests with query parameters answered 429 because every renderer stayed busy."),
	}
}

// Describe implements prometheus.Collector.
func (c *queryCacheCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{c.entries, c.bytes, c.maxBytes, c.hits, c.misses, c.evictions, c.busy} {
		ch <- d
	}
}

// Collect implements prometheus.Collector.
func (c *queryCacheCollector) Collect(ch chan<- prometheus.Metric) {
	st := c.srv.QueryCacheStats()
	ch <- prometheus.MustNewConstMetric(c.entries, prometheus.GaugeValue, float64(st.Entries))
	ch <- prometheus.MustNewConstMetric(c.bytes, prometheus.GaugeValue, float64(st.Bytes))
	ch <- prometheus.MustNewConstMetric(c.maxBytes, prometheus.GaugeValue, float64(st.MaxBytes))
	ch <- prometheus.MustNewConstMetric(c.hits, prometheus.CounterValue, float64(st.Hits))
	ch <- prometheus.MustNewConstMetric(c.misses, prometheus.CounterValue, float64(st.Misses))
	ch <- prometheus.MustNewConstMetric(c.evictions, prometheus.CounterValue, float64(st.Evictions))
	ch <- prometheus.MustNewConstMetric(c.busy, prometheus.CounterValue, float64(st.Busy))
}
