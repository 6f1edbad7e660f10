// Package refresh runs the refresh of a source, the one place where fetch → decode → parse →
// normalize → store happens for a feed (as Miniflux's handler does), and schedules refreshes with
// cron. It bounds concurrency globally and per host, joins concurrent refreshes of one source,
// backs failing sources off exponentially and honours Retry-After for that source only: many
// sources share one RSSHub host, and one throttled route must not stall the others.
package refresh

import (
	"bytes"
	"cmp"
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/maphash"
	"log/slog"
	"math/rand/v2"
	"net/url"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"time"

	"tributary/aggregator"
	"tributary/aggregator/cores"
	"tributary/aggregator/fetch"
	"tributary/aggregator/normalize"
	"tributary/aggregator/parse"
)

// Fetcher fetches one feed. *fetch.Client is the implementation; the interface exists so that a
// fault can be injected around the real client in tests.
type Fetcher interface {
	Fetch(ctx context.Context, r fetch.Request) (*fetch.Response, error)
}

// Options configures a Refresher.
type Options struct {
	Store      aggregator.Store
	Fetcher    Fetcher
	Normalizer *normalize.Normalizer
	// Concurrency caps fetches in flight; PerHost caps them per host name, whatever the port (see
	// hostOf).
	Concurrency int
	PerHost     int
	// Cores are the CPU slots that parses take, one each; nil means GOMAXPROCS of them. A store
	// whose writer claims from the same slots (store.Options.Cores) is never kept from a core by
	// parses: see package cores.
	Cores *cores.Slots
	// HandOffFeeds is the most fetched feeds that wait at once for a parse slot and the store
	// while their workers fetch on (see handOff); zero means DefaultHandOffShare × Concurrency. A
	// process short of memory asks for fewer: each feed waiting holds its body and articles, and
	// bigger groups of them commit more dirty pages at once.
	HandOffFeeds int
	// BackoffBase is the wait after the first failure, doubled per further failure up to BackoffMax.
	BackoffBase time.Duration
	BackoffMax  time.Duration
	// MaxItems caps the entries of one feed that are stored; the rest are dropped (feed order:
	// newest first, in practice). Zero means DefaultMaxItems.
	MaxItems int
	Logger   *slog.Logger
	Now      func() time.Time
	// OnResult, when set, sees every result (metrics).
	OnResult func(aggregator.RefreshResult)
	// OnChange, when set, runs after a refresh that changed what an output shows.
	OnChange func()
	// OnFetched, when set, sees every successful fetch (a 304 too) before it is parsed: WebSub
	// discovery reads the hubs a feed advertises there. It must not block.
	OnFetched func(src aggregator.Source, resp *fetch.Response)
	// Owner, when not empty and the Store is an aggregator.Leaser (a database several nodes share),
	// names this node in the lease it claims before each fetch: a source whose lease another node
	// holds is skipped. LeaseTTL is how long a claim lasts; zero means DefaultLeaseTTL.
	Owner    string
	LeaseTTL time.Duration
	// RequestPoll is how often ServeRequests looks for manual refreshes forwarded to this node,
	// and the longest a forwarded refresh waits between two looks at its result (see forward);
	// zero means DefaultRequestPoll.
	RequestPoll time.Duration
}

// DefaultRequestPoll is how often a node sharing the database looks for the manual refreshes
// other nodes forward to it: it adds at most this much to a forwarded refresh's answer.
const DefaultRequestPoll = 250 * time.Millisecond

// DefaultLeaseTTL is how long a node's claim on a source lasts: longer than a fetch and its store
// take, so that no other node fetches the source meanwhile, and short enough that the sources of a
// node that died go to the others within a minute.
const DefaultLeaseTTL = time.Minute

