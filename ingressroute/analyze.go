package ingressroute

// AnalyzeOptions are irkit's own settings for Analyze, beyond the provider
// settings of Options.
type AnalyzeOptions struct {
	// Disable lists codes to silence everywhere, in the syntax of the
	// irkit.io/ignore annotation: codes ("IR6001"), families ("IR6xxx" or
	// "IR6*"), or "all"; an element may hold several, separated by commas.
	// Their findings stay in the result with Suppressed set.
	Disable []string
	// Prior are diagnostics found before Analyze, typically Decode's: they
	// are merged into the result and subject to suppression like the
	// others.
	Prior Diagnostics
}

// Analyze runs the whole pipeline on a decoded set: Validate, Compile with
// the provider settings of opts, the TLS arbitration checks (IR5xxx), Lint
// (IR6xxx), then suppression (irkit.io/ignore annotations and the codes
// the AnalyzeOptions disable; several AnalyzeOptions are merged). It
// returns the routing table and every diagnostic, sorted; suppressed
// findings stay in the list with Suppressed set and do not count as errors.
// A nil set is analyzed as an empty one.
func Analyze(set *Set, opts Options, aopts ...AnalyzeOptions) (*Table, Diagnostics) {
	if set == nil {
		set = &Set{}
	}
	var ao AnalyzeOptions
	for _, o := range aopts {
		ao.Disable = append(ao.Disable, o.Disable...)
		ao.Prior = append(ao.Prior, o.Prior...)
	}
	ds := append(Diagnostics(nil), ao.Prior...)
	// A value Decode refused (a string where a number belongs) is absent
	// for Validate, which would report it missing: say it once.
	vds := withoutRepeats(Validate(set), ao.Prior)
	ds = append(ds, vds...)
	t, cds := Compile(set, opts)
	ds = append(ds, withoutRepeats(cds, vds)...)
	ds = append(ds, checkTLS(set, t)...)
	ds = append(ds, Lint(set, t)...)
	return t, Suppress(set, ds, ao.Disable)
}

// withoutRepeats returns the diagnostics of ds, leaving out those that
// repeat a finding of seen: a diagnostic of the same severity on the same
// object and field. Validate and Compile both look at some fields (an empty
// match, a route kind, a duration); the user should read each problem once.
func withoutRepeats(ds, seen Diagnostics) Diagnostics {
	type key struct {
		sev   Severity
		obj   ObjectRef
		field string
	}
	have := make(map[key]bool, len(seen))
	for _, d := range seen {
		have[key{d.Severity, d.Object, d.Field}] = true
	}
	out := ds[:0:0]
	for _, d := range ds {
		if d.Field != "" && have[key{d.Severity, d.Object, d.Field}] {
			continue
		}
		out = append(out, d)
	}
	return out
}
