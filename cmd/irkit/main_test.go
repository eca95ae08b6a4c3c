package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		stdin      string
		wantCode   int
		wantStdout []string // substrings
		wantStderr []string
	}{
		{name: "no arguments", args: nil, wantCode: exitUsage, wantStderr: []string{"Usage: irkit"}},
		{name: "unknown command", args: []string{"frobnicate"}, wantCode: exitUsage, wantStderr: []string{`unknown command "frobnicate"`}},
		{name: "help", args: []string{"help"}, wantCode: exitOK, wantStdout: []string{"lint", "version"}},
		{name: "help lint", args: []string{"help", "lint"}, wantCode: exitOK, wantStdout: []string{"irkit lint [--format"}},
		{name: "version", args: []string{"version"}, wantCode: exitOK, wantStdout: []string{"irkit "}},
		{name: "lint without paths", args: []string{"lint"}, wantCode: exitUsage, wantStderr: []string{"Usage: irkit lint"}},
		{name: "lint bad flag", args: []string{"lint", "--bogus", "x"}, wantCode: exitUsage},
		{name: "lint bad format", args: []string{"lint", "--format", "xml", "testdata"}, wantCode: exitUsage, wantStderr: []string{`unknown format "xml"`}},
		{name: "lint good file", args: []string{"lint", "testdata/good.yaml"}, wantCode: exitOK},
		{
			name: "lint good file verbose shows infos", args: []string{"lint", "--verbose", "testdata/good.yaml"}, wantCode: exitOK,
			wantStdout: []string{"testdata/good.yaml:13:1: info IR1007"},
		},
		{
			name: "lint bad file", args: []string{"lint", "testdata/bad.yaml"}, wantCode: exitFindings,
			wantStdout: []string{
				"testdata/bad.yaml:7:7: error IR1003: unknown field \"mach\"",
				"    7 |     - mach: Host(`example.com`)\n      |       ^\n",
				"hint: did you mean match?",
				"testdata/bad.yaml:8:17: error IR1004",
			},
			wantStderr: []string{"2 errors, 0 warnings"},
		},
		{name: "lint directory", args: []string{"lint", "testdata"}, wantCode: exitFindings, wantStdout: []string{"testdata/bad.yaml:7:7"}},
		{name: "lint missing file", args: []string{"lint", "testdata/good.yaml", "testdata/missing.yaml"}, wantCode: exitUsage, wantStdout: []string{"testdata/missing.yaml: error IR1014"}},
		{
			name: "lint stdin", args: []string{"lint", "-"}, stdin: "apiVersion: v1\nkind: Service\nspek: {}\n", wantCode: exitFindings,
			wantStdout: []string{"<stdin>:3:1: error IR1003", "    3 | spek: {}"},
		},
		{name: "lint good stdin", args: []string{"lint", "-"}, stdin: "apiVersion: v1\nkind: Service\n", wantCode: exitOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(tt.args, strings.NewReader(tt.stdin), &stdout, &stderr)
			if code != tt.wantCode {
				t.Errorf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tt.wantCode, stdout.String(), stderr.String())
			}
			for _, s := range tt.wantStdout {
				if !strings.Contains(stdout.String(), s) {
					t.Errorf("stdout lacks %q:\n%s", s, stdout.String())
				}
			}
			for _, s := range tt.wantStderr {
				if !strings.Contains(stderr.String(), s) {
					t.Errorf("stderr lacks %q:\n%s", s, stderr.String())
				}
			}
		})
	}
}

func TestLintJSON(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := run([]string{"lint", "--format", "json", "testdata/good.yaml", "testdata/bad.yaml"}, nil, &stdout, &stderr)
	if code != exitFindings {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	var ds []struct {
		Severity, Code, Field string
		Pos                   struct {
			File         string
			Line, Column int
		}
	}
	if err := json.Unmarshal(stdout.Bytes(), &ds); err != nil {
		t.Fatalf("%v\n%s", err, stdout.String())
	}
	type got struct {
		code, field, file string
		line, col         int
	}
	var all []got
	for _, d := range ds {
		all = append(all, got{code: d.Code, field: d.Field, file: d.Pos.File, line: d.Pos.Line, col: d.Pos.Column})
	}
	want := []got{
		{code: "IR1003", field: "spec.routes[0].mach", file: "testdata/bad.yaml", line: 7, col: 7},
		{code: "IR1004", field: "spec.routes[0].priority", file: "testdata/bad.yaml", line: 8, col: 17},
		{code: "IR1007", file: "testdata/good.yaml", line: 13, col: 1},
	}
	if len(all) != len(want) {
		t.Fatalf("got %+v, want %+v", all, want)
	}
	for i := range want {
		if all[i] != want[i] {
			t.Errorf("diagnostic %d: got %+v, want %+v", i, all[i], want[i])
		}
	}
}
