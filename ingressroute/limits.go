package ingressroute

// Limits on untrusted input. Decoding stops or skips with a diagnostic when
// an input goes past one of them; it never crashes or hangs. Each is
// tested with a hostile input that must end in its diagnostic within 2 s
// of processor time and 256 MiB of heap (hostile_test.go); docs/limits.md
// lists them with the rule package's limits and what they cost.
const (
	// MaxFileBytes is the largest input, in bytes, that Decode reads from
	// one file or stream (32 MiB). A larger input is refused with IR1009 at
	// the first byte past the limit, before it is parsed; DecodeReader
	// reads at most MaxFileBytes+1 bytes of a stream.
	MaxFileBytes = 32 << 20

	// MaxDocuments is the largest number of YAML documents (or JSON values,
	// or items of a kind: List) read from one file. The documents after it
	// are ignored, and not even parsed, with IR1010 at the first of them.
	// Empty documents (blank, comments only, null) are counted apart and
	// bounded by MaxDocuments too, since each costs a parse.
	MaxDocuments = 10000

	// MaxDepth is the deepest nesting of mappings and sequences accepted in
	// one document. A deeper document is skipped with IR1011 at its first
	// node.
	MaxDepth = 128

	// MaxAliasNodes bounds YAML alias expansion: the number of nodes a
	// document would have once every alias (and merge key) is expanded. A
	// document over it ("billion laughs") is skipped with IR1012 at its
	// first node, before it is expanded.
	MaxAliasNodes = 100000

	// MaxDiagnostics is the largest number of diagnostics Decode reports
	// for one file; the rest are dropped and counted in a final IR1015.
	MaxDiagnostics = 1000
)
