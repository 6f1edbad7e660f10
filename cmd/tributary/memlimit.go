package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"log/slog"
	"os"
	"path"
	"path/filepath"
	"runtime/debug"
	rtmetrics "runtime/metrics"
	"strconv"
	"strings"
	"time"

	"tributary/aggregator/story"
	"tributary/cmd/internal/procstatus"
)

// The Go runtime knows nothing of a container's or a systemd unit's memory limit (MemoryMax=): left
// alone, the heap grows to twice what is live and the kernel, not the garbage collector, is what
// stops it. Like Prometheus's auto-gomemlimit, tributary gives the runtime a soft limit of 90 % of
// the memory cgroup's limit, so that the collector works harder as the limit nears, and leaves the
// rest to page cache (the mmapped database). GOMEMLIMIT, when set, wins.
//
// Unlike Prometheus, tributary holds memory the Go runtime does not count: the story index lives in
// anonymous mappings outside the heap (aggregator/story, region), ~1.6 KB per print of the window,
// 40 MiB after a first refresh of 500 feeds × 50 entries. A soft limit of 90 % of the cgroup left
// the heap room that the index had already taken, and the kernel killed the daemon: that refresh
// was OOM-killed at MemoryMax=80M (and 72M, 64M) with the collector never pressed. So the limit
// is kept at 90 % of the cgroup minus the resident memory outside the Go runtime, measured every
// memoryLimitEvery as it grows (and shrinks when the window expires).

// memoryLimitShare is the part of the cgroup limit given to the Go runtime and the memory it does
// not count.
const memoryLimitShare = 0.9

// memoryLimitMaxShare is the most of the cgroup limit the Go runtime gets: the rest is page cache
// for the mmapped database, which a cgroup's limit (systemd's MemoryMax=) counts. With 90 % to the
// runtime, the heap grew to twice what is live before a collection and left the kernel ~10 % for
// the pages that bbolt's inserts read and write: the 500 × 50 refresh in a 64 MiB cgroup (grouping
// off) thrashed, 203,598 major faults and 300 system CPU-s in 2 min before it was stopped, and the
// 10,000 × 50 one in 128 MiB was OOM-killed. With 60 %, and the smaller groups and hand-off of a
// small memory (groupArticles, handOffFeeds), the first completes in 3.7 s and the second in 347 s
// (see the README's Benchmarks). When the story index takes its part (outside), the runtime's share
// is what is left of 90 % as before: the 96 MiB refresh with grouping on keeps its 46 MiB.
const memoryLimitMaxShare = 0.6

// memoryLimitEvery is how often the memory outside the Go runtime is measured: reading
// /proc/self/status and a few runtime metrics costs microseconds, and the story index doubles its
// arrays at most a few times a second.
const memoryLimitEvery = 250 * time.Millisecond

// memoryLimiter keeps the runtime's soft memory limit at its share of the cgroup limit minus the
// memory outside the Go runtime.
type memoryLimiter struct {
	cgroup int64
	// outside measures the resident memory the Go runtime does not count; set applies a limit
	// (debug.SetMemoryLimit). Tests replace both.
	outside func() (int64, error)
	set     func(int64) int64
	last    int64
}

// applyMemoryLimit sets the runtime's soft memory limit from the cgroup of this process, unless
// GOMEMLIMIT is set or no limit applies, and logs what it did. The limiter it returns (nil when it
// set none) keeps the limit up to date in run.
func applyMemoryLimit(logger *slog.Logger) *memoryLimiter {
	if os.Getenv("GOMEMLIMIT") != "" {
		return nil
	}
	limit, ok := processMemoryLimit()
	if !ok {
		return nil
	}
	l := &memoryLimiter{cgroup: limit, outside: outsideGoMemory, set: debug.SetMemoryLimit}
	l.adjust()
	logger.Info("memory limit from the cgroup", "cgroup_limit_bytes", limit, "go_memory_limit_bytes", l.last)
	return l
}

