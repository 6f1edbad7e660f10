// Package aggregator says what tributary is: the article model, the sources it polls, the outputs it
// republishes and the Store that keeps them. It holds plain types and no I/O, so that every adapter
// (store, feeds) and every subpackage (fetch, parse, normalize, refresh) speaks the same language
// without importing each other; only cmd/tributary knows them all.
package aggregator

import (
	"context"
	"errors"
	"time"
)

// Article is one republished story in the model of a Hexo post (the front matter of
// ../shared/seed/cls-depth-article.md) plus what an aggregator needs to deduplicate and republish it.
type Article struct {
	// ID is derived from Key, so it is stable across restarts, re-fetches and reordering; it is the
	// guid/id of every output item.
	ID string `json:"id"`
	// Key is the dedup key: the canonical link, else "source\x00guid", else a hash of title and date.
	Key string `json:"key"`

	Title      string   `json:"title"`
	Categories []string `json:"categories,omitempty"`
	HeadImg    string   `json:"headimg,omitempty"`
	Thumbnail  string   `json:"thumbnail,omitempty"`
	Author     string   `json:"author,omitempty"`
	Comments   bool     `json:"comments"`
	// Date is when the story was published, else updated, else first seen. Outputs sort by it.
	Date time.Time `json:"date"`
	// Updated is the entry's own updated date, or when tributary saw its title or body change; zero
	// when neither happened.
	Updated time.Time `json:"updated,omitzero"`
	// FirstSeen is when tributary first stored the story; it never changes.
	FirstSeen time.Time `json:"first_seen"`

	// Body is sanitized HTML, safe to republish as is: sanitizing happens once, at ingest.
	Body string `json:"body"`
	// Link is the entry's absolute link as published (not canonicalized).
	Link string `json:"link,omitempty"`
	GUID string `json:"guid,omitempty"`
	// Sources names every configured source that carried the story.
	Sources []string `json:"sources"`
}

// Source is one configured feed to poll.
type Source struct {
	Name  string
	Title string
	URL   string
	// Schedule is a 5-field cron expression or a descriptor such as "@every 10m".
	Schedule   string
	Categories []string
	// Author is used when neither the entry nor the feed names one.
	Author string
	// Location reads dates that carry no zone, and the Chinese "CST" (+08:00).
	Location *time.Location
	Comments bool
	// Encoding overrides the charset of the feed when every other signal is missing or wrong.
	Encoding string
}

// Output is one merged feed that tributary serves as /feeds/{Name}.rss, .atom and .json.
type Output struct {
	Name        string
	Title       string
	Description string
	// Sources restricts the output to these sources; empty means every source.
	Sources []string
	// Categories, when not empty, keeps only articles carrying at least one of them.
	Categories []string
	Limit      int
}

// Query selects articles, newest first.
type Query struct {
	Sources    []string
	Categories []string
	// Since, when not zero, keeps only articles dated at or after it.
	Since time.Time
	// Limit caps the result; zero means no cap.
	Limit int
}

// Query returns the query that selects this output's articles.
func (o Output) Query() Query {
	return Query{Sources: o.Sources, Categories: o.Categories, Limit: o.Limit}
}

// FetchState is what tributary remembers of a source between fetches and across restarts.
type FetchState struct {
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
	// LastFetch is when the last attempt ended, LastSuccess when one last ended well.
	LastFetch   time.Time `json:"last_fetch,omitzero"`
	LastSuccess time.Time `json:"last_success,omitzero"`
	// LastStatus is the Status of the last attempt.
	LastStatus          Status `json:"last_status,omitempty"`
	LastError           string `json:"last_error,omitempty"`
	ConsecutiveFailures int    `json:"consecutive_failures,omitempty"`
	// BackoffUntil holds scheduled fetches back after failures or a Retry-After; a manual refresh
	// ignores it.
	BackoffUntil time.Time `json:"backoff_until,omitzero"`
	// Gone is set when the source answered 410: scheduled fetches stop until a reload or a manual
	// refresh.
	Gone bool `json:"gone,omitempty"`
}

// Status is the outcome of one refresh of one source.
type Status string

// The outcomes of a refresh.
const (
	StatusUpdated     Status = "updated"      // fetched and parsed; counts say what changed
	StatusNotModified Status = "not_modified" // 304: nothing to do
	StatusError       Status = "error"        // the fetch, the parse or the store failed
	StatusSkipped     Status = "skipped"      // not attempted: backing off, gone, or shutting down
)

// SaveResult counts what one SaveFeed did.
type SaveResult struct {
	New       int `json:"new"`
	Updated   int `json:"updated"`
	Unchanged int `json:"unchanged"`
	// Merged counts articles already stored from another source, now also carried by this one.
	Merged int `json:"merged"`
	// Suppressed counts entries of articles that were pruned and must not come back.
	Suppressed int `json:"suppressed"`
}

// Changed reports whether the save changed anything that an output shows.
func (r SaveResult) Changed() bool { return r.New+r.Updated+r.Merged > 0 }

