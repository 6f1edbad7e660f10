package parse

import "tributary/aggregator/fetch"

// decodeWithFetch transcodes a corpus file the way tributary's fetcher does, from the HTTP
// Content-Type its expectations were written for (feedparser's Header: lines, miniflux's tests).
func decodeWithFetch(body []byte, contentType string) ([]byte, error) {
	out, _, err := fetch.Decode(body, contentType, "")
	return out, err
}