// Refresher refreshes sources. It is safe for concurrent use.
type Refresher struct {
	o Options
	// life bounds every refresh: callers that stop waiting do not cancel a refresh that others may
	// have joined; only Close does.
	life    context.Context
	cancel  context.CancelFunc
	running sync.WaitGroup

	mu       sync.Mutex
	sources  map[string]aggregator.Source
	order    []string
	states   map[string]aggregator.FetchState
	inflight map[string]*call
	// ended holds, on a shared store, each source's last finished refresh and when it ended
	// (time.Now, monotonic): a forwarded request claimed while that refresh ran is answered with
	// its result rather than a fetch more (see startJob).
	ended map[string]endedCall
	// listed holds, per source, what its last stored feed listed (see lastFeed). Entries that a
	// source lists again exactly as it listed them then are not parsed (the fast path moves past
	// their bytes), normalized or stored again: a feed that gained one story still lists its other
	// forty-nine, and a refresh's cost should grow with what changed. They are still named to the
	// store (SaveListed), which keeps what a source lists out of retention and refreshes the last
	// sighting of their tombstones. An entry is replaced only once the feed was stored (an entry left
	// out must be in the store), lives in memory only (a restart parses everything once) and is
	// forgotten on a reload, whose new categories, author or timezone must reach every entry.
	listed map[string]*lastFeed
	fpSeed maphash.Seed // seeds those listings' hashes
	// states304 holds the states of 304s waiting to be saved in a batch (statesave.go); stateWait
	// is how long the first of them waits for more (stateWait; tests lengthen it).
	states304 stateLog
	stateWait time.Duration
	closed    bool

	// The queue of refreshes waiting for a worker (see queue.go).
	queue      []*job
	workers    int            // workers running, at most Concurrency
	handedOff  *budget        // the feeds whose workers moved on (see handOff)
	hostActive map[string]int // jobs running per host, at most PerHost
	wake       *sync.Cond     // on mu: a host slot was freed or the queue closed
}

// lastFeed is what a Refresher remembers of a source's last stored feed.
type lastFeed struct {
	listing *parse.Listing
	// ids maps the key of each entry the listing holds (parse.Parsed.Keys) to the ID of its
	// article, sorted by key: the entries that the next refresh leaves out are named by it. 24 bytes
	// an entry, as the listing's own.
	ids []keyedID
}

// keyedID is an entry's key and the ID of its article, in binary (IDs are 32 hex digits).
type keyedID struct {
	key uint64
	id  [16]byte
}

// unchanged returns the article IDs of the entries a parse left out (their keys), or false when
// one of them is not known: the caller must then parse everything.
func (l *lastFeed) unchanged(keys []uint64) ([]string, bool) {
	if len(keys) == 0 {
		return nil, true
	}
	if l == nil {
		return nil, false
	}
	out := make([]string, 0, len(keys))
	for _, k := range keys {
		e, ok := l.lookup(k)
		if !ok {
			return nil, false
		}
		out = append(out, hex.EncodeToString(e.id[:]))
	}
	return out, true
}

// lookup finds the entry of key k.
func (l *lastFeed) lookup(k uint64) (keyedID, bool) {
	i, ok := slices.BinarySearchFunc(l.ids, k, func(e keyedID, k uint64) int { return cmp.Compare(e.key, k) })
	if !ok {
		return keyedID{}, false
	}
	return l.ids[i], true
}

// call is one refresh of one source in progress; later callers wait on done and share result.
type call struct {
	done   chan struct{}
	result aggregator.RefreshResult
}

// ErrUnknownSource is wrapped by errors naming a source that is not configured.
var ErrUnknownSource = fmt.Errorf("unknown source: %w", aggregator.ErrNotFound)

