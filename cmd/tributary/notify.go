package main

import (
	"net"
	"os"
	"strconv"
	"strings"
	"time"

	"golang.org/x/sys/unix"
)

// notifier speaks systemd's notify protocol (sd_notify(3)): datagrams to $NOTIFY_SOCKET. It is a
// no-op when the variable is unset, as it is outside systemd.
type notifier struct {
	addr     *net.UnixAddr
	interval time.Duration // watchdog ping period, half of $WATCHDOG_USEC
}

func newNotifier() *notifier {
	n := &notifier{}
	path := os.Getenv("NOTIFY_SOCKET")
	if path == "" {
		return n
	}
	if strings.HasPrefix(path, "@") { // abstract socket
		path = "\x00" + path[1:]
	}
	n.addr = &net.UnixAddr{Name: path, Net: "unixgram"}
	if usec, err := strconv.ParseInt(os.Getenv("WATCHDOG_USEC"), 10, 64); err == nil && usec > 0 {
		if pid := os.Getenv("WATCHDOG_PID"); pid == "" || pid == strconv.Itoa(os.Getpid()) {
			n.interval = time.Duration(usec) * time.Microsecond / 2
		}
	}
	return n
}

// notifyTimeout bounds one notify write. A datagram socket whose reader has stopped reading
// blocks the writer once its queue is full; a notification is dropped then, rather than the
// shutdown (STOPPING=1) or the watchdog hanging behind it.
const notifyTimeout = time.Second

// send writes one notify message; errors are ignored, as sd_notify's callers do.
func (n *notifier) send(state string) {
	if n.addr == nil {
		return
	}
	conn, err := net.DialUnix("unixgram", nil, n.addr)
	if err != nil {
		return
	}
	defer conn.Close()
	_ = conn.SetWriteDeadline(time.Now().Add(notifyTimeout))
	_, _ = conn.Write([]byte(state))
}

// watchdog pings WATCHDOG=1 every half period while healthy says so; a stuck scheduler or
// database stops the pings and lets systemd restart the service. It returns a stop function.
func (n *notifier) watchdog(healthy func() bool) func() {
	if n.addr == nil || n.interval <= 0 {
		return func() {}
	}
	done := make(chan struct{})
	go func() {
		t := time.NewTicker(n.interval)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				if healthy() {
					n.send("WATCHDOG=1")
				}
			}
		}
	}()
	return func() { close(done) }
}

// monotonicUsec is CLOCK_MONOTONIC in microseconds, which RELOADING=1 must carry.
func monotonicUsec() string {
	var ts unix.Timespec
	if err := unix.ClockGettime(unix.CLOCK_MONOTONIC, &ts); err != nil {
		return "0"
	}
	return strconv.FormatInt(ts.Sec*1_000_000+ts.Nsec/1000, 10)
}
