package feeds

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"html/template"
	"log/slog"
	"maps"
	"net/http"
	"net/url"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/klauspost/compress/zstd"

	"tributary/aggregator"
	"tributary/aggregator/filter"
	"tributary/aggregator/normalize"
	"tributary/aggregator/opml"
)

const (
	// maxItems caps an output whose Limit is unset or larger: config refuses such limits, and a
	// feed of every stored article would be read and rendered whole on every change.
	maxItems = 10000
	// rebuildTimeout bounds one read of an output's articles. The read is detached from the request
	// that triggered it, since other requests wait for the same rebuild.
	rebuildTimeout = 30 * time.Second
	// retryFailedAfter is how long a failed read of an output's articles is not retried for the
	// same store generation.
	retryFailedAfter = 2 * time.Second
	// cacheControl lets readers and proxies reuse a feed for a minute: fresh enough for news
	// flashes, and readers that poll more often are answered by their own cache or a proxy's.
	cacheControl = "public, max-age=60"
	// zstdLevel is the zstd encoder's level. Measured on the bench output (100 财联社 depth
	// stories, RSS 729 KB, Atom 416 KB, JSON 350 KB): SpeedFastest is larger than gzip on RSS
	// (130.8 KB against 129.1 KB); SpeedDefault is 2 to 4 % smaller than gzip (123.5, 111.5 and
	// 109.1 KB) in a quarter of gzip's time; SpeedBestCompression is 10 to 12 % smaller but takes
	// 1.5 times gzip's time and keeps 36 MB of match tables for the life of the server.
	zstdLevel = zstd.SpeedDefault
	// zstdWindow is the zstd window: RFC 9659 caps it at 8 MB for Content-Encoding zstd, and 1 MB
	// keeps the encoder's history buffer at about 2 MB where 8 MB needs 10 MB. An output longer than
	// the window compresses a little worse; gzip's window is 32 KB.
	zstdWindow = 1 << 20
)

// Options configures a Server.
type Options struct {
	// Store is where the articles come from; required.
	Store aggregator.Store
	// Outputs are the feeds served, until SetOutputs replaces them.
	Outputs []aggregator.Output
	// BaseURL is the absolute URL the server is reached at ("https://news.example.com"), from which
	// the feeds' self and site links are built. Without it they are relative, which readers
	// resolve against the feed's URL but validators reject.
	BaseURL string
	// Status returns the sources and their health for the index page; nil lists none.
	Status func(ctx context.Context) []aggregator.SourceStatus
	// Exports returns the last runs of the exports for the index page; nil or empty shows none.
	Exports func(ctx context.Context) []ExportStatus
	// Logger receives store failures met while rebuilding an output; nil discards them. Bad requests
	// are never logged: anyone can send them by the thousand.
	Logger *slog.Logger
	// Observe, when not nil, is called once per request with the output name and format extension
	// ("" and "" for a request that names no served feed; "" and "html" for the index page, "" and
	// "opml" for GET /opml, the output's name and "html" for its preview) and the status code. The names are bounded by the configuration, so they can be metric labels.
	Observe func(output, format string, code int)
	// Now replaces time.Now, for tests: it dates Last-Modified when no article does, and tells
	// when age conditions (older_than, filter_time) change what an output serves.
	Now func() time.Time
	// OPMLFormat is the format whose URLs GET /opml lists when the request names none; the zero
	// value is RSS, which every reader reads.
	OPMLFormat Format
	// Hub is the WebSub hub that announces the outputs' changes ("" for none): every feed then
	// names it and its own URL, in the document and in Link headers (WebSub §4). It needs BaseURL,
	// since a topic is an absolute URL.
	Hub string
	// QueryCacheBytes bounds the cache of outputs rendered for query parameters (?filter=…);
	// 0 means DefaultQueryCacheBytes, a negative value keeps nothing.
	QueryCacheBytes int64
}

