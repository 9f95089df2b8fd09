/**
 * Loads better-sqlite3 on first use. It is an optional peer dependency: skills that keep their
 * subscriptions elsewhere must be able to import this package without a native module installed.
 * A dynamic import() is the one loading form that works in ESM, in CommonJS and in both kinds of
 * bundle (esbuild keeps it as a require of the external package in a CJS bundle), so the store
 * opens its database on first use rather than in its constructor.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { MissingSqliteDriverError } from './sqlite-errors.js';

/** The better-sqlite3 `Database` constructor. */
export type DatabaseConstructor = typeof BetterSqlite3;
export type Database = BetterSqlite3.Database;

let cached: Promise<DatabaseConstructor> | undefined;

/**
 * Resolves to better-sqlite3's `Database` constructor. `load` exists for tests, which simulate a
 * missing package with it; the default imports the package by name.
 */
export function loadBetterSqlite3(load?: () => Promise<unknown>): Promise<DatabaseConstructor> {
  if (load === undefined) {
    cached ??= resolveConstructor(undefined);
    // A failed load is not cached: installing the package and retrying must work.
    cached.catch(() => (cached = undefined));
    return cached;
  }
  return resolveConstructor(load);
}

async function resolveConstructor(
  load: (() => Promise<unknown>) | undefined,
): Promise<DatabaseConstructor> {
  let loaded: unknown;
  try {
    // `await import()` directly inside a try: bundlers (esbuild) then leave a package that is not
    // installed for run time instead of failing the build of a skill that uses another store.
    loaded = load ? await load() : await import('better-sqlite3');
  } catch (error) {
    throw new MissingSqliteDriverError(error);
  }
  // Interop: an ESM namespace whose default is the constructor, or the CommonJS export itself.
  const constructor =
    typeof loaded === 'function' ? loaded : (loaded as { default?: unknown } | null)?.default;
  if (typeof constructor !== 'function') {
    throw new MissingSqliteDriverError(new Error('the module does not export a Database class'));
  }
  return constructor as DatabaseConstructor;
}
