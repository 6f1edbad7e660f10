// Package rawhttp gives tests HTTP servers that misbehave below net/http: they never answer, trickle
// bytes, or stall mid-body. It is shared by the fetch and refresh tests, which both prove that a
// hostile server cannot hold a fetch past its deadline.
package rawhttp

import (
	"bufio"
	"net"
	"sync"
	"testing"
	"time"
)

// Server runs a TCP server on 127.0.0.1 whose every connection is handled by handle, which must
// return when done is closed (at the test's cleanup). It returns the server's URL.
func Server(tb testing.TB, handle func(c net.Conn, done <-chan struct{})) string {
	tb.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			wg.Go(func() {
				defer c.Close()
				handle(c, done)
			})
		}
	})
	tb.Cleanup(func() {
		close(done)
		ln.Close()
		wg.Wait()
	})
	return "http://" + ln.Addr().String()
}

// ReadHead reads an HTTP request's head from c.
func ReadHead(c net.Conn) {
	br := bufio.NewReader(c)
	for {
		line, err := br.ReadString('\n')
		if err != nil || line == "\r\n" {
			return
		}
	}
}

// Trickle writes s one byte per second, then holds the connection open until done is closed.
func Trickle(c net.Conn, s string, done <-chan struct{}) {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for i := 0; i < len(s); i++ {
		if _, err := c.Write([]byte{s[i]}); err != nil {
			return
		}
		select {
		case <-done:
			return
		case <-t.C:
		}
	}
	<-done
}
