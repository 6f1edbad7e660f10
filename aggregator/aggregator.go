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

	// Story is the ID of the story the article belongs to: the ID of the story's first stored
	// article. Empty means the article is its own story (it matched no earlier article, or
	// grouping is off). It is set when the article is stored and changes only by an operator's
	// split, so that a merged output's item IDs are stable.
	Story string `json:"story,omitempty"`
	// Also lists the story's other copies; only merged queries (Query.Merge) fill it.
	Also []Copy `json:"also,omitempty"`
}

// Copy is one other copy of a story in a merged article: outputs link to it (Atom rel="related",
// the JSON Feed "_tributary" extension, RSS "Also reported by:").
type Copy struct {
	// ID is the copy's article ID.
	ID string `json:"id"`
	// Source is the configured name of the source that carried the copy.
	Source string `json:"source"`
	URL    string `json:"url,omitempty"`
	Title  string `json:"title"`
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
	// StoryRank decides which copy of a story a merged output shows: the fullest of the copies
	// whose sources rank highest. Length alone would let any source take over the stories it
	// carries (a feed that copies others' flashes and pads them shows its own title and link in
	// their place); an operator lowers the rank of a source trusted less, or raises the one whose
	// copy readers prefer. Zero for most sources.
	StoryRank int
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
	// Rules keep or drop articles by what they say, who wrote them, where they come from and how old
	// they are, before Limit counts them; aggregator/filter compiles and applies them, and documents
	// how several combine.
	Rules []Rule
	// Merge is how the output groups articles: MergeStory (the default, also when empty) shows
	// each story once, MergeLink one item per canonical link.
	Merge string
	// StoryRanks holds the sources' StoryRank that are not zero, by source name, for Query.
	StoryRanks map[string]int
}

// Rule is one [[output.rule]] block as data. Each field it sets is a condition; the rule matches an
// article when all of them hold (aggregator/filter says exactly how).
type Rule struct {
	// Action is RuleKeep or RuleDrop.
	Action string
	// Keywords per field, any of which matches when it occurs in the field, ignoring case.
	Title, Text, Author, Category, Source []string
	// Regular expressions (Go's RE2 syntax) per field; empty means none.
	TitleRegex, TextRegex, AuthorRegex, CategoryRegex, SourceRegex string
	// OlderThan, when not zero, holds for articles dated more than this long ago.
	OlderThan time.Duration
}

// The actions of a Rule.
const (
	RuleKeep = "keep"
	RuleDrop = "drop"
)

// The values of Output.Merge.
const (
	MergeStory = "story"
	MergeLink  = "link"
)

// Query selects articles, newest first.
type Query struct {
	Sources    []string
	Categories []string
	// Since, when not zero, keeps only articles dated at or after it.
	Since time.Time
	// Limit caps the result; zero means no cap. A merged query counts stories.
	Limit int
	// Merge returns one Article per story instead of one per canonical link: its ID is the story's
	// ID (stable however many copies arrive later), its title, body and link those of the copy
	// shown (see StoryRanks), its Sources and Categories the union of the copies', Date the first
	// copy's, Updated when the story last gained or changed a copy, and Also the other copies.
	// Copies outside Sources and Categories are left out.
	Merge bool
	// StoryRanks, for a merged query, are the sources' StoryRank by name (absent: 0): the copy shown
	// is the fullest of those whose sources rank highest.
	StoryRanks map[string]int
}

// Query returns the query that selects this output's articles.
func (o Output) Query() Query {
	return Query{Sources: o.Sources, Categories: o.Categories, Limit: o.Limit, Merge: o.Merge != MergeLink, StoryRanks: o.StoryRanks}
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
	// Grouped counts the New articles that joined an earlier article's story.
	Grouped int `json:"grouped,omitempty"`
}

// Changed reports whether the save changed anything that an output shows.
func (r SaveResult) Changed() bool { return r.New+r.Updated+r.Merged > 0 }

