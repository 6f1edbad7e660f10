// Command tributary-bench is the end-to-end benchmark of issue 6: it starts a feed farm (its own, or
// an external one with -farm), runs the real tributary binary against it through the admin API and
// prints, next to each figure, the same run's ceiling: gofeed parsing the same feed bytes, and a bare
// net/http server serving the same output bytes. With -runs N every figure is the median of N runs.
// With -stored N it instead preloads N articles into a database and measures startup to serving.
//
//	go run ./cmd/tributary-bench -feeds 500 -items 50 -runs 3
//	go run ./cmd/tributary-bench -farm 127.0.0.1:8090 -feeds 500 -runs 3   # ../shared/farm
//	go run ./cmd/tributary-bench -stored 100000
//	go run ./cmd/tributary-bench -feeds 500 -items 50 -runs 3 -dedup both   # story grouping's cost
//	go run ./cmd/tributary-bench -feeds 500 -items 50 -runs 3 -dedup both -lang en   # … in English
//	go run ./cmd/tributary-bench -feeds 500 -items 50 -runs 3 -backend both -postgres postgres://postgres@127.0.0.1:5432/postgres
//	go run ./cmd/tributary-bench -feeds 500 -items 50 -runs 3 -quick -backend both -nodes 3 -postgres postgres://postgres@127.0.0.1:5432/postgres
package main

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/mmcdole/gofeed"

	"tributary/cmd/internal/procstatus"
)

type options struct {
	feeds, items, perHost, concurrency, runs, conns, bodyBytes, stored int
	storedSources                                                      int
	memLimit                                                           int64
	farmAddr, bin, keep, profile, fromDB                               string
	dur                                                                time.Duration
	change, dup, near                                                  float64
	// dedup is "on", "off" or "both" (each run once with grouping off and once on, alternating
	// which goes first); dedupOn is the mode of the daemon being started.
	dedup   string
	dedupOn bool
	// backend is "bolt", "postgres" or "both" (alternating, as -dedup both); postgres is the URL of
	// a database on a server where the bench may create and drop a database per run; pgOn is the
	// backend of the daemon being started.
	backend, postgres string
	pgOn              bool
	// nodes, above 1, adds a variant to the run: that many daemons on one PostgreSQL database
	// (nodes.go); pgDB is the database the daemon being started shares with the others.
	nodes int
	pgDB  *pgDatabase
	// quick skips the output load and the ceilings: the refresh figures only.
	quick          bool
	profileSeconds int
	trace          bool
	// skipOutput is -quick under the name the 304-round measurements used.
	skipOutput bool
	// lang is the language of the built-in farm's texts (-lang).
	lang *farmLang
}

func main() {
	var o options
	flag.IntVar(&o.feeds, "feeds", 500, "number of feeds")
	flag.IntVar(&o.items, "items", 50, "items per feed")
	flag.IntVar(&o.bodyBytes, "body-bytes", 3000, "approximate HTML body size (built-in farm)")
	flag.Float64Var(&o.dup, "dup-frac", 0.1, "share of items that are stories carried by several feeds (built-in farm)")
	flag.Float64Var(&o.change, "change-frac", 0.1, "share of each feed's items replaced before the change round (built-in farm; 0 skips it)")
	flag.Float64Var(&o.near, "near-frac", 0.05, "share of items re-published by another feed as a near-duplicate: reworded title, another link, an edited lead (built-in farm)")
	lang := flag.String("lang", "zh", "language of the built-in farm's texts: zh (财联社-like, the team's figures) or en (wire-like English, whose story prints also hold content words)")
	flag.StringVar(&o.dedup, "dedup", "on", "story grouping of the daemon: on, off, or both (the same run with each, alternating, medians and the on/off ratio)")
	flag.StringVar(&o.backend, "backend", "bolt", "the daemon's storage.backend: bolt, postgres, or both (the same run with each, alternating; postgres needs -postgres)")
	flag.StringVar(&o.postgres, "postgres", "", "URL of a PostgreSQL database (postgres://user@host:port/db) on a server where the bench creates, and drops after, a database per run; its processes' CPU (utime+stime, children's included) is counted from /proc")
	flag.IntVar(&o.nodes, "nodes", 1, "also run N daemons on one PostgreSQL database (needs -postgres; refresh figures only, all nodes' CPU summed), beside the -backend variants")
	flag.BoolVar(&o.quick, "quick", false, "measure the refreshes only: skip the output load and the ceilings")
	flag.StringVar(&o.farmAddr, "farm", "", "use the feed farm at this address (feeds /feed/{i}.xml) instead of the built-in one")
	flag.IntVar(&o.perHost, "per-host", 64, "the daemon's fetch.per_host: high, so that the farm, one host, is not throttled")
	flag.IntVar(&o.concurrency, "concurrency", 8, "the daemon's fetch.concurrency (8 is its default)")
	flag.IntVar(&o.runs, "runs", 1, "repeat the whole run and print medians")
	flag.IntVar(&o.conns, "conns", 32, "load generator connections")
	flag.DurationVar(&o.dur, "dur", 3*time.Second, "load generator duration per measurement")
	flag.StringVar(&o.bin, "bin", "", "the tributary binary (default: go build ./cmd/tributary into a temporary directory)")
	flag.IntVar(&o.stored, "stored", 0, "instead: preload N articles and measure startup to serving and the first newest-100 render")
	flag.IntVar(&o.storedSources, "stored-sources", 20, "with -stored: the sources configured and holding the articles (10000: issue 16's scale)")
	flag.StringVar(&o.keep, "keep", "", "keep the work directory here (database, config, logs)")
	flag.StringVar(&o.profile, "profile", "", "write the daemon's CPU profiles of the full refresh and of the change round (their first -profile-seconds) to this directory, as runN-MODE-full.pprof and runN-MODE-change.pprof, and its heap profile when the first ends, as runN-MODE-full-heap.pprof")
	flag.IntVar(&o.profileSeconds, "profile-seconds", 3, "how long each -profile lasts")
	flag.BoolVar(&o.trace, "trace", false, "with -profile, also record the daemon's execution traces of the full refresh's and the change round's first -profile-seconds, as runN-MODE-full.trace and runN-MODE-change.trace (go tool trace; -d=parsed dumps it)")
	flag.StringVar(&o.fromDB, "from-db", "", "start every run from a copy of this database (a backup of a run with the same -feeds and -items, built-in farm: GET /api/backup) and measure the 304 round alone: no full refresh, no change round, no output load")
	flag.BoolVar(&o.skipOutput, "skip-output", false, "skip the output load and the gofeed ceiling (refresh figures only)")
	memLimit := flag.Int("memory-limit-mib", 0, "run the daemon in a memory cgroup of this many MiB (page cache included; needs a writable /sys/fs/cgroup) and report the cgroup's peak and OOM kills")
	serveBare := flag.String("serve-bare", "", "internal: serve the output bytes in this directory with bare net/http")
	flag.Parse()
	o.memLimit = int64(*memLimit) << 20
	var err error
	if o.lang, err = langOf(*lang); err != nil {
		fmt.Fprintln(os.Stderr, "tributary-bench:", err)
		os.Exit(2)
	}
	if *serveBare != "" {
		bareServer(*serveBare)
		return
	}
	if err := run(o); err != nil {
		fmt.Fprintln(os.Stderr, "tributary-bench:", err)
		os.Exit(1)
	}
}

