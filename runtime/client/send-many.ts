/**
 * Sending a batch: a fixed number of workers pull events in order, each event gets exactly one outcome
 * at its input index, and nothing is dropped silently. An invalid event fails without being sent; a
 * token failure that cannot fix itself (bad credentials, missing scope) fails the remaining events
 * without hammering Login with Amazon once per event.
 */
import { ProactiveEventValidationError } from '../validation/issues.js';
import { LwaError, ProactiveEventsApiError } from './errors.js';
import { referenceIdOf } from './event-info.js';
import { OutboxWriter } from './outbox.js';
import type { Clock, Issue } from './types.js';

export interface SendManyOptions {
  /** Events in flight at once. Default 16. */
  concurrency?: number;
  /** Append every event that finally fails to this JSON-lines file. */
  outbox?: string;
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
}

export type SendOutcome =
  | {
      index: number;
      referenceId: string | undefined;
      status: 'sent';
      httpStatus: number;
      attempts: number;
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
    };

export interface SendManySummary {
  total: number;
  sent: number;
  failed: number;
  durationMs: number;
  /** Entries appended to the outbox. */
  outboxed: number;
  /** Set when the outbox could not be written: failures may then be recorded only in `outcomes`. */
  outboxError?: string;
}

export interface SendManyResult {
  outcomes: SendOutcome[];
  summary: SendManySummary;
}

/** What runSendMany needs from the client (kept as callbacks so this file stays transport-free). */
export interface SendManyDeps {
  send: (
    event: unknown,
  ) => Promise<{ status: number; attempts: number; notice?: string; warnings: Issue[] }>;
  reserveConnections: (connections: number) => void;
  now: Clock;
  redact: (text: string) => string;
}

export async function runSendMany(
  events: readonly unknown[],
  options: SendManyOptions,
  deps: SendManyDeps,
): Promise<SendManyResult> {
  const concurrency = options.concurrency ?? 16;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new RangeError(`concurrency must be an integer ≥ 1, got ${concurrency}.`);
  }
  const started = performance.now();
  const total = events.length;
  const outcomes: SendOutcome[] = new Array<SendOutcome>(total);
  const outbox = options.outbox === undefined ? undefined : new OutboxWriter(options.outbox);
  let next = 0;
  let sent = 0;
  let failed = 0;
  let fatal: LwaError | undefined;
  deps.reserveConnections(Math.min(concurrency, Math.max(total, 1)));

  const settle = (outcome: SendOutcome, event: unknown): void => {
    outcomes[outcome.index] = outcome;
    if (outcome.status === 'sent') sent++;
    else {
      failed++;
      outbox?.append({
        failedAt: new Date(deps.now()).toISOString(),
        reason: outcome.error.message,
        ...(outcome.error.status === undefined ? {} : { status: outcome.error.status }),
        ...(outcome.error.hint === undefined ? {} : { hint: outcome.error.hint }),
        event,
      });
    }
    options.onProgress?.({ done: sent + failed, total, sent, failed, outcome });
  };

  const worker = async (): Promise<void> => {
    while (next < total) {
      const index = next++;
      const event = events[index];
      const referenceId = referenceIdOf(event);
      if (fatal !== undefined) {
        settle(failure(index, referenceId, fatal, deps.redact), event);
        continue;
      }
      try {
        const result = await deps.send(event);
        settle(
          {
            index,
            referenceId,
            status: 'sent',
            httpStatus: result.status,
            attempts: result.attempts,
            ...(result.notice === undefined ? {} : { notice: result.notice }),
            ...(result.warnings.length === 0 ? {} : { warnings: result.warnings }),
          },
          event,
        );
      } catch (error) {
        if (error instanceof LwaError && !error.retryable) fatal ??= error;
        settle(failure(index, referenceId, error, deps.redact), event);
      }
    }
  };

  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));

  const summary: SendManySummary = {
    total,
    sent,
    failed,
    durationMs: Math.round(performance.now() - started),
    outboxed: 0,
  };
  if (outbox !== undefined) {
    try {
      summary.outboxed = await outbox.flush();
    } catch (error) {
      summary.outboxError = `could not write outbox ${outbox.file}: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  return { outcomes, summary };
}

function failure(
  index: number,
  referenceId: string | undefined,
  error: unknown,
  redact: (text: string) => string,
): SendOutcome {
  const info: FailureInfo =
    error instanceof Error
      ? { name: error.name, message: redact(error.message) }
      : { name: 'Error', message: redact(String(error)) };
  const hint = (error as { hint?: unknown } | null)?.hint;
  if (typeof hint === 'string') info.hint = hint;
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status === 'number') info.status = status;
  if (error instanceof ProactiveEventValidationError) info.issues = [...error.errors];
  // An LWA failure means the event itself was never POSTed; its `attempts` counts token requests.
  const attempts =
    error instanceof LwaError
      ? 0
      : error instanceof ProactiveEventsApiError || hasAttempts(error)
        ? error.attempts
        : 0;
  return { index, referenceId, status: 'failed', attempts, error: info };
}

function hasAttempts(error: unknown): error is { attempts: number } {
  return typeof (error as { attempts?: unknown } | null)?.attempts === 'number';
}
