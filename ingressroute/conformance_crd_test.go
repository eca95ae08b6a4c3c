package ingressroute

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// crdCase is one case of testdata/conformance/crd/cases.json.
type crdCase struct {
	Name     string              `json:"name"`
	Fixtures []string            `json:"fixtures"`
	Options  crdCaseOptions      `json:"options"`
	Expected map[string]any      `json:"expected"`
	Logs     []map[string]string `json:"logs"`
}

// crdCaseOptions are the provider settings of a case.
type crdCaseOptions struct {
	IngressClass                 string    `json:"ingressClass"`
	AllowCrossNamespace          bool      `json:"allowCrossNamespace"`
	AllowExternalNameServices    bool      `json:"allowExternalNameServices"`
	AllowEmptyServices           bool      `json:"allowEmptyServices"`
	NativeLBByDefault            bool      `json:"nativeLBByDefault"`
	DisableClusterScopeResources bool      `json:"disableClusterScopeResources"`
	CrossProviderNamespaces      *[]string `json:"crossProviderNamespaces"`
	Namespaces                   []string  `json:"namespaces"`
}

// options converts a case's settings, for complete input.
func (o crdCaseOptions) options() Options {
	opts := Options{
		IngressClass:                 o.IngressClass,
		AllowCrossNamespace:          o.AllowCrossNamespace,
		AllowExternalNameServices:    o.AllowExternalNameServices,
		AllowEmptyServices:           o.AllowEmptyServices,
		NativeLBByDefault:            o.NativeLBByDefault,
		DisableClusterScopeResources: o.DisableClusterScopeResources,
		Namespaces:                   o.Namespaces,
		Complete:                     true,
	}
	if o.CrossProviderNamespaces != nil {
		opts.CrossProviderNamespaces = append([]string{}, (*o.CrossProviderNamespaces)...)
	}
	return opts
}

// knownCRDFailures lists the cases irkit cannot pass yet, with the reason.
// It is empty: every case passes.
var knownCRDFailures = map[string]string{}

const crdDir = "../testdata/conformance/crd"

func loadCRDCases(t testing.TB) []crdCase {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(crdDir, "cases.json"))
	if err != nil {
		t.Fatal(err)
	}
	var cases []crdCase
	if err := json.Unmarshal(b, &cases); err != nil {
		t.Fatal(err)
	}
	return cases
}

// decodeFixtures decodes a case's fixtures into one set.
func decodeFixtures(t testing.TB, names []string) *Set {
	t.Helper()
	set := &Set{}
	for _, n := range names {
		p := filepath.Join(crdDir, "fixtures", n)
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		s, diags := Decode(p, b)
		if diags.HasErrors() {
			t.Fatalf("decoding %s: %v", n, diags)
		}
		set.Merge(s)
	}
	return set
}

func TestConformanceCRD(t *testing.T) {
	cases := loadCRDCases(t)
	passed := 0
	for _, tc := range cases {
		reason, known := knownCRDFailures[tc.Name]
		ok := t.Run(tc.Name, func(t *testing.T) {
			if known {
				t.Skip("known failure: " + reason)
			}
			set := decodeFixtures(t, tc.Fixtures)
			table, diags := Compile(set, tc.Options.options())
			got := normalizeJSON(t, table.Traefik())
			want := normalizeJSON(t, tc.Expected)
			compareSection(t, "http.routers", dig(got, "http", "routers"), dig(want, "http", "routers"))
			compareSection(t, "http.services", dig(got, "http", "services"), dig(want, "http", "services"))
			compareSection(t, "http.serversTransports", dig(got, "http", "serversTransports"), dig(want, "http", "serversTransports"))
			compareSection(t, "tls", dig(got, "tls"), dig(want, "tls"))
			gotMW, wantMW := keysOf(dig(got, "http", "middlewares")), keysOf(dig(want, "http", "middlewares"))
			if !reflect.DeepEqual(gotMW, wantMW) {
				t.Errorf("middlewares: got %v, want %v", gotMW, wantMW)
			}
			for _, l := range tc.Logs {
				if !logCovered(set, l, diags) {
					t.Errorf("Traefik logged %v; no diagnostic on that object. Diagnostics:\n%v", l, diags)
				}
			}
		})
		if ok && !known {
			passed++
		}
	}
	t.Logf("conformance: %d/%d cases pass (%d known failures)", passed, len(cases), len(knownCRDFailures))
}

