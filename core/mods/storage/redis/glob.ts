// Redis's glob patterns (KEYS, SCAN MATCH): * ? [abc] [^a] [a-z] and \x, on code points.
// Iterative with one backtrack point per '*', so a hostile pattern costs O(pattern × text), not
// the exponential time of naive recursion.

export function globMatch(pattern: string, text: string): boolean {
  const p = [...pattern];
  const t = [...text];
  let pi = 0;
  let ti = 0;
  let starP = -1;
  let starT = 0;
  while (ti < t.length) {
    if (pi < p.length && p[pi] === '*') {
      while (pi < p.length && p[pi] === '*') pi++;
      if (pi === p.length) return true;
      starP = pi;
      starT = ti;
      continue;
    }
    const step = pi < p.length ? matchOne(p, pi, t[ti]) : -1;
    if (step > 0) {
      pi += step;
      ti++;
      continue;
    }
    if (starP < 0) return false;
    pi = starP;
    ti = ++starT;
  }
  while (pi < p.length && p[pi] === '*') pi++;
  return pi === p.length;
}

/** How many pattern characters the token at pi spans when it matches c, or -1. */
function matchOne(p: string[], pi: number, c: string): number {
  const ch = p[pi];
  if (ch === '?') return 1;
  if (ch === '\\' && pi + 1 < p.length) return p[pi + 1] === c ? 2 : -1;
  if (ch !== '[') return ch === c ? 1 : -1;
  let i = pi + 1;
  const not = p[i] === '^';
  if (not) i++;
  let hit = false;
  for (;;) {
    if (i >= p.length) {
      // Redis treats an unterminated class as ending at the pattern's end.
      i--;
      break;
    }
    if (p[i] === ']') break;
    if (p[i] === '\\' && i + 1 < p.length) {
      if (p[i + 1] === c) hit = true;
      i += 2;
    } else if (i + 2 < p.length && p[i + 1] === '-' && p[i + 2] !== ']') {
      let lo = p[i].codePointAt(0) as number;
      let hi = p[i + 2].codePointAt(0) as number;
      if (lo > hi) [lo, hi] = [hi, lo];
      const x = c.codePointAt(0) as number;
      if (x >= lo && x <= hi) hit = true;
      i += 3;
    } else {
      if (p[i] === c) hit = true;
      i++;
    }
  }
  if (not) hit = !hit;
  return hit ? i - pi + 1 : -1;
}
