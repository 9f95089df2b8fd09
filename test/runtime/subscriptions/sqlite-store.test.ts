import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadBetterSqlite3 } from '../../../runtime/subscriptions/sqlite-driver.js';
import {
  MissingSqliteDriverError,
  SchemaTooNewError,
} from '../../../runtime/subscriptions/sqlite-errors.js';
import { migrate, migrations } from '../../../runtime/subscriptions/sqlite-migrations.js';
import { SqliteSubscriptionStore } from '../../../runtime/subscriptions/sqlite-store.js';
import { ORDER } from './helpers.js';

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
  it('keeps the file in WAL mode (reopen and ordering are in conformance/)', async () => {
    const store = await SqliteSubscriptionStore.open({ path: file });
    await store.close();
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
