package parse

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"tributary/aggregator/testenv"
)

// FuzzParse feeds arbitrary bytes and Content-Types to Parse, seeded with the corpus and the shared
// fixtures. Parse must not panic, must not need its own recover (a recovered gofeed panic is a
// finding to turn into a pre-check), and must return a feed exactly when it returns no error.
func FuzzParse(f *testing.F) {
	// Every corpus file seeds a fuzzing run; a plain test run (where TestCorpusNeverPanics already
	// parses them all) takes every tenth, to stay quick under -race.
	fuzzing := false
	if fl := flag.Lookup("test.fuzz"); fl != nil && fl.Value.String() != "" {
		fuzzing = true
	}
	if corpusDir, ok := testenv.HasShared("corpus"); ok {
		for i, rel := range corpusFiles(f, corpusDir) {
			if !fuzzing && i%10 != 0 {
				continue
			}
			b, err := os.ReadFile(filepath.Join(corpusDir, rel))
			if err != nil {
				f.Fatal(err)
			}
			f.Add(b, "")
		}
	}
	if entries, err := os.ReadDir(filepath.Join("..", "testdata")); err == nil {
		for _, e := range entries {
			if b, err := os.ReadFile(filepath.Join("..", "testdata", e.Name())); err == nil && !e.IsDir() {
				f.Add(b, "application/rss+xml")
			}
		}
	}
	f.Add([]byte(`{"items":[null]}`), "application/feed+json")
	f.Add([]byte(`{"items":[{"authors":[null],"attachments":[null]}],"authors":[null]}`), "")
	f.Add([]byte(`<rss><channel><item><title>&lol;</title></item></channel></rss>`), "application/atom+xml")
	f.Fuzz(func(t *testing.T, body []byte, contentType string) {
		feed, err := Parse(body, contentType)
		if errors.Is(err, ErrPanic) {
			t.Fatalf("gofeed panicked: %v", err)
		}
		if (err == nil) != (feed != nil) {
			t.Fatalf("feed %v with error %v", feed != nil, err)
		}
		if feed != nil {
			for i, it := range feed.Items {
				if it == nil {
					t.Fatalf("item %d is nil", i)
				}
			}
		}
	})
}
