#!/usr/bin/env node
// The JavaScript Node loads from the package: every public entry point (the `default` targets
// under dist/bundle/ in package.json's `exports`) bundled from tsc's output in dist/, with shared
// chunks. Run after tsc by `npm run build`.
//
// Why: Node loads ES modules one file at a time, and the root entry was ~50 files (the generated
// modules and the runtime barrel): importing it cost about as much as ask-sdk-core + ask-sdk-model.
// A file per entry plus a few shared chunks loads several times faster. Code splitting, rather than
// one bundle per entry, keeps each class defined once, so `instanceof` holds across the root and
// the subpaths. Bundlers are pointed at tsc's files instead (the `module` condition), where
// `sideEffects: false` lets them drop whole unused modules (undici with the client) file by file.
//
// tsc's dist/generated/ imports the runtime by its public name; those imports become relative here,
// so the CLI (which runs tsc's files) never loads a second copy of the runtime through the bundle.
// A module generated into a user's project keeps the name, and gets the bundle (or tsc's files,
// in a bundler) like the root does.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { build } from 'esbuild';
import { nodeBundleOptions } from './node-bundle.mjs';

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');
const bundleDir = join(dist, 'bundle');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

const runtimeName = `${manifest.name}/runtime`;
const runtimeEntry = join(dist, 'runtime', 'index.js');
const byName = new RegExp(`(\\bfrom\\s+)(['"])${runtimeName.replace('/', '\\/')}\\2`, 'g');
for (const entry of readdirSync(join(dist, 'generated'), {
  recursive: true,
  withFileTypes: true,
})) {
  if (!entry.isFile() || !entry.name.endsWith('.js')) continue;
  const path = join(entry.parentPath, entry.name);
  const target = relative(dirname(path), runtimeEntry).replaceAll('\\', '/');
  const specifier = target.startsWith('.') ? target : `./${target}`;
  const text = readFileSync(path, 'utf8');
  const rewritten = text.replace(byName, (_, from, quote) => `${from}${quote}${specifier}${quote}`);
  if (rewritten !== text) writeFileSync(path, rewritten);
}

const entryPoints = Object.values(manifest.exports)
  .map((target) => target?.import?.default)
  .filter((path) => typeof path === 'string' && path.startsWith('./dist/bundle/'))
  .map((path) => join(dist, path.slice('./dist/bundle/'.length)));
if (entryPoints.length === 0) {
  process.stderr.write('bundle-entries: no export points into dist/bundle/\n');
  process.exit(2);
}

rmSync(bundleDir, { recursive: true, force: true });
await build({
  entryPoints,
  outbase: dist,
  outdir: bundleDir,
  ...nodeBundleOptions,
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
});
process.stdout.write(`bundled ${entryPoints.length} entry points into dist/bundle/\n`);
