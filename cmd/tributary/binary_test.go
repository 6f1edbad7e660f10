package main

import (
	"bufio"
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/http/httptest"
	"net/http/httptrace"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"tributary/store"
)

// The tests in this file run the real binary, built once by TestMain.
var binPath string

func TestMain(m *testing.M) {
	flag.Parse()
	if f := flag.Lookup("test.fuzzworker"); f != nil && f.Value.String() == "true" {
		// A fuzzing worker runs a fuzz target only, never the binary; building it there stalls
		// the workers behind the coordinator's build.
		os.Exit(m.Run())
	}
	dir, err := os.MkdirTemp("", "tributary-bin")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binPath = filepath.Join(dir, "tributary")
	out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
	if err != nil {
		fmt.Fprintf(os.Stderr, "building the binary: %v\n%s", err, out)
		os.Exit(1)
	}
	code := m.Run()
	pg.Stop()
	os.RemoveAll(dir)
	os.Exit(code)
}

// freePort returns a loopback address that was free a moment ago.
func freePort(t *testing.T) string {
	t.Helper()
	return freePorts(t, 1)[0]
}

// freePair returns two distinct free addresses: a daemon's public and admin listeners.
func freePair(t *testing.T) (string, string) {
	t.Helper()
	p := freePorts(t, 2)
	return p[0], p[1]
}

// freePorts returns n distinct free addresses: the listeners stay open until all are taken, so
// that the system cannot hand one port out twice (daemons started together each need their own).
// The ports are drawn below the kernel's ephemeral range (32768–60999 on Linux): a port the
// system hands out for ":0" is handed out again, as the local end of any outgoing connection of
// the tests running beside this one, in the moment between this listener's close and the
// daemon's bind ("address already in use", seen once in a plain `go test ./...`). Drawn at
// random from 20000–32000 instead, a port is taken in that moment only by another test drawing
// the same one.
func freePorts(t *testing.T, n int) []string {
	t.Helper()
	var addrs []string
	for tries := 0; len(addrs) < n; tries++ {
		if tries == 1000 {
			t.Fatalf("no free loopback port in 20000–32000 after %d tries", tries)
		}
		ln, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", 20000+rand.IntN(12000)))
		if err != nil {
			continue // taken
		}
		defer ln.Close()
		addrs = append(addrs, ln.Addr().String())
	}
	return addrs
}

// daemon is a running `tributary serve`.
type daemon struct {
	cmd           *exec.Cmd
	public, admin string
	cfgPath, dir  string
	stderr        *syncBuffer
	notify        *net.UnixConn
	exited        chan struct{}
	exitErr       error
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}
func (s *syncBuffer) String() string { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }

// binaryConfig writes a config for the binary with fixed loopback ports and extra TOML.
func binaryConfig(t *testing.T, dir, serverExtra, body string) (cfgPath, public, admin string) {
	t.Helper()
	public, admin = freePair(t)
	cfg := fmt.Sprintf("[server]\nlisten = %q\nadmin_listen = %q\n%s\n[storage]\npath = \"tributary.db\"\n[log]\nlevel = \"debug\"\nformat = \"json\"\n%s",
		public, admin, serverExtra, body)
	return writeFile(t, dir, "config.toml", cfg), public, admin
}

func startDaemon(t *testing.T, dir, cfgPath, public, admin string, env ...string) *daemon {
	t.Helper()
	d := &daemon{public: "http://" + public, admin: "http://" + admin, cfgPath: cfgPath, dir: dir,
		stderr: &syncBuffer{}, exited: make(chan struct{})}
	sock := filepath.Join(dir, "notify.sock")
	conn := listenNotify(t, sock)
	d.notify = conn
	d.cmd = exec.Command(binPath, "serve", "--config", cfgPath)
	d.cmd.Env = append(os.Environ(), append([]string{"NOTIFY_SOCKET=" + sock, "WATCHDOG_USEC=400000"}, env...)...)
	d.cmd.Stderr = d.stderr
	if err := d.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { d.exitErr = d.cmd.Wait(); close(d.exited) }()
	t.Cleanup(func() {
		d.cmd.Process.Kill()
		<-d.exited
		if t.Failed() {
			t.Logf("daemon log:\n%s", d.stderr.String())
		}
	})
	return d
}