// New returns a Refresher with the fetch states held in o.Store.
func New(ctx context.Context, o Options) (*Refresher, error) {
	if o.Concurrency < 1 {
		o.Concurrency = 8
	}
	if o.PerHost < 1 {
		o.PerHost = 2
	}
	if o.BackoffBase <= 0 {
		o.BackoffBase = time.Minute
	}
	if o.BackoffMax <= 0 {
		o.BackoffMax = 6 * time.Hour
	}
	if o.MaxItems <= 0 {
		o.MaxItems = DefaultMaxItems
	}
	if o.Cores == nil {
		o.Cores = cores.New(runtime.GOMAXPROCS(0))
	}
	if o.HandOffFeeds <= 0 {
		o.HandOffFeeds = DefaultHandOffShare * o.Concurrency
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	states, err := o.Store.States(ctx)
	if err != nil {
		return nil, fmt.Errorf("refresh: load source states: %w", err)
	}
	life, cancel := context.WithCancel(context.WithoutCancel(ctx))
	r := &Refresher{
		o:        o,
		life:     life,
		cancel:   cancel,
		sources:  map[string]aggregator.Source{},
		states:   states,
		inflight: map[string]*call{},
		ended:    map[string]endedCall{},
		listed:   map[string]*lastFeed{},
		fpSeed:   maphash.MakeSeed(),

		hostActive: map[string]int{},
		handedOff:  newBudget(o.Concurrency, o.HandOffFeeds),
	}
	r.wake = sync.NewCond(&r.mu)
	r.states304.cond = sync.NewCond(&r.states304.mu)
	r.states304.kick = make(chan struct{}, 1)
	r.stateWait = stateWait
	return r, nil
}

// SetSources replaces the configured sources (at start and on reload). A reload also lifts the
// "gone" mark of sources that answered 410, as the README promises.
func (r *Refresher) SetSources(ctx context.Context, sources []aggregator.Source) {
	r.mu.Lock()
	r.sources = make(map[string]aggregator.Source, len(sources))
	r.order = r.order[:0]
	// A reload may change what normalize makes of an entry (categories, author, timezone).
	r.listed = map[string]*lastFeed{}
	var revived []string
	for _, s := range sources {
		r.sources[s.Name] = s
		r.order = append(r.order, s.Name)
		if st, ok := r.states[s.Name]; ok && st.Gone {
			st.Gone = false
			r.states[s.Name] = st
			revived = append(revived, s.Name)
		}
	}
	r.mu.Unlock()
	for _, name := range revived {
		r.mu.Lock()
		st := r.states[name]
		r.mu.Unlock()
		r.settleState(name)
		if err := r.o.Store.SaveState(ctx, name, st); err != nil {
			r.o.Logger.Warn("could not clear the gone mark of a source", "source", name, "error", err)
		}
	}
}

// Sources returns the configured sources in configuration order.
func (r *Refresher) Sources() []aggregator.Source {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make([]aggregator.Source, 0, len(r.order))
	for _, n := range r.order {
		out = append(out, r.sources[n])
	}
	return out
}

// Source returns one configured source.
func (r *Refresher) Source(name string) (aggregator.Source, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	s, ok := r.sources[name]
	return s, ok
}

// State returns the fetch state of a source: the zero state for one never fetched.
func (r *Refresher) State(name string) aggregator.FetchState {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.states[name]
}

// Running reports whether a refresh of a source is queued or running.
func (r *Refresher) Running(name string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	_, ok := r.inflight[name]
	return ok
}

// QueueDepth is the number of refreshes queued and not yet started.
func (r *Refresher) QueueDepth() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.queue)
}

// Refresh refreshes the named sources (all when names is empty) concurrently and waits for them.
// A manual refresh ignores backoff and the gone mark; a scheduled one respects them. Unknown names
// fail the whole call before anything is fetched.
func (r *Refresher) Refresh(ctx context.Context, names []string, manual bool) ([]aggregator.RefreshResult, error) {
	r.mu.Lock()
	if len(names) == 0 {
		names = slices.Clone(r.order)
	}
	var unknown []string
	for _, n := range names {
		if _, ok := r.sources[n]; !ok {
			unknown = append(unknown, n)
		}
	}
	r.mu.Unlock()
	if len(unknown) > 0 {
		return nil, fmt.Errorf("%w: %q", ErrUnknownSource, unknown)
	}
	names = uniqueNames(names)
	if f, ok := r.shared(); ok && manual {
		return r.refreshShared(ctx, f, names), nil
	}
	return r.round(ctx, names, manual), nil
}

