// "Did you mean ...?" for misspelt names: the candidate with the smallest edit distance, if it is
// close enough to be a plausible typo. Same idea as fio's string_distance() in options.c.

/** Levenshtein distance between a and b (case-insensitive). */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = cur;
  }
  return prev[t.length] ?? 0;
}

/**
 * The closest candidate to `name`, or undefined if none is within a typo's distance. A candidate
 * that `name` begins (a parameter name without its unit suffix, say) also counts as close.
 */
export function closestMatch(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  let prefixed: string | undefined;
  const lower = name.toLowerCase();
  for (const candidate of candidates) {
    const d = editDistance(name, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
    if (lower.length >= 3 && candidate.toLowerCase().startsWith(lower) && (prefixed === undefined || candidate.length < prefixed.length)) {
      prefixed = candidate;
    }
  }
  const limit = Math.max(2, Math.floor(name.length / 3));
  return bestDistance <= limit ? best : prefixed;
}
