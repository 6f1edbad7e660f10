package normalize

import (
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"tributary/aggregator/testenv"
)

// BenchmarkSanitize measures the old sanitizer (bluemonday, then a second tokenizer pass; the oracle)
// and the single pass side by side on the same bodies: the 深度 posts of ../shared/realposts (~3 KB of
// Chinese HTML each, the standard workload's bodies), its 电报 posts (plain text), and this package's
// hostile and malformed cases. One op sanitizes every body of the set once; MB/s counts body bytes;
// cpu-ns/op is the process's CPU time (garbage collection included) per op.
//
//	go test -run '^$' -bench Sanitize -benchmem -count 6 ./aggregator/normalize/
func BenchmarkSanitize(b *testing.B) {
	type set struct {
		name   string
		bodies []string
	}
	local := localBodies()
	sets := []set{{"local", sortedValues(local)}}
	if _, ok := testenv.HasShared("realposts/pairs.tsv"); ok {
		real := realpostBodies(b)
		var depth, tele []string
		for _, k := range sortedKeys(real) {
			if strings.Contains(k, string(filepath.Separator)+"深度"+string(filepath.Separator)) {
				depth = append(depth, real[k])
			} else {
				tele = append(tele, real[k])
			}
		}
		sets = append([]set{{"depth", depth}, {"telegraph", tele}}, sets...)
	}
	n, o := New(Options{}), newOracle()
	impls := []struct {
		name     string
		sanitize func(body, base string) (string, string)
	}{{"old", o.Sanitize}, {"new", n.Sanitize}}
	const base = "https://www.cls.cn/detail/883427"
	for _, s := range sets {
		size := 0
		for _, body := range s.bodies {
			size += len(body)
		}
		for _, impl := range impls {
			b.Run(s.name+"/"+impl.name, func(b *testing.B) {
				b.SetBytes(int64(size))
				b.ReportAllocs()
				cpu := processCPU()
				for b.Loop() {
					for _, body := range s.bodies {
						impl.sanitize(body, base)
					}
				}
				if cpu > 0 {
					b.ReportMetric(float64(processCPU()-cpu)/float64(b.N), "cpu-ns/op")
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(s.bodies)), "ns/body")
			})
		}
	}
}

// sortedKeys returns the keys of m in order, so benchmarks and tests walk bodies the same way each run.
func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// sortedValues returns the values of m in the order of their keys.
func sortedValues(m map[string]string) []string {
	var vals []string
	for _, k := range sortedKeys(m) {
		vals = append(vals, m[k])
	}
	return vals
}
