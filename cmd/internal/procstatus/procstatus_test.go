package procstatus

import "testing"

func TestField(t *testing.T) {
	status := []byte("Name:\ttributary\nVmHWM:\t  204800 kB\nRssAnon:\t   65536 kB\nRssFile:\t 12 kB\nThreads:\t9\nBad:\t-3 kB\n")
	tests := []struct {
		name string
		want int64
		ok   bool
	}{
		{"VmHWM:", 200 << 20, true},
		{"RssAnon:", 64 << 20, true},
		{"RssFile:", 12 << 10, true},
		{"Threads:", 0, false}, // not in kB
		{"Bad:", 0, false},     // negative
		{"RssShmem:", 0, false},
		{"Rss", 0, false}, // a prefix of a name is not the name
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := Field(status, tc.name)
			if got != tc.want || ok != tc.ok {
				t.Errorf("Field(%q) = %d, %v; want %d, %v", tc.name, got, ok, tc.want, tc.ok)
			}
		})
	}
}
