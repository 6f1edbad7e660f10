package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"gopkg.in/yaml.v3"

	"tributary/aggregator"
	"tributary/feeds/hexo"
	"tributary/store"
)

// Limits of export jobs.
const (
	exportDebounce = 500 * time.Millisecond // coalesces the changes of one refresh round
	// With a database several nodes share, one node runs each [[export]], under a lease it renews
	// every exportWatch; a node that died gives its exports up within exportLeaseTTL. exportWatch is
	// also how often the generation is compared, so that the node exporting follows every node's
	// writes, not its own alone.
	exportLeaseTTL = 10 * time.Minute
	exportWatch    = 2 * time.Second
	afterTimeout   = 10 * time.Minute // an `after` command (hexo generate) is killed after this
	afterLogBytes  = 4 << 10          // the tail of its output that is logged
)

// exporter keeps the [[export]] directories in sync: after every refresh that changed something,
// debounced, one sync at a time.
type exporter struct {
	app     *App
	kick    chan struct{}
	mu      sync.Mutex
	running map[string]*hexo.Exporter // by dir and options, kept across reloads
	// dirs serializes the Syncs of one directory: the continuous export and a one-shot export of
	// the admin API, with other options, write the same configured directories.
	dirs map[string]*sync.Mutex
	// warned holds the skipped posts already logged (by dir, article, path and reason), so that a
	// post skipped on every refresh is logged once, not on every refresh.
	warned map[string]bool
	// runs holds the last run of each [[export]] block, by runKey, for the status views.
	runs map[string]*exportRun
}

func newExporter(app *App) *exporter {
	return &exporter{app: app, kick: make(chan struct{}, 1), running: map[string]*hexo.Exporter{},
		dirs: map[string]*sync.Mutex{}, warned: map[string]bool{}, runs: map[string]*exportRun{}}
}

// warnSkipped logs the posts a sync of dir skipped that were not logged before.
func (e *exporter) warnSkipped(dir string, skipped []hexo.Skip) {
	for _, s := range skipped {
		e.warnOnce(dir+"\x00"+s.ID+"\x00"+s.Path+"\x00"+s.Reason, "export skipped a post",
			"dir", dir, "article", s.ID, "path", s.Path, "reason", s.Reason)
	}
}

// changed asks for a sync soon; it never blocks.
func (e *exporter) changed() {
	select {
	case e.kick <- struct{}{}:
	default:
	}
}

// run syncs every export at start and after every change until ctx is done.
func (e *exporter) run(ctx context.Context) {
	e.syncAll(ctx)
	var watch <-chan time.Time // nil: no other node writes
	if e.shared() {
		t := time.NewTicker(exportWatch)
		defer t.Stop()
		watch = t.C
	}
	gen := e.app.store.Generation()
	renewed := time.Now()
	for {
		select {
		case <-ctx.Done():
			return
		case <-e.kick:
		case <-watch:
			if g := e.app.store.Generation(); g != gen {
				gen = g
				e.changed()
			}
			if time.Since(renewed) > exportLeaseTTL/3 {
				// Renew the leases held, take over those whose node died, and sync what is held:
				// a node taking an export over catches it up.
				renewed = time.Now()
				for i, ex := range e.app.Config().Exports {
					if e.leased(ctx, i, ex) {
						e.changed()
					}
				}
			}
			continue
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(exportDebounce):
		}
		e.syncAll(ctx)
	}
}

func (e *exporter) syncAll(ctx context.Context) {
	for i, ex := range e.app.Config().Exports {
		if e.leased(ctx, i, ex) {
			e.syncBlock(ctx, ex, time.Time{})
		}
	}
}

// shared reports whether the database is shared by several nodes (leases are in use).
func (e *exporter) shared() bool {
	_, ok := e.app.store.(aggregator.Leaser)
	return ok && e.app.owner != ""
}

