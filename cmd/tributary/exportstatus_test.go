package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// hexoQuietFailure prints what `hexo generate` prints when a plugin throws: an ERROR line among
// INFO lines, then exit status 0. Its error text carries markup and a terminal escape, as a
// hostile post title could.
const hexoQuietFailure = `#!/bin/sh
echo "INFO  Validating config"
echo "INFO  Start processing"
printf '\033[31mERROR\033[39m Process failed: _posts/x.md <script>alert(1)</script>\n'
echo "INFO  Generated: index.html"
echo "INFO  0 files generated in 12 ms"
exit 0
`

// TestExportStatus: the last run of each [[export]] block — posts changed, the after-command's
// exit status, error lines and output — is in GET /api/exports, `tributary exports`, /metrics and
// the index page; an after-command that exits 0 but printed ERROR lines is "failed".
func TestExportStatus(t *testing.T) {
	src := newFixtureServer(t, map[string]string{"/cls/depth/1000": "cls-depth.xml"})
	dir := t.TempDir()
	for _, site := range []string{"quiet", "loud"} {
		os.MkdirAll(filepath.Join(dir, site, "source", "_posts"), 0o755)
		writeFile(t, filepath.Join(dir, site), "_config.yml", "title: test\n")
	}
	quiet := writeFile(t, dir, "quiet.sh", hexoQuietFailure)
	cfgPath := writeConfig(t, dir, fmt.Sprintf(depthSource, src.URL)+fmt.Sprintf(`
[[output]]
name = "depth"
sources = ["cls-depth"]

[[export]]
format = "hexo"
dir = "quiet/source/_posts"
output = "depth"
after = ["sh", %q]

[[export]]
format = "hexo"
dir = "loud/source/_posts"
after = ["sh", "-c", "echo building; exit 3"]
`, quiet))
	quietDir, loudDir := filepath.Join(dir, "quiet", "source", "_posts"), filepath.Join(dir, "loud", "source", "_posts")

	// Without a daemon nothing has run, and the CLI says so.
	code, out, errOut := runCLI("exports", "--config", cfgPath)
	if lines := strings.Split(strings.TrimSpace(out), "\n"); code != 0 || !strings.Contains(errOut, "no daemon is running") ||
		len(lines) != 3 || !strings.Contains(lines[1], " never ") || !strings.Contains(lines[2], " never ") {
		t.Errorf("exports without a daemon: exit %d, %q, %q; want both blocks never run", code, out, errOut)
	}

	app := startApp(t, cfgPath)
	app.refreshAll(t)
	var resp exportsResponse
	waitUntil(t, func() bool {
		_, body := get(t, app.admin+"/api/exports")
		resp = exportsResponse{}
		if jsonUnmarshal(string(body), &resp) != nil || len(resp.Exports) != 2 {
			return false
		}
		return resp.Exports[0].After != nil && resp.Exports[1].After != nil
	})

	t.Run("api", func(t *testing.T) {
		tests := []struct {
			dir        string
			exit       int
			errorLines int
			lastError  string
			tail       string
		}{
			{quietDir, 0, 1, "ERROR Process failed: _posts/x.md <script>alert(1)</script>", "INFO  0 files generated in 12 ms"},
			{loudDir, 3, 0, "", "building"},
		}
		for i, tt := range tests {
			r := resp.Exports[i]
			// The sync at start, with nothing to export, succeeded; the one that wrote the posts
			// did not, its after-command having failed.
			if r.Dir != tt.dir || r.Status != "failed" || r.Written != 6 || r.LastRun == nil || r.LastChange == nil ||
				(r.LastSuccess != nil && !r.LastSuccess.Before(*r.LastRun)) {
				t.Errorf("export %d: %+v; want %s failed with 6 written and no success since", i, r, tt.dir)
			}
			a := r.After
			if a.ExitCode != tt.exit || a.ErrorLines != tt.errorLines || a.Status != "failed" || !strings.HasSuffix(a.OutputTail, tt.tail) {
				t.Errorf("export %d after-command: %+v; want exit %d, %d error lines, tail ending %q", i, a, tt.exit, tt.errorLines, tt.tail)
			}
			if tt.lastError != "" && (len(a.LastErrors) != 1 || a.LastErrors[0] != tt.lastError) {
				t.Errorf("export %d last errors %q, want [%q] (without the terminal escape)", i, a.LastErrors, tt.lastError)
			}
		}
	})

	cfg := strings.Replace(mustRead(t, cfgPath), `admin_listen = "127.0.0.1:0"`, `admin_listen = "`+app.adminLn.Addr().String()+`"`, 1)
	cliCfg := writeFile(t, t.TempDir(), "config.toml", cfg)
	t.Run("cli", func(t *testing.T) {
		code, out, errOut := runCLI("exports", "--config", cliCfg)
		lines := strings.Split(out, "\n")
		if code != 0 || errOut != "" || !strings.HasPrefix(lines[0], "EXPORT") || !strings.Contains(lines[0], "AFTER") {
			t.Fatalf("exports: exit %d, %q, %q", code, out, errOut)
		}
		for _, want := range []string{"exit 0, 1 error line,", "exit 3, 0 error lines,",
			"printed 1 error line; the last:\n  ERROR Process failed: _posts/x.md <script>alert(1)</script>\n"} {
			if !strings.Contains(out, want) {
				t.Errorf("exports output lacks %q:\n%s", want, out)
			}
		}
		if strings.Count(lines[1], "failed") != 1 || strings.Count(lines[2], "failed") != 1 || strings.ContainsRune(out, '\x1b') {
			t.Errorf("exports rows are not both failed, or carry a terminal escape:\n%q", out)
		}
		code, out, _ = runCLI("exports", "--config", cliCfg, "--json")
		var got exportsResponse
		if code != 0 || jsonUnmarshal(out, &got) != nil || len(got.Exports) != 2 || got.Exports[0].After.ErrorLines != 1 {
			t.Errorf("exports --json: exit %d\n%s", code, out)
		}
	})

	t.Run("metrics", func(t *testing.T) {
		series, text := scrape(t, app.admin)
		for name, want := range map[string]float64{
			fmt.Sprintf(`tributary_export_after_exit_code{export=%q}`, quietDir):        0,
			fmt.Sprintf(`tributary_export_after_error_lines{export=%q}`, quietDir):      1,
			fmt.Sprintf(`tributary_export_failed{export=%q}`, quietDir):                 1,
			fmt.Sprintf(`tributary_export_posts{change="written",export=%q}`, quietDir): 6,
			fmt.Sprintf(`tributary_export_posts{change="removed",export=%q}`, quietDir): 0,
			fmt.Sprintf(`tributary_export_after_exit_code{export=%q}`, loudDir):         3,
			fmt.Sprintf(`tributary_export_after_error_lines{export=%q}`, loudDir):       0,
			fmt.Sprintf(`tributary_export_failed{export=%q}`, loudDir):                  1,
		} {
			if got, ok := series[name]; !ok || got != want {
				t.Errorf("%s = %v (present %v), want %v", name, got, ok, want)
			}
		}
		run, ok := series[fmt.Sprintf(`tributary_export_last_run_timestamp_seconds{export=%q}`, quietDir)]
		if want := unixSeconds(*resp.Exports[0].LastRun); !ok || run != want {
			t.Errorf("last run time of %s: %v (present %v), want %v", quietDir, run, ok, want)
		}
		if success, ok := series[fmt.Sprintf(`tributary_export_last_success_timestamp_seconds{export=%q}`, quietDir)]; ok && success >= run {
			t.Errorf("last success %v not before the failed run %v", success, run)
		}
		cmd := exec.Command(promtool(t), "check", "metrics")
		cmd.Stdin = strings.NewReader(text)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("promtool check metrics: %v\n%s", err, out)
		}
	})

	t.Run("index page", func(t *testing.T) {
		_, body := get(t, app.public+"/")
		doc, err := html.Parse(bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		var table *html.Node
		var scripts int
		walkHTML(doc, func(n *html.Node) {
			if n.Type == html.ElementNode && n.Data == "table" && htmlAttr(n, "id") == "exports" {
				table = n
			}
			if n.Type == html.ElementNode && n.Data == "script" {
				scripts++
			}
		})
		if table == nil || scripts != 0 {
			t.Fatalf("index page: exports table %v, %d script elements:\n%s", table != nil, scripts, body)
		}
		var rows []string
		walkHTML(table, func(n *html.Node) {
			if n.Type == html.ElementNode && n.Data == "tr" && htmlAttr(n, "class") != "" {
				rows = append(rows, htmlText(n))
			}
		})
		if len(rows) != 2 {
			t.Fatalf("%d export rows, want 2: %q", len(rows), rows)
		}
		for _, want := range []string{quietDir, "failed", "6 written", "exit 0", "1 error line",
			"ERROR Process failed: _posts/x.md <script>alert(1)</script>", "INFO  Start processing"} {
			if !strings.Contains(rows[0], want) {
				t.Errorf("the quiet export's row lacks %q: %q", want, rows[0])
			}
		}
		if !strings.Contains(rows[1], "exit 3") || !strings.Contains(rows[1], "failed") {
			t.Errorf("the loud export's row: %q", rows[1])
		}
	})
}

