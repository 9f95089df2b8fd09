import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { diagnose, renderReport } from '../../runtime/doctor/index.js';
import { SqliteSubscriptionStore } from '../../runtime/subscriptions/sqlite-store.js';
import { FakeAmazon } from '../support/fake-amazon.js';
import { runCapturedCli } from '../support/run-cli.js';
import {
  ALICE,
  NOW,
  generatedInputs,
  orderEvent,
  storeWithAlice,
} from '../support/doctor-fixtures.js';

const manifests = 'test/fixtures/manifest';
let dir: string;
let fake: FakeAmazon;
let validateReport: ReturnType<Ajv2020['compile']>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ape-doctor-'));
  fake = await FakeAmazon.start();
  const now = Date.now();
  const fresh = orderEvent({
    timestamp: new Date(now).toISOString(),
    expiryTime: new Date(now + 3600_000).toISOString(),
  });
  writeFileSync(join(dir, 'order.json'), JSON.stringify(fresh));
  writeFileSync(join(dir, 'two.json'), JSON.stringify([fresh, fresh]));
  const store = new SqliteSubscriptionStore({ path: join(dir, 'subs.db') });
  await store.applyIfNewer({
    userId: ALICE,
    applicationId: 'amzn1.ask.skill.TEST',
    requestId: 'amzn1.echo-api.request.A1',
    time: now - 3600_000,
    eventNames: ['AMAZON.OrderStatus.Updated'],
  });
  await store.close();
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats.default(ajv);
  validateReport = ajv.compile(JSON.parse(await readFile('docs/doctor.schema.json', 'utf8')));
});