// leased claims or renews the lease of ex, the i-th [[export]] block, when the database is shared,
// and reports whether this node runs ex: always with a database of its own. The lease is named by
// the block's place and output, which the nodes' configurations share, not by its directory,
// which each node resolves against where its configuration lives.
func (e *exporter) leased(ctx context.Context, i int, ex Export) bool {
	if !e.shared() {
		return true
	}
	name := fmt.Sprintf("tributary:export:%d:%s", i, ex.Output)
	held, _, _, err := e.app.store.(aggregator.Leaser).Lease(ctx, name, e.app.owner, exportLeaseTTL)
	if err != nil {
		e.app.logger.Warn("export: could not claim its lease", "dir", ex.Dir, "error", err)
		return false
	}
	return held
}

// syncBlock syncs one [[export]] block, logs the outcome and runs its `after` command when posts
// changed.
func (e *exporter) syncBlock(ctx context.Context, ex Export, since time.Time) (hexo.Report, error) {
	start := time.Now()
	rep, err := e.sync(ctx, ex, since)
	e.recordSync(ex, start, rep, err)
	if err != nil {
		e.app.logger.Warn("export failed", "dir", ex.Dir, "output", ex.Output, "error", err)
		return rep, err
	}
	e.warnSkipped(ex.Dir, rep.Skipped)
	if !rep.Changed() {
		return rep, nil
	}
	e.app.logger.Info("export synced", "dir", ex.Dir, "output", ex.Output, "written", rep.Written,
		"renamed", rep.Renamed, "removed", rep.Removed, "unchanged", rep.Unchanged)
	e.touchStamp(ex)
	if len(ex.After) > 0 {
		e.runAfter(ctx, ex)
	}
	return rep, nil
}

// sync exports the articles of ex.Output. An export holds every stored article of its output, not
// only the newest `limit` the feed shows: retention decides what leaves the site. It writes one post
// per story, as the output shows it (its merge), and every story when no output is named: the post's
// ID is the story's, so a fuller copy arriving later rewrites the post instead of adding one.
func (e *exporter) sync(ctx context.Context, ex Export, since time.Time) (hexo.Report, error) {
	q := aggregator.Query{Since: since, Merge: true}
	if ex.Output != "" {
		out, ok := e.app.feeds.Output(ex.Output)
		if !ok {
			return hexo.Report{}, fmt.Errorf("export: output %q: %w", ex.Output, aggregator.ErrNotFound)
		}
		q = out.Query()
		q.Since, q.Limit = since, 0 // every stored article of the output, not its newest limit
	} else {
		q.StoryRanks = storyRanks(e.app.Config().Sources, nil)
	}
	articles, err := e.app.store.Articles(ctx, q)
	if err != nil {
		return hexo.Report{}, err
	}
	opts := hexo.Options{PlaceholderImage: ex.PlaceholderImage, KeepPruned: ex.KeepPruned || !since.IsZero(), Since: since,
		RealTitle: ex.RealTitle, SiteTimezone: ex.SiteTimezone, Abbrlink: ex.Abbrlink, Permalink: e.sitePermalink(ex.Dir)}
	x, dirMu := e.exporterFor(ex.Dir, opts)
	dirMu.Lock()
	defer dirMu.Unlock()
	return x.Sync(ctx, articles)
}

func (e *exporter) exporterFor(dir string, o hexo.Options) (*hexo.Exporter, *sync.Mutex) {
	canon := realPath(dir) // one lock however the directory is named
	e.mu.Lock()
	defer e.mu.Unlock()
	dirMu, ok := e.dirs[canon]
	if !ok {
		dirMu = &sync.Mutex{}
		e.dirs[canon] = dirMu
	}
	// One Exporter per dir and options; a changed option gets a new one (Sync is idempotent).
	zone := ""
	if o.SiteTimezone != nil {
		zone = o.SiteTimezone.String()
	}
	key := fmt.Sprintf("%s\x00%s\x00%v\x00%d\x00%v\x00%s\x00%v\x00%s", dir, o.PlaceholderImage, o.KeepPruned, o.Since.Unix(), o.RealTitle, zone, o.Abbrlink, o.Permalink)
	if x, ok := e.running[key]; ok {
		return x, dirMu
	}
	x := hexo.New(dir, o)
	e.running[key] = x
	return x, dirMu
}

