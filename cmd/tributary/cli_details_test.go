package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// cliConfig writes a copy of the config at cfgPath that points the CLI at app's admin port and
// database, so that CLI commands talk to the in-process daemon.
func cliConfig(t *testing.T, app *testApp, cfgPath string) string {
	t.Helper()
	cfg := strings.Replace(mustRead(t, cfgPath), `admin_listen = "127.0.0.1:0"`,
		`admin_listen = "`+app.adminLn.Addr().String()+`"`, 1)
	return writeFile(t, t.TempDir(), "config.toml", strings.Replace(cfg, `path = "data/tributary.db"`, `path = "`+app.Config().DBPath+`"`, 1))
}

func TestHelpGoesToStdout(t *testing.T) {
	for _, cmd := range []string{"serve", "refresh", "sources", "export", "check-config"} {
		for _, flag := range []string{"--help", "-h"} {
			t.Run(cmd+" "+flag, func(t *testing.T) {
				code, out, errOut := runCLI(cmd, flag)
				if code != exitOK || !strings.Contains(out, "Usage: tributary "+cmd) || errOut != "" {
					t.Errorf("exit %d, stdout %q, stderr %q; want exit 0 and the usage on stdout alone", code, out, errOut)
				}
			})
		}
	}
	// A mistake is not a request for help: the usage goes to stderr with exit 2.
	if code, out, errOut := runCLI("refresh", "--bogus"); code != exitUsage || out != "" || !strings.Contains(errOut, "Usage: tributary refresh") {
		t.Errorf("bad flag: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

func TestRefreshFlagsAfterSourcesAndUnknownSources(t *testing.T) {
	src := newFixtureServer(t, map[string]string{"/cls/depth/1000": "cls-depth.xml"})
	cfgPath := writeConfig(t, t.TempDir(), fmt.Sprintf("[[source]]\nname = \"cls-depth\"\nurl = \"%s/cls/depth/1000\"\n[[source]]\nname = \"other\"\nurl = \"%s/other\"\n", src.URL, src.URL))

	code, out, errOut := runCLI("refresh", "cls-depth", "--config", cfgPath, "--json")
	var resp refreshResponse
	if code != exitOK || json.Unmarshal([]byte(out), &resp) != nil || len(resp.Results) != 1 || resp.Results[0].Source != "cls-depth" {
		t.Fatalf("refresh cls-depth --config X --json: exit %d, stdout %q, stderr %q; want JSON of one result", code, out, errOut)
	}

	// After "--" a flag-like word is a source name, and an unknown one lists the valid names.
	code, _, errOut = runCLI("refresh", "--config", cfgPath, "--", "--json")
	if code != exitFailure || !strings.Contains(errOut, `"--json"`) || !strings.Contains(errOut, "the configured sources are cls-depth, other") {
		t.Errorf("unknown source: exit %d, stderr %q; want exit 1 naming it and listing cls-depth, other", code, errOut)
	}

	// The table has a header.
	code, out, _ = runCLI("refresh", "--config", cfgPath, "cls-depth")
	if lines := strings.Split(out, "\n"); code != exitOK || !strings.HasPrefix(lines[0], "SOURCE") || !strings.Contains(lines[0], "STATUS") {
		t.Errorf("refresh table: exit %d\n%s", code, out)
	}

	t.Run("through the daemon", func(t *testing.T) {
		app := startApp(t, cfgPath)
		code, _, errOut := runCLI("refresh", "--config", cliConfig(t, app, cfgPath), "nope")
		if code != exitFailure || !strings.Contains(errOut, "the configured sources are cls-depth, other") {
			t.Errorf("unknown source: exit %d, stderr %q", code, errOut)
		}
	})
}

// TestRefreshTimeoutFails: a source that does not answer within --timeout is not a success.
func TestRefreshTimeoutFails(t *testing.T) {
	release := make(chan struct{})
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	t.Cleanup(slow.Close)
	cfgPath := writeConfig(t, t.TempDir(), fmt.Sprintf("[[source]]\nname = \"slow\"\nurl = \"%s/feed\"\nschedule = \"@yearly\"\n", slow.URL))
	app := startApp(t, cfgPath)
	t.Cleanup(func() { close(release) }) // runs before the app stops, so its refresh can end

	code, out, errOut := runCLI("refresh", "--config", cliConfig(t, app, cfgPath), "--timeout", "1s", "slow")
	if code != exitFailure {
		t.Errorf("exit %d, want %d: stdout %q, stderr %q", code, exitFailure, out, errOut)
	}
	if !strings.Contains(errOut, "1 of 1 sources did not finish within --timeout 1s") {
		t.Errorf("stderr %q does not say the refresh did not finish", errOut)
	}
}

func TestExportWithoutDir(t *testing.T) {
	code, _, errOut := runCLI("export", "--format", "hexo")
	if code != exitUsage || !strings.Contains(errOut, "--dir is missing") {
		t.Errorf("exit %d, stderr %q; want exit 2 saying --dir is missing", code, errOut)
	}
}

// TestAdminWrongMethodIs405: a known endpoint asked with the wrong method says which methods it
// takes. The requests carry the JSON content type the guard asks of every write (without it, 415
// comes first).
func TestAdminWrongMethodIs405(t *testing.T) {
	app := startApp(t, writeConfig(t, t.TempDir(), ""))
	tests := []struct {
		method, path string
		code         int
		allow        string
	}{
		{"GET", "/api/refresh", 405, "POST"},
		{"GET", "/api/export", 405, "POST"},
		{"POST", "/api/sources", 405, "GET, HEAD"},
		{"DELETE", "/metrics", 405, "GET, HEAD"},
		{"GET", "/api/nope", 404, ""},
		{"GET", "/api/sources", 200, ""},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.path, func(t *testing.T) {
			req, _ := http.NewRequest(tt.method, app.admin+tt.path, nil)
			req.Header.Set("Content-Type", "application/json")
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != tt.code || resp.Header.Get("Allow") != tt.allow {
				t.Errorf("%s, Allow %q; want %d, Allow %q", resp.Status, resp.Header.Get("Allow"), tt.code, tt.allow)
			}
		})
	}
}

// TestSourcesWithoutDaemon: nothing runs, so nothing is scheduled, and a database that does not
// exist is not created just to show that.
func TestSourcesWithoutDaemon(t *testing.T) {
	src := newFixtureServer(t, map[string]string{"/a": "cls-depth.xml"})
	dir := t.TempDir()
	cfgPath := writeConfig(t, dir, fmt.Sprintf("[[source]]\nname = \"a\"\nurl = \"%s/a\"\n", src.URL))
	db := filepath.Join(dir, "data", "tributary.db")

	check := func(t *testing.T, wantHealth string) {
		t.Helper()
		code, out, errOut := runCLI("sources", "--config", cfgPath)
		if code != exitOK {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		lines := strings.Split(strings.TrimSpace(out), "\n")
		if len(lines) != 2 {
			t.Fatalf("want a header and one source:\n%s", out)
		}
		f := strings.Fields(lines[1])
		next := 3 // after SUCCESS, which is "never" or "5s ago"
		if len(f) > 3 && f[3] == "ago" {
			next = 4
		}
		if len(f) <= next || f[0] != "a" || f[1] != wantHealth || f[next] != "-" {
			t.Errorf("row %q: want source a, health %s and no next run (-)", lines[1], wantHealth)
		}
	}
	t.Run("no database yet", func(t *testing.T) {
		check(t, "new")
		if _, err := os.Stat(db); !os.IsNotExist(err) {
			t.Errorf("sources created the database %s (stat: %v)", db, err)
		}
	})
	t.Run("after a refresh", func(t *testing.T) {
		if code, _, errOut := runCLI("refresh", "--config", cfgPath); code != exitOK {
			t.Fatalf("refresh: exit %d: %s", code, errOut)
		}
		check(t, "ok")
	})
}

// TestErrorsSayTheFix: a missing file or directory is named once, with the setting that moves it.
func TestErrorsSayTheFix(t *testing.T) {
	t.Run("missing config", func(t *testing.T) {
		t.Setenv("TRIBUTARY_CONFIG", "")
		missing := filepath.Join(t.TempDir(), "nope.toml")
		code, _, errOut := runCLI("check-config", "--config", missing)
		if code != exitFailure || !strings.Contains(errOut, "--config") || !strings.Contains(errOut, "$TRIBUTARY_CONFIG") {
			t.Errorf("exit %d, stderr %q; want exit 1 naming --config and $TRIBUTARY_CONFIG", code, errOut)
		}
	})
	t.Run("missing database directory", func(t *testing.T) {
		dir := t.TempDir()
		cfgPath := writeConfig(t, dir, "")
		cfg := strings.Replace(mustRead(t, cfgPath), `path = "data/tributary.db"`, `path = "nodir/tributary.db"`, 1)
		writeFile(t, dir, "config.toml", cfg)
		db := filepath.Join(dir, "nodir", "tributary.db")
		if code, _, errOut := runCLI("check-config", "--config", cfgPath); code != exitFailure || !strings.Contains(errOut, "storage.path") {
			t.Errorf("check-config: exit %d, stderr %q; want exit 1 naming storage.path", code, errOut)
		}
		code, _, errOut := runCLI("serve", "--config", cfgPath)
		if code != exitFailure {
			t.Fatalf("exit %d, want 1: %s", code, errOut)
		}
		if !strings.Contains(errOut, "storage.path") || strings.Count(errOut, db) != 1 || !strings.Contains(errOut, "create the directory") {
			t.Errorf("stderr %q: want storage.path, the path once, and what to do", errOut)
		}
	})
}

// TestCheckConfigRefusesWhatServeRefuses: each config here stops serve before it serves; check-config
// must refuse it too, and serve must leave no database behind.
func TestCheckConfigRefusesWhatServeRefuses(t *testing.T) {
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	tests := []struct {
		name, server, body string
		checkConfigToo     bool // false: only binding can tell (the port is taken by someone else)
		serveToo           bool // false: serve would start (and block), so it is not run
	}{
		{"port out of range", `listen = ":99999"`, "", true, true},
		{"admin on the public address", `listen = "127.0.0.1:18631"` + "\n" + `admin_listen = "127.0.0.1:18631"`, "", true, true},
		{"unknown encoding", "", "[[source]]\nname = \"a\"\nurl = \"http://127.0.0.1:1/\"\nencoding = \"gkb\"\n", true, false},
		{"port in use", `listen = "` + busy.Addr().String() + `"`, "", false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			cfg := "[server]\n" + tt.server + "\n[storage]\npath = \"tributary.db\"\n" + tt.body
			cfg = strings.Replace(cfg, "[server]\n", "[server]\nadmin_listen = \"127.0.0.1:0\"\n", 1)
			if strings.Contains(tt.server, "admin_listen") {
				cfg = strings.Replace(cfg, "admin_listen = \"127.0.0.1:0\"\n", "", 1)
			}
			if !strings.Contains(tt.server, "listen =") {
				cfg = strings.Replace(cfg, "[server]\n", "[server]\nlisten = \"127.0.0.1:0\"\n", 1)
			}
			cfgPath := writeFile(t, dir, "config.toml", cfg)
			if tt.checkConfigToo {
				if code, out, errOut := runCLI("check-config", "--config", cfgPath); code != exitFailure {
					t.Errorf("check-config: exit %d, %q %q; want 1", code, out, errOut)
				}
			}
			if !tt.serveToo {
				return
			}
			var outb, errb strings.Builder
			if code := run(context.Background(), []string{"serve", "--config", cfgPath}, &outb, &errb); code != exitFailure {
				t.Errorf("serve: exit %d, want 1: %s", code, errb.String())
			}
			if _, err := os.Stat(filepath.Join(dir, "tributary.db")); !os.IsNotExist(err) {
				t.Errorf("serve left a database behind (stat: %v)", err)
			}
		})
	}
}