afterAll(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

const noCredentials = { ALEXA_CLIENT_ID: undefined, ALEXA_CLIENT_SECRET: undefined };

function healthyArgs(): string[] {
  return [
    'doctor',
    join(dir, 'order.json'),
    '--manifest',
    `${manifests}/ask-cli/expected.skill.json`,
    '--store',
    `sqlite:${join(dir, 'subs.db')}`,
    '--api-endpoint',
    'https://api.amazonalexa.com',
  ];
}

function expectSchemaValid(stdout: string): Record<string, unknown> {
  const report = JSON.parse(stdout) as Record<string, unknown>;
  const valid = validateReport(report);
  expect(validateReport.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
  return report;
}

describe('proactive-events doctor', () => {
  it('exits 0 when nothing fails, and its --json output follows docs/doctor.schema.json', async () => {
    const text = await runCapturedCli(healthyArgs(), noCredentials);
    expect(text.stderr).toBe('');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(
      /^doctor: AMAZON\.OrderStatus\.Updated to amzn1\.ask\.account\.ALICE · stage development · region NA · /,
    );
    expect(text.stdout).toContain(
      `  ok    subscription: ${ALICE} is subscribed to AMAZON.OrderStatus.Updated since request amzn1.echo-api.request.A1 of `,
    );
    expect(text.stdout).toMatch(/\n0 failed, 0 warnings, 12 ok, 2 skipped\.\n$/);

    const json = await runCapturedCli([...healthyArgs(), '--json'], noCredentials);
    expect(json.code).toBe(0);
    const report = expectSchemaValid(json.stdout);
    expect(report).toMatchObject({
      ok: true,
      summary: { ok: 12, warn: 0, fail: 0, skipped: 2 },
      context: {
        store: `sqlite:${join(dir, 'subs.db')}`,
        manifest: `${manifests}/ask-cli/expected.skill.json`,
      },
    });
  });

  it('exits 1 when a check fails', async () => {
    const run = await runCapturedCli(
      [
        'doctor',
        join(dir, 'order.json'),
        '--manifest',
        `${manifests}/ask-cli/skill.json`,
        '--json',
      ],
      noCredentials,
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const report = expectSchemaValid(run.stdout);
    expect(report).toMatchObject({ ok: false, summary: { fail: 3 } });
  });

  it('runs the live checks with credentials from the environment and never prints the token', async () => {
    const env = {
      ALEXA_CLIENT_ID: fake.options.clientId,
      ALEXA_CLIENT_SECRET: fake.options.clientSecret,
    };
    const args = [
      ...healthyArgs(),
      '--live-check',
      '--api-url',
      fake.origin,
      '--token-url',
      fake.tokenUrl,
    ];
    const text = await runCapturedCli(args, env);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(
      '  ok    development send: Amazon answered 202; the development stage accepted the event for amzn1.ask.account.ALICE.\n',
    );
    // Amazon answers 409 to a second send of one referenceId for one user: start afresh.
    fake.reset();
    const json = await runCapturedCli([...args, '--json'], env);
    expect(expectSchemaValid(json.stdout)).toMatchObject({ summary: { ok: 14, skipped: 0 } });
    for (const output of [text.stdout, text.stderr, json.stdout, json.stderr]) {
      expect(output).not.toContain('Atza|fake-token-');
      expect(output).not.toContain(fake.options.clientSecret);
    }
  });

  it('reads a Jovo project.js', async () => {
    const run = await runCapturedCli(
      [
        'doctor',
        join(dir, 'order.json'),
        '--manifest',
        `${manifests}/jovo-realistic/expected.project.js`,
        '--json',
      ],
      noCredentials,
    );
    expect(run.code).toBe(0);
    const report = expectSchemaValid(run.stdout) as { checks: { id: string; status: string }[] };
    expect(report.checks.filter((c) => c.id.startsWith('manifest.')).map((c) => c.status)).toEqual([
      'ok',
      'ok',
      'warn',
    ]);
  });

  it.each([
    [['doctor', 'missing.json'], 'missing.json: cannot read the event file: no such file'],
    [
      ['doctor', '{dir}/two.json'],
      '{dir}/two.json: holds 2 events; doctor checks one event at a time.',
    ],
    [['doctor', '--store', '{dir}/none.db'], '{dir}/none.db: no such database file'],
    [
      ['doctor', '--store', 'mysql://localhost/db'],
      'unknown store "mysql:…": expected sqlite:PATH, memory:, postgres://USER@HOST/DB or dynamodb://TABLE?region=…&endpoint=…',
    ],
    [
      ['doctor', '--manifest', `${manifests}/refused/syntax-error.js`],
      `${manifests}/refused/syntax-error.js:6:5: not valid JavaScript: Unexpected token`,
    ],
    [['doctor', '--user', ' '], '--user is empty: give a userId (amzn1.ask.account.…).'],
  ])('exits 2 with one line for unusable input: %j', async (args, message) => {
    const run = await runCapturedCli(
      args.map((arg) => arg.replace('{dir}', dir)),
      noCredentials,
    );
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`${message.replace('{dir}', dir)}\n`);
  });

  it('lists every option in --help', async () => {
    // yargs prints help with console.log, which vitest intercepts before process.stdout.
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const run = await runCapturedCli(['doctor', '--help'], noCredentials);
    const help = log.mock.calls.map((call) => call.join(' ')).join('\n');
    log.mockRestore();
    expect(run.code).toBe(0);
    for (const option of [
      '--user',
      '--manifest',
      '--store',
      '--region',
      '--stage',
      '--api-endpoint',
      '--live-check',
      '--json',
    ]) {
      expect(help).toContain(`  ${option} `);
    }
  });

  it('refuses an unknown region with the usage text', async () => {
    const run = await runCapturedCli(['doctor', '--region', 'US'], noCredentials);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /Invalid values:\n\s+Argument: region, Given: "US", Choices: "NA", "EU", "FE"\n$/,
    );
  });
});

describe('the text report', () => {
  it('prints one line per check, fixes and details under it, manual checks and a summary', async () => {
    const event = orderEvent();
    (event.event as { payload: { state: { status: string } } }).payload.state.status = 'SHIPPED';
    const report = await diagnose({
      ...generatedInputs,
      event,
      eventSource: 'order.json',
      manifest: `${manifests}/jovo-realistic/expected.project.js`,
      store: await storeWithAlice(),
      storeLabel: 'sqlite:subs.db',
      region: 'EU',
      apiEndpoint: 'https://api.amazonalexa.com',
      now: NOW,
    });
    await expect(renderReport(report)).toMatchFileSnapshot('../fixtures/doctor/report.txt');
  });
});
