package main

import (
	"crypto/tls"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"

	"github.com/irkit/irkit/ingressroute"
)

// headersFlag collects repeated -H 'Name: value' flags.
type headersFlag struct{ h http.Header }

func (f headersFlag) String() string { return "" }

func (f headersFlag) Set(v string) error {
	k, val, ok := strings.Cut(v, ":")
	k = strings.TrimSpace(k)
	if !ok || k == "" {
		return fmt.Errorf("want 'Name: value', got %q", v)
	}
	f.h.Add(k, strings.TrimSpace(val))
	return nil
}

// request describes a request to match, as given on the command line or
// in a routing test.
type request struct {
	Method     string            `json:"method,omitempty"`
	URL        string            `json:"url"`
	Headers    map[string]string `json:"headers,omitempty"`
	RemoteAddr string            `json:"remoteAddr,omitempty"`
	EntryPoint string            `json:"entryPoint,omitempty"`
	header     http.Header
}

// build returns the *http.Request to match and the entry point it arrives
// on. A URL without scheme is taken as http://. The entry point defaults
// to websecure for https URLs and web otherwise (the names of Traefik's
// Helm chart). The remote address defaults to 192.0.2.1 (TEST-NET-1).
func (r request) build() (*http.Request, string, error) {
	method := r.Method
	if method == "" {
		method = http.MethodGet
	}
	raw := r.URL
	if raw == "" {
		return nil, "", fmt.Errorf("the request has no url")
	}
	if !strings.Contains(raw, "://") {
		raw = "http://" + raw
	}
	u, err := url.Parse(raw)
	if err != nil {
		return nil, "", fmt.Errorf("bad url %q: %v", r.URL, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, "", fmt.Errorf("bad url %q: the scheme must be http or https", r.URL)
	}
	if u.Host == "" {
		return nil, "", fmt.Errorf("bad url %q: no host", r.URL)
	}
	req, err := http.NewRequest(strings.ToUpper(method), u.String(), nil)
	if err != nil {
		return nil, "", fmt.Errorf("bad request: %v", err)
	}
	req.RequestURI = u.RequestURI()
	for k, v := range r.Headers {
		req.Header.Set(k, v)
	}
	for k, vs := range r.header {
		for _, v := range vs {
			req.Header.Add(k, v)
		}
	}
	if h := req.Header.Get("Host"); h != "" {
		req.Host = h
		req.Header.Del("Host")
	}
	remote := r.RemoteAddr
	if remote == "" {
		remote = "192.0.2.1"
	}
	if _, _, err := net.SplitHostPort(remote); err != nil {
		if net.ParseIP(remote) == nil {
			return nil, "", fmt.Errorf("bad remote address %q: want an IP or IP:port", remote)
		}
		remote = net.JoinHostPort(remote, "40000")
	}
	req.RemoteAddr = remote
	ep := r.EntryPoint
	if u.Scheme == "https" {
		req.TLS = &tls.ConnectionState{ServerName: req.URL.Hostname()}
		if ep == "" {
			ep = "websecure"
		}
	}
	if ep == "" {
		ep = "web"
	}
	return req, ep, nil
}

// runRoute implements "irkit route [flags] METHOD URL PATH...": which
// router serves the request, with its rule, priority, middlewares,
// service, servers and TLS, then the other routers that match in the order
// Traefik tries them. Exit status 0 when a router serves the request, 1
// when none does (Traefik answers 404), 2 for usage and I/O problems.
func runRoute(e *env, args []string) int {
	fs := newFlagSet("route")
	pf := addProviderFlags(fs)
	r := request{header: http.Header{}}
	fs.StringVar(&r.EntryPoint, "entrypoint", "", "the `entry point` the request arrives on (default: websecure for https URLs, web otherwise)")
	fs.Var(headersFlag{r.header}, "H", "a request `header` 'Name: value'; repeatable")
	fs.StringVar(&r.RemoteAddr, "remote-addr", "", "the client's `IP` (for ClientIP; default 192.0.2.1)")
	if ok, code := parseFlags(e, fs, args); !ok {
		return code
	}
	cfg, err := pf.resolve()
	if err != nil {
		fmt.Fprintf(e.stderr, "irkit route: %v\n", err)
		return exitUsage
	}
	if fs.NArg() < 3 {
		fs.Usage()
		return exitUsage
	}
	r.Method, r.URL = fs.Arg(0), fs.Arg(1)
	req, ep, err := r.build()
	if err != nil {
		fmt.Fprintf(e.stderr, "irkit route: %v\n", err)
		return exitUsage
	}
	in := decodeInputs(e, fs.Args()[2:])
	t, ds := in.analyze(cfg.options())
	if in.ioFailed(ds) {
		ingressroute.WriteText(e.stderr, onlyIO(ds), ingressroute.TextOptions{})
		return exitUsage
	}
	noteFindings(e.stderr, ds)
	res := t.Match(ep, req)
	writeMatch(e.stdout, t, ep, req, res)
	if res.Router == nil {
		writeOtherTransport(e.stdout, t, ep, req)
		return exitFindings
	}
	return exitOK
}

// writeMatch renders a match result for people.
func writeMatch(w io.Writer, t *ingressroute.Table, ep string, req *http.Request, res ingressroute.MatchResult) {
	fmt.Fprintf(w, "%s %s on entry point %s\n", req.Method, req.URL.String(), ep)
	if res.Router == nil {
		fmt.Fprintf(w, "no router matches: Traefik answers 404 Not Found\n")
	} else {
		r := res.Router
		fmt.Fprintf(w, "served by router %s\n", r.Name)
		writeRouter(w, t, r, "  ")
		if res.Tie {
			fmt.Fprintf(w, "  warning: another matching router has the same priority; Traefik's choice between them is not defined\n")
		}
	}
	if len(res.Others) > 0 {
		fmt.Fprintf(w, "also matching, in the order Traefik tries them:\n")
		for i, o := range res.Others {
			fmt.Fprintf(w, "  %d. %s\n     rule %s\n     priority %s\n", i+2, o.Name, o.Rule, priority(o))
		}
	}
	if len(res.Unknown) > 0 {
		fmt.Fprintf(w, "not evaluated (the rule does not parse; Traefik does not serve them):\n")
		for _, o := range res.Unknown {
			fmt.Fprintf(w, "  %s  %s\n", o.Name, o.Rule)
		}
	}
}

// writeOtherTransport tells, when no router serves req, which router would
// serve it over the other transport: routers with a tls section serve only
// HTTPS requests, the others only plain HTTP, a frequent surprise.
func writeOtherTransport(w io.Writer, t *ingressroute.Table, ep string, req *http.Request) {
	alt := req.Clone(req.Context())
	want := "without TLS (plain HTTP)"
	if req.TLS == nil {
		alt.TLS = &tls.ConnectionState{ServerName: req.URL.Hostname()}
		want = "over TLS (HTTPS)"
	} else {
		alt.TLS = nil
	}
	if res := t.Match(ep, alt); res.Router != nil {
		fmt.Fprintf(w, "note: router %s matches this request %s; routers with a tls section serve only HTTPS requests, the others only plain HTTP\n", res.Router.Name, want)
	}
}

// writeRouter writes a router's details, one per line, under indent.
func writeRouter(w io.Writer, t *ingressroute.Table, r *ingressroute.Router, indent string) {
	row := func(k, v string) { fmt.Fprintf(w, "%s%-12s %s\n", indent, k, v) }
	row("rule", r.Rule)
	row("priority", priority(r))
	if r.Syntax != "" {
		row("syntax", r.Syntax)
	}
	if len(r.EntryPoints) > 0 {
		row("entry points", strings.Join(r.EntryPoints, ", "))
	}
	if len(r.Middlewares) > 0 {
		row("middlewares", strings.Join(r.Middlewares, ", "))
	}
	if r.Service != "" {
		row("service", r.Service)
		var b strings.Builder
		writeTargets(&b, t, r.Service, 0)
		for _, l := range strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n") {
			if l != "" {
				row("", l)
			}
		}
	}
	if r.TLS != nil {
		row("tls", routerTLS(r.TLS))
	}
	if o := r.Origin; o.Object.Kind != "" {
		from := o.Object.String()
		if o.Field != "" {
			from += " " + o.Field
		}
		if o.Pos.IsValid() {
			from += " (" + o.Pos.String() + ")"
		}
		row("from", from)
	}
}

