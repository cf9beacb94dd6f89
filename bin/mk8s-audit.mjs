#!/usr/bin/env node
// The `mk8s-audit` command: registers tsx so that the TypeScript sources run as they are
// (no build step), then hands over to the CLI.
import { register } from 'tsx/esm/api';

register();
await import(new URL('../cli/main.ts', import.meta.url).href);
