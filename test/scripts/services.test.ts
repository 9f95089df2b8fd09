// The service script itself: each server answers on 127.0.0.1, stop() frees the port and removes
// the data dir, and the `run` form exports the URLs and passes the command's exit code through.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { promisify } from 'node:util';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import {
  startDynalite,
  startPostgres,
  startRedis,
  type RunningService,
} from '../../scripts/services.js';
import { answersPing } from '../../scripts/services/redis.js';

const run = promisify(execFile);

/** True when nothing listens on the port any more (we can bind it ourselves). */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

const running: RunningService[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((service) => service.stop()));
});

async function expectStopsCleanly(service: RunningService): Promise<void> {
  expect(existsSync(service.dir)).toBe(true);
  expect(await portIsFree(service.port)).toBe(false);
  await service.stop();
  expect(existsSync(service.dir)).toBe(false);
  expect(await portIsFree(service.port)).toBe(true);
  await service.stop(); // a second stop is harmless
}

describe('scripts/services.ts', () => {
  it('starts PostgreSQL on 127.0.0.1, answering queries, and stops it', async () => {
    const postgres = await startPostgres();
    running.push(postgres);
    expect(postgres.url).toBe(`postgres://postgres@127.0.0.1:${postgres.port}/postgres`);
    const client = new pg.Client({ connectionString: postgres.url });
    await client.connect();
    const { rows } = await client.query<{ answer: number }>('SELECT 6 * 7 AS answer');
    await client.end();
    expect(rows).toEqual([{ answer: 42 }]);
    await expectStopsCleanly(postgres);
  });

  it('starts Redis on 127.0.0.1, answering PING, and stops it', async () => {
    const redis = await startRedis();
    running.push(redis);
    expect(redis.url).toBe(`redis://127.0.0.1:${redis.port}`);
    expect(await answersPing(redis.port)).toBe(true);
    await expectStopsCleanly(redis);
  });

  it('starts dynalite on 127.0.0.1, answering DynamoDB requests, and stops it', async () => {
    const dynamo = await startDynalite();
    running.push(dynamo);
    expect(dynamo.url).toBe(`http://127.0.0.1:${dynamo.port}`);
    const client = new DynamoDBClient({
      endpoint: dynamo.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const tables = await client.send(new ListTablesCommand({}));
    client.destroy();
    expect(tables.TableNames).toEqual([]);
    await expectStopsCleanly(dynamo);
  });

  it('`run --redis -- CMD` exports the URL, runs CMD and exits with its code', async () => {
    const script =
      'const u = process.env.PROACTIVE_EVENTS_TEST_REDIS_URL; ' +
      'console.log(JSON.stringify([u, process.env.PROACTIVE_EVENTS_TEST_POSTGRES_URL ?? null])); ' +
      'process.exit(7)';
    const outcome = await run(
      process.execPath,
      [
        '--import',
        'tsx',
        'scripts/services.ts',
        'run',
        '--redis',
        '--',
        process.execPath,
        '-e',
        script,
      ],
      { env: { ...process.env, PROACTIVE_EVENTS_TEST_POSTGRES_URL: '' } },
    ).then(
      () => ({ code: 0, stdout: '' }),
      (error: { code: number; stdout: string }) => error,
    );
    expect(outcome.code).toBe(7);
    const [redisUrl, postgresUrl] = JSON.parse(outcome.stdout) as [string, string | null];
    expect(redisUrl).toMatch(/^redis:\/\/127\.0\.0\.1:\d+$/);
    expect(postgresUrl).toBe('');
    const port = Number(redisUrl.split(':').at(-1));
    expect(await portIsFree(port)).toBe(true);
  });

  it('`run` without a command prints its usage and exits 2', async () => {
    const outcome = await run(process.execPath, [
      '--import',
      'tsx',
      'scripts/services.ts',
      'run',
    ]).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toBe(
      'usage: tsx scripts/services.ts run [--postgres] [--redis] [--dynamodb] -- CMD [ARGS...]\n',
    );
  });
});
