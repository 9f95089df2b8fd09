/**
 * The send journal: a JSON-lines file that makes a batch send resumable after SIGINT, SIGKILL or a
 * crash, without sending any confirmed event twice and without losing any unconfirmed one.
 *
 * Lines, in the order they are written:
 * - a header `{"journal":"alexa-proactive-events/send","version":1,…}`;
 * - one `{"e":index,"source":…,"body":…}` per event, holding the exact JSON that is POSTed
 *   (`body` is absent for an event that could not be serialized);
 * - `{"ready":count}` once every event line is on disk (fsynced): nothing is POSTed before it, so a
 *   journal without it recorded a run that sent nothing;
 * - `{"s":index}` before an event's first POST of a run (on disk before the request is written), so a
 *   resume knows the attempt may have reached Amazon and reads a 409 as "already delivered";
 * - `{"d":index,"state":"sent"|"duplicate"|"failed",…}` once the event's final state is known.
 *
 * Writes use one file descriptor and synchronous `write`, so a line reaches the OS before the request
 * it announces is made (that survives SIGKILL); `fdatasync` is batched (group commit) and awaited
 * only before POSTs, so power loss can lose at most outcomes, which a resume then re-checks.
 */
import { closeSync, fdatasync, fstatSync, openSync, readFileSync, writeSync } from 'node:fs';
import { ProactiveEventsError } from '../errors.js';
import { redactSecrets } from './redact.js';

export const JOURNAL_FORMAT = 'alexa-proactive-events/send';

export interface JournalEvent {
  index: number;
  /** Where the event came from (a file and position), for messages. */
  source?: string;
  /** The serialized event; undefined when it could not be serialized. */
  body?: string;
}

export type FinalState = 'sent' | 'duplicate' | 'failed';

export interface JournalOutcome {
  state: FinalState;
  httpStatus?: number;
  reason?: string;
  hint?: string;
  /** A failed event one of whose attempts may have reached Amazon (see FailureInfo). */
  maybeDelivered?: true;
}

/** A journal that cannot be used (not a journal, written by a run that never started sending). */
export class JournalError extends ProactiveEventsError {
  constructor(message: string) {
    super(message);
    this.name = 'JournalError';
  }
}

export interface JournalState {
  events: JournalEvent[];
  /** Indexes with a `s` line: a POST may have been made. */
  started: Set<number>;
  /** Final states by index. */
  finished: Map<number, JournalOutcome>;
  /** Lines that could not be read (a line torn by a crash); their information is re-derived. */
  unreadableLines: number;
}

export class SendJournal {
  readonly file: string;
  #fd: number | undefined;
  #syncing: Promise<void> | undefined;
  #pendingSync: Promise<void> | undefined;
  #dirty = false;

  private constructor(file: string, fd: number) {
    this.file = file;
    this.#fd = fd;
  }

  /**
   * Creates a new journal holding `events` and makes it durable before returning. Refuses to
   * overwrite an existing file (it may be the only record of another run).
   */
  static async create(file: string, events: readonly JournalEvent[]): Promise<SendJournal> {
    let fd: number;
    try {
      fd = openSync(file, 'wx');
    } catch (error) {
      const code = (error as { code?: string }).code;
      throw new JournalError(
        code === 'EEXIST'
          ? `${file}: the journal already exists; resume it with --resume, or name a new file`
          : `${file}: cannot create the journal: ${code ?? String(error)}`,
      );
    }
    const journal = new SendJournal(file, fd);
    const lines = [
      JSON.stringify({ journal: JOURNAL_FORMAT, version: 1, createdAt: new Date().toISOString() }),
    ];
    for (const event of events) {
      lines.push(
        JSON.stringify({
          e: event.index,
          ...(event.source === undefined ? {} : { source: event.source }),
          ...(event.body === undefined ? {} : { body: event.body }),
        }),
      );
    }
    journal.#write(`${lines.join('\n')}\n`);
    await journal.#sync();
    journal.#write(`${JSON.stringify({ ready: events.length })}\n`);
    await journal.#sync();
    return journal;
  }

  /** Opens an existing journal for appending, with what it recorded so far. */
  static open(file: string): { journal: SendJournal; state: JournalState } {
    const state = readJournal(file);
    let fd: number;
    try {
      fd = openSync(file, 'a');
    } catch (error) {
      throw new JournalError(
        `${file}: cannot open the journal for writing: ${(error as { code?: string }).code ?? String(error)}`,
      );
    }
    const journal = new SendJournal(file, fd);
    // A crash may have torn the last line; start on a fresh one so the next record stays readable.
    if (fstatSync(fd).size > 0 && !readFileSync(file, 'utf8').endsWith('\n')) journal.#write('\n');
    return { journal, state };
  }