func walkHTML(n *html.Node, f func(*html.Node)) {
	f(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walkHTML(c, f)
	}
}

func htmlAttr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func htmlText(n *html.Node) string {
	var b strings.Builder
	walkHTML(n, func(c *html.Node) {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	})
	return b.String()
}

// TestAfterJudge: the error lines of an after-command's output are those Hexo and Node print on
// failure, counted however the output is cut into writes.
func TestAfterJudge(t *testing.T) {
	tests := []struct {
		name, output string
		errors       int
		last         []string
	}{
		{"clean", "INFO  Start processing\nINFO  Generated: index.html\n", 0, nil},
		{"hexo error", "INFO  x\nERROR Process failed: a.md\nINFO  y\n", 1, []string{"ERROR Process failed: a.md"}},
		{"timestamped", "12:01:02.345 ERROR Render HTML failed\n", 1, []string{"12:01:02.345 ERROR Render HTML failed"}},
		{"fatal without newline", "INFO x\nFATAL Something's wrong", 1, []string{"FATAL Something's wrong"}},
		{"node stack", "TypeError: Cannot read properties of undefined\n    at x (y.js:1:2)\nError: ENOENT\n", 2,
			[]string{"TypeError: Cannot read properties of undefined", "Error: ENOENT"}},
		{"coloured", "\x1b[31mERROR\x1b[39m bad\n", 1, []string{"ERROR bad"}},
		{"not at line start", "INFO  post ERROR.md written\nINFO  ERRORS none\nERRORS: 0\n", 0, nil},
		{"last five kept", strings.Repeat("ERROR a\n", 6) + "ERROR b\n", 7, []string{"ERROR a", "ERROR a", "ERROR a", "ERROR a", "ERROR b"}},
		{"long line cut", "ERROR " + strings.Repeat("x", 2000) + "\n", 1, []string{"ERROR " + strings.Repeat("x", afterLineBytes-6)}},
	}
	for _, tt := range tests {
		for _, chunk := range []int{1, 3, len(tt.output)} {
			t.Run(fmt.Sprintf("%s/%d", tt.name, chunk), func(t *testing.T) {
				var j afterJudge
				for s := tt.output; len(s) > 0; {
					n := min(chunk, len(s))
					j.Write([]byte(s[:n]))
					s = s[n:]
				}
				j.finish()
				if j.errorLines != tt.errors || strings.Join(j.lastErrors, "\n") != strings.Join(tt.last, "\n") {
					t.Errorf("%d error lines %q, want %d %q", j.errorLines, j.lastErrors, tt.errors, tt.last)
				}
			})
		}
	}
}

