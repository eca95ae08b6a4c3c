package ingressroute

// Codes of the TLS family (IR5xxx), reported by Analyze after Traefik's
// arbitration of TLS options per entry point and host (tls.Resolve).
const (
	CodeTLSConflict    = "IR5001" // one host, one entry point, different TLS options
	CodeTLSUnbound     = "IR5002" // TLS options on a route without Host matcher
	CodeTLSMisdirected = "IR5003" // hosts sharing a certificate with different TLS options: 421
)

var tlsCodes = []CodeInfo{
	{Code: CodeTLSConflict, Title: "different TLS options for one host on one entry point", Severity: SeverityError,
		Explanation: "TLS options apply during the handshake, before routing, so Traefik binds them to the " +
			"hosts of the routers' Host matchers, per entry point. When routers serving one host on one " +
			"entry point ask for different options (no options counts as the default ones), Traefik " +
			"logs \"found different TLS options for routers on the same host\", serves the host with the " +
			"default options, and replaces each router involved, on that entry point, by a copy named " +
			"<entrypoint>-conflicted-<router> that uses the default options. A router asking for mutual " +
			"TLS can so silently lose it. The conflict is not scoped to a namespace or a provider.",
		Before: "# IngressRoute a\nroutes:\n  - match: Host(`example.com`) && PathPrefix(`/admin`)\ntls:\n  options:\n    name: mtls\n" +
			"---\n# IngressRoute b, same entry point\nroutes:\n  - match: Host(`example.com`)\ntls: {}\n",
		After: "# IngressRoute a\nroutes:\n  - match: Host(`example.com`) && PathPrefix(`/admin`)\ntls:\n  options:\n    name: mtls\n" +
			"---\n# IngressRoute b, same entry point\nroutes:\n  - match: Host(`example.com`)\ntls:\n  options:\n    name: mtls\n"},
	{Code: CodeTLSUnbound, Title: "TLS options on a route without Host matcher", Severity: SeverityWarning,
		Explanation: "Only the server name (SNI) is known during the TLS handshake, and Traefik binds TLS " +
			"options to the hosts of Host matchers. A route without a Host matcher cannot have its own " +
			"options: its requests get the options bound to whatever SNI the client sent, the default " +
			"options when it names no other router's host. Traefik logs \"No domain found in rule\".",
		Before: "routes:\n  - match: PathPrefix(`/api`)\ntls:\n  options:\n    name: mtls\n",
		After:  "routes:\n  - match: Host(`api.example.com`) && PathPrefix(`/api`)\ntls:\n  options:\n    name: mtls\n"},
	{Code: CodeTLSMisdirected, Title: "hosts sharing a certificate with different TLS options", Severity: SeverityWarning,
		Explanation: "Traefik checks that the TLS options bound to the Host header are those bound to the " +
			"connection's SNI, and answers 421 Misdirected Request otherwise. Browsers reuse an HTTP/2 " +
			"connection for every host its certificate covers, so when two hosts served with one " +
			"certificate have different options, requests for the second host on a connection opened " +
			"for the first fail with 421. Give the hosts the same options, or separate certificates.",
		Before: "# one Secret for api and www\n- match: Host(`api.example.com`)  # options: mtls\n- match: Host(`www.example.com`)  # default options\n",
		After:  "# separate certificates, or the same options for both hosts\n- match: Host(`api.example.com`)  # secret api-tls, options: mtls\n- match: Host(`www.example.com`)  # secret www-tls\n"},
}
