package ingressroute_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/irkit/irkit/ingressroute"
)

func ExampleDecode() {
	manifest := `apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata:
  name: web
  namespace: default
spec:
  routes:
    - mach: Host(` + "`example.com`" + `)
      priority: "10"
`
	set, diags := ingressroute.Decode("web.yaml", []byte(manifest))
	fmt.Println(len(set.IngressRoutes), "IngressRoute")
	for _, d := range diags {
		fmt.Printf("%s %s %s: %s\n", d.Pos, d.Code, d.Field, d.Hint)
	}
	// Output:
	// 1 IngressRoute
	// web.yaml:8:7 IR1003 spec.routes[0].mach: did you mean match?
	// web.yaml:9:17 IR1004 spec.routes[0].priority: write the number without quotes: priority: 10
}

func ExampleSource_ValuePos() {
	manifest := "apiVersion: traefik.io/v1alpha1\nkind: IngressRoute\nmetadata:\n  name: web\nspec:\n  routes:\n" +
		"    - match: \"Host(`a.example.com`) &&\\n  Pth(`/`)\"\n"
	set, _ := ingressroute.Decode("web.yaml", []byte(manifest))
	ir := set.IngressRoutes[0]
	// A rule parser reports an error at the byte offset of "Pth" in the decoded
	// rule (after the \n escape); ValuePos gives its place in the file.
	offset := strings.Index(ir.Spec.Routes[0].Match, "Pth")
	fmt.Println(offset, set.Source(ir).ValuePos("spec.routes[0].match", offset))
	// Output:
	// 27 web.yaml:7:43
}

func ExampleWriteText() {
	manifest := []byte("apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspek: {}\n")
	_, diags := ingressroute.Decode("svc.yaml", manifest)
	_ = ingressroute.WriteText(os.Stdout, diags, ingressroute.TextOptions{
		Source: func(file string) ([]byte, bool) { return manifest, file == "svc.yaml" },
	})
	// Output:
	// svc.yaml:5:1: error IR1003: unknown field "spek" in the object (Service web)
	//     5 | spek: {}
	//       | ^
	//     hint: did you mean spec?
}
