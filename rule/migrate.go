package rule

import (
	"regexp"
	"strings"
)

// Migrate rewrites a valid v2 rule into a v3 rule that matches the same
// requests, or returns a *Error saying precisely why it cannot:
//
//   - several arguments become || chains (&& chains for Headers,
//     HeadersRegexp and Query, whose pairs must all match in v2);
//   - HostHeader becomes Host, Headers Header, HeadersRegexp HeaderRegexp;
//   - Query(`k=v`) becomes Query(`k`, `v`), and Query(`k=`) (any value)
//     QueryRegexp(`k`, `.*`);
//   - {name} and {name:re} placeholders become regular expressions:
//     PathRegexp for Path and PathPrefix, case-insensitive anchored
//     HostRegexp for HostRegexp, anchored QueryRegexp for Query values;
//   - a v2 Host value holding '*' (compared literally in v2, a wildcard in
//     v3.7) becomes an anchored HostRegexp.
//
// It refuses a v2 HostRegexp that can match a port or an IPv6 address (v3
// HostRegexp reads the host without its port) or an empty host (a v3
// HostRegexp that matches "" matches every request), and a Query key with a
// placeholder.
//
// One difference remains and is not reported: for a query key given several
// times, v2 compared only the first value, v3 accepts any of them.
func Migrate(src string) (string, error) {
	r, err := Parse(src, V2)
	if err != nil {
		e := *err.(*Error)
		e.Msg = "not a valid v2 rule: " + e.Msg
		return "", &e
	}
	x, merr := migrateExpr(r.Root)
	if merr != nil {
		return "", merr
	}
	out := Print(x)
	if _, err := Parse(out, V3); err != nil {
		return "", errorf(0, len(src), "", "the rewritten rule %s is not valid v3: %v", out, err)
	}
	return out, nil
}

func migrateExpr(x Expr) (Expr, *Error) {
	switch x := x.(type) {
	case *ParenExpr:
		in, err := migrateExpr(x.X)
		if err != nil {
			return nil, err
		}
		return &ParenExpr{Lparen: x.Lparen, X: in, Rparen: x.Rparen}, nil
	case *NotExpr:
		in, err := migrateExpr(x.X)
		if err != nil {
			return nil, err
		}
		return &NotExpr{Bang: x.Bang, X: in}, nil
	case *BinaryExpr:
		l, err := migrateExpr(x.X)
		if err != nil {
			return nil, err
		}
		r, err := migrateExpr(x.Y)
		if err != nil {
			return nil, err
		}
		return &BinaryExpr{X: l, Op: x.Op, OpPos: x.OpPos, Y: r}, nil
	case *Call:
		return migrateCall(x)
	}
	return nil, errorf(0, 0, "", "invalid rule tree")
}

func newCall(k Kind, at *Call, args ...string) *Call {
	c := &Call{Name: k.String(), Kind: k, NamePos: at.NamePos, Lparen: at.Lparen, Rparen: at.Rparen, Ellipsis: -1}
	for _, a := range args {
		c.Args = append(c.Args, &StringLit{ValuePos: at.Lparen, Raw: Quote(a), Value: a})
	}
	return c
}

func chain(op Op, xs []Expr) Expr {
	x := xs[0]
	for _, y := range xs[1:] {
		x = &BinaryExpr{X: x, Op: op, OpPos: y.Pos(), Y: y}
	}
	return x
}

