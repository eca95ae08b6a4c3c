package ingressroute

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"sigs.k8s.io/yaml"
)

// benchChunk is the number of IngressRoutes per generated file (7 documents
// each, under Decode's limit on documents per file).
const benchChunk = 1000

// genFiles returns n IngressRoutes of 3 routes each, with the Service and
// EndpointSlice of each route, as multi-document YAML files of benchChunk
// IngressRoutes.
func genFiles(n int) [][]byte {
	var files [][]byte
	for i := 0; i < n; i += benchChunk {
		files = append(files, genManifests(i, min(i+benchChunk, n)))
	}
	return files
}

// decodeFiles decodes generated files into one set.
func decodeFiles(files [][]byte) (*Set, Diagnostics) {
	set := &Set{}
	var all Diagnostics
	for i, f := range files {
		s, diags := Decode(fmt.Sprintf("bench%d.yaml", i), f)
		set.Merge(s)
		all = append(all, diags...)
	}
	return set, all
}

// genManifests returns IngressRoutes from to to-1 with their Services and
// EndpointSlices.
func genManifests(from, to int) []byte {
	var b bytes.Buffer
	for i := from; i < to; i++ {
		ns := fmt.Sprintf("ns%d", i%50)
		fmt.Fprintf(&b, `apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata:
  name: app%d
  namespace: %s
spec:
  entryPoints: [websecure]
  routes:
`, i, ns)
		for r := 0; r < 3; r++ {
			fmt.Fprintf(&b, `    - match: Host(`+"`app%d.example.com`"+`) && PathPrefix(`+"`/p%d`"+`)
      middlewares:
        - name: strip
      services:
        - name: svc%d-%d
          port: http
`, i, r, i, r)
		}
		for r := 0; r < 3; r++ {
			fmt.Fprintf(&b, `---
apiVersion: v1
kind: Service
metadata:
  name: svc%d-%d
  namespace: %s
spec:
  ports:
    - name: http
      port: 80
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: svc%d-%d-abc
  namespace: %s
  labels:
    kubernetes.io/service-name: svc%d-%d
addressType: IPv4
ports:
  - name: http
    port: 8080
endpoints:
  - addresses: [10.0.%d.%d, 10.1.%d.%d]
    conditions:
      ready: true
`, i, r, ns, i, r, ns, i, r, (i/250)%250, i%250, (i/250)%250, i%250)
		}
		b.WriteString("---\n")
	}
	return b.Bytes()
}

var benchSizes = []int{1000, 10000}

// BenchmarkCompile measures Compile alone; ns/op divided by the number of
// IngressRoutes is the per-object cost reported as ns/ingressroute.
func BenchmarkCompile(b *testing.B) {
	for _, n := range benchSizes {
		set, diags := decodeFiles(genFiles(n))
		if diags.HasErrors() {
			b.Fatal(diags[:1])
		}
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				table, _ := Compile(set, Options{Complete: true})
				if len(table.Routers) != 3*n {
					b.Fatalf("%d routers", len(table.Routers))
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/ingressroute")
		})
	}
}

// BenchmarkPipeline measures Decode, Validate and Compile of the same
// bytes.
func BenchmarkPipeline(b *testing.B) {
	for _, n := range benchSizes {
		files := genFiles(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(bytes.Join(files, nil))))
			for b.Loop() {
				set, _ := decodeFiles(files)
				Validate(set)
				table, _ := Compile(set, Options{Complete: true})
				if len(table.Routers) != 3*n {
					b.Fatalf("%d routers", len(table.Routers))
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/ingressroute")
		})
	}
}

// BenchmarkBareYAML is the yardstick: sigs.k8s.io/yaml.Unmarshal of every
// document of the same bytes into map[string]any.
func BenchmarkBareYAML(b *testing.B) {
	for _, n := range benchSizes {
		data := bytes.Join(genFiles(n), nil)
		docs := strings.Split(string(data), "\n---\n")
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				for _, d := range docs {
					var m map[string]any
					if err := yaml.Unmarshal([]byte(d), &m); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/ingressroute")
		})
	}
}
