// Where the recorder mod's developer_mods folder is (tests and benches load it into the runner).
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const RECORDER_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'switchboardRecorder', 'developer_mods', 'switchboardRecorderDev');
