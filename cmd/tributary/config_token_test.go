package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestReadAdminToken: the admin token file is read apart from validation, relative to the config
// file's directory, and each way it can be wrong is one problem naming the key.
func TestReadAdminToken(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{"token": "  s3cret\n", "empty": " \n"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	for _, tt := range []struct {
		name      string
		s         serverConfig
		want      string
		wantProbs []string
	}{
		{"inline token", serverConfig{AdminToken: "inline"}, "inline", nil},
		{"no token", serverConfig{}, "", nil},
		{"file relative to the config", serverConfig{AdminTokenFile: "token"}, "s3cret", nil},
		{"absolute file", serverConfig{AdminTokenFile: filepath.Join(dir, "token")}, "s3cret", nil},
		{"empty file", serverConfig{AdminTokenFile: "empty"}, "", []string{`server.admin_token_file "empty": the file is empty`}},
		{"missing file", serverConfig{AdminTokenFile: "nope"}, "", []string{`server.admin_token_file "nope": open ` + filepath.Join(dir, "nope")}},
		{"both", serverConfig{AdminToken: "inline", AdminTokenFile: "token"}, "s3cret", []string{`server.admin_token_file "token": set either admin_token or admin_token_file, not both`}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var probs []string
			bad := func(format string, args ...any) { probs = append(probs, fmt.Sprintf(format, args...)) }
			if got := readAdminToken(tt.s, dir, bad); got != tt.want {
				t.Errorf("token %q, want %q", got, tt.want)
			}
			if len(probs) != len(tt.wantProbs) {
				t.Fatalf("problems %q, want %q", probs, tt.wantProbs)
			}
			for i := range probs {
				if !strings.HasPrefix(probs[i], tt.wantProbs[i]) {
					t.Errorf("problem %q, want it to begin %q", probs[i], tt.wantProbs[i])
				}
			}
		})
	}
}

// TestUniqueTrimmed: category and source lists lose blanks and repeats, keeping first-seen order.
func TestUniqueTrimmed(t *testing.T) {
	got := uniqueTrimmed([]string{" 快讯", "", "公司", "快讯 ", "  ", "公司", "a"})
	if want := []string{"快讯", "公司", "a"}; !slices.Equal(got, want) {
		t.Errorf("uniqueTrimmed = %q, want %q", got, want)
	}
}
