//go:build !linux

package pgtest

import (
	"os"
	"os/exec"
)

// command returns the command for a server program. Off Linux the tests run the server as the
// current user only (Debian's packages, which the tests look for, are Linux's).
func (s *Server) command(name string, args ...string) *exec.Cmd { return exec.Command(name, args...) }

// asServerUser fails as root: PostgreSQL refuses root, and only Linux is taught to switch users.
func asServerUser(string) error {
	if os.Geteuid() == 0 {
		return errNoUser
	}
	return nil
}
