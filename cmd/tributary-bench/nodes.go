package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// runNodes is one run of n daemons on one PostgreSQL database, which share the farm's sources
// through leases: the full refresh (every node's start-up round, and a round asked of the first
// node), the 304 round and the change round, each asked of the first node, which forwards the
// sources other nodes hold, and timed until it answered. CPU figures are every daemon's together, and
// PostgreSQL's apart, as for one node; the output load and the ceilings are not measured (-quick).
func runNodes(o options, dir string, n int) (map[string]float64, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	m := map[string]float64{"nodes": float64(n)}
	fm, farmAddr, stop, err := startFarm(o)
	if err != nil {
		return nil, err
	}
	defer stop()
	if fm != nil {
		fm.prerender()
	}
	db, err := createDatabase(o.postgres)
	if err != nil {
		return nil, err
	}
	defer db.drop()
	o.pgDB = db
	farmCPU0, pgCPU0 := farmCPU(fm), pgCPU()

	// The nodes start at once, as a cluster restarted together would: each starts refreshing
	// every never-fetched source, and the leases share them out.
	nodes := make([]*daemon, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range nodes {
		wg.Go(func() {
			sub := filepath.Join(dir, fmt.Sprintf("node%d", i))
			if errs[i] = os.MkdirAll(sub, 0o755); errs[i] == nil {
				nodes[i], errs[i] = startDaemon(o, sub, farmAddr, o.feeds, nil)
			}
		})
	}
	wg.Wait()
	for _, d := range nodes {
		if d != nil {
			defer d.stop()
		}
	}
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	started := nodes[0].startedAt
	for _, d := range nodes {
		if d.startedAt.Before(started) {
			started = d.startedAt
		}
		m["startup_s"] = max(m["startup_s"], d.readyAt.Sub(d.startedAt).Seconds())
	}

	// The full refresh: from the first exec to the last node's answer; all the processes' CPU.
	res, _, err := refreshNodes(nodes)
	if err != nil {
		return nil, err
	}
	wall := time.Since(started).Seconds()
	m["full.wall_s"], m["full.cpu_s"] = wall, nodesCPU(nodes)
	m["full.pg_cpu_s"] = pgCPU() - pgCPU0
	m["full.farm_cpu_s"] = farmCPU(fm) - farmCPU0
	m["full.failed"] = float64(res.Failed)
	// Results reach the metrics just after the refresh answers: wait until the count settles.
	entries := nodesMetricSum(nodes, "tributary_articles_total{")
	for range 50 {
		time.Sleep(50 * time.Millisecond)
		e := nodesMetricSum(nodes, "tributary_articles_total{")
		if e == entries {
			break
		}
		entries = e
	}
	m["full.entries"], m["full.entries_per_s"] = entries, entries/wall
	m["full.entries_per_cpu_s"] = entries / m["full.cpu_s"]
	for _, d := range nodes {
		m["peak_rss_mib"] = max(m["peak_rss_mib"], float64(d.hwm())/(1<<20))
	}

	pgCPU0 = pgCPU()
	t0 := time.Now()
	res, cpu, err := refreshNodes(nodes)
	if err != nil {
		return nil, err
	}
	m["r304.wall_s"], m["r304.cpu_s"], m["r304.pg_cpu_s"] = time.Since(t0).Seconds(), cpu, pgCPU()-pgCPU0
	m["r304.not_modified"] = float64(res.count("not_modified"))

	if fm != nil && o.change > 0 {
		fm.change(o.change)
		fm.prerender()
		pgCPU0 = pgCPU()
		t0 = time.Now()
		res, cpu, err = refreshNodes(nodes)
		if err != nil {
			return nil, err
		}
		m["change.wall_s"], m["change.cpu_s"], m["change.pg_cpu_s"] = time.Since(t0).Seconds(), cpu, pgCPU()-pgCPU0
		m["change.new"] = float64(res.sum(func(r refreshResult) int { return r.New }))
	}
	stored, err := nodes[0].storedArticles()
	if err != nil {
		return nil, err
	}
	if stored > 0 {
		m["db_bytes_per_article"] = nodes[0].metric("tributary_database_bytes") / float64(stored)
	}
	m["stored_articles"] = float64(stored)
	for _, d := range nodes {
		m["grouped"] += d.metric("tributary_story_merges_total")
	}
	return m, nil
}

// refreshNodes asks the first node for a refresh of every source and waits for its answer: it
// fetches the sources whose lease it holds and forwards the others to their holders (see the
// README, several nodes), so the cluster fetches each source once. Asking every node at once would
// make each forward what it does not hold, and a request that arrives after its source's fetch
// ended is fetched again. It returns the answer and every node's CPU spent meanwhile.
func refreshNodes(nodes []*daemon) (refreshResponse, float64, error) {
	cpu0 := nodesCPU(nodes)
	_, _, res, err := nodes[0].refresh()
	if err != nil {
		return res, 0, fmt.Errorf("node 0: %w", err)
	}
	return res, nodesCPU(nodes) - cpu0, nil
}

// nodesCPU is the daemons' utime+stime together, in seconds.
func nodesCPU(nodes []*daemon) float64 {
	t := 0.0
	for _, d := range nodes {
		t += d.cpu()
	}
	return t
}

// nodesMetricSum is metricSum over every node.
func nodesMetricSum(nodes []*daemon, prefix string) float64 {
	t := 0.0
	for _, d := range nodes {
		t += d.metricSum(prefix)
	}
	return t
}
