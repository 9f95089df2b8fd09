import fc from 'fast-check';
import { previewUtterances, UtterancePreviewError } from '../../../generated/preview.js';
import { isProactiveEvent, validateProactiveEvent } from '../../../generated/validate.js';
import type { Model } from '../../../generator/model/types.js';
import { parseSubscriptionChanged } from '../../../runtime/subscriptions/parse.js';
import { anyValidEvent } from './arbitraries.js';
import { mutate, subscriptionRequest } from './fuzz-mutations.js';
import { describeBytes, estimateJsonBytes } from './fuzz-size.js';

/**
 * A seeded fuzz run of the validators (and the previewer and the subscription parser, which
 * promise never to throw anything unexpected) on hostile values: valid events with one to three
 * hostile changes (test/runtime/validation/fuzz-mutations.ts), and subscription requests with them. Every call is timed; slow calls are
 * reported with the case's size and what it was made of, split at the 1 MB the target covers.
 * Shared by the CI test and `npm run bench`.
 */

export interface SlowCall {
  readonly index: number;
  readonly call: string;
  /** The fastest of three runs, in milliseconds. */
  readonly ms: number;
  /** The input's JSON size, each object counted once (test/runtime/validation/fuzz-size.ts). */
  readonly bytes: number;
  /** The hostile changes the case was made of. */
  readonly kinds: readonly string[];
}

export interface FuzzReport {
  readonly cases: number;
  /** Calls that threw (anything for the validators and the parser; not an UtterancePreviewError for the previewer). */
  readonly throws: number;
  /** Calls over `slowMs` (the fastest of three runs), on inputs of at most `targetBytes`. */
  readonly slowSmall: number;
  /** Calls over `slowMs` on inputs larger than `targetBytes` (beyond the target; reported). */
  readonly slowLarge: number;
  /** Calls over `slowMs` once but not when repeated (collector pauses, a busy machine). */
  readonly pauses: number;
  /** Cases where isProactiveEvent disagrees with validateProactiveEvent(…).valid. */
  readonly disagreements: number;
  /** The slowest call on an input of at most `targetBytes`, and on a larger one. */
  readonly slowestSmall: SlowCall | undefined;
  readonly slowestLarge: SlowCall | undefined;
  /** The largest input, in estimated bytes. */
  readonly largestBytes: number;
  /** Every slow call (at most 1000). */
  readonly slowCalls: SlowCall[];
  /** The first few failures (throws, disagreements), described, for the test's message. */
  readonly failures: string[];
}

/** A call slower than this misses the target… */
export const slowMs = 50;
/** …on an input of at most this many bytes (1 MB). */
export const targetBytes = 1_000_000;

