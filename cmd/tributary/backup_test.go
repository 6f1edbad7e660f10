package main

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tributary/aggregator"
	"tributary/store"
)

// articlesIn opens a database file and returns its article IDs, after checking it.
func articlesIn(t *testing.T, path string) []string {
	t.Helper()
	st, err := store.Open(context.Background(), path, store.Options{})
	if err != nil {
		t.Fatalf("open the backup: %v", err)
	}
	defer st.Close()
	if err := st.Check(context.Background()); err != nil {
		t.Fatalf("the backup is not consistent: %v", err)
	}
	arts, err := st.Articles(context.Background(), aggregator.Query{})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, a := range arts {
		ids = append(ids, a.ID)
	}
	return ids
}

// TestBackupCommand: `tributary backup FILE` writes a copy that opens, passes Check and holds the
// articles, through the running daemon (which holds the database) and, once it stopped, from the
// file itself.
func TestBackupCommand(t *testing.T) {
	src := newFixtureServer(t, map[string]string{"/cls/depth/1000": "cls-depth.xml"})
	dir := t.TempDir()
	cfgPath := writeConfig(t, dir, fmt.Sprintf(depthSource, src.URL)+"[[output]]\nname = \"all\"\n")
	app := startApp(t, cfgPath)
	app.refreshAll(t)
	// The CLI reads the admin address from the config: point it at the bound port.
	cfg := strings.Replace(mustRead(t, cfgPath), `admin_listen = "127.0.0.1:0"`, `admin_listen = "`+app.adminLn.Addr().String()+`"`, 1)
	cliCfg := writeFile(t, t.TempDir(), "config.toml", strings.Replace(cfg, `path = "data/tributary.db"`, `path = "`+app.Config().DBPath+`"`, 1))
	live, err := app.store.Articles(context.Background(), aggregator.Query{})
	if err != nil || len(live) == 0 {
		t.Fatalf("nothing stored: %d articles, %v", len(live), err)
	}

	for _, step := range []struct {
		name, via string
		before    func()
	}{
		{"daemon running", "through the daemon", func() {}},
		{"daemon stopped", "no daemon is running", app.stop},
	} {
		t.Run(step.name, func(t *testing.T) {
			step.before()
			dest := filepath.Join(dir, "backups", strings.ReplaceAll(step.name, " ", "-")+".db")
			os.MkdirAll(filepath.Dir(dest), 0o700)
			var stdout, stderr bytes.Buffer
			if code := run(context.Background(), []string{"backup", "--config", cliCfg, dest}, &stdout, &stderr); code != 0 {
				t.Fatalf("exit %d: %s%s", code, stdout.String(), stderr.String())
			}
			if !strings.Contains(stdout.String(), step.via) {
				t.Errorf("output %q does not say %q", stdout.String(), step.via)
			}
			if got := articlesIn(t, dest); len(got) != len(live) {
				t.Errorf("the backup holds %d articles, the database %d", len(got), len(live))
			}
			if fi, err := os.Stat(dest); err != nil || fi.Mode().Perm() != 0o600 {
				t.Errorf("backup file mode: %v %v, want 0600", fi.Mode(), err)
			}
			if left, _ := filepath.Glob(filepath.Join(filepath.Dir(dest), ".*")); len(left) > 0 {
				t.Errorf("temporary files left behind: %q", left)
			}
		})
	}
}

// TestBackupEndpointRefusesForeignHost: a web page that rebinds its own DNS name to the admin
// address gets no copy of the database.
func TestBackupEndpointRefusesForeignHost(t *testing.T) {
	dir := t.TempDir()
	app := startApp(t, writeConfig(t, dir, ""))
	tests := []struct {
		host string
		want int
	}{
		{"evil.example", http.StatusForbidden},
		{"evil.example:8081", http.StatusForbidden},
		{strings.TrimPrefix(app.admin, "http://"), http.StatusOK},
		{"localhost", http.StatusOK},
	}
	for _, tt := range tests {
		t.Run(tt.host, func(t *testing.T) {
			req, _ := http.NewRequest("GET", app.admin+"/api/backup", nil)
			req.Host = tt.host
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != tt.want {
				t.Errorf("Host %s: %s, want %d", tt.host, resp.Status, tt.want)
			}
		})
	}
}

func TestBackupCommandErrors(t *testing.T) {
	dir := t.TempDir()
	cfgPath := writeConfig(t, dir, "")
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no file", []string{"backup", "--config", cfgPath}, exitUsage, "want exactly one argument"},
		{"no database yet", []string{"backup", "--config", cfgPath, filepath.Join(dir, "b.db")}, exitFailure, "no such file"},
		{"directory missing", []string{"backup", "--config", cfgPath, filepath.Join(dir, "nope", "b.db")}, exitFailure, "create a file in"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(context.Background(), tt.args, &stdout, &stderr)
			if code != tt.code || !strings.Contains(stderr.String(), tt.want) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, stderr.String(), tt.code, tt.want)
			}
		})
	}
}

// TestBackupOverUnixSocket: with the admin API on a unix socket, whose clients send the Host
// "tributary", the backup goes through the daemon.
func TestBackupOverUnixSocket(t *testing.T) {
	dir := t.TempDir()
	sock := filepath.Join(dir, "admin.sock")
	cfgPath := writeConfig(t, dir, "")
	writeFile(t, dir, "config.toml", strings.Replace(mustRead(t, cfgPath), `admin_listen = "127.0.0.1:0"`, `admin_listen = "unix:`+sock+`"`, 1))
	startApp(t, cfgPath)
	dest := filepath.Join(dir, "b.db")
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"backup", "--config", cfgPath, dest}, &stdout, &stderr); code != 0 || !strings.Contains(stdout.String(), "through the daemon") {
		t.Fatalf("exit %d: %s%s", code, stdout.String(), stderr.String())
	}
	articlesIn(t, dest)
}
