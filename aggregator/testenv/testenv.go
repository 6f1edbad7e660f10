// Package testenv is where tests find what Go alone does not give them: the shared directory beside
// the repository (../shared: the third-party feed corpus, the real posts) and outside programs
// (jing, python3-feedparser, systemd-analyze, curl). A test that lacks one is skipped with one line
// saying how to provide it, so that `go test ./...` passes on a plain clone; where
// TRIBUTARY_REQUIRE_TOOLS is set (.ci/run sets it after installing everything) it fails instead,
// so CI cannot go green on a test that did not run. It also holds the settable Clock that the
// store's and the refresher's tests share.
//
// Only tests import it.
package testenv

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// The environment variables tests read.
const (
	// EnvShared names the shared directory when it is not ../shared beside the repository (a
	// git worktree elsewhere, a clone in /tmp). A relative value is relative to the repository root.
	EnvShared = "TRIBUTARY_SHARED"
	// EnvRequire, when non-empty, turns every skip of this package into a failure.
	EnvRequire = "TRIBUTARY_REQUIRE_TOOLS"
)

// Shared returns the path of rel (slash-separated, e.g. "corpus/manifest.tsv") inside the shared
// directory, or skips tb when it is not there.
func Shared(tb testing.TB, rel string) string {
	tb.Helper()
	dir, err := sharedDir()
	if err != nil {
		Missing(tb, fmt.Sprintf("needs ../shared/%s (%v): put the shared directory beside the repository or set %s=/path/to/shared", rel, err, EnvShared))
	}
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		Missing(tb, fmt.Sprintf("needs ../shared/%s (not at %s): put the shared directory beside the repository or set %s=/path/to/shared", rel, p, EnvShared))
	}
	return p
}

// HasShared returns the path of rel inside the shared directory and whether it is there, for tests,
// fuzz seeds and benchmarks that add shared inputs to their own when they can (.ci/run makes sure
// they can).
func HasShared(rel string) (string, bool) {
	dir, err := sharedDir()
	if err != nil {
		return "", false
	}
	p := filepath.Join(dir, filepath.FromSlash(rel))
	_, err = os.Stat(p)
	return p, err == nil
}

// Glob returns the files of the shared directory that match the patterns (filepath.Glob syntax,
// slash-separated, relative to it, e.g. "corpus/feedparser/encoding/*.xml"), or none when it is not
// there: for fuzz seeds and benchmarks that take shared inputs as a bonus.
func Glob(patterns ...string) []string {
	dir, err := sharedDir()
	if err != nil {
		return nil
	}
	var out []string
	for _, p := range patterns {
		m, _ := filepath.Glob(filepath.Join(dir, filepath.FromSlash(p)))
		out = append(out, m...)
	}
	return out
}

// Tool returns the path of the program name, or skips tb saying how to install it (install is the
// command, e.g. "apt-get install -y jing").
func Tool(tb testing.TB, name, install string) string {
	tb.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		Missing(tb, fmt.Sprintf("needs %s (%s)", name, install))
	}
	return p
}

// Program returns path, the absolute path of an outside program that is not on PATH (Debian puts
// PostgreSQL's under /usr/lib/postgresql/<major>/bin), or skips tb saying how to install it.
func Program(tb testing.TB, path, install string) string {
	tb.Helper()
	if err := ProgramAt(path); err != nil {
		Missing(tb, fmt.Sprintf("needs %s (%s)", path, install))
	}
	return path
}

// ProgramAt reports whether path is an executable file, for code that decides once (a TestMain) and
// skips each test later.
func ProgramAt(path string) error {
	fi, err := os.Stat(path)
	if err != nil {
		return err
	}
	if fi.IsDir() || fi.Mode()&0o111 == 0 {
		return fmt.Errorf("%s is not an executable file", path)
	}
	return nil
}

// Missing skips tb with msg, one line saying what the test needs and how to provide it; or fails
// it when TRIBUTARY_REQUIRE_TOOLS is set.
func Missing(tb testing.TB, msg string) {
	tb.Helper()
	if os.Getenv(EnvRequire) != "" {
		tb.Fatalf("%s [%s is set: required here]", msg, EnvRequire)
	}
	tb.Skip(msg)
}

// sharedDir is $TRIBUTARY_SHARED, else the directory shared beside the repository root.
func sharedDir() (string, error) {
	root, err := repoRoot()
	if err != nil {
		return "", err
	}
	if dir := os.Getenv(EnvShared); dir != "" {
		if !filepath.IsAbs(dir) {
			dir = filepath.Join(root, dir)
		}
		return dir, nil
	}
	return filepath.Join(filepath.Dir(root), "shared"), nil
}

// repoRoot is the nearest directory above the working directory (a test's package directory)
// that holds go.mod.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory")
		}
		dir = parent
	}
}
