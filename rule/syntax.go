package rule

import (
	"fmt"
	"strings"
)

// Limits on untrusted input. Traefik itself has looser or no limits; a rule
// beyond one of these is refused with an *Error rather than processed.
const (
	// MaxRuleLength is the longest rule accepted, in bytes (64 KiB).
	MaxRuleLength = 64 << 10
	// MaxDepth is the deepest nesting of parentheses and ! accepted.
	// Deeper rules are refused without recursing further.
	MaxDepth = 1000
	// MaxRegexpLength is the longest regular expression (or v2 template)
	// argument accepted, in bytes.
	MaxRegexpLength = 4096
	// MaxArgs is the largest number of arguments accepted in one matcher call.
	MaxArgs = 256
)

// Syntax is a rule syntax: Traefik reads a router's rule with the syntax named
// by the router's `syntax` option (v3 by default).
type Syntax uint8

const (
	// V3 is Traefik v3's rule syntax, the default.
	V3 Syntax = iota
	// V2 is Traefik v2's rule syntax (router option `syntax: v2`).
	V2
)

// String returns "v3" or "v2".
func (s Syntax) String() string {
	if s == V2 {
		return "v2"
	}
	return "v3"
}

// ParseSyntax parses a router's syntax option: "" and "v3" give V3, "v2"
// gives V2. Traefik silently reads any other value as v3; ParseSyntax
// returns V3 and an error saying so.
func ParseSyntax(s string) (Syntax, error) {
	switch s {
	case "", "v3":
		return V3, nil
	case "v2":
		return V2, nil
	}
	return V3, fmt.Errorf("unknown rule syntax %q: Traefik reads it as v3 (want \"v2\" or \"v3\")", s)
}

// Kind identifies a matcher independently of how its name was spelled.
type Kind uint8

// The matchers of both syntaxes.
const (
	KindInvalid Kind = iota
	Host
	HostHeader
	HostRegexp
	Path
	PathPrefix
	PathRegexp
	Method
	Header
	HeaderRegexp
	Headers
	HeadersRegexp
	Query
	QueryRegexp
	ClientIP
	numKinds
)

var kindNames = [numKinds]string{
	KindInvalid:   "invalid",
	Host:          "Host",
	HostHeader:    "HostHeader",
	HostRegexp:    "HostRegexp",
	Path:          "Path",
	PathPrefix:    "PathPrefix",
	PathRegexp:    "PathRegexp",
	Method:        "Method",
	Header:        "Header",
	HeaderRegexp:  "HeaderRegexp",
	Headers:       "Headers",
	HeadersRegexp: "HeadersRegexp",
	Query:         "Query",
	QueryRegexp:   "QueryRegexp",
	ClientIP:      "ClientIP",
}

// String returns the canonical name of the matcher, e.g. "HostRegexp".
func (k Kind) String() string {
	if k >= numKinds {
		return "invalid"
	}
	return kindNames[k]
}

// In reports whether the matcher exists in syntax s.
func (k Kind) In(s Syntax) bool {
	switch k {
	case Host, HostRegexp, Path, PathPrefix, Method, Query, ClientIP:
		return true
	case PathRegexp, Header, HeaderRegexp, QueryRegexp:
		return s == V3
	case HostHeader, Headers, HeadersRegexp:
		return s == V2
	}
	return false
}

// spellings maps every accepted spelling of a matcher name to its kind.
// Traefik accepts the canonical name, its lower-case and upper-case forms,
// and the lower-case form with an initial capital (strings.Title).
var spellings = func() map[string]Kind {
	m := make(map[string]Kind, 4*int(numKinds))
	for k := Host; k < numKinds; k++ {
		name := k.String()
		lower := strings.ToLower(name)
		m[name] = k
		m[lower] = k
		m[strings.ToUpper(name)] = k
		m[strings.ToUpper(lower[:1])+lower[1:]] = k
	}
	return m
}()

// LookupKind returns the matcher kind for a name as Traefik spells it
// (Host, host, HOST; HostRegexp, hostregexp, HOSTREGEXP, Hostregexp), or
// KindInvalid.
func LookupKind(name string) Kind {
	return lookupKind(name)
}

// lookupKind is LookupKind as a switch, which the compiler turns into a
// search faster than a map lookup. TestLookupKind checks it against the
// spellings table.
func lookupKind(name string) Kind {
	switch name {
	case "Host", "host", "HOST":
		return Host
	case "HostHeader", "hostheader", "HOSTHEADER", "Hostheader":
		return HostHeader
	case "HostRegexp", "hostregexp", "HOSTREGEXP", "Hostregexp":
		return HostRegexp
	case "Path", "path", "PATH":
		return Path
	case "PathPrefix", "pathprefix", "PATHPREFIX", "Pathprefix":
		return PathPrefix
	case "PathRegexp", "pathregexp", "PATHREGEXP", "Pathregexp":
		return PathRegexp
	case "Method", "method", "METHOD":
		return Method
	case "Header", "header", "HEADER":
		return Header
	case "HeaderRegexp", "headerregexp", "HEADERREGEXP", "Headerregexp":
		return HeaderRegexp
	case "Headers", "headers", "HEADERS":
		return Headers
	case "HeadersRegexp", "headersregexp", "HEADERSREGEXP", "Headersregexp":
		return HeadersRegexp
	case "Query", "query", "QUERY":
		return Query
	case "QueryRegexp", "queryregexp", "QUERYREGEXP", "Queryregexp":
		return QueryRegexp
	case "ClientIP", "clientip", "CLIENTIP", "Clientip":
		return ClientIP
	}
	return KindInvalid
}

// suggestKind returns a matcher name close to name, for "did you mean".
func suggestKind(name string, s Syntax) string {
	lower := strings.ToLower(name)
	for k := Host; k < numKinds; k++ {
		if strings.ToLower(k.String()) == lower {
			return k.String()
		}
	}
	best, bestD := "", 3
	for k := Host; k < numKinds; k++ {
		if !k.In(s) {
			continue
		}
		cand := k.String()
		if strings.ToLower(cand) == lower {
			return cand
		}
		if d := editDistance(lower, strings.ToLower(cand)); d < bestD {
			best, bestD = cand, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b (bytes).
func editDistance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return 1 << 30
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func sprintf(format string, args ...any) string {
	if len(args) == 0 {
		return format
	}
	return fmt.Sprintf(format, args...)
}