// RefreshResult is the report of one refresh of one source.
type RefreshResult struct {
	Source    string        `json:"source"`
	Status    Status        `json:"status"`
	New       int           `json:"new"`
	Updated   int           `json:"updated"`
	Unchanged int           `json:"unchanged"`
	Merged    int           `json:"merged"`
	Duration  time.Duration `json:"duration_ns"`
	// Bytes counts what was read from the network.
	Bytes int64  `json:"bytes"`
	Error string `json:"error,omitempty"`
}

// PrunePolicy says which articles retention removes.
type PrunePolicy struct {
	// Before, when not zero, removes articles dated before it, except those that the latest stored
	// feed of a source named in KeepListedBy lists: a source whose newest post is older than the
	// retention still shows what it lists.
	Before time.Time
	// KeepListedBy names the sources (the configured ones) whose current listings Before spares and
	// whose listed IDs' tombstones do not expire (see TombstoneTTL). A source left out (one removed
	// from the configuration) protects nothing.
	KeepListedBy []string
	// MaxPerSource, when not zero, keeps only the newest this many articles of each source, listed
	// or not: it bounds what a source can keep.
	MaxPerSource int
	// TombstoneTTL is how long the ids of pruned articles are remembered after their last sighting,
	// so that a source still listing them does not bring them back. An ID that a source of
	// KeepListedBy currently lists is sighted by every prune: a source answering 304 stores no feed.
	TombstoneTTL time.Duration
}

// Stats describes what a store holds.
type Stats struct {
	Articles  int            `json:"articles"`
	PerSource map[string]int `json:"per_source"`
	Bytes     int64          `json:"bytes"`
}

// StatesSaver is implemented by a Store that can store the fetch states of many sources in one
// write transaction. The refresher uses it for the states of 304s, which it saves in batches
// rather than one durable commit each; without it, it saves them one by one.
type StatesSaver interface {
	// SaveStates stores each source's fetch state, all of them or none.
	SaveStates(ctx context.Context, states map[string]FetchState) error
}

// Store keeps articles and source state. Every method that touches the database takes ctx first.
type Store interface {
	// SaveFeed stores the articles of one fetched feed of source and its fetch state in one write
	// transaction: all of it or nothing. Articles already stored (same ID) are merged: sources and
	// categories become the union, and title or body change only when this source's own copy changed.
	SaveFeed(ctx context.Context, source string, articles []Article, state FetchState) (SaveResult, error)
	// SaveListed is SaveFeed for a feed some of whose entries were left out because source lists
	// them exactly as it did when they were stored: unchanged holds their IDs. The feed's articles
	// and unchanged together become what source currently lists (SaveFeed: its articles alone),
	// which retention keeps (PrunePolicy.KeepListedBy).
	SaveListed(ctx context.Context, source string, articles []Article, unchanged []string, state FetchState) (SaveResult, error)
	// SaveState stores a source's fetch state alone (a 304, a failure).
	SaveState(ctx context.Context, source string, state FetchState) error
	// States returns the fetch state of every source that has one.
	States(ctx context.Context) (map[string]FetchState, error)
	// Article returns one article by ID, or an error wrapping ErrNotFound.
	Article(ctx context.Context, id string) (Article, error)
	// Articles returns the articles that q selects, newest first, each once.
	Articles(ctx context.Context, q Query) ([]Article, error)
	// Generation changes whenever an article is added, changed or removed, so renderers can cache
	// by it without reading the database.
	Generation() uint64
	// Prune removes articles as p says and returns how many.
	Prune(ctx context.Context, p PrunePolicy) (int, error)
	// Stats counts what the store holds.
	Stats(ctx context.Context) (Stats, error)
	Close() error
}

// SourceStatus is a source's configuration with its health, for status pages and the admin API.
type SourceStatus struct {
	Source   Source
	State    FetchState
	Articles int
	NextRun  time.Time
	Running  bool
}

// Healthy reports whether the source's last attempt did not fail.
func (s SourceStatus) Healthy() bool { return s.State.ConsecutiveFailures == 0 && !s.State.Gone }

// The one-word health of a source, as Health returns it.
const (
	HealthOK      = "ok"      // the last attempt succeeded
	HealthNew     = "new"     // never fetched yet
	HealthFailing = "failing" // the last attempts failed; scheduled retries back off
	HealthGone    = "gone"    // the source answered 410: not fetched again until a reload or a manual refresh
)

// Health summarizes the source's state in one word: HealthGone, HealthFailing, HealthNew or HealthOK.
// Gone is told apart from failing because nothing retries it: it needs the operator, not patience.
func (s SourceStatus) Health() string {
	switch {
	case s.State.Gone:
		return HealthGone
	case s.State.ConsecutiveFailures > 0:
		return HealthFailing
	case s.State.LastFetch.IsZero():
		return HealthNew
	default:
		return HealthOK
	}
}

// ErrNotFound is wrapped by errors about a missing article, source or output.
var ErrNotFound = errors.New("not found")
