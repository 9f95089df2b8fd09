import fc from 'fast-check';
import { previewUtterances, UtterancePreviewError } from '../../generated/preview.js';
import { isProactiveEvent, validateProactiveEvent } from '../../generated/validate.js';
import type { Model } from '../../generator/model/types.js';
import { parseSubscriptionChanged } from '../../runtime/subscriptions/parse.js';
import { anyValidEvent } from './arbitraries.js';

/**
 * A seeded fuzz run of the validators (and the previewer and the subscription parser, which
 * promise never to throw anything unexpected) on hostile values: valid events with one to three
 * hostile changes — throwing Proxies and getters, values without a string form, cycles, graphs
 * of shared references, prototypes carrying fields, `constructor`/`toString`/`__proto__` keys,
 * localized references where none may stand, sub-millisecond expiry windows, megabytes of
 * unknown keys. Shared by the CI test and `npm run bench`.
 */

export interface FuzzReport {
  readonly cases: number;
  /** Calls that threw (anything for the validators and the parser; not an UtterancePreviewError for the previewer). */
  readonly throws: number;
  /** validateProactiveEvent calls over `slowMs`, the fastest of three runs. */
  readonly slow: number;
  /** Calls over `slowMs` once but not when repeated (collector pauses, a busy machine). */
  readonly pauses: number;
  /** Cases where isProactiveEvent disagrees with validateProactiveEvent(…).valid. */
  readonly disagreements: number;
  /** The slowest validateProactiveEvent call, in milliseconds. */
  readonly slowestMs: number;
  /** The first few failures, described, for the test's message. */
  readonly failures: string[];
}

export const slowMs = 50;

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

type Node = Record<string, unknown> | unknown[];

export function runFuzz(model: Model, cases: number, seed: number): FuzzReport {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const pool = fc.sample(anyValidEvent(model), { seed, numRuns: Math.min(cases, 2000) });
  const report = {
    cases,
    throws: 0,
    slow: 0,
    pauses: 0,
    disagreements: 0,
    slowestMs: 0,
    failures: [] as string[],
  };
  const fail = (index: number, what: string) => {
    if (report.failures.length < 10) report.failures.push(`case ${index}: ${what}`);
  };
  for (let index = 0; index < cases; index++) {
    const value = structuredClone(pool[index % pool.length]) as unknown;
    let root = value;
    const changes = 1 + Math.floor(next() * 3);
    for (let change = 0; change < changes; change++) {
      root = mutate(root, next, pick);
    }
    let verdict: boolean | undefined;
    let valid: boolean | undefined;
    try {
      const started = performance.now();
      valid = validateProactiveEvent(root).valid;
      let elapsed = performance.now() - started;
      if (elapsed > slowMs) {
        // A pause of the collector or of a busy machine is not the call's own time: a slow call
        // is one that stays slow when repeated (the fastest of three runs counts).
        report.pauses++;
        for (let repeat = 0; repeat < 2; repeat++) {
          const again = performance.now();
          validateProactiveEvent(root);
          elapsed = Math.min(elapsed, performance.now() - again);
        }
      }
      report.slowestMs = Math.max(report.slowestMs, elapsed);
      if (elapsed > slowMs) {
        report.slow++;
        fail(index, `validateProactiveEvent took ${elapsed.toFixed(1)} ms`);
      }
      validateProactiveEvent(root, { now: Date.UTC(2020, 0, 1) });
    } catch (error) {
      report.throws++;
      fail(index, `validateProactiveEvent threw ${safeText(error)}`);
    }
    try {
      verdict = isProactiveEvent(root);
    } catch (error) {
      report.throws++;
      fail(index, `isProactiveEvent threw ${safeText(error)}`);
    }
    if (verdict !== undefined && valid !== undefined && verdict !== valid) {
      report.disagreements++;
      fail(index, `isProactiveEvent says ${verdict}, validateProactiveEvent ${valid}`);
    }
    try {
      previewUtterances(root as never);
    } catch (error) {
      if (!(error instanceof UtterancePreviewError)) {
        report.throws++;
        fail(index, `previewUtterances threw ${safeText(error)}`);
      }
    }
    try {
      parseSubscriptionChanged(root);
    } catch (error) {
      report.throws++;
      fail(index, `parseSubscriptionChanged threw ${safeText(error)}`);
    }
  }
  return report;
}

function safeText(error: unknown): string {
  try {
    return error instanceof Error ? `${error.name}: ${error.message}` : typeof error;
  } catch {
    return 'an unprintable value';
  }
}

/** Every object or array node of `value` reachable as plain JSON, with its parent key. */
function nodes(value: unknown): Node[] {
  const found: Node[] = [];
  const visit = (node: unknown, depth: number) => {
    if (typeof node !== 'object' || node === null || depth > 8 || found.length > 200) return;
    if (hostile.has(node)) return;
    found.push(node as Node);
    for (const child of Object.values(node)) visit(child, depth + 1);
  };
  visit(value, 0);
  return found;
}

const throwing = (thrown: () => unknown) => () => {
  throw thrown();
};