/** A small deterministic generator (mulberry32), so every run sees the same cases. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Outcome<T> = { ok: true; value: T; ms: number } | { ok: false; error: unknown; ms: number };

export function runFuzz(model: Model, cases: number, seed: number): FuzzReport {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const pool = fc.sample(anyValidEvent(model), { seed, numRuns: Math.min(cases, 2000) });
  const report = {
    cases,
    throws: 0,
    slowSmall: 0,
    slowLarge: 0,
    pauses: 0,
    disagreements: 0,
    slowestSmall: undefined as SlowCall | undefined,
    slowestLarge: undefined as SlowCall | undefined,
    largestBytes: 0,
    slowCalls: [] as SlowCall[],
    failures: [] as string[],
  };
  // Every call once on every valid seed before the clock starts: the first calls compile the
  // code and build the Intl formatters, which is no call's own time.
  for (const event of pool) {
    validateProactiveEvent(event);
    isProactiveEvent(event);
    try {
      previewUtterances(event as never);
    } catch {
      // Counted in the cases below, not here.
    }
    parseSubscriptionChanged(event);
  }
  for (let index = 0; index < cases; index++) {
    // One case in eight starts from a subscription request, the rest from a valid event.
    const value =
      index % 8 === 7
        ? subscriptionRequest(next, pick)
        : (structuredClone(pool[index % pool.length]) as unknown);
    const kinds: string[] = index % 8 === 7 ? ['subscription-request'] : [];
    let root = value;
    const changes = 1 + Math.floor(next() * 3);
    for (let change = 0; change < changes; change++) root = mutate(root, next, pick, kinds);
    const bytes = estimateJsonBytes(root);
    report.largestBytes = Math.max(report.largestBytes, bytes);
    const fail = (what: string) => {
      if (report.failures.length < 10)
        report.failures.push(
          `case ${index} (${kinds.join(', ')}; ${describeBytes(bytes)}): ${what}`,
        );
    };
    /** Times `call`; a slow call is one that stays slow when repeated (the fastest of three). */
    const time = <T>(name: string, call: () => T): Outcome<T> => {
      let outcome = once(call);
      const first = outcome.ms;
      // A pause of the collector or of a busy machine is not the call's own time: a call past
      // half the limit runs twice more, so the slowest figure is a call's own time as well.
      if (first > slowMs / 2) {
        for (let repeat = 0; repeat < 2; repeat++) {
          const again = once(call);
          if (again.ms < outcome.ms) outcome = again;
        }
      }
      if (first > slowMs && outcome.ms <= slowMs) report.pauses++;
      const small = bytes <= targetBytes;
      const timed: SlowCall = { index, call: name, ms: outcome.ms, bytes, kinds };
      if (small && outcome.ms > (report.slowestSmall?.ms ?? 0)) report.slowestSmall = timed;
      if (!small && outcome.ms > (report.slowestLarge?.ms ?? 0)) report.slowestLarge = timed;
      if (outcome.ms > slowMs) {
        if (small) report.slowSmall++;
        else report.slowLarge++;
        if (report.slowCalls.length < 1000) report.slowCalls.push(timed);
      }
      return outcome;
    };

    const validated = time('validateProactiveEvent', () => validateProactiveEvent(root));
    if (!validated.ok) {
      report.throws++;
      fail(`validateProactiveEvent threw ${safeText(validated.error)}`);
    }
    const clocked = once(() => validateProactiveEvent(root, { now: Date.UTC(2020, 0, 1) }));
    if (!clocked.ok) {
      report.throws++;
      fail(`validateProactiveEvent with a clock threw ${safeText(clocked.error)}`);
    }
    const verdict = time('isProactiveEvent', () => isProactiveEvent(root));
    if (!verdict.ok) {
      report.throws++;
      fail(`isProactiveEvent threw ${safeText(verdict.error)}`);
    }
    if (verdict.ok && validated.ok && verdict.value !== validated.value.valid) {
      report.disagreements++;
      fail(
        `isProactiveEvent says ${verdict.value}, validateProactiveEvent ${validated.value.valid}`,
      );
    }
    const preview = time('previewUtterances', () => previewUtterances(root as never));
    if (!preview.ok && !(preview.error instanceof UtterancePreviewError)) {
      report.throws++;
      fail(`previewUtterances threw ${safeText(preview.error)}`);
    }
    const parsed = time('parseSubscriptionChanged', () => parseSubscriptionChanged(root));
    if (!parsed.ok) {
      report.throws++;
      fail(`parseSubscriptionChanged threw ${safeText(parsed.error)}`);
    }
  }
  return report;
}

function once<T>(call: () => T): Outcome<T> {
  const started = performance.now();
  try {
    const value = call();
    return { ok: true, value, ms: performance.now() - started };
  } catch (error) {
    return { ok: false, error, ms: performance.now() - started };
  }
}

function safeText(error: unknown): string {
  try {
    return error instanceof Error ? `${error.name}: ${error.message}` : typeof error;
  } catch {
    return 'an unprintable value';
  }
}

/** One line per slow call: what was called, how long it took, on what. */
export function describeSlowCall(slow: SlowCall): string {
  return `case ${slow.index}: ${slow.call} took ${slow.ms.toFixed(1)} ms on ${describeBytes(slow.bytes)} (${slow.kinds.join(', ')})`;
}
