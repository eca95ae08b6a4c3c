package ingressroute

// Codes of the schema family (IR2xxx), reported by Validate: what the CRD
// schema or Traefik refuses in a single object (IR20xx, errors), and what
// Traefik accepts but ignores, replaces by a default or cannot honour when
// it serves traffic (IR21xx, warnings). Each code stands for one kind of
// field error of k8s.io/apimachinery's field package.
const (
	CodeSchemaRequired     = "IR2001" // field.Required: a required field is missing
	CodeSchemaInvalid      = "IR2002" // field.Invalid: a value out of range or malformed
	CodeSchemaUnsupported  = "IR2003" // field.NotSupported: a value outside an enumeration
	CodeSchemaForbidden    = "IR2004" // field.Forbidden: a field or combination not allowed
	CodeSchemaTooLong      = "IR2005" // field.TooLong, TooMany: over a length or count limit
	CodeSchemaName         = "IR2006" // field.Invalid on a name: not a Kubernetes name or a provider reference
	CodeSchemaDuration     = "IR2007" // field.Invalid on a duration: not a duration
	CodeSchemaInternal     = "IR2008" // field.InternalError, TypeInvalid: the check itself failed
	CodeSchemaMissing      = "IR2101" // warning field.Required: a setting without effect for want of a field
	CodeSchemaDubious      = "IR2102" // warning field.Invalid: a value Traefik accepts but cannot honour
	CodeSchemaIgnoredValue = "IR2103" // warning field.NotSupported: a value Traefik ignores
	CodeSchemaDuplicate    = "IR2104" // warning field.Duplicate: a value written twice
	CodeSchemaIgnoredField = "IR2105" // warning field.Forbidden: a field Traefik ignores
)

