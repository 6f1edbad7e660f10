package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"tributary/aggregator"
	"tributary/aggregator/cores"
	"tributary/aggregator/fetch"
	"tributary/aggregator/normalize"
	"tributary/aggregator/refresh"
	"tributary/feeds"
)

// Timeouts of the daemon's lifecycle.
const (
	dbOpenTimeout    = 2 * time.Second  // a second instance gives up on the lock after this
	shutdownDeadline = 10 * time.Second // in-flight fetches are cancelled after this
	pruneEvery       = "@every 1h"
	pruneMinInterval = time.Minute
	tombstoneTTL     = 30 * 24 * time.Hour
	// retentionLease names the lease of retention among the sources' (which are [a-z0-9-]+); a
	// pass holds it this long, and a node that died holds up retention no longer than that.
	retentionLease    = "tributary:retention"
	retentionLeaseTTL = 10 * time.Minute
)

// App is the daemon: every part, wired. Open builds it, Serve runs it, Close stops it.
type App struct {
	logger *slog.Logger

	mu  sync.Mutex
	cfg *Config

	store     aggregator.Store
	refresher *refresh.Refresher
	sched     *refresh.Scheduler
	feeds     *feeds.Server
	metrics   *metrics
	exports   *exporter
	// exportsDone is closed when the export loop has stopped; Close waits for it.
	exportsDone chan struct{}

	public, admin     *http.Server
	publicLn, adminLn net.Listener
	ready             atomic.Bool
	lastPrune         atomic.Int64
	pruning           sync.Mutex
	// backups lets one backup at a time stage its copy next to the database (a copy takes the
	// database's size on disk).
	backups   chan struct{}
	serveErr  chan error
	closeOnce sync.Once
	notify    *notifier
	// background counts goroutines that use the store outside a refresh (retention after a
	// change); Close cancels their context, stopBackground, and waits for them before it closes
	// the database.
	background     sync.WaitGroup
	backgroundCtx  context.Context
	stopBackground context.CancelFunc
	// now is the clock of retention (its cut-off and its once-a-minute throttle); tests set it.
	now func() time.Time
	// owner names this node in the leases of a database that several nodes share (empty with
	// bbolt: no leases).
	owner string
	// fetcher is the sources' HTTP client; websub sends the hubs' requests through its guard.
	fetcher *fetch.Client
	// websub is the WebSub side (websub.go); nil when [websub] configures nothing. Tests set
	// websubAfter (the publisher's timer) between OpenApp and Serve.
	websub      *webSub
	websubAfter func(time.Duration) <-chan time.Time
}

// OpenApp opens the database and builds every part, without listening or scheduling yet.
func OpenApp(ctx context.Context, cfg *Config, logger *slog.Logger) (*App, error) {
	// The refresher's parses and the store's writer share the cores, the writer first.
	cpu := cores.New(runtime.GOMAXPROCS(0))
	st, err := openStore(ctx, cfg, cpu)
	if err != nil {
		return nil, err
	}
	a := &App{logger: logger, cfg: cfg, store: st, serveErr: make(chan error, 2), notify: newNotifier(), backups: make(chan struct{}, 1), now: time.Now,
		owner: leaseOwner(cfg)}
	a.backgroundCtx, a.stopBackground = context.WithCancel(context.WithoutCancel(ctx))
	a.metrics = newMetrics(a)
	a.exports = newExporter(a)
	client := fetch.New(fetch.Options{
		Timeout: cfg.FetchTimeout, MaxBodyBytes: cfg.MaxBodyBytes, UserAgent: cfg.UserAgent,
		AllowNetworks: cfg.AllowNetworks,
	})
	a.refresher, err = refresh.New(ctx, refresh.Options{
		Store: st, Fetcher: client, Normalizer: normalize.New(normalize.Options{}),
		Concurrency: cfg.Concurrency, PerHost: cfg.PerHost, Logger: logger, Cores: cpu,
		HandOffFeeds: handOffFeeds(cfg.Concurrency, debug.SetMemoryLimit(-1)),
		OnResult:     a.metrics.observeRefresh,
		OnChange:     a.afterChange,
		OnFetched:    a.onFetched,
		Owner:        a.owner,
		LeaseTTL:     leaseTTL(cfg),
	})
	if err != nil {
		st.Close()
		return nil, err
	}
	a.refresher.SetSources(ctx, cfg.Sources)
	a.metrics.sources.r = a.refresher
	a.metrics.registry.MustRegister(newExportCollector(a))
	a.sched = refresh.NewScheduler(a.refresher, logger)
	a.feeds = feeds.New(feeds.Options{
		Store: st, Outputs: cfg.Outputs, BaseURL: cfg.BaseURL, Logger: logger,
		Status: a.pageStatuses, Exports: a.exportStatuses, Observe: a.metrics.observeOutput,
		OPMLFormat:      cfg.OPMLFormat,
		Hub:             cfg.WebSub.Hub,
		QueryCacheBytes: queryCacheOption(cfg.QueryCacheBytes),
	})
	a.metrics.registry.MustRegister(newQueryCacheCollector(a.feeds))
	a.fetcher = client
	a.openWebSub(cfg)
	return a, nil
}