// runAfter runs the export's `after` command in the site root, judges it by its exit status and
// by the error lines it printed (Hexo exits 0 after "ERROR Process failed"), records the run and
// logs it.
func (e *exporter) runAfter(ctx context.Context, ex Export) {
	ctx, cancel := context.WithTimeout(ctx, afterTimeout)
	defer cancel()
	root := siteRoot(ex.Dir)
	cmd := exec.CommandContext(ctx, ex.After[0], ex.After[1:]...)
	cmd.Dir = root
	out := &afterJudge{}
	cmd.Stdout, cmd.Stderr = out, out
	start := time.Now()
	err := cmd.Run()
	out.finish()
	d := time.Since(start)
	run := &afterRun{Command: ex.After, Started: start, Duration: d.Round(time.Millisecond).String(), DurationSeconds: d.Seconds(),
		ExitCode: exitCode(err), ErrorLines: out.errorLines, LastErrors: out.lastErrors, OutputTail: printable(out.tail.String()), Status: "ok"}
	if err != nil {
		run.Error = err.Error()
	}
	if run.failed() {
		run.Status = "failed"
	}
	e.recordAfter(ex, run)
	attrs := []any{"command", ex.After, "dir", root, "duration", d.Round(time.Millisecond), "exit_status", run.ExitCode,
		"error_lines", run.ErrorLines, "output", run.OutputTail}
	switch {
	case err != nil:
		e.app.logger.Warn("export after-command failed", append(attrs, "error", err)...)
	case run.ErrorLines > 0:
		e.app.logger.Warn("export after-command exited 0 but printed error lines: the site may not be built",
			append(attrs, "last_errors", run.LastErrors)...)
	default:
		e.app.logger.Info("export after-command done", attrs...)
	}
}

// hexoDefaultPermalink is the permalink of a Hexo site whose _config.yml sets none.
const hexoDefaultPermalink = ":year/:month/:day/:title/"

// sitePermalink is the permalink of the Hexo site dir belongs to (the nearest parent with a
// _config.yml), or "" when there is none, so that posts get names the site can publish. It logs,
// once per site and permalink, when that permalink changes names.
func (e *exporter) sitePermalink(dir string) string {
	root := siteRoot(dir)
	file := filepath.Join(root, "_config.yml")
	raw, err := os.ReadFile(file)
	if err != nil {
		return "" // a bare directory: the seed's names
	}
	var cfg struct {
		Permalink string `yaml:"permalink"`
	}
	permalink := hexoDefaultPermalink
	if err := yaml.Unmarshal(raw, &cfg); err != nil {
		// Hexo cannot build from it either; names that suit its default are safe under any.
		e.warnOnce(file+"\x00yaml", "export: cannot read the site's permalink; names suit Hexo's default",
			"file", file, "error", err)
	} else if cfg.Permalink != "" {
		permalink = cfg.Permalink
	}
	if hexo.PermalinkTakesName(permalink) {
		e.warnOnce(file+"\x00"+permalink, "export: the site's permalink takes file names: '%' in names is written as '％'",
			"file", file, "permalink", permalink)
	}
	return permalink
}

// warnOnce logs a warning the first time key is seen.
func (e *exporter) warnOnce(key, msg string, attrs ...any) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.warned[key] {
		return
	}
	e.warned[key] = true
	e.app.logger.Warn(msg, attrs...)
}

