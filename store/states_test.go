package store

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"tributary/aggregator"
)

// TestSaveStates: a batch of states is stored whole and survives a reopen; a batch holding one bad
// name stores none of them.
func TestSaveStates(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "t.db")
	s := openAt(t, path, Options{})
	t0 := time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)
	want := map[string]aggregator.FetchState{}
	for i := range 300 {
		want[fmt.Sprintf("src-%03d", i)] = aggregator.FetchState{ETag: fmt.Sprintf(`W/"%d"`, i), LastModified: "Sun, 01 Mar 2026 08:00:00 GMT",
			LastFetch: t0.Add(time.Duration(i) * time.Second), LastSuccess: t0, LastStatus: aggregator.StatusNotModified}
	}
	if err := s.SaveStates(ctx, want); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveStates(ctx, nil); err != nil {
		t.Errorf("an empty batch: %v", err)
	}
	bad := map[string]aggregator.FetchState{"src-000": {ETag: "changed"}, "": {ETag: "x"}}
	if err := s.SaveStates(ctx, bad); err == nil {
		t.Error("a batch with an empty source name succeeded")
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = openAt(t, path, Options{})
	got, err := s.States(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("%d states after a reopen, want %d", len(got), len(want))
	}
	for name, w := range want {
		g := got[name]
		if g.ETag != w.ETag || !g.LastFetch.Equal(w.LastFetch) || g.LastStatus != w.LastStatus || g.LastModified != w.LastModified {
			t.Errorf("state of %s: %+v, want %+v", name, g, w)
		}
	}
	mustCheck(t, s)
}
