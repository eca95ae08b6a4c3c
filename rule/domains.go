package rule

import "strings"

// Domains returns the domains Traefik extracts from a rule to bind TLS
// options and certificates to: the arguments of every Host matcher
// (negated ones included), lower-cased, in source order; nil when there are
// none. Like Traefik's extraction it accepts the matcher names of both
// syntaxes and does not check arguments, so it can succeed on a rule Parse
// refuses. It fails when the rule is not a well-formed expression of matcher
// calls; the error is a *Error.
func Domains(src string) ([]string, error) {
	x, err := parseExpr(src)
	if err != nil {
		return nil, err
	}
	return domainsOf(x), nil
}

// Domains returns the domains Traefik extracts from the rule (see the
// package-level Domains).
func (r *Rule) Domains() []string {
	return domainsOf(r.Root)
}

func domainsOf(x Expr) []string {
	var out []string
	Walk(x, func(n Node) bool {
		if c, ok := n.(*Call); ok && c.Kind == Host {
			for _, a := range c.Args {
				out = append(out, lower(a.Value))
			}
			return false
		}
		return true
	})
	return out
}

func lower(s string) string { return strings.ToLower(s) }
