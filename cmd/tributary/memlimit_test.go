package main

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"tributary/aggregator/story"
)

func TestCgroupMemoryLimit(t *testing.T) {
	const v1Unlimited = "9223372036854771712\n"
	tests := []struct {
		name  string
		files map[string]string // under the fake /sys/fs/cgroup
		self  string            // /proc/self/cgroup
		want  int64
		ok    bool
	}{
		{"v2 unit with MemoryMax",
			map[string]string{"cgroup.controllers": "memory\n", "system.slice/tributary.service/memory.max": "268435456\n", "system.slice/memory.max": "max\n"},
			"0::/system.slice/tributary.service\n", 268435456, true},
		{"v2 no limit",
			map[string]string{"cgroup.controllers": "memory\n", "user.slice/memory.max": "max\n"},
			"0::/user.slice\n", 0, false},
		{"v2 the parent's limit is lower",
			map[string]string{"cgroup.controllers": "memory\n", "a/memory.max": "100000000\n", "a/b/memory.max": "200000000\n"},
			"0::/a/b\n", 100000000, true},
		{"v1 memory controller",
			map[string]string{"memory/docker/abc/memory.limit_in_bytes": "104857600\n", "memory/memory.limit_in_bytes": v1Unlimited},
			"12:pids:/docker/abc\n4:memory:/docker/abc\n1:name=systemd:/docker/abc\n", 104857600, true},
		{"v1 unlimited",
			map[string]string{"memory/x/memory.limit_in_bytes": v1Unlimited},
			"4:memory:/x\n", 0, false},
		{"v1 controllers listed together",
			map[string]string{"memory/y/memory.limit_in_bytes": "5000000\n"},
			"3:cpu,memory:/y\n", 5000000, true},
		{"hybrid: v2 under unified",
			map[string]string{"unified/s/memory.max": "7000000\n"},
			"0::/s\n", 7000000, true},
		{"garbage", map[string]string{"memory/z/memory.limit_in_bytes": "lots\n"}, "4:memory:/z\nnonsense\n::\n", 0, false},
		{"nothing readable", nil, "0::/gone\n4:memory:/gone\n", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			for name, content := range tt.files {
				p := filepath.Join(root, name)
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			got, ok := cgroupMemoryLimit(root, []byte(tt.self))
			if got != tt.want || ok != tt.ok {
				t.Errorf("cgroupMemoryLimit = %d, %v; want %d, %v", got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestGoMemoryLimit(t *testing.T) {
	const mib = 1 << 20
	tests := []struct {
		name            string
		cgroup, outside int64
		want            int64
	}{
		{"nothing outside: 60 %, the rest is page cache", 100 * mib, 0, 60 * mib},
		{"a little outside: still 60 %", 100 * mib, 20 * mib, 60 * mib},
		{"the story index's mappings come off 90 %", 80 * mib, 45 * mib, 72*mib - 45*mib},
		{"a 96 MiB cgroup and the index of 500 × 50", 96 * mib, 40 * mib, 96*mib*9/10 - 40*mib},
		{"a negative measure counts as none", 100 * mib, -5, 60 * mib},
		{"never below a quarter", 80 * mib, 70 * mib, 20 * mib},
		{"more outside than the limit", 64 * mib, 200 * mib, 16 * mib},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := goMemoryLimit(tt.cgroup, tt.outside); got != tt.want {
				t.Errorf("goMemoryLimit(%d, %d) = %d, want %d", tt.cgroup, tt.outside, got, tt.want)
			}
		})
	}
}

// TestMemoryLimiterFollowsOutsideMemory: the limit set follows the memory outside the runtime as
// it grows and shrinks, is not set again for a wobble of a few pages, and stays when the measure
// fails.
func TestMemoryLimiterFollowsOutsideMemory(t *testing.T) {
	const mib = 1 << 20
	var outside int64
	var fail error
	var sets []int64
	l := &memoryLimiter{
		cgroup:  128 * mib,
		outside: func() (int64, error) { return outside, fail },
		set:     func(v int64) int64 { sets = append(sets, v); return 0 },
	}
	steps := []struct {
		outside int64
		fail    bool
		want    []int64 // the limits set so far
	}{
		{0, false, []int64{goMemoryLimit(128*mib, 0)}},
		{60 * mib, false, []int64{goMemoryLimit(128*mib, 0), goMemoryLimit(128*mib, 60*mib)}},
		{60*mib + 64<<10, false, nil}, // a wobble: unchanged
		{80 * mib, true, nil},         // unreadable: unchanged
		{10 * mib, false, []int64{goMemoryLimit(128*mib, 0), goMemoryLimit(128*mib, 60*mib), goMemoryLimit(128*mib, 10*mib)}},
	}
	var want []int64
	for i, st := range steps {
		outside, fail = st.outside, nil
		if st.fail {
			fail = errors.New("unreadable")
		}
		l.adjust()
		if st.want != nil {
			want = st.want
		}
		if !slices.Equal(sets, want) {
			t.Fatalf("step %d (outside %d MiB, fail %v): limits set %v, want %v", i, st.outside/mib, st.fail, sets, want)
		}
	}
}

// TestSmallMemorySettings: a process with a small Go memory limit (a small cgroup, or GOMEMLIMIT)
// keeps fewer fetched feeds waiting for the store and commits fewer articles at once; others take
// the refresher's and the store's defaults (0).
func TestSmallMemorySettings(t *testing.T) {
	tests := []struct {
		name            string
		limit           int64
		handOff, groups int
	}{
		{"no limit", math.MaxInt64, 0, 0},
		{"a 1 GiB cgroup", 600 << 20, 0, 0},
		{"just at the line", smallMemory, 0, 0},
		{"a 128 MiB cgroup", 76 << 20, 8, smallGroupArticles},
		{"a 96 MiB cgroup with the story index", 46 << 20, 8, smallGroupArticles},
		{"a 64 MiB cgroup", 38 << 20, 8, smallGroupArticles},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := handOffFeeds(8, tc.limit); got != tc.handOff {
				t.Errorf("handOffFeeds(8, %d) = %d, want %d", tc.limit, got, tc.handOff)
			}
			if got := groupArticles(tc.limit); got != tc.groups {
				t.Errorf("groupArticles(%d) = %d, want %d", tc.limit, got, tc.groups)
			}
		})
	}
}

// TestDedupOptions: an unset [dedup] max_prints bounds the story index by a quarter of the memory
// cgroup's limit, and only then; a value set, 0 included, wins; grouping off stays off.
func TestDedupOptions(t *testing.T) {
	const mib = 1 << 20
	cgroup := func(n int64) func() (int64, bool) { return func() (int64, bool) { return n, n > 0 } }
	tests := []struct {
		name   string
		toml   string
		limit  int64
		want   int
		wantOn bool
	}{
		{"unset, no cgroup limit: no bound", "", 0, 0, true},
		{"unset, the shipped unit's 512 MiB", "", 512 * mib, 512 * mib / 4 / story.BytesPerPrint, true},
		{"unset, 128 MiB", "", 128 * mib, 8192, true},
		{"unset, a tiny cgroup: the least bound", "", 8 * mib, minMaxPrints, true},
		{"0: no bound whatever the limit", "max_prints = 0\n", 128 * mib, 0, true},
		{"a number wins", "max_prints = 50000\n", 128 * mib, 50000, true},
		{"grouping off", "enabled = false\n", 128 * mib, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := ParseConfig("/etc/tributary/config.toml", []byte("[dedup]\n"+tt.toml+"[[output]]\nname = \"all\"\n"))
			if err != nil {
				t.Fatal(err)
			}
			o := dedupOptions(cfg, cgroup(tt.limit))
			if (o != nil) != tt.wantOn {
				t.Fatalf("options %+v, want grouping on %v", o, tt.wantOn)
			}
			if o != nil && o.MaxPrints != tt.want {
				t.Errorf("MaxPrints %d, want %d", o.MaxPrints, tt.want)
			}
			if o != nil && cfg.Dedup.MaxPrints != 0 && tt.toml == "" {
				t.Errorf("the config's options changed: %+v", cfg.Dedup)
			}
		})
	}
}
