package ingressroute

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	corev1 "k8s.io/api/core/v1"
	discoveryv1 "k8s.io/api/discovery/v1"
	"k8s.io/apimachinery/pkg/runtime"
)

// Nothing lost (issue 7): every object Decode returns is accounted for in
// one of these ways, checked in this order:
//
//   - in the table: a Router or Service whose Origin names it (an
//     IngressRoute, a TraefikService), a MiddlewareEntry or
//     ServersTransportEntry whose Origin names it, TLS options or a TLS
//     store under its Traefik name (namespace-name, or "default");
//   - named by a diagnostic: a diagnostic whose Object is the object's kind,
//     namespace and name says why it is not in the table (or what is wrong
//     with what is);
//   - for the core kinds, which Traefik reads only through references
//     (Service, EndpointSlice, Secret, Node, ConfigMap): used, when a
//     Traefik object of its namespace names it (any string value of the
//     object equal to its name; an EndpointSlice through its Service's
//     kubernetes.io/service-name label; a Node by any route with nodePortLB),
//     or else unreferenced, which is not a loss: Traefik ignores it too.
//
// An object of a Traefik kind in none of the first two is lost. So is an
// object of a kind irkit does not read (Set.Skipped) without its IR1007.
func unaccounted(set *Set, table *Table, ds Diagnostics) []string {
	acc := accountFor(set, table, ds)
	return acc.lost
}

type accounting struct {
	inTable, diagnosed, used, unreferenced int
	lost                                   []string
}

func accountFor(set *Set, table *Table, ds Diagnostics) accounting {
	var acc accounting
	origins := map[ObjectRef]bool{}
	for _, r := range table.Routers {
		origins[r.Origin.Object] = true
	}
	for _, s := range table.Services {
		origins[s.Origin.Object] = true
	}
	for _, m := range table.Middlewares {
		origins[m.Origin.Object] = true
	}
	for _, s := range table.ServersTransports {
		origins[s.Origin.Object] = true
	}
	named := map[ObjectRef]bool{}
	capped := false
	skippedDiags := 0
	for _, d := range ds {
		named[d.Object] = true
		switch d.Code {
		case CodeTooManyDiags:
			capped = true
		case CodeSkippedKind:
			skippedDiags++
		}
	}
	refs := referencedNames(set)
	for _, obj := range set.Objects() {
		ref := objectRef(obj)
		switch {
		case origins[ref] || inTLS(obj, table):
			acc.inTable++
		case named[ref]:
			acc.diagnosed++
		case isCoreKind(obj):
			if coreUsed(obj, refs) {
				acc.used++
			} else {
				acc.unreferenced++
			}
		default:
			acc.lost = append(acc.lost, ref.String())
		}
	}
	skipped := 0
	for _, n := range set.Skipped {
		skipped += n
	}
	if !capped && skippedDiags < skipped {
		acc.lost = append(acc.lost, fmt.Sprintf("%d skipped objects for %d %s diagnostics", skipped, skippedDiags, CodeSkippedKind))
	}
	return acc
}

func isCoreKind(obj runtime.Object) bool {
	switch obj.(type) {
	case *corev1.Service, *discoveryv1.EndpointSlice, *corev1.Node, *corev1.Secret, *corev1.ConfigMap:
		return true
	}
	return false
}

// inTLS reports whether a TLSOption or TLSStore is in the table's TLS
// configuration under the name Traefik gives it.
func inTLS(obj runtime.Object, table *Table) bool {
	id := func(ns, name string) string {
		if name == defaultTLSName {
			return name
		}
		return makeID(ns, name)
	}
	switch o := obj.(type) {
	case *TLSOption:
		_, ok := table.TLS.Options[id(o.Namespace, o.Name)]
		return ok
	case *TLSStore:
		_, ok := table.TLS.Stores[id(o.Namespace, o.Name)]
		return ok
	}
	return false
}

// refIndex holds what the Traefik objects of a set name: every string
// value, by namespace, and whether a route uses nodePortLB.
type refIndex struct {
	strings    map[string]map[string]bool // namespace -> string values
	nodePortLB bool
}

func referencedNames(set *Set) refIndex {
	idx := refIndex{strings: map[string]map[string]bool{}}
	var objs []runtime.Object
	for _, obj := range set.Objects() {
		if !isCoreKind(obj) {
			objs = append(objs, obj)
		}
	}
	for _, obj := range objs {
		ns := objectRef(obj).Namespace
		b, err := json.Marshal(obj)
		if err != nil {
			continue
		}
		var v any
		if json.Unmarshal(b, &v) != nil {
			continue
		}
		if idx.strings[ns] == nil {
			idx.strings[ns] = map[string]bool{}
		}
		collectStrings(v, idx.strings[ns], &idx.nodePortLB)
	}
	return idx
}

