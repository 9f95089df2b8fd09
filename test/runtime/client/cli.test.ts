import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readOutbox } from '../../../runtime/client/outbox.js';
import { FakeAmazon } from '../../support/fake-amazon.js';
import { weatherEvent } from '../../support/events.js';
import { cliProcessArgs, runCapturedCli, type CliRun } from '../../support/run-cli.js';

const CLIENT_ID = 'amzn1.application-oa2-client.cli-test';
const SECRET = 'XX-cli-distinctive-secret-4242';
const TOKEN_PREFIX = 'Atza|CLI-distinctive-token-';
const env = { ALEXA_CLIENT_ID: CLIENT_ID, ALEXA_CLIENT_SECRET: SECRET };

let fake: FakeAmazon;
let dir: string;
beforeEach(async () => {
  fake = await FakeAmazon.start({
    clientId: CLIENT_ID,
    clientSecret: SECRET,
    tokenPrefix: TOKEN_PREFIX,
  });
  dir = await mkdtemp(join(tmpdir(), 'pe-cli-'));
});
afterEach(async () => {
  await fake.close();
  await rm(dir, { recursive: true, force: true });
});

function expectNoSecrets(run: CliRun): void {
  const all = run.stdout + run.stderr;
  expect(all).not.toContain(SECRET);
  expect(all).not.toContain(encodeURIComponent(SECRET));
  expect(all).not.toContain(fake.tokenNumber(1));
}

async function eventsFile(name: string, content: unknown): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
}

const urls = (): string[] => ['--api-url', fake.origin, '--token-url', fake.tokenUrl];

describe('proactive-events token', () => {
  it('prints a masked token and its expiry; exit 0', async () => {
    const run = await runCapturedCli(['token', '--token-url', fake.tokenUrl], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      `access token: Atza|CLI… (${fake.tokenNumber(1).length} chars)  (masked)`,
    );
    expect(run.stdout).toContain('expires in:   3600 s (at ');
    expect(run.stderr).toBe('');
    expectNoSecrets(run);
  });

  it('--json prints the token masked too, and there is no way to print it whole', async () => {
    const run = await runCapturedCli(['token', '--token-url', fake.tokenUrl, '--json'], env);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      access_token: `Atza|CLI… (${fake.tokenNumber(1).length} chars)`,
      masked: true,
      expires_in: 3600,
      scope: 'alexa::proactive_events',
    });
    expectNoSecrets(run);
    const show = await runCapturedCli(['token', '--token-url', fake.tokenUrl, '--show'], env);
    expect(show.code).toBe(2);
    expect(show.stdout).not.toContain(fake.tokenNumber(1));
  });

  it('invalid_client → exit 1 with the hint, secret not echoed', async () => {
    fake.script('token', {
      status: 401,
      body: { error: 'invalid_client', error_description: `bad secret ${SECRET}` },
    });
    const run = await runCapturedCli(['token', '--token-url', fake.tokenUrl], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'Login with Amazon refused the token request (401 invalid_client): bad secret [REDACTED]\n' +
        "hint: Check that ALEXA_CLIENT_ID and ALEXA_CLIENT_SECRET are the Skill Messaging credentials from the developer console's Build → Permissions page.\n",
    );
    expectNoSecrets(run);
  });

  it('missing credentials → exit 2 with a clear message', async () => {
    const run = await runCapturedCli(['token', '--token-url', fake.tokenUrl], {
      ALEXA_CLIENT_ID: CLIENT_ID,
      ALEXA_CLIENT_SECRET: undefined,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      "Missing ALEXA_CLIENT_SECRET in the environment. Set ALEXA_CLIENT_ID and ALEXA_CLIENT_SECRET to the Skill Messaging credentials from the developer console's Build → Permissions page (there is no flag for the secret, so it stays out of shell history).\n",
    );
    expect(fake.tokenRequests).toBe(0);
  });

  it('there is no flag for the secret', async () => {
    const run = await runCapturedCli(
      ['token', '--client-secret', 'x', '--token-url', fake.tokenUrl],
      env,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Unknown arguments?: client-secret/);
    expect(fake.requests.length).toBe(0);
  });
});

