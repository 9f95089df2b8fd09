/**
 * Sending a batch: a fixed number of workers pull events in order and each event gets exactly one
 * outcome at its input index: sent (possibly as a duplicate of an earlier ambiguous attempt), failed
 * with a reason, or unsent because the run was stopped. Nothing is dropped silently, nothing rejects
 * for one event, and the promise settles only after every worker has stopped.
 *
 * An invalid or unreadable event fails without being sent; a token failure that cannot fix itself (bad
 * credentials, missing scope) fails the remaining events without hammering Login with Amazon. With a
 * journal, every event is on disk before its first POST and its final state after, so a killed run can
 * be resumed (`runResume`) without sending a confirmed event twice.
 */
import { ProactiveEventValidationError } from '../validation/issues.js';
import type { AbortSignalLike } from './abort.js';
import { LwaError, ProactiveEventsNetworkError, SendInterruptedError } from './errors.js';
import { referenceIdOf } from './event-info.js';
import { SendJournal, type JournalOutcome } from './journal.js';
import { OutboxWriter } from './outbox.js';
import type { PreparedEvent } from './prepare.js';
import { redactError, redactSecrets } from './redact.js';
import type { Clock, Issue } from './types.js';

export interface SendManyOptions {
  /** Events in flight at once. Default 16. */
  concurrency?: number;
  /** Append every event that finally fails to this JSON-lines file. */
  outbox?: string;
  /**
   * Record every event before its first POST, and its final state after, in this new file; a run that
   * was stopped or killed continues with `client.resumeJournal(file)` (`send --resume FILE`).
   */
  journal?: string;
  /** Where each event came from (`file.json[3]`), kept in the journal for messages after a resume. */
  sources?: readonly string[];
  /**
   * Stops the run: no event is taken after it fires, in-flight events end after their current attempt
   * (no further retries) and are reported `unsent`.
   */
  signal?: AbortSignalLike;
  /** Called after each event settles. */
  onProgress?: (progress: SendProgress) => void;
}

export interface SendProgress {
  done: number;
  total: number;
  sent: number;
  failed: number;
  outcome: SendOutcome;
}

export interface FailureInfo {
  name: string;
  message: string;
  hint?: string;
  /** HTTP status, when Amazon (or LWA) answered. */
  status?: number;
  /** Validation errors, when the event was invalid. */
  issues?: Issue[];
  /**
   * An attempt may have reached Amazon (no answer came, or a 5xx): the event may have been delivered
   * although it failed. Resending it with the same referenceId cannot deliver it twice.
   */
  maybeDelivered?: true;
}

export type SendOutcome =
  | {
      index: number;
      referenceId: string | undefined;
      status: 'sent';
      httpStatus: number;
      attempts: number;
      /** Accepted by an earlier attempt whose answer was lost; Amazon answered this retry 409. */
      duplicate?: true;
      notice?: string;
      /** Validation warnings of an event that was sent anyway. */
      warnings?: Issue[];
    }
  | {
      index: number;
      referenceId: string | undefined;
      status: 'failed';
      /** HTTP attempts made (0: never sent). */
      attempts: number;
      error: FailureInfo;
    }
  | {
      index: number;
      referenceId: string | undefined;
      /** The run was stopped before this event was confirmed; a journal resume sends it. */
      status: 'unsent';
      attempts: number;
      /** An attempt may have reached Amazon. */
      maybeDelivered: boolean;
    };

export interface SendManySummary {
  total: number;
  /** Accepted by Amazon, duplicates included. */
  sent: number;
  /** Of `sent`: confirmed by a 409 after an attempt whose answer was lost. */
  duplicates: number;
  failed: number;
  /** Not confirmed because the run was stopped. */
  unsent: number;
  durationMs: number;
  /** Entries appended to the outbox. */
  outboxed: number;
  /** Set when the outbox could not be written: failures may then be recorded only in `outcomes`. */
  outboxError?: string;
  /** Set when the journal could not be written completely. */
  journalError?: string;
  /** For a resumed run: what the journal had already confirmed before it. */
  resumed?: { events: number; sent: number; duplicates: number; failed: number };
}

export interface SendManyResult {
  outcomes: SendOutcome[];
  summary: SendManySummary;
}

type SendResultLike = {
  status: number;
  attempts: number;
  duplicate?: boolean;
  notice?: string;
  warnings: Issue[];
};

/** What runSendMany needs from the client (kept as callbacks so this file stays transport-free). */
export interface SendManyDeps {
  prepare: (event: unknown) => PreparedEvent;
  prepareSerialized: (body: string, maybeDelivered: boolean) => PreparedEvent;
  send: (prepared: PreparedEvent, signal?: AbortSignalLike) => Promise<SendResultLike>;
  reserveConnections: (connections: number) => void;
  now: Clock;
}

