#!/usr/bin/env node
// The `switchboard` command: runs the TypeScript CLI (src-main/cli/main.ts) through tsx's loader,
// so the CLI works from a fresh clone without a build step.
import { register } from 'tsx/esm/api';

register();
await import('../src-main/cli/main.ts');