// Server renders outputs on demand, caches the bytes, and serves them with the index page. It is
// safe for concurrent use.
type Server struct {
	store   aggregator.Store
	base    string // BaseURL without its trailing slash
	status  func(ctx context.Context) []aggregator.SourceStatus
	exports func(ctx context.Context) []ExportStatus
	logger  *slog.Logger
	observe func(output, format string, code int)
	now     func() time.Time
	// opmlFormat is Options.OPMLFormat, validated.
	opmlFormat Format
	hub        string
	index      *template.Template
	// previewTmpl renders the HTML previews; sanitizer re-sanitizes the bodies they show.
	previewTmpl *template.Template
	sanitizer   *normalize.Normalizer
	// zstd compresses the zstd variant of every entry. EncodeAll is safe for concurrent use; the
	// encoder is this server's, so that its buffers go with it.
	zstd *zstd.Encoder

	// builds counts renders, for tests that check that a cached feed is not rendered again.
	builds atomic.Int64
	// queries caches the outputs rendered for query parameters.
	queries *queryCache

	setMu   sync.Mutex // serializes SetOutputs
	outputs atomic.Pointer[outputSet]

	// Header values shared by every response; net/http never modifies them in place.
	hdrCacheControl, hdrVary, hdrNosniff, hdrOPMLType []string
	// The CSPs of the index page (no image) and of the previews (images of the stories).
	hdrIndexCSP, hdrPreviewCSP []string
	// hdrEncoding is the Content-Encoding of each variant; nil for identity, which sends none.
	hdrEncoding [numEncodings][]string
}

// outputSet is one configuration's outputs; SetOutputs replaces it whole.
type outputSet struct {
	list   []*outputSlot
	byName map[string]*outputSlot
	// opml lists the outputs as OPML, in each format.
	opml [numFormats]*opmlEntry
}

// outputSlot is one output with its cache. A slot lives as long as its output's configuration:
// SetOutputs keeps the slot of an unchanged output and makes new ones for the rest, which is how the
// cache is keyed on the configuration.
type outputSlot struct {
	out    aggregator.Output
	filter *filter.Filter // out.Rules compiled; nil without rules
	self   [numFormats]string
	// hdrLink is the Link header of each format when a hub is set: the hub and the topic.
	hdrLink [numFormats][]string
	preview string // the URL of the HTML preview

	// page is the HTML preview, rendered on request and cached like the entries.
	page atomic.Pointer[previewEntry]

	// entries are read without a lock; mu is held to rebuild one, so concurrent requests for a
	// stale entry wait for a single render instead of each doing it.
	entries [numFormats]atomic.Pointer[entry]

	mu sync.Mutex
	// inherited holds the entries of the slot this one replaced on a reload: never served, they
	// only carry the validators forward (see build). Set before the slot is published, then
	// guarded by mu.
	inherited [numFormats]*entry
	snap      *snapshot // guarded by mu
	failing   bool      // guarded by mu: a failure was logged and no rebuild succeeded since
	// The last failed read, guarded by mu: requests queued behind a failing store get its error
	// at once instead of each waiting for a read of its own.
	failGen uint64
	failAt  time.Time
	failErr error
}

// snapshot is the articles of one output at one store generation, shared by its three formats.
type snapshot struct {
	gen      uint64
	articles []aggregator.Article
	newest   time.Time
	// expires, when not zero, is when an age condition (a rule's older_than, a query's
	// filter_time) changes which articles are in: the snapshot is stale from then on even though the
	// store did not change.
	expires time.Time
}

// fresh reports whether a snapshot or entry of generation gen expiring at expires is still what
// the output serves at generation cur. The clock is read only for what expires: the hot path of a
// plain output reads none.
func fresh(gen uint64, expires time.Time, cur uint64, now func() time.Time) bool {
	return gen == cur && (expires.IsZero() || now().Before(expires))
}

// entry is one rendered output in one format, with every response header value precomputed so that
// serving it allocates nothing.
type entry struct {
	gen     uint64
	expires time.Time // see snapshot.expires
	sum     [sha256.Size]byte
	lastMod time.Time
	// variants holds the bytes of each content coding; variants[encIdentity] is the rendering.
	variants [numEncodings]variant

	lastModStr      string
	hdrContentType  []string
	hdrLastModified []string
}

// variant is an entry's bytes in one content coding. Each is a representation of its own, so each
// has its own strong ETag (RFC 9110 §8.8.3).
type variant struct {
	body    []byte
	etag    string
	hdrETag []string
	hdrLen  []string
}

// plain returns the rendered bytes, uncompressed.
func (e *entry) plain() []byte { return e.variants[encIdentity].body }

