// Package story tells when two articles from different sources report the same story, so that a
// merged output can show it once. It works on fingerprints (Print) computed once per article at
// ingest, in the caller's goroutine, and an Index of the prints inside a time window that the
// single store writer consults: matching must stay cheap because it runs for every new article.
//
// It holds no I/O and imports only the standard library; the store persists prints
// (Print.AppendBinary / Print.UnmarshalBinary) and rebuilds the Index at open.
package story

import (
	"errors"
	"time"
)

// Defaults are the shipped [dedup] settings.
const (
	// DefaultWindow allows for feeds that label Beijing time as GMT (copies of one flash ~8 h apart)
	// and for a full article up to ~30 h after its flash.
	DefaultWindow = 36 * time.Hour
	// DefaultThreshold is the score at and above which two articles are one story.
	DefaultThreshold = 0.5
)

// Options tune matching. The zero value means the defaults.
type Options struct {
	// Window: two articles whose dates are further apart are never one story; the Index keeps no
	// print dated before now minus Window.
	Window time.Duration
	// Threshold in (0, 1]: the lowest Score that merges.
	Threshold float64
}

func (o Options) withDefaults() Options {
	if o.Window <= 0 {
		o.Window = DefaultWindow
	}
	if o.Threshold <= 0 {
		o.Threshold = DefaultThreshold
	}
	return o
}

// Print is the fingerprint of one article: only what matching needs, bounded in size whatever the
// article's length.
type Print struct {
	// Time is the article's date: the window is measured between prints' times.
	Time time.Time
	// Runes is the length of the article's text, which tells the fuller copy.
	Runes int
	// Shingles are sampled hashes of the title's and text's character shingles, sorted, unique.
	Shingles []uint32
	// Facts are hashes of what tells templated stories apart (dates, numbers, names), sorted, unique.
	Facts []uint32
}

// Fingerprint computes the print of an article from its title, its body (sanitized HTML: tags and
// entities are not text) and its date. Callers pass a date no later than when the article was
// first seen: a feed's future date must not stretch the window.
func Fingerprint(title, body string, date time.Time) Print {
	return fingerprint(title, body, date)
}

// Score says how likely a and b are one story, in [0, 1]: 0 when they are further apart than the
// window or their facts disagree.
func Score(a, b Print, o Options) float64 {
	return score(a, b, o.withDefaults())
}

// ErrBadPrint is wrapped by UnmarshalBinary's errors.
var ErrBadPrint = errors.New("story: bad print")

// Match is the best stored candidate for a new print.
type Match struct {
	// ID is the matched article, Story the story it belongs to.
	ID, Story string
	Score     float64
}
