/**
 * Reads the request files of `subscriptions apply`: each holds one request or an array of them.
 * A file that cannot be read or is not JSON is a usage problem (exit 2) reported with
 * file:line:column; a request that is JSON but not a valid request is reported by the validator.
 */
import { readFile } from 'node:fs/promises';
import { CliError, ExitCode } from '../errors.js';
import { parseJson } from '../json-position.js';

/** One request and where it came from: `index` is undefined when the file holds a single request. */
export interface SourcedRequest {
  readonly file: string;
  readonly index: number | undefined;
  readonly request: unknown;
}

/** `file` or `file[3]`: how messages name a request. */
export function label(source: Pick<SourcedRequest, 'file' | 'index'>): string {
  return source.index === undefined ? source.file : `${source.file}[${source.index}]`;
}

/** Reads every file (all of them, so one run reports every unreadable or malformed one). */
export async function readRequestFiles(files: readonly string[]): Promise<SourcedRequest[]> {
  const problems: string[] = [];
  const requests: SourcedRequest[] = [];
  for (const file of files) {
    let raw: string;
    try {
      raw = await readFile(file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const reason =
        code === 'ENOENT'
          ? 'no such file'
          : code === 'EISDIR'
            ? 'it is a directory'
            : String(error);
      problems.push(`${file}: cannot read: ${reason}`);
      continue;
    }
    const parsed = parseJson(file, raw);
    if (!parsed.ok) {
      problems.push(parsed.problem);
      continue;
    }
    if (Array.isArray(parsed.value)) {
      parsed.value.forEach((request: unknown, index) => requests.push({ file, index, request }));
    } else {
      requests.push({ file, index: undefined, request: parsed.value });
    }
  }
  if (problems.length > 0) throw new CliError(problems.join('\n'), ExitCode.usage);
  return requests;
}
