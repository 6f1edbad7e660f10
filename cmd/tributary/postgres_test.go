package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"tributary/aggregator"
	"tributary/store/postgres"
	"tributary/store/postgres/pgtest"
)

// pg is the PostgreSQL server of this test binary, started by the first test that asks for a
// database (pgtest), stopped by TestMain.
var pg = pgtest.New()

// TestConfigStorageBackend: [storage] backend, dsn and dsn_file, each mistake named by its key,
// and never an error that shows the DSN (it holds the password).
func TestConfigStorageBackend(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "dsn"), []byte("postgres://u:pw-in-file@db.internal/tributary\n"), 0o600)
	os.WriteFile(filepath.Join(dir, "empty"), []byte("\n"), 0o600)
	for _, tt := range []struct {
		name    string
		storage string
		want    string // the error contains it; empty: no error
		dsn     string // the DSN read, when no error
	}{
		{"bolt by default", ``, "", ""},
		{"dsn", `backend = "postgres"` + "\n" + `dsn = "postgres://u:pw-inline@db/t"`, "", "postgres://u:pw-inline@db/t"},
		{"dsn_file, trailing newline trimmed", `backend = "postgres"` + "\n" + `dsn_file = "dsn"`, "", "postgres://u:pw-in-file@db.internal/tributary"},
		{"both", `backend = "postgres"` + "\n" + `dsn = "postgres://u:pw-inline@db/t"` + "\n" + `dsn_file = "dsn"`,
			`storage.dsn_file "dsn": set either dsn or dsn_file, not both`, ""},
		{"neither", `backend = "postgres"`, `storage.dsn: backend = "postgres" needs dsn or dsn_file`, ""},
		{"missing file", `backend = "postgres"` + "\n" + `dsn_file = "nope"`, `storage.dsn_file "nope": open`, ""},
		{"empty file", `backend = "postgres"` + "\n" + `dsn_file = "empty"`, `storage.dsn_file "empty": the file is empty`, ""},
		{"unknown backend", `backend = "sqlite"`, `storage.backend "sqlite": want "bolt"`, ""},
		{"dsn with bolt", `dsn = "postgres://u:pw-inline@db/t"`, `storage.dsn: set only with backend = "postgres"`, ""},
		{"path with postgres", `backend = "postgres"` + "\n" + `dsn = "postgres://u:pw-inline@db/t"` + "\n" + `path = "x.db"`,
			`storage.path "x.db": set only with backend = "bolt"`, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := ParseConfig(filepath.Join(dir, "config.toml"), []byte("[storage]\n"+tt.storage+"\n"))
			if tt.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				if cfg.DSN != tt.dsn {
					t.Errorf("DSN = %q, want %q", cfg.DSN, tt.dsn)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want it to contain %q", err, tt.want)
			}
			if strings.Contains(err.Error(), "pw-in") {
				t.Errorf("the error shows the password: %v", err)
			}
		})
	}
}

var stampRE = regexp.MustCompile(`\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)|[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d [+-]\d{4}`)

// maskNow replaces the time stamps in s that are later than since (RFC 3339 and RFC 1123Z, as the
// outputs write them) by "NOW".
func maskNow(s string, since time.Time) string {
	return stampRE.ReplaceAllStringFunc(s, func(m string) string {
		t, err := time.Parse(time.RFC3339Nano, m)
		if err != nil {
			t, err = time.Parse(time.RFC1123Z, m)
		}
		if err == nil && t.After(since) {
			return "NOW"
		}
		return m
	})
}

