package feeds

import (
	"container/list"
	"context"
	"errors"
	"net/http"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"tributary/aggregator/filter"
)

const (
	// DefaultQueryCacheBytes is the size of the query cache when Options leaves it unset.
	DefaultQueryCacheBytes = 64 << 20
	// queryWait is how long a request for an uncached query waits for a free renderer before it
	// is told to come back (429): a flood of distinct queries queues for at most this long, and
	// plain outputs never wait behind it.
	queryWait = 2 * time.Second
	// queryMatchTimeout bounds the matching of one query's expressions over an output's articles:
	// a query that takes longer is refused (400) rather than holding a renderer. The costliest
	// expression filter.MaxProgram allows takes 3 to 4.5 ms per real article body here
	// (BenchmarkWorstPattern), so only such expressions over outputs of several hundred articles
	// come near it; ordinary ones take microseconds per article.
	queryMatchTimeout = 3 * time.Second
	// entryOverhead approximates what a cached entry costs besides its bytes (headers, key, list
	// element), so that a cache of many tiny entries is bounded too.
	entryOverhead = 1 << 10
)

// errBusy is a query that found every renderer busy for queryWait.
var errBusy = errors.New("feeds: every query renderer is busy")

// QueryCacheStats describes the cache of outputs rendered for query parameters, for metrics.
type QueryCacheStats struct {
	Entries  int   // entries held
	Bytes    int64 // their bytes, bodies of every coding plus entryOverhead each
	MaxBytes int64
	// Counters since the server started.
	Hits, Misses, Evictions, Busy uint64
}

// queryKey names one rendering of a query: the slot (so a reload's new configuration never meets
// an old rendering), the format and the query's normal form.
type queryKey struct {
	slot *outputSlot
	f    Format
	q    string
}

type queryItem struct {
	key  queryKey
	e    *entry
	size int64
}

// call is one render in progress, which concurrent requests for the same query wait for.
type call struct {
	done chan struct{}
	e    *entry
	err  error
}

// queryCache holds rendered queries, least recently used first out, bounded by bytes. Renders of
// queries not in it are limited to sem's capacity at a time.
type queryCache struct {
	max int64
	sem chan struct{}

	mu       sync.Mutex
	size     int64
	ll       *list.List // of *queryItem, most recent at the front
	items    map[queryKey]*list.Element
	inflight map[queryKey]*call

	hits, misses, evictions, busy atomic.Uint64
}

func newQueryCache(maxBytes int64) *queryCache {
	// Half the cores render queries at most, so that plain outputs, the admin API and refreshes keep
	// the rest however many distinct queries arrive.
	return &queryCache{
		max: maxBytes, sem: make(chan struct{}, max(1, runtime.GOMAXPROCS(0)/2)),
		ll: list.New(), items: map[queryKey]*list.Element{}, inflight: map[queryKey]*call{},
	}
}

// get returns the entry cached under k, fresh or not, marking it recently used.
func (c *queryCache) get(k queryKey) *entry {
	c.mu.Lock()
	defer c.mu.Unlock()
	el := c.items[k]
	if el == nil {
		return nil
	}
	c.ll.MoveToFront(el)
	return el.Value.(*queryItem).e
}

