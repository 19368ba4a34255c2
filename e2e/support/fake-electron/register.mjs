// `node --import ./register.mjs out/main/index.js`: runs the built Electron main process with
// `electron` resolved to ./electron.mjs (the binary cannot be installed here).
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
