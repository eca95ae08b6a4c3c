package ingressroute

// Codes of the decoding family (IR1xxx): problems found while reading bytes
// into objects, before any check of their meaning.
const (
	CodeSyntax           = "IR1001" // malformed YAML or JSON
	CodeDuplicateKey     = "IR1002" // a mapping key written twice
	CodeUnknownField     = "IR1003" // a field the kind does not have
	CodeWrongType        = "IR1004" // a value of the wrong type
	CodeMissingType      = "IR1005" // no apiVersion or no kind
	CodeUnknownKind      = "IR1006" // a kind or version Traefik's groups do not have
	CodeSkippedKind      = "IR1007" // an object of a kind irkit does not read
	CodeNotObject        = "IR1008" // a document that is not a mapping
	CodeTooLarge         = "IR1009" // input over MaxFileBytes
	CodeTooManyDocuments = "IR1010" // more than MaxDocuments documents
	CodeTooDeep          = "IR1011" // nesting over MaxDepth
	CodeAliasExpansion   = "IR1012" // alias expansion over MaxAliasNodes
	CodeEncoding         = "IR1013" // NUL byte or invalid UTF-8
	CodeIO               = "IR1014" // a file or directory that cannot be read
	CodeTooManyDiags     = "IR1015" // diagnostics over MaxDiagnostics
	CodeDeprecatedGroup  = "IR1016" // traefik.containo.us, which Traefik v3 ignores
)

