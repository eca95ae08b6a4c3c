package rule

import (
	"fmt"
	"net"
	"net/http"
	"regexp"
	"strings"
	"unicode/utf8"
)

// copKind is the operation of a compiled node.
type copKind uint8

const (
	cLeaf copKind = iota
	cAnd
	cOr
	cNot
)

// cnode is a node of a compiled rule: an operator over children, or a
// matcher (leaf) with its arguments prepared for matching.
type cnode struct {
	op   copKind
	x, y *cnode
	leaf *leaf
}

// leaf is a compiled matcher. Which fields are used depends on kind and v2.
type leaf struct {
	kind    Kind
	v2      bool
	strs    []string       // hosts, methods, paths, prefixes
	key     string         // canonical header name, query key
	val     string         // header or query value
	re      *regexp.Regexp // v3 regexps
	reEmpty bool           // v3 HostRegexp: the regexp matches "" (so every request)
	tpls    []*muxTemplate // v2 templates
	tplKeys []string       // v2 Query: the template key of each template
	pairs   []headerPair   // v2 Headers, HeadersRegexp
	ips     []net.IP       // ClientIP single addresses
	nets    []*net.IPNet   // ClientIP ranges
}

type headerPair struct {
	key string
	val string
	re  *regexp.Regexp
}

// compile checks every matcher of x as Traefik does for syntax s, in
// Traefik's order (depth first, left to right), and compiles the tree.
func compile(x Expr, s Syntax) (*cnode, *Error) {
	// Traefik resolves every function name before it checks any argument.
	var nameErr *Error
	Walk(x, func(n Node) bool {
		if c, ok := n.(*Call); ok && nameErr == nil && !c.Kind.In(s) {
			nameErr = wrongSyntax(c, s)
		}
		return nameErr == nil
	})
	if nameErr != nil {
		return nil, nameErr
	}
	return compileNode(x, s)
}

func compileNode(x Expr, s Syntax) (*cnode, *Error) {
	switch x := x.(type) {
	case *ParenExpr:
		return compileNode(x.X, s)
	case *NotExpr:
		n, err := compileNode(x.X, s)
		if err != nil {
			return nil, err
		}
		return &cnode{op: cNot, x: n}, nil
	case *BinaryExpr:
		l, err := compileNode(x.X, s)
		if err != nil {
			return nil, err
		}
		r, err := compileNode(x.Y, s)
		if err != nil {
			return nil, err
		}
		op := cAnd
		if x.Op == Or {
			op = cOr
		}
		return &cnode{op: op, x: l, y: r}, nil
	case *Call:
		lf, err := compileCall(x, s)
		if err != nil {
			return nil, err
		}
		return &cnode{op: cLeaf, leaf: lf}, nil
	}
	return nil, errorf(0, 0, "", "invalid rule tree")
}

func wrongSyntax(c *Call, s Syntax) *Error {
	end := c.NamePos + len(c.Name)
	var hint string
	switch c.Kind {
	case Headers:
		hint = "Headers is v2; in v3 write Header(`name`, `value`)"
	case HeadersRegexp:
		hint = "HeadersRegexp is v2; in v3 write HeaderRegexp(`name`, `regexp`)"
	case HostHeader:
		hint = "HostHeader is v2; in v3 write Host(`example.com`)"
	case PathRegexp, Header, HeaderRegexp, QueryRegexp:
		hint = c.Kind.String() + " exists in v3 only: remove `syntax: v2` from the route, or use the v2 form"
		switch c.Kind {
		case Header:
			hint = "in v2 write Headers(`name`, `value`), or use syntax v3"
		case HeaderRegexp:
			hint = "in v2 write HeadersRegexp(`name`, `regexp`), or use syntax v3"
		}
	}
	return errorf(c.NamePos, end, hint, "matcher %s is not available in syntax %s", c.Name, s)
}