// siteRoot is the nearest directory above dir holding a Hexo _config.yml, else dir itself.
func siteRoot(dir string) string {
	for d := dir; ; {
		if _, err := os.Stat(filepath.Join(d, "_config.yml")); err == nil {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return dir
		}
		d = parent
	}
}

// tailBuffer keeps the last afterLogBytes bytes written to it.
type tailBuffer struct{ b []byte }

func (t *tailBuffer) Write(p []byte) (int, error) {
	t.b = append(t.b, p...)
	if len(t.b) > afterLogBytes {
		t.b = t.b[len(t.b)-afterLogBytes:]
	}
	return len(p), nil
}

func (t *tailBuffer) String() string { return string(bytes.TrimSpace(t.b)) }

// exportResponse is the body of POST /api/export.
type exportResponse struct {
	Dir    string      `json:"dir"`
	Report hexo.Report `json:"report"`
}

// handleExport runs a one-shot export for `tributary export` when the daemon holds the database.
// It writes only into a directory the configuration names ([[export]] dir or server.export_dirs);
// without dir it syncs every [[export]] block with the block's own settings.
func (a *App) handleExport(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if q.Get("dir") == "" {
		a.exportBlocks(w, r)
		return
	}
	ex, since, err := exportRequest(q.Get("format"), q.Get("dir"), q.Get("output"), q.Get("since"), q.Get("placeholder_image"), q.Get("keep_pruned") == "true",
		q.Get("title"), q.Get("site_timezone"))
	if err != nil {
		writeJSONError(w, http.StatusBadRequest, err.Error())
		return
	}
	allowed, ok := a.Config().exportDir(ex.Dir)
	if !ok {
		writeJSON(w, http.StatusForbidden, map[string]string{"reason": reasonExportDir, "error": fmt.Sprintf(
			"dir %q: the daemon writes only into the [[export]] dirs and server.export_dirs of its configuration: "+
				"add it to server.export_dirs in %s and reload the daemon", ex.Dir, a.Config().Path)})
		return
	}
	ex.Dir = allowed
	a.Config().blockSettings(&ex)
	if ex.Output != "" {
		if _, ok := a.feeds.Output(ex.Output); !ok {
			writeJSONError(w, http.StatusNotFound, fmt.Sprintf("unknown output %q", ex.Output))
			return
		}
	}
	rep, err := a.exports.sync(r.Context(), ex, since)
	if err != nil {
		writeJSONError(w, http.StatusInternalServerError, err.Error())
		return
	}
	writeJSON(w, http.StatusOK, exportResponse{Dir: ex.Dir, Report: rep})
}

// reasonExportDir marks the refusal of an unconfigured export directory, for the CLI's advice.
const reasonExportDir = "export_dir_not_configured"

// exportBlocks is POST /api/export without dir: every [[export]] block, now.
func (a *App) exportBlocks(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	for _, k := range []string{"output", "placeholder_image", "keep_pruned", "title", "site_timezone"} {
		if q.Has(k) {
			writeJSONError(w, http.StatusBadRequest, fmt.Sprintf("%s goes with dir: without dir every [[export]] block runs with its own settings", k))
			return
		}
	}
	_, since, err := exportRequest(q.Get("format"), "", "", q.Get("since"), "", false, "", "")
	if err != nil {
		writeJSONError(w, http.StatusBadRequest, err.Error())
		return
	}
	blocks := a.Config().Exports
	if len(blocks) == 0 {
		writeJSONError(w, http.StatusBadRequest, "no dir given and no [[export]] block configured")
		return
	}
	resp := struct {
		Exports []exportResponse `json:"exports"`
	}{Exports: []exportResponse{}}
	for _, ex := range blocks {
		rep, err := a.exports.syncBlock(r.Context(), ex, since)
		if err != nil {
			writeJSONError(w, http.StatusInternalServerError, err.Error())
			return
		}
		resp.Exports = append(resp.Exports, exportResponse{Dir: ex.Dir, Report: rep})
	}
	writeJSON(w, http.StatusOK, resp)
}

