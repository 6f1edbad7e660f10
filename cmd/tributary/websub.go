package main

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"slices"
	"sync"

	"github.com/prometheus/client_golang/prometheus"

	"tributary/aggregator"
	"tributary/aggregator/fetch"
	"tributary/aggregator/websub"
)

// websubCallbackPath is where the hubs call back, on the public listener, under server.base_url.
const websubCallbackPath = "/websub/callback/"

// websubConfig is the [websub] table.
type websubConfig struct {
	Hub          string `toml:"hub"`
	Subscribe    *bool  `toml:"subscribe"`
	LeaseSeconds *int   `toml:"lease_seconds"`
}

// WebSubConfig is the validated [websub] table.
type WebSubConfig struct {
	// Hub is the hub pinged when an output changes and named in every output; "" for none.
	Hub string
	// Subscribe subscribes to the sources that advertise a hub.
	Subscribe bool
	// LeaseSeconds is the lease asked of the hubs.
	LeaseSeconds int
}

// validate checks [websub]. Both sides need server.base_url set by hand: the hub fetches the
// outputs and calls back the subscriber there, and the default (http://server.listen) is a
// loopback address that no hub can reach.
func (w *websubConfig) validate(cfg *Config, baseURLSet bool, bad reportFunc) {
	cfg.WebSub.Hub = w.Hub
	if w.Hub != "" {
		if u, err := url.Parse(w.Hub); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			bad("websub.hub %q: must be an absolute http(s) URL, such as \"https://pubsubhubbub.appspot.com/\"", w.Hub)
		} else if !baseURLSet {
			bad("websub.hub %q: set server.base_url too: the hub fetches the outputs at their public URLs", w.Hub)
		}
	}
	if w.Subscribe != nil && *w.Subscribe {
		cfg.WebSub.Subscribe = true
		if !baseURLSet {
			bad("websub.subscribe true: set server.base_url too: hubs call back %s… under it", websubCallbackPath)
		}
	}
	cfg.WebSub.LeaseSeconds = intOr(w.LeaseSeconds, websub.DefaultLeaseSeconds)
	if n := cfg.WebSub.LeaseSeconds; n < websub.MinLeaseSeconds || n > websub.MaxLeaseSeconds {
		bad("websub.lease_seconds %d: must be between %d and %d", n, websub.MinLeaseSeconds, websub.MaxLeaseSeconds)
	}
}

// webSub is the App's WebSub side: either half may be nil (not configured). pub is set once, by
// startWebSub, under mu.
type webSub struct {
	sub *websub.Subscriber
	pub *websub.Publisher

	// discovered names the sources whose feed was read for hubs since the start: a source whose
	// first fetch is a 304 (validators survive restarts, subscriptions do not) is fetched once
	// without validators to be discovered.
	mu         sync.Mutex
	discovered map[string]bool

	pings, pushes, verifications *prometheus.CounterVec
}

// openWebSub builds the subscriber when [websub] subscribe is on (the publisher is built by
// startWebSub). It runs in OpenApp, after the fetch client, the refresher and the feeds server
// exist; the fetch client's guarded transport carries the subscription requests, since hub URLs
// come from feeds.
func (a *App) openWebSub(cfg *Config) {
	if cfg.WebSub.Hub == "" && !cfg.WebSub.Subscribe {
		return
	}
	ws := &webSub{
		discovered: map[string]bool{},
		pings: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "tributary_websub_pings_total", Help: "Publish pings sent to the configured WebSub hub, by result (ok, error).",
		}, []string{"result"}),
		pushes: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "tributary_websub_pushes_total", Help: "Content pushed by WebSub hubs, by result (accepted, rejected).",
		}, []string{"result"}),
		verifications: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "tributary_websub_verifications_total", Help: "Intent verifications from WebSub hubs, by result (ok, failed).",
		}, []string{"result"}),
	}
	a.websub = ws
	a.metrics.registry.MustRegister(ws.pings, ws.pushes, ws.verifications)
	if cfg.WebSub.Subscribe {
		ws.sub = websub.NewSubscriber(websub.SubscriberOptions{
			CallbackBase: cfg.BaseURL + websubCallbackPath, LeaseSeconds: cfg.WebSub.LeaseSeconds,
			Client: a.fetcher.Guarded(), Ingest: a.ingestPush, MaxPushBytes: cfg.MaxBodyBytes, Logger: a.logger,
			Observe: func(event string) {
				switch event {
				case websub.EventPush:
					ws.pushes.WithLabelValues("accepted").Inc()
				case websub.EventPushRejected:
					ws.pushes.WithLabelValues("rejected").Inc()
				case websub.EventVerified:
					ws.verifications.WithLabelValues("ok").Inc()
				case websub.EventVerifyFailed:
					ws.verifications.WithLabelValues("failed").Inc()
				}
			},
		})
	}
}

