import { describe, expect, it } from 'vitest';
import { hostLimitsFromEnv, limitOptions } from './settings';

describe('host settings from the environment', () => {
  it('reads the live-run cap and the recordings budget; ignores bad values with a warning', () => {
    expect(hostLimitsFromEnv({ SWITCHBOARD_LIVE_EVENTS: '500000', SWITCHBOARD_RECORDINGS_MB: '100' }, () => {})).toEqual({ liveEvents: 500000, recordingsBudgetBytes: 100 * 1024 * 1024 });
    const warnings: string[] = [];
    expect(hostLimitsFromEnv({ SWITCHBOARD_LIVE_EVENTS: '-3', SWITCHBOARD_RECORDINGS_MB: 'lots' }, (m) => warnings.push(m))).toEqual({ liveEvents: undefined, recordingsBudgetBytes: undefined });
    expect(warnings).toEqual(['SWITCHBOARD_LIVE_EVENTS="-3" is not a positive whole number; using the default', 'SWITCHBOARD_RECORDINGS_MB="lots" is not a positive whole number; using the default']);
    expect(limitOptions({})).toEqual({});
  });
});
