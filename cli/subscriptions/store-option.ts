/**
 * `--store URL` (any store openSubscriptionStore names) and the older `--db PATH` (a SQLite file)
 * of the subscriptions commands, resolved to one opened store.
 */
import { existsSync } from 'node:fs';
import type { Argv } from 'yargs';
import {
  InvalidStoreUrlError,
  openSubscriptionStore,
  STORE_URL_FORMS,
} from '../../runtime/subscriptions/open-store.js';
import type { ListableSubscriptionStore } from '../../runtime/subscriptions/store.js';
import { CliError, ExitCode } from '../errors.js';

export interface StoreArgs {
  store?: string;
  db?: string;
}

export function storeOptions<T>(yargs: Argv<T>) {
  return yargs
    .option('store', {
      type: 'string',
      requiresArg: true,
      describe: `Subscription store: ${STORE_URL_FORMS}`,
    })
    .option('db', {
      type: 'string',
      requiresArg: true,
      describe: 'SQLite database file (= --store sqlite:PATH)',
    })
    .conflicts('store', 'db');
}

/** The store URL the arguments name. */
export function storeUrl(args: StoreArgs): string {
  if (args.store !== undefined) return args.store;
  if (args.db !== undefined) return `sqlite:${args.db}`;
  throw new CliError('Name a store: --store URL (or --db PATH).', ExitCode.usage);
}

/** The SQLite path of a URL, or undefined for another kind of store. */
function sqlitePath(url: string): string | undefined {
  if (url.startsWith('sqlite:')) return url.slice('sqlite:'.length);
  return /^[a-zA-Z][a-zA-Z0-9+.-]+:/.test(url) ? undefined : url;
}

/**
 * Opens the store; with `mustExist`, a SQLite file that is not there is an error instead of a new
 * empty database (a typo must not create one).
 */
export async function openStoreFromArgs(
  args: StoreArgs,
  { mustExist = false } = {},
): Promise<ListableSubscriptionStore> {
  const url = storeUrl(args);
  const path = sqlitePath(url);
  if (mustExist && path !== undefined && path !== ':memory:' && !existsSync(path)) {
    throw new CliError(`${path}: no such database file`, ExitCode.usage);
  }
  try {
    return await openSubscriptionStore(url);
  } catch (error) {
    if (error instanceof InvalidStoreUrlError) throw new CliError(error.message, ExitCode.usage);
    throw storeError(error);
  }
}

/** A driver or server error as one CLI line (the first line of its message). */
export function storeError(error: unknown): CliError {
  const message = error instanceof Error ? error.message : String(error);
  return new CliError(`store: ${message.split('\n')[0]}`, ExitCode.failure);
}