// exportDir returns the configured export directory that dir names — the same clean path, or the
// same directory once symlinks are resolved — and whether there is one. The export then writes
// into the configured path, never into the requested one.
func (cfg *Config) exportDir(dir string) (string, bool) {
	want := filepath.Clean(dir)
	wantReal := realPath(want)
	candidates := slices.Clone(cfg.ExportDirs)
	for _, ex := range cfg.Exports {
		candidates = append(candidates, filepath.Clean(ex.Dir))
	}
	for _, c := range candidates {
		if c == want || realPath(c) == wantReal {
			return c, true
		}
	}
	return "", false
}

// realPath is p with every symlink resolved, as far as p exists: the rest is appended as it is.
func realPath(p string) string {
	rest := ""
	for {
		if r, err := filepath.EvalSymlinks(p); err == nil {
			return filepath.Join(r, rest)
		}
		parent := filepath.Dir(p)
		if parent == p {
			return filepath.Join(p, rest)
		}
		rest = filepath.Join(filepath.Base(p), rest)
		p = parent
	}
}

// exportRequest validates a one-shot export's parameters, from the CLI or the admin API. An empty
// dir, which only the admin API passes, stands for the [[export]] blocks.
func exportRequest(format, dir, output, since, placeholder string, keepPruned bool, title, siteTimezone string) (Export, time.Time, error) {
	ex := Export{Format: orDefault(format, "hexo"), Dir: dir, Output: output, PlaceholderImage: placeholder, KeepPruned: keepPruned}
	if ex.Format != "hexo" {
		return ex, time.Time{}, fmt.Errorf("format %q: the only export format is \"hexo\"", format)
	}
	var err error
	if ex.RealTitle, ex.SiteTimezone, err = exportStyle(title, siteTimezone); err != nil {
		return ex, time.Time{}, err
	}
	switch {
	case dir == "":
	case !filepath.IsAbs(dir):
		return ex, time.Time{}, fmt.Errorf("dir %q: must be an absolute path", dir)
	case slices.Contains(strings.Split(filepath.ToSlash(dir), "/"), ".."):
		return ex, time.Time{}, fmt.Errorf("dir %q: must not contain .. (name the directory itself)", dir)
	}
	var from time.Time
	if since != "" {
		d, err := time.ParseDuration(since)
		if err != nil || d <= 0 {
			return ex, time.Time{}, fmt.Errorf("since %q: want a positive duration such as \"72h\"", since)
		}
		from = time.Now().Add(-d)
	}
	return ex, from, nil
}

