package websub

import (
	"errors"
	"strings"
	"testing"
)

func TestCheckSignature(t *testing.T) {
	body := []byte("<feed/>")
	for _, m := range []string{"sha1", "sha256", "sha384", "sha512"} {
		t.Run(m, func(t *testing.T) {
			sig, err := Sign(m, "s3cret", body)
			if err != nil {
				t.Fatal(err)
			}
			if err := CheckSignature(sig, "s3cret", body); err != nil {
				t.Errorf("valid %s signature refused: %v", m, err)
			}
			if err := CheckSignature(strings.ToUpper(m)+sig[len(m):], "s3cret", body); err != nil {
				t.Errorf("method names are case-insensitive: %v", err)
			}
			if err := CheckSignature(sig, "other", body); !errors.Is(err, ErrBadSignature) {
				t.Errorf("signature under another secret: %v, want ErrBadSignature", err)
			}
			if err := CheckSignature(sig, "s3cret", []byte("<feed>x</feed>")); !errors.Is(err, ErrBadSignature) {
				t.Errorf("signature of another body: %v, want ErrBadSignature", err)
			}
		})
	}
	bad := []struct {
		name, header string
		want         error
	}{
		{"missing", "", ErrNoSignature},
		{"blank", "  ", ErrNoSignature},
		{"md5", "md5=00", ErrSigMethod},
		{"no method", "abcdef", ErrSigMethod},
		{"not hex", "sha256=zz", ErrBadSignature},
		{"truncated", "sha256=00", ErrBadSignature},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			if err := CheckSignature(tt.header, "s3cret", body); !errors.Is(err, tt.want) {
				t.Errorf("CheckSignature(%q) = %v, want %v", tt.header, err, tt.want)
			}
		})
	}
	if _, err := Sign("md5", "s", body); !errors.Is(err, ErrSigMethod) {
		t.Errorf("Sign(md5) = %v, want ErrSigMethod", err)
	}
}

func FuzzCheckSignature(f *testing.F) {
	f.Add("sha256=00ff", "body")
	f.Add("sha1=", "")
	f.Fuzz(func(t *testing.T, header, body string) {
		// Whatever the header, it is accepted only if it is the signature of body under the
		// secret, in one of the four methods.
		if CheckSignature(header, "fuzz-secret", []byte(body)) != nil {
			return
		}
		method, sig, _ := strings.Cut(strings.TrimSpace(header), "=")
		want, err := Sign(strings.ToLower(strings.TrimSpace(method)), "fuzz-secret", []byte(body))
		if err != nil || !strings.EqualFold(strings.TrimSpace(sig), want[strings.IndexByte(want, '=')+1:]) {
			t.Fatalf("accepted %q for %q", header, body)
		}
	})
}
