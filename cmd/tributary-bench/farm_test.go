package main

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// TestFarmValidators: the farm's 304 names the validators of the 200 before it, and a change makes
// new ones. A 304 with another Last-Modified (the farm's start time against a fixed date, as it
// once sent) is a changed validator that the daemon saves at once, source by source: the bench's
// first 304 round then measured 10,000 durable commits, not a round of 304s.
func TestFarmValidators(t *testing.T) {
	f := newFarm(4, 5, 600, 0, 0)
	get := func(etag string) *httptest.ResponseRecorder {
		r := httptest.NewRequest(http.MethodGet, "/feed/2.xml", nil)
		if etag != "" {
			r.Header.Set("If-None-Match", etag)
		}
		w := httptest.NewRecorder()
		f.serve(w, r)
		return w
	}
	full := get("")
	etag, modified := full.Header().Get("ETag"), full.Header().Get("Last-Modified")
	if full.Code != http.StatusOK || etag == "" || modified == "" {
		t.Fatalf("first answer %d, ETag %q, Last-Modified %q", full.Code, etag, modified)
	}
	for _, rendered := range []bool{false, true} {
		if rendered {
			f.prerender() // a 304 from the rendered feed, as in a round after prerender
		}
		nm := get(etag)
		if nm.Code != http.StatusNotModified || nm.Header().Get("ETag") != etag || nm.Header().Get("Last-Modified") != modified {
			t.Errorf("rendered %v: %d, ETag %q, Last-Modified %q; want 304 with %q, %q", rendered, nm.Code,
				nm.Header().Get("ETag"), nm.Header().Get("Last-Modified"), etag, modified)
		}
	}
	f.change(0.5)
	changed := get(etag)
	if changed.Code != http.StatusOK || changed.Header().Get("ETag") == etag || changed.Header().Get("Last-Modified") == modified {
		t.Errorf("after a change: %d, ETag %q, Last-Modified %q", changed.Code, changed.Header().Get("ETag"), changed.Header().Get("Last-Modified"))
	}
}