// New returns a server for opts. It panics when opts.Store is nil, a wiring mistake.
func New(opts Options) *Server {
	if opts.Store == nil {
		panic("feeds: New without a Store")
	}
	s := &Server{
		store:           opts.Store,
		base:            strings.TrimRight(opts.BaseURL, "/"),
		status:          opts.Status,
		exports:         opts.Exports,
		logger:          opts.Logger,
		observe:         opts.Observe,
		now:             opts.Now,
		hub:             opts.Hub,
		index:           newPageTemplate("index", indexHTML),
		previewTmpl:     newPageTemplate("preview", previewHTML),
		sanitizer:       normalize.New(normalize.Options{}),
		hdrIndexCSP:     []string{pageCSP("")},
		hdrPreviewCSP:   []string{pageCSP(previewImgSrc)},
		hdrCacheControl: []string{cacheControl},
		hdrVary:         []string{"Accept-Encoding"},
		hdrNosniff:      []string{"nosniff"},
		hdrOPMLType:     []string{opml.ContentType},
		hdrEncoding:     [numEncodings][]string{encGzip: {"gzip"}, encZstd: {"zstd"}},
	}
	// One encoder at a time: rebuilds are rare and short (a few ms for 100 articles), and each
	// encoder keeps its history buffer. No buffer is allocated until the first rebuild.
	enc, err := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstdLevel), zstd.WithWindowSize(zstdWindow),
		zstd.WithEncoderConcurrency(1), zstd.WithLowerEncoderMem(true))
	if err != nil {
		// The options are constants: a failure is a mistake in them.
		panic(fmt.Sprintf("feeds: zstd encoder: %v", err))
	}
	s.zstd = enc
	if opts.QueryCacheBytes == 0 {
		opts.QueryCacheBytes = DefaultQueryCacheBytes
	}
	s.queries = newQueryCache(max(opts.QueryCacheBytes, 0))
	if s.logger == nil {
		s.logger = slog.New(slog.DiscardHandler)
	}
	if s.now == nil {
		s.now = time.Now
	}
	if opts.OPMLFormat.Ext() != "" {
		s.opmlFormat = opts.OPMLFormat
	}
	s.SetOutputs(opts.Outputs)
	return s
}

// SetOutputs replaces the outputs served, as a configuration reload does. Outputs whose
// configuration changed, and new ones, are rendered afresh on their next request; unchanged ones keep
// their cache. When two outputs share a name the first wins. It is safe to call while serving.
func (s *Server) SetOutputs(outputs []aggregator.Output) {
	s.setMu.Lock()
	defer s.setMu.Unlock()
	old := s.outputs.Load()
	set := &outputSet{byName: make(map[string]*outputSlot, len(outputs))}
	for _, o := range outputs {
		if _, dup := set.byName[o.Name]; dup {
			s.logger.Warn("output defined twice; serving the first", "output", o.Name)
			continue
		}
		var slot *outputSlot
		if old != nil {
			if prev := old.byName[o.Name]; prev != nil && sameOutput(prev.out, o) {
				slot = prev
			}
		}
		if slot == nil {
			slot = s.newSlot(o)
			if old != nil {
				if prev := old.byName[o.Name]; prev != nil {
					for f := range slot.inherited {
						slot.inherited[f] = prev.entries[f].Load()
					}
				}
			}
		}
		set.list = append(set.list, slot)
		set.byName[o.Name] = slot
	}
	for _, f := range Formats() {
		var prev *opmlEntry
		if old != nil {
			prev = old.opml[f]
		}
		set.opml[f] = s.buildOPML(set, f, prev)
	}
	s.outputs.Store(set)
}

func (s *Server) newSlot(o aggregator.Output) *outputSlot {
	// Copies, so that a caller reusing its slices cannot change a cached configuration.
	o.Sources = slices.Clone(o.Sources)
	o.Categories = slices.Clone(o.Categories)
	o.Rules = slices.Clone(o.Rules)
	o.StoryRanks = maps.Clone(o.StoryRanks)
	f, err := filter.Compile(o.Rules)
	if err != nil {
		// The configuration compiles the rules first and refuses bad ones: this is a wiring mistake.
		s.logger.Error("output rules do not compile; serving the output unfiltered", "output", o.Name, "error", err)
	}
	slot := &outputSlot{out: o, filter: f}
	for _, f := range Formats() {
		slot.self[f] = s.feedURL(o.Name, f)
		if s.hub != "" {
			slot.hdrLink[f] = []string{"<" + s.hub + `>; rel="hub"`, "<" + slot.self[f] + `>; rel="self"`}
		}
	}
	slot.preview = s.base + "/feeds/" + url.PathEscape(o.Name) + ".html"
	return slot
}

