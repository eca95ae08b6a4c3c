// Package rule reads Traefik router rules exactly as Traefik v3.7 does.
//
// # Place in the pipeline
//
// irkit decodes IngressRoute manifests (package ingressroute), then compiles
// each route's match into a routing table. This package is the step that
// turns a route's match text into something checkable and executable: it
// parses the rule (Parse), reports problems as *Error values with byte
// offsets (which ingressroute converts to file positions), gives the
// default priority (Priority), the domains TLS options bind to (Domains),
// and matches requests (Rule.Match). It also rewrites v2 rules into v3
// (Migrate) and prints rules canonically (Print). It knows nothing of
// Kubernetes.
//
// # Grammar
//
// Traefik parses a rule as a Go expression (go/parser) and then walks the
// tree, so a rule is lexically Go: Go whitespace (space, tab, CR, LF; any
// other space is an illegal character), Go comments, and Go's automatic
// semicolon, which makes a line break after a matcher, a string or ')'
// end the rule. The accepted structure is
//
//	rule    = or [line break] EOF .
//	or      = and { "||" and } .
//	and     = unary { "&&" unary } .
//	unary   = "!" unary | primary .
//	primary = "(" or ")" | call .
//	call    = name "(" [ string { "," string } [ "..." ] [ "," ] ] ")" .
//	string  = raw_string | interpreted_string .   // `...` or "..." with Go escapes
//
// && binds tighter than ||; both are left-associative. A name is accepted in
// four spellings: Host, host, HOST and Host (strings.Title of the lower
// case), so HostRegexp, hostregexp, HOSTREGEXP and Hostregexp. Everything
// else Go can parse (numbers, identifiers, other operators, selectors,
// index expressions, literals of other kinds) is refused, as Traefik refuses
// it; the conformance corpus in testdata/conformance/rules pins this down.
//
// # Syntaxes
//
// V3 (the default) has Host, HostRegexp, Path, PathPrefix, PathRegexp,
// Method, Header, HeaderRegexp, Query, QueryRegexp and ClientIP, each with a
// fixed number of arguments (Header and HeaderRegexp two, Query and
// QueryRegexp one or two, the others one). In v3.7 Host(`*`) matches every
// request and Host(`*.example.com`) any host with exactly one more label.
// HostRegexp, PathRegexp, HeaderRegexp and QueryRegexp take Go regular
// expressions, unanchored. Beware a Traefik quirk: a v3 HostRegexp whose
// expression matches the empty string matches every request.
//
// V2 (route option syntax: v2) has Host, HostHeader, HostRegexp, Path,
// PathPrefix, Method, Headers, HeadersRegexp, Query and ClientIP; Host,
// HostRegexp, Path, PathPrefix, Method and ClientIP take several arguments
// (any may match), Headers and HeadersRegexp take name/value pairs (all
// must match), Query takes key=value arguments (all must match); HostRegexp,
// Path, PathPrefix and Query values are templates with {name} and
// {name:regexp} placeholders.
//
// # Requests
//
// Rule.Match reads requests as Traefik does: Host matchers the canonical
// host (req.Host without port and IPv6 brackets, trimmed, lower-cased);
// path matchers the routing path (RoutingPath: percent-encoded octets
// decoded except reserved characters); Header matchers req.Header by
// canonical name, without canonicalizing the map; query matchers the
// decoded query; ClientIP req.RemoteAddr.
//
// # Limits
//
// Rules are untrusted input. MaxRuleLength bounds the length, MaxDepth the
// nesting of parentheses and !, MaxRegexpLength the length of a regular
// expression or template, MaxArgs the arguments of one matcher. Beyond a
// limit Parse returns an *Error; it never panics and never recurses deeper
// than MaxDepth.
package rule
