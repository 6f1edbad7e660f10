package main

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
)

// pgDatabase is the database of one run on the postgres backend.
type pgDatabase struct {
	admin, name, dsn string
}

// pgSeq numbers the databases of this process.
var pgSeq atomic.Int64

// createDatabase creates an empty database on the server of admin (a database URL) and returns
// it; drop removes it.
func createDatabase(admin string) (*pgDatabase, error) {
	u, err := url.Parse(admin)
	if err != nil || u.Scheme != "postgres" && u.Scheme != "postgresql" {
		return nil, fmt.Errorf("-postgres: want a URL such as postgres://postgres@127.0.0.1:5432/postgres")
	}
	name := fmt.Sprintf("tributary_bench_%d_%d", os.Getpid(), pgSeq.Add(1))
	// The pool_* parameters (pgxpool's: pool_max_conns=16) are for the daemon; a plain
	// connection would send them to the server as settings it does not know.
	bare := *u
	q := bare.Query()
	for k := range q {
		if strings.HasPrefix(k, "pool_") {
			q.Del(k)
		}
	}
	bare.RawQuery = q.Encode()
	if err := pgExec(bare.String(), "CREATE DATABASE "+pgx.Identifier{name}.Sanitize()); err != nil {
		return nil, fmt.Errorf("-postgres: create database %s: %w", name, err)
	}
	u.Path = "/" + name
	return &pgDatabase{admin: bare.String(), name: name, dsn: u.String()}, nil
}

func (p *pgDatabase) drop() {
	if err := pgExec(p.admin, "DROP DATABASE IF EXISTS "+pgx.Identifier{p.name}.Sanitize()+" WITH (FORCE)"); err != nil {
		fmt.Fprintf(os.Stderr, "drop database %s: %v\n", p.name, err)
	}
}

func pgExec(dsn, sql string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return err
	}
	defer conn.Close(context.Background())
	_, err = conn.Exec(ctx, sql)
	return err
}

// pgCPU is the CPU time, in seconds, of every process named postgres on this machine: its utime
// and stime, plus cutime and cstime (the backends that exited were the postmaster's children).
// The server must run on this machine, with nothing else of that name busy.
func pgCPU() float64 {
	paths, _ := filepath.Glob("/proc/[0-9]*/stat")
	total := 0.0
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		s := string(b)
		open, closing := strings.IndexByte(s, '('), strings.LastIndexByte(s, ')')
		if open < 0 || closing < open || s[open+1:closing] != "postgres" {
			continue
		}
		f := strings.Fields(s[closing+2:])
		if len(f) < 15 {
			continue
		}
		for _, i := range []int{11, 12, 13, 14} { // utime stime cutime cstime
			v, _ := strconv.ParseFloat(f[i], 64)
			total += v
		}
	}
	return total / 100 // USER_HZ
}
