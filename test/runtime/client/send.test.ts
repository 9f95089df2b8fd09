import { ProactiveEventValidationError } from '../../../runtime/validation/issues.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MULTICAST_NOTICE, ProactiveEventsClient } from '../../../runtime/client/client.js';
import {
  ProactiveEventsApiError,
  ProactiveEventsNetworkError,
} from '../../../runtime/client/errors.js';
import { ProactiveEventsClient as GeneratedClient } from '../../../generated/client.js';
import { FakeAmazon } from '../../support/fake-amazon.js';
import { weatherEvent } from '../../support/events.js';
import { harness } from '../../support/client-harness.js';

let fake: FakeAmazon;
beforeEach(async () => {
  fake = await FakeAmazon.start();
});
afterEach(async () => {
  await fake.close();
});

async function failure(promise: Promise<unknown>): Promise<ProactiveEventsApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProactiveEventsApiError);
  return error as ProactiveEventsApiError;
}

describe('sendProactiveEvent', () => {
  it('POSTs the event with bearer token and JSON body; 202 → result', async () => {
    const { client } = harness(fake);
    const event = weatherEvent('ref-ok-1');
    const result = await client.sendProactiveEvent(event);
    expect(result).toEqual({ status: 202, referenceId: 'ref-ok-1', attempts: 1, warnings: [] });
    const [request] = fake.eventRequestLog();
    expect(request?.path).toBe('/v1/proactiveEvents/stages/development');
    expect(request?.method).toBe('POST');
    expect(request?.headers.authorization).toBe(`Bearer ${fake.tokenNumber(1)}`);
    expect(request?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request?.body ?? '')).toEqual(event);
    await client.close();
  });

  it('any 2xx is success; Multicast gets the notice', async () => {
    fake.script('events', { status: 200 });
    const { client } = harness(fake);
    const result = await client.sendProactiveEvent(weatherEvent('m1', { audience: 'Multicast' }));
    expect(result.status).toBe(200);
    expect(result.notice).toBe(MULTICAST_NOTICE);
    await client.close();
  });

  it('an invalid event is never sent', async () => {
    const { client } = harness(fake);
    const error = await client
      .sendProactiveEvent({ ...weatherEvent('bad ref!'), relevantAudience: { type: 'Broadcast' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProactiveEventValidationError);
    expect((error as ProactiveEventValidationError).errors.map((i) => i.path)).toEqual([
      '/referenceId',
      '/relevantAudience/type',
    ]);
    expect(fake.eventRequests).toBe(0);
    expect(fake.tokenRequests).toBe(0);
    await client.close();
  });

  it('429 without Retry-After → exponential backoff with full jitter, then success', async () => {
    fake.script('events', { status: 429 }, { status: 429 }, { status: 429 });
    const { client, sleeps } = harness(fake, { retry: { baseDelayMs: 100, maxDelayMs: 250 } });
    const result = await client.sendProactiveEvent(weatherEvent('r429'));
    expect(result.attempts).toBe(4);
    // random() = 0.5 × min(maxDelay, base × 2^(n-1)): 100, 200, 250(capped)
    expect(sleeps).toEqual([50, 100, 125]);
    expect(fake.eventRequests).toBe(4);
    await client.close();
  });

  it('429 with Retry-After in seconds and as an HTTP-date is honoured (capped by maxDelayMs)', async () => {
    const { client, sleeps, clock } = harness(fake, { retry: { maxDelayMs: 30_000 } });
    fake.script(
      'events',
      { status: 429, headers: { 'retry-after': '3' } },
      { status: 429, headers: { 'retry-after': new Date(clock.now + 7_000).toUTCString() } },
      { status: 429, headers: { 'retry-after': '120' } },
    );
    const result = await client.sendProactiveEvent(weatherEvent('rRA'));
    expect(result.attempts).toBe(4);
    expect(sleeps).toEqual([3_000, 7_000, 30_000]);
    await client.close();
  });

  it('429 on every attempt → final error after maxAttempts with the throttling hint', async () => {
    fake.script('events', ...Array.from({ length: 5 }, () => ({ status: 429 })));
    const { client, sleeps } = harness(fake);
    const error = await failure(client.sendProactiveEvent(weatherEvent('r429x')));
    expect(error.status).toBe(429);
    expect(error.attempts).toBe(5);
    expect(sleeps.length).toBe(4);
    expect(error.hint).toBe(
      'Throttled by Amazon: retried 4 times without success; lower the concurrency or send later.',
    );
    expect(fake.eventRequests).toBe(5);
    await client.close();
  });

  it('500 then success → attempts 2', async () => {
    fake.script('events', { status: 500, body: { code: 'INTERNAL', message: 'oops' } });
    const { client } = harness(fake);
    const result = await client.sendProactiveEvent(weatherEvent('r500'));
    expect(result).toMatchObject({ status: 202, attempts: 2 });
    expect(fake.eventRequests).toBe(2);
    await client.close();
  });

  it('5xx on every attempt → Amazon-side hint', async () => {
    fake.script('events', { status: 503 }, { status: 502 });
    const { client } = harness(fake, { retry: { maxAttempts: 2 } });
    const error = await failure(client.sendProactiveEvent(weatherEvent('r5xx')));
    expect(error.status).toBe(502);
    expect(error.attempts).toBe(2);
    expect(error.hint).toBe('Amazon-side error after 2 attempts: try again later.');
    await client.close();
  });

  it('connection reset then success', async () => {
    fake.script('events', { fault: 'reset' });
    const { client, sleeps } = harness(fake);
    const result = await client.sendProactiveEvent(weatherEvent('rreset'));
    expect(result).toMatchObject({ status: 202, attempts: 2 });
    expect(fake.eventRequests).toBe(2);
    expect(sleeps).toEqual([100]);
    await client.close();
  });

  it('connection refused → ProactiveEventsNetworkError after maxAttempts', async () => {
    const closed = await FakeAmazon.start();
    const deadOrigin = closed.origin;
    await closed.close();
    const { client } = harness(fake, { apiUrl: deadOrigin, retry: { maxAttempts: 3 } });
    const error = (await client
      .sendProactiveEvent(weatherEvent('rdead'))
      .catch((e: unknown) => e)) as ProactiveEventsNetworkError;
    expect(error).toBeInstanceOf(ProactiveEventsNetworkError);
    expect(error.timedOut).toBe(false);
    expect(error.code).toBe('ECONNREFUSED');
    expect(error.attempts).toBe(3);
    await client.close();
  });

  it('a hanging server fails fast with a timeout error', async () => {
    fake.script('events', { fault: 'hang' }, { fault: 'hang' });
    const { client } = harness(fake, { timeoutMs: 200, retry: { maxAttempts: 2 } });
    const started = performance.now();
    const error = (await client
      .sendProactiveEvent(weatherEvent('rhang'))
      .catch((e: unknown) => e)) as ProactiveEventsNetworkError;
    const elapsed = performance.now() - started;
    expect(error).toBeInstanceOf(ProactiveEventsNetworkError);
    expect(error.timedOut).toBe(true);
    expect(error.attempts).toBe(2);
    expect(error.message).toBe(
      `No response from ${fake.origin}/v1/proactiveEvents/stages/development within 200 ms (2 attempts)`,
    );
    expect(fake.eventRequests).toBe(2);
    expect(elapsed).toBeGreaterThanOrEqual(390);
    expect(elapsed).toBeLessThan(2_000);
    await client.close();
  });

  it.each([
    [
      400,
      { code: 'INVALID_REQUEST', message: 'bad payload' },
      'Amazon rejected the event as malformed: run `proactive-events validate` on the event.',
    ],
    [
      409,
      { code: 'DUPLICATE', message: 'duplicate referenceId' },
      'This referenceId was already used for this user: generate a new referenceId.',
    ],
    [
      432,
      undefined,
      'The live notification limit for this user has been reached (the development stage is not limited).',
    ],
  ])('%i is final: one request, typed error, exact hint', async (status, body, hint) => {
    fake.script('events', { status, body });
    const { client, sleeps } = harness(fake);
    const error = await failure(client.sendProactiveEvent(weatherEvent('rfinal')));
    expect(error.status).toBe(status);
    expect(error.attempts).toBe(1);
    expect(error.referenceId).toBe('rfinal');
    expect(error.body).toEqual(body);
    expect(error.hint).toBe(hint);
    expect(fake.eventRequests).toBe(1);
    expect(sleeps).toEqual([]);
    await client.close();
  });

  it('409 after a reset that may have reached Amazon → delivered, marked duplicate', async () => {
    fake.script('events', { fault: 'reset' }, { status: 409 });
    const { client } = harness(fake);
    const result = await client.sendProactiveEvent(weatherEvent('rdup'));
    expect(result).toEqual({
      status: 409,
      referenceId: 'rdup',
      attempts: 2,
      duplicate: true,
      warnings: [],
    });
    await client.close();
  });

  it('409 on a first attempt is a failure: the referenceId was used before', async () => {
    fake.script('events', { status: 409 });
    const { client } = harness(fake);
    const error = await failure(client.sendProactiveEvent(weatherEvent('rdup0')));
    expect(error.attempts).toBe(1);
    expect(error.hint).toBe(
      'This referenceId was already used for this user: generate a new referenceId.',
    );
    await client.close();
  });

  it('401 with a cached token → invalidate, one refresh, one retry', async () => {
    const { client } = harness(fake);
    await client.sendProactiveEvent(weatherEvent('a1'));
    fake.revokeTokens(); // the cached token is now rejected with 401
    const result = await client.sendProactiveEvent(weatherEvent('a2'));
    expect(result).toMatchObject({ status: 202, attempts: 2 });
    expect(fake.tokenRequests).toBe(2);
    const auths = fake.eventRequestLog().map((r) => r.headers.authorization);
    expect(auths).toEqual([
      `Bearer ${fake.tokenNumber(1)}`,
      `Bearer ${fake.tokenNumber(1)}`,
      `Bearer ${fake.tokenNumber(2)}`,
    ]);
    await client.close();
  });

  it('401 with a fresh token is final', async () => {
    fake.script('events', { status: 401 });
    const { client } = harness(fake);
    const error = await failure(client.sendProactiveEvent(weatherEvent('a3')));
    expect(error.status).toBe(401);
    expect(error.attempts).toBe(1);
    expect(fake.tokenRequests).toBe(1);
    await client.close();
  });

  it('403 on Unicast with a fresh token is final, with the subscription hint', async () => {
    fake.script('events', { status: 403 });
    const { client } = harness(fake);
    const error = await failure(client.sendProactiveEvent(weatherEvent('u403')));
    expect(error.attempts).toBe(1);
    expect(error.hint).toBe(
      'The user is not subscribed to this event, or has turned notifications off for the skill.',
    );
    await client.close();
  });

  it('403 with a cached, unproven token → one refresh; a proven token is not refreshed again', async () => {
    const { client } = harness(fake);
    await client.getAccessToken(); // cached but never used
    fake.script('events', { status: 403 }, { status: 403 }, { status: 403 });
    const first = await failure(
      client.sendProactiveEvent(weatherEvent('u1', { audience: 'Multicast' })),
    );
    expect(first.attempts).toBe(2);
    expect(first.hint).toBe(
      'The token or credentials lack permission to send proactive events: check the Skill Messaging credentials and the skill permission alexa::devices:all:notifications:write.',
    );
    expect(fake.tokenRequests).toBe(2);
    // token 2 came fresh and still got 403: a further 403 is not a token problem.
    const second = await failure(client.sendProactiveEvent(weatherEvent('u2')));
    expect(second.attempts).toBe(1);
    expect(fake.tokenRequests).toBe(2);
    await client.close();
  });

  it('without a validate function the runtime client throws', () => {
    expect(
      () => new ProactiveEventsClient({ clientId: 'a-client', clientSecret: 'a-secret' } as never),
    ).toThrow(
      'validate is required: a function (event, { now }) => ValidationResult, such as the generated validateProactiveEvent.',
    );
  });

  it('the generated client validates with the generated validator by default', async () => {
    const client = new GeneratedClient({
      clientId: fake.options.clientId,
      clientSecret: fake.options.clientSecret,
      apiUrl: fake.origin,
      tokenUrl: fake.tokenUrl,
    });
    const stale = weatherEvent('stale1', { now: Date.now() - 2 * 60 * 60 * 1000 });
    await expect(client.sendProactiveEvent(stale)).rejects.toThrow(
      'The proactive event stale1 is invalid',
    );
    expect(fake.requests.filter((request) => request.route === 'events')).toHaveLength(0);
    await client.close();
  });
});
