/**
 * The DynamoDB item layout of the subscriptions store, and the table's creation. One table, keys
 * `pk` (S, hash) and `sk` (S, range), no secondary index, so every read can be strongly
 * consistent:
 *
 *   meta        pk "meta"            sk "schema"   version
 *   user state  pk "user#NN"         sk userId     app, t (epoch ms), r (requestId), ev (sorted
 *                                                  event names), known (every event ever indexed)
 *   subscriber  pk "event#NAME"      sk userId     t, r (the user version that wrote it), on
 *   event name  pk "events"          sk NAME       (one per event name ever subscribed to)
 *
 * Subscribers of an event are one item collection, sorted by userId in UTF-8 byte order (code point
 * order), so subscribersPage is a Query with `sk > :after` — never a Scan. Users are spread over
 * USER_SHARDS partitions (NN = a hash of the userId) so writes do not share one partition key, and
 * usersPage merges the shards' sorted pages.
 */
import { awsErrorName, type DynamoConnection } from './dynamodb-driver.js';
import { ProactiveEventsError } from '../errors.js';

export const SCHEMA_VERSION = 1;
/** Fixed forever: changing it would move every user item. */
export const USER_SHARDS = 16;

export const META_KEY = { pk: 'meta', sk: 'schema' } as const;
export const EVENT_NAMES_PK = 'events';

/** FNV-1a over the UTF-16 code units: a stable, well-spread shard for a userId. */
export function userShard(userId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < userId.length; i++) {
    hash ^= userId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % USER_SHARDS;
}

export function userPk(shard: number): string {
  return `user#${String(shard).padStart(2, '0')}`;
}

export function eventPk(eventName: string): string {
  return `event#${eventName}`;
}

/** The CreateTable input (also what the CloudFormation snippet in docs/subscriptions.md says). */
export function tableDefinition(table: string): Record<string, unknown> {
  return {
    TableName: table,
    KeySchema: [
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ],
    AttributeDefinitions: [
      { AttributeName: 'pk', AttributeType: 'S' },
      { AttributeName: 'sk', AttributeType: 'S' },
    ],
    BillingMode: 'PAY_PER_REQUEST',
  };
}

/**
 * Creates the table (on-demand capacity), waits until it is ACTIVE and records the schema version.
 * Returns `exists` when a table of that name is already there (it is left as it is).
 */
export async function createSubscriptionsTable(
  connection: DynamoConnection,
  table: string,
  timeoutMs = 120_000,
): Promise<'created' | 'exists'> {
  const { client, commands } = connection;
  try {
    await client.send(new commands.CreateTable(tableDefinition(table)));
  } catch (error) {
    if (awsErrorName(error) === 'ResourceInUseException') return 'exists';
    throw error;
  }
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const described = (await client.send(new commands.DescribeTable({ TableName: table }))) as {
      Table?: { TableStatus?: string };
    };
    if (described.Table?.TableStatus === 'ACTIVE') break;
    if (Date.now() > deadline)
      throw new ProactiveEventsError(`table ${table} is not ACTIVE after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await client.send(
    new commands.Put({ TableName: table, Item: { ...META_KEY, version: SCHEMA_VERSION } }),
  );
  return 'created';
}
