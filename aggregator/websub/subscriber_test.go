package websub_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"tributary/aggregator/websub"
	"tributary/aggregator/websub/websubtest"
)

// pushed is what the subscriber handed to its Ingest.
type pushed struct {
	source, body, contentType, topic string
}

type fixture struct {
	hub      *websubtest.Hub
	sub      *websub.Subscriber
	callback string // CallbackBase
	mu       sync.Mutex
	got      []pushed
	now      time.Time
	events   map[string]int
}

func (f *fixture) clock() time.Time { f.mu.Lock(); defer f.mu.Unlock(); return f.now }

func (f *fixture) advance(d time.Duration) { f.mu.Lock(); f.now = f.now.Add(d); f.mu.Unlock() }

func (f *fixture) pushes() []pushed {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]pushed(nil), f.got...)
}

func (f *fixture) event(e string) int { f.mu.Lock(); defer f.mu.Unlock(); return f.events[e] }

func newFixture(t *testing.T, maxBody int64) *fixture {
	t.Helper()
	f := &fixture{hub: websubtest.New(t), now: time.Date(2026, 12, 5, 8, 0, 0, 0, time.UTC), events: map[string]int{}}
	mux := http.NewServeMux()
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	f.callback = srv.URL + "/websub/callback/"
	f.sub = websub.NewSubscriber(websub.SubscriberOptions{
		CallbackBase: f.callback, LeaseSeconds: 3600, MaxPushBytes: maxBody, Now: f.clock,
		Ingest: func(_ context.Context, source string, body []byte, ct, topic string) error {
			f.mu.Lock()
			defer f.mu.Unlock()
			f.got = append(f.got, pushed{source, string(body), ct, topic})
			return nil
		},
		Observe: func(e string) { f.mu.Lock(); f.events[e]++; f.mu.Unlock() },
	})
	t.Cleanup(f.sub.Close)
	mux.Handle("/websub/callback/", f.sub)
	return f
}

// verified waits for the hub's next verification outcome.
func (f *fixture) verified(t *testing.T) websubtest.Verification {
	t.Helper()
	select {
	case v := <-f.hub.Verified:
		return v
	case <-time.After(10 * time.Second):
		t.Fatal("the hub sent no verification within 10s")
		return websubtest.Verification{}
	}
}

// subscribe makes source subscribe to topic at the fixture's hub and waits for the verification.
func (f *fixture) subscribe(t *testing.T, source, topic string) string {
	t.Helper()
	f.sub.Discovered(source, topic, websub.Discovery{Hubs: []string{f.hub.URL}, Self: topic})
	v := f.verified(t)
	if !v.OK || v.Mode != "subscribe" || v.Topic != topic {
		t.Fatalf("verification %+v, want the subscription to %s confirmed", v, topic)
	}
	st := f.sub.Statuses()
	if len(st) != 1 || st[0].State != websub.StateSubscribed || st[0].LeaseSeconds != 3600 {
		t.Fatalf("statuses %+v, want one subscribed with a 3600 s lease", st)
	}
	return v.Callback
}

