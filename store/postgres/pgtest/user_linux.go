package pgtest

import (
	"os"
	"os/exec"
	"os/user"
	"strconv"
	"syscall"
)

// command returns the command for a server program: as the postgres user when the tests run as
// root, and killed with the test binary (Pdeathsig) so that no server outlives a killed run.
func (s *Server) command(name string, args ...string) *exec.Cmd {
	cmd := exec.Command(name, args...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	if uid, gid, ok := serverUser(); ok {
		cmd.SysProcAttr.Credential = &syscall.Credential{Uid: uid, Gid: gid}
		cmd.Dir = s.dir // the test's working directory may be closed to that user
	}
	return cmd
}

// asServerUser makes dir the server user's when the tests run as root.
func asServerUser(dir string) error {
	if os.Geteuid() != 0 {
		return nil
	}
	uid, gid, ok := serverUser()
	if !ok {
		return errNoUser
	}
	return os.Chown(dir, int(uid), int(gid))
}

// serverUser returns the postgres user's ids when the tests run as root (ok false otherwise, or
// when there is no such user).
func serverUser() (uid, gid uint32, ok bool) {
	if os.Geteuid() != 0 {
		return 0, 0, false
	}
	u, err := user.Lookup("postgres")
	if err != nil {
		return 0, 0, false
	}
	ui, err1 := strconv.ParseUint(u.Uid, 10, 32)
	gi, err2 := strconv.ParseUint(u.Gid, 10, 32)
	if err1 != nil || err2 != nil {
		return 0, 0, false
	}
	return uint32(ui), uint32(gi), true
}