func sameOutput(a, b aggregator.Output) bool {
	return a.Name == b.Name && a.Title == b.Title && a.Description == b.Description && a.Limit == b.Limit &&
		slices.Equal(a.Sources, b.Sources) && slices.Equal(a.Categories, b.Categories) &&
		a.Merge == b.Merge && reflect.DeepEqual(a.Rules, b.Rules) && maps.Equal(a.StoryRanks, b.StoryRanks)
}

// feedURL is where output name is served in format f.
func (s *Server) feedURL(name string, f Format) string {
	return s.base + "/feeds/" + url.PathEscape(name) + "." + f.Ext()
}

// site is the URL of the index page.
func (s *Server) site() string { return s.base + "/" }

// Versions returns every served feed's URL with a digest of its bytes, rendering those that are
// out of date: the WebSub publisher pings the hub for the URLs whose digest changed.
func (s *Server) Versions(ctx context.Context) (map[string]string, error) {
	set := s.outputs.Load()
	out := make(map[string]string, len(set.list)*numFormats)
	for _, slot := range set.list {
		for _, f := range Formats() {
			e, err := s.current(ctx, slot, f)
			if err != nil {
				return nil, err
			}
			out[slot.self[f]] = base64.RawURLEncoding.EncodeToString(e.sum[:18])
		}
	}
	return out, nil
}

// Output returns the configuration of the output served under name.
func (s *Server) Output(name string) (aggregator.Output, bool) {
	slot := s.outputs.Load().byName[name]
	if slot == nil {
		return aggregator.Output{}, false
	}
	o := slot.out
	o.Sources = slices.Clone(o.Sources)
	o.Categories = slices.Clone(o.Categories)
	o.Rules = slices.Clone(o.Rules)
	return o, true
}

// Outputs returns the configurations of every output served, in configuration order.
func (s *Server) Outputs() []aggregator.Output {
	set := s.outputs.Load()
	list := make([]aggregator.Output, 0, len(set.list))
	for _, slot := range set.list {
		o, _ := s.Output(slot.out.Name)
		list = append(list, o)
	}
	return list
}

// ArticleCount returns how many articles output name serves now. It costs nothing while the
// output's cached articles are current, and one store query otherwise (which the next request for
// the feed then reuses). The error wraps aggregator.ErrNotFound for an unknown output.
func (s *Server) ArticleCount(ctx context.Context, name string) (int, error) {
	slot := s.outputs.Load().byName[name]
	if slot == nil {
		return 0, fmt.Errorf("feeds: output %q: %w", name, aggregator.ErrNotFound)
	}
	slot.mu.Lock()
	defer slot.mu.Unlock()
	snap, err := s.snapshot(ctx, slot, s.store.Generation())
	if err != nil {
		return 0, err
	}
	return len(snap.articles), nil
}

// current returns the entry of slot in format f for the store's current generation, rendering it
// if needed.
func (s *Server) current(ctx context.Context, slot *outputSlot, f Format) (*entry, error) {
	if e := slot.entries[f].Load(); e != nil && fresh(e.gen, e.expires, s.store.Generation(), s.now) {
		return e, nil
	}
	return s.rebuild(ctx, slot, f)
}

// rebuild renders slot in format f, once however many requests ask at the same time. When the
// store fails and an older rendering exists, that one is served: a stale feed beats an error.
func (s *Server) rebuild(ctx context.Context, slot *outputSlot, f Format) (*entry, error) {
	slot.mu.Lock()
	defer slot.mu.Unlock()
	// The generation is read before the articles: if a write lands in between, the entry is
	// labelled older than its content and is rebuilt once more, never the other way round.
	gen := s.store.Generation()
	prev := slot.entries[f].Load()
	if prev != nil && fresh(prev.gen, prev.expires, gen, s.now) {
		return prev, nil // another request rebuilt it while this one waited
	}
	if err := s.recentFailure(slot, gen); err != nil {
		if prev != nil {
			return prev, nil
		}
		return nil, err
	}
	snap, err := s.snapshot(ctx, slot, gen)
	var e *entry
	if err == nil {
		last := prev
		if last == nil {
			last = slot.inherited[f]
		}
		e, err = s.build(slot, f, slot.self[f], snap, last)
	}
	if err != nil {
		s.noteFailure(slot, gen, f.Ext(), prev != nil, err)
		if prev != nil {
			return prev, nil
		}
		return nil, err
	}
	s.noteSuccess(slot, f.Ext())
	slot.entries[f].Store(e)
	slot.inherited[f] = nil // served from now on through entries; let the old bytes go
	return e, nil
}

