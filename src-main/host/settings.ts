// Host settings that are not part of a project: the live-run cap and the recordings budget. Read
// from the environment (both shells) and overridden by `serve` options; a value that is not a
// positive whole number is ignored with a warning, never a reason not to start.
import type { HostOptions } from './host';

export interface HostLimits {
  liveEvents?: number;
  recordingsBudgetBytes?: number;
}

export const SETTINGS_ENV = {
  liveEvents: 'SWITCHBOARD_LIVE_EVENTS',
  recordingsMb: 'SWITCHBOARD_RECORDINGS_MB',
} as const;

function positive(name: string, raw: string | undefined, warn: (m: string) => void): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (Number.isSafeInteger(n) && n > 0) return n;
  warn(`${name}=${JSON.stringify(raw)} is not a positive whole number; using the default`);
  return undefined;
}

export function hostLimitsFromEnv(env: NodeJS.ProcessEnv = process.env, warn: (m: string) => void = (m) => process.stderr.write(`switchboard: ${m}\n`)): HostLimits {
  const liveEvents = positive(SETTINGS_ENV.liveEvents, env[SETTINGS_ENV.liveEvents], warn);
  const mb = positive(SETTINGS_ENV.recordingsMb, env[SETTINGS_ENV.recordingsMb], warn);
  return { liveEvents, recordingsBudgetBytes: mb === undefined ? undefined : mb * 1024 * 1024 };
}

/** Only the limits that are set (so they do not override HostOptions defaults with undefined). */
export function limitOptions(l: HostLimits): Pick<HostOptions, 'liveEvents' | 'recordingsBudgetBytes'> {
  return { ...(l.liveEvents !== undefined ? { liveEvents: l.liveEvents } : {}), ...(l.recordingsBudgetBytes !== undefined ? { recordingsBudgetBytes: l.recordingsBudgetBytes } : {}) };
}
