package store

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"tributary/aggregator"
)

// stateSamples are fetch states as the refresher leaves them, and ones whose JSON needs escapes.
func stateSamples() []aggregator.FetchState {
	t := time.Date(2026, 12, 7, 4, 24, 53, 709744595, time.UTC)
	cst := time.FixedZone("", 8*3600)
	return []aggregator.FetchState{
		{},
		{ETag: `W/"0-1"`, LastModified: "Thu, 01 Jan 2026 01:00:00 GMT", LastFetch: t, LastSuccess: t, LastStatus: aggregator.StatusUpdated},
		{LastFetch: t, LastSuccess: t.Add(-time.Hour), LastStatus: aggregator.StatusError, LastError: "fetch: 503 Service Unavailable",
			ConsecutiveFailures: 3, BackoffUntil: t.Add(30 * time.Minute), Gone: false},
		{LastFetch: t.In(cst), LastStatus: aggregator.StatusError, LastError: "gone", Gone: true, ConsecutiveFailures: 12},
		{ETag: "plain-etag", LastStatus: aggregator.StatusNotModified, LastFetch: t},
		// Escapes json.Marshal writes as \u: the fast path gives these to json.Unmarshal.
		{LastError: "parse: <rss> line 3: \"bad\" & worse\n\ttab", LastStatus: aggregator.StatusError},
		// Text JSON does not escape: the fast path.
		{LastError: "源 “财联社” 返回 502\n\t\\ \"x\"", LastStatus: aggregator.StatusError},
		{ETag: "\u2028"},
	}
}

// TestDecodeState: every state comes back as json.Unmarshal reads it, and the states the refresher
// writes every day (no escapes) take the fast path, which is the point of it.
func TestDecodeState(t *testing.T) {
	for i, want := range stateSamples() {
		v, err := encodeState(want)
		if err != nil {
			t.Fatal(err)
		}
		got, err := decodeState(v)
		if err != nil {
			t.Fatalf("sample %d: %v", i, err)
		}
		var viaJSON aggregator.FetchState
		if err := json.Unmarshal(v[1:], &viaJSON); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, viaJSON) {
			t.Errorf("sample %d: decoded %+v, json.Unmarshal reads %+v", i, got, viaJSON)
		}
		if !got.LastFetch.Equal(want.LastFetch) || got.LastError != want.LastError || got.Gone != want.Gone {
			t.Errorf("sample %d: decoded %+v, stored %+v", i, got, want)
		}
		_, fast := decodeStateFast(v[1:])
		if plain := i < 5 || i == 6; fast != plain {
			t.Errorf("sample %d (%s): fast path taken %v, want %v", i, v[1:], fast, plain)
		}
	}
}

// FuzzDecodeStateFast: whatever the bytes, when the fast path accepts a value, json.Unmarshal
// accepts it too and reads the same state.
func FuzzDecodeStateFast(f *testing.F) {
	for _, st := range stateSamples() {
		v, _ := encodeState(st)
		f.Add(v[1:])
	}
	f.Add([]byte(`{"etag":"a","ETAG":"b"}`))
	f.Add([]byte(`{"consecutive_failures":01}`))
	f.Add([]byte(`{"gone":true,"gone":false}`))
	f.Add([]byte(`{"last_fetch":"2026-12-07T04:24:53Z"}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		got, ok := decodeStateFast(b)
		if !ok {
			return
		}
		var want aggregator.FetchState
		if err := json.Unmarshal(b, &want); err != nil {
			t.Fatalf("fast path accepted %q, json.Unmarshal refuses it: %v", b, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: fast path %+v, json.Unmarshal %+v", b, got, want)
		}
	})
}

// BenchmarkDecodeState is one source's state read at startup (10,000 of them for 10,000 sources).
func BenchmarkDecodeState(b *testing.B) {
	v, _ := encodeState(stateSamples()[1])
	b.Run("fast", func(b *testing.B) {
		for b.Loop() {
			if _, err := decodeState(v); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("json", func(b *testing.B) {
		for b.Loop() {
			var st aggregator.FetchState
			if err := json.Unmarshal(v[1:], &st); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkHealthRead is what a health probe costs against a store holding 10,000 sources' states:
// "ping", Store.Ping (what /readyz and the watchdog call), against "states", Store.States (what
// they called before: every state read and decoded, per probe).
//
//	go test -run '^$' -bench HealthRead ./store/
func BenchmarkHealthRead(b *testing.B) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(b.TempDir(), "t.db"), Options{Timeout: time.Second})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	t := time.Date(2026, 12, 7, 4, 24, 53, 0, time.UTC)
	states := make(map[string]aggregator.FetchState, 10000)
	for i := range 10000 {
		states[fmt.Sprintf("src-%05d", i)] = aggregator.FetchState{ETag: fmt.Sprintf(`W/"%d-1"`, i),
			LastModified: "Thu, 01 Jan 2026 01:00:00 GMT", LastFetch: t, LastSuccess: t, LastStatus: aggregator.StatusNotModified}
	}
	if err := s.SaveStates(ctx, states); err != nil {
		b.Fatal(err)
	}
	b.Run("ping", func(b *testing.B) {
		for b.Loop() {
			if err := s.Ping(ctx); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("states", func(b *testing.B) {
		for b.Loop() {
			if got, err := s.States(ctx); err != nil || len(got) != len(states) {
				b.Fatalf("%d states, %v", len(got), err)
			}
		}
	})
}