// recentFailure returns the error of the last read of slot's articles when it failed at generation
// gen less than retryFailedAfter ago: requests queued behind a failing store get it at once. slot.mu
// is held.
func (s *Server) recentFailure(slot *outputSlot, gen uint64) error {
	if slot.failErr != nil && slot.failGen == gen && s.now().Sub(slot.failAt) < retryFailedAfter {
		return slot.failErr
	}
	return nil
}

// noteFailure records a failed rebuild of slot in format ext ("html" for the preview), logging the
// first of a series. slot.mu is held.
func (s *Server) noteFailure(slot *outputSlot, gen uint64, ext string, stale bool, err error) {
	slot.failGen, slot.failAt, slot.failErr = gen, s.now(), err
	if !slot.failing {
		slot.failing = true
		s.logger.Error("cannot rebuild output; serving the last good copy if there is one",
			"output", slot.out.Name, "format", ext, "stale", stale, "error", err)
	}
}

// noteSuccess records a successful rebuild of slot in format ext. slot.mu is held.
func (s *Server) noteSuccess(slot *outputSlot, ext string) {
	slot.failErr = nil
	if slot.failing {
		slot.failing = false
		s.logger.Info("output rebuilt again", "output", slot.out.Name, "format", ext)
	}
}

// snapshot returns slot's articles at generation gen, reading them when the cached ones are older.
// slot.mu is held.
func (s *Server) snapshot(ctx context.Context, slot *outputSlot, gen uint64) (*snapshot, error) {
	now := s.now()
	if slot.snap != nil && fresh(slot.snap.gen, slot.snap.expires, gen, s.now) {
		return slot.snap, nil
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), rebuildTimeout)
	defer cancel()
	q := slot.out.Query()
	if q.Limit <= 0 || q.Limit > maxItems {
		q.Limit = maxItems
	}
	want := q.Limit
	var articles []aggregator.Article
	var expires time.Time
	if slot.filter != nil {
		// Rules apply before the limit counts, so the store is read deeper until the rules leave
		// enough articles or there are no more: twice the limit, then four times more each round.
		q.Limit = min(want*2, maxItems)
		for {
			read, err := s.store.Articles(ctx, q)
			if err != nil {
				return nil, fmt.Errorf("feeds: read articles of output %q: %w", slot.out.Name, err)
			}
			articles = slot.filter.Apply(read, now)
			if len(articles) >= want || len(read) < q.Limit || q.Limit >= maxItems {
				expires = slot.filter.Expiry(read, now)
				break
			}
			q.Limit = min(q.Limit*4, maxItems)
		}
	} else {
		var err error
		if articles, err = s.store.Articles(ctx, q); err != nil {
			return nil, fmt.Errorf("feeds: read articles of output %q: %w", slot.out.Name, err)
		}
	}
	if len(articles) > want {
		articles = articles[:want]
	}
	slot.snap = &snapshot{gen: gen, articles: articles, newest: lastChange(articles), expires: expires}
	return slot.snap, nil
}

