/**
 * One way to name a store, for the library and the CLI alike:
 *
 *   sqlite:PATH (or a bare PATH)   the embedded default, one file
 *   memory:                        in-process, for tests and trying things out
 *   postgres://… / postgresql://…  PostgreSQL (optional `?schema=NAME`, default public)
 *   dynamodb://TABLE?region=R&endpoint=URL   DynamoDB (region/endpoint optional)
 *
 * Each driver is loaded only when its scheme is used.
 */
import type { DynamoConnectOptions } from './dynamodb-driver.js';
import type { PostgresPool } from './postgres-driver.js';
import type { ListableSubscriptionStore } from './store.js';
import { ProactiveEventsError } from '../errors.js';

export interface OpenSubscriptionStoreOptions {
  /** PostgreSQL: a pool of your own instead of one made from the URL. */
  readonly postgresPool?: PostgresPool;
  /** DynamoDB: explicit credentials or a document client (default: the SDK's credential chain). */
  readonly dynamo?: Pick<DynamoConnectOptions, 'credentials' | 'client'>;
}

export const STORE_URL_FORMS =
  'sqlite:PATH, memory:, postgres://USER@HOST/DB or dynamodb://TABLE?region=…&endpoint=…';

/** Thrown for a store URL this package cannot open; the message is one line. */
export class InvalidStoreUrlError extends ProactiveEventsError {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidStoreUrlError';
  }
}

/** The scheme of `url` (lower case), or undefined for a bare path (C:\… counts as a path). */
function schemeOf(url: string): string | undefined {
  const match = /^([a-zA-Z][a-zA-Z0-9+.-]+):/.exec(url);
  return match?.[1]?.toLowerCase();
}

export async function openSubscriptionStore(
  url: string,
  options: OpenSubscriptionStoreOptions = {},
): Promise<ListableSubscriptionStore> {
  const scheme = schemeOf(url);
  if (scheme === undefined || scheme === 'sqlite') {
    const path = scheme === undefined ? url : url.slice('sqlite:'.length);
    if (path === '')
      throw new InvalidStoreUrlError('sqlite: needs a file path, e.g. sqlite:subscriptions.db');
    const { SqliteSubscriptionStore } = await import('./sqlite-store.js');
    return SqliteSubscriptionStore.open({ path });
  }
  if (scheme === 'memory') {
    const { MemorySubscriptionStore } = await import('./memory-store.js');
    return new MemorySubscriptionStore();
  }
  if (scheme === 'postgres' || scheme === 'postgresql') {
    const parsed = new URL(url);
    const schema = parsed.searchParams.get('schema') ?? undefined;
    parsed.searchParams.delete('schema');
    const { PostgresSubscriptionStore } = await import('./postgres-store.js');
    return PostgresSubscriptionStore.open({
      url: parsed.toString(),
      ...(options.postgresPool ? { pool: options.postgresPool } : {}),
      ...(schema ? { schema } : {}),
    });
  }
  if (scheme === 'dynamodb') {
    const { DynamoSubscriptionStore } = await import('./dynamodb-store.js');
    return DynamoSubscriptionStore.open({ ...parseDynamoUrl(url), ...options.dynamo });
  }
  // Only the scheme is echoed: the rest of a URL may hold a password.
  throw new InvalidStoreUrlError(`unknown store "${scheme}:…": expected ${STORE_URL_FORMS}`);
}

/** `dynamodb://TABLE?region=…&endpoint=…` → table, region, endpoint. */
export function parseDynamoUrl(url: string): { table: string; region?: string; endpoint?: string } {
  const parsed = new URL(url);
  const table = decodeURIComponent(parsed.hostname || parsed.pathname.replace(/^\/+/, ''));
  if (!/^[a-zA-Z0-9_.-]{3,255}$/.test(table)) {
    throw new InvalidStoreUrlError(
      `dynamodb:// needs a table name of 3-255 letters, digits, "_", "-" or "." (got "${table}")`,
    );
  }
  const region = parsed.searchParams.get('region') ?? undefined;
  const endpoint = parsed.searchParams.get('endpoint') ?? undefined;
  return { table, ...(region ? { region } : {}), ...(endpoint ? { endpoint } : {}) };
}
