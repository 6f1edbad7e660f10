// Package websubtest is a small WebSub hub for tests, on loopback, that follows the W3C
// Recommendation where tributary meets it: subscription requests answered 202 and verified
// asynchronously with a challenge (§5.1, §5.3), publish pings (hub.mode=publish, hub.url) that
// make it fetch the topic and distribute it to every verified subscriber with Link headers and an
// X-Hub-Signature when a secret was given (§7, §8). No Go hub module is maintained on the module
// proxy, hence this one. It also lets a test act as a hostile hub: forged pushes and verifications
// nobody asked for.
package websubtest

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"sync"
	"testing"
	"time"

	"tributary/aggregator/websub"
)

// Verification is the outcome of one verification of intent the hub sent.
type Verification struct {
	Mode, Topic, Callback string
	// OK is true when the subscriber echoed the challenge with a 2xx.
	OK     bool
	Status int
}

type sub struct {
	callback, topic, secret string
	lease                   int
}

// Hub is a running hub. Its URL is URL.
type Hub struct {
	URL string
	// SignMethod is the signature method of pushes ("sha256" unless set before use).
	SignMethod string

	srv    *httptest.Server
	client *http.Client
	// Verified receives every verification's outcome; Pinged every publish ping's hub.url.
	Verified chan Verification
	Pinged   chan string

	mu     sync.Mutex
	subs   map[string]sub // by callback + "\x00" + topic
	pings  []string
	failed int // publish pings still to answer with 503 (FailPings)
	wg     sync.WaitGroup
}

// New starts a hub on 127.0.0.1 and stops it when the test ends.
func New(t testing.TB) *Hub {
	t.Helper()
	h := &Hub{
		SignMethod: "sha256",
		client:     &http.Client{Timeout: 10 * time.Second},
		Verified:   make(chan Verification, 64),
		Pinged:     make(chan string, 64),
		subs:       map[string]sub{},
	}
	h.srv = httptest.NewServer(http.HandlerFunc(h.serve))
	h.URL = h.srv.URL + "/"
	t.Cleanup(func() { h.srv.Close(); h.wg.Wait() })
	return h
}

// FailPings makes the next n publish pings fail with 503, to test a publisher's retries.
func (h *Hub) FailPings(n int) {
	h.mu.Lock()
	h.failed = n
	h.mu.Unlock()
}

// Pings returns the hub.url of every publish ping received, in order (failed ones too).
func (h *Hub) Pings() []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]string(nil), h.pings...)
}

// Subscribers returns the callbacks verified for topic.
func (h *Hub) Subscribers(topic string) []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	var out []string
	for _, s := range h.subs {
		if s.topic == topic {
			out = append(out, s.callback)
		}
	}
	return out
}

// Secret returns the secret the subscriber at callback gave for topic.
func (h *Hub) Secret(callback, topic string) string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.subs[callback+"\x00"+topic].secret
}

