/**
 * The outbox: a JSON-lines file of events that finally failed, so a batch run never loses an event and
 * the failures can be resent later (`proactive-events send --resend-outbox FILE`). One line per event,
 * appended as failures happen, so a crash mid-run keeps what was already recorded.
 */
import { appendFile, readFile } from 'node:fs/promises';
import { ProactiveEventsError } from '../errors.js';
import { redactSecrets } from './redact.js';

export interface OutboxEntry {
  /** ISO 8601 time of the final failure. */
  failedAt: string;
  /** Why it failed (the error message; secret-free). */
  reason: string;
  /** HTTP status when Amazon answered. */
  status?: number;
  hint?: string;
  /** An attempt may have reached Amazon: the event may have been delivered (see FailureInfo). */
  maybeDelivered?: true;
  /** The event exactly as it was given to the sender. */
  event: unknown;
}

/** A line of an outbox file that is not an entry. */
export class OutboxFormatError extends ProactiveEventsError {
  readonly file: string;
  readonly line: number;
  constructor(file: string, line: number, detail: string) {
    super(`${file}:${line}: not an outbox entry: ${detail}`);
    this.name = 'OutboxFormatError';
    this.file = file;
    this.line = line;
  }
}

/**
 * Appends entries to one file in call order. Appends are chained rather than issued in parallel so
 * concurrent failures can never interleave inside a line.
 */
export class OutboxWriter {
  readonly file: string;
  #chain: Promise<void> = Promise.resolve();
  #error: unknown;
  #written = 0;

  constructor(file: string) {
    this.file = file;
  }

  append(entry: OutboxEntry): void {
    // Secrets never reach disk: the one redaction step applies to outbox lines too.
    const line = `${redactSecrets(JSON.stringify(entry))}\n`;
    this.#chain = this.#chain.then(async () => {
      if (this.#error !== undefined) return;
      try {
        await appendFile(this.file, line, 'utf8');
        this.#written++;
      } catch (error) {
        this.#error = error;
      }
    });
  }

  /** Waits for pending appends; resolves to the number written, rejects with the first write error. */
  async flush(): Promise<number> {
    await this.#chain;
    if (this.#error !== undefined) throw this.#error;
    return this.#written;
  }
}

/** Reads an outbox back. Blank lines are skipped; anything else that is not an entry is an error. */
export async function readOutbox(file: string): Promise<OutboxEntry[]> {
  return parseOutbox(await readFile(file, 'utf8'), file);
}

export function parseOutbox(text: string, file = 'outbox'): OutboxEntry[] {
  const entries: OutboxEntry[] = [];
  const lines = text.split('\n');
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new OutboxFormatError(
        file,
        i + 1,
        error instanceof Error ? error.message : String(error),
      );
    }
    if (
      value === null ||
      typeof value !== 'object' ||
      Array.isArray(value) ||
      !('event' in value)
    ) {
      throw new OutboxFormatError(file, i + 1, 'expected an object with an "event" property');
    }
    entries.push(value as OutboxEntry);
  }
  return entries;
}