// normalizeJSON round-trips v through JSON into plain maps.
func normalizeJSON(t *testing.T, v any) any {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var out any
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// dig returns the value at a path of map keys, nil when absent.
func dig(v any, keys ...string) any {
	for _, k := range keys {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[k]
	}
	return v
}

// empty reports whether v is absent or an empty map.
func empty(v any) bool {
	if v == nil {
		return true
	}
	m, ok := v.(map[string]any)
	return ok && len(m) == 0
}

func compareSection(t *testing.T, name string, got, want any) {
	t.Helper()
	if empty(got) && empty(want) {
		return
	}
	if reflect.DeepEqual(got, want) {
		return
	}
	gm, _ := got.(map[string]any)
	wm, _ := want.(map[string]any)
	if gm == nil || wm == nil {
		t.Errorf("%s:\n got: %s\nwant: %s", name, mustJSON(got), mustJSON(want))
		return
	}
	for _, k := range unionKeys(gm, wm) {
		if !reflect.DeepEqual(gm[k], wm[k]) {
			t.Errorf("%s[%q]:\n got: %s\nwant: %s", name, k, mustJSON(gm[k]), mustJSON(wm[k]))
		}
	}
}

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func keysOf(v any) []string {
	m, _ := v.(map[string]any)
	keys := []string{}
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func unionKeys(a, b map[string]any) []string {
	seen := map[string]bool{}
	for k := range a {
		seen[k] = true
	}
	for k := range b {
		seen[k] = true
	}
	keys := make([]string, 0, len(seen))
	for k := range seen {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// logCovered reports whether a Traefik log entry has a diagnostic on the
// object its context keys name: of severity error for an error entry
// (issue 5: every error Traefik logs is an error in irkit), error or
// warning for a warn entry.
func logCovered(set *Set, l map[string]string, diags Diagnostics) bool {
	worst := SeverityWarning
	if l["level"] == "error" {
		worst = SeverityError
	}
	match := func(pred func(d Diagnostic) bool) bool {
		for _, d := range diags {
			if d.Severity <= worst && pred(d) {
				return true
			}
		}
		return false
	}
	switch {
	case l["ingress"] != "":
		return match(func(d Diagnostic) bool {
			return d.Object == ObjectRef{Kind: "IngressRoute", Namespace: l["namespace"], Name: l["ingress"]}
		})
	case l["serviceName"] != "":
		return match(func(d Diagnostic) bool {
			return d.Object.Kind == "TraefikService" && d.Object.Name == l["serviceName"]
		})
	case l["tlsOption"] != "":
		return match(func(d Diagnostic) bool {
			return d.Object == ObjectRef{Kind: "TLSOption", Namespace: l["namespace"], Name: l["tlsOption"]}
		})
	case l["serversTransport"] != "":
		return match(func(d Diagnostic) bool {
			return d.Object == ObjectRef{Kind: "ServersTransport", Namespace: l["namespace"], Name: l["serversTransport"]}
		})
	case strings.Contains(l["middlewareName"], "@"):
		// A reference to another provider's middleware, from a route.
		return match(func(d Diagnostic) bool { return strings.Contains(d.Message, l["middlewareName"]) })
	case l["middlewareName"] != "":
		return match(func(d Diagnostic) bool {
			return d.Object.Kind == "Middleware" && Normalize(makeID(d.Object.Namespace, d.Object.Name)) == l["middlewareName"]
		})
	case strings.HasPrefix(l["message"], "Default TLS Options"):
		return match(func(d Diagnostic) bool { return d.Object.Kind == "TLSOption" && d.Object.Name == defaultTLSName })
	case strings.HasPrefix(l["message"], "Default TLS Stores"):
		return match(func(d Diagnostic) bool { return d.Object.Kind == "TLSStore" && d.Object.Name == defaultTLSName })
	}
	return match(func(Diagnostic) bool { return true })
}