// round refreshes names concurrently and waits for them, then for their deferred states to be
// written. A name that is not configured (any more: a round of the scheduler may run between a
// reload and its Sync) gets an error result; the others are refreshed.
func (r *Refresher) round(ctx context.Context, names []string, manual bool) []aggregator.RefreshResult {
	results := make([]aggregator.RefreshResult, len(names))
	calls := make([]*call, len(names))
	for i, n := range names {
		calls[i], results[i] = r.start(n, manual)
	}
	for i, c := range calls {
		if c != nil {
			results[i] = r.wait(ctx, names[i], c)
		}
	}
	if ctx.Err() == nil {
		r.syncStates() // the round's states are stored when it answers
	}
	return results
}

// RefreshSource refreshes one source, or joins the refresh of it already running.
func (r *Refresher) RefreshSource(ctx context.Context, name string, manual bool) aggregator.RefreshResult {
	c, res := r.start(name, manual)
	if c == nil {
		return res
	}
	res = r.wait(ctx, name, c)
	if ctx.Err() == nil {
		r.syncStates()
	}
	return res
}

// start queues a refresh of name, or finds the one queued or running, and returns its call; or
// returns no call and the result when the source is not to be refreshed now.
func (r *Refresher) start(name string, manual bool) (*call, aggregator.RefreshResult) {
	return r.startJob(name, manual, false, time.Time{})
}

// endedCall is a finished refresh's result and when it ended.
type endedCall struct {
	at  time.Time
	res aggregator.RefreshResult
}

// startJob is start; answer makes the refresh, when it is not joined to one in flight, answer the
// request of the source that other nodes wait on (see run). When a refresh of name ended after
// since (not zero), its result is returned without a new one: it was in flight at since.
func (r *Refresher) startJob(name string, manual, answer bool, since time.Time) (*call, aggregator.RefreshResult) {
	r.mu.Lock()
	defer r.mu.Unlock()
	src, ok := r.sources[name]
	if !ok {
		return nil, aggregator.RefreshResult{Source: name, Status: aggregator.StatusError, Error: ErrUnknownSource.Error()}
	}
	if c, ok := r.inflight[name]; ok {
		return c, aggregator.RefreshResult{}
	}
	if e, ok := r.ended[name]; ok && !since.IsZero() && e.at.After(since) {
		return nil, e.res
	}
	st := r.states[name]
	now := r.o.Now()
	if r.closed {
		return nil, aggregator.RefreshResult{Source: name, Status: aggregator.StatusSkipped, Error: "shutting down"}
	}
	if !manual && st.Gone {
		return nil, aggregator.RefreshResult{Source: name, Status: aggregator.StatusSkipped, Error: "source is gone (HTTP 410): fix it and reload, or refresh it by hand"}
	}
	if !manual && now.Before(st.BackoffUntil) {
		return nil, aggregator.RefreshResult{Source: name, Status: aggregator.StatusSkipped, Error: "backing off until " + st.BackoffUntil.UTC().Format(time.RFC3339)}
	}
	c := &call{done: make(chan struct{})}
	r.inflight[name] = c
	r.enqueueLocked(&job{src: src, st: st, host: hostOf(src.URL), c: c, answer: answer})
	return c, aggregator.RefreshResult{}
}

// wait waits for c's result, or until ctx ends: the refresh itself goes on for whoever else waits.
func (r *Refresher) wait(ctx context.Context, name string, c *call) aggregator.RefreshResult {
	select {
	case <-c.done:
		return c.result
	case <-ctx.Done():
		return aggregator.RefreshResult{Source: name, Status: aggregator.StatusSkipped, Error: "gave up waiting, the refresh goes on: " + ctx.Err().Error()}
	}
}

// Close stops new refreshes, lets those in flight finish until ctx is done, then cancels them and
// waits for them to record their outcome. Their stores commit or roll back whole.
func (r *Refresher) Close(ctx context.Context) error {
	r.mu.Lock()
	r.closed = true
	r.mu.Unlock()
	r.dropQueued()
	done := make(chan struct{})
	go func() { r.running.Wait(); close(done) }()
	select {
	case <-done:
		r.syncStates()
		r.cancel()
		return nil
	case <-ctx.Done():
		r.cancel()
		<-done
		r.syncStates()
		return fmt.Errorf("refresh: in-flight fetches cancelled at the shutdown deadline: %w", ctx.Err())
	}
}