func (h *Hub) serve(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		http.Error(w, "405 POST a form", http.StatusMethodNotAllowed)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	if err := r.ParseForm(); err != nil {
		http.Error(w, "400 "+err.Error(), http.StatusBadRequest)
		return
	}
	switch mode := r.PostForm.Get("hub.mode"); mode {
	case "subscribe", "unsubscribe":
		cb, topic := r.PostForm.Get("hub.callback"), r.PostForm.Get("hub.topic")
		if !absolute(cb) || !absolute(topic) {
			http.Error(w, "400 hub.callback and hub.topic must be absolute URLs", http.StatusBadRequest)
			return
		}
		secret := r.PostForm.Get("hub.secret")
		if len(secret) >= 200 {
			http.Error(w, "400 hub.secret must be under 200 bytes", http.StatusBadRequest)
			return
		}
		lease, _ := strconv.Atoi(r.PostForm.Get("hub.lease_seconds"))
		if lease <= 0 {
			lease = 86400
		}
		w.WriteHeader(http.StatusAccepted)
		h.wg.Add(1)
		go func() {
			defer h.wg.Done()
			h.verify(mode, cb, topic, secret, lease)
		}()
	case "publish":
		u := r.PostForm.Get("hub.url")
		if u == "" {
			u = r.PostForm.Get("hub.topic")
		}
		h.mu.Lock()
		h.pings = append(h.pings, u)
		fail := h.failed > 0
		if fail {
			h.failed--
		}
		h.mu.Unlock()
		select {
		case h.Pinged <- u:
		default:
		}
		if fail {
			http.Error(w, "503 try again", http.StatusServiceUnavailable)
			return
		}
		if !absolute(u) {
			http.Error(w, "400 hub.url must be an absolute URL", http.StatusBadRequest)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	default:
		http.Error(w, fmt.Sprintf("400 unknown hub.mode %q", mode), http.StatusBadRequest)
	}
}

// verify sends the verification of intent and records the subscription when it is confirmed.
func (h *Hub) verify(mode, cb, topic, secret string, lease int) {
	v := Verification{Mode: mode, Topic: topic, Callback: cb}
	status, ok := h.Verify(cb, mode, topic, lease)
	v.Status, v.OK = status, ok
	if ok {
		h.mu.Lock()
		key := cb + "\x00" + topic
		if mode == "subscribe" {
			h.subs[key] = sub{callback: cb, topic: topic, secret: secret, lease: lease}
		} else {
			delete(h.subs, key)
		}
		h.mu.Unlock()
	}
	h.Verified <- v
}

// Verify sends one verification of intent to callback, asked for or not, and reports the status
// and whether the challenge came back.
func (h *Hub) Verify(callback, mode, topic string, lease int) (int, bool) {
	challenge := randomHex(12)
	q := url.Values{"hub.mode": {mode}, "hub.topic": {topic}, "hub.challenge": {challenge}}
	if mode == "subscribe" {
		q.Set("hub.lease_seconds", strconv.Itoa(lease))
	}
	sep := "?"
	if u, err := url.Parse(callback); err == nil && u.RawQuery != "" {
		sep = "&"
	}
	resp, err := h.client.Get(callback + sep + q.Encode())
	if err != nil {
		return 0, false
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
	return resp.StatusCode, resp.StatusCode/100 == 2 && string(body) == challenge
}

// Publish fetches topic and distributes it to every verified subscriber, as a publish ping does,
// and returns the status code of each delivery by callback.
func (h *Hub) Publish(ctx context.Context, topic string) (map[string]int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, topic, nil)
	if err != nil {
		return nil, err
	}
	resp, err := h.client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 32<<20))
	if err != nil {
		return nil, err
	}
	out := map[string]int{}
	for _, cb := range h.Subscribers(topic) {
		code, err := h.Deliver(ctx, cb, topic, body, resp.Header.Get("Content-Type"), h.Secret(cb, topic))
		if err != nil {
			return nil, err
		}
		out[cb] = code
	}
	return out, nil
}

// Deliver pushes body to callback as content of topic, signed with secret when it is not empty,
// and returns the status code. A test forges pushes by giving the wrong secret.
func (h *Hub) Deliver(ctx context.Context, callback, topic string, body []byte, contentType, secret string) (int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, callback, bytes.NewReader(body))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", contentType)
	req.Header.Add("Link", "<"+h.URL+">; rel=\"hub\"")
	req.Header.Add("Link", "<"+topic+">; rel=\"self\"")
	if secret != "" {
		sig, err := websub.Sign(h.SignMethod, secret, body)
		if err != nil {
			return 0, err
		}
		req.Header.Set("X-Hub-Signature", sig)
	}
	resp, err := h.client.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	io.Copy(io.Discard, io.LimitReader(resp.Body, 4096))
	return resp.StatusCode, nil
}

func absolute(raw string) bool {
	u, err := url.Parse(raw)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}