// Config returns the configuration in force.
func (a *App) Config() *Config {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.cfg
}

// Listen binds both listeners; Serve then serves on them. Split so that tests can bind port 0.
func (a *App) Listen() error {
	var err error
	a.publicLn, a.adminLn, err = listenBoth(a.Config())
	return err
}

// listenBoth binds the public and the admin listener. cmdServe calls it before it opens the
// database, so that an address that cannot be bound leaves no new database behind.
func listenBoth(cfg *Config) (public, admin net.Listener, err error) {
	if public, err = net.Listen("tcp", cfg.Listen); err != nil {
		return nil, nil, fmt.Errorf("listen on server.listen %q: %w", cfg.Listen, err)
	}
	if admin, err = listenAdmin(cfg.AdminListen); err != nil {
		public.Close()
		return nil, nil, fmt.Errorf("listen on server.admin_listen %q: %w", cfg.AdminListen, err)
	}
	return public, admin, nil
}

func listenAdmin(addr string) (net.Listener, error) {
	path, ok := strings.CutPrefix(addr, "unix:")
	if !ok {
		return net.Listen("tcp", addr)
	}
	if fi, err := os.Lstat(path); err == nil && fi.Mode()&os.ModeSocket != 0 {
		// A socket that nobody answers on is left over from a previous run; one that answers
		// belongs to a running daemon, and is not taken from it.
		if c, err := net.DialTimeout("unix", path, time.Second); err == nil {
			c.Close()
			return nil, errors.New("another process answers on this socket: is a daemon already running?")
		}
		os.Remove(path)
	}
	ln, err := net.Listen("unix", path)
	if err != nil {
		return nil, err
	}
	if err := os.Chmod(path, 0o660); err != nil {
		ln.Close()
		return nil, err
	}
	return ln, nil
}

// Serve starts the servers and the scheduler and blocks until ctx is done or a server fails.
func (a *App) Serve(ctx context.Context) error {
	a.public = newHTTPServer(a.publicHandler(), a.logger)
	a.admin = newHTTPServer(a.adminHandler(), a.logger)
	go func() { a.serveErr <- serveOn(a.public, a.publicLn) }()
	go func() { a.serveErr <- serveOn(a.admin, a.adminLn) }()

	if err := a.sched.Every(pruneEvery, func() { a.prune(ctx) }); err != nil {
		return err
	}
	if err := a.sched.Sync(ctx); err != nil {
		return err
	}
	a.sched.Start()
	// Manual refreshes that other nodes sharing the database forward to this one (none with bbolt).
	a.background.Go(func() { a.refresher.ServeRequests(a.backgroundCtx) })
	a.startWebSub()
	a.exportsDone = make(chan struct{})
	go func() { defer close(a.exportsDone); a.exports.run(ctx) }()
	a.ready.Store(true)
	cfg := a.Config()
	a.logger.Info("tributary is serving", "version", readVersion().Short(), "listen", a.publicLn.Addr().String(),
		"admin_listen", a.adminLn.Addr().String(), "database", databaseName(cfg),
		"sources", len(cfg.Sources), "outputs", len(cfg.Outputs))
	a.notify.send("READY=1\nSTATUS=serving")
	stopWatchdog := a.notify.watchdog(a.healthy)
	defer stopWatchdog()

	select {
	case <-ctx.Done():
		return nil
	case err := <-a.serveErr:
		return err
	}
}

func serveOn(srv *http.Server, ln net.Listener) error {
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve on %s: %w", ln.Addr(), err)
	}
	return nil
}

// newHTTPServer sets every server timeout, so slow or hostile clients cannot hold connections.
func newHTTPServer(h http.Handler, logger *slog.Logger) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       15 * time.Second,
		// The admin API's refresh waits up to its ?timeout (at most maxRefreshWait).
		WriteTimeout:   maxRefreshWait + 15*time.Second,
		IdleTimeout:    90 * time.Second,
		MaxHeaderBytes: 32 << 10,
		ErrorLog:       slog.NewLogLogger(logger.Handler(), slog.LevelDebug),
	}
}

