package testenv

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// fakeTB records how a helper ended the test it was given.
type fakeTB struct {
	testing.TB
	skipped, failed string
}

func (f *fakeTB) Helper() {}

func (f *fakeTB) Skip(args ...any) {
	f.skipped = fmt.Sprint(args...)
	runtime.Goexit()
}

func (f *fakeTB) Fatalf(format string, args ...any) {
	f.failed = fmt.Sprintf(format, args...)
	runtime.Goexit()
}

// call runs fn on a fakeTB in a goroutine of its own, as testing runs a test, so that Skip and
// Fatalf can end it; it returns the fakeTB and what fn returned.
func call(fn func(testing.TB) string) (*fakeTB, string) {
	f := &fakeTB{}
	var got string
	done := make(chan struct{})
	go func() {
		defer close(done)
		got = fn(f)
	}()
	<-done
	return f, got
}

// sharedTree makes a shared directory holding corpus/manifest.tsv and points TRIBUTARY_SHARED at it.
func sharedTree(t *testing.T) string {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "corpus"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "corpus", "manifest.tsv"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv(EnvShared, dir)
	t.Setenv(EnvRequire, "")
	return dir
}

func TestShared(t *testing.T) {
	dir := sharedTree(t)
	root, err := repoRoot()
	if err != nil {
		t.Fatal(err)
	}
	rel, err := filepath.Rel(root, dir)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, env, rel, require string
		want                    string // the path returned; "" when the test must end
		skip, fail              bool
	}{
		{"found", dir, "corpus/manifest.tsv", "", filepath.Join(dir, "corpus", "manifest.tsv"), false, false},
		{"relative to the repository", rel, "corpus", "", filepath.Join(root, rel, "corpus"), false, false},
		{"missing skips", dir, "realposts", "", "", true, false},
		{"missing fails where required", dir, "realposts", "1", "", false, true},
		{"no such directory", filepath.Join(dir, "nope"), "corpus", "", "", true, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Setenv(EnvShared, c.env)
			t.Setenv(EnvRequire, c.require)
			f, got := call(func(tb testing.TB) string { return Shared(tb, c.rel) })
			if (f.skipped != "") != c.skip || (f.failed != "") != c.fail {
				t.Fatalf("skipped %q, failed %q; want skip %v, fail %v", f.skipped, f.failed, c.skip, c.fail)
			}
			if msg := f.skipped + f.failed; msg != "" {
				checkOneLine(t, msg, "needs ../shared/"+c.rel, EnvShared+"=")
				return
			}
			if got != c.want {
				t.Errorf("Shared = %q, want %q", got, c.want)
			}
		})
	}
}

func TestTool(t *testing.T) {
	t.Setenv(EnvRequire, "")
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	if f, got := call(func(tb testing.TB) string { return Tool(tb, self, "") }); f.skipped+f.failed != "" || got != self {
		t.Errorf("Tool(%s) = %q, skipped %q, failed %q", self, got, f.skipped, f.failed)
	}
	missing := func(tb testing.TB) string { return Tool(tb, "tributary-no-such-tool", "apt-get install -y nothing") }
	f, _ := call(missing)
	checkOneLine(t, f.skipped, "needs tributary-no-such-tool (apt-get install -y nothing)")
	t.Setenv(EnvRequire, "1")
	if f, _ := call(missing); f.failed == "" || f.skipped != "" {
		t.Errorf("with %s set: skipped %q, failed %q; want a failure", EnvRequire, f.skipped, f.failed)
	}
}

// TestProgram: a program at a fixed path (PostgreSQL's, off PATH) is found there; a missing one,
// or a directory, skips with the install line, and fails under TRIBUTARY_REQUIRE_TOOLS.
func TestProgram(t *testing.T) {
	t.Setenv(EnvRequire, "")
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	if f, got := call(func(tb testing.TB) string { return Program(tb, self, "") }); f.skipped+f.failed != "" || got != self {
		t.Errorf("Program(%s) = %q, skipped %q, failed %q", self, got, f.skipped, f.failed)
	}
	for _, path := range []string{filepath.Join(t.TempDir(), "initdb"), t.TempDir()} {
		missing := func(tb testing.TB) string { return Program(tb, path, "apt-get install postgresql") }
		f, _ := call(missing)
		checkOneLine(t, f.skipped, "needs "+path+" (apt-get install postgresql)")
		t.Setenv(EnvRequire, "1")
		if f, _ := call(missing); f.failed == "" || f.skipped != "" {
			t.Errorf("%s with %s set: skipped %q, failed %q; want a failure", path, EnvRequire, f.skipped, f.failed)
		}
		t.Setenv(EnvRequire, "")
	}
}

func TestGlob(t *testing.T) {
	dir := sharedTree(t)
	if got := Glob("corpus/*.tsv", "realposts/*.md"); len(got) != 1 || got[0] != filepath.Join(dir, "corpus", "manifest.tsv") {
		t.Errorf("Glob = %q", got)
	}
	t.Setenv(EnvShared, filepath.Join(dir, "nope"))
	if got := Glob("corpus/*.tsv"); len(got) != 0 {
		t.Errorf("Glob without the directory = %q", got)
	}
}

// checkOneLine checks that msg is one line holding every part of want.
func checkOneLine(t *testing.T, msg string, want ...string) {
	t.Helper()
	if strings.Contains(msg, "\n") {
		t.Errorf("message of more than one line: %q", msg)
	}
	for _, w := range want {
		if !strings.Contains(msg, w) {
			t.Errorf("message %q lacks %q", msg, w)
		}
	}
}