func run(o options) error {
	work := o.keep
	if work == "" {
		d, err := os.MkdirTemp("", "tributary-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(d)
		work = d
	} else if err := os.MkdirAll(work, 0o755); err != nil {
		return err
	}
	if o.bin == "" {
		o.bin = filepath.Join(work, "tributary")
		fmt.Fprintln(os.Stderr, "building ./cmd/tributary …")
		cmd := exec.Command("go", "build", "-o", o.bin, "./cmd/tributary")
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("go build (run from the repository root, or pass -bin): %w", err)
		}
	}
	var modes []bool
	switch o.dedup {
	case "on":
		modes = []bool{true}
	case "off":
		modes = []bool{false}
	case "both":
		modes = []bool{false, true}
	default:
		return fmt.Errorf("-dedup %q: want on, off or both", o.dedup)
	}
	var backends []bool // postgres or not
	switch o.backend {
	case "bolt":
		backends = []bool{false}
	case "postgres":
		backends = []bool{true}
	case "both":
		backends = []bool{false, true}
	default:
		return fmt.Errorf("-backend %q: want bolt, postgres or both", o.backend)
	}
	if o.backend != "bolt" && o.postgres == "" {
		return fmt.Errorf("-backend %s needs -postgres URL", o.backend)
	}
	if len(modes) > 1 && len(backends) > 1 {
		return errors.New("-dedup both and -backend both: compare one thing at a time")
	}
	if o.nodes > 1 && o.postgres == "" {
		return fmt.Errorf("-nodes %d needs -postgres URL", o.nodes)
	}
	if o.nodes > 1 && (len(modes) > 1 || o.stored > 0 || o.fromDB != "") {
		return fmt.Errorf("-nodes %d: not with -dedup both, -stored or -from-db", o.nodes)
	}
	type variant struct {
		dedup, pg bool
		nodes     int
	}
	var variants []variant
	for _, on := range modes {
		for _, pg := range backends {
			variants = append(variants, variant{on, pg, 1})
		}
		if o.nodes > 1 {
			variants = append(variants, variant{on, true, o.nodes})
		}
	}
	name := func(v variant) string {
		switch {
		case v.nodes > 1:
			return fmt.Sprintf("%s-postgres-%dnodes", onOff(v.dedup), v.nodes)
		case v.pg:
			return onOff(v.dedup) + "-postgres"
		}
		return onOff(v.dedup)
	}
	backendOf := func(v variant) string {
		if v.nodes > 1 {
			return fmt.Sprintf("postgres × %d nodes", v.nodes)
		}
		return backendName(v.pg)
	}
	o.dedupOn, o.pgOn = variants[0].dedup, variants[0].pg
	if o.stored > 0 {
		return runStored(o, work)
	}
	all := map[variant][]map[string]float64{}
	for i := range o.runs {
		for k := range variants {
			// Alternate which variant goes first, so that neither always meets a warmer machine.
			v := variants[(i+k)%len(variants)]
			fmt.Fprintf(os.Stderr, "run %d/%d, dedup %s, backend %s …\n", i+1, o.runs, onOff(v.dedup), backendOf(v))
			o.dedupOn, o.pgOn = v.dedup, v.pg
			run := runOnce
			if v.nodes > 1 {
				run = func(o options, dir string) (map[string]float64, error) { return runNodes(o, dir, v.nodes) }
			}
			m, err := run(o, filepath.Join(work, fmt.Sprintf("run%d-%s", i, name(v))))
			if err != nil {
				return err
			}
			all[v] = append(all[v], m)
			if o.runs > 1 || len(variants) > 1 {
				printResults(os.Stderr, []map[string]float64{m})
			}
		}
	}
	for _, v := range variants {
		fmt.Printf("tributary-bench: %d feeds × %d items (%s, dup %.2f, near %.2f), dedup %s, backend %s, farm %s, per_host %d, concurrency %d, load %d conns × %s, runs %d (medians)\n",
			o.feeds, o.items, o.lang.name, o.dup, o.near, onOff(v.dedup), backendOf(v), cmpOr(o.farmAddr, "built-in"), o.perHost, o.concurrency, o.conns, o.dur, o.runs)
		printResults(os.Stdout, all[v])
	}
	if len(modes) == 2 {
		printDedupCost(os.Stdout, all[variant{false, backends[0], 1}], all[variant{true, backends[0], 1}])
	}
	return nil
}

func backendName(pg bool) string {
	if pg {
		return "postgres"
	}
	return "bolt"
}

func onOff(on bool) string {
	if on {
		return "on"
	}
	return "off"
}