// healthy is what the watchdog checks: the scheduler runs and, with bbolt, the database answers.
// A PostgreSQL server that does not answer is not this process's fault: restarting it would not
// help, and a node that cannot open the database at start serves nothing, where a running one
// keeps serving its cached outputs.
func (a *App) healthy() bool {
	if !a.ready.Load() || !a.sched.Running() {
		return false
	}
	return a.Config().Backend == backendPostgres || a.databaseErr() == nil
}

// databaseErr is the error of a small read of the database (nil when it answers within 2 s). It
// runs for every /readyz, which anyone who reaches the public listener may ask for: Ping, whose
// cost does not grow with the store (it was every source's state, ~18 ms at 10,000 sources; BenchmarkHealthRead in store).
func (a *App) databaseErr() error {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	return a.store.Ping(ctx)
}

// Reload reads the configuration file again and applies sources and outputs. An invalid file is
// rejected whole and the running configuration stays.
func (a *App) Reload(ctx context.Context) error {
	old := a.Config()
	cfg, err := LoadConfig(old.Path)
	if err != nil {
		return err
	}
	if restart := restartKeys(old, cfg); len(restart) > 0 {
		a.logger.Warn("these settings change only on restart", "keys", strings.Join(restart, ", "))
	}
	a.notify.send("RELOADING=1\nMONOTONIC_USEC=" + monotonicUsec())
	a.mu.Lock()
	a.cfg = cfg
	a.mu.Unlock()
	setSourceRanks(a.store, cfg)
	a.refresher.SetSources(ctx, cfg.Sources)
	a.metrics.forgetSources(removedSources(old.Sources, cfg.Sources))
	a.websubKeep(cfg.Sources)
	a.feeds.SetOutputs(cfg.Outputs)
	a.websubChanged()
	err = a.sched.Sync(ctx)
	a.notify.send("READY=1\nSTATUS=serving")
	if err != nil {
		return err
	}
	a.logger.Info("configuration reloaded", "sources", len(cfg.Sources), "outputs", len(cfg.Outputs))
	return nil
}

// removedSources names the sources of old that cfg no longer has.
func removedSources(old, cfg []aggregator.Source) []string {
	kept := make(map[string]bool, len(cfg))
	for _, s := range cfg {
		kept[s.Name] = true
	}
	var gone []string
	for _, s := range old {
		if !kept[s.Name] {
			gone = append(gone, s.Name)
		}
	}
	return gone
}

// restartKeys names the settings that differ but are only read at start.
func restartKeys(old, cfg *Config) []string {
	var keys []string
	add := func(changed bool, key string) {
		if changed {
			keys = append(keys, key)
		}
	}
	add(old.Listen != cfg.Listen, "server.listen")
	add(old.AdminListen != cfg.AdminListen, "server.admin_listen")
	add(old.AdminToken != cfg.AdminToken, "server.admin_token")
	add(old.BaseURL != cfg.BaseURL, "server.base_url")
	add(old.OPMLFormat != cfg.OPMLFormat, "server.opml_format")
	add(old.DBPath != cfg.DBPath || old.Backend != cfg.Backend || old.DSN != cfg.DSN, "storage")
	add(old.QueryCacheBytes != cfg.QueryCacheBytes, "server.query_cache_bytes")
	add(old.FetchTimeout != cfg.FetchTimeout || old.MaxBodyBytes != cfg.MaxBodyBytes ||
		old.UserAgent != cfg.UserAgent || old.Concurrency != cfg.Concurrency || old.PerHost != cfg.PerHost ||
		fmt.Sprint(old.AllowNetworks) != fmt.Sprint(cfg.AllowNetworks), "fetch")
	add(old.LogLevel != cfg.LogLevel || old.LogFormat != cfg.LogFormat, "log")
	add(old.WebSub != cfg.WebSub, "websub")
	add(fmt.Sprint(old.Dedup) != fmt.Sprint(cfg.Dedup), "dedup")
	return keys
}

// afterChange runs after a refresh that changed articles: exports, and retention at most once a
// minute.
func (a *App) afterChange() {
	a.exports.changed()
	a.websubChanged()
	last := time.Unix(0, a.lastPrune.Load())
	if a.now().Sub(last) < pruneMinInterval {
		return
	}
	a.background.Go(func() { a.prune(a.backgroundCtx) })
}

