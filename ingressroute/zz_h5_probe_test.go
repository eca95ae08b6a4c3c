package ingressroute

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestH5Probe(t *testing.T) {
	files, _ := filepath.Glob("../testdata/conformance/crd/fixtures/*.yml")
	for _, f := range files {
		data, _ := os.ReadFile(f)
		set, _ := Decode(f, data)
		_, ds := Analyze(set, Options{AllowCrossNamespace: true, AllowExternalNameServices: true})
		t.Logf("%s: %d diags", f, len(ds))
		for _, d := range ds {
			if strings.HasPrefix(d.Code, "IR5") || strings.HasPrefix(d.Code, "IR6") {
				t.Logf("%s [%s]", d, d.Object)
			}
		}
	}
}