// RefreshResult is the report of one refresh of one source.
type RefreshResult struct {
	Source    string `json:"source"`
	Status    Status `json:"status"`
	New       int    `json:"new"`
	Updated   int    `json:"updated"`
	Unchanged int    `json:"unchanged"`
	Merged    int    `json:"merged"`
	// Grouped counts the New articles that joined another article's story.
	Grouped  int           `json:"grouped,omitempty"`
	Duration time.Duration `json:"duration_ns"`
	// Bytes counts what was read from the network.
	Bytes int64  `json:"bytes"`
	Error string `json:"error,omitempty"`
	// Node names the node that ran the refresh, when several share the database: a manual refresh
	// asked of one node may run on the node that holds the source's lease.
	Node string `json:"node,omitempty"`
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
	// StoryIndex is the story grouping's in-memory index; zero when grouping is off.
	StoryIndex StoryIndexStats `json:"story_index"`
}

// StoryIndexStats describes the in-memory index of story grouping ([dedup]): what it holds and
// takes, and how many prints a bound on its size (MaxPrints, 0 for none) made it forget before
// they left the window — articles a later copy could no longer join.
type StoryIndexStats struct {
	Prints    int   `json:"prints"`
	Bytes     int64 `json:"bytes"`
	MaxPrints int   `json:"max_prints"`
	Evicted   int   `json:"evicted"`
}

// StatesSaver is implemented by a Store that can store the fetch states of many sources in one
// write transaction. The refresher uses it for the states of 304s, which it saves in batches
// rather than one durable commit each; without it, it saves them one by one.
type StatesSaver interface {
	// SaveStates stores each source's fetch state, all of them or none.
	SaveStates(ctx context.Context, states map[string]FetchState) error
}

// SourceRanker is implemented by a Store whose merges by canonical link follow the sources'
// StoryRank: a copy of a lower-ranked source never replaces the text that a higher-ranked one
// stored under the same link. The daemon sets the ranks when it opens the store and on a reload;
// a store never given any ranks every source 0 (the fullest copy is kept).
type SourceRanker interface {
	// SetSourceRanks replaces the ranks, by source name (absent: 0), for the saves that follow.
	SetSourceRanks(ranks map[string]int)
}

// Leaser is implemented by a Store that several tributary nodes share (store/postgres). Before a
// node fetches a source it claims the source's lease, so that each due fetch is done by one node:
// a lease runs until ttl after its last claim, by the database's clock, and a node that dies loses
// its sources to the others when its leases run out.
type Leaser interface {
	// Lease claims source for owner, or renews owner's claim, until ttl from now. held is false
	// when another owner holds a lease that has not run out. When held, state is the source's
	// fetch state as stored (ok false when it has none): another node may have fetched it since.
	Lease(ctx context.Context, source, owner string, ttl time.Duration) (held bool, state FetchState, ok bool, err error)
}

// Forwarder is implemented by a Store that several tributary nodes share (store/postgres), beside
// Leaser. A manual refresh asked of a node that does not hold the source's lease becomes a request
// row: the lease holder claims it on its poll, refreshes and writes the result into it, and the
// asking node, polling the row, answers with that result. While a request of a source is pending,
// later requests of it join that one, so that concurrent manual refreshes make one fetch.
type Forwarder interface {
	// RequestRefresh returns the id of the pending request of source, adding one if there is none.
	RequestRefresh(ctx context.Context, source string) (id int64, err error)
	// RefreshRequest returns request id's result once done. leased reports whether some node holds
	// a live lease on its source: when none does, the asking node may claim it and refresh itself.
	// The error wraps ErrNotFound when the request is gone (pruned).
	RefreshRequest(ctx context.Context, id int64) (res RefreshResult, done, leased bool, err error)
	// ClaimRefreshes marks as owner's the pending requests of the sources whose live lease owner
	// holds (of source alone, unless it is empty) that owner has not claimed yet, at most limit,
	// and returns their sources. A request claimed by a node that lost the lease is claimed again.
	ClaimRefreshes(ctx context.Context, owner, source string, limit int) ([]string, error)
	// WaitingRefreshes returns those of sources that have a pending request.
	WaitingRefreshes(ctx context.Context, sources []string) ([]string, error)
	// FinishRefresh writes res into the pending request of res.Source, if there is one.
	FinishRefresh(ctx context.Context, res RefreshResult) error
	// ReleaseRefresh gives back the request of source that owner claimed, for another node (or
	// the asking one, once the lease runs out) to take.
	ReleaseRefresh(ctx context.Context, source, owner string) error
	// PruneRefreshes deletes the requests finished, or asked and never finished, more than age ago.
	PruneRefreshes(ctx context.Context, age time.Duration) (int, error)
}

