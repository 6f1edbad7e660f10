package feeds

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"
	"time"

	"tributary/aggregator/filter"
)

// BenchmarkServeQueryCached compares serving a cached filtered query with serving the plain output
// it filters (100 articles, RSS), through the handler without a network, in each content coding.
// The query costs its parsing and normalizing on top (its expressions are compiled only on a miss).
func BenchmarkServeQueryCached(b *testing.B) {
	fx := newBenchFixture(b)
	h := fx.srv.Handler()
	paths := map[string]string{
		"plain":    "/feeds/all.rss",
		"filtered": "/feeds/all.rss?filter_title=%E5%A4%A7%E4%BC%9A%7C%E8%AE%BA%E5%9D%9B&filterout_author=x&limit=50",
	}
	for _, name := range []string{"plain", "filtered"} {
		for _, enc := range []string{"identity", "gzip"} {
			b.Run(name+"/"+enc, func(b *testing.B) {
				req := httptest.NewRequest("GET", "http://127.0.0.1"+paths[name], nil)
				if enc == "gzip" {
					req.Header.Set("Accept-Encoding", "gzip")
				}
				w := &discardWriter{h: http.Header{}}
				h.ServeHTTP(w, req) // rendered and cached before the clock starts
				b.ReportAllocs()
				for b.Loop() {
					clear(w.h)
					w.code = 0
					h.ServeHTTP(w, req)
					if w.code != 200 {
						b.Fatalf("status %d", w.code)
					}
				}
			})
		}
	}
}

// BenchmarkServeQueryUncached renders a new query on every request: the cost a flood of distinct
// queries puts on the bounded renderers.
func BenchmarkServeQueryUncached(b *testing.B) {
	fx := newBenchFixture(b)
	h := fx.srv.Handler()
	w := &discardWriter{h: http.Header{}}
	i := 0
	b.ReportAllocs()
	for b.Loop() {
		i++
		clear(w.h)
		w.code = 0
		h.ServeHTTP(w, httptest.NewRequest("GET", fmt.Sprintf("http://127.0.0.1/feeds/all.rss?limit=%d", i%10000+1), nil))
		if w.code != 200 {
			b.Fatalf("status %d", w.code)
		}
	}
}

// BenchmarkWorstPattern applies the costliest kind of expression filter.MaxProgram lets through
// (a counted class repeat: thousands of NFA threads alive at every byte) to the bodies of 100 real
// articles: the bound on what one query can cost a renderer.
func BenchmarkWorstPattern(b *testing.B) {
	arts := benchArticles(b, 100)
	for _, p := range []string{`[^<]{0,1000}x`, `(?s)a.{1000}b`} {
		q, err := filter.ParseQuery("filter_description=" + url.QueryEscape(p))
		if err != nil {
			b.Fatal(err)
		}
		b.Run(p, func(b *testing.B) {
			for b.Loop() {
				q.Apply(context.Background(), arts, time.Now())
			}
		})
	}
}
