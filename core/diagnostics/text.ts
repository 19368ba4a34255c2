// Small text helpers for problem explanations: edit distance for "did you mean", pairs, lists.

/** Levenshtein distance (two rows). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row.push(Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = row;
  }
  return prev[b.length];
}

/** The candidate closest to `name` within `max` edits (ties: the first), or undefined. */
export function nearest(name: string, candidates: Iterable<string>, max = Math.max(2, Math.floor(name.length / 3))): string | undefined {
  let best: string | undefined;
  let bestD = max + 1;
  for (const c of candidates) {
    if (c === name) continue;
    const d = c.toLowerCase() === name.toLowerCase() ? 0.5 : editDistance(c, name);
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return best;
}

export function pair(ns: string | undefined, sys: string | undefined): string {
  return `('${ns ?? '?'}', '${sys ?? '?'}')`;
}

export function list(items: readonly string[], max = 6): string {
  if (items.length === 0) return 'none';
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}

/** `1 event` / `3 events`. */
export function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}