// printDedupCost compares the runs with story grouping on to those with it off: medians of each,
// and the median of the per-run ratios (each run's pair ran back to back).
func printDedupCost(w io.Writer, off, on []map[string]float64) {
	median := func(v []float64) float64 {
		v = slices.Clone(v)
		slices.Sort(v)
		return v[len(v)/2]
	}
	fig := func(runs []map[string]float64, k string) float64 {
		var v []float64
		for _, r := range runs {
			v = append(v, r[k])
		}
		return median(v)
	}
	var ratios []float64
	for i := range min(len(off), len(on)) {
		ratios = append(ratios, on[i]["full.cpu_s"]/off[i]["full.cpu_s"])
	}
	fmt.Fprintf(w, "story grouping cost (on vs off, same runs):\n")
	fmt.Fprintf(w, "  %-34s %.2f vs %.2f CPU-s  = %+.1f %% (median of per-run ratios %+.1f %%)\n", "full refresh CPU, daemon",
		fig(on, "full.cpu_s"), fig(off, "full.cpu_s"), 100*(fig(on, "full.cpu_s")/fig(off, "full.cpu_s")-1), 100*(median(ratios)-1))
	fmt.Fprintf(w, "  %-34s %.2f vs %.2f CPU-s\n", "  of which system (page faults)", fig(on, "full.sys_s"), fig(off, "full.sys_s"))
	fmt.Fprintf(w, "  %-34s %.0f vs %.0f\n", "  minor page faults", fig(on, "full.minflt"), fig(off, "full.minflt"))
	fmt.Fprintf(w, "  %-34s %.2f vs %.2f s\n", "full refresh wall", fig(on, "full.wall_s"), fig(off, "full.wall_s"))
	fmt.Fprintf(w, "  %-34s %.0f vs %.0f\n", "database bytes per article", fig(on, "db_bytes_per_article"), fig(off, "db_bytes_per_article"))
	fmt.Fprintf(w, "  %-34s %.1f vs %.1f MiB\n", "peak RSS (VmHWM)", fig(on, "peak_rss_mib"), fig(off, "peak_rss_mib"))
	fmt.Fprintf(w, "  %-34s %.0f grouped into stories (of %.0f stored)\n", "articles grouped", fig(on, "grouped"), fig(on, "stored_articles"))
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// runOnce is one complete run: a fresh database, a full refresh, a 304 round, a change round, the
// output load and the ceilings.
func runOnce(o options, dir string) (map[string]float64, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	m := map[string]float64{}
	fm, farmAddr, stop, err := startFarm(o)
	if err != nil {
		return nil, err
	}
	defer stop()
	if o.fromDB != "" {
		return round304Only(o, dir, farmAddr)
	}
	if fm != nil {
		fm.prerender()
	}
	farmCPU0 := farmCPU(fm)
	d, err := startDaemon(o, dir, farmAddr, o.feeds, nil)
	if err != nil {
		return nil, err
	}
	defer d.stop()

	var fullProfile chan error
	if o.profile != "" {
		// The first seconds of the full refresh, which is what story grouping adds to.
		// Then the heap in the middle of the refresh: what is live while it runs, which is what
		// a memory cgroup must hold (twice that with GOGC=100 unless a limit makes the GC work).
		fullProfile = d.profile(filepath.Join(o.profile, filepath.Base(dir)+"-full.pprof"), o.profileSeconds,
			filepath.Join(o.profile, filepath.Base(dir)+"-full-heap.pprof"))
	}
	var fullTrace chan error
	if o.profile != "" && o.trace {
		// Where the cores wait: an execution trace showed the single writer as the critical path
		// (its fdatasyncs, workers waiting on their own feed's commit; see refresh's handOff).
		fullTrace = d.trace(filepath.Join(o.profile, filepath.Base(dir)+"-full.trace"), o.profileSeconds)
	}
	heap := d.sampleHeap(o.feeds)
	var profiled chan error
	// A fresh daemon starts refreshing every never-fetched source as soon as it starts; the POST
	// joins those refreshes. So the full first refresh is timed from exec (startup included, a few
	// milliseconds) to the POST's answer, and its CPU is all the process's CPU.
	_, _, res, err := d.refresh()
	if err != nil {
		return nil, err
	}
	wall, cpu := time.Since(d.startedAt).Seconds(), d.cpu()
	m["full.wall_s"], m["full.cpu_s"], m["full.sys_s"] = wall, cpu, d.sysCPU()
	// Per run, so that the summary's median is the median of the runs' ratios (issue 16's goal:
	// ≤ 0.6 on 2 cores), not a ratio of two medians from different runs.
	m["full.wall_per_cpu"] = wall / max(cpu, 1e-9)
	m["full.minflt"] = float64(procFaults(d.cmd.Process.Pid))
	if d.pg != nil {
		m["full.pg_cpu_s"] = pgCPU() - d.pgCPUStart
	}
	if err := wait(fullProfile, fullTrace); err != nil {
		return nil, err
	}
	m["full.farm_cpu_s"] = farmCPU(fm) - farmCPU0
	m["startup_s"] = d.readyAt.Sub(d.startedAt).Seconds()
	// Results reach the metrics just after the refresh answers: wait until the count settles.
	entries := int(d.metricSum("tributary_articles_total{"))
	for range 50 {
		time.Sleep(50 * time.Millisecond)
		n := int(d.metricSum("tributary_articles_total{"))
		if n == entries {
			break
		}
		entries = n
	}
	m["full.entries"] = float64(entries)
	m["full.entries_per_s"] = float64(entries) / wall
	m["full.failed"] = float64(res.Failed)
	m["peak_rss_mib"] = float64(d.hwm()) / (1 << 20)
	peakHeap, peakAnon := heap()
	m["peak_heap_mib"] = float64(peakHeap) / (1 << 20)
	m["peak_rss_anon_mib"] = float64(peakAnon) / (1 << 20)
	m["rss_file_mib"] = float64(d.status("RssFile:")) / (1 << 20)
	if d.cg != nil {
		m["cgroup.limit_mib"] = float64(o.memLimit) / (1 << 20)
		m["cgroup.peak_mib"] = float64(d.cg.peak()) / (1 << 20)
		m["cgroup.oom_kills"] = float64(d.cg.ooms())
	}

	if o.profile != "" {
		profiled = d.profile(filepath.Join(o.profile, filepath.Base(dir)+"-304.pprof"), 10, "")
	}
	pgCPU0 := pgCPU()
	wall, cpu, res, err = d.refresh()
	if err != nil {
		return nil, err
	}
	if err := wait(profiled); err != nil {
		return nil, err
	}
	m["r304.wall_s"], m["r304.cpu_s"] = wall, cpu
	if d.pg != nil {
		m["r304.pg_cpu_s"] = pgCPU() - pgCPU0
	}
	m["r304.not_modified"] = float64(res.count("not_modified"))

	if fm != nil && o.change > 0 {
		fm.change(o.change)
		fm.prerender()
		profiled = nil
		if o.profile != "" {
			profiled = d.profile(filepath.Join(o.profile, filepath.Base(dir)+"-change.pprof"), o.profileSeconds, "")
		}
		var changeTrace chan error
		if o.profile != "" && o.trace {
			changeTrace = d.trace(filepath.Join(o.profile, filepath.Base(dir)+"-change.trace"), o.profileSeconds)
		}
		pgCPU0 = pgCPU()
		wall, cpu, res, err = d.refresh()
		if err != nil {
			return nil, err
		}
		if err := wait(profiled, changeTrace); err != nil {
			return nil, err
		}
		m["change.wall_s"], m["change.cpu_s"] = wall, cpu
		m["change.wall_share"] = wall / max(m["full.wall_s"], 1e-9)
		m["change.cpu_share"] = cpu / max(m["full.cpu_s"], 1e-9)
		if d.pg != nil {
			m["change.pg_cpu_s"] = pgCPU() - pgCPU0
		}
		m["change.new"] = float64(res.sum(func(r refreshResult) int { return r.New }))
	}
	stored, err := d.storedArticles()
	if err != nil {
		return nil, err
	}
	if fi, err := os.Stat(d.dbPath); err == nil && stored > 0 {
		m["db_bytes_per_article"] = float64(fi.Size()) / float64(stored)
	} else if d.pg != nil && stored > 0 {
		m["db_bytes_per_article"] = d.metric("tributary_database_bytes") / float64(stored)
	}
	m["stored_articles"] = float64(stored)
	m["grouped"] = d.metric("tributary_story_merges_total")
	m["full.entries_per_cpu_s"] = m["full.entries"] / m["full.cpu_s"]
	if o.quick || o.skipOutput {
		return m, nil
	}
	// Ceiling: gofeed on the same feed bytes, one goroutine.
	mbps, itemsps, err := gofeedCeiling(farmAddr, o.feeds)
	if err != nil {
		return nil, err
	}
	m["ceil.gofeed_mb_s"], m["ceil.gofeed_items_s"] = mbps, itemsps

	if err := measureOutput(m, o, d.public+"/feeds/all.rss", dir); err != nil {
		return nil, err
	}
	return m, nil
}

// startFarm starts the built-in farm, unless -farm names one (then fm is nil); stop stops it.
func startFarm(o options) (fm *farm, addr string, stop func(), err error) {
	if o.farmAddr != "" {
		return nil, o.farmAddr, func() {}, nil
	}
	fm = newFarm(o.feeds, o.items, o.bodyBytes, o.dup, o.near, o.lang)
	addr, stop, err = fm.listen()
	return fm, addr, stop, err
}

// round304Only starts the daemon on a copy of o.fromDB, whose sources were all fetched from a farm
// like this one (same feeds, same ETags), and measures one all-304 round: the figure of issue 16 at
// 10,000 sources, without the quarter of an hour of CPU its full refresh takes on a loaded machine.
func round304Only(o options, dir, farmAddr string) (map[string]float64, error) {
	if err := copyFile(filepath.Join(dir, "tributary.db"), o.fromDB); err != nil {
		return nil, err
	}
	d, err := startDaemon(o, dir, farmAddr, o.feeds, nil)
	if err != nil {
		return nil, err
	}
	defer d.stop()
	m := map[string]float64{"startup_s": d.readyAt.Sub(d.startedAt).Seconds()}
	var profiled chan error
	if o.profile != "" {
		profiled = d.profile(filepath.Join(o.profile, filepath.Base(dir)+"-304.pprof"), 10, "")
	}
	wall, cpu, res, err := d.refresh()
	if err != nil {
		return nil, err
	}
	if err := wait(profiled); err != nil {
		return nil, err
	}
	m["r304.wall_s"], m["r304.cpu_s"] = wall, cpu
	m["r304.not_modified"] = float64(res.count("not_modified"))
	m["peak_rss_mib"] = float64(d.hwm()) / (1 << 20)
	return m, nil
}

// copyFile copies src to a new file dst.
func copyFile(dst, src string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	_, err = io.Copy(out, in)
	if err == nil {
		// Written to disk before the daemon starts: the kernel's writeback of a 2 GB copy would
		// otherwise run during the round and be measured as the daemon's fdatasyncs.
		err = out.Sync()
	}
	return errors.Join(err, out.Close())
}

// measureOutput puts into m the load the daemon's output at feedURL takes, then the same bytes
// from a bare server (the ceiling).
func measureOutput(m map[string]float64, o options, feedURL, dir string) error {
	plain, gz, etag, err := fetchOutput(feedURL)
	if err != nil {
		return err
	}
	m["out.plain_bytes"], m["out.gzip_bytes"] = float64(len(plain)), float64(len(gz))
	for _, k := range loadKinds {
		m["out."+k.name+"_rps"] = load(feedURL, k.header(etag), o.conns, o.dur)
	}
	bare, err := startBare(dir, plain, gz, etag)
	if err != nil {
		return err
	}
	defer bare.stop()
	for _, k := range loadKinds {
		m["ceil.bare_"+k.name+"_rps"] = load(bare.url, k.header(etag), o.conns, o.dur)
	}
	return nil
}

// loadKinds are the three output measurements: plain, gzip, and conditional (304).
var loadKinds = []struct {
	name   string
	header func(etag string) http.Header
}{
	{"plain", func(string) http.Header { return http.Header{} }},
	{"gzip", func(string) http.Header { return http.Header{"Accept-Encoding": {"gzip"}} }},
	{"304", func(etag string) http.Header {
		return http.Header{"Accept-Encoding": {"gzip"}, "If-None-Match": {etag}}
	}},
}

// daemon is the real tributary process.
type daemon struct {
	cmd                *exec.Cmd
	admin, public      string
	dbPath             string
	client             *http.Client
	startedAt, readyAt time.Time
	cg                 *memCgroup  // nil unless -memory-limit-mib
	pg                 *pgDatabase // the run's database when the backend is postgres
	// pgCPUStart is pgCPU() when the database was created, before the daemon started: the full
	// refresh's PostgreSQL CPU counts the schema's creation too, as the daemon's counts its start.
	pgCPUStart float64
}

func freePort() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}