// build renders snap in format f and prepares everything a response needs. prev is the last
// rendering of the output in that format, if any, even under a previous configuration: when the
// bytes are the same its validators are kept, and when they differ Last-Modified moves forward.
// self is the feed's own URL, with its query when it was asked for with one.
func (s *Server) build(slot *outputSlot, f Format, self string, snap *snapshot, prev *entry) (*entry, error) {
	size := 64 << 10
	if prev != nil {
		size = len(prev.plain()) + len(prev.plain())/8
	}
	s.builds.Add(1)
	buf := bytes.NewBuffer(make([]byte, 0, size))
	// A feed asked for with query parameters names no hub: the hub is pinged for the plain feeds
	// only, so a reader subscribed to a query URL there would wait for pushes that never come.
	hub := s.hub
	if strings.Contains(self, "?") {
		hub = ""
	}
	if err := RenderHub(buf, f, slot.out, self, s.site(), hub, snap.articles); err != nil {
		return nil, err
	}
	plain := buf.Bytes()
	sum := sha256.Sum256(plain)
	if prev != nil && prev.sum == sum {
		// Same bytes (an article outside this output changed): keep the compressed copies and,
		// above all, the Last-Modified date that clients already hold.
		e := *prev
		e.gen, e.expires = snap.gen, snap.expires
		return &e, nil
	}

	gz, err := gzipBytes(plain)
	if err != nil {
		return nil, fmt.Errorf("feeds: gzip output %q: %w", slot.out.Name, err)
	}
	// Room for the usual ratio (a quarter to a third on these feeds), so that EncodeAll does not
	// allocate a buffer as long as the input; compact trims what is left over.
	zst := s.zstd.EncodeAll(plain, make([]byte, 0, len(plain)/3))

	now := s.now().UTC().Truncate(time.Second)
	lastMod := snap.newest.Truncate(time.Second)
	if prev != nil && !lastMod.After(prev.lastMod) {
		// The bytes changed but no article is newer than what clients were told (an article was
		// pruned or left the output, a reload changed the title): move Last-Modified forward, or
		// If-Modified-Since would keep answering 304 to a feed that changed.
		lastMod = now
	}
	if lastMod.IsZero() || lastMod.After(now) {
		// No article, or one dated in the future: RFC 9110 forbids a Last-Modified after Date.
		lastMod = now
	}

	tag := base64.RawURLEncoding.EncodeToString(sum[:18])
	lastModStr := lastMod.Format(http.TimeFormat)
	e := &entry{
		gen:             snap.gen,
		expires:         snap.expires,
		sum:             sum,
		lastMod:         lastMod,
		lastModStr:      lastModStr,
		hdrContentType:  []string{f.ContentType()},
		hdrLastModified: []string{lastModStr},
	}
	// The gzip and zstd variants are other representations, so each needs its own strong ETag
	// (RFC 9110 §8.8.3); all three are derived from the plain bytes, so they change together.
	e.variants[encIdentity] = newVariant(plain, `"`+tag+`"`)
	e.variants[encGzip] = newVariant(gz, `"`+tag+`-gz"`)
	e.variants[encZstd] = newVariant(zst, `"`+tag+`-zstd"`)
	return e, nil
}

// newVariant returns the variant of body tagged etag, its header values built once. The body is
// compacted first: it stays in the cache until the next change of its output.
func newVariant(body []byte, etag string) variant {
	body = compact(body)
	return variant{body: body, etag: etag, hdrETag: []string{etag}, hdrLen: []string{strconv.Itoa(len(body))}}
}

// compact returns b, or a copy of it without the spare capacity when that is more than an eighth of
// its length. A growing buffer can be up to twice as large as its bytes, and a cached entry would
// keep the whole array alive.
func compact(b []byte) []byte {
	if cap(b)-len(b) <= len(b)/8 {
		return b
	}
	return append(make([]byte, 0, len(b)), b...)
}

// gzipBytes compresses plain with gzip at the default level. Measured on 100 real cls.cn depth
// stories (RSS, 729 KB): BestCompression saves 0.2 % for 10 % more CPU; BestSpeed is 2.5 times
// faster but 19 % bigger, paid by every reader on every fetch.
func gzipBytes(plain []byte) ([]byte, error) {
	var gz bytes.Buffer
	gz.Grow(len(plain) / 3)
	zw, err := gzip.NewWriterLevel(&gz, gzip.DefaultCompression)
	if err != nil {
		return nil, err
	}
	if _, err := zw.Write(plain); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return gz.Bytes(), nil
}

// Handler returns the handler of the public listener: GET and HEAD of /feeds/{name}.{rss,atom,json},
// of each output's HTML preview at /feeds/{name}.html, of the OPML list of the outputs at /opml
// and of the index page at /. A feed URL may carry RSSHub's query parameters (filter, filterout,
// limit…: see aggregator/filter's Query), each distinct query rendered once per change of the
// output and cached within QueryCacheBytes. Anything else is a short 404 or 405, never a panic or
// a log line.
func (s *Server) Handler() http.Handler { return http.HandlerFunc(s.serveHTTP) }