// LeaseInfo is who holds a lease and until when, as the database knows it.
type LeaseInfo struct {
	// Owner names the node (its leaseOwner: host, process, a random part).
	Owner string
	// Expiry is when the lease runs out; a lease past it is held by no one.
	Expiry time.Time
}

// LeaseReader is implemented by a Store with leases: it lists them, for status pages.
type LeaseReader interface {
	// Leases returns every lease by name, those run out too.
	Leases(ctx context.Context) (map[string]LeaseInfo, error)
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
	// Stories returns the most recent story events (merges and splits), newest first, at most
	// limit (zero: all that the store keeps, a bounded number).
	Stories(ctx context.Context, limit int) ([]StoryMerge, error)
	// SplitStory takes the article out of its story, for good: the split is stored, survives a
	// restart, and the article never rejoins that story. Splitting a story's first article keeps
	// it as that story and moves every other copy to a story of its own. It returns an error
	// wrapping ErrNotFound for an unknown article and ErrNotMerged for one alone in its story.
	SplitStory(ctx context.Context, articleID string) error
	// Ping makes the smallest read that shows the database answers. Health probes call it, and
	// they are open to anyone who reaches the public listener: its cost must not grow with what the
	// store holds (reading every source's state was ~18 ms at 10,000 sources, per probe).
	Ping(ctx context.Context) error
	Close() error
}

// StoryMerge is one entry of the store's bounded log of story events, for operators: a new
// article that joined a story (Split false, with the score and the article it matched) or an
// operator's split.
type StoryMerge struct {
	Time  time.Time `json:"time"`
	Story string    `json:"story"`
	// Article is the article that joined (or was split from) Story; Matched the stored article it
	// matched best.
	Article string  `json:"article"`
	Matched string  `json:"matched,omitempty"`
	Score   float64 `json:"score,omitempty"`
	// Window: Score is that of the best window of the longer copy's whole text (the second look
	// at a flash that quotes a long article past its lead), not of the two prints.
	Window bool `json:"window,omitempty"`
	// Words: Score is that of the two copies' words (English content words, Chinese Han bigrams:
	// aggregator/story's words.go and hanwords.go), and their text alone fell short.
	Words bool `json:"words,omitempty"`
	Split bool `json:"split,omitempty"`
	// The sources and titles of Article and Matched, so that a wrong merge shows at a glance;
	// Matched's are read when the log is, and empty once that article is pruned.
	ArticleSource string `json:"article_source,omitempty"`
	ArticleTitle  string `json:"article_title,omitempty"`
	MatchedSource string `json:"matched_source,omitempty"`
	MatchedTitle  string `json:"matched_title,omitempty"`
}

// ErrNotMerged is wrapped by SplitStory's error when the article shares its story with no other.
var ErrNotMerged = errors.New("article is alone in its story")

// SourceStatus is a source's configuration with its health, for status pages and the admin API.
type SourceStatus struct {
	Source   Source
	State    FetchState
	Articles int
	NextRun  time.Time
	Running  bool
	// Lease is the source's lease, when several nodes share the database (zero otherwise).
	Lease LeaseInfo
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
