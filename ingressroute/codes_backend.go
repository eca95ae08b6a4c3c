package ingressroute

// Codes reported by Compile: router rules (IR31xx) and references and
// backends (IR4xxx). Each has one severity.
const (
	CodeEmptyMatch          = "IR3101" // route without match: skipped
	CodeRouteKind           = "IR3102" // route kind other than Rule
	CodeRuleParse           = "IR3103" // rule does not parse
	CodePriorityTooLarge    = "IR3104" // priority above MaxInt64-1000
	CodeRuleSyntax          = "IR3105" // unknown rule syntax
	CodeServiceNotFound     = "IR4001" // Kubernetes Service absent
	CodePortNotDefined      = "IR4002" // route service without port
	CodePortNotFound        = "IR4003" // port absent from the Service
	CodeExternalNamePort    = "IR4004" // ExternalName port not among the declared ports
	CodeExternalNameRefused = "IR4005" // ExternalName services not allowed
	CodeNoServers           = "IR4006" // no servers for a Service
	CodeScheme              = "IR4007" // invalid scheme
	CodeStrategy            = "IR4008" // unsupported load-balancing strategy
	CodeNativeLB            = "IR4009" // no ClusterIP for nativeLB
	CodeNodePortLB          = "IR4010" // nodePortLB cannot be served
	CodeCrossNamespace      = "IR4011" // cross-namespace reference refused
	CodeCrossProvider       = "IR4012" // cross-provider reference refused
	CodeCRDRefRefused       = "IR4013" // @kubernetescrd reference refused
	CodeNamespaceIgnored    = "IR4014" // namespace ignored in a cross-provider reference
	CodeTraefikServiceGone  = "IR4015" // TraefikService absent: dangling service name
	CodeMiddlewareGone      = "IR4016" // Middleware absent
	CodeTLSOptionGone       = "IR4017" // TLSOption absent
	CodeTransportGone       = "IR4018" // ServersTransport absent
	CodeSecret              = "IR4019" // Secret absent or unusable
	CodeParentRef           = "IR4020" // parent IngressRoute cannot be resolved
	CodeIngressClass        = "IR4021" // deprecated ingress class annotation
	CodeRouterReplaced      = "IR4022" // two routes with one router name
	CodeNameCollision       = "IR4023" // two IngressRoutes normalize to one name
	CodeDefaultTLSConflict  = "IR4024" // default TLS options or store in several namespaces
	CodeTransportCA         = "IR4025" // servers transport CA problem
	CodeDuration            = "IR4026" // invalid duration
	CodeMiddlewareRef       = "IR4027" // reference inside a Middleware
	CodeTraefikService      = "IR4028" // TraefikService cannot be built
	CodeUnresolved          = "IR4029" // partial input: object not in the input
	CodeServiceKind         = "IR4030" // unsupported service kind
	CodeNotWatched          = "IR4031" // namespace not watched
	CodeLeftoverService     = "IR4032" // service left behind by a dropped route
	CodeHealthCheck         = "IR4033" // health check on a Service that is not ExternalName
	CodeIgnoredByClass      = "IR4034" // IngressRoute of another ingress class
	CodeStrategyDeprecated  = "IR4035" // strategy RoundRobin
	CodeDurationSeconds     = "IR4036" // duration without unit: seconds
	CodeTLSOptionSecret     = "IR4037" // TLSOption client CA Secret absent
	CodeDeprecatedRootCAs   = "IR4038" // rootCAsSecrets
	CodeMissingPartial      = "IR4039" // partial input: referenced object absent, others of its kind present
	CodeNoService           = "IR4040" // route without services that is nobody's parent
	CodeMiddlewareRefused   = "IR4041" // router uses a Middleware Traefik refused
)

