// The connection form's field rules: empty falls back to the project default; otherwise a number
// ≥ 0 (loss also ≤ 1). Checked on every keystroke, so the message follows what is typed.
export type LinkField = 'latencyMs' | 'jitterMs' | 'loss';

/** The value to store (undefined = use the default), or the message to show beside the field. */
export function parseLinkField(field: LinkField, text: string): { ok: true; value: number | undefined } | { ok: false; message: string } {
  const t = text.trim();
  if (t === '') return { ok: true, value: undefined };
  const n = Number(t);
  if (!Number.isFinite(n)) return { ok: false, message: 'must be a number' };
  if (n < 0) return { ok: false, message: 'must be ≥ 0' };
  if (field === 'loss' && n > 1) return { ok: false, message: 'a probability: between 0 and 1' };
  return { ok: true, value: n };
}