/** One event as the workers see it: prepared bytes, or the reason it cannot be sent. */
interface WorkItem {
  index: number;
  referenceId: string | undefined;
  prepared?: PreparedEvent;
  problem?: unknown;
  /** Started in an earlier run (journal): its `s` line exists already. */
  started: boolean;
}

export async function runSendMany(
  events: readonly unknown[],
  options: SendManyOptions,
  deps: SendManyDeps,
): Promise<SendManyResult> {
  checkConcurrency(options.concurrency);
  const items = events.map((event, index): WorkItem => {
    try {
      const prepared = deps.prepare(event);
      return { index, referenceId: prepared.referenceId, prepared, started: false };
    } catch (problem) {
      return { index, referenceId: safeReferenceId(event), problem, started: false };
    }
  });
  const journal =
    options.journal === undefined
      ? undefined
      : await SendJournal.create(
          options.journal,
          items.map((item) => ({
            index: item.index,
            body: item.prepared?.body,
            source: options.sources?.[item.index],
          })),
        );
  return run(items, options, deps, journal);
}

/** Sends exactly the events of `file` that have no final state yet, appending to the same journal. */
export async function runResume(
  file: string,
  options: Omit<SendManyOptions, 'journal' | 'sources'>,
  deps: SendManyDeps,
): Promise<SendManyResult> {
  checkConcurrency(options.concurrency);
  const { journal, state } = SendJournal.open(file);
  const items: WorkItem[] = [];
  for (const event of state.events) {
    if (state.finished.has(event.index)) continue;
    const started = state.started.has(event.index);
    try {
      if (event.body === undefined) {
        throw new ProactiveEventValidationError({
          errors: [
            { path: '', code: 'type', message: 'the event could not be serialized to JSON' },
          ],
          warnings: [],
        });
      }
      const prepared = deps.prepareSerialized(event.body, started);
      items.push({ index: event.index, referenceId: prepared.referenceId, prepared, started });
    } catch (problem) {
      items.push({ index: event.index, referenceId: undefined, problem, started });
    }
  }
  const finals = [...state.finished.values()];
  const result = await run(items, options, deps, journal);
  result.summary.resumed = {
    events: state.events.length,
    sent: finals.filter((f) => f.state !== 'failed').length,
    duplicates: finals.filter((f) => f.state === 'duplicate').length,
    failed: finals.filter((f) => f.state === 'failed').length,
  };
  return result;
}

