package main

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	storypkg "tributary/aggregator/story"
)

// TestFarmValidators: the farm's 304 names the validators of the 200 before it, and a change makes
// new ones. A 304 with another Last-Modified (the farm's start time against a fixed date, as it
// once sent) is a changed validator that the daemon saves at once, source by source: the bench's
// first 304 round then measured 10,000 durable commits, not a round of 304s.
func TestFarmValidators(t *testing.T) {
	f := newFarm(4, 5, 600, 0, 0, chinese())
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

// TestFarmLanguages: in either language the farm's items are different stories (no two of 200
// merge), and near copies (a reworded title, an edited lead) are one story with their original, as
// the benchmark's grouping work assumes (at least 95 %: an edited lead may bring a figure the
// original lacks, and the facts then keep them apart, as they would two real stories); every item
// is printed with words, English content words or Han bigrams (version 2 prints, or 3 with names).
func TestFarmLanguages(t *testing.T) {
	for _, lang := range []*farmLang{chinese(), english()} {
		t.Run(lang.name, func(t *testing.T) {
			f := newFarm(20, 10, 3000, 0, 0, lang)
			at := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
			var prints []storypkg.Print
			found := 0
			for i := range f.n {
				for seq := range f.m {
					title, _, body := f.item(i, seq)
					p := storypkg.Fingerprint(title, body, at)
					enc, err := p.AppendBinary(nil)
					if err != nil {
						t.Fatal(err)
					}
					if enc[0] < 2 { // words: English content words, Han bigrams
						t.Fatalf("%s item %d/%d: print version %d", lang.name, i, seq, enc[0])
					}
					prints = append(prints, p)
					near := storypkg.Fingerprint(lang.near(title), editLead(body, lang.sentences[seq%len(lang.sentences)]), at.Add(time.Hour))
					if storypkg.Score(p, near, storypkg.Options{}) >= storypkg.DefaultThreshold {
						found++
					}
				}
			}
			t.Logf("%s: %d of %d near copies are one story with their original", lang.name, found, len(prints))
			if found < len(prints)*95/100 {
				t.Errorf("%s: %d of %d near copies found", lang.name, found, len(prints))
			}
			merges := 0
			for a := range prints {
				for b := a + 1; b < len(prints); b++ {
					if storypkg.Score(prints[a], prints[b], storypkg.Options{}) >= storypkg.DefaultThreshold {
						merges++
					}
				}
			}
			if merges != 0 {
				t.Errorf("%s: %d pairs of different items merge", lang.name, merges)
			}
		})
	}
}
