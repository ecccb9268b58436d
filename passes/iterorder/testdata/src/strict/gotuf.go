package strict

import (
	"encoding/hex"
	"fmt"
)

type TargetFiles struct {
	Path   string
	Hashes map[string][]byte
}

// remotePath is theupdateframework/go-tuf's DownloadTarget before the fix of
// https://github.com/theupdateframework/go-tuf/issues/746 ("Non-deterministic
// hash selection in DownloadTarget"): with several hash algorithms, the
// <hash>.<name> URL uses whichever comes first. Keeping an arbitrary element
// is reported only under -strict: on the corpus it was nearly always meant.
func remotePath(targetFile *TargetFiles, baseName string) string {
	hashes := ""
	// get first hex value of hashes
	for _, v := range targetFile.Hashes { // want `values assigned to hashes, which keeps an arbitrary one`
		hashes = hex.EncodeToString(v)
		break
	}
	return fmt.Sprintf("%s.%s", hashes, baseName)
}

var _ = remotePath