describe('proactive-events send', () => {
  it('all sent → exit 0 and the summary line', async () => {
    const file = await eventsFile('ok.json', [weatherEvent('s1'), weatherEvent('s2')]);
    const single = await eventsFile('one.json', weatherEvent('s3'));
    const run = await runCapturedCli(['send', file, single, ...urls()], env);
    expect(run.stdout).toBe('sent 3, failed 0\n');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(fake.eventRequestLog().map((r) => r.path)).toEqual([
      '/v1/proactiveEvents/stages/development',
      '/v1/proactiveEvents/stages/development',
      '/v1/proactiveEvents/stages/development',
    ]);
    expect(fake.tokenRequests).toBe(1);
    expectNoSecrets(run);
  });

  it('--stage live posts to the live path and warns on stderr', async () => {
    const file = await eventsFile('ok.json', weatherEvent('live1'));
    const run = await runCapturedCli(['send', file, '--stage', 'live', ...urls()], env);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('Sending to the LIVE stage: these events reach real customers.\n');
    expect(fake.eventRequestLog()[0]?.path).toBe('/v1/proactiveEvents');
  });

  it('any failure → exit 1, a line per failure with its hint', async () => {
    fake.script(
      'events',
      { status: 202 },
      { status: 409, body: { code: 'DUP', message: 'duplicate' } },
    );
    const file = await eventsFile('mixed.json', [
      weatherEvent('m1'),
      weatherEvent('m2'),
      { referenceId: 'x y' },
    ]);
    const run = await runCapturedCli(['send', file, '--concurrency', '1', ...urls()], env);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('sent 1, failed 2\n');
    expect(run.stderr).toBe(
      [
        `failed ${file}[1] (m2): Amazon answered 409 for event m2 after 1 attempt: DUP duplicate`,
        '  hint: This referenceId was already used for this user: generate a new referenceId.',
        `failed ${file}[2] (x y): The proactive event x y is invalid (6 errors):`,
        '  /timestamp: The required property "timestamp" is missing; add a date-time such as 2019-02-13T14:00:00Z. [required]',
        '  /referenceId: "x y" does not match the pattern ^[A-Za-z0-9~-]+$. [pattern]',
        '  /expiryTime: The required property "expiryTime" is missing; add a date-time such as 2019-02-13T14:00:00Z. [required]',
        '  /event: The required property "event" is missing; add an object (name and payload). [required]',
        '  /localizedAttributes: The required property "localizedAttributes" is missing; add an array (empty when nothing is localized). [required]',
        '  /relevantAudience: The required property "relevantAudience" is missing; add an object (type and payload). [required]',
        '  hint: Fix the listed errors; `proactive-events validate FILE` lists them all.',
        '',
      ].join('\n'),
    );
    expectNoSecrets(run);
  });

  it('a failure after an attempt that may have reached Amazon says it may have been delivered', async () => {
    const busy = { status: 503, headers: { 'retry-after': '0' } };
    fake.script('events', busy, busy, busy, busy, busy);
    const file = await eventsFile('busy.json', weatherEvent('busy1'));
    const run = await runCapturedCli(['send', file, ...urls()], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      [
        `failed ${file} (busy1): Amazon answered 503 for event busy1 after 5 attempts`,
        '  hint: Amazon-side error after 5 attempts: try again later.',
        '  note: an attempt may have reached Amazon, so it may have been delivered; resending it with the same referenceId cannot deliver it twice',
        '',
      ].join('\n'),
    );
  });

  it('validation warnings are printed, the event is still sent (exit 0)', async () => {
    const event = weatherEvent('w1');
    // A localized key that nothing references: Amazon accepts it, the validator warns.
    event.localizedAttributes = [{ locale: 'en-US', source: 'Example Weather Corp', extra: 'x' }];
    const file = await eventsFile('warn.json', event);
    const run = await runCapturedCli(['send', file, ...urls()], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('sent 1, failed 0\n');
    expect(run.stderr).toBe(
      `warning ${file}: /localizedAttributes/0/extra: Nothing refers to "extra"; remove it, or refer to it with "localizedattribute:extra". [localized-unused]\n`,
    );
  });

  it('outbox round trip: failures are written, then resent with --resend-outbox', async () => {
    const outbox = join(dir, 'outbox.jsonl');
    const file = await eventsFile('batch.json', [
      weatherEvent('b1'),
      weatherEvent('b2'),
      weatherEvent('b3'),
    ]);

    // b2 and b3 fail for good: 400 and 432 are final (no retry, so no waiting).
    fake.script('events', { status: 202 }, { status: 400 }, { status: 432 });
    const second = await runCapturedCli(
      ['send', file, '--concurrency', '1', '--outbox', outbox, ...urls()],
      env,
    );
    expect(second.code).toBe(1);
    expect(second.stdout).toBe(`sent 1, failed 2 (2 written to ${outbox})\n`);
    const entries = await readOutbox(outbox);
    expect(
      entries.map((e) => [(e.event as { referenceId: string }).referenceId, e.status]),
    ).toEqual([
      ['b2', 400],
      ['b3', 432],
    ]);

    // Resend the outbox into itself: both go through, the outbox is left empty.
    fake.reset();
    const third = await runCapturedCli(
      ['send', '--resend-outbox', outbox, '--outbox', outbox, ...urls()],
      env,
    );
    expect(third.code).toBe(0);
    expect(third.stdout).toBe('sent 2, failed 0\n');
    expect(fake.eventRequestLog().map((r) => JSON.parse(r.body).referenceId)).toEqual(['b2', 'b3']);
    expect(await readFile(outbox, 'utf8')).toBe('');
    expectNoSecrets(third);
  });

  it('missing credentials → exit 2, nothing sent', async () => {
    const file = await eventsFile('ok.json', weatherEvent('n1'));
    const run = await runCapturedCli(['send', file, ...urls()], {
      ALEXA_CLIENT_ID: undefined,
      ALEXA_CLIENT_SECRET: undefined,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'Missing ALEXA_CLIENT_ID and ALEXA_CLIENT_SECRET in the environment.',
    );
    expect(fake.requests.length).toBe(0);
  });

  it('malformed JSON → exit 2 with line:column', async () => {
    const file = await eventsFile('bad.json', '{\n  "referenceId": "a",\n  "timestamp" "x"\n}\n');
    const run = await runCapturedCli(['send', file, ...urls()], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `${file}:3:15: malformed JSON: expected ':' after the property name, found "\\""\n`,
    );
    expect(fake.requests.length).toBe(0);
  });

  it('unreadable file → exit 2', async () => {
    const run = await runCapturedCli(['send', join(dir, 'nope.json'), ...urls()], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `${join(dir, 'nope.json')}: cannot read the event file: no such file\n`,
    );
  });

  it('no files and no outbox, or a bad option value → exit 2', async () => {
    const none = await runCapturedCli(['send', ...urls()], env);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe(
      'Name at least one event file, --resend-outbox FILE or --resume JOURNAL.\n',
    );
    const file = await eventsFile('ok.json', weatherEvent('r1'));
    const region = await runCapturedCli(['send', file, '--region', 'US', ...urls()], env);
    expect(region.code).toBe(2);
    expect(region.stderr).toContain('Invalid values:');
    const concurrency = await runCapturedCli(['send', file, '--concurrency', '0', ...urls()], env);
    expect(concurrency.code).toBe(2);
    expect(concurrency.stderr).toContain('--concurrency must be an integer from 1 to 1024.');
  });
});

describe('the real entry point (child process)', () => {
  it('token: masked output on stdout, nothing secret anywhere', async () => {
    const { execFile } = await import('node:child_process');
    const { promisify } = await import('node:util');
    const result = await promisify(execFile)(
      process.execPath,
      cliProcessArgs('token', '--token-url', fake.tokenUrl),
      { env: { ...process.env, ...env }, cwd: process.cwd() },
    );
    expect(result.stdout).toContain(
      `access token: Atza|CLI… (${fake.tokenNumber(1).length} chars)`,
    );
    expectNoSecrets({ code: 0, stdout: result.stdout, stderr: result.stderr });
    expect(fake.tokenRequests).toBe(1);
  });
});
