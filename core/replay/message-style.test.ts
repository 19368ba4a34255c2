import { describe, expect, it } from 'vitest';
import { band, toMermaid } from './mermaid';
import { MESSAGE_COLORS, MESSAGE_KINDS, messageColorVars, sendKind } from './message-style';
import { toSvg } from './svg';
import { sampleHeader, sampleTrace } from './testing/sample-trace';

const ev = sampleTrace();
const header = sampleHeader();

describe('one message style for every view', () => {
  it('has a colour per kind in both schemes, distinct within a scheme', () => {
    for (const scheme of ['light', 'dark'] as const) {
      const colors = MESSAGE_KINDS.map((k) => MESSAGE_COLORS[scheme][k]);
      expect(colors.every((c) => /^#[0-9a-f]{6}$/i.test(c))).toBe(true);
      expect(new Set(colors).size).toBe(colors.length);
    }
    expect(messageColorVars('dark')['--msg-request']).toBe(MESSAGE_COLORS.dark.request);
  });

  it('tells sends apart as the canvas does: response, request, broadcast, point', () => {
    expect(sendKind({ api: 'ResponseToServer', rpc: { id: 1, state: 'responded' } })).toBe('response');
    expect(sendKind({ api: 'RequestToServiceMod', rpc: { id: 1, state: 'requested' } })).toBe('request');
    expect(sendKind({ api: 'BroadcastToService', targets: ['a', 'b'] })).toBe('broadcast');
    expect(sendKind({ api: 'NotifyToMaster' })).toBe('point');
  });

  it('draws the SVG export in those colours: requests purple, responses dashed green, broadcasts thick orange', () => {
    const svg = toSvg(ev, { header });
    const L = MESSAGE_COLORS.light;
    expect(svg).toMatch(new RegExp(`class="arrow arrow-request"[^]*?stroke="${L.request}"`));
    expect(svg).toMatch(new RegExp(`stroke="${L.response}" stroke-width="1.5" stroke-dasharray="7 4"`));
    expect(svg).toMatch(new RegExp(`class="arrow arrow-point broadcast"[^]*?stroke="${L.broadcast}" stroke-width="3"`));
  });

  it('tints each Mermaid message row with its kind’s colour', () => {
    const text = toMermaid(ev, { header });
    expect(band('request')).toBe('rect rgba(130, 80, 223, 0.14)');
    expect(text).toContain(band('request'));
    expect(text).toContain(band('broadcast'));
    expect(text.match(/\brect rgba/g)?.length).toBe(text.match(/^ {2}end$/gm)?.length);
  });
});
