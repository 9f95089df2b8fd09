import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import type { EmittedFile } from '../emitters/emitter.js';

/**
 * Replaces `outDir` with exactly `files`, atomically: everything is written to a sibling
 * temporary directory first, then swapped in by rename. A failure before the swap leaves the
 * previous output untouched.
 */
export async function writeTree(outDir: string, files: readonly EmittedFile[]): Promise<void> {
  const suffix = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const staging = join(dirname(outDir), `.${basename(outDir)}.tmp-${suffix}`);
  const previous = join(dirname(outDir), `.${basename(outDir)}.old-${suffix}`);
  try {
    for (const file of files) {
      const target = join(staging, file.path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, file.contents);
    }
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  const hadPrevious = await rename(outDir, previous).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false;
      throw error;
    },
  );
  try {
    await rename(staging, outDir);
  } catch (error) {
    if (hadPrevious) await rename(previous, outDir);
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  if (hadPrevious) await rm(previous, { recursive: true, force: true });
}

export interface TreeDifference {
  /** Files whose contents differ from what would be generated. */
  readonly stale: string[];
  /** Files that would be generated but do not exist. */
  readonly missing: string[];
  /** Files in the output directory that would not be generated. */
  readonly extra: string[];
}

/** Compares `outDir` with what generation would write, without writing anything. */
export async function compareTree(
  outDir: string,
  files: readonly EmittedFile[],
): Promise<TreeDifference> {
  const existing = new Set(await listFiles(outDir));
  const difference: TreeDifference = { stale: [], missing: [], extra: [] };
  for (const file of files) {
    if (!existing.delete(file.path)) {
      difference.missing.push(file.path);
      continue;
    }
    const current = await readFile(join(outDir, file.path), 'utf8');
    if (current !== file.contents) difference.stale.push(file.path);
  }
  difference.extra.push(...[...existing].sort());
  return difference;
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw error;
    },
  );
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}