func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	p := r.URL.Path
	if p == "/" {
		if !s.allowMethod(w, r, "", "html") {
			return
		}
		s.serveIndex(w, r)
		return
	}
	if p == opmlPath {
		if s.allowMethod(w, r, "", "opml") {
			s.serveOPML(w, r)
		}
		return
	}
	rest, ok := strings.CutPrefix(p, "/feeds/")
	dot := strings.LastIndexByte(rest, '.')
	if !ok || dot <= 0 {
		s.notFound(w, r)
		return
	}
	// The name is looked up as is: "..", "%2F" (decoded to "/") and the like name no output.
	slot := s.outputs.Load().byName[rest[:dot]]
	if slot != nil && rest[dot+1:] == "html" {
		if s.allowMethod(w, r, slot.out.Name, "html") {
			s.servePreview(w, r, slot)
		}
		return
	}
	f, ok := ParseFormat(rest[dot+1:])
	if slot == nil || !ok {
		s.notFound(w, r)
		return
	}
	if !s.allowMethod(w, r, slot.out.Name, f.Ext()) {
		return
	}
	s.serveFeed(w, r, slot, f)
}

func (s *Server) serveFeed(w http.ResponseWriter, r *http.Request, slot *outputSlot, f Format) {
	if r.URL.RawQuery != "" && s.serveQuery(w, r, slot, f) {
		return
	}
	e, err := s.current(r.Context(), slot, f)
	if err != nil {
		// Logged by rebuild; the client learns only that it may retry.
		w.Header()["Retry-After"] = []string{"30"}
		s.observeCode(slot.out.Name, f.Ext(), http.StatusServiceUnavailable)
		s.plainError(w, r, http.StatusServiceUnavailable, "503 feed temporarily unavailable\n")
		return
	}
	s.writeEntry(w, r, slot.out.Name, f, e, slot.hdrLink[f])
}

// writeEntry answers r with e: a 304 when the client's validators match, else the variant of the
// content coding it accepts.
// link is the Link header (the WebSub hub and topic), nil for none.
func (s *Server) writeEntry(w http.ResponseWriter, r *http.Request, name string, f Format, e *entry, link []string) {
	enc := chooseEncoding(r.Header["Accept-Encoding"])
	v := &e.variants[enc]
	h := w.Header()
	h["Etag"] = v.hdrETag
	h["Cache-Control"] = s.hdrCacheControl
	h["Vary"] = s.hdrVary
	// The ETag compared is the served variant's: a client holding the gzip bytes that now asks for
	// zstd gets the zstd bytes, not a 304 that would leave it with a coding it no longer asked for.
	if notModified(r.Header, v.etag, e.lastMod, e.lastModStr) {
		// Only the fields RFC 9110 §15.4.5 asks of a 304: no body, no representation metadata.
		s.observeCode(name, f.Ext(), http.StatusNotModified)
		w.WriteHeader(http.StatusNotModified)
		return
	}
	h["Content-Type"] = e.hdrContentType
	h["Last-Modified"] = e.hdrLastModified
	if link != nil {
		h["Link"] = link
	}
	h["X-Content-Type-Options"] = s.hdrNosniff
	if ce := s.hdrEncoding[enc]; ce != nil {
		h["Content-Encoding"] = ce
	}
	h["Content-Length"] = v.hdrLen
	// Observed before the body is written, so that a client that has its answer sees its request
	// counted.
	s.observeCode(name, f.Ext(), http.StatusOK)
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		w.Write(v.body) // a client that went away is not an error worth a log line
	}
}

// allowMethod answers 405 to anything but GET and HEAD.
func (s *Server) allowMethod(w http.ResponseWriter, r *http.Request, output, format string) bool {
	if r.Method == http.MethodGet || r.Method == http.MethodHead {
		return true
	}
	w.Header()["Allow"] = []string{"GET, HEAD"}
	s.observeCode(output, format, http.StatusMethodNotAllowed)
	s.plainError(w, r, http.StatusMethodNotAllowed, "405 method not allowed\n")
	return false
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	// The path is not echoed: nothing a client sends comes back in a response.
	s.observeCode("", "", http.StatusNotFound)
	s.plainError(w, r, http.StatusNotFound, "404 not found: feeds are served as /feeds/NAME.rss, .atom and .json, previewed as /feeds/NAME.html\n")
}

func (s *Server) plainError(w http.ResponseWriter, r *http.Request, code int, msg string) {
	h := w.Header()
	h["Content-Type"] = []string{"text/plain; charset=utf-8"}
	h["X-Content-Type-Options"] = s.hdrNosniff
	h["Content-Length"] = []string{strconv.Itoa(len(msg))}
	w.WriteHeader(code)
	if r.Method != http.MethodHead {
		w.Write([]byte(msg))
	}
}

func (s *Server) observeCode(output, format string, code int) {
	if s.observe != nil {
		s.observe(output, format, code)
	}
}
