package main

import (
	"bufio"
	"bytes"
	"log/slog"
	"os"
	"path"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
)

// The Go runtime knows nothing of a container's or a systemd unit's memory limit (MemoryMax=): left
// alone, the heap grows to twice what is live and the kernel, not the garbage collector, is what
// stops it. Like Prometheus's auto-gomemlimit, tributary gives the runtime a soft limit of 90 % of
// the memory cgroup's limit, so that the collector works harder as the limit nears, and leaves the
// rest to page cache (the mmapped database). GOMEMLIMIT, when set, wins.

// memoryLimitShare is the part of the cgroup limit given to the Go runtime.
const memoryLimitShare = 0.9

// applyMemoryLimit sets the runtime's soft memory limit from the cgroup of this process, unless
// GOMEMLIMIT is set or no limit applies, and logs what it did.
func applyMemoryLimit(logger *slog.Logger) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	self, err := os.ReadFile("/proc/self/cgroup")
	if err != nil {
		return
	}
	limit, ok := cgroupMemoryLimit("/sys/fs/cgroup", self)
	if !ok {
		return
	}
	soft := int64(float64(limit) * memoryLimitShare)
	debug.SetMemoryLimit(soft)
	logger.Info("memory limit from the cgroup", "cgroup_limit_bytes", limit, "go_memory_limit_bytes", soft)
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