// run adjusts the limit every memoryLimitEvery until ctx is done.
func (l *memoryLimiter) run(ctx context.Context) {
	t := time.NewTicker(memoryLimitEvery)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			l.adjust()
		}
	}
}

// adjust sets the limit from what lies outside the runtime now, unless it moved by less than a
// 64th of the cgroup limit since it was last set (the measure wobbles by pages). When the outside
// memory cannot be read, the limit stays as it is.
func (l *memoryLimiter) adjust() {
	outside, err := l.outside()
	if err != nil && l.last != 0 {
		return
	}
	want := goMemoryLimit(l.cgroup, outside)
	if d := want - l.last; l.last != 0 && d < l.cgroup/64 && -d < l.cgroup/64 {
		return
	}
	l.set(want)
	l.last = want
}

// goMemoryLimit is the Go runtime's share of a cgroup limit when outside bytes are resident outside
// it: 90 % less the outside memory, and at most memoryLimitMaxShare. It never goes below a quarter
// of the limit: past that the cgroup cannot hold the outside memory and a heap anyway, and a
// runtime squeezed to nothing would only collect in vain.
func goMemoryLimit(cgroup, outside int64) int64 {
	share := min(int64(float64(cgroup)*memoryLimitShare)-max(outside, 0), int64(float64(cgroup)*memoryLimitMaxShare))
	return max(share, cgroup/4)
}

// outsideGoMemory returns the process's anonymous resident memory (RssAnon of /proc/self/status)
// that the Go runtime does not account for: what the runtime has mapped, less what it released,
// is its share; the rest is the story index's mappings (and any other mapping made outside the
// runtime). The file-backed mapping of the database is RssFile, not counted: it is page cache,
// which the share leaves room for. The runtime's figure includes a few MiB it mapped and never
// touched, so the measure runs a few MiB low (TestOutsideGoMemory: 60 of 64 MiB): the limit errs
// that much towards the heap.
func outsideGoMemory() (int64, error) {
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, err
	}
	anon, ok := procstatus.Field(status, "RssAnon:")
	if !ok {
		return 0, errors.New("memory limit: no RssAnon in /proc/self/status")
	}
	// The runtime's mapped memory and the part of it given back to the system.
	samples := []rtmetrics.Sample{{Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"}}
	rtmetrics.Read(samples)
	var goResident int64
	if samples[0].Value.Kind() == rtmetrics.KindUint64 && samples[1].Value.Kind() == rtmetrics.KindUint64 {
		goResident = int64(samples[0].Value.Uint64()) - int64(samples[1].Value.Uint64())
	}
	return max(anon-goResident, 0), nil
}

// processMemoryLimit returns the memory cgroup limit that applies to this process, if any.
func processMemoryLimit() (int64, bool) {
	self, err := os.ReadFile("/proc/self/cgroup")
	if err != nil {
		return 0, false
	}
	return cgroupMemoryLimit("/sys/fs/cgroup", self)
}

// cgroupMemoryLimit returns the memory limit that applies to the process whose /proc/PID/cgroup is
// self, read under root (normally /sys/fs/cgroup): the smallest memory.max (cgroup v2) or
// memory.limit_in_bytes (v1) of its cgroup and of every ancestor. ok is false when there is none.
func cgroupMemoryLimit(root string, self []byte) (limit int64, ok bool) {
	sc := bufio.NewScanner(bytes.NewReader(self))
	for sc.Scan() {
		// hierarchy-ID:controller-list:cgroup-path
		parts := strings.SplitN(sc.Text(), ":", 3)
		if len(parts) != 3 || !strings.HasPrefix(parts[2], "/") {
			continue
		}
		var dir, file string
		switch {
		case parts[0] == "0" && parts[1] == "":
			dir, file = root, "memory.max" // v2; in a v1/v2 hybrid, under root/unified
			if _, err := os.Stat(filepath.Join(root, "cgroup.controllers")); err != nil {
				dir = filepath.Join(root, "unified")
			}
		case hasController(parts[1], "memory"):
			dir, file = filepath.Join(root, "memory"), "memory.limit_in_bytes"
		default:
			continue
		}
		for p := path.Clean(parts[2]); ; p = path.Dir(p) {
			if v, found := readLimit(filepath.Join(dir, filepath.FromSlash(p), file)); found && (!ok || v < limit) {
				limit, ok = v, true
			}
			if p == "/" {
				break
			}
		}
	}
	return limit, ok
}

func hasController(list, name string) bool {
	for c := range strings.SplitSeq(list, ",") {
		if c == name {
			return true
		}
	}
	return false
}

// readLimit reads one limit file: "max" (v2) and v1's page-rounded MaxInt64 mean none.
func readLimit(file string) (int64, bool) {
	b, err := os.ReadFile(file)
	if err != nil {
		return 0, false
	}
	v, err := strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64)
	if err != nil || v <= 0 || v >= 1<<62 {
		return 0, false
	}
	return v, true
}

