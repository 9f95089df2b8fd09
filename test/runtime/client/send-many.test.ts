import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutboxFormatError, readOutbox } from '../../../runtime/client/outbox.js';
import type { SendProgress } from '../../../runtime/client/send-many.js';
import { FakeAmazon } from '../../support/fake-amazon.js';
import { weatherEvent } from '../../support/events.js';
import { harness } from '../../support/client-harness.js';

let fake: FakeAmazon;
let dir: string;
beforeEach(async () => {
  fake = await FakeAmazon.start();
  dir = await mkdtemp(join(tmpdir(), 'pe-send-many-'));
});
afterEach(async () => {
  await fake.close();
  await rm(dir, { recursive: true, force: true });
});

describe('sendMany', () => {
  it('mixed outcomes: every event accounted for, in input order', async () => {
    // Concurrency 1 makes the scripted answers line up with the events.
    fake.script('events', { status: 202 }, { status: 409 }, { status: 500 }, { status: 202 });
    const { client } = harness(fake, { retry: { maxAttempts: 2 } });
    const events = [
      weatherEvent('ok1'),
      weatherEvent('dup1'),
      { referenceId: 'bad ref', relevantAudience: { type: 'Unicast' } }, // invalid: never sent
      weatherEvent('retry1'), // 500, then 202
      'not an event at all',
      weatherEvent('ok2'),
    ];
    const progress: SendProgress[] = [];
    const { outcomes, summary } = await client.sendMany(events, {
      concurrency: 1,
      onProgress: (p) => progress.push(p),
    });
    expect(outcomes.map((o) => [o.index, o.referenceId, o.status, o.attempts])).toEqual([
      [0, 'ok1', 'sent', 1],
      [1, 'dup1', 'failed', 1],
      [2, 'bad ref', 'failed', 0],
      [3, 'retry1', 'sent', 2],
      [4, undefined, 'failed', 0],
      [5, 'ok2', 'sent', 1],
    ]);
    expect(outcomes[0]).toEqual({
      index: 0,
      referenceId: 'ok1',
      status: 'sent',
      httpStatus: 202,
      attempts: 1,
    });
    expect(outcomes[1]).toMatchObject({
      status: 'failed',
      error: {
        name: 'ProactiveEventsApiError',
        status: 409,
        hint: 'This referenceId was already used for this user: generate a new referenceId.',
      },
    });
    expect(outcomes[2]).toMatchObject({
      status: 'failed',
      error: {
        name: 'ProactiveEventValidationError',
        issues: [
          { path: '/referenceId', code: 'pattern', message: 'must be 1–100 of A–Z a–z 0–9 ~ -' },
        ],
      },
    });
    expect(summary).toMatchObject({ total: 6, sent: 3, failed: 3, outboxed: 0 });
    expect(progress.map((p) => p.done)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(fake.eventRequests).toBe(5); // the two invalid events were never sent
    await client.close();
  });

  it('high concurrency: 500 events, one token request, all accounted for', async () => {
    const { client } = harness(fake);
    const events = Array.from({ length: 500 }, (_, i) => weatherEvent(`bulk${i}`));
    const { outcomes, summary } = await client.sendMany(events, { concurrency: 32 });
    expect(summary).toMatchObject({ total: 500, sent: 500, failed: 0 });
    expect(outcomes.map((o) => o.index)).toEqual(events.map((_, i) => i));
    expect(outcomes.every((o) => o.referenceId === `bulk${o.index}`)).toBe(true);
    expect(fake.tokenRequests).toBe(1);
    expect(fake.eventRequests).toBe(500);
    await client.close();
  });

  it('bad credentials fail every event with one token request, not one per event', async () => {
    const { client } = harness(fake, { clientSecret: 'wrong-secret-xyz' });
    const events = Array.from({ length: 50 }, (_, i) => weatherEvent(`c${i}`));
    const { outcomes, summary } = await client.sendMany(events, { concurrency: 1 });
    expect(summary).toMatchObject({ total: 50, sent: 0, failed: 50 });
    expect(outcomes.every((o) => o.status === 'failed' && o.error.name === 'LwaError')).toBe(true);
    expect(fake.tokenRequests).toBe(1);
    expect(fake.eventRequests).toBe(0);
    await client.close();
  });

  it('outbox: final failures are appended as JSON lines and read back', async () => {
    const outbox = join(dir, 'failed.jsonl');
    fake.script(
      'events',
      { status: 202 },
      { status: 432 },
      { status: 400, body: { message: 'no' } },
    );
    const { client, clock } = harness(fake);
    const events = [weatherEvent('o1'), weatherEvent('o2'), weatherEvent('o3')];
    const { summary } = await client.sendMany(events, { concurrency: 1, outbox });
    expect(summary).toMatchObject({ sent: 1, failed: 2, outboxed: 2 });
    const lines = (await readFile(outbox, 'utf8')).trimEnd().split('\n');
    expect(lines.length).toBe(2);
    const entries = await readOutbox(outbox);
    expect(entries).toEqual([
      {
        failedAt: new Date(clock.now).toISOString(),
        reason: 'Amazon answered 432 for event o2 after 1 attempt',
        status: 432,
        hint: 'The live notification limit for this user has been reached (the development stage is not limited).',
        event: events[1],
      },
      {
        failedAt: new Date(clock.now).toISOString(),
        reason: 'Amazon answered 400 for event o3 after 1 attempt: no',
        status: 400,
        hint: 'Amazon rejected the event as malformed: run `proactive-events validate` on the event.',
        event: events[2],
      },
    ]);
    // Resending what the outbox holds succeeds now that the server accepts it.
    const resent = await client.sendMany(entries.map((e) => e.event));
    expect(resent.summary).toMatchObject({ total: 2, sent: 2, failed: 0 });
    await client.close();
  });

  it('readOutbox reports the line of a malformed entry', async () => {
    const file = join(dir, 'broken.jsonl');
    await writeFile(file, '{"failedAt":"x","reason":"r","event":{}}\n\n{"nope":1}\n');
    const error = await readOutbox(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutboxFormatError);
    expect((error as OutboxFormatError).line).toBe(3);
    expect((error as Error).message).toBe(
      `${file}:3: not an outbox entry: expected an object with an "event" property`,
    );
  });
});