// priority formats a router's priority, saying where an implicit one comes
// from.
func priority(r *ingressroute.Router) string {
	if r.Explicit {
		return fmt.Sprint(r.Priority)
	}
	return fmt.Sprintf("%d (length of the rule)", r.Priority)
}

// routerTLS describes a router's TLS settings on one line.
func routerTLS(t *ingressroute.RouterTLS) string {
	var parts []string
	opts := t.Options
	if opts == "" {
		opts = "default"
	}
	s := "options " + opts
	if o := t.ResolvedOptions; o != nil {
		var d []string
		if o.MinVersion != "" {
			d = append(d, "min "+o.MinVersion)
		}
		if o.MaxVersion != "" {
			d = append(d, "max "+o.MaxVersion)
		}
		if o.SniStrict {
			d = append(d, "sniStrict")
		}
		if len(d) > 0 {
			s += " (" + strings.Join(d, ", ") + ")"
		}
	}
	parts = append(parts, s)
	if len(t.ConflictedOn) > 0 {
		parts = append(parts, "but conflicting TLS options for its host on "+strings.Join(t.ConflictedOn, ", ")+
			": Traefik serves it there with the default options")
	}
	if t.CertResolver != "" {
		parts = append(parts, "cert resolver "+t.CertResolver)
	}
	for _, d := range t.Domains {
		dom := "domain " + d.Main
		if len(d.SANs) > 0 {
			dom += " (" + strings.Join(d.SANs, ", ") + ")"
		}
		parts = append(parts, dom)
	}
	return strings.Join(parts, "; ")
}

