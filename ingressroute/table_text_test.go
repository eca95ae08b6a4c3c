package ingressroute

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestTableWriteText(t *testing.T) {
	for _, name := range []string{"with_services_lb3.yml", "parent_refs_single_parent_multiple_routes.yml", "with_sticky.yml"} {
		set := decodeFixtures(t, []string{"services.yml", "parent_refs_services.yml", name})
		table, _ := Compile(set, Options{Complete: true, AllowExternalNameServices: true})
		if _, err := json.Marshal(table); err != nil {
			t.Errorf("%s: the table does not encode as JSON: %v", name, err)
		}
		var b strings.Builder
		if err := table.WriteText(&b); err != nil {
			t.Fatal(err)
		}
		want := filepath.Join("testdata", "compile", "text_"+strings.TrimSuffix(name, ".yml")+".txt")
		if *update {
			if err := os.WriteFile(want, []byte(b.String()), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		w, err := os.ReadFile(want)
		if err != nil {
			t.Fatalf("%v (run go test -update)", err)
		}
		if b.String() != string(w) {
			t.Errorf("%s: got\n%s\nwant\n%s", name, b.String(), w)
		}
	}
}