// run does the refresh itself, in a worker of the queue; or, when pushed is set, stores that
// body in place of a fetch (Ingest). A pushed body that fails is not the source's failure: it
// leaves the fetch state, its backoff and its validators as they are.
//
// With answer, a manual refresh on a store that several nodes share claims, once it holds the
// lease, the request of the source that other nodes wait on (a holder that died left it) and
// answers it with its result: claimed before the fetch, so that this node's ServeRequests does
// not fetch once more for it.
func (r *Refresher) run(ctx context.Context, src aggregator.Source, st aggregator.FetchState, pushed *fetch.Response, answer bool, fetched func(n int64)) (res aggregator.RefreshResult) {
	start := r.o.Now()
	res = aggregator.RefreshResult{Source: src.Name}
	fail := func(err error) aggregator.RefreshResult {
		if pushed == nil {
			return r.fail(ctx, src, st, err, start)
		}
		r.o.Logger.Warn("pushed feed not stored", "source", src.Name, "error", err)
		return aggregator.RefreshResult{Source: src.Name, Status: aggregator.StatusError, Error: err.Error()}
	}
	var request aggregator.Forwarder // set when this refresh answers a request (see above)
	defer func() {
		if p := recover(); p != nil {
			r.o.Logger.Error("refresh panicked", "source", src.Name, "panic", p, "stack", string(debug.Stack()))
			res = fail(fmt.Errorf("internal error: panic: %v", p))
		}
		res.Duration = r.o.Now().Sub(start)
		if request != nil {
			res.Node = r.o.Owner
			r.finishRequest(ctx, request, res)
		}
	}()

	if pushed == nil {
		if skip, ok := r.lease(ctx, src.Name, &st); !ok {
			return skip
		}
		if f, shared := r.shared(); shared && answer && r.claimRequest(ctx, f, src.Name) {
			request = f
		}
	}
	resp, now, next := pushed, r.o.Now(), st
	if pushed == nil {
		var err error
		if resp, err = r.fetch(ctx, src, st); err != nil {
			return fail(err)
		}
		if r.o.OnFetched != nil {
			r.o.OnFetched(src, resp)
		}
		next.LastFetch, next.LastSuccess = now, now
		next.LastError, next.ConsecutiveFailures, next.BackoffUntil, next.Gone = "", 0, time.Time{}, false
		if resp.ETag != "" || resp.LastModified != "" || !resp.NotModified {
			next.ETag, next.LastModified = resp.ETag, resp.LastModified
		}
	}
	res.Bytes = resp.WireBytes
	if resp.NotModified {
		next.LastStatus = aggregator.StatusNotModified
		if deferrable(st, next) {
			r.deferState(src.Name, next)
		} else {
			r.settleState(src.Name)
			if err := r.o.Store.SaveState(ctx, src.Name, next); err != nil {
				return fail(err)
			}
		}
		r.setState(src.Name, next)
		res.Status = aggregator.StatusNotModified
		r.o.Logger.Debug("source not modified", "source", src.Name, "duration", r.o.Now().Sub(start))
		return res
	}
	if fetched != nil {
		fetched(int64(len(resp.Body)))
	}
	articles, unchanged, listed, err := r.parseFeed(src, resp, now)
	// The body is not needed past its parse (articles and listing hold copies): its buffer goes
	// back to the fetcher for the next feed, and a feed waiting for the store's writer (see
	// handOff) holds its articles only.
	url := resp.URL
	resp.Release()
	resp = nil
	if err != nil {
		return fail(fmt.Errorf("%s: %w", url, err))
	}
	skipped := len(unchanged)
	if pushed == nil {
		next.LastStatus = aggregator.StatusUpdated
	}
	r.o.Logger.Debug("storing articles", "source", src.Name, "entries", len(articles))
	r.settleState(src.Name)
	saved, err := r.o.Store.SaveListed(ctx, src.Name, articles, unchanged, next)
	if err != nil {
		return fail(err)
	}
	r.mu.Lock()
	if _, ok := r.sources[src.Name]; ok {
		r.listed[src.Name] = listed
	}
	r.mu.Unlock()
	r.setState(src.Name, next)
	res.Status = aggregator.StatusUpdated
	res.New, res.Updated, res.Unchanged, res.Merged = saved.New, saved.Updated, saved.Unchanged+skipped, saved.Merged
	res.Grouped = saved.Grouped
	r.o.Logger.Debug("source refreshed", "source", src.Name, "new", saved.New, "updated", saved.Updated,
		"merged", saved.Merged, "grouped", saved.Grouped, "unchanged", saved.Unchanged+skipped, "skipped", skipped, "suppressed", saved.Suppressed,
		"bytes", res.Bytes, "duration", r.o.Now().Sub(start))
	if saved.Changed() && r.o.OnChange != nil {
		r.o.OnChange()
	}
	return res
}