// ingestPush hands a verified push to the refresher's ingest path, as a fetch would.
func (a *App) ingestPush(ctx context.Context, source string, body []byte, contentType, topic string) error {
	res := a.refresher.Ingest(ctx, source, body, contentType, topic)
	if res.Status == aggregator.StatusError || res.Status == aggregator.StatusSkipped {
		return errors.New(res.Error)
	}
	return nil
}

// onFetched reads the hubs a fetched feed advertises (refresh.Options.OnFetched). It must not
// block: subscription requests go out in the background.
func (a *App) onFetched(src aggregator.Source, resp *fetch.Response) {
	ws := a.websub
	if ws == nil || ws.sub == nil {
		return
	}
	ws.mu.Lock()
	seen := ws.discovered[src.Name]
	ws.discovered[src.Name] = true
	ws.mu.Unlock()
	if !resp.NotModified {
		ws.sub.Discovered(src.Name, resp.URL, websub.Discover(resp.Links, resp.Body, resp.URL))
		return
	}
	if seen || ws.sub.Known(src.Name) {
		return
	}
	a.background.Go(func() {
		full, err := a.fetcher.Fetch(a.backgroundCtx, fetch.Request{URL: src.URL, Encoding: src.Encoding})
		if err != nil {
			a.logger.Debug("websub discovery fetch failed", "source", src.Name, "error", err)
			return
		}
		ws.sub.Discovered(src.Name, full.URL, websub.Discover(full.Links, full.Body, full.URL))
	})
}

// startWebSub starts the lease renewals and the publisher, in the background until Close.
func (a *App) startWebSub() {
	ws := a.websub
	if ws == nil {
		return
	}
	if ws.sub != nil {
		a.background.Go(func() { ws.sub.Run(a.backgroundCtx) })
	}
	if hub := a.Config().WebSub.Hub; hub != "" {
		// Built here, not in OpenApp, so that a test can set websubAfter in between.
		pub := websub.NewPublisher(websub.PublisherOptions{
			Hub: hub, Versions: a.feeds.Versions, Logger: a.logger, After: a.websubAfter,
			Observe: func(outcome string) { ws.pings.WithLabelValues(outcome).Inc() },
		})
		if err := pub.Prime(a.backgroundCtx); err != nil {
			a.logger.Warn("websub: the first change will ping the hub for every output", "error", err)
		}
		ws.mu.Lock()
		ws.pub = pub
		ws.mu.Unlock()
		a.background.Go(func() { pub.Run(a.backgroundCtx) })
	}
}

// websubChanged tells the publisher that outputs may have changed.
func (a *App) websubChanged() {
	if a.websub == nil {
		return
	}
	a.websub.mu.Lock()
	pub := a.websub.pub
	a.websub.mu.Unlock()
	if pub != nil {
		pub.Changed()
	}
}

// websubKeep unsubscribes the sources a reload removed.
func (a *App) websubKeep(sources []aggregator.Source) {
	if a.websub == nil || a.websub.sub == nil {
		return
	}
	names := make([]string, len(sources))
	for i, s := range sources {
		names[i] = s.Name
	}
	a.websub.sub.Keep(names)
	a.websub.mu.Lock()
	for n := range a.websub.discovered {
		if !slices.Contains(names, n) {
			delete(a.websub.discovered, n)
		}
	}
	a.websub.mu.Unlock()
}

// closeWebSub stops the subscriber's requests in flight.
func (a *App) closeWebSub() {
	if a.websub != nil && a.websub.sub != nil {
		a.websub.sub.Close()
	}
}

// websubRoutes mounts the callbacks on the public listener when subscribing.
func (a *App) websubRoutes(mux *http.ServeMux) {
	if a.websub != nil && a.websub.sub != nil {
		mux.Handle(websubCallbackPath, a.websub.sub)
	}
}

// handleWebSub is GET /api/websub: the configuration and every subscription's state.
func (a *App) handleWebSub(w http.ResponseWriter, r *http.Request) {
	cfg := a.Config()
	subs := []websub.Status{}
	if a.websub != nil && a.websub.sub != nil {
		subs = a.websub.sub.Statuses()
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"hub": cfg.WebSub.Hub, "subscribe": cfg.WebSub.Subscribe, "lease_seconds": cfg.WebSub.LeaseSeconds,
		"subscriptions": subs,
	})
}
