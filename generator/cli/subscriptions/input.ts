/**
 * Reads the request files of `subscriptions apply`: each holds one request or an array of them.
 * A file that cannot be read or is not JSON is a usage problem (exit 2) reported with
 * file:line:column; a request that is JSON but not a valid request is reported by the validator.
 */
import { readFile } from 'node:fs/promises';
import { CliError, ExitCode } from '../errors.js';

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

/** 1-based line and column of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length, column: (lines[lines.length - 1] ?? '').length + 1 };
}

/**
 * Where JSON.parse stopped. V8 (Node 20) says "… at position N"; newer versions add "(line L
 * column C)"; "Unexpected end of JSON input" means the text ended early.
 */
export function jsonErrorPosition(text: string, message: string): { line: number; column: number } {
  const explicit = /line (\d+) column (\d+)/.exec(message);
  if (explicit) return { line: Number(explicit[1]), column: Number(explicit[2]) };
  const position = /at position (\d+)/.exec(message);
  return lineAndColumn(text, position ? Number(position[1]) : text.length);
}

/** Parses JSON text, turning a syntax error into `file:line:column: message` (exit 2). */
export function parseJsonFile(file: string, raw: string): unknown {
  // A byte order mark is legal in a file but not in JSON.parse's input.
  const text = raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const { line, column } = jsonErrorPosition(text, message);
    throw new CliError(`${file}:${line}:${column}: malformed JSON: ${message}`, ExitCode.usage);
  }
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
    let parsed: unknown;
    try {
      parsed = parseJsonFile(file, raw);
    } catch (error) {
      problems.push((error as Error).message);
      continue;
    }
    if (Array.isArray(parsed)) {
      parsed.forEach((request: unknown, index) => requests.push({ file, index, request }));
    } else {
      requests.push({ file, index: undefined, request: parsed });
    }
  }
  if (problems.length > 0) throw new CliError(problems.join('\n'), ExitCode.usage);
  return requests;
}