var decodeCodes = []CodeInfo{
	{
		Code:     CodeSyntax,
		Title:    "malformed YAML or JSON",
		Severity: SeverityError,
		Explanation: "The document cannot be parsed, most often because of a broken indentation, a tab " +
			"used for indentation, an unclosed quote or bracket. The position is where the parser " +
			"gave up, which can be just after the real mistake. The document is skipped; the other " +
			"documents of the file are still read.",
		Before: "spec:\n  routes:\n    - match: Host(`example.com`)\n     kind: Rule\n",
		After:  "spec:\n  routes:\n    - match: Host(`example.com`)\n      kind: Rule\n",
	},
	{
		Code:     CodeDuplicateKey,
		Title:    "duplicate mapping key",
		Severity: SeverityError,
		Explanation: "A key is written twice in the same mapping. kubectl keeps the last value silently " +
			"and the API server refuses the object under strict field validation. irkit keeps the " +
			"last value, like kubectl, and points at both.",
		Before: "routes:\n  - match: Host(`a.example.com`)\n    match: Host(`b.example.com`)\n",
		After:  "routes:\n  - match: Host(`a.example.com`) || Host(`b.example.com`)\n",
	},
	{
		Code:     CodeUnknownField,
		Title:    "unknown field",
		Severity: SeverityError,
		Explanation: "The kind has no field of this name (field names are case-sensitive). The API " +
			"server refuses it under strict field validation, or drops it silently otherwise, so the " +
			"setting never reaches Traefik. The hint names the closest field when there is one.",
		Before: "routes:\n  - mach: Host(`example.com`)\n",
		After:  "routes:\n  - match: Host(`example.com`)\n",
	},
	{
		Code:     CodeWrongType,
		Title:    "value of the wrong type",
		Severity: SeverityError,
		Explanation: "The value does not have the type the field needs: a string where a number " +
			"belongs, a list where a mapping belongs, a number too large for the field. The field " +
			"is left at its zero value. Quote a value to make it a string; unquote a number.",
		Before: "routes:\n  - match: Host(`example.com`)\n    priority: \"10\"\n",
		After:  "routes:\n  - match: Host(`example.com`)\n    priority: 10\n",
	},
	{
		Code:     CodeMissingType,
		Title:    "missing apiVersion or kind",
		Severity: SeverityError,
		Explanation: "Every object needs apiVersion and kind to say what it is; without them the " +
			"document cannot be read and is skipped.",
		Before: "metadata:\n  name: web\nspec:\n  routes: []\n",
		After:  "apiVersion: traefik.io/v1alpha1\nkind: IngressRoute\nmetadata:\n  name: web\nspec:\n  routes: []\n",
	},
	{
		Code:     CodeUnknownKind,
		Title:    "unknown kind or version of Traefik's API groups",
		Severity: SeverityError,
		Explanation: "The apiVersion belongs to Traefik (traefik.io or traefik.containo.us) but the " +
			"kind or version is not one Traefik v3.7 serves: a misspelled kind, a TCP or UDP kind " +
			"irkit does not read yet, or a version other than v1alpha1.",
		Before: "apiVersion: traefik.io/v1alpha1\nkind: IngressRoutes\n",
		After:  "apiVersion: traefik.io/v1alpha1\nkind: IngressRoute\n",
	},
	{
		Code:     CodeSkippedKind,
		Title:    "object of another kind skipped",
		Severity: SeverityInfo,
		Explanation: "The object is of a kind irkit does not read (a Deployment, a ConfigMap, a " +
			"custom resource of another project). It is counted and left out; nothing is wrong " +
			"with it.",
		Before: "apiVersion: apps/v1\nkind: Deployment\n",
		After:  "apiVersion: apps/v1\nkind: Deployment\n",
	},
	{
		Code:     CodeNotObject,
		Title:    "document is not an object",
		Severity: SeverityError,
		Explanation: "A Kubernetes manifest is a mapping with apiVersion, kind and metadata; this " +
			"document is a scalar or a list.",
		Before: "- apiVersion: traefik.io/v1alpha1\n  kind: IngressRoute\n",
		After:  "apiVersion: v1\nkind: List\nitems:\n  - apiVersion: traefik.io/v1alpha1\n    kind: IngressRoute\n",
	},
	{
		Code:     CodeTooLarge,
		Title:    "input too large",
		Severity: SeverityError,
		Explanation: "The file or stream is larger than irkit reads (MaxFileBytes, 32 MiB) and is " +
			"skipped. Split it into several files.",
		Before: "# a 40 MiB manifest dump\n",
		After:  "# several files under 32 MiB each\n",
	},
	{
		Code:     CodeTooManyDocuments,
		Title:    "too many documents",
		Severity: SeverityError,
		Explanation: "The file holds more documents (or List items) than irkit reads from one file " +
			"(MaxDocuments, 10000), or more than 10000 empty documents; the rest are not read. Split the file.",
		Before: "# 20000 documents separated by ---\n",
		After:  "# two files of 10000 documents\n",
	},
	{
		Code:     CodeTooDeep,
		Title:    "nesting too deep",
		Severity: SeverityError,
		Explanation: "The document nests mappings and lists deeper than irkit accepts (MaxDepth, " +
			"128 levels); no Traefik resource comes close, so the input is most likely hostile or " +
			"generated by mistake. The document is skipped.",
		Before: "a: [[[[[[[[[[ ... ]]]]]]]]]]\n",
		After:  "a: []\n",
	},
	{
		Code:     CodeAliasExpansion,
		Title:    "too much YAML alias expansion",
		Severity: SeverityError,
		Explanation: "The document's anchors and aliases would expand to more nodes than irkit " +
			"accepts (MaxAliasNodes, 100000), as in the \"billion laughs\" attack. The document is " +
			"skipped without being expanded.",
		Before: "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n# ...\n",
		After:  "a: [x, x, x]\n",
	},
	{
		Code:     CodeEncoding,
		Title:    "invalid text encoding",
		Severity: SeverityError,
		Explanation: "The input holds a NUL byte or bytes that are not valid UTF-8, so it is not a " +
			"text manifest (a binary file, or a file saved in another encoding). The file is skipped.",
		Before: "kind: IngressRoute\\0\n",
		After:  "kind: IngressRoute\n",
	},
	{
		Code:     CodeIO,
		Title:    "cannot read input",
		Severity: SeverityError,
		Explanation: "A file or directory given on the command line, or found while walking a " +
			"directory, cannot be opened or read.",
		Before: "irkit lint missing.yaml\n",
		After:  "irkit lint manifests/\n",
	},
	{
		Code:     CodeTooManyDiags,
		Title:    "too many diagnostics",
		Severity: SeverityWarning,
		Explanation: "The file produced more diagnostics than irkit reports for one file " +
			"(MaxDiagnostics, 1000); the rest are dropped. Fix the first ones and run again.",
		Before: "# a file with 5000 unknown fields\n",
		After:  "# the same file, fixed\n",
	},
	{
		Code:     CodeDeprecatedGroup,
		Title:    "API group traefik.containo.us is not read by Traefik v3",
		Severity: SeverityError,
		Explanation: "traefik.containo.us/v1alpha1 is the API group of Traefik v2, deprecated in v2.10. " +
			"Traefik v3 watches only traefik.io, so an object in the old group is silently ignored by " +
			"Traefik v3.7 and its routes do not exist. irkit still reads the object, like traefik.io, so " +
			"that its other problems show; move it to traefik.io/v1alpha1 (the fields are the same).",
		Before: "apiVersion: traefik.containo.us/v1alpha1\nkind: IngressRoute\n",
		After:  "apiVersion: traefik.io/v1alpha1\nkind: IngressRoute\n",
	},
}
