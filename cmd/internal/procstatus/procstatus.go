// Package procstatus reads the memory fields of Linux's /proc/PID/status. The daemon's memory
// limiter reads its own RssAnon there, and the benchmark reads the daemon's VmHWM, RssAnon and
// RssFile: one parser for both.
package procstatus

import (
	"bytes"
	"strconv"
	"strings"
)

// Field returns the value of a "Name:   123 kB" line of status (the contents of
// /proc/PID/status), in bytes, and false when there is no such line or it is not in kB.
func Field(status []byte, name string) (int64, bool) {
	for line := range bytes.Lines(status) {
		rest, ok := bytes.CutPrefix(line, []byte(name))
		if !ok {
			continue
		}
		f := strings.Fields(string(rest))
		if len(f) != 2 || f[1] != "kB" {
			return 0, false
		}
		v, err := strconv.ParseInt(f[0], 10, 64)
		if err != nil || v < 0 {
			return 0, false
		}
		return v << 10, true
	}
	return 0, false
}
