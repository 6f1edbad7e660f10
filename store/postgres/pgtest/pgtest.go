// Package pgtest starts a throwaway PostgreSQL server for tests: Debian's PostgreSQL 15 programs
// (initdb, postgres) run in a temporary directory on a free loopback port, once per test binary,
// and every test gets a database of its own (CREATE DATABASE). Where the programs are missing, a
// test that asks for a database is skipped with one line saying how to install them (or fails,
// under TRIBUTARY_REQUIRE_TOOLS; see aggregator/testenv).
//
// PostgreSQL refuses to run as root. Tests here run as root in CI, so when the effective user is
// root the server runs as the postgres user that Debian's package creates, in a directory made
// over to it; otherwise it runs as the current user.
//
// The server is tuned for tests (no fsync): what it proves is behaviour, not durability.
//
// Use from a test package:
//
//	var pg = pgtest.New()
//
//	func TestMain(m *testing.M) { code := m.Run(); pg.Stop(); os.Exit(code) }
//
//	func TestX(t *testing.T) { dsn := pg.DSN(t); ... }
package pgtest

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"tributary/aggregator/testenv"
)

// BinDir is where Debian's postgresql-15 package puts the server's programs (not on PATH).
const BinDir = "/usr/lib/postgresql/15/bin"

// Install is what the skip message tells the reader to run.
const Install = "apt-get install postgresql"

// startTimeout bounds how long the server may take to accept connections.
const startTimeout = 60 * time.Second

// Server is one PostgreSQL server shared by the tests of a binary; it starts on the first DSN call.
type Server struct {
	once    sync.Once
	err     error
	missing bool
	dir     string
	cmd     *exec.Cmd
	exited  chan struct{}
	port    int
	n       atomic.Int64 // databases created
	admin   string       // DSN of the postgres database, for CREATE DATABASE
}

// New returns a server that starts when a test first asks for a database.
func New() *Server { return &Server{} }

// DSN creates a new, empty database for tb and returns its connection string; it skips tb when
// PostgreSQL is not installed and fails it when the server did not start. The database is dropped
// when tb ends (a failure to drop is ignored: the whole directory goes at Stop).
func (s *Server) DSN(tb testing.TB) string {
	tb.Helper()
	s.once.Do(func() { s.err = s.start() })
	if s.missing {
		testenv.Program(tb, filepath.Join(BinDir, "initdb"), Install)
		testenv.Program(tb, filepath.Join(BinDir, "postgres"), Install)
	}
	if s.err != nil {
		tb.Fatalf("pgtest: %v", s.err)
	}
	name := fmt.Sprintf("t%d_%s", s.n.Add(1), sanitize(tb.Name()))
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := s.exec(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize()); err != nil {
		tb.Fatalf("pgtest: create database %s: %v", name, err)
	}
	return s.dsn(name)
}

// Addr returns the server's host:port once it runs (for tests that pass it on, such as the binary's).
func (s *Server) Addr() string { return net.JoinHostPort("127.0.0.1", strconv.Itoa(s.port)) }

func (s *Server) dsn(db string) string {
	return fmt.Sprintf("postgres://postgres@%s/%s?sslmode=disable", s.Addr(), db)
}

func (s *Server) exec(ctx context.Context, sql string) error {
	conn, err := pgx.Connect(ctx, s.admin)
	if err != nil {
		return err
	}
	defer func() { _ = conn.Close(context.Background()) }()
	_, err = conn.Exec(ctx, sql)
	return err
}

var nonIdent = regexp.MustCompile(`[^a-zA-Z0-9_]+`)

// sanitize makes a test name part of a database name (at most 63 bytes in all).
func sanitize(name string) string {
	name = strings.ToLower(nonIdent.ReplaceAllString(name, "_"))
	if len(name) > 40 {
		name = name[:40]
	}
	return name
}

// start runs initdb and the server, and waits until it accepts connections.
func (s *Server) start() error {
	initdb, postgres := filepath.Join(BinDir, "initdb"), filepath.Join(BinDir, "postgres")
	if testenv.ProgramAt(initdb) != nil || testenv.ProgramAt(postgres) != nil {
		s.missing = true
		return nil
	}
	dir, err := os.MkdirTemp("", "tributary-pgtest-")
	if err != nil {
		return err
	}
	s.dir = dir
	data := filepath.Join(dir, "data")
	if err := asServerUser(dir); err != nil {
		return err
	}
	out, err := s.command(initdb, "-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--no-locale", "--no-sync").CombinedOutput()
	if err != nil {
		return fmt.Errorf("initdb: %w: %s", err, out)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	s.port = l.Addr().(*net.TCPAddr).Port
	_ = l.Close()
	s.admin = s.dsn("postgres")
	return s.run()
}

// run starts the server on the data directory and port that start chose, and waits until it
// accepts connections.
func (s *Server) run() error {
	dir, data, postgres := s.dir, filepath.Join(s.dir, "data"), filepath.Join(BinDir, "postgres")
	log, err := os.OpenFile(filepath.Join(dir, "server.log"), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return err
	}
	defer func() { _ = log.Close() }()
	s.cmd = s.command(postgres, "-D", data, "-p", strconv.Itoa(s.port),
		"-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=",
		"-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
		"-c", "max_connections=200", "-c", "shared_buffers=64MB")
	s.cmd.Stdout, s.cmd.Stderr = log, log
	if err := s.cmd.Start(); err != nil {
		return fmt.Errorf("postgres: %w", err)
	}
	s.exited = make(chan struct{})
	exited := s.exited
	go func() { _ = s.cmd.Wait(); close(exited) }()
	// Wait for the server: a connection attempt every 50 ms until it answers, it exits, or the
	// timeout. Polling is the only way to learn that a separate process is ready.
	deadline := time.Now().Add(startTimeout)
	for {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		err := s.exec(ctx, "SELECT 1")
		cancel()
		if err == nil {
			return nil
		}
		select {
		case <-s.exited:
			b, _ := os.ReadFile(filepath.Join(dir, "server.log"))
			return fmt.Errorf("postgres exited: %s", b)
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("postgres did not accept connections within %s: %w", startTimeout, err)
		}
	}
}

// Stop stops the server, if it started, and removes its directory.
func (s *Server) Stop() {
	s.halt()
	if s.dir != "" {
		_ = os.RemoveAll(s.dir)
	}
}

// Halt stops the server and keeps its data, as a database going down would: clients' connections
// break and new ones are refused until Resume. Tests that halt a server should have one of their
// own (New), not the one their binary's other tests share.
func (s *Server) Halt(tb testing.TB) {
	tb.Helper()
	if s.cmd == nil {
		tb.Fatal("pgtest: Halt before the server started (call DSN first)")
	}
	s.halt()
}

// Resume starts a halted server again on its port, with its data, and waits until it accepts
// connections.
func (s *Server) Resume(tb testing.TB) {
	tb.Helper()
	if err := s.run(); err != nil {
		tb.Fatalf("pgtest: resume: %v", err)
	}
}

// halt stops the server process, if it runs: a fast shutdown (SIGINT), a kill after 10 s.
func (s *Server) halt() {
	if s.cmd == nil || s.cmd.Process == nil {
		return
	}
	select {
	case <-s.exited:
		return
	default:
	}
	_ = s.cmd.Process.Signal(os.Interrupt)
	select {
	case <-s.exited:
	case <-time.After(10 * time.Second):
		_ = s.cmd.Process.Kill()
		<-s.exited
	}
}

// errNoUser is returned when the tests run as root and the postgres user does not exist.
var errNoUser = errors.New("running as root and there is no postgres user to run the server as")
