package rule

import (
	"net/http"
)

// Rule is a parsed and checked router rule, ready to match requests.
type Rule struct {
	// Root is the rule's syntax tree, with byte offsets into Source().
	Root   Expr
	src    string
	syntax Syntax
	prog   *cnode
}

// Parse parses a router rule in the given syntax and checks every matcher as
// Traefik v3.7 does. A rule Parse accepts is a rule Traefik accepts, and the
// reverse. On failure it returns a nil *Rule and a *Error (one, the first
// problem in Traefik's order) with the byte offset of the offending token.
func Parse(src string, syntax Syntax) (*Rule, error) {
	x, err := parseExpr(src)
	if err != nil {
		return nil, err
	}
	prog, err := compile(x, syntax)
	if err != nil {
		return nil, err
	}
	return &Rule{Root: x, src: src, syntax: syntax, prog: prog}, nil
}

// ParseTree parses src into a syntax tree without checking the matchers'
// names against a syntax or their arguments: names of both syntaxes are
// accepted. It is what Domains and linters build on. The error, if any, is a
// *Error.
func ParseTree(src string) (Expr, error) {
	x, err := parseExpr(src)
	if err != nil {
		return nil, err
	}
	return x, nil
}

// Source returns the rule's text.
func (r *Rule) Source() string { return r.src }

// Syntax returns the syntax the rule was parsed with.
func (r *Rule) Syntax() Syntax { return r.syntax }

// Priority returns the rule's default priority: its length in bytes.
func (r *Rule) Priority() int { return len(r.src) }

// Matchers lists the rule's matcher calls in source order, each with
// whether it is negated.
func (r *Rule) Matchers() []MatcherUse { return Matchers(r.Root) }

// Hosts returns the lower-cased values of the rule's non-negated Host (and
// v2 HostHeader) matchers, in source order.
func (r *Rule) Hosts() []string {
	var hosts []string
	for _, m := range Matchers(r.Root) {
		if !m.Negated && (m.Call.Kind == Host || m.Call.Kind == HostHeader) {
			for _, a := range m.Call.Args {
				hosts = append(hosts, lower(a.Value))
			}
		}
	}
	return hosts
}

// Match reports whether the rule matches the request, with Traefik's request
// semantics: Host reads the canonical host (req.Host without port or IPv6
// brackets, trimmed, lower-cased); path matchers read the routing path
// (RoutingPath); headers are looked up by canonical name in req.Header as
// it is; query matchers read the decoded query; ClientIP reads
// req.RemoteAddr. A nil rule matches nothing.
func (r *Rule) Match(req *http.Request) bool {
	if r == nil || r.prog == nil || req == nil || req.URL == nil {
		return false
	}
	c := reqCtx{req: req}
	return r.prog.eval(&c)
}

// Priority returns Traefik's default priority for a rule: its length in
// bytes.
func Priority(src string) int { return len(src) }
