package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"tributary/aggregator"
)

// TestRetentionAtMostOncePerMinute: every refresh that stores something asks for retention, and a
// few hundred sources refreshing together must not run a pass over the whole store each; a change
// a minute after the last pass runs one again. The daemon's clock is moved, not waited for.
func TestRetentionAtMostOncePerMinute(t *testing.T) {
	// Retention keeps what a source lists however old, so its work is observed through the cap of
	// two articles per source, which it applies to listed articles too.
	app, advance := openClocked(t, "[storage]\n", "[storage]\nmax_articles_per_source = 2\n")
	refreshAndSettle(t, app, "depth")
	if n := stored(t, app); n != 2 {
		t.Fatalf("%d articles after the first change, want retention to cap the source at 2", n)
	}
	advance(30 * time.Second)
	refreshAndSettle(t, app, "telegraph")
	before := stored(t, app)
	if before <= 4 {
		t.Errorf("%d articles: a change 30s after the last retention pass ran another", before)
	}
	advance(31 * time.Second)
	app.afterChange()
	app.background.Wait()
	// At most 2 of each source; fewer when the sources share an article.
	if n := stored(t, app); n >= before || n > 4 {
		t.Errorf("%d articles after a change a minute after the last pass (%d before), want retention to cap both sources at 2", n, before)
	}
}

// TestRetentionCapsEachSource: storage.max_articles_per_source reaches retention, which runs after
// the refresh that went over it.
func TestRetentionCapsEachSource(t *testing.T) {
	app, _ := openClocked(t, "[storage]\n", "[storage]\nmax_articles_per_source = 2\n")
	refreshAndSettle(t, app, "depth")
	if n := stored(t, app); n != 2 {
		t.Errorf("%d articles of a source capped at 2 after retention", n)
	}
}

// openClocked opens (without serving) a daemon on two fixture sources, "depth" and "telegraph",
// with old replaced by new in its config, on a clock that advance moves.
func openClocked(t *testing.T, old, new string) (app *App, advance func(time.Duration)) {
	t.Helper()
	src := newFixtureServer(t, map[string]string{"/depth": "cls-depth.xml", "/telegraph": "cls-telegraph.xml"})
	dir := t.TempDir()
	cfgPath := writeConfig(t, dir, fmt.Sprintf("[[source]]\nname = \"depth\"\nurl = \"%s/depth\"\n[[source]]\nname = \"telegraph\"\nurl = \"%s/telegraph\"\n", src.URL, src.URL))
	writeFile(t, dir, "config.toml", strings.Replace(mustRead(t, cfgPath), old, new, 1))
	cfg, err := LoadConfig(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	app, err = OpenApp(context.Background(), cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { app.Close(context.Background()) })
	var mu sync.Mutex
	now := time.Now()
	app.now = func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	return app, func(d time.Duration) { mu.Lock(); now = now.Add(d); mu.Unlock() }
}

// refreshAndSettle refreshes one source, which must store something; its change runs afterChange,
// and the retention pass that starts is waited for.
func refreshAndSettle(t *testing.T, app *App, name string) {
	t.Helper()
	if res := app.refresher.RefreshSource(context.Background(), name, true); res.Status != aggregator.StatusUpdated || res.New == 0 {
		t.Fatalf("refresh %s: %+v", name, res)
	}
	app.background.Wait()
}

func stored(t *testing.T, app *App) int {
	t.Helper()
	st, err := app.store.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return st.Articles
}
