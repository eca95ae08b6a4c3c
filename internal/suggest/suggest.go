// Package suggest finds the closest known name to a misspelled one, for
// "did you mean" hints.
package suggest

// Distance returns the Levenshtein edit distance between a and b, counted in
// bytes: the number of single-byte insertions, deletions and substitutions
// that turn a into b.
func Distance(a, b string) int {
	if len(a) < len(b) {
		a, b = b, a
	}
	row := make([]int, len(b)+1)
	for j := range row {
		row[j] = j
	}
	for i := 1; i <= len(a); i++ {
		prev := row[0]
		row[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur := min(row[j]+1, row[j-1]+1, prev+cost)
			prev = row[j]
			row[j] = cur
		}
	}
	return row[len(b)]
}

// Closest returns the candidate nearest to name, or "" when none is close
// enough to be a plausible misspelling. A candidate qualifies when its
// distance is at most a third of name's length (at least 1, and 2 for names of
// 6 bytes or more); a candidate that differs from name only in letter case
// always qualifies. Ties go to the earlier candidate, so the result is
// deterministic for a given order of candidates.
func Closest(name string, candidates []string) string {
	best, bestDist := "", -1
	limit := max(len(name)/3, 1)
	if len(name) >= 6 {
		limit = max(limit, 2)
	}
	for _, c := range candidates {
		if c == name {
			continue
		}
		if equalFold(c, name) {
			return c
		}
		d := Distance(name, c)
		if d <= limit && (bestDist < 0 || d < bestDist) {
			best, bestDist = c, d
		}
	}
	return best
}

// equalFold compares ASCII strings case-insensitively.
func equalFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}
