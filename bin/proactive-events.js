#!/usr/bin/env node
// The published entry point: runs the compiled CLI (built by `npm run build`, which `npm install` runs).
import { runCli } from '../dist/cli/main.js';

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`proactive-events: unexpected error: ${error?.stack ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
