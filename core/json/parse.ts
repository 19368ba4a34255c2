// parseJson: JSON.parse, except that an integer literal beyond Number.MAX_SAFE_INTEGER that a
// number would not print back digit for digit becomes an exact `bigint`. Syntax errors are JSON.parse's own (same messages), since the slow path only runs
// on text JSON.parse has accepted.

/**
 * False when the text certainly holds no integer literal of 16+ digits (so none beyond 2^53, and
 * JSON.parse is exact). Any run of 16 digits covers one index ≡ 15 (mod 16), so only those are
 * looked at, then the run around a digit found there: a few % of JSON.parse's time on a trace line.
 * Runs that are fractions or exponents do not count; digits inside a string do (harmless: the
 * exact parser then runs).
 */
export function mayHoldUnsafeInteger(text: string): boolean {
  const n = text.length;
  for (let p = 15; p < n; p += 16) {
    if (!isDigit(text.charCodeAt(p))) continue;
    let a = p;
    while (a > 0 && isDigit(text.charCodeAt(a - 1))) a--;
    let b = p + 1;
    while (b < n && isDigit(text.charCodeAt(b))) b++;
    if (b - a >= 16 && isIntegerRun(text, a, b)) return true;
    while (p + 16 < b) p += 16;
  }
  return false;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Digits a..b are a whole integer literal: not a fraction, not an exponent, no fraction after. */
function isIntegerRun(text: string, a: number, b: number): boolean {
  const before = a > 0 ? text.charCodeAt(a - 1) : 0;
  if (before === 46 /* . */ || before === 101 || before === 69 || before === 43 /* + */) return false;
  if (before === 45 /* - */ && a > 1 && (text.charCodeAt(a - 2) | 32) === 101) return false; // e-
  const after = b < text.length ? text.charCodeAt(b) : 0;
  return after !== 46 && after !== 101 && after !== 69;
}

export function parseJson(text: string): unknown {
  const fast = JSON.parse(text) as unknown;
  if (!mayHoldUnsafeInteger(text)) return fast;
  return new ExactParser(text).document();
}

/** Parses text already known to be valid JSON; only numbers differ from JSON.parse. */
class ExactParser {
  private i = 0;
  constructor(private readonly s: string) {}

  document(): unknown {
    this.ws();
    return this.value(0);
  }

  private ws(): void {
    const s = this.s;
    let c = s.charCodeAt(this.i);
    while (c === 32 || c === 10 || c === 13 || c === 9) c = s.charCodeAt(++this.i);
  }

  private value(depth: number): unknown {
    const s = this.s;
    const c = s.charCodeAt(this.i);
    if (c === 123 /* { */) return this.object(depth + 1);
    if (c === 91 /* [ */) return this.array(depth + 1);
    if (c === 34 /* " */) return this.string();
    if (c === 116 /* t */) return (this.i += 4), true;
    if (c === 102 /* f */) return (this.i += 5), false;
    if (c === 110 /* n */) return (this.i += 4), null;
    return this.number();
  }

  private object(depth: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    this.i++;
    this.ws();
    if (this.s.charCodeAt(this.i) === 125) {
      this.i++;
      return out;
    }
    for (;;) {
      this.ws();
      const key = this.string();
      this.ws();
      this.i++; // ':'
      this.ws();
      const v = this.value(depth);
      // "__proto__" stays data, as JSON.parse makes it an own property.
      if (key === '__proto__') Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
      else out[key] = v;
      this.ws();
      if (this.s.charCodeAt(this.i++) === 125) return out; // '}' else ','
    }
  }

  private array(depth: number): unknown[] {
    const out: unknown[] = [];
    this.i++;
    this.ws();
    if (this.s.charCodeAt(this.i) === 93) {
      this.i++;
      return out;
    }
    for (;;) {
      this.ws();
      out.push(this.value(depth));
      this.ws();
      if (this.s.charCodeAt(this.i++) === 93) return out; // ']' else ','
    }
  }

  private string(): string {
    const s = this.s;
    const start = this.i;
    let j = start + 1;
    let escaped = false;
    for (;;) {
      const c = s.charCodeAt(j);
      if (c === 34) break;
      if (c === 92) {
        escaped = true;
        j += 2;
      } else j++;
    }
    this.i = j + 1;
    const raw = s.slice(start, j + 1);
    return escaped ? (JSON.parse(raw) as string) : raw.slice(1, -1);
  }

  private number(): number | bigint {
    const s = this.s;
    const start = this.i;
    let j = start;
    let integer = true;
    for (;;) {
      const c = s.charCodeAt(j);
      if (c >= 48 && c <= 57) j++;
      else if (c === 45 || c === 43) j++;
      else if (c === 46 || c === 101 || c === 69) {
        integer = false;
        j++;
      } else break;
    }
    this.i = j;
    const lit = s.slice(start, j);
    const n = Number(lit);
    // A bigint only where a number would lose digits: 2^53 itself prints back the same, 2^64 does not.
    return integer && !Number.isSafeInteger(n) && String(n) !== lit ? BigInt(lit) : n;
  }
}