// writeTargets writes a service and what it sends to, one line each,
// nested services indented.
func writeTargets(b *strings.Builder, t *ingressroute.Table, name string, depth int) {
	pad := strings.Repeat("  ", depth)
	s := t.Service(name)
	if s == nil || s.Config == nil {
		fmt.Fprintf(b, "%s%s: not in the table (another provider's, or missing)\n", pad, name)
		return
	}
	if depth > 8 {
		fmt.Fprintf(b, "%s%s: ...\n", pad, name)
		return
	}
	cfg := s.Config
	switch {
	case cfg.LoadBalancer != nil:
		what := s.ServersSummary()
		switch {
		case s.ResolvedAtRuntime:
			what += " (no EndpointSlice in the input)"
		case what != "no servers":
			what = "servers " + what
		}
		if depth == 0 {
			fmt.Fprintf(b, "%s\n", what)
		} else {
			fmt.Fprintf(b, "%s%s: %s\n", pad, name, what)
		}
		if s.CookieName != "" {
			fmt.Fprintf(b, "%ssticky cookie %s\n", pad, s.CookieName)
		}
	case cfg.Weighted != nil:
		fmt.Fprintf(b, "%sweighted:\n", pad)
		for _, ws := range cfg.Weighted.Services {
			writeTargets(b, t, ws.Name, depth+1)
		}
	case cfg.HighestRandomWeight != nil:
		fmt.Fprintf(b, "%shighest random weight:\n", pad)
		for _, ws := range cfg.HighestRandomWeight.Services {
			writeTargets(b, t, ws.Name, depth+1)
		}
	case cfg.Mirroring != nil:
		fmt.Fprintf(b, "%smirroring:\n", pad)
		writeTargets(b, t, cfg.Mirroring.Service, depth+1)
		for _, m := range cfg.Mirroring.Mirrors {
			fmt.Fprintf(b, "%s  mirror %d%%:\n", pad, m.Percent)
			writeTargets(b, t, m.Name, depth+2)
		}
	case cfg.Failover != nil:
		fmt.Fprintf(b, "%sfailover:\n", pad)
		writeTargets(b, t, cfg.Failover.Service, depth+1)
		fmt.Fprintf(b, "%s  fallback:\n", pad)
		writeTargets(b, t, cfg.Failover.Fallback, depth+2)
	}
}

var _ flag.Value = headersFlag{}
