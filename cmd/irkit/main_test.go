package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain maps the irkit command of the scripts to run, in this test
// binary.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"irkit": func() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the black-box tests of testdata/script/*.txtar: each
// script runs irkit commands in a fresh directory and checks their output
// and exit status. The examples directory is available as $EXAMPLES.
// Run with -update to rewrite the expected files (cmp) from the actual
// output.
func TestScripts(t *testing.T) {
	examples, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir:           "testdata/script",
		UpdateScripts: *update,
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"exits":  cmdExits,
			"sarif":  cmdSARIF,
			"samefp": cmdSameFingerprints,
		},
		Setup: func(env *testscript.Env) error {
			env.Setenv("EXAMPLES", examples+"/../../examples")
			env.Setenv("NO_COLOR", "")
			return nil
		},
	})
}

// cmdExits implements "exits N COMMAND ARGS...": run the command like exec
// and check that its exit status is N.
func cmdExits(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exits N command [args...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exits: bad status %q", args[0])
	}
	err = ts.Exec(args[1], args[2:]...)
	got := 0
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		got = ee.ExitCode()
	case err != nil:
		ts.Fatalf("exits: %v", err)
	}
	if got != want {
		ts.Fatalf("exit status %d, want %d", got, want)
	}
}

// cmdSARIF implements "sarif FILE": it checks that FILE is a SARIF 2.1.0
// log as GitHub code scanning reads it, and prints one line per result,
// "ruleId level uri:line:col fingerprint-present", for stdout checks.
func cmdSARIF(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: sarif FILE")
	}
	var log struct {
		Version string `json:"version"`
		Schema  string `json:"$schema"`
		Runs    []struct {
			Tool struct {
				Driver struct {
					Name  string `json:"name"`
					Rules []struct {
						ID               string `json:"id"`
						ShortDescription struct {
							Text string `json:"text"`
						} `json:"shortDescription"`
						HelpURI              string `json:"helpUri"`
						DefaultConfiguration struct {
							Level string `json:"level"`
						} `json:"defaultConfiguration"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID    string `json:"ruleId"`
				RuleIndex int    `json:"ruleIndex"`
				Level     string `json:"level"`
				Message   struct {
					Text string `json:"text"`
				} `json:"message"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI string `json:"uri"`
						} `json:"artifactLocation"`
						Region *struct {
							StartLine   int `json:"startLine"`
							StartColumn int `json:"startColumn"`
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
				PartialFingerprints map[string]string `json:"partialFingerprints"`
				Suppressions        []struct {
					Kind string `json:"kind"`
				} `json:"suppressions"`
			} `json:"results"`
		} `json:"runs"`
	}
	data := ts.ReadFile(args[0])
	if err := json.Unmarshal([]byte(data), &log); err != nil {
		ts.Fatalf("sarif: %v", err)
	}
	levels := map[string]bool{"error": true, "warning": true, "note": true}
	switch {
	case log.Version != "2.1.0":
		ts.Fatalf("sarif: version %q", log.Version)
	case !strings.Contains(log.Schema, "sarif-2.1.0"):
		ts.Fatalf("sarif: $schema %q", log.Schema)
	case len(log.Runs) != 1:
		ts.Fatalf("sarif: %d runs", len(log.Runs))
	case log.Runs[0].Tool.Driver.Name != "irkit":
		ts.Fatalf("sarif: driver %q", log.Runs[0].Tool.Driver.Name)
	case len(log.Runs[0].Tool.Driver.Rules) == 0:
		ts.Fatalf("sarif: no rules")
	}
	rules := log.Runs[0].Tool.Driver.Rules
	seen := map[string]bool{}
	for _, r := range rules {
		if r.ID == "" || seen[r.ID] || r.ShortDescription.Text == "" || r.HelpURI == "" || !levels[r.DefaultConfiguration.Level] {
			ts.Fatalf("sarif: bad rule %+v", r)
		}
		seen[r.ID] = true
	}
	w := ts.Stdout()
	for _, res := range log.Runs[0].Results {
		switch {
		case res.RuleID == "" || res.RuleIndex < 0 || res.RuleIndex >= len(rules) || rules[res.RuleIndex].ID != res.RuleID:
			ts.Fatalf("sarif: result ruleId %q, ruleIndex %d", res.RuleID, res.RuleIndex)
		case !levels[res.Level] || res.Message.Text == "":
			ts.Fatalf("sarif: result %s: level %q, message %q", res.RuleID, res.Level, res.Message.Text)
		case len(res.Locations) == 0 || res.Locations[0].PhysicalLocation.ArtifactLocation.URI == "":
			ts.Fatalf("sarif: result %s has no location", res.RuleID)
		case len(res.PartialFingerprints) == 0:
			ts.Fatalf("sarif: result %s has no partial fingerprint", res.RuleID)
		}
		loc := res.Locations[0].PhysicalLocation
		where := loc.ArtifactLocation.URI
		if loc.Region != nil {
			if loc.Region.StartLine < 1 {
				ts.Fatalf("sarif: result %s: startLine %d", res.RuleID, loc.Region.StartLine)
			}
			where += fmt.Sprintf(":%d:%d", loc.Region.StartLine, loc.Region.StartColumn)
		}
		supp := ""
		if len(res.Suppressions) > 0 {
			supp = " suppressed"
		}
		fmt.Fprintf(w, "%s %s %s%s\n", res.RuleID, res.Level, where, supp)
	}
}

// cmdSameFingerprints implements "samefp A B": the two SARIF logs have the
// same results' partial fingerprints, in the same order.
func cmdSameFingerprints(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: samefp A B")
	}
	fps := func(file string) []string {
		var log struct {
			Runs []struct {
				Results []struct {
					PartialFingerprints map[string]string `json:"partialFingerprints"`
				} `json:"results"`
			} `json:"runs"`
		}
		if err := json.Unmarshal([]byte(ts.ReadFile(file)), &log); err != nil || len(log.Runs) != 1 {
			ts.Fatalf("samefp: %s: %v", file, err)
		}
		var out []string
		for _, r := range log.Runs[0].Results {
			out = append(out, fmt.Sprint(r.PartialFingerprints))
		}
		return out
	}
	a, b := fps(args[0]), fps(args[1])
	same := strings.Join(a, ";") == strings.Join(b, ";")
	if same == neg {
		ts.Fatalf("samefp: fingerprints %v and %v", a, b)
	}
}
