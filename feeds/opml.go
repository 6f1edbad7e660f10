package feeds

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"strconv"
	"time"

	"tributary/aggregator/opml"
)

// opmlPath is where the public listener lists every output as OPML, for a reader to subscribe to
// all of them in one import.
const opmlPath = "/opml"

// opmlEntry is the OPML list of one configuration's outputs in one format, built when the outputs
// are set: it depends on nothing else, and a handful of outlines cost microseconds.
type opmlEntry struct {
	sum     [sha256.Size]byte
	body    []byte
	etag    string
	lastMod time.Time

	hdrETag, hdrLen, hdrLastModified []string
}

// buildOPML lists the outputs of set, each once, under its URL in format f. prev is the list the
// previous configuration served: when the bytes are the same its validators are kept, so a reload
// that changed no output sends no reader a new copy.
func (s *Server) buildOPML(set *outputSet, f Format, prev *opmlEntry) *opmlEntry {
	doc := &opml.Document{Title: generator + " outputs"}
	for _, slot := range set.list {
		title := feedTitle(slot.out)
		doc.Outlines = append(doc.Outlines, opml.Outline{
			Text: title, Title: title, Type: "rss", XMLURL: slot.self[f], HTMLURL: slot.preview,
			Description: cleanText(slot.out.Description),
		})
	}
	var buf bytes.Buffer
	// Writing to memory fails only on a mistake in the document's types, which every test shows.
	_ = opml.Write(&buf, doc)
	sum := sha256.Sum256(buf.Bytes())
	if prev != nil && prev.sum == sum {
		return prev
	}
	lastMod := s.now().UTC().Truncate(time.Second)
	if prev != nil && !lastMod.After(prev.lastMod) {
		lastMod = prev.lastMod.Add(time.Second) // a clock that stood still must not hide a change
	}
	etag := `"` + base64.RawURLEncoding.EncodeToString(sum[:18]) + `"`
	return &opmlEntry{sum: sum, body: buf.Bytes(), etag: etag, lastMod: lastMod,
		hdrETag: []string{etag}, hdrLen: []string{strconv.Itoa(buf.Len())},
		hdrLastModified: []string{lastMod.Format(http.TimeFormat)}}
}

// serveOPML answers GET /opml: the outputs in the configured format, or in ?format=rss|atom|json.
func (s *Server) serveOPML(w http.ResponseWriter, r *http.Request) {
	f := s.opmlFormat
	if q := r.URL.Query(); q.Has("format") {
		var ok bool
		f, ok = ParseFormat(q.Get("format"))
		if !ok || len(q["format"]) > 1 {
			// The value is not echoed: nothing a client sends comes back in a response.
			s.observeCode("", "opml", http.StatusBadRequest)
			s.plainError(w, r, http.StatusBadRequest, "400 bad request: format must be rss, atom or json, given once\n")
			return
		}
	}
	e := s.outputs.Load().opml[f]
	h := w.Header()
	h["Etag"] = e.hdrETag
	h["Cache-Control"] = s.hdrCacheControl
	if notModified(r.Header, e.etag, e.lastMod, e.hdrLastModified[0]) {
		s.observeCode("", "opml", http.StatusNotModified)
		w.WriteHeader(http.StatusNotModified)
		return
	}
	h["Content-Type"] = s.hdrOPMLType
	h["Last-Modified"] = e.hdrLastModified
	h["X-Content-Type-Options"] = s.hdrNosniff
	h["Content-Length"] = e.hdrLen
	s.observeCode("", "opml", http.StatusOK)
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		w.Write(e.body)
	}
}
