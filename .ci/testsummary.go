// Command testsummary reads `go test -json` on stdin and prints what plain `go test` prints (each
// package's ok/FAIL line, the output of failed tests, build errors), then one line counting the
// tests that passed, failed and skipped, and every skipped test with the line it gave as reason.
// It exits 1 when a test failed or skipped or a package did not build: .ci/run installs everything
// the tests need, so a skip there is a test that did not run.
//
//	go test -race -json ./... | go run .ci/testsummary.go
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
)

// event is one line of `go test -json` (see `go doc test2json`).
type event struct {
	Action     string
	Package    string
	Test       string
	Output     string
	ImportPath string // build-output and build-fail events
}

type skip struct{ test, reason string }

func main() {
	os.Exit(run(os.Stdin, os.Stdout))
}

func run(in io.Reader, out io.Writer) int {
	var (
		passed, failed, brokenPackages int
		skipped                        []skip
		buf                            = map[string][]string{} // a running test's output lines
	)
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		var e event
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			fmt.Fprintln(out, sc.Text()) // not an event: go itself speaking
			continue
		}
		key := e.Package + " " + e.Test
		switch {
		case e.Action == "build-output":
			fmt.Fprint(out, e.Output)
		case e.Action == "build-fail":
			brokenPackages++
		case e.Test == "":
			// The package's own lines: "ok  <pkg> 1.2s", "FAIL <pkg>", a panic outside any test.
			if e.Action == "output" && e.Output != "PASS\n" {
				fmt.Fprint(out, e.Output)
			}
			if e.Action == "fail" {
				brokenPackages++
			}
		case e.Action == "output":
			buf[key] = append(buf[key], e.Output)
		case e.Action == "pass":
			passed++
			delete(buf, key)
		case e.Action == "fail":
			failed++
			fmt.Fprint(out, strings.Join(buf[key], ""))
			delete(buf, key)
		case e.Action == "skip":
			skipped = append(skipped, skip{e.Package + " " + e.Test, reason(buf[key])})
			delete(buf, key)
		}
	}
	if err := sc.Err(); err != nil {
		fmt.Fprintf(out, "testsummary: reading go test -json: %v\n", err)
		return 1
	}
	fmt.Fprintf(out, "%d passed, %d failed, %d skipped (tests and subtests)\n", passed, failed, len(skipped))
	if len(skipped) > 0 {
		fmt.Fprintln(out, "skipped, and every test must run here:")
		for _, s := range skipped {
			fmt.Fprintf(out, "  %s: %s\n", s.test, s.reason)
		}
	}
	if failed > 0 || len(skipped) > 0 || brokenPackages > 0 {
		return 1
	}
	return 0
}

// reason is the last line a skipped test logged that is not one of go test's own ("=== RUN",
// "--- SKIP"): the t.Skip message.
func reason(lines []string) string {
	for i := len(lines) - 1; i >= 0; i-- {
		l := strings.TrimSpace(lines[i])
		if l == "" || strings.HasPrefix(l, "=== ") || strings.HasPrefix(l, "--- ") {
			continue
		}
		return l
	}
	return "(no reason given)"
}
