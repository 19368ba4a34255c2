import { describe, expect, it } from 'vitest';
import { Project } from '../../core/model/schema';
import quickstartJson from '../../fixtures/projects/quickstart.switchboard.json';
import { autoLayout } from './auto-layout';

const quickstart = Project.parse(quickstartJson);

describe('auto-layout (elkjs)', () => {
  it('puts role columns left to right: clients | proxies | lobby/game | master | services', async () => {
    const pos = await autoLayout(quickstart);
    const x = (id: string) => pos.get(id)?.x ?? NaN;
    expect(x('client-1')).toBeLessThan(x('proxy-2000'));
    expect(x('proxy-2000')).toBeLessThan(x('lobby-4000'));
    expect(x('lobby-4000')).toBe(x('game-5000'));
    expect(x('game-5000')).toBeLessThan(x('master'));
    expect(x('master')).toBeLessThan(x('service-8000'));
    expect(pos.size).toBe(quickstart.nodes.length);
  });
});
