package ingressroute

// Codes of the lint family (IR6xxx), reported by Lint: what Traefik accepts
// without a word but is almost certainly a mistake, and the problems of
// irkit's own suppression annotations (IR69xx).
//
// Some checks of the family's brief are reported by Compile with their own
// codes and are not repeated here: two routes with one match in an
// IngressRoute (IR4022), IngressRoutes whose names normalize alike
// (IR4023), dangling references (IR4001, IR4015 to IR4018, IR4020,
// IR4039), a broken TraefikService itself (IR4028; IR6007 reports the
// routes that still send to it), healthCheck on a Service that
// is not ExternalName (IR4033), strategy RoundRobin (IR4035), a duration
// without unit (IR4036); the deprecated API group is IR1016.
const (
	CodeSameRule             = "IR6001" // same rule in two IngressRoutes on a shared entry point
	CodeShadowed             = "IR6002" // route shadowed by a higher-priority route matching a superset
	CodeOverlap              = "IR6003" // overlapping routes of equal priority
	CodeSyntaxV2             = "IR6004" // syntax: v2
	CodeWeightIgnored        = "IR6005" // weight on a reference that is not weighted
	CodePriorityIsLength     = "IR6006" // priority equal to the rule's length
	CodeBrokenTraefikService = "IR6007" // route to a TraefikService Traefik refused
	CodeIgnoreUnknown        = "IR6901" // irkit.io/ignore names an unknown code
	CodeIgnoreUnused         = "IR6902" // irkit.io/ignore silences nothing
)

var lintCodes = []CodeInfo{
	{Code: CodeBrokenTraefikService, Title: "route to a TraefikService Traefik refused", Severity: SeverityWarning,
		Explanation: "The route sends to a TraefikService that Traefik refuses (IR4028 on the TraefikService: " +
			"a Service it names is missing, a weighted list is empty...). Traefik still builds the router, " +
			"with the name of a service that does not exist, and logs nothing about the route: requests " +
			"that reach it fail at run time.",
		Before: "services:\n  - name: canary-split   # its weighted services name a missing Service\n    kind: TraefikService\n",
		After:  "services:\n  - name: canary-split   # every Service it names exists\n    kind: TraefikService\n"},
	{Code: CodeSameRule, Title: "same rule in two IngressRoutes on a shared entry point", Severity: SeverityWarning,
		Explanation: "Two IngressRoutes route the same requests on one entry point (both with TLS or both " +
			"without). With equal priorities Traefik's order between them is undefined, so which backend " +
			"serves varies between restarts; with different priorities the lower one never serves. Rules " +
			"that differ only in spacing, quoting or parentheses are the same rule. Of several routes " +
			"with one rule, each is reported once, against the one that serves (the highest priority, " +
			"then the first written).",
		Before: "# IngressRoute web\n- match: Host(`example.com`)\n---\n# IngressRoute web-v2\n- match: Host(`example.com`)\n",
		After:  "# IngressRoute web\n- match: Host(`example.com`)\n---\n# IngressRoute web-v2\n- match: Host(`example.com`) && PathPrefix(`/v2`)\n"},
	{Code: CodeShadowed, Title: "route shadowed by a higher-priority route", Severity: SeverityWarning,
		Explanation: "Another router on a shared entry point has a higher priority and matches every request " +
			"this route matches (the same host with a PathPrefix covering this route's path, or the " +
			"host alone above host and path): this route never serves. Priorities default to the rule's " +
			"length, so an explicit priority is the usual cause. A route is reported once, against the " +
			"first written of the routes that shadow it.",
		Before: "- match: Host(`example.com`)\n  priority: 100\n- match: Host(`example.com`) && PathPrefix(`/api`)\n",
		After:  "- match: Host(`example.com`)\n- match: Host(`example.com`) && PathPrefix(`/api`)\n"},
	{Code: CodeOverlap, Title: "overlapping routes of equal priority", Severity: SeverityWarning,
		Explanation: "Two routers on a shared entry point have the same priority and some request matches " +
			"both. Traefik sorts routers by priority only, and its order between equal priorities is " +
			"not defined: which router serves those requests may change on every configuration reload. " +
			"Set explicit, different priorities. A route is reported once, against the first written of " +
			"the routes before it that it overlaps.",
		Before: "- match: Host(`example.com`) && PathPrefix(`/a`)\n- match: Host(`example.com`) && Path(`/a/b`)\n  priority: 42\n",
		After:  "- match: Host(`example.com`) && PathPrefix(`/a`)\n- match: Host(`example.com`) && Path(`/a/b`)\n  priority: 100\n"},
	{Code: CodeSyntaxV2, Title: "rule in v2 syntax", Severity: SeverityWarning,
		Explanation: "syntax: v2 keeps a Traefik v2 rule working during a migration; the rule syntax option " +
			"is deprecated in Traefik v3 and will be removed. The hint gives the rule rewritten in v3 " +
			"syntax, matching the same requests, when it can be rewritten.",
		Before: "- match: Host(`a.com`, `b.com`) && PathPrefix(`/{id:[0-9]+}`)\n  syntax: v2\n",
		After:  "- match: (Host(`a.com`) || Host(`b.com`)) && PathRegexp(`^/([0-9]+)`)\n"},
	{Code: CodeWeightIgnored, Title: "weight on a reference that is not weighted", Severity: SeverityWarning,
		Explanation: "A weight balances a service against its siblings: the services of a route with several " +
			"services, of a weighted or a highestRandomWeight TraefikService. Elsewhere (a route's only " +
			"service, a mirroring's main service or mirrors, a failover's service and fallback) it is " +
			"ignored; a mirror's share is its percent.",
		Before: "services:\n  - name: web\n    port: 80\n    weight: 10\n",
		After:  "services:\n  - name: web\n    port: 80\n"},
	{Code: CodePriorityIsLength, Title: "priority equal to the rule's length", Severity: SeverityInfo,
		Explanation: "A priority of 0 means the rule's length in bytes. Setting it to that length changes " +
			"nothing today, and silently becomes a real choice when the rule is edited.",
		Before: "- match: Host(`example.com`)\n  priority: 25\n",
		After:  "- match: Host(`example.com`)\n"},
	{Code: CodeIgnoreUnknown, Title: "irkit.io/ignore names an unknown code", Severity: SeverityWarning,
		Explanation: "The irkit.io/ignore annotation lists diagnostic codes to silence on its object " +
			"(\"IR6001, IR6003 # reason\"; a family as \"IR6xxx\"; \"all\"). An entry that is no known code " +
			"silences nothing; it is most likely a typo.",
		Before: "metadata:\n  annotations:\n    irkit.io/ignore: \"IR601\"\n",
		After:  "metadata:\n  annotations:\n    irkit.io/ignore: \"IR6001 # both versions serve during the migration\"\n"},
	{Code: CodeIgnoreUnused, Title: "irkit.io/ignore silences nothing", Severity: SeverityInfo,
		Explanation: "A code listed in irkit.io/ignore matched no diagnostic on the object: the problem was " +
			"fixed, and the annotation can go.",
		Before: "metadata:\n  annotations:\n    irkit.io/ignore: \"IR6004\" # the route no longer uses syntax: v2\n",
		After:  "metadata: {}\n"},
}
