package websub

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"
)

// Defaults of the publisher.
const (
	// DefaultDebounce is how long the publisher waits after a change for more: a refresh of every
	// source changes the outputs dozens of times in a few seconds, and the hub needs one ping.
	DefaultDebounce = 5 * time.Second
	// DefaultAttempts bounds the pings of one round for one URL; they are spaced by a doubling
	// backoff from DefaultRetryBase.
	DefaultAttempts  = 5
	DefaultRetryBase = 2 * time.Second
	maxRetryWait     = 2 * time.Minute
)

// PublisherOptions configures a Publisher.
type PublisherOptions struct {
	// Hub is the hub's URL; required.
	Hub string
	// Client sends the pings. The hub is the operator's, configured: no guard is needed.
	Client *http.Client
	// Versions returns the URL of every served feed with a version that changes when its bytes
	// do (a digest). Only the URLs whose version changed since the last round are pinged.
	Versions func(ctx context.Context) (map[string]string, error)
	// Debounce, Attempts and RetryBase: see the defaults.
	Debounce  time.Duration
	Attempts  int
	RetryBase time.Duration
	// After replaces time.After, so that tests drive the debounce and the backoff.
	After  func(time.Duration) <-chan time.Time
	Logger *slog.Logger
	// Observe, when set, sees the outcome of every ping ("ok" or "error").
	Observe func(outcome string)
}

// Publisher pings the hub ("hub.mode=publish", "hub.url=...") when served feeds change. It is
// safe for concurrent use; Run does the work.
type Publisher struct {
	o       PublisherOptions
	changed chan struct{}

	mu   sync.Mutex
	last map[string]string // the versions the hub was last told about
}

// NewPublisher returns a Publisher; start Run, then call Changed.
func NewPublisher(o PublisherOptions) *Publisher {
	if o.Client == nil {
		o.Client = &http.Client{Timeout: requestTimeout}
	}
	if o.Debounce <= 0 {
		o.Debounce = DefaultDebounce
	}
	if o.Attempts <= 0 {
		o.Attempts = DefaultAttempts
	}
	if o.RetryBase <= 0 {
		o.RetryBase = DefaultRetryBase
	}
	if o.After == nil {
		o.After = time.After
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	return &Publisher{o: o, changed: make(chan struct{}, 1)}
}

// Prime records the versions the feeds have now, without a ping: at start, the hub has nothing
// new to learn.
func (p *Publisher) Prime(ctx context.Context) error {
	v, err := p.o.Versions(ctx)
	if err != nil {
		return fmt.Errorf("websub: read feed versions: %w", err)
	}
	p.mu.Lock()
	p.last = v
	p.mu.Unlock()
	return nil
}

// Changed notes that feeds may have changed. It never blocks: changes that come while one is
// pending are one change.
func (p *Publisher) Changed() {
	select {
	case p.changed <- struct{}{}:
	default:
	}
}

// Run pings the hub after each debounced change until ctx is done.
func (p *Publisher) Run(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-p.changed:
		}
		select {
		case <-ctx.Done():
			return
		case <-p.o.After(p.o.Debounce):
		}
		// Changes during the wait are in this round.
		select {
		case <-p.changed:
		default:
		}
		p.round(ctx)
	}
}

// round pings the hub for every feed whose version changed. A URL whose pings all fail keeps its
// old version, so the next round tells the hub again.
func (p *Publisher) round(ctx context.Context) {
	now, err := p.o.Versions(ctx)
	if err != nil {
		p.o.Logger.Warn("websub: cannot tell which feeds changed", "error", err)
		return
	}
	p.mu.Lock()
	var urls []string
	for u, v := range now {
		if p.last[u] != v {
			urls = append(urls, u)
		}
	}
	p.mu.Unlock()
	slices.Sort(urls)
	for _, u := range urls {
		if err := p.ping(ctx, u); err != nil {
			p.o.Logger.Warn("websub: hub not told of a change", "hub", p.o.Hub, "url", u, "error", err)
			continue
		}
		p.mu.Lock()
		if p.last == nil {
			p.last = map[string]string{}
		}
		p.last[u] = now[u]
		p.mu.Unlock()
	}
	// Feeds that are gone (a reload removed an output) are forgotten.
	p.mu.Lock()
	for u := range p.last {
		if _, ok := now[u]; !ok {
			delete(p.last, u)
		}
	}
	p.mu.Unlock()
}

// ping tells the hub that u changed, retrying with a doubling backoff up to Attempts times.
func (p *Publisher) ping(ctx context.Context, u string) error {
	wait := p.o.RetryBase
	var err error
	for attempt := 1; attempt <= p.o.Attempts; attempt++ {
		if err = p.pingOnce(ctx, u); err == nil {
			p.observe("ok")
			p.o.Logger.Debug("websub hub pinged", "hub", p.o.Hub, "url", u)
			return nil
		}
		p.observe("error")
		if attempt == p.o.Attempts {
			break
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-p.o.After(wait):
		}
		wait = min(wait*2, maxRetryWait)
	}
	return fmt.Errorf("after %d attempts: %w", p.o.Attempts, err)
}

func (p *Publisher) observe(outcome string) {
	if p.o.Observe != nil {
		p.o.Observe(outcome)
	}
}

// pingOnce posts hub.mode=publish&hub.url=u, the form that common hubs accept (the spec leaves
// publishing to the hub; this is PubSubHubbub 0.3's ping, which they kept).
func (p *Publisher) pingOnce(ctx context.Context, u string) error {
	ctx, cancel := context.WithTimeout(ctx, requestTimeout)
	defer cancel()
	form := url.Values{"hub.mode": {"publish"}, "hub.url": {u}}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, p.o.Hub, strings.NewReader(form.Encode()))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := p.o.Client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	msg, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return fmt.Errorf("hub answered %d: %s", resp.StatusCode, strings.TrimSpace(string(msg)))
	}
	return nil
}
