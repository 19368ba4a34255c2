// The jump targets the replay bar offers (a subset of core/replay's NavKind), with their labels.
import type { NavKind } from '../../core/replay/navigation';

export const JUMPS: readonly { kind: NavKind; label: string }[] = [
  { kind: 'rpc', label: 'RPC' },
  { kind: 'drop', label: 'drop' },
  { kind: 'timeout', label: 'timeout' },
  { kind: 'misuse', label: 'misuse' },
];
