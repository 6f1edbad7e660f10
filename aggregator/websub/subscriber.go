package websub

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Defaults and bounds of the subscriber.
const (
	DefaultLeaseSeconds = 86400 * 5
	// MaxLeaseSeconds caps what config accepts and what a hub's verification may claim.
	MaxLeaseSeconds     = 86400 * 30
	MinLeaseSeconds     = 300
	DefaultMaxPushBytes = 15 << 20
	// retryFailed is how long a failed or denied subscription waits before the next fetch that
	// finds the hub may try again: every poll finds it, and a hub that refuses must not be asked
	// every ten minutes.
	retryFailed = 30 * time.Minute
	// forgetUnsubscribed is how long an unsubscription waits for its verification before the
	// subscriber forgets its token.
	forgetUnsubscribed = time.Hour
	requestTimeout     = 30 * time.Second
	// maxPushesAtOnce bounds the pushes read and stored at once, and so the memory they hold
	// (each up to MaxPushBytes): a hub that sends many in parallel waits.
	maxPushesAtOnce = 4
	maxErrorBody    = 512
	maxChallenge    = 1024
)

// States of a subscription, as GET /api/websub shows them.
const (
	StateSubscribing   = "subscribing"   // asked the hub, waiting for its verification
	StateSubscribed    = "subscribed"    // the hub verified our intent: pushes are accepted
	StateDenied        = "denied"        // the hub refused (hub.mode=denied)
	StateFailed        = "failed"        // the hub did not accept the request
	StateUnsubscribing = "unsubscribing" // asked to stop, waiting for the hub's verification
)

// Events the subscriber reports to SubscriberOptions.Observe, for metrics.
const (
	EventVerified     = "verified"      // an intent verification was answered with its challenge
	EventVerifyFailed = "verify_failed" // a verification for a token, topic or mode not asked for
	EventPush         = "push"          // a push was accepted and ingested
	EventPushRejected = "push_rejected" // a push was refused (signature, size, unknown token)
)

// Ingester stores a pushed feed body for a source exactly as a fetched one.
type Ingester func(ctx context.Context, source string, body []byte, contentType, topic string) error

// SubscriberOptions configures a Subscriber.
type SubscriberOptions struct {
	// CallbackBase is the absolute URL the callbacks live under, ending in "/": a subscription's
	// callback is CallbackBase + its token. It must be reachable from the hubs (the public
	// listener under server.base_url).
	CallbackBase string
	// LeaseSeconds is the lease asked for; zero means DefaultLeaseSeconds.
	LeaseSeconds int
	// Client sends the subscription requests. Hub URLs come from feeds: it should refuse internal
	// addresses (fetch.Client.Guarded).
	Client *http.Client
	// Ingest stores a push; required.
	Ingest Ingester
	// MaxPushBytes caps a push's body; zero means DefaultMaxPushBytes.
	MaxPushBytes int64
	Logger       *slog.Logger
	Now          func() time.Time
	// Observe, when set, sees every Event*.
	Observe func(event string)
}

// Status is one subscription as the admin API shows it. The token and the secret are never
// shown: they are what makes a push believable.
type Status struct {
	Source       string    `json:"source"`
	Hub          string    `json:"hub"`
	Topic        string    `json:"topic"`
	State        string    `json:"state"`
	LeaseSeconds int       `json:"lease_seconds,omitempty"`
	Verified     time.Time `json:"verified,omitzero"`
	Expires      time.Time `json:"expires,omitzero"`
	LastPush     time.Time `json:"last_push,omitzero"`
	Pushes       int64     `json:"pushes"`
	Rejected     int64     `json:"rejected"`
	LastError    string    `json:"last_error,omitempty"`
}

// subscription is one source's subscription; guarded by Subscriber.mu.
type subscription struct {
	Status
	token, secret string
	// pending is the hub.mode of the request whose verification is awaited ("" when none): a
	// verification of any other mode is refused.
	pending string
	retryAt time.Time // a failed or denied subscription is not tried again before this
	since   time.Time // when the current request was sent
}

// Subscriber keeps the subscriptions of the sources that advertise a hub, answers the hubs'
// verifications and pushes, and renews leases. It is safe for concurrent use. Subscriptions live
// in memory only: after a restart each source is subscribed again, with a new token, at its first
// fetch; the old tokens then get 404, and the hub drops them.
type Subscriber struct {
	o      SubscriberOptions
	pushes chan struct{} // a slot per push being read or stored
	life   context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup

	mu       sync.Mutex
	bySource map[string]*subscription
	byToken  map[string]*subscription // also holds subscriptions being unsubscribed
	closed   bool
}