// startDaemon writes a config with n sources on farmAddr (or the given source names, when
// names is set) and starts the binary; it returns when /readyz answers on the admin listener.
func startDaemon(o options, dir, farmAddr string, n int, names []string) (*daemon, error) {
	pub, err := freePort()
	if err != nil {
		return nil, err
	}
	adm, err := freePort()
	if err != nil {
		return nil, err
	}
	var b strings.Builder
	storage := "path = \"tributary.db\""
	var pgDB *pgDatabase
	switch {
	case o.pgDB != nil: // shared with other nodes: the caller drops it
		storage = fmt.Sprintf("backend = \"postgres\"\ndsn = %q", o.pgDB.dsn)
	case o.pgOn:
		if pgDB, err = createDatabase(o.postgres); err != nil {
			return nil, err
		}
		storage = fmt.Sprintf("backend = \"postgres\"\ndsn = %q", pgDB.dsn)
	}
	fmt.Fprintf(&b, "[server]\nlisten = %q\nadmin_listen = %q\npprof = true\n[storage]\n%s\nretention = \"0\"\nmax_articles_per_source = 0\n", pub, adm, storage)
	fmt.Fprintf(&b, "[fetch]\nconcurrency = %d\nper_host = %d\ndefault_schedule = \"@every 24h\"\n[log]\nlevel = \"warn\"\nformat = \"text\"\n", o.concurrency, o.perHost)
	fmt.Fprintf(&b, "[dedup]\nenabled = %v\n", o.dedupOn)
	b.WriteString("[[output]]\nname = \"all\"\n")
	if names == nil {
		for i := range n {
			fmt.Fprintf(&b, "[[source]]\nname = \"f%d\"\nurl = \"http://%s/feed/%d.xml\"\n", i, farmAddr, i)
		}
	} else {
		for _, name := range names {
			fmt.Fprintf(&b, "[[source]]\nname = %q\nurl = \"http://%s/feed/0.xml\"\n", name, farmAddr)
		}
	}
	cfg := filepath.Join(dir, "config.toml")
	if err := os.WriteFile(cfg, []byte(b.String()), 0o644); err != nil {
		return nil, err
	}
	logf, err := os.Create(filepath.Join(dir, "daemon.log"))
	if err != nil {
		return nil, err
	}
	d := &daemon{admin: "http://" + adm, public: "http://" + pub, dbPath: filepath.Join(dir, "tributary.db"),
		client: &http.Client{Timeout: 15 * time.Minute}, pg: pgDB}
	if pgDB != nil {
		d.pgCPUStart = pgCPU()
	}
	d.cmd = exec.Command(o.bin, "serve", "--config", cfg)
	if o.memLimit > 0 {
		if d.cg, err = newMemCgroup(o.memLimit); err != nil {
			return nil, err
		}
		// The shell joins the cgroup, then becomes the daemon (same PID): nothing is charged
		// elsewhere first.
		d.cmd = exec.Command("/bin/sh", "-c", `echo $$ > "$0" && exec "$@"`, d.cg.procsFile(), o.bin, "serve", "--config", cfg)
	}
	d.cmd.Stdout, d.cmd.Stderr = logf, logf
	d.startedAt = time.Now()
	if err := d.cmd.Start(); err != nil {
		return nil, err
	}
	exited := make(chan struct{})
	go func() { d.cmd.Wait(); close(exited) }()
	for {
		select {
		case <-exited:
			return nil, fmt.Errorf("the daemon exited: see %s", logf.Name())
		default:
		}
		resp, err := http.Get(d.admin + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				d.readyAt = time.Now()
				return d, nil
			}
		}
		time.Sleep(2 * time.Millisecond)
		if time.Since(d.startedAt) > 60*time.Second {
			d.stop()
			return nil, errors.New("the daemon was not ready within 60 s")
		}
	}
}

