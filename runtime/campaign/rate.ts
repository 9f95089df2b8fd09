/**
 * The rate limit and the shared pause. Both live in Redis, in BullMQ's limiter of the campaign
 * queue, so every worker on every machine obeys the same numbers: the limiter admits at most
 * `max` jobs per `duration`, and a 429 sets the limiter's key for Retry-After, which stops every
 * worker from taking jobs until it expires.
 */

/** Events per second a campaign is sent at when the worker is given no rate. */
export const DEFAULT_RATE_PER_SECOND = 100;

/** Pause after a 429 that came without Retry-After. */
export const DEFAULT_THROTTLE_PAUSE_MS = 1000;

/** No Retry-After makes the workers wait longer than this. */
export const MAX_THROTTLE_PAUSE_MS = 5 * 60_000;

export interface LimiterSettings {
  readonly max: number;
  readonly duration: number;
}

/** BullMQ's `{ max, duration }` for an events-per-second rate (fractions become longer windows). */
export function limiterFor(ratePerSecond: number): LimiterSettings {
  if (!(ratePerSecond > 0) || !Number.isFinite(ratePerSecond)) {
    throw new RangeError(
      `the rate must be a positive number of events per second, got ${ratePerSecond}`,
    );
  }
  if (ratePerSecond >= 1) return { max: Math.round(ratePerSecond), duration: 1000 };
  return { max: 1, duration: Math.round(1000 / ratePerSecond) };
}

/** How long all workers pause after a 429. */
export function throttlePause(retryAfterMs: number | undefined): number {
  if (retryAfterMs === undefined) return DEFAULT_THROTTLE_PAUSE_MS;
  return Math.min(Math.max(retryAfterMs, 1), MAX_THROTTLE_PAUSE_MS);
}