// NewSubscriber returns a Subscriber; Close stops its requests.
func NewSubscriber(o SubscriberOptions) *Subscriber {
	if o.LeaseSeconds <= 0 {
		o.LeaseSeconds = DefaultLeaseSeconds
	}
	if o.MaxPushBytes <= 0 {
		o.MaxPushBytes = DefaultMaxPushBytes
	}
	if o.Client == nil {
		o.Client = &http.Client{Timeout: requestTimeout}
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	life, cancel := context.WithCancel(context.Background())
	return &Subscriber{o: o, pushes: make(chan struct{}, maxPushesAtOnce), life: life, cancel: cancel, bySource: map[string]*subscription{}, byToken: map[string]*subscription{}}
}

func (s *Subscriber) observe(event string) {
	if s.o.Observe != nil {
		s.o.Observe(event)
	}
}

// Discovered tells the subscriber what a fetch of source (from feedURL) advertised. A source with
// a hub is subscribed to (topic: its self URL, else feedURL) unless it already is; a source whose
// hub or topic changed is moved; a source that stopped advertising a hub is unsubscribed. The
// requests are sent in the background: a refresh never waits for a hub.
func (s *Subscriber) Discovered(source, feedURL string, d Discovery) {
	topic := d.Self
	if topic == "" {
		topic = feedURL
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return
	}
	cur := s.bySource[source]
	if len(d.Hubs) == 0 {
		if cur != nil {
			s.unsubscribeLocked(cur)
		}
		return
	}
	if cur != nil {
		if slices.Contains(d.Hubs, cur.Hub) && cur.Topic == topic {
			switch cur.State {
			case StateSubscribing, StateSubscribed:
				return
			}
			if s.o.Now().Before(cur.retryAt) {
				return
			}
			s.sendLocked(cur, "subscribe")
			return
		}
		s.unsubscribeLocked(cur)
	}
	sub := &subscription{Status: Status{Source: source, Hub: d.Hubs[0], Topic: topic}, token: randomHex(16), secret: randomHex(20)}
	s.bySource[source] = sub
	s.byToken[sub.token] = sub
	s.sendLocked(sub, "subscribe")
}

// Known reports whether source has a subscription in any state: a source that has none may need
// a fetch without validators to be discovered (a 304 carries no body).
func (s *Subscriber) Known(source string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.bySource[source]
	return ok
}

// Keep unsubscribes every source not in names (sources removed from the configuration).
func (s *Subscriber) Keep(names []string) {
	keep := make(map[string]bool, len(names))
	for _, n := range names {
		keep[n] = true
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for name, sub := range s.bySource {
		if !keep[name] {
			s.unsubscribeLocked(sub)
		}
	}
}

// unsubscribeLocked forgets sub as the source's subscription and asks the hub to stop; its token
// stays known until the hub verifies (or forgetUnsubscribed passes), and takes no more pushes.
func (s *Subscriber) unsubscribeLocked(sub *subscription) {
	delete(s.bySource, sub.Source)
	if sub.State != StateSubscribed && sub.State != StateSubscribing {
		delete(s.byToken, sub.token)
		return
	}
	s.sendLocked(sub, "unsubscribe")
}

// sendLocked marks sub as waiting for mode's verification and sends the request in the
// background.
func (s *Subscriber) sendLocked(sub *subscription, mode string) {
	sub.pending = mode
	sub.since = s.o.Now()
	if mode == "subscribe" {
		// A renewal keeps accepting pushes while it waits: the lease in force still holds.
		if sub.State != StateSubscribed {
			sub.State = StateSubscribing
		}
	} else {
		sub.State = StateUnsubscribing
	}
	req := requestOf(sub, mode, s.o.LeaseSeconds, s.o.CallbackBase)
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		err := s.send(s.life, req)
		s.mu.Lock()
		defer s.mu.Unlock()
		if err == nil {
			return
		}
		s.o.Logger.Warn("websub request failed", "source", req.source, "hub", req.hub, "mode", mode, "error", err)
		if sub.pending != mode {
			return
		}
		sub.LastError = err.Error()
		sub.pending = ""
		if mode == "unsubscribe" {
			delete(s.byToken, sub.token)
			return
		}
		if sub.State != StateSubscribed || !s.o.Now().Before(sub.Expires) {
			sub.State = StateFailed
		}
		sub.retryAt = s.o.Now().Add(retryFailed)
	}()
}

// hubRequest is a subscription request, copied out of the lock.
type hubRequest struct {
	source, hub string
	form        url.Values
}

func requestOf(sub *subscription, mode string, lease int, base string) hubRequest {
	form := url.Values{
		"hub.callback": {base + sub.token},
		"hub.mode":     {mode},
		"hub.topic":    {sub.Topic},
	}
	if mode == "subscribe" {
		form.Set("hub.lease_seconds", strconv.Itoa(lease))
		form.Set("hub.secret", sub.secret)
	}
	return hubRequest{source: sub.Source, hub: sub.Hub, form: form}
}

// send posts one subscription request. The hub answers 202 Accepted (any 2xx is taken) and
// verifies later, through the callback.
func (s *Subscriber) send(ctx context.Context, r hubRequest) error {
	ctx, cancel := context.WithTimeout(ctx, requestTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, r.hub, strings.NewReader(r.form.Encode()))
	if err != nil {
		return fmt.Errorf("websub: %s %s: %w", r.form.Get("hub.mode"), r.hub, err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := s.o.Client.Do(req)
	if err != nil {
		return fmt.Errorf("websub: %s %s: %w", r.form.Get("hub.mode"), r.hub, err)
	}
	defer resp.Body.Close()
	msg, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
	io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return fmt.Errorf("websub: %s %s: hub answered %d: %s", r.form.Get("hub.mode"), r.hub, resp.StatusCode, strings.TrimSpace(string(msg)))
	}
	return nil
}

// RenewDue renews the leases that end within a tenth of their length (at least a minute), and
// forgets unsubscriptions the hub never verified. Run calls it every minute.
func (s *Subscriber) RenewDue() {
	now := s.o.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return
	}
	for tok, sub := range s.byToken {
		if sub.State == StateUnsubscribing && now.Sub(sub.since) > forgetUnsubscribed {
			delete(s.byToken, tok)
			continue
		}
		if sub.State != StateSubscribed || sub.pending != "" || sub.Expires.IsZero() || now.Before(sub.retryAt) {
			continue
		}
		margin := max(time.Duration(sub.LeaseSeconds)*time.Second/10, time.Minute)
		if !now.Before(sub.Expires.Add(-margin)) {
			s.sendLocked(sub, "subscribe")
		}
	}
}

// Run renews leases every minute until ctx is done.
func (s *Subscriber) Run(ctx context.Context) {
	t := time.NewTicker(time.Minute)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			s.RenewDue()
		}
	}
}