  /** Records that the event's first POST of this run is about to go out; resolves once on disk. */
  started(index: number): Promise<void> {
    this.#write(`{"s":${index}}\n`);
    return this.#syncSoon();
  }

  /** Records the event's final state (made durable with the next batch). */
  finished(index: number, outcome: JournalOutcome): void {
    this.#write(`${JSON.stringify({ d: index, ...outcome })}\n`);
    void this.#syncSoon().catch(() => undefined);
  }

  /** Makes everything durable and closes the file. */
  async close(): Promise<void> {
    if (this.#fd === undefined) return;
    await this.#pendingSync?.catch(() => undefined);
    await this.#sync();
    closeSync(this.#fd);
    this.#fd = undefined;
  }

  #write(text: string): void {
    if (this.#fd === undefined) throw new JournalError(`${this.file}: the journal is closed`);
    // Secrets never reach disk: the one redaction step applies to journal lines too.
    const buffer = Buffer.from(redactSecrets(text), 'utf8');
    let offset = 0;
    while (offset < buffer.length) offset += writeSync(this.#fd, buffer, offset);
    this.#dirty = true;
  }

  /** Group commit: every caller until the next fdatasync starts shares it. */
  #syncSoon(): Promise<void> {
    this.#pendingSync ??= (async () => {
      await this.#syncing;
      this.#pendingSync = undefined;
      await this.#sync();
    })();
    return this.#pendingSync;
  }

  #sync(): Promise<void> {
    const fd = this.#fd;
    if (fd === undefined || !this.#dirty) return Promise.resolve();
    this.#dirty = false;
    const done = new Promise<void>((resolve, reject) => {
      fdatasync(fd, (error) => (error ? reject(error) : resolve()));
    });
    const tracked: Promise<void> = done
      .catch(() => undefined)
      .finally(() => {
        if (this.#syncing === tracked) this.#syncing = undefined;
      });
    this.#syncing = tracked;
    return done;
  }
}

/** Reads a journal's records. Throws JournalError when the file is not a usable journal. */
export function readJournal(file: string): JournalState {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new JournalError(
      `${file}: cannot read the journal: ${code === 'ENOENT' ? 'no such file' : (code ?? String(error))}`,
    );
  }
  const lines = text.split('\n');
  const header = safeParse(lines[0] ?? '');
  if (header?.journal !== JOURNAL_FORMAT) {
    throw new JournalError(`${file}:1: not a send journal (expected a "${JOURNAL_FORMAT}" header)`);
  }
  if (header.version !== 1) {
    throw new JournalError(`${file}:1: journal version ${String(header.version)}; expected 1`);
  }
  const state: JournalState = {
    events: [],
    started: new Set(),
    finished: new Map(),
    unreadableLines: 0,
  };
  let ready = false;
  for (const [i, line] of lines.entries()) {
    if (i === 0 || line.trim() === '') continue;
    const record = safeParse(line);
    if (record === undefined) {
      state.unreadableLines++;
      continue;
    }
    if (typeof record.e === 'number' && !ready) {
      state.events.push({
        index: record.e,
        ...(typeof record.source === 'string' ? { source: record.source } : {}),
        ...(typeof record.body === 'string' ? { body: record.body } : {}),
      });
    } else if (typeof record.ready === 'number') {
      if (record.ready !== state.events.length) {
        throw new JournalError(
          `${file}:${i + 1}: the journal announces ${record.ready} events but holds ${state.events.length}`,
        );
      }
      ready = true;
    } else if (typeof record.s === 'number') {
      state.started.add(record.s);
    } else if (typeof record.d === 'number' && isFinalState(record.state)) {
      state.finished.set(record.d, {
        state: record.state,
        ...(typeof record.httpStatus === 'number' ? { httpStatus: record.httpStatus } : {}),
        ...(typeof record.reason === 'string' ? { reason: record.reason } : {}),
        ...(typeof record.hint === 'string' ? { hint: record.hint } : {}),
        ...(record.maybeDelivered === true ? { maybeDelivered: true as const } : {}),
      });
    } else {
      state.unreadableLines++;
    }
  }
  if (!ready) {
    throw new JournalError(
      `${file}: the journal was never completed, so that run sent nothing; send the original files again with a new journal`,
    );
  }
  return state;
}

function isFinalState(value: unknown): value is FinalState {
  return value === 'sent' || value === 'duplicate' || value === 'failed';
}

function safeParse(line: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(line);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