// Ingest stores body, a feed that arrived without a fetch (a WebSub push), for the named source
// exactly as a fetched body: decoded as fetch decodes (the source's encoding override too),
// parsed, normalized, stored in one transaction, OnChange. It runs in the caller's goroutine, not
// in the queue (there is nothing to fetch, so no fetch slot to wait for), after any refresh of the
// source in flight: the two never store at once, and a refresh asked for meanwhile joins it. The
// source's fetch state (validators, backoff, last fetch) is left as it is. url is the feed's URL
// (the WebSub topic), against which relative links resolve.
func (r *Refresher) Ingest(ctx context.Context, name string, body []byte, contentType, url string) aggregator.RefreshResult {
	for {
		r.mu.Lock()
		src, ok := r.sources[name]
		if !ok {
			r.mu.Unlock()
			return aggregator.RefreshResult{Source: name, Status: aggregator.StatusError, Error: ErrUnknownSource.Error()}
		}
		if r.closed {
			r.mu.Unlock()
			return aggregator.RefreshResult{Source: name, Status: aggregator.StatusSkipped, Error: "shutting down"}
		}
		if c, busy := r.inflight[name]; busy {
			r.mu.Unlock()
			select {
			case <-c.done:
				continue
			case <-ctx.Done():
				return aggregator.RefreshResult{Source: name, Status: aggregator.StatusSkipped, Error: "gave up waiting for the refresh in flight: " + ctx.Err().Error()}
			}
		}
		j := &job{src: src, st: r.states[name], host: hostOf(src.URL), c: &call{done: make(chan struct{})}}
		r.inflight[name] = j.c
		r.running.Add(1)
		r.mu.Unlock()

		defer r.running.Done()
		j.c.result = r.ingest(ctx, j, body, contentType, url)
		r.finish(j)
		return j.c.result
	}
}

// ingest decodes a pushed body as Fetch would and stores it.
func (r *Refresher) ingest(ctx context.Context, j *job, body []byte, contentType, url string) aggregator.RefreshResult {
	if len(bytes.TrimSpace(body)) == 0 {
		return aggregator.RefreshResult{Source: j.src.Name, Status: aggregator.StatusError, Error: fetch.ErrEmptyBody.Error()}
	}
	decoded, cs, err := fetch.Decode(body, contentType, j.src.Encoding)
	if err != nil {
		return aggregator.RefreshResult{Source: j.src.Name, Status: aggregator.StatusError, Error: "decode: " + err.Error()}
	}
	resp := &fetch.Response{StatusCode: 200, Body: decoded, Charset: cs, ContentType: contentType, URL: url, WireBytes: int64(len(body))}
	return r.run(ctx, j.src, j.st, resp, false, nil)
}