// smallMemory is the Go memory limit under which the refresher keeps fewer fetched feeds waiting
// for the store (handOffFeeds) and the store commits fewer articles at once (groupArticles).
const smallMemory = 200 << 20

// handOffFeeds is the refresher's HandOffFeeds for concurrency workers in a process whose Go
// memory limit is limit (debug.SetMemoryLimit(-1): GOMEMLIMIT, or what applyMemoryLimit set from
// the cgroup). Under smallMemory it is 1 × concurrency: refresh's default of 6 × made the 500 × 50
// benchmark's full refresh 7–8 % faster but raised its peak heap by ~30 MiB; at 3 × (until
// 2026-12-06) the feeds waiting with their articles parsed and normalized held 22.6 MB
// (parseFeed's share) in a heap profile of the 10,000 × 50 refresh in a 128 MiB cgroup, 10.0 MB at
// 1 ×. Otherwise 0, refresh's default.
func handOffFeeds(concurrency int, limit int64) int {
	if limit < smallMemory {
		return concurrency
	}
	return 0
}

// smallGroupArticles is the store's MaxGroupArticles under smallMemory.
const smallGroupArticles = 100

// groupArticles is the store's MaxGroupArticles in a process whose Go memory limit is limit (as for
// handOffFeeds): under smallMemory, smallGroupArticles. At 10,000 sources a commit dirties about a
// page of each of the records, date and category indexes per article, and holds them on the heap
// until it ends: in heap profiles of the 10,000 × 50 refresh in a 128 MiB cgroup, bbolt's nodes
// and page buffers were 22.7 MB with groups of 1,000 articles, 10.1 MB with 200. Otherwise 0, the
// store's default.
func groupArticles(limit int64) int {
	if limit < smallMemory {
		return smallGroupArticles
	}
	return 0
}

// storyIndexShare is the part of a memory cgroup's limit that the story index may take when
// [dedup] max_prints is unset. The index lives outside the Go heap and holds the window's prints
// (~1.6 KB each, up to story.BytesPerPrint while it compacts): 10,000 busy sources put ~465,000
// prints in a 36 h window, ~900 MiB, which any cgroup of a few hundred MiB — the shipped unit's
// MemoryMax=512M included — answered with an OOM kill. A quarter leaves the runtime its 60 % and
// the database's pages the rest (see memoryLimitMaxShare).
const storyIndexShare = 0.25

// storyIndexPrints is the story index's bound in a cgroup of limit bytes.
func storyIndexPrints(limit int64) int {
	return max(minMaxPrints, int(float64(limit)*storyIndexShare)/story.BytesPerPrint)
}

// dedupOptions returns cfg's story grouping options, with the index bounded by the memory cgroup's
// limit (memoryLimit: processMemoryLimit) when [dedup] max_prints is unset and a limit applies.
func dedupOptions(cfg *Config, memoryLimit func() (int64, bool)) *story.Options {
	if cfg.Dedup == nil || !cfg.StoryIndexAuto {
		return cfg.Dedup
	}
	limit, ok := memoryLimit()
	if !ok {
		return cfg.Dedup
	}
	o := *cfg.Dedup
	o.MaxPrints = storyIndexPrints(limit)
	return &o
}
