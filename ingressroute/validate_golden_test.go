package ingressroute

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// renderValidate renders diagnostics for a golden file, one per line.
func renderValidate(ds Diagnostics) string {
	var b strings.Builder
	for _, d := range ds {
		fmt.Fprintf(&b, "%s: %s %s %s %s: %s\n", d.Pos, d.Severity, d.Code, d.Object, d.Field, d.Message)
		if d.Hint != "" {
			fmt.Fprintf(&b, "\thint: %s\n", d.Hint)
		}
	}
	return b.String()
}

var wantAnnotation = regexp.MustCompile(`#\s*want((?:\s+IR\d{4})+)\s*$`)

// wantedCodes reads the "# want IR…" annotations of an input: the codes
// expected on each line.
func wantedCodes(data []byte) map[int][]string {
	want := map[int][]string{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for line := 1; sc.Scan(); line++ {
		if m := wantAnnotation.FindStringSubmatch(sc.Text()); m != nil {
			want[line] = strings.Fields(m[1])
			sort.Strings(want[line])
		}
	}
	return want
}

// TestValidateGolden runs Validate over testdata/validate/<case>/input.yaml.
// Each "# want IR…" annotation says which codes are reported on its line,
// and no other line may get one; want.txt holds the full output (positions,
// messages, hints), rewritten by -update.
func TestValidateGolden(t *testing.T) {
	dirs, err := filepath.Glob("testdata/validate/*")
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no cases: %v", err)
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(dir, "input.yaml"))
			if err != nil {
				t.Fatal(err)
			}
			set, decodeDiags := Decode("input.yaml", data)
			if decodeDiags.HasErrors() {
				t.Fatalf("decoding: %v", decodeDiags)
			}
			ds := Validate(set)

			got := map[int][]string{}
			for _, d := range ds {
				got[d.Pos.Line] = append(got[d.Pos.Line], d.Code)
			}
			for line := range got {
				sort.Strings(got[line])
				got[line] = compactStrings(got[line])
			}
			want := wantedCodes(data)
			lines := map[int]bool{}
			for l := range got {
				lines[l] = true
			}
			for l := range want {
				lines[l] = true
			}
			for l := range lines {
				if strings.Join(got[l], " ") != strings.Join(want[l], " ") {
					t.Errorf("line %d: got %v, want %v", l, got[l], want[l])
				}
			}

			out := renderValidate(ds)
			file := filepath.Join(dir, "want.txt")
			if *update {
				if err := os.WriteFile(file, []byte(out), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			golden, err := os.ReadFile(file)
			if err != nil {
				t.Fatalf("%v (run go test -run TestValidateGolden -update)", err)
			}
			if string(golden) != out {
				t.Errorf("output differs from %s (run with -update to accept):\n%s", file, out)
			}
		})
	}
}

func compactStrings(s []string) []string {
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}
