// Property: whatever the delivery order, however often a request is redelivered and however many
// timestamps tie, every user ends in the state of their newest request, and every single outcome
// (applied or not, and the diff) is what a simple model of the rules predicts. Run against every
// store, so all four order requests by timestamp then requestId and treat replays as duplicates.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SubscriptionTracker } from '../../../../runtime/subscriptions/tracker.js';
import { MEDIA, MESSAGE, ORDER, request, TRASH, WEATHER } from '../helpers.js';
import { storeCases } from './stores.js';

const EVENTS = [ORDER, MESSAGE, WEATHER, TRASH, MEDIA];
const USERS = ['u-1', 'u-2', 'u-3', 'u-4'];

interface Sent {
  userId: string;
  second: number;
  requestId: string;
  events: string[];
}

/** Requests of several users; (user, second, requestId) is unique, as Amazon's requestIds are. */
const requestsArbitrary = fc.uniqueArray(
  fc.record({
    userId: fc.constantFrom(...USERS),
    // Few distinct seconds and ids: equal timestamps are common, so ties are exercised.
    second: fc.integer({ min: 0, max: 4 }),
    requestId: fc.constantFrom('req-a', 'req-b', 'req-c', 'req-B'),
    events: fc.subarray(EVENTS),
  }),
  { selector: (r) => `${r.userId}|${r.second}|${r.requestId}`, minLength: 1, maxLength: 25 },
);

/** The requests, some delivered again, in a random order. */
const deliveriesArbitrary = requestsArbitrary.chain((requests) =>
  fc
    .array(fc.nat({ max: requests.length - 1 }), { maxLength: 10 })
    .chain((repeats) => {
      const all = [...requests, ...repeats.map((index) => requests[index] as Sent)];
      return fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length });
    })
    .map((deliveries) => ({ requests, deliveries })),
);

function toRequest(sent: Sent, ns: string) {
  return request({
    userId: ns + sent.userId,
    requestId: sent.requestId,
    // Half of the timestamps are written with an offset: the same instant, another spelling.
    timestamp:
      sent.second % 2 === 0
        ? `2022-06-01T12:00:0${sent.second}Z`
        : `2022-06-01T14:00:0${sent.second}+02:00`,
    events: sent.events.map((name) => ns + name),
  });
}

/** The model's own ordering (not the library's): seconds, then requestId (ASCII only here). */
function compareSent(a: Sent, b: Sent): number {
  if (a.second !== b.second) return a.second - b.second;
  return a.requestId === b.requestId ? 0 : a.requestId < b.requestId ? -1 : 1;
}

const sortedUnique = (names: readonly string[]) => [...new Set(names)].sort();

describe.each(storeCases)('convergence with %s', (_name, kind) => {
  it.skipIf(!kind.available)(
    'random interleavings with redeliveries converge to each user’s newest state',
    async () => {
      // One store for every run, each run in a namespace of its own (a prefix on its user ids and
      // event names, so it sees none of the others' users or subscribers): creating a store per
      // run (a PostgreSQL schema, a DynamoDB table) cost more than the run itself.
      const { store, dispose } = await kind.create();
      const tracker = new SubscriptionTracker({ store });
      let run = 0;
      try {
        await fc.assert(
          fc.asyncProperty(deliveriesArbitrary, async ({ requests, deliveries }) => {
            const ns = `r${run++}/`;
            const named = (names: readonly string[]) => names.map((name) => ns + name);
            const model = new Map<string, Sent>();
            for (const sent of deliveries) {
              const outcome = await tracker.apply(toRequest(sent, ns));
              const before = model.get(sent.userId);
              const order = before === undefined ? 1 : compareSent(sent, before);
              const previous = sortedUnique(before?.events ?? []);
              if (order > 0) {
                model.set(sent.userId, sent);
                const current = sortedUnique(sent.events);
                expect(outcome).toEqual({
                  applied: true,
                  subscribed: named(current.filter((e) => !previous.includes(e))),
                  unsubscribed: named(previous.filter((e) => !current.includes(e))),
                  current: named(current),
                });
              } else {
                expect(outcome).toEqual({
                  applied: false,
                  subscribed: [],
                  unsubscribed: [],
                  current: named(previous),
                  reason: order === 0 ? 'duplicate' : 'stale',
                });
              }
            }
            for (const userId of USERS) {
              const newest = requests
                .filter((r) => r.userId === userId)
                .sort(compareSent)
                .at(-1);
              expect(await tracker.subscriptionsOf(ns + userId)).toEqual(
                named(sortedUnique(newest?.events ?? [])),
              );
            }
            for (const eventName of EVENTS) {
              const expected = named(
                USERS.filter((userId) => model.get(userId)?.events.includes(eventName)),
              );
              const streamed: string[] = [];
              for await (const userId of tracker.subscribersOf(ns + eventName, { pageSize: 2 })) {
                streamed.push(userId);
              }
              expect(streamed).toEqual(expected);
              expect(await tracker.count(ns + eventName)).toBe(expected.length);
            }
          }),
          { numRuns: kind.propertyRuns },
        );
      } finally {
        await dispose();
      }
    },
    // dynalite answers each of a run's few hundred requests in milliseconds, which on a busy
    // machine adds up to more than the default 20 s; the runs themselves stay as they are.
    120_000,
  );
});
