import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadBetterSqlite3 } from '../../../runtime/subscriptions/sqlite-driver.js';
import {
  MissingSqliteDriverError,
  SchemaTooNewError,
} from '../../../runtime/subscriptions/sqlite-errors.js';
import { migrate, migrations } from '../../../runtime/subscriptions/sqlite-migrations.js';
import { SqliteSubscriptionStore } from '../../../runtime/subscriptions/sqlite-store.js';
import { SubscriptionTracker } from '../../../runtime/subscriptions/tracker.js';
import { MEDIA, MESSAGE, ORDER, request, WEATHER } from './helpers.js';
import { record, userIds, writerRequests, type AppliedRecord } from './support/concurrency-plan.js';

const Database = await loadBetterSqlite3();
let dir: string;
let file: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'subs-sqlite-'));
  file = join(dir, 'subscriptions.db');
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Reads a pragma through a separate raw connection, as another tool would see the file. */
function inspect(path: string, pragma: string): unknown {
  const db = new Database(path, { readonly: true });
  try {
    return db.pragma(pragma, { simple: true });
  } finally {
    db.close();
  }
}

describe('SqliteSubscriptionStore on a file', () => {
  it('keeps its state across close and reopen', async () => {
    const first = new SqliteSubscriptionStore({ path: file });
    const tracker = new SubscriptionTracker({ store: first });
    await tracker.apply(
      request({ userId: 'u1', requestId: 'b', timestamp: '2021-01-02T00:00:00Z', events: [ORDER] }),
    );
    await tracker.apply(
      request({
        userId: 'u2',
        requestId: 'a',
        timestamp: '2021-01-01T00:00:00Z',
        events: [ORDER, WEATHER],
      }),
    );
    await tracker.apply(
      request({ userId: 'u3', requestId: 'a', timestamp: '2021-01-01T00:00:00Z', events: [] }),
    );
    await first.close();
    await first.close(); // twice is harmless

    const second = new SqliteSubscriptionStore({ path: file });
    const reopened = new SubscriptionTracker({ store: second });
    expect(await reopened.subscriptionsOf('u2')).toEqual([ORDER, WEATHER]);
    expect(await second.stateOf('u1')).toEqual({
      userId: 'u1',
      applicationId: 'amzn1.ask.skill.test',
      time: Date.UTC(2021, 0, 2),
      requestId: 'b',
      eventNames: [ORDER],
    });
    expect(await second.stateOf('u3')).toMatchObject({ requestId: 'a', eventNames: [] });
    expect(await reopened.count(ORDER)).toBe(2);
    expect(await second.eventCounts()).toEqual([
      { eventName: ORDER, count: 2 },
      { eventName: WEATHER, count: 1 },
    ]);
    // The recorded version survived too: the older request is still refused.
    expect(
      await reopened.apply(
        request({ userId: 'u1', requestId: 'a', timestamp: '2021-01-01T00:00:00Z', events: [] }),
      ),
    ).toMatchObject({ applied: false, reason: 'stale' });
    await second.close();
    expect(inspect(file, 'journal_mode')).toBe('wal');
  });

  it('migrates an empty file and sets user_version', async () => {
    writeFileSync(file, '');
    const store = await SqliteSubscriptionStore.open({ path: file });
    await store.close();
    expect(inspect(file, 'user_version')).toBe(migrations.length);
    expect(migrations.map((m) => m.version)).toEqual([1]);
    const db = new Database(file, { readonly: true });
    const tables = db
      .prepare("SELECT name FROM sqlite_schema WHERE type IN ('table', 'index') ORDER BY name")
      .pluck()
      .all();
    db.close();
    expect(tables).toEqual(['subscriptions', 'subscriptions_by_user', 'users']);
  });

  it('runs only the pending migrations, once each', () => {
    const db = new Database(':memory:');
    const ran: number[] = [];
    const list = [1, 2, 3].map((version) => ({
      version,
      description: `step ${version}`,
      up: () => void ran.push(version),
    }));
    expect(migrate(db, list.slice(0, 1))).toBe(1);
    expect(migrate(db, list)).toBe(3);
    expect(migrate(db, list)).toBe(3);
    expect(ran).toEqual([1, 2, 3]);
    db.close();
  });

  it('refuses a file written by a newer schema, and leaves it alone', async () => {
    const db = new Database(file);
    db.pragma('user_version = 7');
    db.close();
    await expect(SqliteSubscriptionStore.open({ path: file })).rejects.toThrow(SchemaTooNewError);
    await expect(new SqliteSubscriptionStore({ path: file }).count(ORDER)).rejects.toThrow(
      'the subscriptions database has schema version 7, newer than the 1 this release understands',
    );
    expect(inspect(file, 'user_version')).toBe(7);
  });

  it('two stores (two connections) on one file see each other and lose no update', async () => {
    const a = new SubscriptionTracker({
      store: await SqliteSubscriptionStore.open({ path: file }),
    });
    const b = new SubscriptionTracker({
      store: await SqliteSubscriptionStore.open({ path: file }),
    });
    const at = (second: number) => `2021-01-01T00:00:${String(second).padStart(2, '0')}Z`;
    const outcomes = await Promise.all([
      a.apply(request({ userId: 'u', requestId: '1', timestamp: at(1), events: [ORDER] })),
      b.apply(request({ userId: 'u', requestId: '3', timestamp: at(3), events: [MEDIA] })),
      a.apply(request({ userId: 'u', requestId: '2', timestamp: at(2), events: [MESSAGE] })),
      b.apply(request({ userId: 'u', requestId: '4', timestamp: at(4), events: [MEDIA, WEATHER] })),
    ]);
    expect(outcomes.map((o) => o.applied)).toEqual([true, true, false, true]);
    expect(await a.subscriptionsOf('u')).toEqual([MEDIA, WEATHER]);
    expect(await b.subscriptionsOf('u')).toEqual([MEDIA, WEATHER]);
    expect(await a.count(MEDIA)).toBe(1);
    await a.store.close();
    await b.store.close();
  });

  it('concurrent writer processes and connections lose no update', async () => {
    const writers = 4;
    // Create the schema first so the writers' start-up does not dominate the race.
    await (await SqliteSubscriptionStore.open({ path: file })).close();
    const script = fileURLToPath(new URL('./support/sqlite-writer.ts', import.meta.url));
    const children = [0, 1].map((writer) => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', script, file, String(writer), String(writers)],
        {
          // `--import tsx` is resolved from the working directory: the repository root.
          cwd: fileURLToPath(new URL('../../../', import.meta.url)),
          stdio: ['pipe', 'pipe', 'pipe'],
        },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const ready = new Promise<void>((resolve, reject) => {
        child.stdout.on('data', () => stdout.startsWith('ready\n') && resolve());
        child.on('exit', () => reject(new Error(`writer ${writer} exited early: ${stderr}`)));
      });
      const done = new Promise<AppliedRecord[]>((resolve, reject) => {
        child.on('exit', (code) => {
          if (code !== 0) reject(new Error(`writer ${writer} failed (${code}): ${stderr}`));
          else resolve(JSON.parse(stdout.slice('ready\n'.length)) as AppliedRecord[]);
        });
      });
      return { child, ready, done };
    });
    await Promise.all(children.map((c) => c.ready));
    for (const c of children) c.child.stdin.end('go\n');

    // Writers 2 and 3 run here, on two more connections, while the child processes write.
    const local = [2, 3].map((writer) => ({
      tracker: new SubscriptionTracker({ store: new SqliteSubscriptionStore({ path: file }) }),
      requests: [...writerRequests(writer, writers)],
    }));
    const localApplied: AppliedRecord[] = [];
    for (let i = 0; i < (local[0]?.requests.length ?? 0); i++) {
      for (const { tracker, requests } of local) {
        const planned = requests[i];
        if (!planned) continue;
        const outcome = await tracker.apply(planned.request);
        if (outcome.applied) localApplied.push(record(planned, outcome));
      }
      // Yield to the event loop now and then so the children's pipes are drained.
      if (i % 200 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    const applied = [...localApplied, ...(await Promise.all(children.map((c) => c.done))).flat()];

    // For every user, the applied requests sorted by version must form one chain: each replaced
    // exactly the state its predecessor wrote. A lost update (an older request overwriting a newer
    // one) breaks the chain; the last link is the newest request of all writers.
    const verify = new SubscriptionTracker({ store: new SqliteSubscriptionStore({ path: file }) });
    const newest = 119 * writers + (writers - 1);
    for (const userId of userIds) {
      const chain = applied
        .filter((r) => r.userId === userId)
        .sort((x, y) => x.sequence - y.sequence);
      expect(new Set(chain.map((r) => r.sequence)).size).toBe(chain.length);
      chain.forEach((link, index) => {
        expect(link.previous).toEqual(index === 0 ? [] : chain[index - 1]?.current);
      });
      expect(chain.at(-1)?.sequence).toBe(newest);
      expect(await verify.subscriptionsOf(userId)).toEqual(chain.at(-1)?.current);
    }
    for (const { tracker } of local) await tracker.store.close();
    await verify.store.close();
  });
});

describe('loading better-sqlite3', () => {
  it('names the package when it is missing, at open and at first use', async () => {
    const missing = async () => {
      throw Object.assign(new Error("Cannot find module 'better-sqlite3'"), {
        code: 'ERR_MODULE_NOT_FOUND',
      });
    };
    const message =
      'SqliteSubscriptionStore needs the optional package "better-sqlite3" (>= 11): install it with ' +
      `"npm install better-sqlite3", or use another SubscriptionStore. (Cannot find module 'better-sqlite3')`;
    await expect(loadBetterSqlite3(missing)).rejects.toThrow(MissingSqliteDriverError);
    await expect(loadBetterSqlite3(missing)).rejects.toThrow(message);
  });

  it('accepts the CommonJS export and an ESM namespace', async () => {
    const real = createRequire(import.meta.url)('better-sqlite3') as unknown;
    expect(await loadBetterSqlite3(async () => real)).toBe(real);
    expect(await loadBetterSqlite3(async () => ({ default: real }))).toBe(real);
    await expect(loadBetterSqlite3(async () => ({}))).rejects.toThrow(MissingSqliteDriverError);
  });

  it('opens the file on first use, or at once with open()', async () => {
    const lazy = new SqliteSubscriptionStore({ path: file });
    expect(existsSync(file)).toBe(false);
    expect(await lazy.count(ORDER)).toBe(0);
    expect(existsSync(file)).toBe(true);
    await lazy.close();
    await expect(lazy.count(ORDER)).rejects.toThrow('The subscription store is closed.');
    const eager = await SqliteSubscriptionStore.open({ path: join(dir, 'eager.db') });
    expect(existsSync(join(dir, 'eager.db'))).toBe(true);
    await eager.close();
  });
});
