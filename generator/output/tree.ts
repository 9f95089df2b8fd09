import { randomBytes } from 'node:crypto';
import { lstat, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { EmittedFile } from '../emitters/emitter.js';
import { onPath } from './errors.js';
import {
  checkOwnership,
  listEntries,
  markerContents,
  markerName,
  recoverLeftovers,
  siblingName,
} from './ownership.js';

/** A file of the output tree: what the emitters wrote, plus the ownership marker. */
type TreeFile = Pick<EmittedFile, 'path' | 'contents'>;

/** The emitted files and the marker listing them: exactly what the output folder holds. */
export function withMarker(files: readonly EmittedFile[]): TreeFile[] {
  const marker = { path: markerName, contents: markerContents(files.map((file) => file.path)) };
  return [...files, marker];
}

/**
 * Replaces `outDir` with exactly `files` (and the marker listing them), when `outDir` is a
 * folder generate owns (see ownership.ts). Everything is written to a sibling staging folder
 * first, the marker last, then swapped in by two renames; a run killed between them is undone
 * by the next one (recoverLeftovers). Failures are OutputErrors naming the path.
 */
export async function writeTree(outDir: string, files: readonly EmittedFile[]): Promise<void> {
  await recoverLeftovers(outDir);
  await checkOwnership(outDir);
  const suffix = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const staging = siblingName(outDir, 'tmp', suffix);
  const previous = siblingName(outDir, 'old', suffix);
  try {
    // The parent is named on failure: the staging folder is an implementation detail.
    await onPath(dirname(outDir), () => mkdir(staging, { recursive: true }));
    for (const file of withMarker(files)) {
      const target = join(staging, file.path);
      await onPath(dirname(outDir), async () => {
        await mkdir(dirname(target), { recursive: true });
        await writeFile(target, file.contents);
      });
    }
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  const hadPrevious = await lstat(outDir).then(
    () => true,
    () => false,
  );
  try {
    if (hadPrevious) await onPath(outDir, () => rename(outDir, previous));
    await onPath(outDir, () => rename(staging, outDir));
  } catch (error) {
    if (hadPrevious) await rename(previous, outDir).catch(() => undefined);
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  if (hadPrevious) await onPath(previous, () => rm(previous, { recursive: true, force: true }));
}

export interface TreeDifference {
  /** Files whose contents differ from what would be generated. */
  readonly stale: string[];
  /** Files that would be generated but do not exist. */
  readonly missing: string[];
  /** Files in the output directory that would not be generated. */
  readonly extra: string[];
}

/** Compares `outDir` (marker included) with what generation would write, writing nothing. */
export async function compareTree(
  outDir: string,
  files: readonly EmittedFile[],
): Promise<TreeDifference> {
  const present = await lstat(outDir).then(
    (stats) => stats.isDirectory(),
    () => false,
  );
  const entries = present ? await listEntries(outDir) : [];
  const existing = new Set(entries.filter((entry) => !entry.folder).map((entry) => entry.path));
  const difference: TreeDifference = { stale: [], missing: [], extra: [] };
  for (const file of withMarker(files)) {
    if (!existing.delete(file.path)) {
      difference.missing.push(file.path);
      continue;
    }
    const path = join(outDir, file.path);
    const current = await onPath(path, () => readFile(path, 'utf8'));
    if (current !== file.contents) difference.stale.push(file.path);
  }
  for (const path of existing) difference.extra.push(path);
  return difference;
}
