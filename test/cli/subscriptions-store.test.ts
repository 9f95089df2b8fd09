// `--store URL` on subscriptions apply|list for each kind of store, and `create-table`, against the
// real PostgreSQL and DynamoDB (dynalite) servers on 127.0.0.1.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCapturedCli } from '../support/run-cli.js';
import { serviceUrl } from '../support/services.js';
import { ORDER, request, WEATHER } from '../runtime/subscriptions/helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'subs-cli-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const requests = join(dir, 'requests.json');
writeFileSync(
  requests,
  JSON.stringify([
    request({ userId: 'u-2', requestId: 'a', timestamp: '2021-01-01T00:00:00Z', events: [ORDER] }),
    request({
      userId: 'u-1',
      requestId: 'b',
      timestamp: '2021-01-01T00:00:00Z',
      events: [ORDER, WEATHER],
    }),
  ]),
);

const postgresUrl = serviceUrl('postgres');
const dynamoEndpoint = serviceUrl('dynamodb');
const unique = () => `cli${randomUUID().replaceAll('-', '').slice(0, 12)}`;

const stores: [string, string | undefined][] = [
  ['sqlite', `sqlite:${join(dir, 'subs.db')}`],
  ['memory', 'memory:'],
  ['postgres', postgresUrl && `${postgresUrl}?schema=${unique()}`],
  [
    'dynamodb',
    dynamoEndpoint && `dynamodb://${unique()}?endpoint=${encodeURIComponent(dynamoEndpoint)}`,
  ],
];

describe.each(stores)('subscriptions --store with %s', (kind, url) => {
  it.skipIf(!url)('applies requests, then lists the subscribers of an event', async () => {
    if (kind === 'dynamodb') {
      const created = await runCapturedCli(['subscriptions', 'create-table', '--store', url!]);
      expect(created).toEqual({
        code: 0,
        stdout: `created DynamoDB table ${new URL(url!).hostname}\n`,
        stderr: '',
      });
      const again = await runCapturedCli(['subscriptions', 'create-table', '--store', url!]);
      expect(again.stdout).toBe(
        `DynamoDB table ${new URL(url!).hostname} already exists: left as it is\n`,
      );
    }
    const applied = await runCapturedCli(['subscriptions', 'apply', requests, '--store', url!]);
    expect(applied.code).toBe(0);
    expect(applied.stdout.trimEnd().split('\n').at(-1)).toBe('2 requests: 2 applied, 0 ignored');
    if (kind === 'memory') return; // a new process-local store each run: nothing to list
    const listed = await runCapturedCli([
      'subscriptions',
      'list',
      '--store',
      url!,
      '--event',
      ORDER,
      '--json',
    ]);
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toMatchObject({
      eventName: ORDER,
      count: 2,
      subscribers: ['u-1', 'u-2'],
    });
  });
});

describe('subscriptions --store errors', () => {
  it('an unknown scheme is one line naming the forms, without the rest of the URL', async () => {
    const result = await runCapturedCli([
      'subscriptions',
      'list',
      '--store',
      'redis://:secret@host/0',
    ]);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'unknown store "redis:…": expected sqlite:PATH, memory:, postgres://USER@HOST/DB or ' +
        'dynamodb://TABLE?region=…&endpoint=…\n',
    });
  });

  it('--store and --db together are refused', async () => {
    const result = await runCapturedCli([
      'subscriptions',
      'list',
      '--store',
      'memory:',
      '--db',
      'x.db',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Arguments store and db are mutually exclusive');
  });

  it('create-table refuses a store that is not DynamoDB', async () => {
    const result = await runCapturedCli([
      'subscriptions',
      'create-table',
      '--store',
      'sqlite:x.db',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'create-table is for DynamoDB stores (--store dynamodb://TABLE?region=…&endpoint=…); ' +
        'SQLite and PostgreSQL stores create their tables when first opened\n',
    );
  });

  it.skipIf(!dynamoEndpoint)(
    'a missing DynamoDB table is one line naming create-table',
    async () => {
      const url = `dynamodb://missing-table?endpoint=${encodeURIComponent(dynamoEndpoint!)}`;
      const result = await runCapturedCli(['subscriptions', 'list', '--store', url]);
      expect(result).toEqual({
        code: 1,
        stdout: '',
        stderr:
          'store: DynamoDB table "missing-table" does not exist: create it with ' +
          '"proactive-events subscriptions create-table --store dynamodb://missing-table"\n',
      });
    },
  );
});
