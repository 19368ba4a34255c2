// One figure a line: `name value unit`.
export interface Figure {
  name: string;
  value: number;
  unit: string;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

export function printFigure(f: Figure): void {
  process.stdout.write(`${f.name} ${f.value} ${f.unit}\n`);
}
