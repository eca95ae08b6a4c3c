package ingressroute

import (
	"sort"
	"sync"
)

// CodeInfo documents one diagnostic code: what it means and how to fix it.
// `irkit explain CODE` prints it and docs/diagnostics.md is generated from
// the registry.
type CodeInfo struct {
	// Code is the stable identifier, "IR" + family digit + three digits:
	// 1 decoding, 2 schema, 3 rules, 4 references and backends, 5 TLS,
	// 6 lint.
	Code string
	// Title is a short summary in lower case, without a final period.
	Title string
	// Severity is the severity the code is reported with.
	Severity Severity
	// Explanation says what is wrong and why it matters, in sentences.
	Explanation string
	// Before is a YAML snippet that triggers the diagnostic.
	Before string
	// After is the same snippet fixed.
	After string
}

// codeFamilies lists the per-family code tables, one per codes_*.go file.
// To add a family, write codes_<family>.go with a var and add it here:
// exactly one line.
var codeFamilies = [][]CodeInfo{
	decodeCodes,
	backendCodes,
	validateCodes,
	tlsCodes,
	lintCodes,
}

var registry = sync.OnceValues(func() ([]CodeInfo, map[string]CodeInfo) {
	var all []CodeInfo
	byCode := map[string]CodeInfo{}
	for _, fam := range codeFamilies {
		for _, c := range fam {
			all = append(all, c)
			byCode[c.Code] = c
		}
	}
	sort.Slice(all, func(i, j int) bool { return all[i].Code < all[j].Code })
	return all, byCode
})

// Codes returns every registered diagnostic code, sorted by code. The
// caller may modify the returned slice.
func Codes() []CodeInfo {
	all, _ := registry()
	return append([]CodeInfo(nil), all...)
}

// LookupCode returns the documentation of a code such as "IR1003".
func LookupCode(code string) (CodeInfo, bool) {
	_, byCode := registry()
	c, ok := byCode[code]
	return c, ok
}

// severityOf returns the registered severity of code, or SeverityError for
// an unregistered code (a test makes sure every emitted code is registered).
func severityOf(code string) Severity {
	if c, ok := LookupCode(code); ok {
		return c.Severity
	}
	return SeverityError
}
