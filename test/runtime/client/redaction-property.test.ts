/**
 * Property: whatever LWA or the events API echo back (the client secret or the token, in any case,
 * base64/base64url at any alignment, URL-, form-, JSON- or HTML-entity-encoded, anywhere in a long
 * body), nothing that leaves the library carries it: error message, code, body, hint, stack, JSON,
 * inspect output, sendMany outcomes, outbox and journal lines.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FakeAmazon, type ScriptedResponse } from '../../support/fake-amazon.js';
import { weatherEvent } from '../../support/events.js';
import { harness } from '../../support/client-harness.js';

type Encoding = (secret: string, prefix: string) => string;

/** The test's own encoders, written independently of runtime/client/redact.ts. */
const ENCODINGS: Record<string, Encoding> = {
  plain: (s) => s,
  upper: (s) => s.toUpperCase(),
  lower: (s) => s.toLowerCase(),
  base64: (s, p) => Buffer.from(p + s + p).toString('base64'),
  base64url: (s, p) => Buffer.from(p + s).toString('base64url'),
  basicAuth: (s, p) => `Basic ${Buffer.from(`client-${p}:${s}`).toString('base64')}`,
  uri: (s) => encodeURIComponent(s),
  form: (s) => new URLSearchParams({ client_secret: s }).toString(),
  json: (s) => JSON.stringify({ echo: s }),
  html: (s) =>
    s
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&#39;'),
  entities: (s) => [...s].map((c) => `&#${c.charCodeAt(0)};`).join(''),
};

/** Every recognisable form of `secret` a leak could take, for the assertion. */
function leakForms(secret: string): string[] {
  const forms = [secret, secret.toLowerCase(), secret.toUpperCase(), encodeURIComponent(secret)];
  for (const variant of [secret, secret.toLowerCase(), secret.toUpperCase()]) {
    for (let pad = 0; pad < 3; pad++) {
      const b64 = Buffer.from('\0'.repeat(pad) + variant).toString('base64');
      forms.push(b64.slice(Math.ceil((8 * pad) / 6), Math.floor((8 * (pad + variant.length)) / 6)));
    }
  }
  return forms
    .flatMap((f) => [f, f.replace(/\+/g, '-').replace(/\//g, '_')])
    .filter((f) => f.length >= 8);
}

const secretArb = fc
  .string({
    unit: fc.constantFrom(...'abcdefghijkLMNOPQRSTUVWXYZ0123456789-_.~+/=&<>"\' %'),
    minLength: 12,
    maxLength: 40,
  })
  .filter((s) => /[a-z]/i.test(s) && s.trim() === s);

const placementArb = fc.constantFrom(
  'lwa-description',
  'lwa-code',
  'lwa-html-200',
  'api-text-long',
  'api-json-message',
  'api-json-code',
);

describe('redaction property', () => {
  it('no echoed secret or token leaves the library, in any encoding or place', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pe-redact-'));
    try {
      await fc.assert(
        fc.asyncProperty(
          secretArb,
          fc.constantFrom(...Object.keys(ENCODINGS)),
          placementArb,
          fc.string({ maxLength: 3 }),
          fc.nat({ max: 520 }),
          fc.boolean(),
          async (secret, encodingName, placement, prefix, padding, echoToken) => {
            const fake = await FakeAmazon.start({
              clientSecret: secret,
              tokenPrefix: `Atza|tok-${padding}-`,
            });
            const dirRun = await mkdtemp(join(dir, 'run-'));
            try {
              const encode = ENCODINGS[encodingName] as Encoding;
              const target =
                echoToken && placement.startsWith('api') ? fake.tokenNumber(1) : secret;
              const echoed = encode(target, prefix);
              const pad = 'x'.repeat(padding);
              const script: Record<string, ScriptedResponse> = {
                'lwa-description': {
                  status: 401,
                  body: { error: 'invalid_client', error_description: `${pad}${echoed}${pad}` },
                },
                'lwa-code': {
                  status: 400,
                  body: {
                    error: secret.replace(/[^\w.-]/g, 'a').slice(0, 64),
                    error_description: echoed,
                  },
                },
                'lwa-html-200': {
                  status: 200,
                  headers: { 'content-type': 'text/html' },
                  body: `<p>${pad}${echoed}</p>`,
                },
                'api-text-long': { status: 400, body: `${pad}${echoed}${pad}` },
                'api-json-message': {
                  status: 403,
                  body: { code: 'X', message: `${pad}${echoed}` },
                },
                'api-json-code': { status: 400, body: { code: echoed, message: 'm' } },
              };
              const response = script[placement] as ScriptedResponse;
              if (placement === 'lwa-code') {
                // The code itself is the secret when the secret fits LWA's code alphabet.
                response.body = {
                  error: /^[\w.-]{1,64}$/.test(secret) ? secret : 'invalid_client',
                  error_description: echoed,
                };
              }
              if (placement.startsWith('lwa')) fake.script('token', response, response, response);
              else fake.script('events', response);
              const { client } = harness(fake, { retry: { maxAttempts: 2 } });
              const outbox = join(dirRun, 'outbox.jsonl');
              const journal = join(dirRun, 'run.journal');
              const single = await client
                .sendProactiveEvent(weatherEvent('r1'))
                .catch((e: unknown) => e);
              if (placement.startsWith('lwa')) fake.script('token', response, response);
              else fake.script('events', response);
              const many = await client.sendMany([weatherEvent('r2')], { outbox, journal });
              await client.close();
              const e = single as Error;
              const seen = [
                e.message,
                e.stack,
                JSON.stringify(e),
                inspect(e, { depth: 10, showHidden: true }),
                JSON.stringify(many),
                await readFile(outbox, 'utf8').catch(() => ''),
                await readFile(journal, 'utf8'),
              ].join('\n');
              for (const form of [...leakForms(secret), ...leakForms(fake.tokenNumber(1))]) {
                expect(seen).not.toContain(form);
              }
            } finally {
              await fake.close();
            }
          },
        ),
        { numRuns: 60, seed: 20250611 },
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
