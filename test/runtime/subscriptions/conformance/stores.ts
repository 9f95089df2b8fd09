// The four stores the conformance suite runs against. Each `create()` opens a store in a namespace
// of its own (a temp file, a PostgreSQL schema, a DynamoDB table), so tests and property runs never
// see each other's users; `url` names the same namespace for openSubscriptionStore (other
// processes use it), and `reopen()` opens it again as a restarted instance would.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectDynamo } from '../../../../runtime/subscriptions/dynamodb-driver.js';
import { createSubscriptionsTable } from '../../../../runtime/subscriptions/dynamodb-table.js';
import { MemorySubscriptionStore } from '../../../../runtime/subscriptions/memory-store.js';
import { openSubscriptionStore } from '../../../../runtime/subscriptions/open-store.js';
import type { ListableSubscriptionStore } from '../../../../runtime/subscriptions/store.js';
import { serviceUrl } from '../../../support/services.js';

export interface StoreUnderTest {
  readonly store: ListableSubscriptionStore;
  /** openSubscriptionStore URL of this namespace; undefined for the in-process memory store. */
  readonly url: string | undefined;
  /** Opens the namespace again (a new connection / instance). */
  reopen(): Promise<ListableSubscriptionStore>;
  /** Closes the store and removes what the namespace left behind where that is cheap. */
  dispose(): Promise<void>;
}

export interface StoreKind {
  readonly name: 'memory' | 'sqlite' | 'postgres' | 'dynamodb';
  /** False when the server is missing and PROACTIVE_EVENTS_SKIP_SERVERS=1 (outside CI). */
  readonly available: boolean;
  /** Whether the store is shared across processes (memory is not). */
  readonly shared: boolean;
  /** Property runs for this store: network stores pay round trips per request. */
  readonly propertyRuns: number;
  /** Rounds (over 12 users, 4 writers) of the multi-process test; fewer where requests are slow. */
  readonly concurrencyRounds: number;
  create(): Promise<StoreUnderTest>;
}

function namespace(): string {
  return `t${randomUUID().replaceAll('-', '').slice(0, 20)}`;
}

async function opened(url: string, cleanup: () => Promise<void> = async () => {}) {
  const store = await openSubscriptionStore(url);
  return {
    store,
    url,
    reopen: () => openSubscriptionStore(url),
    dispose: async () => {
      await store.close();
      await cleanup();
    },
  };
}

const memory: StoreKind = {
  name: 'memory',
  available: true,
  shared: false,
  propertyRuns: 150,
  concurrencyRounds: 120,
  async create() {
    const store = new MemorySubscriptionStore();
    return {
      store,
      url: undefined,
      reopen: async () => store,
      dispose: () => store.close(),
    };
  },
};

const sqlite: StoreKind = {
  name: 'sqlite',
  available: true,
  shared: true,
  propertyRuns: 150,
  concurrencyRounds: 120,
  async create() {
    const dir = mkdtempSync(join(tmpdir(), 'subs-conformance-'));
    return opened(`sqlite:${join(dir, 'subscriptions.db')}`, async () =>
      rmSync(dir, { recursive: true, force: true }),
    );
  },
};

const postgresUrl = serviceUrl('postgres');
const postgres: StoreKind = {
  name: 'postgres',
  available: postgresUrl !== undefined,
  shared: true,
  propertyRuns: 40,
  concurrencyRounds: 40,
  async create() {
    const url = new URL(postgresUrl!);
    url.searchParams.set('schema', namespace());
    return opened(url.toString());
  },
};

const dynamoEndpoint = serviceUrl('dynamodb');
const dynamodb: StoreKind = {
  name: 'dynamodb',
  available: dynamoEndpoint !== undefined,
  shared: true,
  propertyRuns: 20,
  // dynalite answers a request in milliseconds; each apply is a read and several writes.
  concurrencyRounds: 6,
  async create() {
    const table = namespace();
    const connection = await connectDynamo({ endpoint: dynamoEndpoint! });
    await createSubscriptionsTable(connection, table);
    connection.client.destroy?.();
    return opened(`dynamodb://${table}?endpoint=${encodeURIComponent(dynamoEndpoint!)}`);
  },
};

export const storeKinds: readonly StoreKind[] = [memory, sqlite, postgres, dynamodb];

/** For `describe.each`: [name, kind] pairs; unavailable kinds are still listed so they show as skipped. */
export const storeCases = storeKinds.map((kind) => [kind.name, kind] as const);
