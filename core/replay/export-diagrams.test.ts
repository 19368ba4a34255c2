import { describe, expect, it } from 'vitest';
import { mermaidText, toMermaid } from './mermaid';
import { toSvg } from './svg';
import { generateSampleEvents, sampleHeader, sampleTrace } from './testing/sample-trace';

const ev = sampleTrace();
const header = sampleHeader();

/** A strict little XML well-formedness check: balanced tags, quoted attributes, known entities. */
function checkXml(xml: string): { tags: Map<string, number>; elements: { name: string; attrs: Record<string, string> }[] } {
  const stack: string[] = [];
  const tags = new Map<string, number>();
  const elements: { name: string; attrs: Record<string, string> }[] = [];
  const re = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g;
  let m: RegExpExecArray | null;
  let roots = 0;
  while ((m = re.exec(xml))) {
    if (m[6]) throw new Error(`stray < at ${m.index}`);
    if (m[5] !== undefined) {
      if (stack.length === 0 && m[5].trim() !== '') throw new Error('text outside the root');
      const ents = m[5].match(/&[^;\s]*;?/g) ?? [];
      for (const e of ents) if (!/^&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);$/i.test(e)) throw new Error(`bad entity ${e}`);
      continue;
    }
    const [, close, name, attrText, selfClose] = m;
    if (close) {
      if (stack.pop() !== name) throw new Error(`mismatched </${name}>`);
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of attrText.matchAll(/([\w:-]+)="([^"]*)"/g)) {
      if (a[1] in attrs) throw new Error(`duplicate attribute ${a[1]}`);
      attrs[a[1]] = a[2];
    }
    if (stack.length === 0) roots++;
    elements.push({ name, attrs });
    tags.set(name, (tags.get(name) ?? 0) + 1);
    if (!selfClose) stack.push(name);
  }
  if (stack.length) throw new Error(`unclosed ${stack.join(',')}`);
  if (roots !== 1) throw new Error(`${roots} roots`);
  return { tags, elements };
}

describe('toMermaid', () => {
  it('writes a sequenceDiagram the mermaid parser accepts', async () => {
    const text = toMermaid(ev, { header });
    expect(text.startsWith('sequenceDiagram\n')).toBe(true);
    expect(text).toContain('participant L0 as client-1 (client)');
    expect(text).toMatch(/L\d+-x L?\d*|L\d+-xL\d+/);
    expect(text).toMatch(/L\d+-->>L\d+: .*ResponseToServer/);
    expect(text).toContain('Note over');
    const mermaid = (await import('mermaid')).default;
    await expect(mermaid.parse(text)).resolves.toMatchObject({ diagramType: 'sequence' });
  });

  it('the parser rejects broken text (so the check above means something)', async () => {
    const mermaid = (await import('mermaid')).default;
    await expect(mermaid.parse('sequenceDiagram\n  L0->>: x\n')).rejects.toThrow();
  });

  it('survives hostile names and labels, and long generated traces', async () => {
    const mermaid = (await import('mermaid')).default;
    const odd = ev.map((e) => (e.event ? { ...e, event: `${e.event};#x%%<b>:"end"\nnext` } : e));
    await expect(mermaid.parse(toMermaid(odd, { header }))).resolves.toBeTruthy();
    const long = [...generateSampleEvents(3000, { seed: 5 })];
    const text = toMermaid(long, { maxItems: 300 });
    expect(text).toContain('cut at event');
    await expect(mermaid.parse(text)).resolves.toBeTruthy();
    expect(mermaidText('a;b#c%d\ne')).toBe('a b c d e');
  });
});

describe('toSvg', () => {
  it('is well-formed XML with one lifeline per node, an arrow per message, thick broadcasts', () => {
    const svg = toSvg(ev, { header });
    const { elements } = checkXml(svg);
    expect(elements[0]).toMatchObject({ name: 'svg', attrs: { xmlns: 'http://www.w3.org/2000/svg' } });
    const lifelines = elements.filter((e) => e.attrs.class === 'lifeline').map((e) => e.attrs['data-node']);
    expect(lifelines).toEqual(header.nodes!.map((n) => n.id).sort((a, b) => lifelines.indexOf(a) - lifelines.indexOf(b)));
    expect(new Set(lifelines).size).toBe(header.nodes!.length);
    const arrows = elements.filter((e) => e.attrs.class?.startsWith('arrow '));
    expect(arrows.length).toBe(ev.filter((e) => e.type === 'send' && (e.to || e.targets)).length);
    expect(arrows.some((a) => a.attrs.class.includes('broadcast'))).toBe(true);
    expect(elements.some((e) => e.name === 'line' && e.attrs['stroke-width'] === '3')).toBe(true);
    expect(svg).not.toMatch(/<script/i);
  });

  it('escapes hostile labels', () => {
    const odd = ev.map((e) => (e.event ? { ...e, event: `<x a="1">&'` } : e));
    const svg = toSvg(odd, { header });
    checkXml(svg);
    expect(svg).toContain('&lt;x a=&quot;1&quot;&gt;&amp;&apos;');
  });

  it('the checker catches broken XML', () => {
    expect(() => checkXml('<svg><g></svg>')).toThrow();
    expect(() => checkXml('<svg a="1" a="2"/>')).toThrow();
    expect(() => checkXml('<svg>&nope;</svg>')).toThrow();
  });
});
