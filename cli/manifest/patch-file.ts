/**
 * `manifest --write FILE`: read the file, merge the block in (project.js or skill.json), and
 * write it back atomically, only if something changed; or, with dryRun, return the diff.
 */
import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { unifiedDiff } from './diff.js';
import type { PatchRequest } from './merge.js';

export type PatchFormat = 'jovo' | 'skill-json';

export interface PatchFileOptions extends PatchRequest {
  readonly file: string;
  readonly format: PatchFormat;
  readonly dryRun?: boolean;
}

export interface PatchFileResult {
  readonly changed: boolean;
  /** The unified diff of the change ('' when nothing changes). */
  readonly diff: string;
  readonly notes: readonly string[];
}

/**
 * Throws ManifestPatchError (file refused, nothing written) or the read error (the caller maps
 * ENOENT and friends to a usage error).
 */
export async function patchFile(options: PatchFileOptions): Promise<PatchFileResult> {
  const { file } = options;
  const before = await readFile(file, 'utf8');
  const patch =
    options.format === 'jovo'
      ? (await import('./patch-project-js.js')).patchProjectJs
      : (await import('./patch-skill-json.js')).patchSkillJson;
  const { text: after, notes } = patch(before, file, options);
  const changed = after !== before;
  const diff = changed ? unifiedDiff(before, after, file) : '';
  if (changed && !options.dryRun) await writeAtomically(file, after);
  return { changed, diff, notes };
}

/** Writes a sibling temporary file with the same mode, then renames it over `file`. */
export async function writeAtomically(file: string, contents: string): Promise<void> {
  const { mode } = await stat(file);
  const temporary = join(
    dirname(file),
    `.${basename(file)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`,
  );
  try {
    await writeFile(temporary, contents, { mode });
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
