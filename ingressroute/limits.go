package ingressroute

// Limits on untrusted input. Decoding stops or skips with a diagnostic when
// an input goes past one of them; it never crashes or hangs.
const (
	// MaxFileBytes is the largest input, in bytes, that Decode reads from
	// one file or stream (32 MiB). A larger input is refused with IR1009.
	MaxFileBytes = 32 << 20

	// MaxDocuments is the largest number of YAML documents (or JSON values,
	// or items of a kind: List) read from one file. The documents after it
	// are ignored with IR1010.
	MaxDocuments = 10000

	// MaxDepth is the deepest nesting of mappings and sequences accepted in
	// one document. A deeper document is skipped with IR1011.
	MaxDepth = 128

	// MaxAliasNodes bounds YAML alias expansion: the number of nodes a
	// document would have once every alias is expanded. A document over it
	// ("billion laughs") is skipped with IR1012 before it is expanded.
	MaxAliasNodes = 100000

	// MaxDiagnostics is the largest number of diagnostics reported for one
	// file; the rest are dropped and counted in a final IR1015.
	MaxDiagnostics = 1000
)