func collectStrings(v any, into map[string]bool, nodePortLB *bool) {
	switch v := v.(type) {
	case string:
		into[v] = true
		// "name@provider" and "namespace/name" forms name the object too.
		if i := strings.LastIndexAny(v, "/@"); i >= 0 {
			into[v[i+1:]] = true
			into[v[:i]] = true
		}
	case map[string]any:
		for k, x := range v {
			if k == "nodePortLB" && x == true {
				*nodePortLB = true
			}
			if k == "metadata" {
				continue // an object's own name is not a reference
			}
			collectStrings(x, into, nodePortLB)
		}
	case []any:
		for _, x := range v {
			collectStrings(x, into, nodePortLB)
		}
	}
}

func coreUsed(obj runtime.Object, refs refIndex) bool {
	ref := objectRef(obj)
	switch o := obj.(type) {
	case *corev1.Node:
		return refs.nodePortLB
	case *discoveryv1.EndpointSlice:
		return refs.strings[ref.Namespace][o.Labels[discoveryv1.LabelServiceName]]
	}
	return refs.strings[ref.Namespace][ref.Name]
}

// TestNothingLost checks the accounting above over the whole CRD
// conformance corpus, the examples, the test inputs and the fuzz seeds, in
// complete and partial mode.
func TestNothingLost(t *testing.T) {
	inputs := pipelineSeeds(t)
	for name, b := range fuzzSeeds(t) {
		inputs[name] = b
	}
	names := make([]string, 0, len(inputs))
	for n := range inputs {
		names = append(names, n)
	}
	sort.Strings(names)
	var total accounting
	for _, name := range names {
		set, ds := Decode(name, inputs[name])
		for _, opts := range []Options{DefaultOptions(), {Complete: true}} {
			table, all := Analyze(set, opts, AnalyzeOptions{Prior: ds})
			acc := accountFor(set, table, all)
			if len(acc.lost) > 0 {
				t.Errorf("%s (complete %t): lost %v", name, opts.Complete, acc.lost)
			}
			total.inTable += acc.inTable
			total.diagnosed += acc.diagnosed
			total.used += acc.used
			total.unreferenced += acc.unreferenced
		}
	}
	t.Logf("%d inputs, twice: %d objects in the table, %d named by a diagnostic, %d core objects used, %d unreferenced",
		len(names), total.inTable, total.diagnosed, total.used, total.unreferenced)
	if total.inTable == 0 {
		t.Error("no object in any table: the accounting is broken")
	}
}

// TestAccountingFindsLosses makes sure the accounting is not vacuous.
func TestAccountingFindsLosses(t *testing.T) {
	set := &Set{}
	ir := &IngressRoute{}
	ir.Namespace, ir.Name = "default", "web"
	set.Add(ir, nil)
	set.Add(&corev1.Service{}, nil)
	set.Skipped = map[string]int{"apps/v1/Deployment": 1}
	lost := unaccounted(set, &Table{}, nil)
	want := []string{"IngressRoute default/web", "1 skipped objects for 0 IR1007 diagnostics"}
	if strings.Join(lost, "|") != strings.Join(want, "|") {
		t.Errorf("lost %q, want %q", lost, want)
	}
	ds := Diagnostics{{Code: CodeIgnoredByClass, Object: ObjectRef{Kind: "IngressRoute", Namespace: "default", Name: "web"}}, {Code: CodeSkippedKind}}
	if lost := unaccounted(set, &Table{}, ds); len(lost) > 0 {
		t.Errorf("lost %q with diagnostics", lost)
	}
}

// fuzzSeeds reads the checked-in fuzz corpora of this package ([]byte
// inputs only).
func fuzzSeeds(t *testing.T) map[string][]byte {
	out := map[string][]byte{}
	files, _ := filepath.Glob("testdata/fuzz/*/*")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSpace(string(b)), "\n")
		if len(lines) != 2 || lines[0] != "go test fuzz v1" {
			continue
		}
		s, ok := strings.CutPrefix(lines[1], "[]byte(")
		if !ok || !strings.HasSuffix(s, ")") {
			continue
		}
		v, err := strconv.Unquote(strings.TrimSuffix(s, ")"))
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		out[f] = []byte(v)
	}
	return out
}