func (d *daemon) stop() {
	d.cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan struct{})
	go func() { d.cmd.Process.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(15 * time.Second):
		d.cmd.Process.Kill()
		<-done
	}
	if d.cg != nil {
		d.cg.remove()
	}
	if d.pg != nil {
		d.pg.drop()
	}
}

// cpu is the daemon's utime+stime in seconds.
func (d *daemon) cpu() float64 { return procCPU(d.cmd.Process.Pid) }

func procCPU(pid int) float64 {
	ut, st := procTimes(pid)
	return ut + st
}

// sysCPU is the daemon's stime alone, in seconds: on the benchmark's VMs mostly page faults (a
// first touch of a 4 KiB page costs ~18 µs there), so it tells memory's cost from computing's.
func (d *daemon) sysCPU() float64 {
	_, st := procTimes(d.cmd.Process.Pid)
	return st
}

// procTimes is a process's utime and stime in seconds.
func procTimes(pid int) (user, sys float64) {
	f := procStat(pid)
	if f == nil {
		return 0, 0
	}
	ut, _ := strconv.ParseFloat(f[11], 64)
	st, _ := strconv.ParseFloat(f[12], 64)
	return ut / 100, st / 100 // USER_HZ is 100 on Linux
}

// procStat returns the fields of /proc/PID/stat after the command name (state first), or nil.
func procStat(pid int) []string {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return nil
	}
	// The command name is in parentheses and may hold spaces.
	return strings.Fields(string(b[bytes.LastIndexByte(b, ')')+2:]))
}

// procFaults is a process's minor page faults so far: on the benchmark's VMs each costs ~11 µs of
// system time for a 4 KiB page (a 2 MiB huge page costs one fault), so they are where system time
// goes.
func procFaults(pid int) int64 {
	f := procStat(pid)
	if f == nil {
		return 0
	}
	n, _ := strconv.ParseInt(f[7], 10, 64)
	return n
}

