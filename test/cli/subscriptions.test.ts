import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCapturedCli } from '../support/run-cli.js';
import { lineColumn, locateJsonError } from '../../cli/json-position.js';
import { MESSAGE, ORDER, request, WEATHER } from '../runtime/subscriptions/helpers.js';

let dir: string;
let db: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'subs-cli-'));
  db = join(dir, 'subs.db');
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the CLI in-process and captures what it prints. */
async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const { code, stdout, stderr } = await runCapturedCli(args);
  return { code, out: stdout, err: stderr };
}

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

const first = request({
  userId: 'u-1',
  requestId: 'a',
  timestamp: '2021-01-01T00:00:00Z',
  events: [ORDER, MESSAGE],
});
const second = request({
  userId: 'u-1',
  requestId: 'b',
  timestamp: '2021-01-02T00:00:00Z',
  events: [ORDER, 'ACME.Custom'],
});
const other = request({
  userId: 'u-2',
  requestId: 'c',
  timestamp: '2021-01-01T00:00:00Z',
  events: [ORDER],
});
const gone = request({ userId: 'u-3', requestId: 'd', timestamp: '2021-01-01T00:00:00Z' });

describe('subscriptions apply', () => {
  it('applies files in order and prints each outcome', async () => {
    const one = file('one.json', first);
    const batch = file('batch.json', [second, first, other, gone]);
    const result = await run('subscriptions', 'apply', one, batch, '--db', db);
    expect(result).toEqual({
      code: 0,
      err: '',
      out: [
        `${one}: u-1 at 2021-01-01T00:00:00Z: applied (+2 -0)`,
        `  + ${MESSAGE}`,
        `  + ${ORDER}`,
        `  now: ${MESSAGE}, ${ORDER}`,
        `${batch}[0]: u-1 at 2021-01-02T00:00:00Z: applied (+1 -1)`,
        '  + ACME.Custom',
        `  - ${MESSAGE}`,
        `  now: ACME.Custom, ${ORDER}`,
        // The CLI knows the generated catalog: a name outside it is kept, and flagged.
        '  unknown event names (kept): ACME.Custom',
        `${batch}[1]: u-1 at 2021-01-01T00:00:00Z: ignored (stale: a newer request of this user is recorded)`,
        `  now: ACME.Custom, ${ORDER}`,
        `${batch}[2]: u-2 at 2021-01-01T00:00:00Z: applied (+1 -0)`,
        `  + ${ORDER}`,
        `  now: ${ORDER}`,
        `${batch}[3]: u-3 at 2021-01-01T00:00:00Z: applied (+0 -0)`,
        '  now: (no subscriptions)',
        '5 requests: 4 applied, 1 ignored',
        '',
      ].join('\n'),
    });
    // Applying the batch again changes nothing: its newest requests are duplicates now.
    const again = await run('subscriptions', 'apply', batch, '--db', db);
    expect(again.out.split('\n').filter((line) => !line.startsWith(' '))).toEqual([
      `${batch}[0]: u-1 at 2021-01-02T00:00:00Z: ignored (duplicate: this request is already recorded)`,
      `${batch}[1]: u-1 at 2021-01-01T00:00:00Z: ignored (stale: a newer request of this user is recorded)`,
      `${batch}[2]: u-2 at 2021-01-01T00:00:00Z: ignored (duplicate: this request is already recorded)`,
      `${batch}[3]: u-3 at 2021-01-01T00:00:00Z: ignored (duplicate: this request is already recorded)`,
      '4 requests: 0 applied, 4 ignored',
      '',
    ]);
  });

  it('--json reports every outcome', async () => {
    const batch = file('batch.json', [first, second]);
    const result = await run('subscriptions', 'apply', batch, '--db', db, '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toEqual({
      applied: 2,
      ignored: 0,
      results: [
        {
          file: batch,
          index: 0,
          userId: 'u-1',
          requestId: 'a',
          timestamp: '2021-01-01T00:00:00Z',
          applied: true,
          subscribed: [MESSAGE, ORDER],
          unsubscribed: [],
          current: [MESSAGE, ORDER],
          unknownEventNames: [],
        },
        {
          file: batch,
          index: 1,
          userId: 'u-1',
          requestId: 'b',
          timestamp: '2021-01-02T00:00:00Z',
          applied: true,
          subscribed: ['ACME.Custom'],
          unsubscribed: [MESSAGE],
          current: ['ACME.Custom', ORDER],
          unknownEventNames: ['ACME.Custom'],
        },
      ],
    });
  });

  it('exit 1 and nothing applied when any request is invalid', async () => {
    const seed = file('seed.json', first);
    expect((await run('subscriptions', 'apply', seed, '--db', db)).code).toBe(0);
    const wrongType = structuredClone(second) as { request: Record<string, unknown> };
    wrongType.request['type'] = 'LaunchRequest';
    const noTimestamp = structuredClone(other) as { request: Record<string, unknown> };
    delete noTimestamp.request['timestamp'];
    const batch = file('batch.json', [gone, wrongType, noTimestamp]);
    const result = await run('subscriptions', 'apply', batch, '--db', db);
    expect(result).toEqual({
      code: 1,
      out: '',
      err: [
        `${batch}[1]: invalid request`,
        '  /request/type (enum): /request/type is "LaunchRequest"; expected "AlexaSkillEvent.ProactiveSubscriptionChanged"',
        `${batch}[2]: invalid request`,
        '  /request/timestamp (required): /request/timestamp is required',
        '2 invalid requests of 3: nothing was applied (the database was not changed).',
        '',
      ].join('\n'),
    });
    // The valid request in the batch (u-3) was not applied either.
    const listed = await run('subscriptions', 'list', '--db', db);
    expect(listed.out).toBe(`u-1: ${MESSAGE}, ${ORDER}\n1 user\n${MESSAGE}: 1\n${ORDER}: 1\n`);
  });

  it('exit 1 with --json lists the issues, and no database is created', async () => {
    const bad = structuredClone(first) as { request: Record<string, unknown> };
    bad.request['timestamp'] = '2021-02-29T00:00:00Z';
    const single = file('single.json', bad);
    const result = await run('subscriptions', 'apply', single, '--db', db, '--json');
    expect(result.code).toBe(1);
    expect(JSON.parse(result.out)).toEqual({
      applied: 0,
      invalid: [
        {
          file: single,
          index: null,
          issues: [
            {
              path: '/request/timestamp',
              code: 'format',
              message:
                '/request/timestamp: "2021-02-29T00:00:00Z" is not a real date: 2021-02 has 28 days',
            },
          ],
        },
      ],
    });
    expect(existsSync(db)).toBe(false);
  });

  it('exit 2 for malformed JSON with line:column, and for unreadable files', async () => {
    const malformed = file('malformed.json', '{\n  "request": {\n    "type" 1\n  }\n}\n');
    const truncated = file('truncated.json', '[\n  {');
    const missing = join(dir, 'missing.json');
    const result = await run('subscriptions', 'apply', malformed, missing, truncated, '--db', db);
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    const lines = result.err.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(new RegExp(`^${malformed}:3:12: malformed JSON: `));
    expect(lines[1]).toBe(`${missing}: cannot read: no such file`);
    expect(lines[2]).toMatch(new RegExp(`^${truncated}:2:4: malformed JSON: `));
    expect(existsSync(db)).toBe(false);
  });

  it('exit 2 without --db or without files', async () => {
    const one = file('one.json', first);
    const noDb = await run('subscriptions', 'apply', one);
    expect(noDb.code).toBe(2);
    expect(noDb.err).toContain('Name a store: --store URL (or --db PATH).');
    expect((await run('subscriptions', 'apply', '--db', db)).code).toBe(2);
    expect((await run('subscriptions')).code).toBe(2);
  });
});

