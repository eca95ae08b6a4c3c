package ingressroute

import (
	"bytes"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// pipelineSeeds returns the files FuzzPipeline and the accounting test start
// from: the CRD conformance fixtures, the examples and the decoding,
// compilation and lint test inputs.
func pipelineSeeds(tb testing.TB) map[string][]byte {
	tb.Helper()
	var files []string
	for _, pattern := range []string{
		filepath.Join(crdDir, "fixtures", "*.yml"),
		"../examples/manifests/*.yaml",
		"testdata/decode/*/input.yaml",
		"testdata/compile/*/input.yaml",
		"testdata/lint/*.yaml",
	} {
		m, err := filepath.Glob(pattern)
		if err != nil {
			tb.Fatal(err)
		}
		files = append(files, m...)
	}
	out := map[string][]byte{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		out[f] = b
	}
	return out
}

// pipelineHang is how long FuzzPipeline lets one input run before it
// crashes the fuzzing worker to report it. It is far above the 2 s bound
// of issue 7, so that a busy machine does not trip it.
const pipelineHang = 20 * time.Second

// FuzzPipeline runs the whole pipeline (Decode, then Analyze) on any bytes
// and checks that it neither panics nor depends on the order of the
// documents: the Traefik export of the input with its documents reversed,
// and rotated by one, must be byte for byte the same. It also checks that
// every object is accounted for (see TestNothingLost).
func FuzzPipeline(f *testing.F) {
	seeds := pipelineSeeds(f)
	names := sortedKeys(seeds)
	for _, n := range names {
		f.Add(seeds[n])
	}
	reqs := []string{"http://a.example.com/", "https://example.com/api/x?q=1", "http://[::1]/"}
	f.Fuzz(func(t *testing.T, data []byte) {
		// A hang would stall the fuzzer without a report: crash the
		// worker instead, so that the input is saved.
		watchdog := time.AfterFunc(pipelineHang, func() {
			panic(fmt.Sprintf("the pipeline has not ended after %v on %q", pipelineHang, data))
		})
		defer watchdog.Stop()
		set, ds := Decode("fuzz.yaml", data)
		table, all := Analyze(set, DefaultOptions(), AnalyzeOptions{Prior: ds})
		want, err := table.Traefik().JSON()
		if err != nil {
			t.Fatalf("export: %v", err)
		}
		for _, u := range reqs {
			table.Match("web", httptest.NewRequest("GET", u, nil))
		}
		if lost := unaccounted(set, table, all); len(lost) > 0 {
			t.Fatalf("objects neither in the table nor in a diagnostic: %v", lost)
		}
		if hasCode(ds, CodeSyntax, CodeTooManyDocuments, CodeTooManyDiags, CodeEncoding, CodeTooLarge) {
			return // documents that do not parse alone, or a truncated input
		}
		if hasDuplicateObjects(set) {
			return // the later of two definitions wins, like kubectl apply
		}
		docs := splitDocuments(data)
		if len(docs) < 2 {
			return
		}
		for _, perm := range []func([][]byte) [][]byte{reversed, rotated} {
			shuffled := bytes.Join(perm(docs), nil)
			set2, ds2 := Decode("fuzz.yaml", shuffled)
			if hasCode(ds2, CodeSyntax) || len(set2.Objects()) != len(set.Objects()) {
				continue // the document boundaries were not what they seemed
			}
			table2, _ := Analyze(set2, DefaultOptions(), AnalyzeOptions{Prior: ds2})
			got, err := table2.Traefik().JSON()
			if err != nil {
				t.Fatalf("export: %v", err)
			}
			if !bytes.Equal(got, want) {
				t.Fatalf("the export depends on the order of the documents.\ninput:\n%s\nreordered:\n%s\nexport:\n%s\nreordered export:\n%s",
					data, shuffled, want, got)
			}
		}
	})
}

// splitDocuments cuts YAML data into its documents, as Decode does, each
// starting with a "---" line and ending with a newline, so that they can be
// joined in any order.
func splitDocuments(data []byte) [][]byte {
	var docs [][]byte
	splitYAML(data, func(c docChunk) bool {
		text := c.text
		var b []byte
		if !isDocSeparator(text) {
			b = append(b, "---\n"...)
		}
		b = append(b, text...)
		if len(b) > 0 && b[len(b)-1] != '\n' {
			b = append(b, '\n')
		}
		docs = append(docs, b)
		return true
	})
	return docs
}

func reversed(docs [][]byte) [][]byte {
	out := make([][]byte, len(docs))
	for i, d := range docs {
		out[len(docs)-1-i] = d
	}
	return out
}

func rotated(docs [][]byte) [][]byte {
	return append(append([][]byte(nil), docs[1:]...), docs[0])
}

// hasDuplicateObjects reports whether two objects of set have the same
// kind, namespace and name.
func hasDuplicateObjects(set *Set) bool {
	seen := map[ObjectRef]bool{}
	for _, obj := range set.Objects() {
		ref := objectRef(obj)
		if seen[ref] {
			return true
		}
		seen[ref] = true
	}
	return false
}

func hasCode(ds Diagnostics, codes ...string) bool {
	for _, d := range ds {
		for _, c := range codes {
			if d.Code == c {
				return true
			}
		}
	}
	return false
}