// Statuses returns every source's subscription, sorted by source.
func (s *Subscriber) Statuses() []Status {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Status, 0, len(s.bySource))
	for _, sub := range s.bySource {
		out = append(out, sub.Status)
	}
	slices.SortFunc(out, func(a, b Status) int { return strings.Compare(a.Source, b.Source) })
	return out
}

// Close stops the requests in flight and waits for them. Subscriptions are not ended at the hub:
// their leases run out, and their pushes meet 404 after a restart.
func (s *Subscriber) Close() {
	s.mu.Lock()
	s.closed = true
	s.mu.Unlock()
	s.cancel()
	s.wg.Wait()
}

// ServeHTTP serves the callbacks: GET is a hub's verification of intent (or its denial), POST a
// push. The token is the last path segment; mount the Subscriber under the path of CallbackBase.
func (s *Subscriber) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	token := r.URL.Path[strings.LastIndexByte(r.URL.Path, '/')+1:]
	switch r.Method {
	case http.MethodGet:
		s.verify(w, r, token)
	case http.MethodPost:
		s.push(w, r, token)
	default:
		w.Header().Set("Allow", "GET, POST")
		http.Error(w, "405 a websub callback takes GET (verification) and POST (content)", http.StatusMethodNotAllowed)
	}
}

// verify answers a hub's verification of intent (WebSub §5.3): the challenge, only when token,
// topic and mode are those of a request we sent and still wait on; 404 otherwise, which tells the
// hub that we do not want it.
func (s *Subscriber) verify(w http.ResponseWriter, r *http.Request, token string) {
	q := r.URL.Query()
	mode, topic, challenge := q.Get("hub.mode"), q.Get("hub.topic"), q.Get("hub.challenge")
	s.mu.Lock()
	defer s.mu.Unlock()
	sub := s.byToken[token]
	if sub == nil || sub.Topic != topic {
		s.refuseVerify(w, "no subscription to this topic at this callback")
		return
	}
	if mode == "denied" {
		// §5.2: the hub refused the subscription (or ended it); there is no challenge to echo.
		if sub.State == StateUnsubscribing {
			s.refuseVerify(w, "not subscribing")
			return
		}
		sub.State, sub.pending = StateDenied, ""
		sub.LastError = "denied by the hub: " + truncate(q.Get("hub.reason"), 200)
		sub.retryAt = s.o.Now().Add(retryFailed)
		w.WriteHeader(http.StatusOK)
		return
	}
	if mode == "" || mode != sub.pending {
		s.refuseVerify(w, "not waiting for a verification of this mode")
		return
	}
	if challenge == "" || len(challenge) > maxChallenge {
		http.Error(w, "400 hub.challenge missing or too long", http.StatusBadRequest)
		s.observe(EventVerifyFailed)
		return
	}
	now := s.o.Now()
	sub.pending = ""
	if mode == "unsubscribe" {
		delete(s.byToken, token)
	} else {
		lease, err := strconv.Atoi(q.Get("hub.lease_seconds"))
		if err != nil || lease <= 0 {
			lease = s.o.LeaseSeconds
		}
		lease = min(lease, MaxLeaseSeconds)
		sub.State, sub.LastError = StateSubscribed, ""
		sub.LeaseSeconds, sub.Verified = lease, now
		sub.Expires = now.Add(time.Duration(lease) * time.Second)
		s.o.Logger.Info("websub subscription verified", "source", sub.Source, "hub", sub.Hub, "topic", sub.Topic, "lease_seconds", lease)
	}
	s.observe(EventVerified)
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	io.WriteString(w, challenge)
}