// FuzzAfterJudge: whatever a command prints, the judge keeps at most afterErrorLinesKept error
// lines, each printable and within afterLineBytes, and judges the same however the output is cut.
func FuzzAfterJudge(f *testing.F) {
	f.Add([]byte("INFO  x\nERROR Process failed: a.md\n\x1b[31mFATAL\x1b[0m y"), 3)
	f.Add([]byte("TypeError: x\r\nError:\xff\x00\n"), 1)
	f.Fuzz(func(t *testing.T, out []byte, chunk int) {
		chunk = 1 + abs(chunk)%64
		var whole, cut afterJudge
		whole.Write(out)
		whole.finish()
		for s := out; len(s) > 0; {
			n := min(chunk, len(s))
			cut.Write(s[:n])
			s = s[n:]
		}
		cut.finish()
		if whole.errorLines != cut.errorLines || strings.Join(whole.lastErrors, "\n") != strings.Join(cut.lastErrors, "\n") {
			t.Fatalf("whole: %d %q; in chunks of %d: %d %q", whole.errorLines, whole.lastErrors, chunk, cut.errorLines, cut.lastErrors)
		}
		if len(whole.lastErrors) > afterErrorLinesKept || len(whole.lastErrors) > whole.errorLines {
			t.Fatalf("%d last errors of %d", len(whole.lastErrors), whole.errorLines)
		}
		for _, l := range append(whole.lastErrors, printable(whole.tail.String())) {
			if printable(l) != l || !utf8.ValidString(l) {
				t.Fatalf("unprintable text kept: %q", l)
			}
		}
		for _, l := range whole.lastErrors {
			if len(l) > afterLineBytes*3 { // a cut byte may become U+FFFD, three bytes
				t.Fatalf("error line of %d bytes", len(l))
			}
		}
	})
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