var validateCodes = []CodeInfo{
	{Code: CodeSchemaRequired, Title: "required field missing", Severity: SeverityError,
		Explanation: "A field the CRD schema or Traefik requires is absent or empty: a route's match, " +
			"a service's name, the port of a Kubernetes Service reference, the name of a middleware, " +
			"TLS option or parent reference, the kind of a TraefikService. The API server refuses the " +
			"object, or Traefik skips what holds the field and logs an error.",
		Before: "routes:\n  - match: Host(`example.com`)\n    services:\n      - name: web\n",
		After:  "routes:\n  - match: Host(`example.com`)\n    services:\n      - name: web\n        port: 80\n"},
	{Code: CodeSchemaInvalid, Title: "invalid value", Severity: SeverityError,
		Explanation: "The value is out of the range the field accepts or malformed: a priority above " +
			"MaxInt64-1000 (reserved for Traefik's internal routers), a port outside 1-65535, a " +
			"mirror percent outside 0-100, an unknown cipher suite or curve, a failover status range " +
			"that is not a number. Traefik refuses the router, service or TLS options.",
		Before: "mirrors:\n  - name: shadow\n    port: 80\n    percent: 150\n",
		After:  "mirrors:\n  - name: shadow\n    port: 80\n    percent: 50\n"},
	{Code: CodeSchemaUnsupported, Title: "unsupported value", Severity: SeverityError,
		Explanation: "The field takes one of a fixed set of values, and this is none of them (values " +
			"are case-sensitive). The hint lists the supported values. The CRD schema refuses the " +
			"object (route kind, service kind, strategy, sameSite, traceVerbosity, clientAuthType), " +
			"or Traefik refuses the service (scheme).",
		Before: "services:\n  - name: web\n    port: 80\n    strategy: round-robin\n",
		After:  "services:\n  - name: web\n    port: 80\n    strategy: wrr\n"},
	{Code: CodeSchemaForbidden, Title: "forbidden field or combination", Severity: SeverityError,
		Explanation: "The field may not be set here, or not together with another one: a root CA that " +
			"names both a Secret and a ConfigMap, for instance. Traefik refuses the object.",
		Before: "rootCAs:\n  - secret: ca\n    configMap: ca\n",
		After:  "rootCAs:\n  - secret: ca\n",
	},
	{Code: CodeSchemaTooLong, Title: "value or list too long", Severity: SeverityError,
		Explanation: "The value is longer, or the list holds more items, than Kubernetes or Traefik " +
			"accepts.",
		Before: "metadata:\n  name: a-name-of-more-than-two-hundred-and-fifty-three-characters…\n",
		After:  "metadata:\n  name: web\n"},
	{Code: CodeSchemaName, Title: "invalid name or reference", Severity: SeverityError,
		Explanation: "Kubernetes names are lower case: an object name or a Secret name is a DNS-1123 " +
			"subdomain (letters, digits, '-' and '.'), a namespace or a Service port name a DNS-1123 " +
			"label (no '.'), a Service name a DNS-1035 label (starting with a letter). A reference " +
			"with such a name can never resolve, and Traefik logs an error for it. The character '@' " +
			"is allowed only once, in a reference to another provider's object (\"name@provider\", " +
			"for instance \"redirect@file\"), where both parts are needed.",
		Before: "middlewares:\n  - name: Strip_Prefix\n  - name: redirect@\n",
		After:  "middlewares:\n  - name: strip-prefix\n  - name: redirect@file\n"},
	{Code: CodeSchemaDuration, Title: "invalid duration", Severity: SeverityError,
		Explanation: "Traefik reads durations as Go durations (\"100ms\", \"30s\", \"1m30s\") or as a " +
			"bare integer, which counts seconds. Any other text is refused, and so is what holds it " +
			"(the service, the servers transport).",
		Before: "healthCheck:\n  interval: 30 seconds\n",
		After:  "healthCheck:\n  interval: 30s\n"},
	{Code: CodeSchemaInternal, Title: "validation failed internally", Severity: SeverityError,
		Explanation: "irkit could not run a check on this field. This is a bug in irkit: please report " +
			"it with the input that triggers it.",
		Before: "# any input that triggers it\n",
		After:  "# (none)\n"},
	{Code: CodeSchemaMissing, Title: "setting without effect for want of a field", Severity: SeverityWarning,
		Explanation: "Traefik accepts the block but does nothing with it without this field: a sticky " +
			"block without a cookie enables no sticky sessions, a certificate domain without a main " +
			"name gets no certificate, a root CA entry names neither a Secret nor a ConfigMap.",
		Before: "sticky: {}\n",
		After:  "sticky:\n  cookie: {}\n"},
	{Code: CodeSchemaDubious, Title: "value Traefik accepts but cannot honour", Severity: SeverityWarning,
		Explanation: "Traefik takes the value without complaint, but it cannot work as written: a " +
			"negative weight (the service never gets traffic), a negative cookie maxAge (the cookie " +
			"expires at once), a health-check status that is no HTTP status or a header name that is " +
			"no token (every server is deemed down), a duration that must be positive (Traefik uses " +
			"its default), a cookie name Go will not write, a domain no certificate can be issued for.",
		Before: "services:\n  - name: web\n    port: 80\n    weight: -1\n",
		After:  "services:\n  - name: web\n    port: 80\n    weight: 1\n"},
	{Code: CodeSchemaIgnoredValue, Title: "value Traefik ignores", Severity: SeverityWarning,
		Explanation: "The value is not one Traefik knows, and Traefik silently uses its default " +
			"instead: a health-check mode other than http and grpc (HTTP is used), a TLS version other " +
			"than VersionTLS10 to VersionTLS13 (Go's default is used), a route syntax other than v2 " +
			"and v3 (v3 is used). The hint lists the known values.",
		Before: "tls:\n  minVersion: TLS1.2\n",
		After:  "tls:\n  minVersion: VersionTLS12\n"},
	{Code: CodeSchemaDuplicate, Title: "duplicate value", Severity: SeverityWarning,
		Explanation: "The same value is written twice in a list where repeating it changes nothing " +
			"(an entry point, a cipher suite, a SAN) or applies the same thing twice (a middleware).",
		Before: "entryPoints:\n  - websecure\n  - websecure\n",
		After:  "entryPoints:\n  - websecure\n"},
	{Code: CodeSchemaIgnoredField, Title: "field Traefik ignores", Severity: SeverityWarning,
		Explanation: "Traefik reads only part of what is written: a TraefikService reads one of " +
			"weighted, mirroring, highestRandomWeight and failover, so the others are ignored; a " +
			"Middleware configures exactly one middleware type.",
		Before: "spec:\n  weighted:\n    services: [{name: a, port: 80}]\n  mirroring:\n    name: b\n    port: 80\n",
		After:  "spec:\n  weighted:\n    services: [{name: a, port: 80}]\n"},
}