async function run(
  items: readonly WorkItem[],
  options: Omit<SendManyOptions, 'journal'>,
  deps: SendManyDeps,
  journal: SendJournal | undefined,
): Promise<SendManyResult> {
  const concurrency = options.concurrency ?? 16;
  const { signal } = options;
  const started = performance.now();
  const total = items.length;
  const outcomes: SendOutcome[] = new Array<SendOutcome>(total);
  const outbox = options.outbox === undefined ? undefined : new OutboxWriter(options.outbox);
  const counts = { sent: 0, duplicates: 0, failed: 0, unsent: 0 };
  let journalError: unknown;
  let next = 0;
  let fatal: LwaError | undefined;
  deps.reserveConnections(Math.min(concurrency, Math.max(total, 1)));

  const record = (index: number, outcome: JournalOutcome): void => {
    if (journal === undefined || journalError !== undefined) return;
    try {
      journal.finished(index, outcome);
    } catch (error) {
      journalError = error;
    }
  };

  const settle = (position: number, outcome: SendOutcome): void => {
    outcomes[position] = outcome;
    if (outcome.status === 'sent') {
      counts.sent++;
      if (outcome.duplicate) counts.duplicates++;
      record(outcome.index, {
        state: outcome.duplicate ? 'duplicate' : 'sent',
        httpStatus: outcome.httpStatus,
      });
    } else if (outcome.status === 'failed') {
      counts.failed++;
      record(outcome.index, {
        state: 'failed',
        ...(outcome.error.status === undefined ? {} : { httpStatus: outcome.error.status }),
        reason: outcome.error.message,
        ...(outcome.error.hint === undefined ? {} : { hint: outcome.error.hint }),
        ...(outcome.error.maybeDelivered ? { maybeDelivered: true } : {}),
      });
      outbox?.append({
        failedAt: new Date(deps.now()).toISOString(),
        reason: outcome.error.message,
        ...(outcome.error.status === undefined ? {} : { status: outcome.error.status }),
        ...(outcome.error.hint === undefined ? {} : { hint: outcome.error.hint }),
        ...(outcome.error.maybeDelivered ? { maybeDelivered: true } : {}),
        event: eventOf(items[position]),
      });
    } else {
      counts.unsent++;
      // Without a journal the outbox is the only record left of an event nobody confirmed.
      if (journal === undefined) {
        outbox?.append({
          failedAt: new Date(deps.now()).toISOString(),
          reason: 'not sent: the run was stopped before this event was confirmed',
          event: eventOf(items[position]),
        });
      }
    }
    try {
      options.onProgress?.({
        done: counts.sent + counts.failed + counts.unsent,
        total,
        sent: counts.sent,
        failed: counts.failed,
        outcome,
      });
    } catch {
      // A throwing progress callback must not change any event's outcome.
    }
  };

  const handle = async (position: number): Promise<void> => {
    const item = items[position] as WorkItem;
    const { index, referenceId } = item;
    if (item.prepared === undefined) {
      return settle(position, failure(index, referenceId, item.problem));
    }
    if (fatal !== undefined) return settle(position, failure(index, referenceId, fatal));
    try {
      if (journal !== undefined && !item.started) await journal.started(index);
    } catch (error) {
      journalError ??= error;
      return settle(position, unsent(item));
    }
    try {
      const result = await deps.send(item.prepared, signal);
      settle(position, {
        index,
        referenceId,
        status: 'sent',
        httpStatus: result.status,
        attempts: result.attempts,
        ...(result.duplicate ? { duplicate: true as const } : {}),
        ...(result.notice === undefined ? {} : { notice: result.notice }),
        ...(result.warnings.length === 0 ? {} : { warnings: result.warnings }),
      });
    } catch (error) {
      if (error instanceof SendInterruptedError) {
        return settle(position, unsent(item, error.attempts, error.maybeDelivered));
      }
      if (error instanceof LwaError && !error.retryable) fatal ??= error;
      settle(position, failure(index, referenceId, error));
    }
  };

  const worker = async (): Promise<void> => {
    while (next < total && signal?.aborted !== true && journalError === undefined) {
      const position = next++;
      try {
        await handle(position);
      } catch (error) {
        // handle() settles every path itself; this is the last guard so one event never stops a worker.
        if (outcomes[position] === undefined) {
          settle(position, failure(items[position]?.index ?? position, undefined, error));
        }
      }
    }
  };

  await Promise.allSettled(Array.from({ length: Math.min(concurrency, total) }, worker));
  for (let position = 0; position < total; position++) {
    if (outcomes[position] === undefined) settle(position, unsent(items[position] as WorkItem));
  }

  const summary: SendManySummary = {
    total,
    ...counts,
    durationMs: Math.round(performance.now() - started),
    outboxed: 0,
  };
  if (outbox !== undefined) {
    try {
      summary.outboxed = await outbox.flush();
    } catch (error) {
      summary.outboxError = `could not write outbox ${outbox.file}: ${messageOf(error)}`;
    }
  }
  if (journal !== undefined) {
    try {
      await journal.close();
    } catch (error) {
      journalError ??= error;
    }
    if (journalError !== undefined) {
      summary.journalError = `could not write journal ${journal.file}: ${messageOf(journalError)}`;
    }
  }
  return { outcomes, summary };
}

function unsent(item: WorkItem, attempts = 0, maybeDelivered?: boolean): SendOutcome {
  return {
    index: item.index,
    referenceId: item.referenceId,
    status: 'unsent',
    attempts,
    maybeDelivered: maybeDelivered ?? item.prepared?.maybeDelivered ?? false,
  };
}

/** The event as the outbox keeps it: what was (or would have been) POSTed. */
function eventOf(item: WorkItem | undefined): unknown {
  return item?.prepared === undefined ? null : (JSON.parse(item.prepared.body) as unknown);
}

function failure(index: number, referenceId: string | undefined, problem: unknown): SendOutcome {
  const error = redactError(problem);
  const info: FailureInfo =
    error instanceof Error
      ? { name: error.name, message: error.message }
      : { name: 'Error', message: redactSecrets(String(error)) };
  const hint = (error as { hint?: unknown } | null)?.hint;
  if (typeof hint === 'string') info.hint = hint;
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status === 'number') info.status = status;
  if (error instanceof ProactiveEventValidationError) info.issues = [...error.errors];
  if ((error as { maybeDelivered?: unknown } | null)?.maybeDelivered === true) {
    info.maybeDelivered = true;
  }
  // An LWA failure means the event itself was never POSTed; its `attempts` counts token requests.
  // So does a network failure without a referenceId: only the token request carries none.
  const attempts =
    error instanceof LwaError ||
    (error instanceof ProactiveEventsNetworkError && error.referenceId === undefined)
      ? 0
      : hasAttempts(error)
        ? error.attempts
        : 0;
  return { index, referenceId, status: 'failed', attempts, error: info };
}

function hasAttempts(error: unknown): error is { attempts: number } {
  return typeof (error as { attempts?: unknown } | null)?.attempts === 'number';
}

function safeReferenceId(event: unknown): string | undefined {
  try {
    return referenceIdOf(event);
  } catch {
    return undefined;
  }
}

function checkConcurrency(concurrency: number | undefined): void {
  const value = concurrency ?? 16;
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`concurrency must be an integer ≥ 1, got ${value}.`);
  }
}

function messageOf(error: unknown): string {
  return redactSecrets(error instanceof Error ? error.message : String(error));
}
