package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"tributary/store"
)

// Category floods (issue 10): a feed whose entries carry hundreds of distinct categories each must
// neither stall the store's writer nor hold up a shutdown. The flood is issue 10's: one entry of
// 100,000 categories (~3 MB). Before the store deduplicated categories with a set and wrote index
// entries and counters in key order, saving it took minutes inside one entry's work, where no
// cancellation was looked at, and SIGTERM waited for it.
const floodItems, floodCategories = 1, 100_000

// floodRSS returns the flood feed; categories are distinct and unsorted, as a hostile feed lists them.
func floodRSS() []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>flood</title><link>http://127.0.0.1/</link><description>flood</description>`)
	for i := range floodItems {
		fmt.Fprintf(&b, "<item><title>item %d</title><link>http://127.0.0.1/a/%d</link><pubDate>%s</pubDate><description>body %d</description>",
			i, i, time.Now().Add(-time.Duration(i)*time.Minute).UTC().Format(time.RFC1123Z), i)
		for j := range floodCategories {
			fmt.Fprintf(&b, "<category>%08x</category>", uint32(i*floodCategories+j)*2654435761)
		}
		b.WriteString("</item>\n")
	}
	b.WriteString("</channel></rss>\n")
	return []byte(b.String())
}

// floodServer serves the flood on 127.0.0.1.
func floodServer(t *testing.T) (url string) {
	t.Helper()
	body := floodRSS()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(body)
	}))
	t.Cleanup(srv.Close)
	return srv.URL + "/flood"
}

// waitLog waits until the log holds a line with every one of want; the flood takes a while to
// parse on a loaded machine, hence the long bound.
func waitLog(t *testing.T, log *syncBuffer, want ...string) {
	t.Helper()
	for deadline := time.Now().Add(3 * time.Minute); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		for _, line := range strings.Split(log.String(), "\n") {
			found := true
			for _, w := range want {
				found = found && strings.Contains(line, w)
			}
			if found {
				return
			}
		}
	}
	t.Fatalf("no log line with %q", want)
}

// checkFloodDatabase opens the database left behind and checks it: consistent, and holding the
// flood whole or not at all.
func checkFloodDatabase(t *testing.T, path string) {
	t.Helper()
	st, err := store.Open(context.Background(), path, store.Options{Timeout: time.Second})
	if err != nil {
		t.Fatalf("database after shutdown: %v", err)
	}
	defer st.Close()
	if err := st.Check(context.Background()); err != nil {
		t.Errorf("database check after shutdown: %v", err)
	}
	stats, err := st.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if stats.Articles != 0 && stats.Articles != floodItems {
		t.Errorf("%d articles stored, want the whole feed (%d) or none", stats.Articles, floodItems)
	}
	t.Logf("articles stored when the process stopped: %d", stats.Articles)
}

// TestBinarySIGTERMDuringCategoryFlood sends SIGTERM to the daemon while it stores the flood: it
// exits 0 within the shutdown deadline (plus the servers' grace), with a clean database.
func TestBinarySIGTERMDuringCategoryFlood(t *testing.T) {
	url := floodServer(t)
	dir := t.TempDir()
	cfgPath, public, admin := binaryConfig(t, dir, "", fmt.Sprintf("[[source]]\nname = \"flood\"\nurl = %q\n", url))
	d := startDaemon(t, dir, cfgPath, public, admin)
	// The never-fetched source is fetched at once; this line comes just before its SaveFeed.
	waitLog(t, d.stderr, `"msg":"storing articles"`, `"source":"flood"`)
	start := time.Now()
	d.cmd.Process.Signal(syscall.SIGTERM)
	code := d.wait(t, shutdownDeadline+5*time.Second)
	t.Logf("stopped %v after SIGTERM", time.Since(start).Round(time.Millisecond))
	if code != 0 {
		t.Errorf("exit code %d after SIGTERM, want 0", code)
	}
	checkFloodDatabase(t, filepath.Join(dir, "tributary.db"))
}

// TestBinaryRefreshInterruptedDuringFlood interrupts `tributary refresh` (no daemon: it refreshes
// directly) while the flood is on its way: it stops within the shutdown deadline, says it was
// interrupted, and stores nothing. The server sends half of the flood and holds the rest until the
// client goes away, so the signal always lands inside the refresh; with the per-article caps of
// normalize the flood's own store phase is too short to aim a signal at (the store's writer is
// interrupted mid-flush in store's TestSaveFeedCancelledInFlush).
func TestBinaryRefreshInterruptedDuringFlood(t *testing.T) {
	body := floodRSS()
	sent := make(chan struct{}, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(body[:len(body)/2])
		w.(http.Flusher).Flush()
		select {
		case sent <- struct{}{}:
		default:
		}
		<-r.Context().Done()
	}))
	t.Cleanup(srv.Close)
	dir := t.TempDir()
	cfgPath, _, _ := binaryConfig(t, dir, "", fmt.Sprintf("[[source]]\nname = \"flood\"\nurl = %q\n", srv.URL+"/flood"))
	cmd := exec.Command(binPath, "refresh", "--config", cfgPath, "--timeout", "10m")
	out := &syncBuffer{}
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan struct{})
	go func() { cmd.Wait(); close(exited) }()
	t.Cleanup(func() { cmd.Process.Kill(); <-exited })
	select {
	case <-sent:
	case <-time.After(time.Minute):
		t.Fatalf("the refresh never fetched the flood:\n%s", out.String())
	}
	start := time.Now()
	cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-exited:
	case <-time.After(shutdownDeadline + 5*time.Second):
		cmd.Process.Signal(syscall.SIGQUIT) // its goroutines go to the output below
		<-exited
		t.Fatalf("refresh still running %v after SIGTERM:\n%s", shutdownDeadline+5*time.Second, out.String())
	}
	t.Logf("stopped %v after SIGTERM; output:\n%s", time.Since(start).Round(time.Millisecond), out.String())
	if !strings.Contains(out.String(), "refresh: interrupted") || cmd.ProcessState.ExitCode() != 1 {
		t.Errorf("exit %d; the output does not say the refresh was interrupted:\n%s", cmd.ProcessState.ExitCode(), out.String())
	}
	checkFloodDatabase(t, filepath.Join(dir, "tributary.db"))
}