// parseFeed parses and normalizes a fetched body, holding a CPU slot (Options.Cores; released on a
// panic too): parsing and normalizing run one per CPU. The queue's Concurrency workers bound the
// rest: fetches in flight and feeds between their fetch and their store (body, parse, articles):
// unbounded, every fetched body and its parse would wait in memory at once (~450 MB of peak RSS
// for 500 feeds of 200 KB). Entries listed unchanged since the last stored refresh are left out (see listed); it returns the
// IDs of their articles, and what to remember of the feed once the articles are stored.
func (r *Refresher) parseFeed(src aggregator.Source, resp *fetch.Response, now time.Time) ([]aggregator.Article, []string, *lastFeed, error) {
	r.o.Cores.Acquire()
	defer r.o.Cores.Release()
	if err := checkNesting(resp.Body, maxNesting); err != nil {
		return nil, nil, nil, err
	}
	r.mu.Lock()
	last := r.listed[src.Name]
	r.mu.Unlock()
	var lastListing *parse.Listing
	if last != nil {
		lastListing = last.listing
	}
	// MaxItems cuts inside the parse: the listing must hold only entries that are stored.
	p, err := parse.ParseKeyed(resp.Body, resp.ContentType, resp.URL, r.fpSeed, lastListing, r.o.MaxItems)
	if err != nil {
		return nil, nil, nil, err
	}
	unchanged, known := last.unchanged(p.Skipped)
	if !known {
		// An entry was left out whose article is not known: parse it all, it is listed.
		if p, err = parse.ParseKeyed(resp.Body, resp.ContentType, resp.URL, r.fpSeed, nil, r.o.MaxItems); err != nil {
			return nil, nil, nil, err
		}
		unchanged = nil
	}
	if n := p.Listing.Items(); n > r.o.MaxItems {
		r.o.Logger.Warn("feed truncated: too many entries", "source", src.Name, "entries", n, "kept", r.o.MaxItems)
	}
	norm := r.o.Normalizer.Normalize(src, p.Feed, resp.URL, now)
	for _, w := range norm.Warnings {
		r.o.Logger.Warn("feed needs a source setting", "source", src.Name, "warning", w)
	}
	if c := norm.Cuts; c.Any() {
		r.o.Logger.Warn("feed fields cut to their limits", "source", src.Name,
			"titles", c.Titles, "authors", c.Authors, "categories", c.Categories,
			"category_lists", c.CategoryLists, "lists", c.Lists, "urls", c.URLs, "guids", c.GUIDs)
	}
	articles, of := norm.Articles, norm.Of
	next := &lastFeed{listing: p.Listing, ids: make([]keyedID, 0, len(p.Keys)+len(p.Skipped))}
	for i, k := range p.Keys {
		if k == 0 || of[i] < 0 {
			continue
		}
		e := keyedID{key: k}
		id := articles[of[i]].ID
		// An ID that is not 32 lower-case hex digits is not remembered: its entry, when left out
		// next time, makes that refresh parse everything.
		if n, err := hex.Decode(e.id[:], []byte(id)); err == nil && n == len(e.id) && hex.EncodeToString(e.id[:]) == id {
			next.ids = append(next.ids, e)
		}
	}
	for _, k := range p.Skipped {
		e, _ := last.lookup(k) // known: unchanged found them all
		next.ids = append(next.ids, e)
	}
	slices.SortFunc(next.ids, func(a, b keyedID) int { return cmp.Compare(a.key, b.key) })
	next.ids = slices.CompactFunc(next.ids, func(a, b keyedID) bool { return a.key == b.key })
	return articles, unchanged, next, nil
}

// fetch makes the conditional request. The worker running it holds the source's host slot (see
// queue.go).
// lease claims the source's lease when the store is shared by several nodes (Options.Owner). It
// reports false, with the result to give, when another node holds the lease or the claim failed
// (the database is down: the state is left as it is, there is nothing to back off from). When
// another node fetched the source since this one last did, *st becomes the stored state (its
// validators) and the remembered listing is dropped: it is no longer what the store last saw.
func (r *Refresher) lease(ctx context.Context, name string, st *aggregator.FetchState) (aggregator.RefreshResult, bool) {
	l, ok := r.o.Store.(aggregator.Leaser)
	if !ok || r.o.Owner == "" {
		return aggregator.RefreshResult{}, true
	}
	held, stored, has, err := l.Lease(ctx, name, r.o.Owner, cmp.Or(r.o.LeaseTTL, DefaultLeaseTTL))
	if err != nil {
		r.o.Logger.Warn("could not claim the source's lease", "source", name, "error", err)
		return aggregator.RefreshResult{Source: name, Status: aggregator.StatusError, Error: "the database did not answer, the refresh was not attempted: " + err.Error()}, false
	}
	if !held {
		return aggregator.RefreshResult{Source: name, Status: aggregator.StatusSkipped, Error: leaseHeldElsewhere}, false
	}
	if has && stored.LastFetch.After(st.LastFetch) {
		*st = stored
		r.setState(name, stored)
		r.mu.Lock()
		delete(r.listed, name)
		r.mu.Unlock()
	}
	return aggregator.RefreshResult{}, true
}

