import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { createHash } from 'node:crypto';
import { loadModel } from '../../generator/model/load.js';
import type { Model } from '../../generator/model/types.js';

export const repoRoot = join(import.meta.dirname, '..', '..');
export const realDefinitions = join(repoRoot, 'definitions');

let realModelLoaded: Promise<Model> | undefined;

/**
 * The model of the repository's definitions, loaded once per test worker: it is deep-frozen, so
 * files can share it, and a dozen files loading it afresh cost seconds of the suite.
 */
export function realModel(): Promise<Model> {
  realModelLoaded ??= loadModel(realDefinitions);
  return realModelLoaded;
}

/**
 * A scratch copy of a definitions directory that a test may break; removed by `dispose`.
 * With `only`, just envelope.yaml and those files (paths relative to `from`) are copied: loading
 * one schema is a fraction of the cost of loading all of them.
 */
export async function scratchDefinitions(
  from = realDefinitions,
  only?: readonly string[],
): Promise<{
  root: string;
  definitions: string;
  out: string;
  write(relativePath: string, text: string): Promise<void>;
  edit(relativePath: string, change: (text: string) => string): Promise<void>;
  remove(relativePath: string): Promise<void>;
  dispose(): Promise<void>;
}> {
  // Inside the repository, so emitted imports of runtime/ resolve as they do for generated/.
  const root = await mkdtemp(join(repoRoot, '.scratch-test-'));
  const definitions = join(root, 'definitions');
  if (only) {
    for (const path of ['envelope.yaml', ...only])
      await cp(join(from, path), join(definitions, path));
  } else {
    await cp(from, definitions, { recursive: true });
  }
  return {
    root,
    definitions,
    out: join(root, 'generated'),
    write: (path, text) => writeFile(join(definitions, path), text),
    edit: async (path, change) =>
      writeFile(join(definitions, path), change(await readFile(join(definitions, path), 'utf8'))),
    remove: (path) => rm(join(definitions, path)),
    dispose: () => rm(root, { recursive: true, force: true }),
  };
}

/** path → sha256 of every file below `dir`, to prove a run wrote (or changed) nothing. */
export async function snapshotTree(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const result: Record<string, string> = {};
  for (const entry of entries.filter((candidate) => candidate.isFile())) {
    const path = join(entry.parentPath, entry.name);
    result[relative(dir, path)] = createHash('sha256')
      .update(await readFile(path))
      .digest('hex');
  }
  return result;
}
