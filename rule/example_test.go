package rule_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"

	"github.com/irkit/irkit/rule"
)

func ExampleParse() {
	r, err := rule.Parse("Host(`example.com`) && PathPrefix(`/api`)", rule.V3)
	if err != nil {
		fmt.Println(err)
		return
	}
	req := httptest.NewRequest(http.MethodGet, "http://EXAMPLE.com:8080/api/users", nil)
	fmt.Println(r.Match(req), r.Priority())

	req = httptest.NewRequest(http.MethodGet, "http://example.com/web", nil)
	fmt.Println(r.Match(req))
	// Output:
	// true 41
	// false
}

func ExampleParse_error() {
	_, err := rule.Parse("Host(`a.example.com`, `b.example.com`)", rule.V3)
	e := err.(*rule.Error)
	fmt.Println(e.Offset, e.Msg)
	fmt.Println(e.Hint)
	// Output:
	// 22 Host takes 1 argument(s), found 2
	// v2 form Host(`a.example.com`,`b.example.com`): in v3 write Host(`a.example.com`) || Host(`b.example.com`)
}

func ExampleDomains() {
	domains, err := rule.Domains("(Host(`A.example.com`) || Host(`b.example.com`)) && !Host(`c.example.com`)")
	fmt.Println(domains, err)
	// Output:
	// [a.example.com b.example.com c.example.com] <nil>
}

func ExampleMigrate() {
	v3, err := rule.Migrate("Host(`a.example.com`, `b.example.com`) && PathPrefix(`/users/{id:[0-9]+}`) && Query(`lang=fr`)")
	fmt.Println(v3, err)
	// Output:
	// (Host(`a.example.com`) || Host(`b.example.com`)) && PathRegexp(`^/users/([0-9]+)`) && Query(`lang`, `fr`) <nil>
}

func ExampleRule_Matchers() {
	r, _ := rule.Parse("Host(`example.com`) && !Method(`POST`)", rule.V3)
	for _, m := range r.Matchers() {
		fmt.Println(m.Call.Kind, m.Call.Values(), m.Negated, m.Call.Pos(), m.Call.End())
	}
	// Output:
	// Host [example.com] false 0 19
	// Method [POST] true 24 38
}