// hwm is the daemon's peak RSS (VmHWM) in bytes.
func (d *daemon) hwm() int64 { return d.status("VmHWM:") }

// status reads a "kB" field of /proc/PID/status, in bytes (0 when it cannot).
func (d *daemon) status(field string) int64 {
	b, _ := os.ReadFile(fmt.Sprintf("/proc/%d/status", d.cmd.Process.Pid))
	v, _ := procstatus.Field(b, field)
	return v
}

// sampleHeap samples the daemon's anonymous RSS from /proc every 20 ms, which costs the daemon
// nothing, and go_memstats_heap_alloc_bytes from its /metrics every 5 s at 10,000 sources, in
// proportion below (250 ms at 500 or fewer): a scrape's cost grows with the sources (a dozen
// series each): 6 MB of text at 10,000 sources, ~10 ms of CPU since the per-source series are
// written by hand (0.4 CPU-s and ~48 MB allocated through client_golang before 2026-12-06), where
// one every 500 ms took a fifth of the daemon's CPU in the full refresh (profile of issue 16) and made
// entries per CPU-second fall with the number of sources for the benchmark's sake; so scrapes
// cost about 1 % of a core at any size. A fixed 5 s saw a 500-source refresh, now under 3 s, only
// at its start. A real Prometheus scrapes every 15 s or more. The returned func stops sampling
// and gives the maxima seen.
func (d *daemon) sampleHeap(feeds int) func() (heap, anon int64) {
	const tick = 20 * time.Millisecond
	scrapeEvery := max(int(5*time.Second/tick)*feeds/10000, int(250*time.Millisecond/tick))
	var peak, peakAnon atomic.Int64
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(tick)
		defer t.Stop()
		for i := 0; ; i++ {
			if i%scrapeEvery == 0 {
				if v := d.metric("go_memstats_heap_alloc_bytes"); int64(v) > peak.Load() {
					peak.Store(int64(v))
				}
			}
			if v := d.status("RssAnon:"); v > peakAnon.Load() {
				peakAnon.Store(v)
			}
			select {
			case <-stop:
				return
			case <-t.C:
			}
		}
	}()
	return func() (int64, int64) { close(stop); <-done; return peak.Load(), peakAnon.Load() }
}

// profile records the daemon's CPU profile for the next seconds into file, from its admin
// /debug/pprof, and then, unless heapFile is "", its heap profile (after a collection) into
// heapFile; the channel gets the outcome.
func (d *daemon) profile(file string, seconds int, heapFile string) chan error {
	out := make(chan error, 1)
	go func() {
		err := d.pprofTo(file, fmt.Sprintf("profile?seconds=%d", seconds))
		if err == nil && heapFile != "" {
			err = d.pprofTo(heapFile, "heap?gc=1")
		}
		out <- err
	}()
	time.Sleep(10 * time.Millisecond) // let the profile start before the round does
	return out
}

// trace records the daemon's execution trace for the next seconds into file, from its admin
// /debug/pprof; the channel gets the outcome.
func (d *daemon) trace(file string, seconds int) chan error {
	out := make(chan error, 1)
	go func() { out <- d.pprofTo(file, fmt.Sprintf("trace?seconds=%d", seconds)) }()
	return out
}

// wait returns the first error of the recordings started by profile and trace; a nil channel is
// one that was not started.
func wait(recordings ...chan error) error {
	var first error
	for _, ch := range recordings {
		if ch != nil {
			first = cmp.Or(first, <-ch)
		}
	}
	return first
}

// pprofTo saves the daemon's /debug/pprof/WHAT into file.
func (d *daemon) pprofTo(file, what string) error {
	resp, err := http.Get(d.admin + "/debug/pprof/" + what)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("/debug/pprof/%s: %s", what, resp.Status)
	}
	f, err := os.Create(file)
	if err != nil {
		return err
	}
	_, err = io.Copy(f, resp.Body)
	return errors.Join(err, f.Close())
}

func (d *daemon) metric(name string) float64 {
	resp, err := http.Get(d.admin + "/metrics")
	if err != nil {
		return 0
	}
	defer resp.Body.Close()
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), name+" "); ok {
			f, _ := strconv.ParseFloat(v, 64)
			return f
		}
	}
	return 0
}

// metricSum sums every sample whose line starts with prefix (all label sets of one metric).
func (d *daemon) metricSum(prefix string) float64 {
	resp, err := http.Get(d.admin + "/metrics")
	if err != nil {
		return 0
	}
	defer resp.Body.Close()
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var sum float64
	for sc.Scan() {
		if line := sc.Text(); strings.HasPrefix(line, prefix) {
			f, _ := strconv.ParseFloat(line[strings.LastIndexByte(line, ' ')+1:], 64)
			sum += f
		}
	}
	return sum
}

func (d *daemon) storedArticles() (int, error) {
	return int(d.metric("tributary_articles_stored")), nil
}

type refreshResult struct {
	Source    string `json:"source"`
	Status    string `json:"status"`
	New       int    `json:"new"`
	Updated   int    `json:"updated"`
	Merged    int    `json:"merged"`
	Unchanged int    `json:"unchanged"`
	Error     string `json:"error"`
}

type refreshResponse struct {
	Results []refreshResult `json:"results"`
	Failed  int             `json:"failed"`
}

func (r refreshResponse) sum(f func(refreshResult) int) int {
	n := 0
	for _, x := range r.Results {
		n += f(x)
	}
	return n
}

func (r refreshResponse) count(status string) int {
	return r.sum(func(x refreshResult) int {
		if x.Status == status {
			return 1
		}
		return 0
	})
}

