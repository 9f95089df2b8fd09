/**
 * Reads the events `send` is given: JSON files holding one event or an array of events, and outbox
 * files (JSON lines) from an earlier run. Anything unreadable is a usage error (exit 2) that names the
 * file and, for malformed JSON, the line and column.
 */
import { readFile } from 'node:fs/promises';
import { OutboxFormatError, parseOutbox } from '../runtime/client/outbox.js';
import { CliError, ExitCode } from './errors.js';
import { parseJson } from './json-position.js';

export interface SourcedEvent {
  event: unknown;
  /** Where the event came from, for messages: `file.json`, `file.json[3]`, `outbox.jsonl#2`. */
  source: string;
}

async function readText(file: string, what: string): Promise<string> {
  try {
    // A UTF-8 byte order mark is legal in files but not in JSON.parse input.
    return (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  } catch (error) {
    const code = (error as { code?: string }).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory'
          : String(code ?? error);
    throw new CliError(`${file}: cannot read ${what}: ${reason}`, ExitCode.usage);
  }
}

export async function readEventFile(file: string): Promise<SourcedEvent[]> {
  const text = await readText(file, 'the event file');
  const parsed = parseJson(file, text);
  if (!parsed.ok) throw new CliError(parsed.problem, ExitCode.usage);
  const value = parsed.value;
  if (Array.isArray(value)) {
    return value.map((event, i) => ({ event, source: `${file}[${i}]` }));
  }
  return [{ event: value, source: file }];
}

export async function readOutboxFile(file: string): Promise<SourcedEvent[]> {
  const text = await readText(file, 'the outbox');
  try {
    return parseOutbox(text, file).map((entry, i) => ({
      event: entry.event,
      source: `${file}#${i + 1}`,
    }));
  } catch (error) {
    if (error instanceof OutboxFormatError) throw new CliError(error.message, ExitCode.usage);
    throw error;
  }
}
