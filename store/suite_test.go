package store

import (
	"context"
	"path/filepath"
	"testing"

	"tributary/aggregator"
	"tributary/aggregator/storetest"
	"tributary/aggregator/story"
)

// TestStoreBehaviours runs the backend-independent behaviour suite against bbolt, with the small
// transaction sizes that make Articles and Prune resume across transactions.
func TestStoreBehaviours(t *testing.T) {
	storetest.Run(t, func(t *testing.T) storetest.Opener {
		path := filepath.Join(t.TempDir(), "tributary.db")
		return func(t *testing.T, o storetest.Options) aggregator.Store {
			opts := Options{Now: o.Now}
			if o.Grouping {
				opts.Dedup = &story.Options{}
			}
			s, err := Open(context.Background(), path, opts)
			if err != nil {
				t.Fatalf("Open: %v", err)
			}
			// Index entries folded every few puts: the suite's queries meet them in both an
			// index and its twin.
			s.readBatch, s.pruneBatch, s.foldAt = 7, 3, 5
			t.Cleanup(func() { _ = s.Close() })
			return s
		}
	})
}
