package ingressroute

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"
)

// ProviderName is the name of Traefik's Kubernetes CRD provider: the
// suffix ("@kubernetescrd") of every name it generates, when seen from
// other providers.
const ProviderName = "kubernetescrd"

// providerSep separates a name from its provider in a reference.
const providerSep = "@"

// Normalize rewrites a name as Traefik's providers do: every run of
// letters and digits is kept, and the runs are joined with "-"
// ("default/web.app" -> "default-web-app").
func Normalize(name string) string {
	return strings.Join(strings.FieldsFunc(name, func(c rune) bool {
		return !unicode.IsLetter(c) && !unicode.IsNumber(c)
	}), "-")
}

// makeID joins a namespace and a name with "-", or returns the name alone
// when the namespace is empty.
func makeID(namespace, name string) string {
	if namespace == "" {
		return name
	}
	return namespace + "-" + name
}

// RouterName returns the name Traefik gives the router of a route: the
// normalized namespace, IngressRoute name and first 10 bytes of the
// SHA-256 of the match, in hex.
func RouterName(namespace, ingressRoute, match string) string {
	sum := sha256.Sum256([]byte(match))
	return Normalize(makeID(namespace, ingressRoute+"-"+hex.EncodeToString(sum[:10])))
}

// splitProvider splits "name@provider" at its last "@"; ok is false when
// there is no "@".
func splitProvider(ref string) (name, provider string, ok bool) {
	i := strings.LastIndex(ref, providerSep)
	if i < 0 {
		return ref, "", false
	}
	return ref[:i], ref[i+1:], true
}
