import { relative, sep } from 'node:path';

/**
 * A file-system failure of the generator, as one line: `path: what (expected)`. The CLI prints
 * the message as is; nothing was deleted or half-written when it is thrown.
 */
export class OutputError extends Error {
  constructor(
    readonly path: string,
    what: string,
  ) {
    super(`${displayPath(path)}: ${what}`);
    this.name = 'OutputError';
  }
}

/** `path` relative to the working directory when it lies below it, with forward slashes. */
export function displayPath(path: string): string {
  const shown = relative(process.cwd(), path);
  if (shown === '') return '.';
  if (shown.startsWith('..')) return path;
  return shown.split(sep).join('/');
}

/** What an errno error means, in words, with what was expected. */
export function describeFsError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied (a path you may read and write)';
    case 'ENOENT':
      return 'does not exist (an existing folder)';
    case 'ENOTDIR':
      return 'a file stands where a folder is needed (a folder)';
    case 'EISDIR':
      return 'is a folder (a file)';
    case 'EROFS':
      return 'the file system is read-only (a writable folder)';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'ELOOP':
      return 'symbolic links form a loop';
    case 'EEXIST':
      return 'already exists';
    default:
      return typeof code === 'string'
        ? `the file system refused (${code})`
        : 'could not be accessed';
  }
}

/** Runs a file-system step, turning an errno error into an OutputError naming `path`. */
export async function onPath<T>(path: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof OutputError) throw error;
    throw new OutputError(errorPath(error) ?? path, describeFsError(error));
  }
}

function errorPath(error: unknown): string | undefined {
  const path = (error as { path?: unknown } | null)?.path;
  return typeof path === 'string' ? path : undefined;
}