// refresh triggers a refresh of every source through the admin API and waits for it.
func (d *daemon) refresh() (wall, cpu float64, res refreshResponse, err error) {
	c0 := d.cpu()
	t0 := time.Now()
	resp, err := d.client.Post(d.admin+"/api/refresh?timeout=10m", "application/json", nil)
	if err != nil {
		return 0, 0, res, err
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(&res); err != nil {
		return 0, 0, res, err
	}
	if resp.StatusCode != 200 {
		return 0, 0, res, fmt.Errorf("refresh: HTTP %d", resp.StatusCode)
	}
	if err := d.waitGaveUp(&res); err != nil {
		return 0, 0, res, err
	}
	wall = time.Since(t0).Seconds()
	cpu = d.cpu() - c0
	if res.Failed > 0 {
		for _, r := range res.Results {
			if r.Status == "error" {
				fmt.Fprintf(os.Stderr, "warning: %d sources failed, e.g. %s: %s\n", res.Failed, r.Source, r.Error)
				break
			}
		}
	}
	return wall, cpu, res, nil
}

// waitGaveUp finishes a refresh that outlasted the admin API's longest wait (10 minutes: 10,000
// sources on a loaded machine): the refreshes go on, so it polls /api/sources until none runs and
// takes the outcome of each source the answer gave up on from its last status.
func (d *daemon) waitGaveUp(res *refreshResponse) error {
	gaveUp := map[string]int{}
	for i, r := range res.Results {
		if r.Status == "skipped" && strings.HasPrefix(r.Error, "gave up waiting") {
			gaveUp[r.Source] = i
		}
	}
	if len(gaveUp) == 0 {
		return nil
	}
	fmt.Fprintf(os.Stderr, "the refresh outlasted the admin API's wait: polling %d sources until none runs\n", len(gaveUp))
	for {
		var out struct {
			Sources []struct {
				Name       string `json:"name"`
				Running    bool   `json:"running"`
				LastStatus string `json:"last_status"`
			} `json:"sources"`
		}
		resp, err := d.client.Get(d.admin + "/api/sources")
		if err != nil {
			return err
		}
		err = json.NewDecoder(resp.Body).Decode(&out)
		resp.Body.Close()
		if err != nil {
			return err
		}
		running := false
		for _, s := range out.Sources {
			running = running || s.Running
		}
		if !running {
			for _, s := range out.Sources {
				if i, ok := gaveUp[s.Name]; ok {
					res.Results[i].Status, res.Results[i].Error = s.LastStatus, ""
				}
			}
			return nil
		}
		time.Sleep(time.Second)
	}
}

// farmCPU is the built-in farm's CPU: the bench process's own, which is idle otherwise during a
// refresh. An external farm's CPU is not measured.
func farmCPU(f *farm) float64 {
	if f == nil {
		return 0
	}
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}

// gofeedCeiling fetches every feed (plain) and parses each with gofeed on one goroutine.
func gofeedCeiling(addr string, n int) (mbps, itemsps float64, err error) {
	var bodies [][]byte
	for i := range n {
		resp, err := http.Get(fmt.Sprintf("http://%s/feed/%d.xml", addr, i))
		if err != nil {
			return 0, 0, err
		}
		b, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			return 0, 0, err
		}
		bodies = append(bodies, b)
	}
	p := gofeed.NewParser()
	var size, items int
	t0 := time.Now()
	for _, b := range bodies {
		f, err := p.Parse(bytes.NewReader(b))
		if err != nil {
			return 0, 0, fmt.Errorf("gofeed: %w", err)
		}
		size += len(b)
		items += len(f.Items)
	}
	s := time.Since(t0).Seconds()
	return float64(size) / 1e6 / s, float64(items) / s, nil
}

// fetchOutput gets the output's plain and gzip bytes and its ETag.
func fetchOutput(url string) (plain, gz []byte, etag string, err error) {
	tr := &http.Transport{DisableCompression: true}
	c := &http.Client{Transport: tr}
	for _, enc := range []string{"", "gzip"} {
		req, _ := http.NewRequest("GET", url, nil)
		if enc != "" {
			req.Header.Set("Accept-Encoding", enc)
		}
		resp, err := c.Do(req)
		if err != nil {
			return nil, nil, "", err
		}
		b, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			return nil, nil, "", err
		}
		if resp.StatusCode != 200 {
			return nil, nil, "", fmt.Errorf("%s: HTTP %d", url, resp.StatusCode)
		}
		etag = resp.Header.Get("ETag")
		if enc == "" {
			plain = b
		} else {
			if resp.Header.Get("Content-Encoding") != "gzip" {
				return nil, nil, "", fmt.Errorf("%s: no gzip served", url)
			}
			gz = b
		}
	}
	return plain, gz, etag, nil
}

// load runs conns keep-alive connections doing GETs for dur and returns requests per second.
func load(url string, h http.Header, conns int, dur time.Duration) float64 {
	tr := &http.Transport{DisableCompression: true, MaxIdleConnsPerHost: conns, MaxConnsPerHost: conns}
	defer tr.CloseIdleConnections()
	c := &http.Client{Transport: tr}
	var n atomic.Int64
	ctx, cancel := context.WithTimeout(context.Background(), dur)
	defer cancel()
	var wg sync.WaitGroup
	t0 := time.Now()
	for range conns {
		wg.Go(func() {
			for ctx.Err() == nil {
				req, _ := http.NewRequestWithContext(ctx, "GET", url, nil)
				req.Header = h.Clone()
				resp, err := c.Do(req)
				if err != nil {
					continue
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode == 200 || resp.StatusCode == 304 {
					n.Add(1)
				}
			}
		})
	}
	wg.Wait()
	return float64(n.Load()) / time.Since(t0).Seconds()
}

// bare is the ceiling server: this binary re-executed with -serve-bare, so that it runs in a
// process of its own as the daemon does.
type bare struct {
	cmd *exec.Cmd
	url string
}

func startBare(dir string, plain, gz []byte, etag string) (*bare, error) {
	bd := filepath.Join(dir, "bare")
	os.MkdirAll(bd, 0o755)
	addr, err := freePort()
	if err != nil {
		return nil, err
	}
	for name, b := range map[string][]byte{"plain": plain, "gz": gz, "etag": []byte(etag), "addr": []byte(addr)} {
		if err := os.WriteFile(filepath.Join(bd, name), b, 0o644); err != nil {
			return nil, err
		}
	}
	self, err := os.Executable()
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(self, "-serve-bare", bd)
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	b := &bare{cmd: cmd, url: "http://" + addr + "/feeds/all.rss"}
	for range 500 {
		if resp, err := http.Get(b.url); err == nil {
			resp.Body.Close()
			return b, nil
		}
		time.Sleep(10 * time.Millisecond)
	}
	b.stop()
	return nil, errors.New("the bare server did not start")
}

func (b *bare) stop() { b.cmd.Process.Kill(); b.cmd.Wait() }

// bareServer serves the saved bytes with net/http alone: the ETag check, gzip choice and headers
// any output server needs, nothing else.
func bareServer(dir string) {
	read := func(n string) []byte { b, _ := os.ReadFile(filepath.Join(dir, n)); return b }
	plain, gz, etag, addr := read("plain"), read("gz"), string(read("etag")), string(read("addr"))
	http.ListenAndServe(addr, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("ETag", etag)
		h.Set("Content-Type", "application/rss+xml; charset=utf-8")
		h.Set("Vary", "Accept-Encoding")
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		body := plain
		if strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			h.Set("Content-Encoding", "gzip")
			body = gz
		}
		h.Set("Content-Length", strconv.Itoa(len(body)))
		w.Write(body)
	}))
}

