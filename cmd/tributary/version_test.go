package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"sync"
	"testing"
	"tributary/aggregator/testenv"
)

func TestVersionFrom(t *testing.T) {
	vcs := func(rev, modified string) []debug.BuildSetting {
		return []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: rev}, {Key: "vcs.modified", Value: modified}}
	}
	const rev = "0123456789abcdef0123456789abcdef01234567"
	tests := []struct {
		name        string
		info        *debug.BuildInfo
		override    string
		short, full string
	}{
		{"no build information", nil, "", "devel", "devel"},
		{"go test, no vcs", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}}, "", "devel", "devel (go1.26.8)"},
		{"go install @v1.2.0", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v1.2.0"}}, "", "v1.2.0", "v1.2.0 (go1.26.8)"},
		{"go build in a checkout",
			&debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v0.0.0-20261204173510-0123456789ab"}, Settings: vcs(rev, "false")}, "",
			"v0.0.0-20261204173510-0123456789ab", "v0.0.0-20261204173510-0123456789ab (revision " + rev + ", go1.26.8)"},
		{"a revision but no module version, modified",
			&debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}, Settings: vcs(rev, "true")}, "",
			"devel-0123456789ab-dirty", "devel (revision " + rev + ", modified, go1.26.8)"},
		{"a packager's version", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}}, "1.2.0-3", "1.2.0-3", "1.2.0-3 (go1.26.8)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := versionFrom(tt.info, tt.info != nil, tt.override)
			if v.Short() != tt.short || v.String() != tt.full {
				t.Errorf("Short %q, String %q; want %q, %q", v.Short(), v.String(), tt.short, tt.full)
			}
		})
	}
}

// TestBinaryVersionFromCheckout builds the binary in a clone of this checkout, as an operator's
// `go build` or `go install` does, and checks that `tributary version` and the User-Agent of its
// fetches name the commit. (A git worktree, whose .git is a file, gets no VCS stamp from go: hence
// the clone.)
func TestBinaryVersionFromCheckout(t *testing.T) {
	git := testenv.Tool(t, "git", "apt-get install -y git")
	top, err := exec.Command(git, "-C", "../..", "rev-parse", "--show-toplevel").Output()
	if err != nil {
		t.Skipf("not a git checkout (run the tests in a clone to test the version stamp): %v", err)
	}
	head, err := exec.Command(git, "-C", "../..", "rev-parse", "HEAD").Output()
	if err != nil {
		t.Fatal(err)
	}
	rev := strings.TrimSpace(string(head))
	clone := filepath.Join(t.TempDir(), "src")
	if out, err := exec.Command(git, "clone", "--quiet", "--no-hardlinks", strings.TrimSpace(string(top)), clone).CombinedOutput(); err != nil {
		t.Fatalf("git clone: %v\n%s", err, out)
	}
	bin := filepath.Join(t.TempDir(), "tributary")
	build := exec.Command("go", "build", "-buildvcs=true", "-o", bin, "./cmd/tributary")
	build.Dir = clone
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}

	out, err := exec.Command(bin, "version").Output()
	if err != nil {
		t.Fatal(err)
	}
	// go stamps a pseudo-version of the commit (or the tag) and the commit itself.
	re := regexp.MustCompile(`^tributary (v\S+-` + rev[:12] + `) \(revision ` + rev + `, go1\.\d+\S*\)\n$`)
	m := re.FindStringSubmatch(string(out))
	if m == nil {
		t.Fatalf("tributary version: %q, want it to match %s", out, re)
	}

	var mu sync.Mutex
	var agent string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		agent = r.UserAgent()
		mu.Unlock()
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<rss version="2.0"><channel><title>t</title><item><title>a</title><link>http://example.com/a</link></item></channel></rss>`)
	}))
	defer srv.Close()
	dir := t.TempDir()
	cfg := writeConfig(t, dir, fmt.Sprintf("[[source]]\nname = \"s\"\nurl = %q\n", srv.URL))
	if out, err := exec.Command(bin, "refresh", "--config", cfg).CombinedOutput(); err != nil {
		t.Fatalf("refresh: %v\n%s", err, out)
	}
	mu.Lock()
	defer mu.Unlock()
	if want := "tributary/" + m[1] + " "; !strings.HasPrefix(agent, want) {
		t.Errorf("User-Agent %q, want it to start with %q", agent, want)
	}
}
