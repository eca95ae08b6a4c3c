package sticky

import (
	"crypto/sha1"
	"encoding/hex"
)

// DefaultCookiePath is the path Traefik gives a sticky cookie that sets
// none.
const DefaultCookiePath = "/"

// CookieName returns the name Traefik generates, when it runs, for a
// sticky cookie that has none: "_" followed by the first 5 hex digits of
// the SHA-1 of "_TRAEFIK_BACKEND_" + service, where service is the fully
// qualified service name ("default-whoami-80@kubernetescrd").
func CookieName(service string) string {
	sum := sha1.Sum([]byte("_TRAEFIK_BACKEND_" + service))
	return "_" + hex.EncodeToString(sum[:])[:5]
}
