package feeds

import "tributary/aggregator"

// cleanText is aggregator.XMLText. Normalize strips XML-illegal characters at ingest already; this
// second pass exists because encoding/xml writes control characters raw inside CDATA
// (content:encoded), so one article that slipped past ingest would make the whole published feed
// unparseable for every reader.
func cleanText(s string) string { return aggregator.XMLText(s) }
