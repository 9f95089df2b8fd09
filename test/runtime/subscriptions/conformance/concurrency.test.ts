// Several processes and connections write the same users at once; for every user the applied
// requests must form one chain (each replaced exactly the state its predecessor wrote) ending in
// the newest request of all writers. A lost update breaks the chain.
import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { SubscriptionTracker } from '../../../../runtime/subscriptions/tracker.js';
import { request, ORDER, MEDIA, MESSAGE, WEATHER } from '../helpers.js';
import {
  record,
  userIds,
  writerRequests,
  type AppliedRecord,
} from '../support/concurrency-plan.js';
import { childProgram } from '../../../support/child-bundle.js';
import { storeCases, type StoreUnderTest } from './stores.js';

function startWriter(url: string, writer: number, writers: number, rounds: number) {
  const child = spawn(
    process.execPath,
    [childProgram('store-writer'), url, String(writer), String(writers), String(rounds)],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', () => stdout.startsWith('ready\n') && resolve());
    child.on('exit', () => reject(new Error(`writer ${writer} exited early: ${stderr}`)));
  });
  const done = new Promise<AppliedRecord[]>((resolve, reject) => {
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`writer ${writer} failed (${code}): ${stderr}`));
      else resolve(JSON.parse(stdout.slice('ready\n'.length)) as AppliedRecord[]);
    });
  });
  return { child, ready, done };
}

describe.each(storeCases)('concurrent writers with %s', (_name, kind) => {
  let opened: StoreUnderTest | undefined;
  afterEach(async () => {
    await opened?.dispose();
    opened = undefined;
  });

  it.skipIf(!kind.available)('two connections racing on one user lose no update', async () => {
    opened = await kind.create();
    const a = new SubscriptionTracker({ store: opened.store });
    const other = await opened.reopen();
    const b = new SubscriptionTracker({ store: other });
    const at = (second: number) => `2021-01-01T00:00:${String(second).padStart(2, '0')}Z`;
    const outcomes = await Promise.all([
      a.apply(request({ userId: 'u', requestId: '1', timestamp: at(1), events: [ORDER] })),
      b.apply(request({ userId: 'u', requestId: '3', timestamp: at(3), events: [MEDIA] })),
      a.apply(request({ userId: 'u', requestId: '2', timestamp: at(2), events: [MESSAGE] })),
      b.apply(request({ userId: 'u', requestId: '4', timestamp: at(4), events: [MEDIA, WEATHER] })),
    ]);
    // Which of 1..3 apply depends on arrival; 4 always does, and it is the final state.
    expect(outcomes[3]?.applied).toBe(true);
    expect(await a.subscriptionsOf('u')).toEqual([MEDIA, WEATHER]);
    expect(await b.subscriptionsOf('u')).toEqual([MEDIA, WEATHER]);
    expect(await a.count(MEDIA)).toBe(1);
    expect(await a.count(ORDER)).toBe(0);
    if (other !== opened.store) await other.close();
  });

  it.skipIf(!kind.available || !kind.shared)(
    'writer processes and connections racing on the same users lose no update',
    async () => {
      opened = await kind.create();
      const url = opened.url!;
      const writers = 4;
      const rounds = kind.concurrencyRounds;
      const children = [0, 1].map((writer) => startWriter(url, writer, writers, rounds));
      await Promise.all(children.map((c) => c.ready));
      for (const c of children) c.child.stdin.end('go\n');

      // Writers 2 and 3 run here, on two more connections, while the child processes write.
      const local = await Promise.all(
        [2, 3].map(async (writer) => ({
          tracker: new SubscriptionTracker({ store: await opened!.reopen() }),
          requests: [...writerRequests(writer, writers, rounds)],
        })),
      );
      const localApplied: AppliedRecord[] = [];
      await Promise.all(
        local.map(async ({ tracker, requests }) => {
          for (const planned of requests) {
            const outcome = await tracker.apply(planned.request);
            if (outcome.applied) localApplied.push(record(planned, outcome));
          }
        }),
      );
      const applied = [...localApplied, ...(await Promise.all(children.map((c) => c.done))).flat()];

      const verify = new SubscriptionTracker({ store: opened.store });
      const newest = (rounds - 1) * writers + (writers - 1);
      for (const userId of userIds) {
        const chain = applied
          .filter((r) => r.userId === userId)
          .sort((x, y) => x.sequence - y.sequence);
        expect(new Set(chain.map((r) => r.sequence)).size).toBe(chain.length);
        chain.forEach((link, index) => {
          expect(link.previous).toEqual(index === 0 ? [] : chain[index - 1]?.current);
        });
        expect(chain.at(-1)?.sequence).toBe(newest);
        expect(await verify.subscriptionsOf(userId)).toEqual(chain.at(-1)?.current);
      }
      // The subscriber index agrees with the users' state.
      for (const eventName of [ORDER, MEDIA, MESSAGE, WEATHER]) {
        const expected = [];
        for (const userId of userIds) {
          if ((await verify.subscriptionsOf(userId)).includes(eventName)) expected.push(userId);
        }
        const listed: string[] = [];
        for await (const userId of verify.subscribersOf(eventName, { pageSize: 5 })) {
          listed.push(userId);
        }
        expect(listed).toEqual(expected);
      }
      for (const { tracker } of local) await tracker.store.close();
    },
    120_000,
  );
});