func (a *App) prune(ctx context.Context) {
	if !a.pruning.TryLock() {
		return
	}
	defer a.pruning.Unlock()
	a.lastPrune.Store(a.now().UnixNano())
	if l, ok := a.store.(aggregator.Leaser); ok && a.owner != "" {
		// One node of those sharing the database runs retention at a time: the others would
		// repeat its work, each pass waiting on the rows the other locks.
		held, _, _, err := l.Lease(ctx, retentionLease, a.owner, retentionLeaseTTL)
		if err != nil {
			a.logger.Warn("retention failed", "error", err)
			return
		}
		if !held {
			return
		}
	}
	cfg := a.Config()
	p := aggregator.PrunePolicy{MaxPerSource: cfg.MaxArticlesPerSource, TombstoneTTL: tombstoneTTL}
	// What a configured source lists now stays, however old (a blog whose last post is four months
	// old still shows it), and what it lists after a prune stays pruned.
	for _, src := range a.refresher.Sources() {
		p.KeepListedBy = append(p.KeepListedBy, src.Name)
	}
	if cfg.Retention > 0 {
		p.Before = a.now().Add(-cfg.Retention)
	}
	n, err := a.store.Prune(ctx, p)
	if err != nil {
		a.logger.Warn("retention failed", "error", err)
		return
	}
	if n > 0 {
		a.logger.Info("retention pruned articles", "articles", n)
		a.exports.changed()
		a.websubChanged()
	}
}

// pageStatuses is sourceStatuses for the index page, which shows the states it has (an error is
// logged by sourceStatuses).
func (a *App) pageStatuses(ctx context.Context) []aggregator.SourceStatus {
	out, _ := a.sourceStatuses(ctx)
	return out
}

// sourceStatuses is what the index page, the admin API and `tributary sources` show. With a database that several
// nodes share it also returns the error of reading the sources' states there (the database does
// not answer): the states shown are then this node's own.
func (a *App) sourceStatuses(ctx context.Context) ([]aggregator.SourceStatus, error) {
	stats, err := a.store.Stats(ctx)
	if err != nil {
		a.logger.Warn("could not count articles", "error", err)
	}
	// With a database that several nodes share, a source another node fetched has its latest
	// state in the database, not in this node's memory: the later of the two is shown (this
	// node's memory is later only for its own last 304s, whose states are saved in batches).
	var stored map[string]aggregator.FetchState
	var storedErr error
	if _, shared := a.store.(aggregator.Leaser); shared {
		if stored, storedErr = a.store.States(ctx); storedErr != nil {
			a.logger.Warn("could not read the sources' states", "error", storedErr)
		}
	}
	var leases map[string]aggregator.LeaseInfo
	if l, ok := a.store.(aggregator.LeaseReader); ok {
		if leases, err = l.Leases(ctx); err != nil {
			a.logger.Warn("could not read the sources' leases", "error", err)
		}
	}
	var out []aggregator.SourceStatus
	for _, src := range a.refresher.Sources() {
		st := a.refresher.State(src.Name)
		if s, ok := stored[src.Name]; ok && s.LastFetch.After(st.LastFetch) {
			st = s
		}
		out = append(out, aggregator.SourceStatus{
			Source: src, State: st, Articles: stats.PerSource[src.Name],
			NextRun: a.sched.Next(src.Name), Running: a.refresher.Running(src.Name),
			Lease: leases[src.Name],
		})
	}
	return out, storedErr
}

// Close stops scheduling, lets in-flight refreshes finish until the deadline, closes the servers
// and the database. It is safe to call more than once.
func (a *App) Close(ctx context.Context) error {
	var errs []error
	a.closeOnce.Do(func() {
		a.ready.Store(false)
		a.notify.send("STOPPING=1")
		if a.sched != nil {
			<-a.sched.Stop().Done()
		}
		if a.refresher != nil {
			if err := a.refresher.Close(ctx); err != nil {
				a.logger.Warn("shutdown deadline reached", "error", err)
			}
		}
		if a.exportsDone != nil {
			select {
			case <-a.exportsDone:
			default:
				// Past the deadline both may be ready: the export loop having stopped wins.
				select {
				case <-a.exportsDone:
				case <-ctx.Done():
					a.logger.Warn("an export was still running at the shutdown deadline")
				}
			}
		}
		for _, srv := range []*http.Server{a.public, a.admin} {
			if srv != nil {
				sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
				if err := srv.Shutdown(sctx); err != nil {
					srv.Close()
				}
				cancel()
			}
		}
		for _, ln := range []net.Listener{a.publicLn, a.adminLn} {
			if ln != nil {
				ln.Close()
			}
		}
		a.closeWebSub()
		// A retention pass stops between two of its transactions: it resumes at the next start.
		a.stopBackground()
		a.background.Wait()
		a.releaseLeases(ctx)
		if a.store != nil {
			if err := a.store.Close(); err != nil {
				errs = append(errs, err)
			}
		}
	})
	return errors.Join(errs...)
}