// TestSubscribeVerifyPush: the whole subscriber path against a hub that follows the spec, and
// the pushes it must refuse. Each refused push reaches no Ingest.
func TestSubscribeVerifyPush(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, 1024)
	const topic = "https://feeds.example.com/a.xml"
	cb := f.subscribe(t, "a", topic)
	if !strings.HasPrefix(cb, f.callback) || len(cb) < len(f.callback)+32 {
		t.Fatalf("callback %q: want a random token under %q", cb, f.callback)
	}
	secret := f.hub.Secret(cb, topic)
	if len(secret) < 32 {
		t.Fatalf("secret %q: want a random secret of 16 bytes or more", secret)
	}

	// Another Discovered with the same hub and topic sends nothing new.
	f.sub.Discovered("a", topic, websub.Discovery{Hubs: []string{f.hub.URL}, Self: topic})

	body := []byte("<feed xmlns='http://www.w3.org/2005/Atom'><title>x</title></feed>")
	for _, m := range []string{"sha1", "sha256", "sha384", "sha512"} {
		f.hub.SignMethod = m
		if code, err := f.hub.Deliver(ctx, cb, topic, body, "application/atom+xml", secret); err != nil || code != http.StatusNoContent {
			t.Fatalf("signed (%s) push: %d %v, want 204", m, code, err)
		}
	}
	if got := f.pushes(); len(got) != 4 || got[0] != (pushed{"a", string(body), "application/atom+xml", topic}) {
		t.Fatalf("ingested %+v, want the four pushes of source a", got)
	}

	hostile := []struct {
		name     string
		callback string
		body     []byte
		secret   string
		want     int
	}{
		{"forged signature", cb, body, "not-the-secret", http.StatusForbidden},
		{"no signature", cb, body, "", http.StatusForbidden},
		{"body over the cap", cb, []byte(strings.Repeat("x", 1025)), secret, http.StatusRequestEntityTooLarge},
		{"unknown token", f.callback + "0123456789abcdef0123456789abcdef", body, secret, http.StatusNotFound},
		{"no token", f.callback, body, secret, http.StatusNotFound},
	}
	for _, tt := range hostile {
		t.Run(tt.name, func(t *testing.T) {
			code, err := f.hub.Deliver(ctx, tt.callback, topic, tt.body, "application/atom+xml", tt.secret)
			if err != nil || code != tt.want {
				t.Errorf("push: %d %v, want %d", code, err, tt.want)
			}
		})
	}
	if n := len(f.pushes()); n != 4 {
		t.Errorf("%d pushes ingested, want the 4 good ones only", n)
	}
	if st := f.sub.Statuses()[0]; st.Pushes != 4 || st.Rejected != 3 {
		t.Errorf("status %+v: want 4 pushes and 3 rejected (the unknown tokens belong to no subscription)", st)
	}
	if n := f.event(websub.EventPushRejected); n != 5 {
		t.Errorf("%d rejected pushes observed, want 5", n)
	}
}

// TestVerifyOnlyWhatWasAsked: a verification for a topic, a mode or a token we did not ask for is
// 404, and so is a replay of one already answered.
func TestVerifyOnlyWhatWasAsked(t *testing.T) {
	f := newFixture(t, 0)
	const topic = "https://feeds.example.com/a.xml"
	cb := f.subscribe(t, "a", topic)
	tests := []struct {
		name, callback, mode, topic string
	}{
		{"another topic", cb, "subscribe", "https://evil.example.com/feed"},
		{"unsubscribe nobody asked for", cb, "unsubscribe", topic},
		{"replayed subscribe", cb, "subscribe", topic},
		{"unknown token", f.callback + "ffff", "subscribe", topic},
		{"empty mode", cb, "", topic},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if code, ok := f.hub.Verify(tt.callback, tt.mode, tt.topic, 60); code != http.StatusNotFound || ok {
				t.Errorf("verification: %d (challenge echoed: %v), want 404", code, ok)
			}
		})
	}
	if st := f.sub.Statuses()[0]; st.State != websub.StateSubscribed || st.LeaseSeconds != 3600 {
		t.Errorf("status %+v: a refused verification changed the subscription", st)
	}
	if n := f.event(websub.EventVerifyFailed); n != len(tests) {
		t.Errorf("%d failed verifications observed, want %d", n, len(tests))
	}
}