describe('subscriptions list', () => {
  beforeEach(async () => {
    const batch = file('batch.json', [
      first,
      other,
      gone,
      request({
        userId: 'u-4',
        requestId: 'e',
        timestamp: '2021-01-01T00:00:00Z',
        events: [WEATHER, ORDER],
      }),
    ]);
    expect((await run('subscriptions', 'apply', batch, '--db', db)).code).toBe(0);
  });

  it('lists users and their events, then counts per event', async () => {
    expect(await run('subscriptions', 'list', '--db', db)).toEqual({
      code: 0,
      err: '',
      out: [
        `u-1: ${MESSAGE}, ${ORDER}`,
        `u-2: ${ORDER}`,
        'u-3: (no subscriptions)',
        `u-4: ${ORDER}, ${WEATHER}`,
        '4 users',
        `${MESSAGE}: 1`,
        `${ORDER}: 3`,
        `${WEATHER}: 1`,
        '',
      ].join('\n'),
    });
  });

  it('--json lists users and counts', async () => {
    const result = await run('subscriptions', 'list', '--db', db, '--json');
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.out) as {
      users: unknown[];
      userCount: number;
      events: unknown;
    };
    expect(parsed.userCount).toBe(4);
    expect(parsed.users[2]).toEqual({
      userId: 'u-3',
      eventNames: [],
      requestId: 'd',
      time: '2021-01-01T00:00:00.000Z',
    });
    expect(parsed.events).toEqual([
      { eventName: MESSAGE, count: 1 },
      { eventName: ORDER, count: 3 },
      { eventName: WEATHER, count: 1 },
    ]);
  });

  it('--event lists the subscribers of one event', async () => {
    expect(await run('subscriptions', 'list', '--db', db, '--event', ORDER)).toEqual({
      code: 0,
      err: '',
      out: `u-1\nu-2\nu-4\n3 users subscribed to ${ORDER}\n`,
    });
    const json = await run('subscriptions', 'list', '--db', db, '--event', WEATHER, '--json');
    expect(JSON.parse(json.out)).toEqual({ eventName: WEATHER, count: 1, subscribers: ['u-4'] });
    const none = await run('subscriptions', 'list', '--db', db, '--event', 'AMAZON.None', '--json');
    expect(JSON.parse(none.out)).toEqual({ eventName: 'AMAZON.None', count: 0, subscribers: [] });
  });

  it('exit 2 for a database file that does not exist, without creating it', async () => {
    const missing = join(dir, 'typo.db');
    expect(await run('subscriptions', 'list', '--db', missing)).toEqual({
      code: 2,
      out: '',
      err: `${missing}: no such database file\n`,
    });
    expect(existsSync(missing)).toBe(false);
  });
});

describe('JSON error positions', () => {
  it('turns offsets into 1-based line and column', () => {
    expect(lineColumn('ab\ncd\r\nef', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn('ab\ncd\r\nef', 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumn('ab\ncd\r\nef', 8)).toEqual({ line: 3, column: 2 });
  });

  it('finds where the JSON breaks, whatever Node’s own message says', () => {
    expect(locateJsonError('{\n "a" 1}')).toMatchObject({ line: 2, column: 6 });
    expect(locateJsonError('{\n "a": 1,\n "b": 2 "c": 3}')).toMatchObject({ line: 3, column: 9 });
    expect(locateJsonError('[\n  {')).toMatchObject({ line: 2, column: 4 });
    expect(locateJsonError('{"a": [1, 2]}')).toBeUndefined();
  });
});
