package store

import (
	"strconv"
	"time"
	"unicode/utf8"

	"tributary/aggregator"
)

// decodeStateFast decodes a stored fetch state's JSON (after the version byte) the way
// json.Unmarshal does, for the values encodeState writes: one flat object, no spaces, known keys,
// strings with at most simple escapes, a plain integer, true, and times as time.Time's JSON. Anything else
// (an escape, a key of a later build, null, a space) makes it give up (ok false), and decodeState
// hands the value to json.Unmarshal: the fast path never decides what a value means on its own
// (FuzzDecodeStateFast holds it to json.Unmarshal's result).
//
// Why: the daemon reads every source's state when it starts, and json.Unmarshal's reflection was
// most of that: 10,000 sources took 25–80 ms before the first request could be answered.
func decodeStateFast(b []byte) (st aggregator.FetchState, ok bool) {
	if len(b) < 2 || b[0] != '{' {
		return st, false
	}
	i := 1
	if b[i] == '}' {
		return st, i+1 == len(b)
	}
	for {
		key, n, ok := plainString(b[i:])
		if !ok || i+n >= len(b) || b[i+n] != ':' {
			return st, false
		}
		i += n + 1
		if i >= len(b) {
			return st, false
		}
		switch key {
		case "etag", "last_modified", "last_status", "last_error":
			s, n, ok := plainString(b[i:])
			if !ok {
				return st, false
			}
			switch key {
			case "etag":
				st.ETag = s
			case "last_modified":
				st.LastModified = s
			case "last_status":
				st.LastStatus = aggregator.Status(s)
			case "last_error":
				st.LastError = s
			}
			i += n
		case "last_fetch", "last_success", "backoff_until":
			_, n, ok := plainString(b[i:])
			if !ok {
				return st, false
			}
			var t time.Time
			if t.UnmarshalJSON(b[i:i+n]) != nil { // the function json.Unmarshal calls
				return st, false
			}
			switch key {
			case "last_fetch":
				st.LastFetch = t
			case "last_success":
				st.LastSuccess = t
			case "backoff_until":
				st.BackoffUntil = t
			}
			i += n
		case "consecutive_failures":
			j := i
			if j < len(b) && b[j] == '-' {
				j++
			}
			start := j
			for j < len(b) && b[j] >= '0' && b[j] <= '9' {
				j++
			}
			if j == start || b[start] == '0' && j-start > 1 { // JSON has no leading zeros
				return st, false
			}
			v, err := strconv.Atoi(string(b[i:j]))
			if err != nil {
				return st, false
			}
			st.ConsecutiveFailures = v
			i = j
		case "gone":
			switch {
			case len(b)-i >= 4 && string(b[i:i+4]) == "true":
				st.Gone, i = true, i+4
			case len(b)-i >= 5 && string(b[i:i+5]) == "false":
				st.Gone, i = false, i+5
			default:
				return st, false
			}
		default:
			return st, false
		}
		if i >= len(b) {
			return st, false
		}
		switch b[i] {
		case ',':
			i++
		case '}':
			return st, i+1 == len(b)
		default:
			return st, false
		}
	}
}

// plainString reads a JSON string at the start of b whose decoding is simple: no control
// character, valid UTF-8 (json.Unmarshal would replace bad bytes), and no escapes but \" \\ \/
// \n \r \t (an ETag is quoted: W/"…"; \u escapes, which json.Marshal writes for < > & and
// bad bytes, are left to json.Unmarshal). It returns the text and the bytes used, quotes included.
func plainString(b []byte) (string, int, bool) {
	if len(b) == 0 || b[0] != '"' {
		return "", 0, false
	}
	var out []byte // the text so far, once an escape was met
	from := 1      // start of the text not yet copied to out
	for j := 1; j < len(b); j++ {
		switch c := b[j]; {
		case c == '"':
			if !utf8.Valid(b[from:j]) {
				return "", 0, false
			}
			if out == nil {
				return string(b[1:j]), j + 1, true
			}
			return string(append(out, b[from:j]...)), j + 1, true
		case c < 0x20:
			return "", 0, false
		case c == '\\':
			if j+1 == len(b) || !utf8.Valid(b[from:j]) {
				return "", 0, false
			}
			var r byte
			switch b[j+1] {
			case '"', '\\', '/':
				r = b[j+1]
			case 'n':
				r = '\n'
			case 'r':
				r = '\r'
			case 't':
				r = '\t'
			default:
				return "", 0, false
			}
			out = append(append(out, b[from:j]...), r)
			j++
			from = j + 1
		}
	}
	return "", 0, false
}