// TestRenewAndUnsubscribe: a lease near its end is renewed with the same callback and secret; a
// source removed is unsubscribed, and its callback takes no push after the hub verified that.
func TestRenewAndUnsubscribe(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, 0)
	const topic = "https://feeds.example.com/a.xml"
	cb := f.subscribe(t, "a", topic)
	secret := f.hub.Secret(cb, topic)
	first := f.sub.Statuses()[0].Expires

	f.sub.RenewDue() // an hour left of an hour: nothing to do
	f.advance(50 * time.Minute)
	f.sub.RenewDue() // ten minutes left: not yet within a tenth (6 min)
	f.advance(5 * time.Minute)
	f.sub.RenewDue() // five minutes left: renew
	v := f.verified(t)
	if !v.OK || v.Mode != "subscribe" || v.Callback != cb {
		t.Fatalf("renewal verification %+v, want the same callback confirmed", v)
	}
	if st := f.sub.Statuses()[0]; !st.Expires.After(first) || st.State != websub.StateSubscribed {
		t.Errorf("after renewal %+v, want a later expiry than %v", st, first)
	}
	if got := f.hub.Secret(cb, topic); got != secret {
		t.Errorf("renewal changed the secret: pushes signed in between would be refused")
	}

	f.sub.Keep(nil)
	v = f.verified(t)
	if !v.OK || v.Mode != "unsubscribe" {
		t.Fatalf("unsubscription verification %+v, want it confirmed", v)
	}
	if len(f.hub.Subscribers(topic)) != 0 || len(f.sub.Statuses()) != 0 {
		t.Errorf("still subscribed after the source was removed")
	}
	if code, _ := f.hub.Deliver(ctx, cb, topic, []byte("<feed/>"), "application/atom+xml", secret); code != http.StatusNotFound {
		t.Errorf("push after unsubscription: %d, want 404", code)
	}
}

// TestDeniedAndMoved: a hub's denial marks the subscription denied; a feed that names another hub
// moves the subscription there, unsubscribing from the first.
func TestDeniedAndMoved(t *testing.T) {
	f := newFixture(t, 0)
	const topic = "https://feeds.example.com/a.xml"
	cb := f.subscribe(t, "a", topic)
	resp, err := http.Get(cb + "?hub.mode=denied&hub.topic=" + topic + "&hub.reason=quota")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if st := f.sub.Statuses()[0]; resp.StatusCode != 200 || st.State != websub.StateDenied || !strings.Contains(st.LastError, "quota") {
		t.Fatalf("after a denial: %d %+v", resp.StatusCode, st)
	}
	// A denied subscription is not asked again at every fetch.
	f.sub.Discovered("a", topic, websub.Discovery{Hubs: []string{f.hub.URL}, Self: topic})
	if st := f.sub.Statuses()[0]; st.State != websub.StateDenied {
		t.Errorf("asked again at once after a denial: %+v", st)
	}

	other := websubtest.New(t)
	f.sub.Discovered("a", topic, websub.Discovery{Hubs: []string{other.URL}, Self: topic})
	select {
	case v := <-other.Verified:
		if !v.OK || v.Mode != "subscribe" {
			t.Fatalf("verification by the new hub: %+v", v)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the new hub sent no verification")
	}
	if st := f.sub.Statuses()[0]; st.Hub != other.URL || st.State != websub.StateSubscribed {
		t.Errorf("status %+v, want subscribed at the new hub", st)
	}
}

// TestHubRefuses: a hub that answers the request with an error leaves the subscription failed,
// with the hub's reason.
func TestHubRefuses(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "no such topic", http.StatusBadRequest)
	}))
	defer srv.Close()
	sub := websub.NewSubscriber(websub.SubscriberOptions{CallbackBase: "http://127.0.0.1:1/cb/",
		Ingest: func(context.Context, string, []byte, string, string) error { return nil }})
	defer sub.Close()
	sub.Discovered("a", "https://feeds.example.com/a.xml", websub.Discovery{Hubs: []string{srv.URL}})
	var st []websub.Status
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		if st = sub.Statuses(); st[0].State != websub.StateSubscribing {
			break
		}
	}
	if len(st) != 1 || st[0].State != websub.StateFailed || !strings.Contains(st[0].LastError, "no such topic") {
		t.Errorf("statuses %+v, want one failed subscription naming the hub's answer", st)
	}
}