var backendCodes = []CodeInfo{
	{Code: CodeEmptyMatch, Title: "route without match", Severity: SeverityError,
		Explanation: "Traefik skips a route whose match is empty and logs \"Empty match rule\": no router is built for it.",
		Before:      "routes:\n  - match: \"\"\n    services: [{name: web, port: 80}]\n",
		After:       "routes:\n  - match: Host(`example.com`)\n    services: [{name: web, port: 80}]\n"},
	{Code: CodeRouteKind, Title: "route kind other than Rule", Severity: SeverityError,
		Explanation: "The only route kind is Rule (or none). The CRD schema refuses other kinds; irkit skips the route.",
		Before:      "- match: Host(`example.com`)\n  kind: Match\n",
		After:       "- match: Host(`example.com`)\n  kind: Rule\n"},
	{Code: CodeRuleParse, Title: "rule does not parse", Severity: SeverityError,
		Explanation: "Traefik keeps the router in its configuration but refuses to serve it: requests it was meant for get 404 or reach another router.",
		Before:      "- match: Host(`example.com\") && Path(`/`)\n",
		After:       "- match: Host(`example.com`) && Path(`/`)\n"},
	{Code: CodePriorityTooLarge, Title: "priority too large", Severity: SeverityError,
		Explanation: "Priorities above MaxInt64-1000 are reserved for Traefik's internal routers and refused.",
		Before:      "priority: 9223372036854775807\n",
		After:       "priority: 1000\n"},
	{Code: CodeRuleSyntax, Title: "unknown rule syntax", Severity: SeverityWarning,
		Explanation: "A route's syntax is v3 (the default) or v2; Traefik silently reads any other value as v3.",
		Before:      "syntax: v1\n",
		After:       "syntax: v2\n"},
	{Code: CodeServiceNotFound, Title: "kubernetes service not found", Severity: SeverityError,
		Explanation: "The route references a Service that does not exist; Traefik logs \"kubernetes service not found\" and skips the route.",
		Before:      "services:\n  - name: whoam\n    port: 80\n",
		After:       "services:\n  - name: whoami\n    port: 80\n"},
	{Code: CodePortNotDefined, Title: "service port not defined", Severity: SeverityError,
		Explanation: "A Kubernetes Service reference needs a port (number or name). Traefik v3.7 refuses a reference without port, even to an ExternalName Service that declares one, although the reference documentation shows that form.",
		Before:      "services:\n  - name: external\n",
		After:       "services:\n  - name: external\n    port: 443\n"},
	{Code: CodePortNotFound, Title: "service port not found", Severity: SeverityError,
		Explanation: "The port (by number, or by name) is not declared by the Service; Traefik skips the route. For an ExternalName Service a number is accepted as is, a name must exist.",
		Before:      "services:\n  - name: whoami\n    port: 8080 # the Service declares 80\n",
		After:       "services:\n  - name: whoami\n    port: 80\n"},
	{Code: CodeExternalNamePort, Title: "ExternalName port not declared", Severity: SeverityWarning,
		Explanation: "The route's port is not among the ports the ExternalName Service declares; Traefik uses the route's port.",
		Before:      "port: 8443 # Service declares 443\n",
		After:       "port: 443\n"},
	{Code: CodeExternalNameRefused, Title: "ExternalName services not allowed", Severity: SeverityError,
		Explanation: "The provider does not allow ExternalName Services (allowExternalNameServices is false by default); the route is skipped.",
		Before:      "# providers.kubernetesCRD.allowExternalNameServices: false\n",
		After:       "# providers.kubernetesCRD.allowExternalNameServices: true\n"},
	{Code: CodeNoServers, Title: "no servers for the Service", Severity: SeverityError,
		Explanation: "The Service has no ready endpoint with the referenced port in its EndpointSlices; unless allowEmptyServices is set Traefik skips the route.",
		Before:      "# EndpointSlice without ready endpoints\n",
		After:       "# pods ready, or allowEmptyServices: true\n"},
	{Code: CodeScheme, Title: "invalid scheme", Severity: SeverityError,
		Explanation: "The scheme must be http, https or h2c, in lower case.",
		Before:      "scheme: HTTPS\n",
		After:       "scheme: https\n"},
	{Code: CodeStrategy, Title: "unsupported load-balancing strategy", Severity: SeverityError,
		Explanation: "Traefik v3.7 knows wrr, p2c, hrw and leasttime (RoundRobin is an old name of wrr).",
		Before:      "strategy: random\n",
		After:       "strategy: wrr\n"},
	{Code: CodeNativeLB, Title: "no ClusterIP for nativeLB", Severity: SeverityError,
		Explanation: "nativeLB sends traffic to the Service's ClusterIP; a headless Service (clusterIP: None) has none.",
		Before:      "nativeLB: true # headless Service\n",
		After:       "nativeLB: false\n"},
	{Code: CodeNodePortLB, Title: "nodePortLB cannot be served", Severity: SeverityError,
		Explanation: "nodePortLB needs the Nodes' internal IPs: it fails when cluster scope resources are disabled or no Node has an InternalIP.",
		Before:      "nodePortLB: true # disableClusterScopeResources: true\n",
		After:       "nodePortLB: false\n"},
	{Code: CodeCrossNamespace, Title: "cross-namespace reference refused", Severity: SeverityError,
		Explanation: "Without allowCrossNamespace, services, middlewares, TLS options and parents must be in the namespace of the referring object.",
		Before:      "middlewares:\n  - name: auth\n    namespace: other\n",
		After:       "middlewares:\n  - name: auth\n",
	},
	{Code: CodeCrossProvider, Title: "cross-provider reference refused", Severity: SeverityError,
		Explanation: "crossProviderNamespaces limits name@provider references to the listed namespaces; an empty list allows none.",
		Before:      "middlewares:\n  - name: auth@file\n",
		After:       "middlewares:\n  - name: auth\n"},
	{Code: CodeCRDRefRefused, Title: "@kubernetescrd reference refused", Severity: SeverityError,
		Explanation: "Without allowCrossNamespace, name@kubernetescrd references are refused, since they can name another namespace.",
		Before:      "- name: other-auth@kubernetescrd\n",
		After:       "- name: auth\n"},
	{Code: CodeNamespaceIgnored, Title: "namespace ignored in a cross-provider reference", Severity: SeverityWarning,
		Explanation: "A name@provider reference names an object of another provider; its namespace field means nothing.",
		Before:      "- name: auth@file\n  namespace: foo\n",
		After:       "- name: auth@file\n"},
	{Code: CodeTraefikServiceGone, Title: "TraefikService does not exist", Severity: SeverityWarning,
		Explanation: "Traefik builds the router with a dangling service name and logs nothing; the router fails when Traefik starts it.",
		Before:      "- name: canary\n  kind: TraefikService # no such TraefikService\n",
		After:       "- name: canary-wrr\n  kind: TraefikService\n"},
	{Code: CodeMiddlewareGone, Title: "Middleware does not exist", Severity: SeverityError,
		Explanation: "The router is built, then refused at run time with \"middleware does not exist\".",
		Before:      "middlewares:\n  - name: strip # no such Middleware\n",
		After:       "middlewares:\n  - name: stripprefix\n"},
	{Code: CodeTLSOptionGone, Title: "TLSOption does not exist", Severity: SeverityWarning,
		Explanation: "Traefik serves the router with the default TLS options instead.",
		Before:      "tls:\n  options:\n    name: modern # no such TLSOption\n",
		After:       "tls:\n  options:\n    name: mintls13\n"},
	{Code: CodeTransportGone, Title: "ServersTransport does not exist", Severity: SeverityError,
		Explanation: "The service is built, then refused at run time because its servers transport is missing.",
		Before:      "serversTransport: mytransport # no such ServersTransport\n",
		After:       "serversTransport: insecure\n"},
	{Code: CodeSecret, Title: "Secret absent or unusable", Severity: SeverityError,
		Explanation: "A Secret holding a certificate (tls.crt, tls.key) or a CA (tls.ca, ca.crt) is missing or lacks its keys; Traefik skips what needed it.",
		Before:      "tls:\n  secretName: missing\n",
		After:       "tls:\n  secretName: example-com-tls\n"},
	{Code: CodeParentRef, Title: "parent IngressRoute cannot be resolved", Severity: SeverityError,
		Explanation: "A parent that does not exist, or in another namespace without allowCrossNamespace, makes Traefik skip every router of the child.",
		Before:      "parentRefs:\n  - name: missing\n",
		After:       "parentRefs:\n  - name: api-parent\n"},
	{Code: CodeIngressClass, Title: "deprecated ingress class annotation", Severity: SeverityWarning,
		Explanation: "The kubernetes.io/ingress.class annotation is deprecated; use spec.ingressClassName.",
		Before:      "metadata:\n  annotations:\n    kubernetes.io/ingress.class: traefik\n",
		After:       "spec:\n  ingressClassName: traefik\n"},
	{Code: CodeRouterReplaced, Title: "two routes with the same match", Severity: SeverityWarning,
		Explanation: "A router's name is derived from the IngressRoute and the match: the later route silently replaces the earlier one.",
		Before:      "- match: Host(`a.com`)\n- match: Host(`a.com`)\n",
		After:       "- match: Host(`a.com`)\n"},
	{Code: CodeNameCollision, Title: "IngressRoute names normalize alike", Severity: SeverityWarning,
		Explanation: "IngressRoutes named web.app and web-app in one namespace with the same match give one router name; which one Traefik keeps varies from run to run.",
		Before:      "name: web.app # and another named web-app\n",
		After:       "name: web-app-public\n"},
	{Code: CodeDefaultTLSConflict, Title: "default TLS options or store defined in several namespaces", Severity: SeverityError,
		Explanation: "A TLSOption or TLSStore named default in more than one namespace: Traefik ignores all of them.",
		Before:      "# TLSOption default in namespaces a and b\n",
		After:       "# TLSOption default in one namespace\n"},
	{Code: CodeTransportCA, Title: "servers transport CA problem", Severity: SeverityError,
		Explanation: "A root CA entry must name either a Secret or a ConfigMap holding tls.ca or ca.crt.",
		Before:      "rootCAs:\n  - secret: ca\n    configMap: ca\n",
		After:       "rootCAs:\n  - secret: ca\n"},
	{Code: CodeDuration, Title: "invalid duration", Severity: SeverityError,
		Explanation: "A duration is a Go duration string (\"100ms\", \"1m30s\") or a number of seconds.",
		Before:      "flushInterval: 100 millis\n",
		After:       "flushInterval: 100ms\n"},
	{Code: CodeMiddlewareRef, Title: "bad reference inside a Middleware", Severity: SeverityError,
		Explanation: "Traefik drops a Middleware whose chain, errors service or plugin Secret it cannot resolve; routers using it then fail.",
		Before:      "chain:\n  middlewares:\n    - name: auth\n      namespace: other\n",
		After:       "chain:\n  middlewares:\n    - name: auth\n"},
	{Code: CodeTraefikService, Title: "TraefikService cannot be built", Severity: SeverityError,
		Explanation: "A TraefikService needs one of weighted, mirroring, highestRandomWeight or failover, with services Traefik can resolve.",
		Before:      "spec: {}\n",
		After:       "spec:\n  weighted:\n    services:\n      - name: web\n        port: 80\n"},
	{Code: CodeUnresolved, Title: "object not in the input", Severity: SeverityInfo,
		Explanation: "With partial input (a repository), a referenced object that is not in the input is noted, not reported: it may live elsewhere. EndpointSlices are resolved at run time.",
		Before:      "services:\n  - name: web # Service defined in another repository\n    port: 80\n",
		After:       "# run with --complete on a cluster dump to resolve it\n"},
	{Code: CodeServiceKind, Title: "unsupported service kind", Severity: SeverityError,
		Explanation: "A service reference's kind is Service (the default) or TraefikService.",
		Before:      "kind: Deployment\n",
		After:       "kind: Service\n"},
	{Code: CodeNotWatched, Title: "namespace not watched", Severity: SeverityError,
		Explanation: "The provider watches only some namespaces; objects elsewhere cannot be referenced.",
		Before:      "namespace: unwatched\n",
		After:       "namespace: watched\n"},
	{Code: CodeLeftoverService, Title: "service left behind by a dropped route", Severity: SeverityWarning,
		Explanation: "Traefik builds a route's service before it checks the TLS options reference: a route dropped for a bad reference leaves its service in the configuration.",
		Before:      "tls:\n  options:\n    name: opts\n    namespace: other\n",
		After:       "tls:\n  options:\n    name: opts\n"},
	{Code: CodeHealthCheck, Title: "health check on a Service that is not ExternalName", Severity: SeverityError,
		Explanation: "Traefik allows active health checks only on ExternalName Services (Kubernetes already probes the endpoints of the others) and skips the route: \"healthCheck allowed only for ExternalName services\".",
		Before:      "- name: whoami\n  port: 80\n  healthCheck: {path: /health}\n",
		After:       "- name: whoami\n  port: 80\n"},
	{Code: CodeIgnoredByClass, Title: "IngressRoute of another ingress class", Severity: SeverityInfo,
		Explanation: "The IngressRoute's class is not the provider's: Traefik ignores it.",
		Before:      "ingressClassName: nginx\n",
		After:       "ingressClassName: traefik\n"},
	{Code: CodeStrategyDeprecated, Title: "strategy RoundRobin is deprecated", Severity: SeverityWarning,
		Explanation: "RoundRobin is the old name of wrr.",
		Before:      "strategy: RoundRobin\n",
		After:       "strategy: wrr\n"},
	{Code: CodeDurationSeconds, Title: "duration without unit", Severity: SeverityWarning,
		Explanation: "A bare integer is a number of seconds: flushInterval \"100\" is 100 s, although the field is documented in milliseconds.",
		Before:      "flushInterval: \"100\"\n",
		After:       "flushInterval: 100ms\n"},
	{Code: CodeTLSOptionSecret, Title: "client CA Secret does not exist", Severity: SeverityWarning,
		Explanation: "A Secret of clientAuth.secretNames is missing: Traefik leaves its CA out of the options.",
		Before:      "clientAuth:\n  secretNames: [missing]\n",
		After:       "clientAuth:\n  secretNames: [client-ca]\n"},
	{Code: CodeMissingPartial, Title: "referenced object not in the input", Severity: SeverityWarning,
		Explanation: "With partial input, a referenced object is missing while the input holds other objects of its kind in that namespace: probably a typo, or an object defined elsewhere. With complete input Traefik refuses the reference.",
		Before:      "services:\n  - name: api # the input defines Service web in this namespace, not api\n    port: 80\n",
		After:       "services:\n  - name: web\n    port: 80\n"},
	{Code: CodeNoService, Title: "route without services", Severity: SeverityWarning,
		Explanation: "Only a parent route (one that child IngressRoutes name in parentRefs) may go without services; any other router without a service is refused by Traefik.",
		Before:      "routes:\n  - match: Host(`example.com`)\n",
		After:       "routes:\n  - match: Host(`example.com`)\n    services:\n      - name: web\n        port: 80\n"},
	{Code: CodeMiddlewareRefused, Title: "router uses a refused Middleware", Severity: SeverityError,
		Explanation: "Traefik drops a Middleware it cannot build (a missing Secret, a refused reference); every router that uses it is then refused with \"middleware does not exist\".",
		Before:      "middlewares:\n  - name: auth # its basicAuth Secret is missing\n",
		After:       "middlewares:\n  - name: auth # with its Secret created\n"},
	{Code: CodeDeprecatedRootCAs, Title: "rootCAsSecrets is deprecated", Severity: SeverityWarning,
		Explanation: "Use rootCAs with secret or configMap entries.",
		Before:      "rootCAsSecrets: [ca]\n",
		After:       "rootCAs:\n  - secret: ca\n"},
}
