#!/usr/bin/env node
// Writes a CommonJS twin (`.d.cts`) of every declaration file under the given folder (dist/).
//
// The package is ES modules; Node >= 20.19 `require()`s them as they are, so the JavaScript needs
// no CommonJS build. TypeScript, though, types a `require` of an ES module only under
// `moduleResolution: nodenext`; a CommonJS project on `node16` needs declarations that say they
// are CommonJS. package.json's `require` condition points at these twins, whose relative imports
// point at each other (`./x.cjs` is typed by `./x.d.cts`).
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const root = process.argv[2];
if (!root) {
  process.stderr.write('usage: node scripts/cjs-types.mjs DIST_FOLDER\n');
  process.exit(2);
}

const relativeJs = /(from\s+|import\s*\(\s*)(['"])(\.{1,2}\/[^'"]+)\.js\2/g;

let count = 0;
for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith('.d.ts')) continue;
  const path = join(entry.parentPath ?? entry.path, entry.name);
  const text = await readFile(path, 'utf8');
  const twin = text.replace(
    relativeJs,
    (_, before, quote, specifier) => `${before}${quote}${specifier}.cjs${quote}`,
  );
  await writeFile(path.replace(/\.d\.ts$/, '.d.cts'), twin);
  count += 1;
}
process.stdout.write(`wrote ${count} .d.cts declaration files in ${root}/\n`);