func argErr(c *Call, i int, hint, format string, args ...any) *Error {
	if i < 0 || i >= len(c.Args) {
		return errorf(c.NamePos, c.End(), hint, format, args...)
	}
	a := c.Args[i]
	return errorf(a.Pos(), a.End(), hint, format, args...)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// wantArgs describes the v3 argument counts of a matcher.
func wantArgs(k Kind) (lo, hi int) {
	switch k {
	case Header, HeaderRegexp:
		return 2, 2
	case Query, QueryRegexp:
		return 1, 2
	}
	return 1, 1
}

func compileCall(c *Call, s Syntax) (*leaf, *Error) {
	name := c.Kind.String()
	if len(c.Args) == 0 {
		return nil, errorf(c.Lparen, c.End(), exampleHint(c.Kind, s), "%s needs an argument, found none", name)
	}
	for i, a := range c.Args {
		if a.Value == "" {
			return nil, argErr(c, i, "remove the empty argument", "%s argument %d is empty", name, i+1)
		}
	}
	if s == V2 {
		return compileV2(c)
	}
	lo, hi := wantArgs(c.Kind)
	if n := len(c.Args); n < lo || n > hi {
		return nil, argCountErr(c, lo, hi)
	}
	v := c.Args[0].Value
	lf := &leaf{kind: c.Kind}
	switch c.Kind {
	case ClientIP:
		if err := lf.addIP(v); err != nil {
			return nil, argErr(c, 0, "write an IP address (10.0.0.1) or a CIDR range (10.0.0.0/8)", "ClientIP: %q is neither an IP address nor a CIDR range", v)
		}
	case Method:
		lf.val = strings.ToUpper(v)
	case Host:
		if !isASCII(v) {
			return nil, argErr(c, 0, "write internationalized names in their punycode form (xn--...)", "Host: %q contains non-ASCII characters", v)
		}
		lf.val = strings.ToLower(v)
	case HostRegexp:
		if !isASCII(v) {
			return nil, argErr(c, 0, "write internationalized names in their punycode form (xn--...)", "HostRegexp: %q contains non-ASCII characters", v)
		}
		re, err := compileRegexp(c, 0)
		if err != nil {
			return nil, err
		}
		lf.re = re
		lf.reEmpty = re.MatchString("")
	case Path, PathPrefix:
		if !strings.HasPrefix(v, "/") {
			return nil, argErr(c, 0, "write `/"+v+"`", "%s: path %q does not start with '/'", name, v)
		}
		lf.val = v
	case PathRegexp:
		re, err := compileRegexp(c, 0)
		if err != nil {
			return nil, err
		}
		lf.re = re
	case Header:
		lf.key, lf.val = http.CanonicalHeaderKey(v), c.Args[1].Value
	case HeaderRegexp:
		re, err := compileRegexp(c, 1)
		if err != nil {
			return nil, err
		}
		lf.key, lf.re = http.CanonicalHeaderKey(v), re
	case Query:
		lf.key = v
		if len(c.Args) == 2 {
			lf.val = c.Args[1].Value
		}
	case QueryRegexp:
		lf.key = v
		if len(c.Args) == 2 {
			re, err := compileRegexp(c, 1)
			if err != nil {
				return nil, err
			}
			lf.re = re
		}
	}
	return lf, nil
}

func exampleHint(k Kind, s Syntax) string {
	switch k {
	case Host:
		return "e.g. Host(`example.com`)"
	case HostRegexp:
		if s == V2 {
			return "e.g. HostRegexp(`{sub:[a-z]+}.example.com`)"
		}
		return "e.g. HostRegexp(`^[a-z]+\\.example\\.com$`)"
	case Path, PathPrefix:
		return "e.g. " + k.String() + "(`/api`)"
	case Method:
		return "e.g. Method(`GET`)"
	case Header, Headers:
		return "e.g. " + k.String() + "(`X-Name`, `value`)"
	case Query:
		if s == V2 {
			return "e.g. Query(`key=value`)"
		}
		return "e.g. Query(`key`, `value`)"
	case ClientIP:
		return "e.g. ClientIP(`10.0.0.0/8`)"
	}
	return ""
}

func argCountErr(c *Call, lo, hi int) *Error {
	name := c.Kind.String()
	want := fmt.Sprint(lo)
	if hi != lo {
		want = fmt.Sprintf("%d or %d", lo, hi)
	}
	hint := ""
	n := len(c.Args)
	if hi == 1 && n > 1 {
		parts := make([]string, n)
		for i, a := range c.Args {
			parts[i] = name + "(" + a.Raw + ")"
		}
		args := make([]string, n)
		for i, a := range c.Args {
			args[i] = a.Raw
		}
		hint = "v2 form " + name + "(" + strings.Join(args, ",") + "): in v3 write " + strings.Join(parts, " || ")
	}
	if c.Kind == Header && n == 1 {
		hint = "to require only that the header exists, write HeaderRegexp(" + c.Args[0].Raw + ", `.*`)"
	}
	i := hi
	if n < lo {
		i = -1
	}
	return argErr(c, i, hint, "%s takes %s argument(s), found %d", name, want, n)
}

func compileRegexp(c *Call, i int) (*regexp.Regexp, *Error) {
	v := c.Args[i].Value
	if len(v) > MaxRegexpLength {
		return nil, argErr(c, i, "", "%s: regular expression is %d bytes long, more than the limit of %d", c.Kind, len(v), MaxRegexpLength)
	}
	re, err := regexp.Compile(v)
	if err != nil {
		hint := ""
		if strings.Contains(v, "{") && strings.Contains(v, ":") && strings.Contains(v, "}") {
			hint = "in v3 " + c.Kind.String() + " takes a Go regular expression; {name:...} placeholders are v2"
		} else if strings.HasPrefix(v, "*") {
			hint = "a regular expression is not a glob: write `.*` for any text"
		}
		return nil, argErr(c, i, hint, "%s: invalid regular expression: %v", c.Kind, err)
	}
	return re, nil
}

// addIP adds an address or CIDR range to a ClientIP matcher, as Traefik's IP
// checker parses them.
func (lf *leaf) addIP(v string) error {
	if ip := net.ParseIP(v); ip != nil {
		lf.ips = append(lf.ips, ip)
		return nil
	}
	_, n, err := net.ParseCIDR(v)
	if err != nil {
		return err
	}
	lf.nets = append(lf.nets, n)
	return nil
}

func compileV2(c *Call) (*leaf, *Error) {
	name := c.Kind.String()
	lf := &leaf{kind: c.Kind, v2: true}
	switch c.Kind {
	case Host, HostHeader:
		for i, a := range c.Args {
			if !isASCII(a.Value) {
				return nil, argErr(c, i, "write internationalized names in their punycode form (xn--...)", "%s: %q contains non-ASCII characters", name, a.Value)
			}
			lf.strs = append(lf.strs, strings.ToLower(a.Value))
		}
	case HostRegexp, Path, PathPrefix:
		typ := map[Kind]tplType{HostRegexp: tplHost, Path: tplPath, PathPrefix: tplPrefix}[c.Kind]
		for i, a := range c.Args {
			if typ == tplHost && !isASCII(a.Value) {
				return nil, argErr(c, i, "write internationalized names in their punycode form (xn--...)", "%s: %q contains non-ASCII characters", name, a.Value)
			}
			if typ != tplHost && !strings.HasPrefix(a.Value, "/") {
				return nil, argErr(c, i, "write `/"+a.Value+"`", "%s: path %q does not start with '/'", name, a.Value)
			}
			t, err := compileTemplate(a.Value, typ)
			if err != nil {
				return nil, argErr(c, i, "", "%s: invalid template %q: %v", name, a.Value, err)
			}
			lf.tpls = append(lf.tpls, t)
		}
	case ClientIP:
		for i, a := range c.Args {
			if err := lf.addIP(a.Value); err != nil {
				return nil, argErr(c, i, "write an IP address (10.0.0.1) or a CIDR range (10.0.0.0/8)", "ClientIP: %q is neither an IP address nor a CIDR range", a.Value)
			}
		}
	case Method:
		for _, a := range c.Args {
			lf.strs = append(lf.strs, strings.ToUpper(a.Value))
		}
	case Headers, HeadersRegexp:
		if len(c.Args)%2 != 0 {
			return nil, argErr(c, len(c.Args)-1, "arguments are name, value pairs", "%s takes name, value pairs, found %d argument(s)", name, len(c.Args))
		}
		for i := 0; i < len(c.Args); i += 2 {
			p := headerPair{key: http.CanonicalHeaderKey(c.Args[i].Value), val: c.Args[i+1].Value}
			if c.Kind == HeadersRegexp {
				re, err := compileRegexp(c, i+1)
				if err != nil {
					return nil, err
				}
				p.re = re
			}
			// Later pairs for the same name replace earlier ones, as in a map.
			replaced := false
			for j := range lf.pairs {
				if lf.pairs[j].key == p.key {
					lf.pairs[j], replaced = p, true
				}
			}
			if !replaced {
				lf.pairs = append(lf.pairs, p)
			}
		}
	case Query:
		var parts []string
		for _, a := range c.Args {
			k, v, found := strings.Cut(a.Value, "=")
			parts = append(parts, k)
			if found {
				parts = append(parts, v)
			}
		}
		if len(parts)%2 != 0 {
			return nil, argErr(c, len(c.Args)-1, "in v2 write Query(`key=value`); Query(`key=`) matches any value", "Query: every argument must be key=value, found %d part(s)", len(parts))
		}
		for i := 0; i < len(parts); i += 2 {
			t, err := compileTemplate(parts[i]+"="+parts[i+1], tplQuery)
			if err != nil {
				return nil, argErr(c, 0, "", "Query: invalid template %q: %v", parts[i]+"="+parts[i+1], err)
			}
			lf.tpls = append(lf.tpls, t)
			lf.tplKeys = append(lf.tplKeys, parts[i])
		}
	}
	return lf, nil
}
