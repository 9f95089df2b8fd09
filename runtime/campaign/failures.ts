/**
 * How a failed send is classified: the same rules as the client (runtime/client/retry.ts), so a
 * campaign retries exactly what `send` would have retried. A job's failure message starts with
 * its reason (`http-403: …`), which is what BullMQ keeps and what status groups by.
 */
import {
  LwaError,
  ProactiveEventsApiError,
  ProactiveEventsNetworkError,
} from '../client/errors.js';
import { isRetryableStatus } from '../client/retry.js';
import { ProactiveEventValidationError } from '../validation/issues.js';

export interface ClassifiedFailure {
  /** Short, stable key: `http-403`, `network`, `timeout`, `invalid-event`, `lwa-invalid_client`, … */
  readonly reason: string;
  /** Whether a later attempt could succeed. */
  readonly retryable: boolean;
  /** One line for people; never holds a secret (the client redacts its errors). */
  readonly message: string;
  /** Amazon's Retry-After, when it sent one with a 429. */
  readonly retryAfterMs?: number;
}

export function classifyFailure(error: unknown): ClassifiedFailure {
  if (error instanceof ProactiveEventsApiError) {
    return {
      reason: `http-${error.status}`,
      retryable: isRetryableStatus(error.status),
      message: error.message,
      ...(error.retryAfterMs === undefined ? {} : { retryAfterMs: error.retryAfterMs }),
    };
  }
  if (error instanceof ProactiveEventsNetworkError) {
    return {
      reason: error.timedOut ? 'timeout' : 'network',
      retryable: true,
      message: error.message,
    };
  }
  if (error instanceof LwaError) {
    return { reason: `lwa-${error.code}`, retryable: error.retryable, message: error.message };
  }
  if (error instanceof ProactiveEventValidationError) {
    return {
      reason: 'invalid-event',
      retryable: false,
      message: error.message.split('\n').join('; '),
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { reason: 'error', retryable: false, message: firstLine(message) };
}

/** The text BullMQ keeps as the job's failedReason. */
export function failureText(failure: Pick<ClassifiedFailure, 'reason' | 'message'>): string {
  return `${failure.reason}: ${failure.message}`;
}

/**
 * The reason at the start of a failedReason. Failures BullMQ writes itself (a job that stalled
 * too often) carry no reason of ours and count as `stalled` or `other`.
 */
export function reasonOf(failedReason: string | undefined): string {
  const match = /^([a-z][a-z0-9_-]*): /.exec(failedReason ?? '');
  if (match) return match[1]!;
  return /stalled/i.test(failedReason ?? '') ? 'stalled' : 'other';
}

function firstLine(text: string): string {
  return text.split('\n')[0]!;
}
