package main

import (
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestExportStamp: the daemon replaces an export's stamp after a sync that changed posts — what a
// systemd path unit watches to build the site — and leaves it alone after one that changed nothing.
func TestExportStamp(t *testing.T) {
	src := newFixtureServer(t, map[string]string{"/cls/depth/1000": "cls-depth.xml"})
	dir := t.TempDir()
	stamp := filepath.Join(dir, "state", "hexo.stamp")
	os.MkdirAll(filepath.Dir(stamp), 0o700)
	cfgPath := writeConfig(t, dir, fmt.Sprintf(depthSource, src.URL)+`
[[export]]
dir = "site/source/_posts"
stamp = "state/hexo.stamp"
`)
	app := startApp(t, cfgPath)
	app.refreshAll(t)
	waitUntil(t, func() bool { _, err := os.Stat(stamp); return err == nil })
	if _, err := os.Stat(filepath.Join(dir, "site", "source", "_posts", seedPost)); err != nil {
		t.Fatalf("the stamp was written before the posts: %v", err)
	}
	first, err := os.Stat(stamp)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := time.Parse(time.RFC3339Nano, strings.TrimSpace(mustRead(t, stamp))); err != nil {
		t.Errorf("the stamp does not hold the time of the sync: %v", err)
	}

	// A sync that changes nothing leaves the stamp as it is: the path unit does not rebuild.
	code, body := adminDo(t, "POST", app.admin+"/api/export", "", map[string]string{"Content-Type": "application/json"})
	var resp struct{ Exports []exportResponse }
	if code != 200 || jsonUnmarshal(body, &resp) != nil || len(resp.Exports) != 1 || resp.Exports[0].Report.Changed() {
		t.Fatalf("export with nothing new: %d %s, want nothing changed", code, body)
	}
	if now, err := os.Stat(stamp); err != nil || !os.SameFile(first, now) {
		t.Errorf("a sync that changed nothing replaced the stamp (%v)", err)
	}

	// A headline edit changes posts: a new stamp.
	src.set("/cls/depth/1000", "cls-depth-edited.xml")
	app.refreshAll(t)
	waitUntil(t, func() bool { now, err := os.Stat(stamp); return err == nil && !os.SameFile(first, now) })
	if left, _ := filepath.Glob(filepath.Join(dir, "state", ".hexo.stamp.*")); len(left) > 0 {
		t.Errorf("temporary stamps left behind: %v", left)
	}
}

// TestExportStampMissingDir: a stamp that cannot be written is logged with its path, and the
// posts are written all the same.
func TestExportStampMissingDir(t *testing.T) {
	src := newFixtureServer(t, map[string]string{"/cls/depth/1000": "cls-depth.xml"})
	dir := t.TempDir()
	cfgPath := writeConfig(t, dir, fmt.Sprintf(depthSource, src.URL)+`
[[export]]
dir = "site/source/_posts"
stamp = "no-such-dir/hexo.stamp"
`)
	var log syncBuffer
	app := startAppWith(t, cfgPath, slog.New(slog.NewTextHandler(&log, nil)))
	app.refreshAll(t)
	waitUntil(t, func() bool { return strings.Contains(log.String(), "export stamp not written") })
	if !strings.Contains(log.String(), filepath.Join(dir, "no-such-dir", "hexo.stamp")) {
		t.Errorf("the warning does not name the stamp:\n%s", log.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "site", "source", "_posts", seedPost)); err != nil {
		t.Errorf("the posts were not written: %v", err)
	}
}

func TestWriteStamp(t *testing.T) {
	now := time.Date(2026, 12, 4, 19, 0, 0, 0, time.UTC)
	tests := []struct {
		name    string
		prepare func(dir string) string // returns the stamp path
		wantErr string
	}{
		{"new", func(dir string) string { return filepath.Join(dir, "s.stamp") }, ""},
		{"existing", func(dir string) string { return writeFile(t, dir, "s.stamp", "old\n") }, ""},
		{"a symlink is replaced, not followed", func(dir string) string {
			victim := writeFile(t, dir, "victim", "keep\n")
			os.Symlink(victim, filepath.Join(dir, "s.stamp"))
			return filepath.Join(dir, "s.stamp")
		}, ""},
		{"missing directory", func(dir string) string { return filepath.Join(dir, "nope", "s.stamp") }, "nope/s.stamp"},
		{"a directory in its place", func(dir string) string {
			os.Mkdir(filepath.Join(dir, "s.stamp"), 0o755)
			return filepath.Join(dir, "s.stamp")
		}, "s.stamp"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			stamp := tt.prepare(dir)
			err := writeStamp(stamp, now)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Errorf("error %v, want one naming %q", err, tt.wantErr)
				}
			} else if err != nil {
				t.Fatal(err)
			}
			if b, err := os.ReadFile(filepath.Join(dir, "victim")); err == nil && string(b) != "keep\n" {
				t.Errorf("the stamp wrote through a symlink: victim holds %q", b)
			}
			if tt.wantErr == "" {
				if fi, err := os.Lstat(stamp); err != nil || !fi.Mode().IsRegular() || mustRead(t, stamp) != "2026-12-04T19:00:00Z\n" {
					t.Errorf("stamp %v %v %q, want a regular file holding the time", fi, err, mustRead(t, stamp))
				}
			}
			ents, _ := os.ReadDir(dir)
			for _, e := range ents {
				if strings.HasSuffix(e.Name(), ".tmp") {
					t.Errorf("temporary file left: %s", e.Name())
				}
			}
		})
	}
}
