import { previewUtterances } from '../../../generated/preview.js';
import { isProactiveEvent, validateProactiveEvent } from '../../../generated/validate.js';
import { parseSubscriptionChanged } from '../../../runtime/subscriptions/parse.js';
import { gameInvite, trashCollection, variant } from './fixtures.js';
import { estimateJsonBytes } from './fuzz-size.js';

/**
 * The worst shapes of about a megabyte each, built on purpose: the slow paths the random fuzz
 * found (and ones it reaches rarely), timed call by call in `npm run bench` beside it. Every
 * input is valid JSON data, so its size is its serialized size.
 */

export interface ShapeTiming {
  readonly name: string;
  readonly bytes: number;
  /** The fastest of three runs of each call, in milliseconds. */
  readonly ms: Readonly<Record<string, number>>;
}

/** A locale tag per index: aa-AA, aa-AB, …, all distinct. */
function localeOf(index: number): string {
  const letter = (n: number) => String.fromCharCode(97 + (Math.floor(n) % 26));
  return `${letter(index / 26 ** 3)}${letter(index / 26 ** 2)}-${letter(index / 26).toUpperCase()}${letter(index).toUpperCase()}`;
}

function withKeys(target: Record<string, unknown>, count: number): void {
  for (let index = 0; index < count; index++) target[`kkkkkkkk${index}`] = index;
}

const withEntries = (entries: unknown[]) =>
  variant(gameInvite, (copy) => {
    copy.localizedAttributes = entries as never;
  });

type Payload = { invite: Record<string, unknown>; game: Record<string, unknown> };

function subscriptions(items: unknown[]): unknown {
  return {
    context: { System: { application: { applicationId: 'a' }, user: { userId: 'u' } } },
    request: {
      type: 'AlexaSkillEvent.ProactiveSubscriptionChanged',
      requestId: 'r',
      timestamp: '2019-02-28T17:30:00Z',
      body: { subscriptions: items },
    },
  };
}

/** Each shape, made when asked (they are large). */
export const shapes: readonly { name: string; make: () => unknown }[] = [
  {
    name: '45,000 unknown keys on the event',
    make: () => variant(gameInvite, (copy) => withKeys(copy, 45_000)),
  },
  {
    name: '45,000 unknown keys in a payload object',
    make: () =>
      variant(gameInvite, (copy) => withKeys((copy.event.payload as Payload).invite, 45_000)),
  },
  {
    name: '45,000 unknown keys in a locale entry',
    make: () =>
      variant(gameInvite, (copy) =>
        withKeys((copy.localizedAttributes as Record<string, unknown>[])[0]!, 45_000),
      ),
  },
  {
    name: 'a string of 990,000 characters as referenceId',
    make: () => variant(gameInvite, (copy) => (copy.referenceId = 'x'.repeat(990_000))),
  },
  {
    name: 'a key of 990,000 characters',
    make: () => variant(gameInvite, (copy) => (copy['k'.repeat(990_000)] = 1)),
  },
  {
    name: '99,000 locale entries that are numbers',
    make: () => withEntries(Array.from({ length: 99_000 }, () => 1)),
  },
  {
    name: '27,000 locale entries for en-US',
    make: () =>
      withEntries(Array.from({ length: 27_000 }, () => ({ locale: 'en-US', gameName: 'x' }))),
  },
  {
    name: '30,000 locale entries lacking the referenced key',
    make: () => withEntries(Array.from({ length: 30_000 }, (_, i) => ({ locale: localeOf(i) }))),
  },
  {
    name: '28,000 valid locale entries (a valid event)',
    make: () =>
      withEntries(
        Array.from({ length: 28_000 }, (_, i) => ({
          locale: i === 0 ? 'en-US' : localeOf(i),
          gameName: 'x',
        })),
      ),
  },
  {
    name: '80,000 garbage types',
    make: () =>
      variant(trashCollection, (copy) => {
        (copy.event as { payload: { alert: Record<string, unknown> } }).payload.alert.garbageTypes =
          Array.from({ length: 80_000 }, (_, i) => `TYPE${i}`);
      }),
  },
  {
    name: 'garbage types nested 10,000 deep, twice',
    make: () =>
      variant(trashCollection, (copy) => {
        const deep = () => {
          let node: unknown = 'GLASS';
          for (let depth = 0; depth < 10_000; depth++) node = [node];
          return node;
        };
        (copy.event as { payload: { alert: Record<string, unknown> } }).payload.alert.garbageTypes =
          [deep(), deep()];
      }),
  },
  {
    name: 'a subscription request of 300,000 numbers',
    make: () => subscriptions(Array.from({ length: 300_000 }, () => 1)),
  },
  {
    name: 'a subscription request of 32,000 event names',
    make: () =>
      subscriptions(Array.from({ length: 32_000 }, (_, i) => ({ eventName: `AMAZON.E${i}` }))),
  },
];

const calls: Record<string, (value: unknown) => unknown> = {
  validateProactiveEvent: (value) => validateProactiveEvent(value),
  isProactiveEvent: (value) => isProactiveEvent(value),
  previewUtterances: (value) => previewUtterances(value as never),
  parseSubscriptionChanged: (value) => parseSubscriptionChanged(value),
};

/** Times every call on every shape (the fastest of three runs; a throw counts as a result). */
export function timeShapes(): ShapeTiming[] {
  return shapes.map(({ name, make }) => {
    const value = make();
    const ms: Record<string, number> = {};
    for (const [call, run] of Object.entries(calls)) {
      let best = Infinity;
      for (let repeat = 0; repeat < 3; repeat++) {
        const started = performance.now();
        try {
          run(value);
        } catch {
          // previewUtterances refuses invalid events by throwing; the time still counts.
        }
        best = Math.min(best, performance.now() - started);
      }
      ms[call] = best;
    }
    return { name, bytes: estimateJsonBytes(value), ms };
  });
}
