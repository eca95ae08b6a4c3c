package ingressroute

import (
	"errors"

	"github.com/irkit/irkit/rule"
)

// parseRule parses a route's match with the rule package, in the route's
// syntax, and reports a parse error on the IngressRoute at the offending
// token, in the YAML file's coordinates. It returns nil when the rule does
// not parse.
func (c *compiler) parseRule(ir *IngressRoute, field, src, syntax string) Matcher {
	syn, serr := rule.ParseSyntax(syntax)
	if serr != nil {
		c.reportf(ir, field[:len(field)-len(".match")]+".syntax", SeverityWarning, CodeRuleSyntax,
			`write syntax: v3 or syntax: v2`, "%v", serr)
	}
	r, err := rule.Parse(src, syn)
	if err == nil {
		return r
	}
	pos := c.set.Source(ir).Lookup(field)
	msg, hint := err.Error(), "Traefik keeps the router but refuses to serve it"
	var rerr *rule.Error
	if errors.As(err, &rerr) && c.set.Source(ir) != nil {
		pos = c.set.Source(ir).ValuePos(field, rerr.Offset)
		msg = rerr.Msg
		if rerr.Hint != "" {
			hint = rerr.Hint + "; " + hint
		}
	}
	c.diags = append(c.diags, Diagnostic{Severity: SeverityError, Code: CodeRuleParse, Object: objectRef(ir), Field: field, Pos: pos,
		Message: "invalid rule: " + msg, Hint: hint})
	return nil
}
