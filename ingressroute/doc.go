// Package ingressroute reads Traefik's Kubernetes CRD objects and turns
// them, offline, into the routing table Traefik v3.7 builds from them,
// with a Diagnostic for every problem on the way.
//
// # Its room in the pipeline
//
//	bytes ──Decode──▶ Set ──Validate──▶ Diagnostics
//	                   │
//	                   └──Compile(Options)──▶ Table ──Traefik()──▶ Dynamic (JSON / YAML)
//	                                            │
//	                                            ├──Match(entryPoint, *http.Request)
//	                                            └──Lint / ResolveTLS ──▶ Diagnostics
//
// Analyze runs Validate, Compile, the TLS arbitration checks, Lint and
// suppression in one call; it is what the irkit command runs, and what
// another linter embedding irkit should call.
//
//   - Decode, DecodeReader and DecodeFiles read multi-document YAML or JSON
//     (kind: List too) with kubectl's YAML semantics into the typed kinds of
//     this package (IngressRoute, TraefikService, Middleware, TLSOption,
//     TLSStore, ServersTransport; both traefik.io/v1alpha1 and the
//     deprecated traefik.containo.us/v1alpha1) and the core kinds Traefik
//     reads (Service, EndpointSlice, Node, Secret, ConfigMap). Every field
//     keeps its file:line:column in the object's Source; columns count
//     bytes. Other kinds are counted in Set.Skipped.
//   - Validate checks every field on its own (schema, enumerations, ranges,
//     names, durations), in the style of Kubernetes' API validation.
//   - Compile resolves what Traefik's CRD provider resolves (rules, ports,
//     ExternalName services, schemes, EndpointSlices, sticky cookies,
//     health checks, references across namespaces and providers, TLS) with
//     the provider settings of Options, in complete or partial mode. Its
//     export, Table.Traefik, is the dynamic configuration Traefik produces;
//     the tests compare it with configurations recorded from Traefik
//     v3.7.9 (testdata/conformance/crd).
//   - Lint reports what Traefik accepts silently but is almost certainly a
//     mistake: shadowed and duplicate routes, equal-priority overlaps,
//     deprecated syntax, TLS options that conflict on a host.
//
// # Diagnostics
//
// Every finding is a Diagnostic with a stable code (IR1xxx decoding, IR2xxx
// validation, IR3xxx rules, IR4xxx references and backends, IR5xxx TLS,
// IR6xxx lint), the object, the JSON field path and the position. Codes
// are documented in one registry (Codes, LookupCode), from which
// docs/diagnostics.md is generated. WriteText and WriteJSON render them. An
// irkit.io/ignore annotation on an object, or AnalyzeOptions.Disable,
// suppresses findings; suppressed findings stay in the list, marked.
//
// # Limits
//
// Input is untrusted. Decode bounds the bytes of a file, the number of
// documents, the nesting depth and YAML alias expansion (see MaxFileBytes
// and the other constants of limits.go), and package rule bounds rule
// length, nesting and regular expressions; past a limit irkit reports a
// diagnostic and goes on with the rest of the input. Nothing here panics on
// input, keeps package-level mutable state, or depends on map order: the
// same input gives byte-identical output.
package ingressroute
