// Package transfer is how one store hands its whole content to another (tributary migrate
// --from copies a bbolt file into PostgreSQL): the parts of a database as plain values, and the
// Sink that receives them batch by batch, so that a copy streams in bounded memory whatever the
// database holds. Adapters never import each other; both speak this package. It does no I/O.
package transfer

import (
	"context"
	"time"

	"tributary/aggregator"
	"tributary/aggregator/merge"
)

// Tombstone is a pruned article's ID, remembered so that a source still listing it does not bring
// it back.
type Tombstone struct {
	ID       string
	Pruned   time.Time
	LastSeen time.Time
}

// Print is a stored story fingerprint: the article's ID, when it was first seen (the index keeps
// the window's), the story it joined ("" for its own) and the print (story.Print's binary form).
type Print struct {
	ID        string
	FirstSeen time.Time
	Story     string
	Print     []byte
}

// Split records that an operator took article ID out of Story.
type Split struct {
	ID, Story string
	At        time.Time
}

// Counts says what a copy carried.
type Counts struct {
	Articles, Tombstones, Listed, States, Prints, Splits, StoryLog int
}

// Sink receives a database. Every method may be called many times with a batch (except StoryLog,
// called once with the whole bounded log, oldest first) and must be idempotent: copying the same
// database twice leaves the same result. Finish is called last, once: it recomputes what the
// batches do not keep (counters) and makes the copy visible to readers (the generation).
type Sink interface {
	Articles(ctx context.Context, recs []merge.Record) error
	Tombstones(ctx context.Context, ts []Tombstone) error
	// Listed adds ids to what source currently lists.
	Listed(ctx context.Context, source string, ids []string) error
	States(ctx context.Context, states map[string]aggregator.FetchState) error
	Prints(ctx context.Context, ps []Print) error
	Splits(ctx context.Context, ss []Split) error
	StoryLog(ctx context.Context, log []aggregator.StoryMerge) error
	Finish(ctx context.Context) error
}
