// Naming a store by URL, and the one-line errors for an unknown scheme and a missing driver.
import { describe, expect, it } from 'vitest';
import { connectDynamo } from '../../../runtime/subscriptions/dynamodb-driver.js';
import { MemorySubscriptionStore } from '../../../runtime/subscriptions/memory-store.js';
import {
  InvalidStoreUrlError,
  openSubscriptionStore,
  parseDynamoUrl,
} from '../../../runtime/subscriptions/open-store.js';
import { createPostgresPool } from '../../../runtime/subscriptions/postgres-driver.js';
import { SqliteSubscriptionStore } from '../../../runtime/subscriptions/sqlite-store.js';

const missing = (name: string) => async () => {
  throw new Error(`Cannot find package '${name}' imported from /app/index.js`);
};

describe('openSubscriptionStore', () => {
  it('opens memory:, sqlite:PATH and a bare path', async () => {
    const memory = await openSubscriptionStore('memory:');
    expect(memory).toBeInstanceOf(MemorySubscriptionStore);
    for (const url of ['sqlite::memory:', ':memory:']) {
      const store = await openSubscriptionStore(url);
      expect(store).toBeInstanceOf(SqliteSubscriptionStore);
      await store.close();
    }
  });

  it('refuses an unknown scheme in one line, without echoing the rest of the URL', async () => {
    const error = await openSubscriptionStore('mysql://root:hunter2@db/skill').catch(
      (e: Error) => e,
    );
    expect(error).toBeInstanceOf(InvalidStoreUrlError);
    expect((error as Error).message).toBe(
      'unknown store "mysql:…": expected sqlite:PATH, memory:, postgres://USER@HOST/DB or ' +
        'dynamodb://TABLE?region=…&endpoint=…',
    );
    await expect(openSubscriptionStore('sqlite:')).rejects.toThrow(
      'sqlite: needs a file path, e.g. sqlite:subscriptions.db',
    );
  });

  it('parses dynamodb://TABLE?region=…&endpoint=…, keeping the table name’s case', () => {
    expect(
      parseDynamoUrl('dynamodb://My_Table.v1?region=eu-west-1&endpoint=http://127.0.0.1:8000'),
    ).toEqual({
      table: 'My_Table.v1',
      region: 'eu-west-1',
      endpoint: 'http://127.0.0.1:8000',
    });
    expect(parseDynamoUrl('dynamodb://subs')).toEqual({ table: 'subs' });
    expect(() => parseDynamoUrl('dynamodb://x')).toThrow(
      'dynamodb:// needs a table name of 3-255 letters, digits, "_", "-" or "." (got "x")',
    );
  });
});

describe('missing drivers', () => {
  it('names pg when it is not installed', async () => {
    await expect(createPostgresPool('postgres://h/db', undefined, missing('pg'))).rejects.toThrow(
      'PostgresSubscriptionStore needs the optional package "pg": install with "npm install pg" ' +
        "(Cannot find package 'pg' imported from /app/index.js)",
    );
  });

  it('names both AWS SDK packages when they are not installed', async () => {
    await expect(
      connectDynamo({ region: 'eu-west-1' }, missing('@aws-sdk/client-dynamodb')),
    ).rejects.toThrow(
      'DynamoSubscriptionStore needs the optional packages "@aws-sdk/client-dynamodb" and ' +
        '"@aws-sdk/lib-dynamodb": install with "npm install @aws-sdk/client-dynamodb ' +
        "@aws-sdk/lib-dynamodb\" (Cannot find package '@aws-sdk/client-dynamodb' imported from /app/index.js)",
    );
  });
});
