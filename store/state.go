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
		v := b[i:]
		var s string
		switch key {
		case "etag":
			st.ETag, n, ok = plainString(v)
		case "last_modified":
			st.LastModified, n, ok = plainString(v)
		case "last_status":
			s, n, ok = plainString(v)
			st.LastStatus = aggregator.Status(s)
		case "last_error":
			st.LastError, n, ok = plainString(v)
		case "last_fetch":
			st.LastFetch, n, ok = jsonTime(v)
		case "last_success":
			st.LastSuccess, n, ok = jsonTime(v)
		case "backoff_until":
			st.BackoffUntil, n, ok = jsonTime(v)
		case "consecutive_failures":
			st.ConsecutiveFailures, n, ok = jsonInt(v)
		case "gone":
			st.Gone, n, ok = jsonBool(v)
		default:
			return st, false
		}
		if i += n; !ok || i >= len(b) {
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

// jsonTime reads a time at the start of b with time.Time.UnmarshalJSON, the function json.Unmarshal
// calls, and returns the bytes used.
func jsonTime(b []byte) (time.Time, int, bool) {
	var t time.Time
	_, n, ok := plainString(b)
	if !ok || t.UnmarshalJSON(b[:n]) != nil {
		return t, 0, false
	}
	return t, n, true
}

// jsonInt reads an integer at the start of b, as JSON writes one (no leading zeros, no fraction).
func jsonInt(b []byte) (int, int, bool) {
	j := 0
	if j < len(b) && b[j] == '-' {
		j++
	}
	start := j
	for j < len(b) && b[j] >= '0' && b[j] <= '9' {
		j++
	}
	if j == start || b[start] == '0' && j-start > 1 {
		return 0, 0, false
	}
	v, err := strconv.Atoi(string(b[:j]))
	return v, j, err == nil
}

// jsonBool reads true or false at the start of b.
func jsonBool(b []byte) (bool, int, bool) {
	switch {
	case len(b) >= 4 && string(b[:4]) == "true":
		return true, 4, true
	case len(b) >= 5 && string(b[:5]) == "false":
		return false, 5, true
	}
	return false, 0, false
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
