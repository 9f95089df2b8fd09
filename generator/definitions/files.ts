import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describeFsError } from '../output/errors.js';
import type { Problem } from './problems.js';
import { fileProblem } from './source.js';

/** What a definition file's name ends with: any case, so `.YAML` is read like `.yaml`. */
export const definitionExtension = /\.(ya?ml|json)$/i;

/** The file that describes the format itself; it lives beside the definitions and is not one. */
const formatFile = 'definition.schema.json';

export interface DefinitionFiles {
  /** Paths of envelope.* in the definitions folder (exactly one is expected). */
  readonly envelopes: string[];
  /** Paths of the event definitions, below events/ at any depth, sorted. */
  readonly events: string[];
  /** Every file that is neither, and every entry that could not be read. */
  readonly problems: Problem[];
}

/**
 * Every file below the definitions folder is loaded or reported: symbolic links are followed
 * (a folder reached twice through links is a loop, reported once), and files that are no
 * definition, unreadable folders and broken links are problems naming their path. Hidden
 * entries (editors' swap files, .DS_Store) are ignored.
 */
export async function findDefinitionFiles(
  definitionsDir: string,
  display: (path: string) => string,
): Promise<DefinitionFiles> {
  const found: DefinitionFiles = { envelopes: [], events: [], problems: [] };
  const report = (path: string, message: string) =>
    found.problems.push(fileProblem(display(path), message));
  const root = await entriesOf(definitionsDir, report);
  if (!root) return found;
  const visited = new Set<string>();
  const rootReal = await realpath(definitionsDir).catch(() => definitionsDir);
  visited.add(rootReal);
  for (const name of root) {
    const path = join(definitionsDir, name);
    const kind = await kindOf(path, report);
    if (kind === 'file' && /^envelope\.(ya?ml|json)$/i.test(name)) found.envelopes.push(path);
    else if (kind === 'file' && name === formatFile) continue;
    else if (kind === 'folder' && name === 'events') await walkEvents(path, visited, found, report);
    else if (kind !== undefined) {
      report(
        path,
        `is not a definition (envelope.yaml and events/<name>.yaml here, besides ${formatFile})`,
      );
    }
  }
  found.events.sort();
  return found;
}

async function walkEvents(
  dir: string,
  visited: Set<string>,
  found: DefinitionFiles,
  report: (path: string, message: string) => void,
): Promise<void> {
  const real = await realpath(dir).catch(() => dir);
  if (visited.has(real)) {
    report(dir, 'symbolic links lead back to a folder already read (a link that forms no loop)');
    return;
  }
  visited.add(real);
  const names = await entriesOf(dir, report);
  for (const name of names ?? []) {
    const path = join(dir, name);
    const kind = await kindOf(path, report);
    if (kind === 'folder') await walkEvents(path, visited, found, report);
    else if (kind === 'file' && definitionExtension.test(name)) found.events.push(path);
    else if (kind !== undefined) {
      report(path, 'is not an event definition (a .yaml, .yml or .json file)');
    }
  }
}

/** The visible names in `dir`, sorted, or undefined after reporting why it cannot be read. */
async function entriesOf(
  dir: string,
  report: (path: string, message: string) => void,
): Promise<string[] | undefined> {
  try {
    return (await readdir(dir)).filter((name) => !name.startsWith('.')).sort();
  } catch (error) {
    report(dir, `cannot be read: ${describeFsError(error)}`);
    return undefined;
  }
}

/** What `path` is once links are followed, or undefined after reporting why it cannot be. */
async function kindOf(
  path: string,
  report: (path: string, message: string) => void,
): Promise<'file' | 'folder' | 'other' | undefined> {
  try {
    const stats = await stat(path);
    return stats.isDirectory() ? 'folder' : stats.isFile() ? 'file' : 'other';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    report(
      path,
      code === 'ENOENT'
        ? 'is a broken symbolic link (a link to an existing file)'
        : `cannot be read: ${describeFsError(error)}`,
    );
    return undefined;
  }
}
