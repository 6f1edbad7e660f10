package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// memCgroup is a memory cgroup made for one daemon, so that "fits in N MiB" can be shown rather
// than argued: the kernel charges a cgroup for its processes' anonymous memory and for the page
// cache they bring in (the mmapped database included), and reclaims the cache when the limit is
// near. VmHWM counts every file page the process ever mapped, reclaimable or not; the cgroup's
// limit is what a memory-constrained deployment (systemd's MemoryMax=) enforces.
type memCgroup struct {
	dir string
	v2  bool
}

// newMemCgroup creates a cgroup limited to limit bytes under the first writable hierarchy: cgroup
// v2 (memory.max) or v1 (memory.limit_in_bytes). It fails when neither can be written (no root,
// or a container without delegation).
func newMemCgroup(limit int64) (*memCgroup, error) {
	name := fmt.Sprintf("tributary-bench-%d", os.Getpid())
	candidates := []memCgroup{
		{dir: filepath.Join("/sys/fs/cgroup", name), v2: true},
		{dir: filepath.Join("/sys/fs/cgroup/memory", name)},
	}
	var errs []error
	for _, c := range candidates {
		if c.v2 {
			if _, err := os.Stat("/sys/fs/cgroup/cgroup.controllers"); err != nil {
				continue
			}
		} else if _, err := os.Stat(filepath.Dir(c.dir)); err != nil {
			continue
		}
		if err := os.Mkdir(c.dir, 0o755); err != nil {
			errs = append(errs, err)
			continue
		}
		file := "memory.limit_in_bytes"
		if c.v2 {
			file = "memory.max"
		}
		if err := c.write(file, strconv.FormatInt(limit, 10)); err != nil {
			_ = os.Remove(c.dir)
			errs = append(errs, err)
			continue
		}
		return &c, nil
	}
	if len(errs) == 0 {
		return nil, errors.New("no cgroup memory controller under /sys/fs/cgroup")
	}
	return nil, fmt.Errorf("cannot make a memory cgroup: %w", errors.Join(errs...))
}

func (c *memCgroup) write(file, value string) error {
	return os.WriteFile(filepath.Join(c.dir, file), []byte(value), 0o644)
}

func (c *memCgroup) read(file string) string {
	b, _ := os.ReadFile(filepath.Join(c.dir, file))
	return strings.TrimSpace(string(b))
}

// procsFile is the file a process writes its PID into to join the cgroup: the daemon is started
// through a shell that does so and then execs it, so that all of its memory is charged here.
func (c *memCgroup) procsFile() string { return filepath.Join(c.dir, "cgroup.procs") }

// peak is the most the cgroup was charged, page cache included, in bytes.
func (c *memCgroup) peak() int64 {
	file := "memory.max_usage_in_bytes"
	if c.v2 {
		file = "memory.peak"
	}
	n, _ := strconv.ParseInt(c.read(file), 10, 64)
	return n
}

// ooms is how many processes the kernel killed for the limit.
func (c *memCgroup) ooms() int64 {
	file := "memory.oom_control"
	if c.v2 {
		file = "memory.events"
	}
	for line := range strings.SplitSeq(c.read(file), "\n") {
		if v, ok := strings.CutPrefix(line, "oom_kill "); ok {
			n, _ := strconv.ParseInt(v, 10, 64)
			return n
		}
	}
	return 0
}

// remove deletes the cgroup once its processes are gone.
func (c *memCgroup) remove() { _ = os.Remove(c.dir) }