func cmdExport(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs, cfgFlag := newFlags("export", "--format hexo --dir DIR [--output NAME] [--since DURATION] [--title seed|real] [--site-timezone ZONE]", stdout, stderr)
	format := fs.String("format", "hexo", "export format (hexo)")
	dir := fs.String("dir", "", "directory of posts, e.g. a Hexo site's source/_posts (required)")
	output := fs.String("output", "", "export this output's articles (default: every article)")
	since := fs.String("since", "", "only articles dated within this duration, e.g. 72h (older posts are left as they are)")
	placeholder := fs.String("placeholder-image", "", "image URL template for articles without one; {n} becomes a number derived from the article id")
	keep := fs.Bool("keep-pruned", false, "keep posts whose articles are no longer stored")
	title := fs.String("title", "seed", "front matter title: seed (: / \\ ? * “ ” < > | [ ] replaced by _, as the seed) or real (the article's own)")
	siteTZ := fs.String("site-timezone", "", "the timezone of the site's _config.yml, e.g. Asia/Shanghai: dates are written as wall time in it (default: the seed's GMT form, for a site without timezone)")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "export: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	}
	if *dir == "" {
		fmt.Fprintln(stderr, "export: --dir is missing: name the directory of posts, e.g. --dir ~/blog/source/_posts")
		return exitUsage
	}
	abs, err := filepath.Abs(*dir)
	if err != nil {
		fmt.Fprintf(stderr, "export: %v\n", err)
		return exitUsage
	}
	ex, from, err := exportRequest(*format, abs, *output, *since, *placeholder, *keep, *title, *siteTZ)
	if err != nil {
		fmt.Fprintf(stderr, "export: %v\n", err)
		return exitUsage
	}
	cfg, err := LoadConfig(configPath(*cfgFlag))
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitFailure
	}
	q := url.Values{"format": {*format}, "dir": {abs}, "output": {*output}, "since": {*since},
		"placeholder_image": {*placeholder}, "keep_pruned": {fmt.Sprint(*keep)}, "title": {*title}, "site_timezone": {*siteTZ}}
	var resp exportResponse
	err = newAdminClient(cfg, afterTimeout).do(ctx, http.MethodPost, "/api/export?"+q.Encode(), &resp)
	if errors.Is(err, errNoDaemon) {
		resp, err = exportDirect(ctx, cfg, ex, from, stderr)
	}
	var ae *apiError
	if errors.As(err, &ae) && ae.reason == reasonExportDir {
		fmt.Fprintf(stderr, "export: the running daemon writes only into the directories its configuration names, and %s is not one of them.\n"+
			"Add it to %s:\n\n    [server]\n    export_dirs = [%q]\n\n"+
			"then reload the daemon (systemctl reload tributary, or SIGHUP), or stop it to export directly.\n(%v)\n",
			abs, cfg.Path, abs, err)
		return exitFailure
	}
	if err != nil {
		fmt.Fprintf(stderr, "export: %v\n", err)
		return exitFailure
	}
	rep := resp.Report
	for _, s := range rep.Skipped {
		fmt.Fprintf(stderr, "export: skipped %s: %s\n", s.Path, s.Reason)
	}
	if !rep.Changed() {
		fmt.Fprintf(stdout, "%s: nothing changed (%d posts up to date)\n", resp.Dir, rep.Unchanged)
		return exitOK
	}
	fmt.Fprintf(stdout, "%s: %d written, %d renamed, %d removed, %d unchanged\n", resp.Dir, rep.Written, rep.Renamed, rep.Removed, rep.Unchanged)
	return exitOK
}

// exportDirect exports with the database opened here, when no daemon runs.
func exportDirect(ctx context.Context, cfg *Config, ex Export, since time.Time, stderr io.Writer) (exportResponse, error) {
	logger := newLogger(&Config{LogLevel: "warn", LogFormat: "text"}, stderr)
	app, err := OpenApp(ctx, cfg, logger)
	if errors.Is(err, store.ErrLocked) {
		return exportResponse{}, fmt.Errorf("the database is held by a running daemon, but its admin API at %s did not answer: %w", cfg.AdminListen, err)
	}
	if err != nil {
		return exportResponse{}, err
	}
	defer app.Close(context.Background())
	fmt.Fprintf(stderr, "no daemon is running: exporting directly from %s\n", databaseName(cfg))
	if ex.Output != "" {
		if _, ok := app.feeds.Output(ex.Output); !ok {
			return exportResponse{}, fmt.Errorf("unknown output %q", ex.Output)
		}
	}
	cfg.blockSettings(&ex)
	rep, err := app.exports.sync(ctx, ex, since)
	return exportResponse{Dir: ex.Dir, Report: rep}, err
}

// blockSettings gives a one-shot export into the directory of an [[export]] block the settings of
// the posts that block writes: without its abbrlinks, a one-shot export would take them out of
// every post, and the next sync of the block would put them back.
func (cfg *Config) blockSettings(ex *Export) {
	for _, b := range cfg.Exports {
		if filepath.Clean(b.Dir) == filepath.Clean(ex.Dir) || realPath(b.Dir) == realPath(ex.Dir) {
			ex.Abbrlink = b.Abbrlink
		}
	}
}