func migrateCall(c *Call) (Expr, *Error) {
	var out []Expr
	op := Or
	switch c.Kind {
	case Host, HostHeader:
		for _, a := range c.Args {
			if !strings.Contains(a.Value, "*") {
				out = append(out, newCall(Host, c, a.Value))
				continue
			}
			// v3.7 reads '*' in Host as a wildcard; v2 compared it literally
			// (with an optional trailing dot on either side).
			h := strings.ToLower(a.Value)
			re := "^" + regexp.QuoteMeta(h) + `\.?$`
			if b, ok := strings.CutSuffix(h, "."); ok {
				re = "^" + regexp.QuoteMeta(b) + `(?:\.\.?)?$`
			}
			out = append(out, newCall(HostRegexp, c, re))
		}
	case ClientIP, Method:
		for _, a := range c.Args {
			out = append(out, newCall(c.Kind, c, a.Value))
		}
	case Path, PathPrefix:
		typ := tplPath
		if c.Kind == PathPrefix {
			typ = tplPrefix
		}
		for i, a := range c.Args {
			t, err := compileTemplate(a.Value, typ)
			if err != nil {
				return nil, argErr(c, i, "", "%v", err)
			}
			if !t.hasVars {
				out = append(out, newCall(c.Kind, c, a.Value))
				continue
			}
			out = append(out, newCall(PathRegexp, c, t.pattern))
		}
	case HostRegexp:
		for i, a := range c.Args {
			t, err := compileTemplate(a.Value, tplHost)
			if err != nil {
				return nil, argErr(c, i, "", "%v", err)
			}
			if strings.Contains(flagGroup.ReplaceAllString(t.pattern, "("), ":") {
				return nil, argErr(c, i, "", "v2 HostRegexp(%s) can match a port or IPv6 address, which v3 HostRegexp never sees (it reads the host without its port)", a.Raw)
			}
			if t.re.MatchString("") {
				return nil, argErr(c, i, "", "v2 HostRegexp(%s) matches an empty host; in v3 such a HostRegexp matches every request", a.Raw)
			}
			out = append(out, newCall(HostRegexp, c, "(?i)"+t.pattern))
		}
	case Headers, HeadersRegexp:
		op = And
		k := Header
		if c.Kind == HeadersRegexp {
			k = HeaderRegexp
		}
		lf, err := compileV2(c)
		if err != nil {
			return nil, err
		}
		for _, p := range lf.pairs {
			out = append(out, newCall(k, c, p.key, p.val))
		}
	case Query:
		op = And
		lf, err := compileV2(c)
		if err != nil {
			return nil, err
		}
		for i, t := range lf.tpls {
			key := lf.tplKeys[i]
			if strings.ContainsAny(key, "{}") {
				return nil, argErr(c, 0, "", "v2 Query key %q holds a placeholder; v3 Query keys are literal", key)
			}
			prefix := "^" + regexp.QuoteMeta(key+"=")
			if !strings.HasPrefix(t.pattern, prefix) {
				return nil, argErr(c, 0, "", "cannot rewrite v2 Query template for key %q", key)
			}
			value := t.pattern[len(prefix):] // value pattern followed by '$'
			switch {
			case value == ".*$":
				out = append(out, newCall(QueryRegexp, c, key, ".*"))
			case !t.hasVars:
				lit := strings.TrimSuffix(value, "$")
				v, ok := unquoteMeta(lit)
				if !ok {
					return nil, argErr(c, 0, "", "cannot rewrite v2 Query value %q", lit)
				}
				out = append(out, newCall(Query, c, key, v))
			default:
				out = append(out, newCall(QueryRegexp, c, key, "^"+value))
			}
		}
	default:
		return nil, errorf(c.NamePos, c.End(), "", "%s has no v3 rewrite", c.Name)
	}
	if len(out) == 0 {
		return nil, errorf(c.NamePos, c.End(), "", "%s has no arguments", c.Name)
	}
	return chain(op, out), nil
}

// flagGroup matches the opening of a non-capturing group, whose ':' is not
// part of what the expression matches.
var flagGroup = regexp.MustCompile(`\(\?[a-zA-Z]*:`)

// unquoteMeta reverses regexp.QuoteMeta.
func unquoteMeta(s string) (string, bool) {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' {
			i++
			if i >= len(s) {
				return "", false
			}
		}
		b.WriteByte(s[i])
	}
	return b.String(), true
}