// put caches e under k, evicting the least recently used entries beyond the bound. An entry larger
// than the whole cache is served but not kept.
func (c *queryCache) put(k queryKey, e *entry) {
	size := int64(entryOverhead + len(k.q))
	for i := range e.variants {
		size += int64(len(e.variants[i].body))
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if el := c.items[k]; el != nil {
		c.size -= el.Value.(*queryItem).size
		c.ll.Remove(el)
		delete(c.items, k)
	}
	if size > c.max {
		return
	}
	c.items[k] = c.ll.PushFront(&queryItem{key: k, e: e, size: size})
	c.size += size
	for c.size > c.max {
		last := c.ll.Back()
		it := last.Value.(*queryItem)
		c.ll.Remove(last)
		delete(c.items, it.key)
		c.size -= it.size
		c.evictions.Add(1)
	}
}

// QueryCacheStats returns the state of the query cache.
func (s *Server) QueryCacheStats() QueryCacheStats {
	c := s.queries
	c.mu.Lock()
	st := QueryCacheStats{Entries: c.ll.Len(), Bytes: c.size, MaxBytes: c.max}
	c.mu.Unlock()
	st.Hits, st.Misses, st.Evictions, st.Busy = c.hits.Load(), c.misses.Load(), c.evictions.Load(), c.busy.Load()
	return st
}

// serveQuery serves output slot in format f filtered by the query parameters of r, or a 400 that
// says which parameter is wrong and why. It reports whether r had parameters that change the
// output; when not, the caller serves the plain output.
func (s *Server) serveQuery(w http.ResponseWriter, r *http.Request, slot *outputSlot, f Format) bool {
	q, err := filter.ParseQuery(r.URL.RawQuery)
	if err != nil {
		s.badQuery(w, r, slot, f, "400 bad query parameter: "+err.Error())
		return true
	}
	if q.IsZero() {
		return false
	}
	k := queryKey{slot: slot, f: f, q: q.Key()}
	e := s.cachedQuery(k)
	if e == nil {
		// Compiled only on a miss: a query in the cache compiled before, and compiling is most of
		// what a cached query would cost (BenchmarkServeQueryCached).
		if err := q.Compile(); err != nil {
			s.badQuery(w, r, slot, f, "400 bad query parameter: "+err.Error())
			return true
		}
		e, err = s.queryEntry(r.Context(), slot, f, q, k)
	}
	switch {
	case r.Context().Err() != nil:
		// The client went away while waiting for another request's render: nobody to answer.
	case errors.Is(err, filter.ErrTooExpensive):
		s.badQuery(w, r, slot, f, "400 bad query: "+err.Error())
	case errors.Is(err, errBusy):
		w.Header()["Retry-After"] = []string{"5"}
		s.observeCode(slot.out.Name, f.Ext(), http.StatusTooManyRequests)
		s.plainError(w, r, http.StatusTooManyRequests, "429 too many filtered feeds are being rendered; retry in a few seconds\n")
	case err != nil:
		w.Header()["Retry-After"] = []string{"30"}
		s.observeCode(slot.out.Name, f.Ext(), http.StatusServiceUnavailable)
		s.plainError(w, r, http.StatusServiceUnavailable, "503 feed temporarily unavailable\n")
	default:
		s.writeEntry(w, r, slot.out.Name, f, e, nil)
	}
	return true
}

// cachedQuery returns the entry cached under k while it is fresh, else nil.
func (s *Server) cachedQuery(k queryKey) *entry {
	if e := s.queries.get(k); e != nil && fresh(e.gen, e.expires, s.store.Generation(), s.now) {
		s.queries.hits.Add(1)
		return e
	}
	return nil
}

// badQuery answers 400 with msg, which names the parameter and the problem, never the value the
// client sent.
func (s *Server) badQuery(w http.ResponseWriter, r *http.Request, slot *outputSlot, f Format, msg string) {
	s.observeCode(slot.out.Name, f.Ext(), http.StatusBadRequest)
	s.plainError(w, r, http.StatusBadRequest, msg+"\n")
}

// queryEntry returns the rendering of q over slot in format f: the cached one while the store and
// the query's age conditions have not changed, else a new one, rendered once however many requests
// ask at the same time.
func (s *Server) queryEntry(ctx context.Context, slot *outputSlot, f Format, q *filter.Query, k queryKey) (*entry, error) {
	c := s.queries
	prev := c.get(k)
	if prev != nil && fresh(prev.gen, prev.expires, s.store.Generation(), s.now) {
		c.hits.Add(1)
		return prev, nil
	}
	c.misses.Add(1)
	c.mu.Lock()
	if cl := c.inflight[k]; cl != nil {
		c.mu.Unlock()
		select {
		case <-cl.done:
			return cl.e, cl.err
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	cl := &call{done: make(chan struct{})}
	c.inflight[k] = cl
	c.mu.Unlock()
	defer func() {
		c.mu.Lock()
		delete(c.inflight, k)
		c.mu.Unlock()
		close(cl.done)
	}()

	timer := time.NewTimer(queryWait)
	defer timer.Stop()
	select {
	case c.sem <- struct{}{}:
	case <-timer.C:
		// Not the request's context: others may be waiting for this render, and the wait is
		// bounded anyway.
		c.busy.Add(1)
		cl.err = errBusy
		return nil, errBusy
	}
	defer func() { <-c.sem }()

	cl.e, cl.err = s.renderQuery(ctx, slot, f, q, k, prev)
	if cl.err != nil && prev != nil {
		cl.e, cl.err = prev, nil // a stale feed beats an error, as for the plain output
	}
	return cl.e, cl.err
}

// renderQuery filters the output's current articles with q and renders them.
func (s *Server) renderQuery(ctx context.Context, slot *outputSlot, f Format, q *filter.Query, k queryKey, prev *entry) (*entry, error) {
	// The output's articles are shared with its plain rendering: reading them is free while they
	// are current, and the slot's lock is held only for that, never while rendering the query.
	slot.mu.Lock()
	gen := s.store.Generation()
	err := s.recentFailure(slot, gen)
	var snap *snapshot
	if err == nil {
		snap, err = s.snapshot(ctx, slot, gen)
	}
	slot.mu.Unlock()
	if err != nil {
		return nil, err
	}
	mctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), queryMatchTimeout)
	articles, expires, err := q.Apply(mctx, snap.articles, s.now())
	cancel()
	if err != nil {
		return nil, err
	}
	if expires.IsZero() || (!snap.expires.IsZero() && snap.expires.Before(expires)) {
		expires = snap.expires
	}
	sub := &snapshot{gen: snap.gen, articles: articles, newest: lastChange(articles), expires: expires}
	e, err := s.build(slot, f, slot.self[f]+"?"+k.q, sub, prev)
	if err != nil {
		return nil, err
	}
	s.queries.put(k, e)
	return e, nil
}