func (s *Subscriber) refuseVerify(w http.ResponseWriter, why string) {
	s.observe(EventVerifyFailed)
	http.Error(w, "404 "+why, http.StatusNotFound)
}

// push takes a hub's content distribution (WebSub §7): a known token of a live subscription, a
// body within MaxPushBytes, a matching signature; then the body goes to Ingest as if it had been
// fetched. A refused push stores nothing.
func (s *Subscriber) push(w http.ResponseWriter, r *http.Request, token string) {
	s.mu.Lock()
	sub := s.byToken[token]
	var source, secret, topic string
	live := sub != nil && sub.State == StateSubscribed
	if live {
		source, secret, topic = sub.Source, sub.secret, sub.Topic
	}
	s.mu.Unlock()
	if !live {
		s.reject(nil, w, http.StatusNotFound, "404 no live subscription at this callback")
		return
	}
	select {
	case s.pushes <- struct{}{}:
		defer func() { <-s.pushes }()
	case <-r.Context().Done():
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.o.MaxPushBytes))
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		s.reject(sub, w, http.StatusRequestEntityTooLarge, fmt.Sprintf("413 body over %d bytes", s.o.MaxPushBytes))
		return
	}
	if err != nil {
		s.reject(sub, w, http.StatusBadRequest, "400 reading the body: "+err.Error())
		return
	}
	if err := CheckSignature(r.Header.Get("X-Hub-Signature"), secret, body); err != nil {
		// §8: a push without a valid signature is ignored. It is also answered with a 4xx that
		// says why: a brute force of HMAC-SHA1 over the network is not a risk worth hiding it for.
		s.reject(sub, w, http.StatusForbidden, "403 "+err.Error())
		return
	}
	if err := s.o.Ingest(r.Context(), source, body, r.Header.Get("Content-Type"), topic); err != nil {
		s.reject(sub, w, http.StatusBadRequest, "400 feed not taken: "+err.Error())
		return
	}
	s.mu.Lock()
	sub.Pushes++
	sub.LastPush = s.o.Now()
	s.mu.Unlock()
	s.observe(EventPush)
	w.WriteHeader(http.StatusNoContent)
}

func (s *Subscriber) reject(sub *subscription, w http.ResponseWriter, code int, msg string) {
	if sub != nil {
		s.mu.Lock()
		sub.Rejected++
		sub.LastError = "push refused: " + msg
		s.mu.Unlock()
		s.o.Logger.Warn("websub push refused", "source", sub.Source, "reason", msg)
	}
	s.observe(EventPushRejected)
	http.Error(w, msg, code)
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n]
}

// randomHex returns n random bytes in hex: tokens and secrets.
func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b) // crypto/rand.Read never fails (Go ≥ 1.24)
	return hex.EncodeToString(b)
}
