/** A campaign against real Redis and the fake Amazon: connection, client, worker, cleanup. */
import { randomBytes } from 'node:crypto';
import { ProactiveEventsClient } from '../../../runtime/client/client.js';
import { CampaignConnection } from '../../../runtime/campaign/connection.js';
import { WORKER_CLIENT_RETRY } from '../../../runtime/campaign/process-job.js';
import {
  startCampaignWorker,
  type CampaignWorkerOptions,
} from '../../../runtime/campaign/worker.js';
import { testValidator } from '../../support/events.js';
import type { FakeAmazon } from '../../support/fake-amazon.js';

/** A key prefix of its own per test, so tests share one Redis without seeing each other. */
export function freshPrefix(): string {
  return `pe-test-${randomBytes(6).toString('hex')}`;
}

export function workerClient(fake: FakeAmazon): ProactiveEventsClient {
  return new ProactiveEventsClient({
    clientId: fake.options.clientId,
    clientSecret: fake.options.clientSecret,
    apiUrl: fake.origin,
    tokenUrl: fake.tokenUrl,
    validate: testValidator,
    retry: WORKER_CLIENT_RETRY,
  });
}

/** Runs one worker until no campaign has work left; returns what it logged. */
export async function drain(
  redisUrl: string,
  prefix: string,
  fake: FakeAmazon,
  options: Partial<CampaignWorkerOptions> = {},
): Promise<string[]> {
  const connection = await CampaignConnection.open(redisUrl, { prefix });
  const client = workerClient(fake);
  const lines: string[] = [];
  try {
    const worker = startCampaignWorker(connection, {
      send: (event) => client.sendProactiveEvent(event),
      ratePerSecond: 10_000,
      pollMs: 50,
      untilIdle: true,
      log: (line) => lines.push(line),
      ...options,
    });
    await worker.done;
  } finally {
    await client.close();
    await connection.close();
  }
  return lines;
}
