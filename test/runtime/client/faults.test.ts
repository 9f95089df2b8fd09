/**
 * Each fault a production sender meets, injected by the local fake Amazon: the event ends delivered
 * exactly once (server side) or failed with its reason, never both and never neither.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProactiveEventValidationError } from '../../../runtime/validation/issues.js';
import { LwaError } from '../../../runtime/client/errors.js';
import { readJournal } from '../../../runtime/client/journal.js';
import { readOutbox } from '../../../runtime/client/outbox.js';
import { FakeAmazon, type ScriptedResponse } from '../../support/fake-amazon.js';
import { USER, weatherEvent } from '../../support/events.js';
import { harness } from '../../support/client-harness.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let fake: FakeAmazon;
let dir: string;
beforeEach(async () => {
  fake = await FakeAmazon.start();
  dir = await mkdtemp(join(tmpdir(), 'pe-faults-'));
});
afterEach(async () => {
  await fake.close();
  await rm(dir, { recursive: true, force: true });
});

const key = (referenceId: string): string => `${referenceId} ${USER}`;

describe('ambiguous attempts', () => {
  it.each<[string, ScriptedResponse]>([
    ['accepted, then the connection reset', { fault: 'accept-then-reset' }],
    ['accepted, then no answer (timeout)', { fault: 'accept-then-hang' }],
  ])('%s → the retry gets 409 → delivered once, marked duplicate', async (_, fault) => {
    fake.script('events', fault);
    const { client } = harness(fake, { timeoutMs: 300 });
    const result = await client.sendProactiveEvent(weatherEvent('amb1'));
    expect(result).toMatchObject({ status: 409, attempts: 2, duplicate: true });
    expect(fake.acceptedKeys.get(key('amb1'))).toBe(1);
    expect(fake.conflicts).toBe(1);
    // The retry reused the referenceId and the very bytes of the first attempt.
    const bodies = fake.eventRequestLog().map((r) => r.body);
    expect(bodies).toHaveLength(2);
    expect(bodies[1]).toBe(bodies[0]);
    await client.close();
  });

  it.each<[string, ScriptedResponse]>([
    ['reset before the request was read', { fault: 'reset-before-read' }],
    ['reset after it was read, not accepted', { fault: 'reset' }],
    ['no answer, not accepted', { fault: 'hang' }],
    ['500', { status: 500 }],
    ['503 text', { status: 503, body: 'Service Unavailable' }],
    ['429', { status: 429, headers: { 'retry-after': '0' } }],
  ])('%s → retried → accepted once, not a duplicate', async (_, fault) => {
    fake.script('events', fault);
    const { client } = harness(fake, { timeoutMs: 300 });
    const result = await client.sendProactiveEvent(weatherEvent('amb2'));
    expect(result).toMatchObject({ status: 202, attempts: 2 });
    expect(result.duplicate).toBeUndefined();
    expect(fake.acceptedKeys.get(key('amb2'))).toBe(1);
    await client.close();
  });

  it.each<[string, ScriptedResponse[], boolean]>([
    [
      'accepted, then no answer, then resets',
      [{ fault: 'accept-then-hang' }, { fault: 'reset' }],
      true,
    ],
    ['a 503, then resets', [{ status: 503 }, { fault: 'reset' }], true],
    [
      // The client cannot tell a reset before the server read the request from one after.
      'resets (before the request was read)',
      [{ fault: 'reset-before-read' }, { fault: 'reset-before-read' }],
      true,
    ],
    [
      '429s',
      [
        { status: 429, headers: { 'retry-after': '0' } },
        { status: 429, headers: { 'retry-after': '0' } },
      ],
      false,
    ],
  ])(
    'out of attempts after %s: failed, and marked maybe delivered exactly when it may be (outcome, journal, outbox)',
    async (_, faults, maybeDelivered) => {
      fake.script('events', ...faults);
      const { client } = harness(fake, { timeoutMs: 300, retry: { maxAttempts: 2 } });
      const journal = join(dir, 'run.journal');
      const outbox = join(dir, 'outbox.jsonl');
      const { outcomes } = await client.sendMany([weatherEvent('amb4')], { journal, outbox });
      const outcome = outcomes[0];
      expect(outcome?.status).toBe('failed');
      expect(outcome?.status === 'failed' && outcome.error.maybeDelivered).toBe(
        maybeDelivered ? true : undefined,
      );
      expect(readJournal(journal).finished.get(0)?.maybeDelivered).toBe(
        maybeDelivered ? true : undefined,
      );
      expect((await readOutbox(outbox))[0]?.maybeDelivered).toBe(maybeDelivered ? true : undefined);
      expect(fake.acceptedKeys.get(key('amb4')) ?? 0).toBe(
        faults[0]?.fault === 'accept-then-hang' ? 1 : 0,
      );
      await client.close();
    },
  );

  it('429 then 409: nothing could have been accepted, so the 409 is a failure', async () => {
    fake.script('events', { status: 429, headers: { 'retry-after': '0' } }, { status: 409 });
    const { client } = harness(fake);
    const error = (await client.sendProactiveEvent(weatherEvent('amb3')).catch((e) => e)) as {
      status: number;
    };
    expect(error.status).toBe(409);
    await client.close();
  });
});

describe('token answers', () => {
  it.each<[string, ScriptedResponse]>([
    [
      '200 text/html from a proxy',
      { status: 200, headers: { 'content-type': 'text/html' }, body: '<html>proxy error</html>' },
    ],
    [
      '200 with a non-numeric expires_in',
      { status: 200, body: { access_token: 'Atza|x1', expires_in: 'soon' } },
    ],
    ['200 without expires_in', { status: 200, body: { access_token: 'Atza|x2' } }],
    ['500', { status: 500, body: 'oops' }],
    ['429', { status: 429, body: { error: 'slow_down' } }],
    ['a reset', { fault: 'reset' }],
  ])('one bad answer (%s) is retried: all 100 events sent, 2 token requests', async (_, bad) => {
    fake.script('token', bad);
    const { client } = harness(fake);
    const events = Array.from({ length: 100 }, (_, i) => weatherEvent(`tok${i}`));
    const { summary, outcomes } = await client.sendMany(events, { concurrency: 32 });
    expect(summary).toMatchObject({ total: 100, sent: 100, failed: 0, unsent: 0 });
    expect(outcomes.every((o) => o.status === 'sent' && o.attempts >= 1)).toBe(true);
    expect(fake.tokenRequests).toBe(2);
    expect(fake.accepted).toBe(100);
    await client.close();
  });

  it('invalid_client is final: one token request, every event failed with the hint, 0 attempts', async () => {
    fake.script('token', {
      status: 401,
      body: { error: 'invalid_client', error_description: 'no' },
    });
    const { client } = harness(fake);
    const events = Array.from({ length: 50 }, (_, i) => weatherEvent(`cred${i}`));
    const { summary, outcomes } = await client.sendMany(events, { concurrency: 8 });
    expect(summary).toMatchObject({ sent: 0, failed: 50 });
    expect(fake.tokenRequests).toBe(1);
    expect(fake.eventRequests).toBe(0);
    const first = outcomes[0];
    expect(first?.status === 'failed' && first.error.hint).toMatch(/^Check that ALEXA_CLIENT_ID/);
    await client.close();
  });

  it('an invalid answer repeated until the attempts run out is retryable, not a credentials error', async () => {
    const html = { status: 200, body: '<html>proxy</html>' };
    fake.script('token', html, html, html);
    const { client } = harness(fake, { retry: { maxAttempts: 3 } });
    const error = await client.getAccessToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LwaError);
    expect((error as LwaError).retryable).toBe(true);
    expect((error as LwaError).code).toBe('invalid_response');
    await client.close();
  });
});

describe('what is validated is what is sent', () => {
  it('an event that only inherits its fields serializes to {} and is refused, not POSTed', async () => {
    const { client } = harness(fake);
    const error = await client
      .sendProactiveEvent(Object.create(weatherEvent('proto')) as object)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProactiveEventValidationError);
    expect(fake.eventRequests).toBe(0);
    await client.close();
  });

  it('a non-enumerable toJSON: the validator sees and Amazon gets the same bytes', async () => {
    const { client } = harness(fake);
    const event = weatherEvent('shown');
    Object.defineProperty(event, 'toJSON', {
      value: () => weatherEvent('posted'),
      enumerable: false,
    });
    const result = await client.sendProactiveEvent(event);
    expect(result.referenceId).toBe('posted');
    expect(JSON.parse(fake.eventRequestLog()[0]?.body ?? '')).toMatchObject({
      referenceId: 'posted',
    });

    const bad = weatherEvent('shown2');
    Object.defineProperty(bad, 'toJSON', { value: () => ({}), enumerable: false });
    await expect(client.sendProactiveEvent(bad)).rejects.toBeInstanceOf(
      ProactiveEventValidationError,
    );
    expect(fake.eventRequests).toBe(1);
    await client.close();
  });
});

describe('sendMany never rejects for one event', () => {
  it('an event whose getter throws fails alone, with an outbox line; the rest are sent', async () => {
    const outbox = join(dir, 'outbox.jsonl');
    const { client } = harness(fake);
    const hostile = weatherEvent('hostile');
    Object.defineProperty(hostile, 'referenceId', {
      enumerable: true,
      get() {
        throw new Error('getter exploded');
      },
    });
    const events = [weatherEvent('ok1'), hostile, weatherEvent('ok2')];
    const { outcomes, summary } = await client.sendMany(events, { outbox, concurrency: 2 });
    expect(summary).toMatchObject({ total: 3, sent: 2, failed: 1, outboxed: 1 });
    expect(outcomes[1]).toMatchObject({
      index: 1,
      status: 'failed',
      attempts: 0,
      error: { message: expect.stringContaining('getter exploded') as string },
    });
    const [entry] = await readOutbox(outbox);
    expect(entry).toMatchObject({
      event: null,
      reason: expect.stringContaining('getter exploded') as string,
    });
    await client.close();
  });

  it('a throwing onProgress callback changes no outcome', async () => {
    const { client } = harness(fake);
    const { summary } = await client.sendMany([weatherEvent('p1'), weatherEvent('p2')], {
      onProgress: () => {
        throw new Error('progress bug');
      },
    });
    expect(summary).toMatchObject({ sent: 2, failed: 0 });
    await client.close();
  });
});

describe('mixed faults', () => {
  it('1,000 events through a seeded mix of faults: each accepted exactly once or failed with a reason', async () => {
    await fake.close();
    fake = await FakeAmazon.start({ mixedFaults: { seed: 7, eventRate: 0.15, tokenRate: 0.3 } });
    // Only the injected hangs should time out: at 250 ms, answers delayed by a busy machine (load
    // 10 on 2 cores) timed out too, and an event that had been accepted ended as failed.
    const { client } = harness(fake, { timeoutMs: 1000, retry: { maxAttempts: 6 } });
    const events = Array.from({ length: 1000 }, (_, i) => weatherEvent(`mix${i}`));
    const { outcomes, summary } = await client.sendMany(events, { concurrency: 32 });
    expect(summary.unsent).toBe(0);
    for (const outcome of outcomes) {
      const accepted = fake.acceptedKeys.get(key(outcome.referenceId ?? '')) ?? 0;
      if (outcome.status === 'sent') expect(accepted).toBe(1);
      else if (outcome.status === 'failed') {
        // Out of attempts after one that may have reached Amazon, it says so (and may be accepted).
        expect(accepted).toBeLessThanOrEqual(outcome.error.maybeDelivered ? 1 : 0);
        expect(outcome.error.message).not.toBe('');
      }
    }
    expect(summary.duplicates).toBeGreaterThan(0);
    expect([...fake.acceptedKeys.values()].every((n) => n === 1)).toBe(true);
    await client.close();
  }, 30_000);
});