// listenNotify plays systemd's side of the notify protocol: a unix datagram socket.
func listenNotify(t *testing.T, sock string) *net.UnixConn {
	t.Helper()
	os.Remove(sock)
	conn, err := net.ListenUnixgram("unixgram", &net.UnixAddr{Name: sock, Net: "unixgram"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return conn
}

// nextNotify returns the next notify datagram, or "" after the timeout.
func (d *daemon) nextNotify(timeout time.Duration) string {
	buf := make([]byte, 4096)
	d.notify.SetReadDeadline(time.Now().Add(timeout))
	n, err := d.notify.Read(buf)
	if err != nil {
		return ""
	}
	return string(buf[:n])
}

// waitNotify reads datagrams until one contains want, skipping watchdog pings, and returns them all.
func (d *daemon) waitNotify(t *testing.T, want string, timeout time.Duration) []string {
	t.Helper()
	var seen []string
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		msg := d.nextNotify(time.Until(deadline))
		if msg == "" {
			break
		}
		seen = append(seen, msg)
		if strings.Contains(msg, want) {
			return seen
		}
	}
	t.Fatalf("no %q notify message within %v; got %q", want, timeout, seen)
	return nil
}

func (d *daemon) wait(t *testing.T, timeout time.Duration) (exitCode int) {
	t.Helper()
	select {
	case <-d.exited:
	case <-time.After(timeout):
		// SIGQUIT makes the Go runtime print every goroutine's stack to the log shown below.
		d.cmd.Process.Signal(syscall.SIGQUIT)
		select {
		case <-d.exited:
		case <-time.After(5 * time.Second):
		}
		t.Fatalf("daemon still running after %v (goroutines in the log)", timeout)
	}
	return d.cmd.ProcessState.ExitCode()
}

func httpDo(t *testing.T, method, url, token string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest(method, url, nil)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if method == http.MethodPost {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, url, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestBinaryNotifyReloadAndStop(t *testing.T) {
	src := newFixtureServer(t, map[string]string{"/a": "cls-depth.xml", "/b": "cls-telegraph.xml"})
	dir := t.TempDir()
	body := fmt.Sprintf("[[source]]\nname = \"a\"\nurl = \"%s/a\"\n[[output]]\nname = \"all\"\n", src.URL)
	cfgPath, public, admin := binaryConfig(t, dir, "", body)
	d := startDaemon(t, dir, cfgPath, public, admin)

	// READY=1 comes once the listeners are up; then the watchdog pings while healthy.
	d.waitNotify(t, "READY=1", 10*time.Second)
	if code, _ := httpDo(t, "GET", d.public+"/readyz", ""); code != 200 {
		t.Errorf("readyz after READY=1: %d", code)
	}
	d.waitNotify(t, "WATCHDOG=1", 5*time.Second)

	// SIGHUP with a new source: it is scheduled and fetched (never fetched → caught up at once).
	writeFile(t, dir, "config.toml", strings.Replace(mustRead(t, cfgPath), "[[output]]",
		fmt.Sprintf("[[source]]\nname = \"b\"\nurl = \"%s/b\"\n[[output]]", src.URL), 1))
	// A keep-alive connection opened before the reload is still served after it.
	keep := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 1}}
	reused := func() bool {
		var again bool
		req, _ := http.NewRequest("GET", d.public+"/feeds/all.json", nil)
		req = req.WithContext(httptrace.WithClientTrace(req.Context(), &httptrace.ClientTrace{
			GotConn: func(i httptrace.GotConnInfo) { again = i.Reused },
		}))
		resp, err := keep.Do(req)
		if err != nil {
			t.Fatalf("request on the kept connection: %v", err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		return again
	}
	reused()
	d.cmd.Process.Signal(syscall.SIGHUP)
	msgs := d.waitNotify(t, "READY=1", 10*time.Second)
	if !reused() {
		t.Error("the reload dropped a keep-alive connection")
	}
	if !strings.Contains(strings.Join(msgs, "|"), "RELOADING=1") {
		t.Errorf("no RELOADING=1 before READY=1 on reload: %q", msgs)
	}
	waitUntil(t, func() bool {
		_, out := httpDo(t, "GET", d.admin+"/api/sources", "")
		return strings.Contains(out, `"name": "b"`) && strings.Count(out, `"last_success"`) == 2 && !strings.Contains(out, `"last_success": null`)
	})

	// A bad config on reload is rejected; the old one keeps running.
	writeFile(t, dir, "config.toml", "[[source]]\nname = \"BAD\"\n")
	d.cmd.Process.Signal(syscall.SIGHUP)
	waitUntil(t, func() bool { return strings.Contains(d.stderr.String(), "reload rejected") })
	if _, out := httpDo(t, "GET", d.admin+"/api/sources", ""); !strings.Contains(out, `"name": "b"`) {
		t.Errorf("sources after a bad reload: %s", out)
	}
	if !strings.Contains(d.stderr.String(), `name \"BAD\"`) {
		t.Errorf("the bad reload's problems were not logged:\n%s", d.stderr.String())
	}

	// SIGTERM: STOPPING=1, exit 0, the database opens cleanly afterwards.
	d.cmd.Process.Signal(syscall.SIGTERM)
	d.waitNotify(t, "STOPPING=1", 10*time.Second)
	if code := d.wait(t, 15*time.Second); code != 0 {
		t.Errorf("exit code %d after SIGTERM, want 0", code)
	}
	st, err := store.Open(context.Background(), filepath.Join(dir, "tributary.db"), store.Options{Timeout: time.Second})
	if err != nil {
		t.Fatalf("database after shutdown: %v", err)
	}
	defer st.Close()
	if err := st.Check(context.Background()); err != nil {
		t.Errorf("database check after shutdown: %v", err)
	}
}

func TestBinarySIGTERMDuringSlowFetch(t *testing.T) {
	// arrived is signalled once the daemon's fetch has its first bytes; abandoned once the daemon
	// has gone from it.
	arrived, abandoned := make(chan struct{}, 1), make(chan struct{}, 1)
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.WriteHeader(200)
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>slow</title>`)
		w.(http.Flusher).Flush()
		select {
		case arrived <- struct{}{}:
		default:
		}
		select { // trickle forever, until the client goes away
		case <-r.Context().Done():
			select {
			case abandoned <- struct{}{}:
			default:
			}
		case <-time.After(60 * time.Second):
		}
	}))
	defer slow.Close()
	dir := t.TempDir()
	cfgPath, public, admin := binaryConfig(t, dir, "", fmt.Sprintf("[fetch]\ntimeout = \"60s\"\n[[source]]\nname = \"slow\"\nurl = %q\n", slow.URL))
	d := startDaemon(t, dir, cfgPath, public, admin)
	d.waitNotify(t, "READY=1", 10*time.Second)
	select { // the catch-up fetch of the never-fetched source is in flight
	case <-arrived:
	case <-time.After(10 * time.Second):
		t.Fatal("the daemon never fetched the slow source")
	}
	start := time.Now()
	d.cmd.Process.Signal(syscall.SIGTERM)
	code := d.wait(t, 20*time.Second)
	took := time.Since(start)
	if code != 0 {
		t.Errorf("exit code %d, want 0", code)
	}
	if took > shutdownDeadline+5*time.Second {
		t.Errorf("shutdown took %v, want about the %v deadline", took, shutdownDeadline)
	}
	select { // the server sees the connection go, whether cancelled or closed by the exit
	case <-abandoned:
	case <-time.After(10 * time.Second):
		t.Error("the slow fetch's connection outlived the daemon")
	}
	if log := d.stderr.String(); !strings.Contains(log, "shutdown deadline reached") {
		t.Errorf("the shutdown did not report cancelling the in-flight fetch at its deadline:\n%s", log)
	}
	st, err := store.Open(context.Background(), filepath.Join(dir, "tributary.db"), store.Options{Timeout: time.Second})
	if err != nil {
		t.Fatalf("database after shutdown: %v", err)
	}
	defer st.Close()
	if err := st.Check(context.Background()); err != nil {
		t.Error(err)
	}
}

func TestBinarySecondInstance(t *testing.T) {
	dir := t.TempDir()
	cfgPath, public, admin := binaryConfig(t, dir, "", "")
	d := startDaemon(t, dir, cfgPath, public, admin)
	d.waitNotify(t, "READY=1", 10*time.Second)

	// Same database, other ports.
	cfg2 := strings.NewReplacer(public, freePort(t), admin, freePort(t)).Replace(mustRead(t, cfgPath))
	cfg2Path := writeFile(t, dir, "second.toml", cfg2)
	start := time.Now()
	out, err := exec.Command(binPath, "serve", "--config", cfg2Path).CombinedOutput()
	took := time.Since(start)
	if err == nil {
		t.Fatal("the second instance started")
	}
	if took > 5*time.Second {
		t.Errorf("the second instance took %v to give up, want under 5s", took)
	}
	if !strings.Contains(string(out), "in use") || !strings.Contains(string(out), filepath.Join(dir, "tributary.db")) {
		t.Errorf("the error does not say the database is in use and where:\n%s", out)
	}
}

func TestBinaryAdminTokenAndMetrics(t *testing.T) {
	src := newFixtureServer(t, map[string]string{"/a": "cls-depth.xml"})
	dir := t.TempDir()
	writeFile(t, dir, "token", "tok-123\n")
	cfgPath, public, admin := binaryConfig(t, dir, `admin_token_file = "token"`,
		fmt.Sprintf("[[source]]\nname = \"a\"\nurl = \"%s/a\"\nschedule = \"@yearly\"\n[[output]]\nname = \"all\"\n", src.URL))
	d := startDaemon(t, dir, cfgPath, public, admin)
	d.waitNotify(t, "READY=1", 10*time.Second)

	for _, path := range []string{"/api/sources", "/metrics"} {
		if code, _ := httpDo(t, "GET", d.admin+path, ""); code != 401 {
			t.Errorf("%s without a token: %d, want 401", path, code)
		}
		if code, _ := httpDo(t, "GET", d.admin+path, "wrong"); code != 401 {
			t.Errorf("%s with a wrong token: %d, want 401", path, code)
		}
	}
	if code, _ := httpDo(t, "GET", d.admin+"/healthz", ""); code != 200 {
		t.Errorf("healthz needs no token: %d", code)
	}
	if code, body := httpDo(t, "POST", d.admin+"/api/refresh?source=nope", "tok-123"); code != 404 || !strings.Contains(body, "nope") {
		t.Errorf("unknown source: %d %s", code, body)
	}
	code, body := httpDo(t, "POST", d.admin+"/api/refresh?source=a", "tok-123")
	if code != 200 || !strings.Contains(body, `"status": "`) {
		t.Fatalf("refresh with the token: %d %s", code, body)
	}
	httpDo(t, "GET", d.public+"/feeds/all.rss", "")
	_, metrics := httpDo(t, "GET", d.admin+"/metrics", "tok-123")
	for _, want := range []string{
		`tributary_fetches_total{result="updated",source="a"}`,
		`tributary_fetch_duration_seconds_bucket{result="updated"`,
		`tributary_articles_total{kind="new",source="a"}`,
		`tributary_output_requests_total{format="rss",output="all",status="200"} 1`,
		"tributary_articles_stored ", "tributary_database_bytes ", "tributary_refresh_queue_depth 0",
	} {
		if !strings.Contains(metrics, want) {
			t.Errorf("metrics lack %q", want)
		}
	}
	// The CLI reads the token from the config.
	out, err := exec.Command(binPath, "sources", "--config", cfgPath).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "a ") {
		t.Errorf("sources with the token from the config: %v\n%s", err, out)
	}
	// A log line per fetch with the counts, JSON with snake_case keys.
	sc := bufio.NewScanner(strings.NewReader(d.stderr.String()))
	found := false
	for sc.Scan() {
		if strings.Contains(sc.Text(), `"msg":"source refreshed"`) && strings.Contains(sc.Text(), `"source":"a"`) {
			found = true
		}
	}
	if !found {
		t.Errorf("no debug log line for the fetch:\n%s", d.stderr.String())
	}
}

// TestShippedConfigStartsOffline runs the binary on the shipped config.toml (ports and database
// moved into a temp dir): with no network the fetches fail, visibly, and the daemon keeps serving.
func TestShippedConfigStartsOffline(t *testing.T) {
	dir := t.TempDir()
	public, admin := freePair(t)
	cfg := strings.NewReplacer(`"127.0.0.1:8080"`, `"`+public+`"`, `"127.0.0.1:8081"`, `"`+admin+`"`,
		`"http://127.0.0.1:8080"`, `"http://`+public+`"`).Replace(mustRead(t, "../../config.toml"))
	cfgPath := writeFile(t, dir, "config.toml", cfg)
	d := startDaemon(t, dir, cfgPath, public, admin)
	d.waitNotify(t, "READY=1", 10*time.Second)
	// Every source is fetched at once (never fetched before) and fails without network.
	waitUntil(t, func() bool {
		_, out := httpDo(t, "GET", d.admin+"/api/sources", "")
		return strings.Count(out, `"health": "failing"`) == 5
	})
	code, page := httpDo(t, "GET", d.public+"/", "")
	if code != 200 || !strings.Contains(page, "财联社 - 深度") || !strings.Contains(page, "/feeds/all.rss") {
		t.Errorf("index page: %d\n%s", code, page)
	}
	if code, body := httpDo(t, "GET", d.public+"/feeds/all.atom", ""); code != 200 || !strings.Contains(body, "<feed") {
		t.Errorf("the all output while every source fails: %d %s", code, body)
	}
	if code, _ := httpDo(t, "GET", d.public+"/readyz", ""); code != 200 {
		t.Errorf("readyz: %d", code)
	}
	out, _ := exec.Command(binPath, "sources", "--config", cfgPath).CombinedOutput()
	if !strings.Contains(string(out), "cls-depth") || !strings.Contains(string(out), "failing") {
		t.Errorf("tributary sources:\n%s", out)
	}
	t.Logf("tributary sources on the shipped config, offline:\n%s", out)
}
