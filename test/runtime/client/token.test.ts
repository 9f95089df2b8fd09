import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LWA_HINTS, LwaError } from '../../../runtime/client/errors.js';
import { getAccessToken, sendAuthRequest } from '../../../runtime/client/token.js';
import { FakeAmazon } from '../../support/fake-amazon.js';
import { weatherEvent } from '../../support/events.js';
import { harness } from '../../support/client-harness.js';

let fake: FakeAmazon;
beforeEach(async () => {
  fake = await FakeAmazon.start({
    clientId: 'cid-token-tests',
    clientSecret: 'S3CRET-token-tests',
  });
});
afterEach(async () => {
  await fake.close();
});

describe('LWA token', () => {
  it('sends the documented form body and content type', async () => {
    const { client } = harness(fake);
    const response = await client.sendAuthRequest();
    expect(response).toEqual({
      access_token: fake.tokenNumber(1),
      expires_in: 3600,
      scope: 'alexa::proactive_events',
      token_type: 'bearer',
    });
    const [request] = fake.requests;
    expect(request?.path).toBe('/auth/o2/token');
    expect(request?.method).toBe('POST');
    expect(request?.headers['content-type']).toBe(
      'application/x-www-form-urlencoded;charset=UTF-8',
    );
    expect(request?.body).toBe(
      'grant_type=client_credentials&client_id=cid-token-tests&client_secret=S3CRET-token-tests' +
        '&scope=alexa%3A%3Aproactive_events',
    );
    await client.close();
  });

  it('concurrent first calls share exactly one token request', async () => {
    const { client } = harness(fake);
    const tokens = await Promise.all(Array.from({ length: 20 }, () => client.getAccessToken()));
    expect(new Set(tokens)).toEqual(new Set([fake.tokenNumber(1)]));
    expect(fake.tokenRequests).toBe(1);
    await client.close();
  });

  it('caches the token until 60 s before expires_in ends', async () => {
    const { client, clock } = harness(fake);
    const start = clock.now;
    expect(await client.getAccessToken()).toBe(fake.tokenNumber(1));
    clock.now = start + (3600 - 60) * 1000 - 1; // 60 s + 1 ms before expiry: still cached
    expect(await client.getAccessToken()).toBe(fake.tokenNumber(1));
    expect(fake.tokenRequests).toBe(1);
    clock.now = start + (3600 - 60) * 1000; // exactly 60 s before expiry: refreshed
    expect(await client.getAccessToken()).toBe(fake.tokenNumber(2));
    expect(fake.tokenRequests).toBe(2);
    await client.close();
  });

  it('a token expiring mid-run is refreshed exactly once', async () => {
    const { client, clock } = harness(fake);
    const start = clock.now;
    const events = Array.from({ length: 40 }, (_, i) => weatherEvent(`ref${i}`));
    const result = await client.sendMany(events, {
      concurrency: 4,
      onProgress: ({ done }) => {
        // Halfway through, the clock jumps past the refresh point of the first token.
        if (done === 20) clock.now = start + 3600 * 1000;
      },
    });
    expect(result.summary).toMatchObject({ total: 40, sent: 40, failed: 0 });
    expect(fake.tokenRequests).toBe(2);
    const auths = fake.eventRequestLog().map((r) => r.headers.authorization);
    expect(
      auths.filter((a) => a === `Bearer ${fake.tokenNumber(1)}`).length,
    ).toBeGreaterThanOrEqual(20);
    expect(auths.filter((a) => a === `Bearer ${fake.tokenNumber(2)}`).length).toBeGreaterThan(0);
    expect(auths.length).toBe(40);
    await client.close();
  });

  it('a failed in-flight request fails every waiter with the same error; the next call retries', async () => {
    fake.script('token', {
      status: 400,
      body: { error: 'invalid_scope', error_description: 'no scope' },
    });
    const { client } = harness(fake);
    const settled = await Promise.allSettled(
      Array.from({ length: 5 }, () => client.getAccessToken()),
    );
    const reasons = settled.map((s) => (s.status === 'rejected' ? s.reason : undefined));
    expect(reasons[0]).toBeInstanceOf(LwaError);
    for (const reason of reasons) expect(reason).toBe(reasons[0]);
    expect(fake.tokenRequests).toBe(1);
    expect(await client.getAccessToken()).toBe(fake.tokenNumber(1));
    expect(fake.tokenRequests).toBe(2);
    await client.close();
  });

  it('invalid_client → LwaError with the credentials hint', async () => {
    const { client } = harness(fake, { clientSecret: 'WRONG-secret-value' });
    const error = await client.getAccessToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LwaError);
    expect(error).toMatchObject({ code: 'invalid_client', status: 401, attempts: 1 });
    expect((error as LwaError).hint).toBe(
      "Check that ALEXA_CLIENT_ID and ALEXA_CLIENT_SECRET are the Skill Messaging credentials from the developer console's Build → Permissions page.",
    );
    expect((error as LwaError).message).toBe(
      'Login with Amazon refused the token request (401 invalid_client): Client authentication failed',
    );
    expect(fake.tokenRequests).toBe(1); // 401 is final: no retry
    await client.close();
  });

  it('invalid_scope → LwaError with the manifest hint', async () => {
    fake.script('token', {
      status: 400,
      body: { error: 'invalid_scope', error_description: 'An unknown scope was requested' },
    });
    const { client } = harness(fake);
    const error = (await client.getAccessToken().catch((e: unknown) => e)) as LwaError;
    expect(error).toBeInstanceOf(LwaError);
    expect(error.code).toBe('invalid_scope');
    expect(error.status).toBe(400);
    expect(error.hint).toBe(LWA_HINTS.invalid_scope);
    expect(error.hint).toBe(
      'The skill manifest lacks the alexa::devices:all:notifications:write permission or events.publications: run `proactive-events manifest`, add the result to skill.json and redeploy.',
    );
    await client.close();
  });

  it('LWA 503 is retried with backoff, then succeeds', async () => {
    fake.script('token', { status: 503 });
    const { client, sleeps } = harness(fake, { retry: { baseDelayMs: 100 } });
    expect(await client.getAccessToken()).toBe(fake.tokenNumber(1));
    expect(fake.tokenRequests).toBe(2);
    expect(sleeps).toEqual([50]); // full jitter: random 0.5 × 100 ms
    await client.close();
  });

  it('standalone sendAuthRequest / getAccessToken (the seed API)', async () => {
    const options = { tokenUrl: fake.tokenUrl };
    const response = await sendAuthRequest('cid-token-tests', 'S3CRET-token-tests', options);
    expect(response.access_token).toBe(fake.tokenNumber(1));
    expect(response.expires_in).toBe(3600);
    expect(await getAccessToken('cid-token-tests', 'S3CRET-token-tests', options)).toBe(
      fake.tokenNumber(2),
    );
    await expect(getAccessToken('cid-token-tests', 'nope-nope', options)).rejects.toMatchObject({
      name: 'LwaError',
      code: 'invalid_client',
    });
  });
});
