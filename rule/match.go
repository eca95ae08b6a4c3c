package rule

import (
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
)

// reqCtx holds what matchers read from a request, computed once and only
// when needed.
type reqCtx struct {
	req       *http.Request
	host      string
	hostDone  bool
	path      string
	pathDone  bool
	query     url.Values
	queryDone bool
}

// canonicalHost is Traefik's canonical host: the Host value with the port
// and IPv6 brackets removed, surrounding spaces trimmed, lower-cased.
func (c *reqCtx) canonicalHost() string {
	if !c.hostDone {
		c.hostDone = true
		c.host = strings.ToLower(strings.TrimSpace(parseHost(c.req.Host)))
	}
	return c.host
}

func parseHost(addr string) string {
	if strings.IndexByte(addr, ':') < 0 {
		return addr
	}
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		if addr[0] == '[' && addr[len(addr)-1] == ']' {
			return addr[1 : len(addr)-1]
		}
		return addr
	}
	return host
}

// routingPath is the path matchers compare against: the URL's escaped path
// with percent-encoded octets decoded, except reserved characters and '%'.
func (c *reqCtx) routingPath() string {
	if !c.pathDone {
		c.pathDone = true
		c.path = RoutingPath(c.req.URL)
	}
	return c.path
}

func (c *reqCtx) queryValues() url.Values {
	if !c.queryDone {
		c.queryDone = true
		c.query = c.req.URL.Query()
	}
	return c.query
}

// RoutingPath returns the path Traefik's path matchers compare against: the
// URL's escaped path with percent-encoded octets decoded, except those of
// the reserved characters :/?#[]@!$&'()*+,;= and of '%', which stay encoded.
func RoutingPath(u *url.URL) string {
	p := u.EscapedPath()
	if strings.IndexByte(p, '%') < 0 {
		return p
	}
	var b strings.Builder
	b.Grow(len(p))
	for i := 0; i < len(p); i++ {
		if p[i] != '%' || i+2 >= len(p) {
			b.WriteByte(p[i])
			continue
		}
		hi, lo := unhex(p[i+1]), unhex(p[i+2])
		if hi < 0 || lo < 0 {
			b.WriteByte(p[i])
			continue
		}
		ch := byte(hi<<4 | lo)
		if strings.IndexByte(":/?#[]@!$&'()*+,;=%", ch) >= 0 {
			b.WriteByte('%')
			b.WriteByte(upperHex[hi])
			b.WriteByte(upperHex[lo])
		} else {
			b.WriteByte(ch)
		}
		i += 2
	}
	return b.String()
}

const upperHex = "0123456789ABCDEF"

func unhex(c byte) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case 'a' <= c && c <= 'f':
		return int(c - 'a' + 10)
	case 'A' <= c && c <= 'F':
		return int(c - 'A' + 10)
	}
	return -1
}

func (n *cnode) eval(c *reqCtx) bool {
	for {
		switch n.op {
		case cAnd:
			if !n.x.eval(c) {
				return false
			}
			n = n.y
		case cOr:
			if n.x.eval(c) {
				return true
			}
			n = n.y
		case cNot:
			return !n.x.eval(c)
		default:
			return n.leaf.match(c)
		}
	}
}

func (lf *leaf) match(c *reqCtx) bool {
	if lf.v2 {
		return lf.matchV2(c)
	}
	req := c.req
	switch lf.kind {
	case Host:
		return matchHost(c.canonicalHost(), lf.val, true)
	case HostRegexp:
		return lf.reEmpty || lf.re.MatchString(c.canonicalHost())
	case Path:
		return c.routingPath() == lf.val
	case PathPrefix:
		return strings.HasPrefix(c.routingPath(), lf.val)
	case PathRegexp:
		return lf.re.MatchString(c.routingPath())
	case Method:
		return req.Method == lf.val
	case Header:
		for _, v := range req.Header[lf.key] {
			if v == lf.val {
				return true
			}
		}
		return false
	case HeaderRegexp:
		for _, v := range req.Header[lf.key] {
			if lf.re.MatchString(v) {
				return true
			}
		}
		return false
	case Query, QueryRegexp:
		values, ok := c.queryValues()[lf.key]
		if !ok {
			return false
		}
		for _, v := range values {
			if lf.re != nil && lf.re.MatchString(v) || lf.re == nil && v == lf.val {
				return true
			}
		}
		return false
	case ClientIP:
		return lf.matchIP(req.RemoteAddr)
	}
	return false
}

