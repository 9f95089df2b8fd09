/**
 * Loads better-sqlite3 on first use. It is an optional peer dependency: skills that keep their
 * subscriptions elsewhere must be able to import this package without a native module installed.
 * `createRequire` keeps the load synchronous, so `new SqliteSubscriptionStore()` stays a plain
 * constructor.
 */
import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';
import { MissingSqliteDriverError } from './sqlite-errors.js';

/** The better-sqlite3 `Database` constructor. */
export type DatabaseConstructor = typeof BetterSqlite3;
export type Database = BetterSqlite3.Database;

let cached: DatabaseConstructor | undefined;

/**
 * Returns better-sqlite3's `Database` constructor. `load` exists for tests, which simulate a
 * missing package with it; the default resolves the package next to this file.
 */
export function loadBetterSqlite3(load?: (id: string) => unknown): DatabaseConstructor {
  const useCache = load === undefined;
  if (useCache && cached) return cached;
  let loaded: unknown;
  try {
    loaded = (load ?? createRequire(import.meta.url))('better-sqlite3');
  } catch (error) {
    throw new MissingSqliteDriverError(error);
  }
  // Interop: CommonJS export, or an ESM namespace whose default is the constructor.
  const constructor =
    typeof loaded === 'function' ? loaded : (loaded as { default?: unknown } | null)?.default;
  if (typeof constructor !== 'function') {
    throw new MissingSqliteDriverError(new Error('the module does not export a Database class'));
  }
  if (useCache) cached = constructor as DatabaseConstructor;
  return constructor as DatabaseConstructor;
}
