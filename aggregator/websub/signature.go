package websub

import (
	"crypto/hmac"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"strings"
)

// Errors of a push's signature. A push that carries one of them is refused and stores nothing.
var (
	ErrNoSignature  = errors.New("no X-Hub-Signature, but a secret was sent with the subscription")
	ErrBadSignature = errors.New("X-Hub-Signature does not match the body")
	ErrSigMethod    = errors.New("X-Hub-Signature method is not sha1, sha256, sha384 or sha512")
)

// hashes are the signature methods WebSub §8 names. sha1 is still what many hubs send.
var hashes = map[string]func() hash.Hash{
	"sha1":   sha1.New,
	"sha256": sha256.New,
	"sha384": sha512.New384,
	"sha512": sha512.New,
}

// Sign returns the X-Hub-Signature value of body under secret with method ("sha256", ...).
func Sign(method, secret string, body []byte) (string, error) {
	h, ok := hashes[method]
	if !ok {
		return "", fmt.Errorf("websub: sign: method %q: %w", method, ErrSigMethod)
	}
	m := hmac.New(h, []byte(secret))
	m.Write(body)
	return method + "=" + hex.EncodeToString(m.Sum(nil)), nil
}

// CheckSignature checks header, an X-Hub-Signature value ("sha256=hex"), against body under
// secret. The comparison takes constant time.
func CheckSignature(header, secret string, body []byte) error {
	header = strings.TrimSpace(header)
	if header == "" {
		return ErrNoSignature
	}
	method, sig, ok := strings.Cut(header, "=")
	h, known := hashes[strings.ToLower(strings.TrimSpace(method))]
	if !ok || !known {
		return ErrSigMethod
	}
	want, err := hex.DecodeString(strings.TrimSpace(sig))
	if err != nil {
		return ErrBadSignature
	}
	m := hmac.New(h, []byte(secret))
	m.Write(body)
	if !hmac.Equal(m.Sum(nil), want) {
		return ErrBadSignature
	}
	return nil
}