/** Thrown values: an Error, a Symbol, and a Proxy that has no string form at all. */
const thrownValues: (() => unknown)[] = [
  () => new Error('boom'),
  () => Symbol('boom'),
  () => Object.create(null) as object,
  () =>
    new Proxy(
      {},
      {
        get: () => {
          throw new Error('no string form');
        },
        getPrototypeOf: () => {
          throw new Error('no prototype');
        },
      },
    ),
];

/** What hostileValue made: the harness never reads into these itself. */
const hostile = new WeakSet<object>();

function hostileValue(
  next: () => number,
  pick: <T>(items: readonly T[]) => T,
  root: unknown,
): unknown {
  const value = makeHostile(next, pick, root);
  if (typeof value === 'object' && value !== null && value !== root) hostile.add(value);
  return value;
}

function makeHostile(
  next: () => number,
  pick: <T>(items: readonly T[]) => T,
  root: unknown,
): unknown {
  const thrown = pick(thrownValues);
  switch (Math.floor(next() * 12)) {
    case 0: {
      const trap = throwing(thrown);
      return new Proxy(
        {},
        {
          get: trap,
          has: trap,
          ownKeys: trap,
          getOwnPropertyDescriptor: trap,
          getPrototypeOf: trap,
        },
      );
    }
    case 1: {
      const revocable = Proxy.revocable({}, {});
      revocable.revoke();
      return revocable.proxy;
    }
    case 2:
      return Object.defineProperty({}, pick(['name', 'locale', 'type', 'payload']), {
        get: throwing(thrown),
        enumerable: true,
      });
    case 3:
      return root; // a cycle
    case 4: {
      // A graph of shared references: 2^40 paths, 41 objects.
      let node: unknown = { name: 'leaf' };
      for (let depth = 0; depth < 40; depth++) node = [node, node];
      return node;
    }
    case 5: {
      let node: unknown = 'leaf';
      for (let depth = 0; depth < 40; depth++) node = { a: node, b: node };
      return [node, node, { ...(node as object) }];
    }
    case 6:
      return pick([NaN, Infinity, -0, 10n, Symbol('s'), () => 1, undefined]);
    case 7:
      return 'x'.repeat(1 + Math.floor(next() * 200_000));
    case 8:
      return Array.from({ length: 1 + Math.floor(next() * 2000) }, (_, i) => ({ i: i % 3 }));
    case 9:
      return new Proxy([1, 2, 3], { get: throwing(thrown) });
    case 10:
      return Object.create({ inherited: true, name: 'AMAZON.WeatherAlert.Activated' }) as object;
    default:
      return `localizedattribute:${pick(['name', 'title', '__proto__', 'constructor'])}`;
  }
}

function mutate(root: unknown, next: () => number, pick: <T>(items: readonly T[]) => T): unknown {
  const all = nodes(root);
  if (all.length === 0) return hostileValue(next, pick, root);
  const node = pick(all);
  const keys = Object.keys(node);
  const key = keys.length > 0 ? pick(keys) : '0';
  switch (Math.floor(next() * 9)) {
    case 0:
    case 1:
      (node as Record<string, unknown>)[key] = hostileValue(next, pick, root);
      return root;
    case 2: {
      // Keys that live on Object.prototype, as own properties (JSON.parse makes them so).
      const name = pick(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']);
      Object.defineProperty(node, name, {
        value: pick(['x', 1, {}]),
        enumerable: true,
        configurable: true,
        writable: true,
      });
      return root;
    }
    case 3: {
      // A field moved onto the prototype: JSON would not send it.
      if (Array.isArray(node) || keys.length === 0) return root;
      const value = (node as Record<string, unknown>)[key];
      delete (node as Record<string, unknown>)[key];
      Object.setPrototypeOf(node, { [key]: value });
      return root;
    }
    case 4:
      delete (node as Record<string, unknown>)[key];
      return root;
    case 5: {
      // Unknown keys: many, or long (no "did you mean" may cost much).
      const count = next() < 0.02 ? 20_000 : 1 + Math.floor(next() * 50);
      const length = next() < 0.5 ? 8 : 300;
      for (let i = 0; i < count; i++) {
        (node as Record<string, unknown>)[`${'k'.repeat(length)}${i}`] = i;
      }
      return root;
    }
    case 6: {
      // A sub-millisecond expiry window right at its bounds.
      if (typeof root !== 'object' || root === null) return root;
      const event = root as Record<string, unknown>;
      const bound = pick([5, 24 * 60]);
      const base = Date.UTC(2020, 0, 1) + Math.floor(next() * 1e9);
      const fraction = () => pick(['', '.0', '.0005', '.999', '.9999', '.1234567', '.000000001']);
      const at = (ms: number, digits: string) =>
        `${new Date(ms).toISOString().slice(0, 19)}${digits}Z`;
      event.timestamp = at(base, fraction());
      event.expiryTime = at(base + bound * 60_000 + pick([-1000, 0, 1000]), fraction());
      return root;
    }
    case 7:
      (node as Record<string, unknown>)[key] = `localizedattribute:${pick(['name', 'title', 'x'])}`;
      return root;
    default:
      return Object.assign(Object.create(null) as object, node);
  }
}
