// The two sample Apollo projects (fixtures/apollo/samples), imported from their deploy.json and run
// unmodified on real Python 2.7: the traffic each must produce, end to end, across servers.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importApollo } from '../../core/apollo';
import { Simulation } from '../../core/engine/simulation';
import { Project } from '../../core/model/schema';
import type { TraceEvent } from '../../core/trace/event';
import { encodeTrace } from '../../core/trace/ndjson';
import { diskReader } from '../apollo/disk-reader';
import { PythonModHost } from './python-host';
import { pythonForTests } from './testing/python';

const SAMPLES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/apollo/samples');
pythonForTests();

function load(name: string): Project {
  return Project.parse(JSON.parse(fs.readFileSync(path.join(SAMPLES, name, `${name}.switchboard.json`), 'utf8')));
}

function run(name: string, project = load(name), seed = 1): { events: TraceEvent[]; bytes: string } {
  const sim = new Simulation(project, { scenario: 'boot', seed, mods: new PythonModHost({ projectDir: path.join(SAMPLES, name) }) });
  try {
    sim.runScenario();
  } finally {
    sim.close();
  }
  return { events: sim.trace.slice(0), bytes: encodeTrace(sim.trace.header, sim.trace.slice(0)) };
}

/** The first line where two traces differ (a readable failure instead of two megabytes). */
function firstDifference(a: string, b: string): string | null {
  const x = a.split('\n');
  const y = b.split('\n');
  const k = x.findIndex((line, i) => line !== y[i]);
  return k < 0 ? (x.length === y.length ? null : `lengths ${x.length} vs ${y.length}`) : `line ${k + 1}:\n${x[k]}\n${y[k]}`;
}

const printsOn = (events: TraceEvent[], node: string): string[] => events.filter((e) => e.type === 'log' && e.detail === 'print' && e.to === node).map((e) => String(e.data));
const problems = (events: TraceEvent[]): string[] => events.filter((e) => e.type === 'error' || e.type === 'misuse').map((e) => `${e.type} ${e.to ?? e.from}: ${e.reason}`);

describe('sample: shop (lobby + 2 survival games + shop service with Redis/MySQL + master HTTP)', () => {
  const shop = run('shop');
  const { events } = shop;

  it('runs without a mod error', () => {
    expect(problems(events)).toEqual([]);
  });

  it('every player sees its wallet, buys a sword; the stock of 3 runs out for the fourth', () => {
    const clients = ['client-1', 'client-2', 'client-3', 'client-4'];
    expect(clients.map((c) => printsOn(events, c))).toEqual([
      ['wallet 100 coins', 'bought sword coins left 70'],
      ['wallet 100 coins', 'bought sword coins left 70'],
      ['wallet 100 coins', 'bought sword coins left 70'],
      ['wallet 100 coins', 'could not buy: sold out'],
    ]);
    // Each purchase is a RequestToServiceMod from the lobby that the shop service answers.
    const buys = events.filter((e) => e.type === 'send' && e.api === 'RequestToServiceMod' && e.event === 'Buy');
    expect(buys).toHaveLength(4);
    expect(events.filter((e) => e.type === 'callback' && e.event === 'Buy').map((e) => e.suc)).toEqual([true, true, true, true]);
  });

  it('the service announces its stock to the lobby and both games every 5 s (thick broadcasts)', () => {
    const first = events.find((e) => e.type === 'send' && e.api === 'BroadcastToServerByType' && e.event === 'StockUpdate');
    expect(first?.targets).toEqual(['game-5000', 'game-5001']);
    expect(printsOn(events, 'game-5000')).toContain("stock now [('bow', 10), ('sword', 0)]");
  });

  it('the master hears each server\'s online report and takes a restock over HTTP', () => {
    expect(printsOn(events, 'master')).toContain('online 4 on 3 servers');
    const response = events.find((e) => e.type === 'http' && e.detail === 'response');
    expect(JSON.parse(String(response?.data))).toMatchObject({ code: 0 });
    expect(printsOn(events, 'service-8000')).toContain('restock {"stock": {"sword": 2}}');
    expect(printsOn(events, 'game-5001').at(-1)).toBe("stock now [('bow', 10), ('sword', 2)]");
  });

  it('same seed ⇒ same trace bytes, Python included', () => {
    expect(firstDifference(run('shop').bytes, shop.bytes)).toBeNull();
  });
});

describe('sample: arena (lobby transfers players to arena games with a transferParam; rank service; master HTTP answered from an RPC callback)', () => {
  const { events, bytes } = run('arena');

  it('runs without a mod error', () => {
    expect(problems(events)).toEqual([]);
  });

  it('sends every player from the lobby to an arena, with its transferParam', () => {
    const arrivals = [...printsOn(events, 'game-5000'), ...printsOn(events, 'game-5001')].filter((l) => l.startsWith('arena'));
    expect(arrivals.sort()).toEqual(['100001', '100002', '100003', '100004'].map((uid) => expect.stringMatching(new RegExp(`^arena 500[01] got ${uid} from 4000$`))));
    expect(printsOn(events, 'master').filter((l) => l.startsWith('transfer'))).toHaveLength(4);
  });

  it('scores reach the rank service; the lobby and the master read the same leaderboard', () => {
    const reports = events.filter((e) => e.type === 'send' && e.api === 'NotifyToServiceNode' && e.event === 'ReportScore');
    expect(reports).toHaveLength(4);
    const scores = new Map(reports.map((e) => [(e.data as { uid: number }).uid, (e.data as { score: number }).score]));
    const top = [...scores.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const board = printsOn(events, 'lobby-4000').filter((l) => l.startsWith('top'));
    expect(board.at(-1)).toBe(`top ${top.slice(0, 3).map(([u, s]) => `${u}:${s}`).join(', ')}`);
    const response = events.find((e) => e.type === 'http' && e.detail === 'response');
    expect(JSON.parse(String(response?.data))).toEqual({ code: 0, message: 'success', entity: top.map(([uid, score]) => ({ uid, score })) });
  });

  it('another seed draws other scores; the same seed the same bytes', () => {
    expect(run('arena', load('arena'), 2).bytes).not.toBe(bytes);
    expect(firstDifference(run('arena').bytes, bytes)).toBeNull();
  });
});

describe('the samples are what `switchboard import` makes of their deploy.json', () => {
  for (const name of ['shop', 'arena']) {
    it(name, () => {
      const r = importApollo(diskReader(path.join(SAMPLES, name)), { name, clients: 4 });
      expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
      // The committed file adds only what a user would: options and a scenario step.
      expect(r.project.nodes).toEqual(load(name).nodes);
    });
  }
});