// releaseLeases gives up this node's leases at a clean shutdown (with a database that several
// nodes share), so that a restart does not hold up its sources, retention and exports for a
// lease's length. Nothing of this node fetches or writes any more.
func (a *App) releaseLeases(ctx context.Context) {
	l, ok := a.store.(interface {
		ReleaseLeases(ctx context.Context, owner string) (int, error)
	})
	if !ok || a.owner == "" {
		return
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 2*time.Second)
	defer cancel()
	if n, err := l.ReleaseLeases(ctx, a.owner); err != nil {
		a.logger.Warn("could not give up this node's leases: the other nodes take them when they run out", "error", err)
	} else if n > 0 {
		a.logger.Info("gave up this node's leases", "leases", n)
	}
}

func cmdServe(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	// Until the logger exists, what goes to stderr is why the daemon does not start: under the
	// journal every line of it is an error.
	early := stderr
	if underJournal(stderr) {
		early = &priorityWriter{w: stderr, prefix: prioErr}
	}
	fs, cfgFlag := newFlags("serve", "[--config FILE]", stdout, early)
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(early, "serve: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	}
	path := configPath(*cfgFlag)
	cfg, err := LoadConfig(path)
	if err != nil {
		fmt.Fprintln(early, err)
		return exitFailure
	}
	logger := newLogger(cfg, stderr)
	if lim := applyMemoryLimit(logger); lim != nil {
		limCtx, stopLimit := context.WithCancel(ctx)
		defer stopLimit()
		go lim.run(limCtx)
	}
	publicLn, adminLn, err := listenBoth(cfg)
	if err != nil {
		logger.Error("cannot start", "error", err)
		return exitFailure
	}
	app, err := OpenApp(ctx, cfg, logger)
	if err != nil {
		publicLn.Close()
		adminLn.Close()
		logger.Error("cannot start", "error", err)
		return exitFailure
	}
	app.publicLn, app.adminLn = publicLn, adminLn

	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	serveCtx, stop := context.WithCancel(ctx)
	defer stop()
	go func() {
		for {
			select {
			case <-serveCtx.Done():
				return
			case <-hup:
				if err := app.Reload(serveCtx); err != nil {
					logger.Error("reload rejected, the running configuration stays", "config", cfg.Path, "error", err)
				}
			}
		}
	}()

	code := exitOK
	if err := app.Serve(serveCtx); err != nil {
		logger.Error("server failed", "error", err)
		code = exitFailure
	}
	logger.Info("shutting down", "deadline", shutdownDeadline)
	sctx, cancel := context.WithTimeout(context.Background(), shutdownDeadline)
	defer cancel()
	if err := app.Close(sctx); err != nil {
		logger.Error("shutdown failed", "error", err)
		code = exitFailure
	}
	logger.Info("stopped")
	return code
}

// newLogger sets up log/slog once: text on a terminal, JSON otherwise, as [log] format says.
// Under systemd's journal: text, no timestamps of its own (the journal has them), and each line
// prefixed with its priority so that `journalctl -p warning` finds warnings and errors.
func newLogger(cfg *Config, w io.Writer) *slog.Logger {
	var level slog.Level
	_ = level.UnmarshalText([]byte(cfg.LogLevel))
	opts := &slog.HandlerOptions{Level: level}
	journal := underJournal(w)
	if journal {
		opts.ReplaceAttr = func(groups []string, a slog.Attr) slog.Attr {
			if len(groups) == 0 && a.Key == slog.TimeKey {
				return slog.Attr{}
			}
			return a
		}
	}
	format := cfg.LogFormat
	if format == "auto" {
		format = "json"
		if f, ok := w.(*os.File); ok {
			if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
				format = "text"
			}
		}
		if journal {
			format = "text"
		}
	}
	newHandler := func(w io.Writer) slog.Handler { return slog.NewJSONHandler(w, opts) }
	if format == "text" {
		newHandler = func(w io.Writer) slog.Handler { return slog.NewTextHandler(w, opts) }
	}
	if journal {
		return slog.New(newJournalHandler(w, newHandler))
	}
	return slog.New(newHandler(w))
}
