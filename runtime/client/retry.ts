/**
 * Retry policy: which answers are worth repeating, and how long to wait. Pure functions, so the timing
 * rules are testable without a server; the loops that use them live in client.ts and token.ts.
 */
import type { RandomSource, Sleep } from './types.js';

export interface RetryOptions {
  /** Total HTTP attempts per request, first one included. Default 5. */
  maxAttempts?: number;
  /** Backoff cap of the first retry; doubles per retry. Default 200 ms. */
  baseDelayMs?: number;
  /** No wait exceeds this, not even one asked for by `Retry-After`. Default 20 s. */
  maxDelayMs?: number;
}

export type RetryPolicy = Required<RetryOptions>;

export const DEFAULT_RETRY: Readonly<RetryPolicy> = Object.freeze({
  maxAttempts: 5,
  baseDelayMs: 200,
  maxDelayMs: 20_000,
});

export function resolveRetryPolicy(options: RetryOptions = {}): RetryPolicy {
  const policy = { ...DEFAULT_RETRY, ...stripUndefined(options) };
  if (!Number.isInteger(policy.maxAttempts) || policy.maxAttempts < 1) {
    throw new RangeError(`retry.maxAttempts must be an integer ≥ 1, got ${policy.maxAttempts}.`);
  }
  if (!(policy.baseDelayMs >= 0) || !(policy.maxDelayMs >= 0)) {
    throw new RangeError('retry.baseDelayMs and retry.maxDelayMs must be ≥ 0.');
  }
  return policy;
}

/** 429 (throttled) and 5xx (Amazon-side) may succeed later; every other status is an answer. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599);
}

/**
 * Exponential backoff with full jitter (a uniformly random wait between 0 and the exponential cap), which
 * spreads the retries of many concurrent senders instead of having them hit Amazon in lockstep.
 * `retry` is 1 for the first retry.
 */
export function backoffDelay(retry: number, policy: RetryPolicy, random: RandomSource): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.floor(random() * cap);
}

/**
 * Reads `Retry-After` as delta-seconds or an HTTP-date (RFC 9110 §10.2.3). Returns milliseconds, or
 * undefined when absent or unreadable (then the normal backoff applies).
 */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  // Only accept something that looks like an HTTP-date, not whatever Date.parse would guess at.
  if (!/^[A-Za-z]{3},? /.test(trimmed)) return undefined;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}

/** The wait before retry number `retry`: Retry-After when the server gave one (capped), else backoff. */
export function retryDelay(
  retry: number,
  policy: RetryPolicy,
  random: RandomSource,
  retryAfterMs: number | undefined,
): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, policy.maxDelayMs);
  return backoffDelay(retry, policy, random);
}

export const realSleep: Sleep = (ms) =>
  ms <= 0 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, ms));

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
