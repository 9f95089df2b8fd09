import { lstat, readdir, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import { OutputError, onPath } from './errors.js';

/**
 * Which output folders `generate` may replace: a missing or empty one, or one holding its
 * marker — a manifest of the files it wrote — and nothing else. Anything else is refused
 * before a single file is touched, so `--out .` or `--out definitions` never deletes anything.
 */

/** The marker's file name, inside the output folder. */
export const markerName = '.proactive-events-generated.json';

const generatorName = 'alexa-proactive-events';

/** The marker for a tree of `paths`: deterministic, so `generate --check` compares it too. */
export function markerContents(paths: readonly string[]): string {
  const marker = {
    generator: generatorName,
    note: 'Written by `proactive-events generate`, which replaces this folder; do not add files here.',
    files: [...paths].sort(),
  };
  return `${JSON.stringify(marker, null, 2)}\n`;
}

/** The files a marker lists, or undefined when `text` is not a marker of this generator. */
function parseMarker(text: string): Set<string> | undefined {
  try {
    const marker = JSON.parse(text) as { generator?: unknown; files?: unknown };
    if (marker.generator !== generatorName || !Array.isArray(marker.files)) return undefined;
    if (!marker.files.every((file) => typeof file === 'string')) return undefined;
    return new Set(marker.files as string[]);
  } catch {
    return undefined;
  }
}

const refusal =
  '(a folder generate owns: missing, empty, or holding only what generate wrote, listed in ' +
  `${markerName}; choose another --out)`;

/** Throws an OutputError unless `outDir` may be replaced by a new tree. */
export async function checkOwnership(outDir: string): Promise<void> {
  const stats = await lstat(outDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw new OutputError(outDir, `cannot be examined: ${error.code ?? 'unknown error'}`);
  });
  if (stats === undefined) return;
  if (stats.isSymbolicLink()) {
    throw new OutputError(outDir, `is a symbolic link, not a folder ${refusal}`);
  }
  if (!stats.isDirectory()) throw new OutputError(outDir, `is a file, not a folder ${refusal}`);
  const entries = await listEntries(outDir);
  if (entries.length === 0) return;
  const markerText = await readFile(join(outDir, markerName), 'utf8').catch(() => undefined);
  const owned = markerText === undefined ? undefined : parseMarker(markerText);
  if (!owned) {
    throw new OutputError(outDir, `holds files generate did not write ${refusal}`);
  }
  const folders = new Set<string>();
  for (const file of owned) {
    for (let dir = dirname(file); dir !== '.' && dir !== '/'; dir = dirname(dir)) folders.add(dir);
  }
  for (const entry of entries) {
    const mine = entry.folder ? folders.has(entry.path) : owned.has(entry.path);
    if (!mine && entry.path !== markerName) {
      throw new OutputError(
        join(outDir, entry.path),
        `generate did not write this ${entry.folder ? 'folder' : 'file'}, and replacing the output would delete it ${refusal}`,
      );
    }
  }
}

/** Every entry below `dir` (not following links), as `/`-separated relative paths. */
export async function listEntries(dir: string): Promise<{ path: string; folder: boolean }[]> {
  const entries = await onPath(dir, () => readdir(dir, { recursive: true, withFileTypes: true }));
  return entries
    .map((entry) => ({
      path: relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'),
      folder: entry.isDirectory(),
    }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The sibling names a replacement of `outDir` uses: `.<name>.tmp-<pid>-<hex>` and `.old-`. */
export function siblingName(outDir: string, kind: 'tmp' | 'old', suffix: string): string {
  return join(dirname(outDir), `.${basename(outDir)}.${kind}-${suffix}`);
}

function leftoverPattern(outDir: string): RegExp {
  const name = basename(outDir).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^\\.${name}\\.(tmp|old)-(\\d+)-[0-9a-f]{8}$`);
}

/**
 * Finishes or undoes a replacement a killed run left half done. A run killed while staging leaves
 * `.tmp-*` (removed); one killed between its two renames leaves `.old-*` and no output (the old
 * tree is put back); one killed before removing `.old-*` leaves it beside the new output
 * (removed). Leftovers of a run that is still alive are not touched.
 */
export async function recoverLeftovers(outDir: string): Promise<void> {
  const parent = dirname(outDir);
  const names = await readdir(parent).catch(() => [] as string[]);
  const pattern = leftoverPattern(outDir);
  const leftovers = names
    .map((name) => ({ name, match: pattern.exec(name) }))
    .filter(({ match }) => match !== null && !isAlive(Number(match[2])))
    .map(({ name, match }) => ({ path: join(parent, name), kind: match![1] as 'tmp' | 'old' }))
    .sort((a, b) => (a.path < b.path ? -1 : 1));
  for (const old of leftovers.filter((leftover) => leftover.kind === 'old')) {
    const present = await lstat(outDir).then(
      () => true,
      () => false,
    );
    if (present) await onPath(old.path, () => rm(old.path, { recursive: true, force: true }));
    else await onPath(outDir, () => rename(old.path, outDir));
  }
  for (const staging of leftovers.filter((leftover) => leftover.kind === 'tmp')) {
    await onPath(staging.path, () => rm(staging.path, { recursive: true, force: true }));
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