// medSum is the median over runs of the sum of the figures keys.
func medSum(runs []map[string]float64, keys ...string) float64 {
	var v []float64
	for _, r := range runs {
		t := 0.0
		for _, k := range keys {
			t += r[k]
		}
		v = append(v, t)
	}
	slices.Sort(v)
	return v[len(v)/2]
}

// printResults prints the median of every figure over the runs, with the ratios to the ceilings.
func printResults(w io.Writer, runs []map[string]float64) {
	med := map[string]float64{}
	for k := range runs[0] {
		var v []float64
		for _, r := range runs {
			v = append(v, r[k])
		}
		slices.Sort(v)
		med[k] = v[len(v)/2]
	}
	line := func(name, format string, args ...any) {
		fmt.Fprintf(w, "  %-34s "+format+"\n", append([]any{name}, args...)...)
	}
	if _, ok := med["full.wall_s"]; !ok { // -from-db
		line("startup (exec to ready)", "%.3f s", med["startup_s"])
		line("304 round wall / CPU", "%.3f s / %.2f CPU-s  (%.0f not modified)", med["r304.wall_s"], med["r304.cpu_s"], med["r304.not_modified"])
		line("peak RSS (VmHWM)", "%.1f MiB", med["peak_rss_mib"])
		return
	}
	if n, ok := med["nodes"]; ok {
		line("nodes", "%.0f on one database: daemon CPU is all of them together, peak RSS the largest one's", n)
	}
	line("full refresh wall", "%.2f s  (%.0f entries, %.0f entries/s, %.0f failed)", med["full.wall_s"], med["full.entries"], med["full.entries_per_s"], med["full.failed"])
	line("startup (exec to ready, empty db)", "%.3f s", med["startup_s"])
	line("full refresh wall / CPU", "%.3f  (median of the runs' ratios; 0.5: both cores busy throughout)", med["full.wall_per_cpu"])
	line("full refresh CPU, daemon", "%.2f CPU-s  (system %.2f, %.0f minor faults; farm %.2f CPU-s%s)", med["full.cpu_s"], med["full.sys_s"], med["full.minflt"], med["full.farm_cpu_s"], map[bool]string{true: ", external farm not measured"}[med["full.farm_cpu_s"] == 0])
	if _, ok := med["full.pg_cpu_s"]; ok {
		line("full refresh CPU, PostgreSQL", "%.2f CPU-s  (daemon + PostgreSQL %.2f CPU-s; 304 round %.2f, change round %.2f)",
			med["full.pg_cpu_s"], medSum(runs, "full.cpu_s", "full.pg_cpu_s"), med["r304.pg_cpu_s"], med["change.pg_cpu_s"])
	}
	if _, ok := med["ceil.gofeed_items_s"]; ok {
		line("entries per daemon CPU-s", "%.0f  = %.2f × gofeed parse alone (%.0f items/s, %.1f MB/s per core)",
			med["full.entries_per_cpu_s"], med["full.entries_per_cpu_s"]/med["ceil.gofeed_items_s"], med["ceil.gofeed_items_s"], med["ceil.gofeed_mb_s"])
	} else { // -quick, -skip-output: the gofeed ceiling was not measured
		line("entries per daemon CPU-s", "%.0f", med["full.entries_per_cpu_s"])
	}
	line("304 round wall / CPU", "%.3f s / %.2f CPU-s  (%.0f not modified)", med["r304.wall_s"], med["r304.cpu_s"], med["r304.not_modified"])
	if _, ok := med["change.wall_s"]; ok {
		line("change round wall / CPU", "%.3f s / %.2f CPU-s  (%.0f new; %.3f of the full refresh's wall, %.3f of its CPU: medians of the runs' ratios)",
			med["change.wall_s"], med["change.cpu_s"], med["change.new"], med["change.wall_share"], med["change.cpu_share"])
	}
	if _, ok := med["nodes"]; ok {
		line("peak RSS (VmHWM)", "%.1f MiB  (the largest node's)", med["peak_rss_mib"])
	} else {
		line("peak RSS (VmHWM)", "%.1f MiB  (anon peak sampled %.1f MiB; file-backed now %.1f MiB: the mmapped db)", med["peak_rss_mib"], med["peak_rss_anon_mib"], med["rss_file_mib"])
		line("peak Go heap (sampled)", "%.1f MiB", med["peak_heap_mib"])
	}
	if _, ok := med["cgroup.limit_mib"]; ok {
		line("memory cgroup, full refresh", "peak %.1f MiB charged (limit %.0f MiB, page cache included), %.0f OOM kills", med["cgroup.peak_mib"], med["cgroup.limit_mib"], med["cgroup.oom_kills"])
	}
	line("database bytes per article", "%.0f  (%.0f articles)", med["db_bytes_per_article"], med["stored_articles"])
	if _, ok := med["out.plain_bytes"]; !ok {
		return // -quick
	}
	for _, k := range loadKinds {
		o, c := med["out."+k.name+"_rps"], med["ceil.bare_"+k.name+"_rps"]
		line("output "+k.name+" req/s", "%.0f  = %.2f × bare net/http (%.0f)", o, o/c, c)
	}
	line("output bytes plain / gzip", "%.0f / %.0f", med["out.plain_bytes"], med["out.gzip_bytes"])
}
