#!/usr/bin/env node
// The rigcast-hub bin: lets Node load the hub's TypeScript through tsx, then runs the CLI.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