func (r *Refresher) fetch(ctx context.Context, src aggregator.Source, st aggregator.FetchState) (*fetch.Response, error) {
	return r.o.Fetcher.Fetch(ctx, fetch.Request{URL: src.URL, ETag: st.ETag, LastModified: st.LastModified, Encoding: src.Encoding})
}

// fail records a failed attempt: the error, the count, and when to try again. Stored articles are
// never touched.
func (r *Refresher) fail(ctx context.Context, src aggregator.Source, st aggregator.FetchState, err error, start time.Time) aggregator.RefreshResult {
	now := r.o.Now()
	next := st
	next.LastFetch = now
	next.LastError = err.Error()
	next.LastStatus = aggregator.StatusError
	next.ConsecutiveFailures++
	next.BackoffUntil = now.Add(r.backoff(next.ConsecutiveFailures))
	var se *fetch.StatusError
	if errors.As(err, &se) {
		if !se.RetryAfter.IsZero() && se.RetryAfter.After(now) {
			next.BackoffUntil = se.RetryAfter
			if limit := now.Add(r.o.BackoffMax); next.BackoffUntil.After(limit) {
				next.BackoffUntil = limit
			}
		}
		if se.StatusCode == 410 {
			next.Gone = true
		}
	}
	if ctx.Err() != nil {
		// Shutdown or a caller's deadline is not the source's fault: don't count it or back off.
		next = st
		next.LastError = err.Error()
	}
	r.settleState(src.Name)
	if serr := r.o.Store.SaveState(context.WithoutCancel(ctx), src.Name, next); serr != nil {
		r.o.Logger.Warn("could not save source state", "source", src.Name, "error", serr)
	}
	r.setState(src.Name, next)
	r.o.Logger.Warn("refresh failed", "source", src.Name, "error", err,
		"consecutive_failures", next.ConsecutiveFailures, "retry_after", next.BackoffUntil.UTC().Format(time.RFC3339))
	return aggregator.RefreshResult{Source: src.Name, Status: aggregator.StatusError, Error: err.Error()}
}

// backoff is BackoffBase·2^(n-1) capped at BackoffMax, with ±20 % jitter so that sources failing
// together (one host down) do not retry in lockstep.
func (r *Refresher) backoff(n int) time.Duration {
	d := r.o.BackoffBase
	for i := 1; i < n && d < r.o.BackoffMax; i++ {
		d *= 2
	}
	d = min(d, r.o.BackoffMax)
	jitter := 0.8 + 0.4*rand.Float64()
	return time.Duration(float64(d) * jitter)
}

func (r *Refresher) setState(name string, st aggregator.FetchState) {
	r.mu.Lock()
	r.states[name] = st
	r.mu.Unlock()
}

// hostOf is the key of PerHost: the URL's host name without the port, lower-cased. Ports of one
// host share its limit: they are one machine to be polite to (RSSHub instances often sit beside
// each other on one server), and the README promises per_host per host.
func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	return strings.ToLower(u.Hostname())
}

// uniqueNames returns names without repeats, in first-seen order: a refresh of "a", "a" refreshes
// and reports a once.
func uniqueNames(names []string) []string {
	seen := make(map[string]struct{}, len(names))
	out := make([]string, 0, len(names))
	for _, n := range names {
		if _, dup := seen[n]; !dup {
			seen[n] = struct{}{}
			out = append(out, n)
		}
	}
	return out
}
