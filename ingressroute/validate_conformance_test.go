package ingressroute

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// validateCRDCase is the part of a CRD conformance case this test reads.
type validateCRDCase struct {
	Name     string              `json:"name"`
	Fixtures []string            `json:"fixtures"`
	Logs     []map[string]string `json:"logs"`
}

// loggedAbout reports whether Traefik logged something about the object.
func loggedAbout(logs []map[string]string, obj ObjectRef) bool {
	for _, l := range logs {
		switch obj.Kind {
		case "IngressRoute":
			if l["ingress"] == obj.Name && l["namespace"] == obj.Namespace {
				return true
			}
		case "TraefikService":
			if l["serviceName"] == obj.Name {
				return true
			}
		case "Middleware":
			if l["middlewareName"] == Normalize(obj.Namespace+"-"+obj.Name) {
				return true
			}
		case "TLSOption":
			if l["tlsOption"] == obj.Name && l["namespace"] == obj.Namespace {
				return true
			}
		case "ServersTransport":
			if l["serversTransport"] == obj.Name && l["namespace"] == obj.Namespace {
				return true
			}
		}
	}
	return false
}

// TestValidateConformanceNoFalseErrors runs Validate over every case of
// the CRD conformance corpus: an object Traefik accepted without a word
// must get no IR2xxx error, for Traefik does not refuse it.
func TestValidateConformanceNoFalseErrors(t *testing.T) {
	const dir = "../testdata/conformance/crd"
	data, err := os.ReadFile(filepath.Join(dir, "cases.json"))
	if err != nil {
		t.Fatal(err)
	}
	var cases []validateCRDCase
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			set := &Set{}
			for _, f := range c.Fixtures {
				b, err := os.ReadFile(filepath.Join(dir, "fixtures", f))
				if err != nil {
					t.Fatal(err)
				}
				s, _ := Decode(f, b)
				set.Merge(s)
			}
			for _, d := range Validate(set) {
				if !strings.HasPrefix(d.Code, "IR2") {
					t.Errorf("Validate emitted a %s diagnostic: %v", d.Code, d)
				}
				if d.Severity == SeverityError && !loggedAbout(c.Logs, d.Object) {
					t.Errorf("%s: %s %s at %s: %s (Traefik logged nothing about it)", d.Object, d.Severity, d.Code, d.Field, d.Message)
				}
			}
		})
	}
}