// matchHost matches a canonical request host against a lower-cased Host
// value; wildcards are v3.7's: `*` matches every request and `*.suffix`
// one more label.
func matchHost(reqHost, host string, wildcards bool) bool {
	if wildcards && host == "*" {
		return true
	}
	if reqHost == "" {
		return false
	}
	if reqHost == host {
		return true
	}
	if wildcards && strings.HasPrefix(host, "*.") {
		if _, rest, _ := strings.Cut(reqHost, "."); rest == host[2:] {
			return true
		}
	}
	if last := len(host) - 1; last >= 0 && host[last] == '.' && reqHost == host[:last] {
		return true
	}
	if last := len(reqHost) - 1; last >= 0 && reqHost[last] == '.' && reqHost[:last] == host {
		return true
	}
	return false
}

func (lf *leaf) matchIP(remoteAddr string) bool {
	s, _, err := net.SplitHostPort(remoteAddr)
	if err != nil {
		s = remoteAddr
	}
	addr, err := netip.ParseAddr(s)
	if err != nil {
		return false
	}
	ip := net.IP(addr.WithZone("").Unmap().AsSlice())
	for _, a := range lf.ips {
		if a.Equal(ip) {
			return true
		}
	}
	for _, n := range lf.nets {
		if n.Contains(ip) {
			return true
		}
	}
	return false
}

func (lf *leaf) matchV2(c *reqCtx) bool {
	req := c.req
	switch lf.kind {
	case Host, HostHeader:
		h := c.canonicalHost()
		for _, s := range lf.strs {
			if matchHost(h, s, false) {
				return true
			}
		}
		return false
	case HostRegexp:
		for _, t := range lf.tpls {
			h, _, err := net.SplitHostPort(req.Host)
			if err != nil {
				h = req.Host
			}
			if t.re.MatchString(h) {
				return true
			}
		}
		return false
	case Path, PathPrefix:
		p := c.routingPath()
		for _, t := range lf.tpls {
			if t.re.MatchString(p) {
				return true
			}
		}
		return false
	case Method:
		for _, m := range lf.strs {
			if req.Method == m {
				return true
			}
		}
		return false
	case Headers, HeadersRegexp:
		for _, p := range lf.pairs {
			values := req.Header[p.key]
			if values == nil {
				return false
			}
			if p.val == "" {
				continue
			}
			found := false
			for _, v := range values {
				if p.re != nil && p.re.MatchString(v) || p.re == nil && v == p.val {
					found = true
					break
				}
			}
			if !found {
				return false
			}
		}
		return true
	case Query:
		for i, t := range lf.tpls {
			s := ""
			if v, ok := firstQueryValue(req.URL.RawQuery, lf.tplKeys[i]); ok {
				s = lf.tplKeys[i] + "=" + v
			}
			if !t.re.MatchString(s) {
				return false
			}
		}
		return true
	case ClientIP:
		return lf.matchIP(req.RemoteAddr)
	}
	return false
}

// firstQueryValue returns the decoded value of the first occurrence of key in
// a raw query, as v2's router reads it: pairs are split on '&', and pairs
// holding a ';' or an invalid escape are skipped, as url.ParseQuery does.
func firstQueryValue(rawQuery, key string) (string, bool) {
	q := rawQuery
	for q != "" {
		var part string
		part, q, _ = strings.Cut(q, "&")
		if part == "" || strings.IndexByte(part, ';') >= 0 {
			continue
		}
		k, v, _ := strings.Cut(part, "=")
		uk, err := url.QueryUnescape(k)
		if err != nil || uk != key {
			continue
		}
		uv, err := url.QueryUnescape(v)
		if err != nil {
			continue
		}
		return uv, true
	}
	return "", false
}
