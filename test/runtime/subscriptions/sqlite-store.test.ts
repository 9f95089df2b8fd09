import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

const Database = loadBetterSqlite3();
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
    const store = new SqliteSubscriptionStore({ path: file });
    await store.close();
    expect(inspect(file, 'journal_mode')).toBe('wal');
  });

  it('migrates an empty file and sets user_version', async () => {
    writeFileSync(file, '');
    const store = new SqliteSubscriptionStore({ path: file });
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

  it('refuses a file written by a newer schema, and leaves it alone', () => {
    const db = new Database(file);
    db.pragma('user_version = 7');
    db.close();
    expect(() => new SqliteSubscriptionStore({ path: file })).toThrow(SchemaTooNewError);
    expect(() => new SqliteSubscriptionStore({ path: file })).toThrow(
      'the subscriptions database has schema version 7, newer than the 1 this release understands',
    );
    expect(inspect(file, 'user_version')).toBe(7);
  });
});

describe('loading better-sqlite3', () => {
  it('names the package when it is missing', () => {
    const missing = () => {
      throw Object.assign(new Error("Cannot find module 'better-sqlite3'"), {
        code: 'MODULE_NOT_FOUND',
      });
    };
    expect(() => loadBetterSqlite3(missing)).toThrow(MissingSqliteDriverError);
    expect(() => loadBetterSqlite3(missing)).toThrow(
      'SqliteSubscriptionStore needs the optional package "better-sqlite3" (>= 11): install it with ' +
        `"npm install better-sqlite3", or use another SubscriptionStore. (Cannot find module 'better-sqlite3')`,
    );
  });

  it('accepts the CommonJS export and an ESM namespace', () => {
    const real = createRequire(import.meta.url)('better-sqlite3') as unknown;
    expect(loadBetterSqlite3(() => real)).toBe(real);
    expect(loadBetterSqlite3(() => ({ default: real }))).toBe(real);
    expect(() => loadBetterSqlite3(() => ({}))).toThrow(MissingSqliteDriverError);
  });
});