// TestBinaryPostgres runs the real binary on PostgreSQL against the same feeds as on bbolt: a
// refresh, then every output in every format served byte for byte as bbolt serves it (but for
// the time stamps of the run itself). Then
// `migrate` on an empty and on an up-to-date database (exit 0 both), and `migrate --from` of the
// bbolt file into a third database, twice (idempotent), served again with the same bytes.
func TestBinaryPostgres(t *testing.T) {
	dsnMain := pg.DSN(t)
	files := maps.Clone(e2eFixtures)
	src := newFixtureServer(t, files)
	// The end-to-end sources but cls-telegraph, which shares a story with cls-depth: the union of
	// a shared story's categories lists them in the order the two sources happened to be stored,
	// which the fetches at start (concurrent) leave to chance on either backend. Merges are the
	// behaviour suite's (aggregator/storetest), on both backends.
	sources := fmt.Sprintf(e2eSources, src.URL)
	if i, j := strings.Index(sources, "[[source]]\nname = \"cls-telegraph\""), strings.Index(sources, "[[source]]\nname = \"gbk\""); i > 0 && j > i {
		sources = sources[:i] + sources[j:]
	} else {
		t.Fatal("e2eSources changed: update this test")
	}
	var paths []string
	for _, out := range []string{"all", "depth"} {
		for _, f := range []string{"rss", "atom", "json"} {
			paths = append(paths, "/feeds/"+out+"."+f)
		}
	}
	// serve starts the binary with storage, refreshes when asked, and returns every output.
	serve := func(dir, storage string, refresh bool) map[string]string {
		t.Helper()
		public, admin := freePair(t)
		cfgPath := writeFile(t, dir, "config.toml", fmt.Sprintf(
			"[server]\nlisten = %q\nadmin_listen = %q\nbase_url = \"https://feeds.example.com\"\n[storage]\n%s\nretention = \"0\"\n%s",
			public, admin, storage, sources))
		d := startDaemon(t, dir, cfgPath, public, admin)
		d.waitNotify(t, "READY=1", 30*time.Second)
		if refresh {
			for _, name := range []string{"cls-depth", "gbk", "atom", "json"} {
				if code, body := httpDo(t, "POST", d.admin+"/api/refresh?source="+name, ""); code != 200 || !strings.Contains(body, `"failed": 0`) {
					t.Fatalf("refresh %s: %d %s", name, code, body)
				}
			}
		}
		out := map[string]string{}
		for _, p := range paths {
			code, body := httpDo(t, "GET", d.public+p, "")
			if code != 200 {
				t.Fatalf("%s: %d %s", p, code, body)
			}
			out[p] = body
		}
		if code, body := httpDo(t, "GET", d.admin+"/api/backup", ""); refresh && !strings.Contains(storage, "postgres") != (code == 200) {
			t.Errorf("backup on %s: %d %s", storage, code, body)
		}
		d.cmd.Process.Signal(syscall.SIGTERM)
		if code := d.wait(t, 20*time.Second); code != 0 {
			t.Fatalf("serve exited %d", code)
		}
		return out
	}
	// Times stamped while the test runs (first seen, last build) differ between two runs by the
	// seconds between them; everything else must be byte for byte the same.
	start := time.Now().Add(-time.Minute)
	same := func(what string, got, want map[string]string) {
		t.Helper()
		for _, p := range paths {
			if g, w := maskNow(got[p], start), maskNow(want[p], start); g != w {
				i := 0
				for i < min(len(g), len(w)) && g[i] == w[i] {
					i++
				}
				t.Errorf("%s: %s differs from bbolt's at byte %d:\n got %.200q\nwant %.200q", what, p, i, g[max(0, i-100):], w[max(0, i-100):])
			}
		}
	}

	boltDir := t.TempDir()
	want := serve(boltDir, `path = "tributary.db"`, true)
	if !strings.Contains(want["/feeds/all.json"], `"items"`) {
		t.Fatalf("bbolt serves no items: %.300s", want["/feeds/all.json"])
	}

	pgDir := t.TempDir()
	writeFile(t, pgDir, "dsn", dsnMain+"\n")
	pgStorage := "backend = \"postgres\"\ndsn_file = \"dsn\""
	same("postgres", serve(pgDir, pgStorage, true), want)

	migrate := func(dir string, args ...string) string {
		t.Helper()
		out, err := exec.Command(binPath, append([]string{"migrate", "--config", filepath.Join(dir, "config.toml")}, args...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("migrate %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	if out := migrate(pgDir); !strings.Contains(out, "schema: up to date") {
		t.Errorf("migrate on an up-to-date database: %s", out)
	}
	if out, err := exec.Command(binPath, "backup", "--config", filepath.Join(pgDir, "config.toml"), filepath.Join(pgDir, "b.db")).CombinedOutput(); err == nil || !strings.Contains(string(out), "pg_dump") {
		t.Errorf("backup of a postgres backend: %v %s", err, out)
	}

	copyDir := t.TempDir()
	writeFile(t, copyDir, "dsn", pg.DSN(t)+"\n")
	writeFile(t, copyDir, "config.toml", "[storage]\n"+pgStorage+"\n"+sources)
	allSteps := make([]int, postgres.SchemaVersion)
	for i := range allSteps {
		allSteps[i] = i + 1
	}
	if out := migrate(copyDir); !strings.Contains(out, fmt.Sprint("schema: applied ", allSteps)) {
		t.Errorf("migrate on an empty database: %s", out)
	}
	from := filepath.Join(boltDir, "tributary.db")
	first := migrate(copyDir, "--from", from)
	if !strings.Contains(first, "copied "+from) || strings.Contains(first, ": 0 articles") {
		t.Errorf("migrate --from: %s", first)
	}
	if again := migrate(copyDir, "--from", from); again != first {
		t.Errorf("a second copy reports otherwise:\n%s\nfirst:\n%s", again, first)
	}
	same("copied from bbolt", serve(copyDir, pgStorage, false), want)
}

// TestBinaryTwoNodes runs two daemons on one PostgreSQL database, started at once (their schema
// migrations meet on the row lock): every source is fetched once between them at start and once
// per manual round, by the node that holds its lease whichever node was asked; each shows
// every source's latest state in /api/sources; and both serve the same outputs, a write by one
// reaching the other's output cache through the generation.
func TestBinaryTwoNodes(t *testing.T) {
	dsn := pg.DSN(t)
	src := newFixtureServer(t, maps.Clone(e2eFixtures))
	sources := fmt.Sprintf(e2eSources, src.URL)
	nodes := startNodes(t, 2, dsn, sources)
	hits := func() map[string]int {
		src.mu.Lock()
		defer src.mu.Unlock()
		return maps.Clone(src.hits)
	}
	idle := func(n *daemon) bool {
		var resp struct {
			Sources []sourceJSON `json:"sources"`
		}
		code, body := httpDo(t, "GET", n.admin+"/api/sources", "")
		if code != 200 || json.Unmarshal([]byte(body), &resp) != nil {
			return false
		}
		for _, s := range resp.Sources {
			if s.Running {
				return false
			}
		}
		return len(resp.Sources) == 5
	}
	waitUntil(t, func() bool { return len(hits()) == 5 && idle(nodes[0]) && idle(nodes[1]) })
	start := hits()
	// Each node shows every source fetched, whichever node fetched it.
	for i, n := range nodes {
		var resp struct {
			Sources []sourceJSON `json:"sources"`
		}
		_, body := httpDo(t, "GET", n.admin+"/api/sources", "")
		if err := json.Unmarshal([]byte(body), &resp); err != nil {
			t.Fatal(err)
		}
		for _, s := range resp.Sources {
			if s.Health != "ok" || s.LastFetch == nil {
				t.Errorf("node %d shows %s as %s (last fetch %v), want the other node's fetch", i, s.Name, s.Health, s.LastFetch)
			}
		}
	}
	for path, n := range start {
		if n != 1 {
			t.Errorf("%s fetched %d times at start by the two nodes, want once", path, n)
		}
	}
	// A manual round on each node: each source is fetched once per round, by the node that holds
	// its lease (the other forwards the refresh to it and answers with its result).
	ranOn := map[string]string{}
	for i, n := range nodes {
		code, body := httpDo(t, "POST", n.admin+"/api/refresh", "")
		var resp refreshResponse
		if code != 200 || json.Unmarshal([]byte(body), &resp) != nil || len(resp.Results) != 5 {
			t.Fatalf("node %d: refresh %d %s", i, code, body)
		}
		for _, r := range resp.Results {
			if r.Status != "not_modified" && r.Status != "updated" {
				t.Errorf("node %d: %s %s %s", i, r.Source, r.Status, r.Error)
			}
			if prev, ok := ranOn[r.Source]; ok && prev != r.Node {
				t.Errorf("%s refreshed by %q in the first round and by %q in the second, want its lease holder both times", r.Source, prev, r.Node)
			}
			ranOn[r.Source] = r.Node
		}
	}
	for path, n := range hits() {
		if n != start[path]+2 {
			t.Errorf("%s: %d fetches after the two manual rounds, want %d", path, n, start[path]+2)
		}
	}
	// The same outputs on both nodes (the one that stored less caught up through the generation).
	for _, p := range []string{"/feeds/all.rss", "/feeds/all.atom", "/feeds/all.json", "/feeds/depth.json"} {
		var a, b string
		waitUntil(t, func() bool {
			_, a = httpDo(t, "GET", nodes[0].public+p, "")
			_, b = httpDo(t, "GET", nodes[1].public+p, "")
			return a == b && strings.Contains(a, "cls.cn")
		})
	}
}

// TestBinaryKillNode: kill -9 of the node that holds every lease, in the middle of a fetch. Once
// its leases run out (moved into the past here, as a minute passing would) the other node fetches
// every source, the one cut off included; nothing is lost or stored twice, and the database is
// consistent.
func TestBinaryKillNode(t *testing.T) {
	dsn := pg.DSN(t)
	src := newFixtureServer(t, maps.Clone(e2eFixtures))
	// slow holds its first request until the client goes away; later ones get a feed.
	entered, release := make(chan struct{}, 1), make(chan struct{})
	var slowHits atomic.Int32
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if slowHits.Add(1) == 1 {
			entered <- struct{}{}
			select {
			case <-release:
			case <-r.Context().Done():
			}
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write([]byte(mustRead(t, "../../aggregator/testdata/farm-rss.xml")))
	}))
	t.Cleanup(func() { close(release); slow.Close() })
	sources := fmt.Sprintf(e2eSources, src.URL) + fmt.Sprintf("\n[[source]]\nname = \"slow\"\nurl = \"%s/feed\"\n", slow.URL)
	start := func() *daemon {
		dir := t.TempDir()
		writeFile(t, dir, "dsn", dsn+"\n")
		public, admin := freePair(t)
		cfgPath := writeFile(t, dir, "config.toml", fmt.Sprintf(
			"[server]\nlisten = %q\nadmin_listen = %q\n[storage]\nbackend = \"postgres\"\ndsn_file = \"dsn\"\nretention = \"0\"\n%s", public, admin, sources))
		d := startDaemon(t, dir, cfgPath, public, admin)
		d.waitNotify(t, "READY=1", 30*time.Second)
		return d
	}
	a := start()
	select {
	case <-entered:
	case <-time.After(30 * time.Second):
		t.Fatal("node a never fetched the slow source")
	}
	waitUntil(t, func() bool {
		src.mu.Lock()
		defer src.mu.Unlock()
		return len(src.hits) == 5
	})
	b := start()
	// b finds every source leased by a (the slow one still being fetched): its refresh of it goes
	// to a, and b gives up waiting.
	code, body := httpDo(t, "POST", b.admin+"/api/refresh?source=slow&timeout=1s", "")
	if code != 200 || !strings.Contains(body, "lease") || !strings.Contains(body, `"skipped"`) {
		t.Fatalf("b's refresh of the slow source while a fetches it: %d %s", code, body)
	}
	a.cmd.Process.Kill()
	a.wait(t, 10*time.Second)
	expireLeases(t, dsn)
	code, body = httpDo(t, "POST", b.admin+"/api/refresh", "")
	var resp refreshResponse
	if code != 200 || json.Unmarshal([]byte(body), &resp) != nil || len(resp.Results) != 6 {
		t.Fatalf("b's refresh after a died: %d %s", code, body)
	}
	for _, r := range resp.Results {
		if r.Status != "updated" && r.Status != "not_modified" {
			t.Errorf("b: %s %s %s, want it fetched", r.Source, r.Status, r.Error)
		}
	}
	src.mu.Lock()
	for path, n := range src.hits {
		if n != 2 {
			t.Errorf("%s fetched %d times, want twice (a, then b)", path, n)
		}
	}
	src.mu.Unlock()
	if n := slowHits.Load(); n != 2 {
		t.Errorf("the slow source was fetched %d times, want twice (a's cut off, b's)", n)
	}
	st := checkedStore(t, dsn)
	stats, err := st.Stats(t.Context())
	all, err2 := st.Articles(t.Context(), aggregator.Query{Sources: []string{"slow"}})
	if err != nil || err2 != nil || stats.PerSource["slow"] == 0 || len(all) != stats.PerSource["slow"] {
		t.Errorf("the slow source's articles: %d listed, %d counted (%v, %v)", len(all), stats.PerSource["slow"], err, err2)
	}
}

// TestRetentionLease: of two nodes sharing a database, one runs retention at a time: the other's
// pass does nothing while the first holds the retention lease, and runs once it ran out.
func TestRetentionLease(t *testing.T) {
	dsn := pg.DSN(t)
	a, _ := openPGApp(t, dsn, "retention = \"720h\"\n")
	b, _ := openPGApp(t, dsn, "retention = \"720h\"\n")
	a.prune(t.Context()) // a takes the lease (nothing to prune yet)
	old := aggregator.Article{ID: "old", Title: "old", Date: time.Now().AddDate(-1, 0, 0), Sources: []string{"x"}}
	if _, err := a.store.SaveFeed(t.Context(), "x", []aggregator.Article{old}, aggregator.FetchState{}); err != nil {
		t.Fatal(err)
	}
	b.prune(t.Context())
	if _, err := b.store.Article(t.Context(), "old"); err != nil {
		t.Fatalf("b pruned while a held the retention lease: %v", err)
	}
	expireLeases(t, dsn)
	b.prune(t.Context())
	if _, err := b.store.Article(t.Context(), "old"); !errors.Is(err, aggregator.ErrNotFound) {
		t.Errorf("b's pass once the lease ran out left the old article: %v", err)
	}
}

// TestExportLease: of two nodes sharing a database, each with the same [[export]] block (into
// its own directory here, to tell them apart), one runs the export: the other's syncs write
// nothing while the first holds the export's lease, and it takes the export over once the lease
// ran out.
func TestExportLease(t *testing.T) {
	dsn := pg.DSN(t)
	open := func() (*App, string) {
		a, dir := openPGApp(t, dsn, "[[output]]\nname = \"all\"\n[[export]]\nformat = \"hexo\"\ndir = \"posts\"\noutput = \"all\"\n")
		return a, filepath.Join(dir, "posts")
	}
	posts := func(dir string) int {
		n := 0
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
				n++
			}
			return nil
		})
		return n
	}
	a, aDir := open()
	b, bDir := open()
	a.exports.syncAll(t.Context()) // a takes the lease (nothing to write yet)
	story := aggregator.Article{ID: "s1", Key: "https://example.com/s1", Title: "a story", Body: "<p>text</p>", Link: "https://example.com/s1",
		Date: time.Now().Add(-time.Hour), Sources: []string{"x"}}
	if _, err := b.store.SaveFeed(t.Context(), "x", []aggregator.Article{story}, aggregator.FetchState{}); err != nil {
		t.Fatal(err)
	}
	b.exports.syncAll(t.Context())
	a.exports.syncAll(t.Context())
	if na, nb := posts(aDir), posts(bDir); na != 1 || nb != 0 {
		t.Fatalf("posts: a %d, b %d; want a alone to export", na, nb)
	}
	expireLeases(t, dsn)
	b.exports.syncAll(t.Context())
	if nb := posts(bDir); nb != 1 {
		t.Errorf("b wrote %d posts once a's lease ran out, want 1", nb)
	}
}

// openPGApp opens (without serving) a node on the database dsn with the config body after its
// [storage] block, and returns it with its directory.
func openPGApp(t *testing.T, dsn, body string) (*App, string) {
	t.Helper()
	dir := t.TempDir()
	writeFile(t, dir, "dsn", dsn+"\n")
	cfg, err := LoadConfig(writeFile(t, dir, "config.toml", "[storage]\nbackend = \"postgres\"\ndsn_file = \"dsn\"\n"+body))
	if err != nil {
		t.Fatal(err)
	}
	a, err := OpenApp(t.Context(), cfg, newLogger(&Config{LogLevel: "warn", LogFormat: "text"}, io.Discard))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close(context.Background()) })
	return a, dir
}

// expireLeases ends every lease in dsn's database, as their running out would.
func expireLeases(t *testing.T, dsn string) {
	t.Helper()
	pool, err := pgxpool.New(t.Context(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	if _, err := pool.Exec(t.Context(), `UPDATE leases SET expiry = now() - interval '1 second'`); err != nil {
		t.Fatal(err)
	}
}
