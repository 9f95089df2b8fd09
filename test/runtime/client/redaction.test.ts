import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Logger } from '../../../runtime/client/types.js';
import { maskToken, redact, REDACTED } from '../../../runtime/client/redact.js';
import { FakeAmazon } from '../../support/fake-amazon.js';
import { weatherEvent } from '../../support/events.js';
import { harness } from '../../support/client-harness.js';

const SECRET = 'ZZ-very-distinctive-secret-9f3b7c';
const TOKEN_PREFIX = 'Atza|QQ-distinctive-token-';

let fake: FakeAmazon;
beforeEach(async () => {
  fake = await FakeAmazon.start({ clientSecret: SECRET, tokenPrefix: TOKEN_PREFIX });
});
afterEach(async () => {
  await fake.close();
});

function everything(error: unknown): string {
  const e = error as Error;
  return [e.message, e.stack, JSON.stringify(e), inspect(e, { depth: 10 }), String(e)].join('\n');
}

function expectClean(text: string): void {
  expect(text).not.toContain(SECRET);
  expect(text).not.toContain(encodeURIComponent(SECRET));
  expect(text).not.toContain(TOKEN_PREFIX);
}

describe('secrets never leak', () => {
  it('redact scrubs plain, URL-encoded and JSON-escaped forms', () => {
    const secret = 'a b/c"d';
    const text = `x ${secret} y ${encodeURIComponent(secret)} z a+b%2Fc%22d w ${JSON.stringify(secret)}`;
    expect(redact(text, [secret])).toBe(
      `x ${REDACTED} y ${REDACTED} z ${REDACTED} w "${REDACTED}"`,
    );
    expect(maskToken('Atza|abcdefghijklmnop')).toBe('Atza|abc… (21 chars)');
  });

  it('not in util.inspect(client) or JSON.stringify(client), even after a token was fetched', async () => {
    const { client } = harness(fake);
    await client.getAccessToken();
    const shown = `${inspect(client, { depth: 10, showHidden: true })}\n${JSON.stringify(client)}`;
    expectClean(shown);
    expect(shown).toContain('ProactiveEventsClient');
    expect(shown).toContain(fake.options.clientId);
    await client.close();
  });

  it('not in an LWA error that echoes the secret back', async () => {
    fake.script('token', {
      status: 401,
      body: {
        error: 'invalid_client',
        error_description: `client_secret=${encodeURIComponent(SECRET)} (${SECRET}) is wrong`,
      },
    });
    const { client } = harness(fake);
    const error = await client.getAccessToken().catch((e: unknown) => e);
    expectClean(everything(error));
    expect((error as Error).message).toBe(
      `Login with Amazon refused the token request (401 invalid_client): client_secret=${REDACTED} (${REDACTED}) is wrong`,
    );
    await client.close();
  });

  it('not in an API error whose body echoes the token, nor in logger output', async () => {
    const lines: string[] = [];
    const logger: Logger = {
      debug: (m, d) => lines.push(m + JSON.stringify(d ?? {})),
      info: (m, d) => lines.push(m + JSON.stringify(d ?? {})),
      warn: (m, d) => lines.push(m + JSON.stringify(d ?? {})),
      error: (m, d) => lines.push(m + JSON.stringify(d ?? {})),
    };
    const { client } = harness(fake, { logger });
    await client.getAccessToken();
    fake.script(
      'events',
      { status: 500, body: `token ${fake.tokenNumber(1)} broke` },
      { status: 400, body: { code: 'BAD', message: `bad token ${fake.tokenNumber(1)}` } },
    );
    const error = await client.sendProactiveEvent(weatherEvent('leak1')).catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      `Amazon answered 400 for event leak1 after 2 attempts: BAD bad token ${REDACTED}`,
    );
    expectClean(everything(error));
    expect(lines.length).toBeGreaterThan(0);
    expectClean(lines.join('\n'));
    await client.close();
  });

  it('passes a logger only the arguments it has (console.debug prints no stray undefined)', async () => {
    const calls: unknown[][] = [];
    const { client } = harness(fake, {
      logger: { debug: (...args: unknown[]) => calls.push(args) },
    });
    await client.getAccessToken();
    expect(calls).toEqual([['access token issued, valid for 3600 s']]);
    await client.close();
  });

  it('not in sendMany outcomes or the outbox entry', async () => {
    fake.script('events', { status: 400, body: { message: `echo ${SECRET}` } });
    const { client } = harness(fake);
    const result = await client.sendMany([weatherEvent('leak2')]);
    expectClean(JSON.stringify(result));
    expect(result.outcomes[0]).toMatchObject({ status: 'failed' });
    await client.close();
  });
});
