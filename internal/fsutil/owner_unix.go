//go:build unix

package fsutil

import (
	"io/fs"
	"syscall"
)

type owner struct {
	uid, gid int
	links    uint64
}

// ownerOf returns a file's owner, group and number of hard links.
func ownerOf(info fs.FileInfo) (owner, bool) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return owner{}, false
	}
	return owner{uid: int(st.Uid), gid: int(st.Gid), links: uint64(st.Nlink)}, true
}
