// Campaign benchmark: 100,000 Unicast events (one template fanned out to 100,000 users) through
// 1, 2 and 4 worker processes against the local fake Amazon, then a run where workers are killed
// with SIGKILL at random and restarted, which must leave every (referenceId, user) accepted once
// or failed with a reason, and none unaccounted. Redis comes from scripts/services.ts (or
// PROACTIVE_EVENTS_TEST_REDIS_URL). Called by bench/main.ts; also runs alone with
// `npx tsx bench/campaign.bench.ts`. Sizes: CAMPAIGN_BENCH_EVENTS (100,000), CAMPAIGN_BENCH_KILL_EVENTS (20,000).
import { spawn, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { CampaignConnection } from '../runtime/campaign/connection.js';
import { enqueueToSubscribers } from '../runtime/campaign/enqueue.js';
import {
  campaignFailures,
  campaignStatus,
  type CampaignStatus,
} from '../runtime/campaign/status.js';
import { startRedis } from '../scripts/services.js';
import { weatherEvent } from '../test/support/events.js';
import { FakeAmazon } from '../test/support/fake-amazon.js';
import { cliProcessArgs } from '../test/support/run-cli.js';
import { sized } from './scale.js';

const EVENTS = Number(process.env.CAMPAIGN_BENCH_EVENTS ?? sized(100_000, 1_000));
const KILL_EVENTS = Number(process.env.CAMPAIGN_BENCH_KILL_EVENTS ?? sized(20_000, 1_000));
const WORKER_COUNTS = [1, 2, 4];
const CONCURRENCY = 32;
const REFERENCE = 'bench-weekly';
const CREDENTIALS = {
  ALEXA_CLIENT_ID: 'amzn1.application-oa2-client.fake',
  ALEXA_CLIENT_SECRET: 'fake-secret',
};

const userId = (i: number) => `amzn1.ask.account.bench-${String(i).padStart(7, '0')}`;

/** A subscriber source that streams `count` users without holding them. */
function subscribers(count: number) {
  return {
    async *subscribersOf() {
      for (let i = 0; i < count; i++) yield userId(i);
    },
  };
}

function spawnWorker(
  redisUrl: string,
  prefix: string,
  fake: FakeAmazon,
  lockMs: number,
): ChildProcess {
  const args = [
    ...cliProcessArgs('worker'),
    '--queue',
    redisUrl,
    '--prefix',
    prefix,
    '--api-url',
    fake.origin,
    '--token-url',
    fake.tokenUrl,
    '--rate',
    '1000000',
    '--concurrency',
    String(CONCURRENCY),
    '--lock-ms',
    String(lockMs),
    '--until-idle',
  ];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...CREDENTIALS },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  // Workers log a line per campaign; show it only when a worker fails on its own.
  let log = '';
  child.stderr!.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
  child.once('exit', (code, signal) => {
    if (signal === null && code !== 0) process.stderr.write(log);
  });
  return child;
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });

async function enqueue(connection: CampaignConnection, id: string, count: number): Promise<number> {
  const started = performance.now();
  const template = weatherEvent(REFERENCE, { audience: 'Multicast' });
  await enqueueToSubscribers(connection, id, template, subscribers(count), { pageSize: 1000 });
  return performance.now() - started;
}

const perSecond = (n: number | undefined) =>
  n === undefined ? '–' : `${Math.round(n).toLocaleString('en-US')} events/s`;

interface Accounting {
  accepted: number;
  failed: number;
  unaccounted: number;
  byReason: Record<string, number>;
}

/** Every user is accepted by the fake, or has a failed job with a reason; count the rest. */
async function account(
  connection: CampaignConnection,
  id: string,
  fake: FakeAmazon,
  count: number,
): Promise<Accounting> {
  const failedUsers = new Set<string>();
  const byReason: Record<string, number> = {};
  for await (const failure of campaignFailures(connection, id)) {
    failedUsers.add(failure.user);
    byReason[failure.reason] = (byReason[failure.reason] ?? 0) + 1;
  }
  let accepted = 0;
  let unaccounted = 0;
  for (let i = 0; i < count; i++) {
    if (fake.acceptedKeys.has(`${REFERENCE} ${userId(i)}`)) accepted++;
    else if (!failedUsers.has(userId(i))) unaccounted++;
  }
  return { accepted, failed: failedUsers.size, unaccounted, byReason };
}

async function throughputRun(redisUrl: string, workers: number): Promise<CampaignStatus> {
  const fake = await FakeAmazon.start({ recordBodies: false, recordRequests: false });
  const prefix = `bench-${workers}w-${Date.now()}`;
  const connection = await CampaignConnection.open(redisUrl, { prefix });
  try {
    const enqueueMs = await enqueue(connection, 'throughput', EVENTS);
    const started = performance.now();
    const children = Array.from({ length: workers }, () =>
      spawnWorker(redisUrl, prefix, fake, 30_000),
    );
    await Promise.all(children.map(exited));
    const wallMs = performance.now() - started;
    const status = await campaignStatus(connection, 'throughput');
    const { unaccounted } = await account(connection, 'throughput', fake, EVENTS);
    console.log(
      `  ${workers} worker${workers > 1 ? 's' : ' '}: ${perSecond(status.eventsPerSecond)} ` +
        `(first job taken → last finished; wall ${(wallMs / 1000).toFixed(1)} s incl. process start), ` +
        `sent ${status.sent}, failed ${status.failed}, unaccounted ${unaccounted}; enqueue ${perSecond((EVENTS / enqueueMs) * 1000)}`,
    );
    await connection.queue('throughput').obliterate({ force: true });
    return status;
  } finally {
    await connection.close();
    await fake.close();
  }
}

async function killRun(redisUrl: string): Promise<void> {
  const fake = await FakeAmazon.start({ recordBodies: false, recordRequests: false });
  const prefix = `bench-kill-${Date.now()}`;
  const connection = await CampaignConnection.open(redisUrl, { prefix });
  const lockMs = 2000;
  try {
    await enqueue(connection, 'kills', KILL_EVENTS);
    const workers = Array.from({ length: 2 }, () => spawnWorker(redisUrl, prefix, fake, lockMs));
    let kills = 0;
    // Kill a random worker every 1-3 s and start a new one in its place, until the campaign is
    // about done; then let the survivors finish.
    while (fake.accepted < KILL_EVENTS * 0.9) {
      await new Promise((resolve) => setTimeout(resolve, 1000 + Math.random() * 2000));
      const victim = Math.floor(Math.random() * workers.length);
      const child = workers[victim]!;
      if (child.exitCode !== null) break;
      child.kill('SIGKILL');
      await exited(child);
      kills++;
      workers[victim] = spawnWorker(redisUrl, prefix, fake, lockMs);
    }
    await Promise.all(workers.map(exited));
    const status = await campaignStatus(connection, 'kills');
    const result = await account(connection, 'kills', fake, KILL_EVENTS);
    console.log(
      `  kill run: ${KILL_EVENTS.toLocaleString('en-US')} events, ${kills} SIGKILLs: ` +
        `accepted once ${result.accepted}, failed ${result.failed} ${JSON.stringify(result.byReason)}, ` +
        `unaccounted ${result.unaccounted}; resends answered 409 (counted once) ${fake.conflicts}; ` +
        `status sent ${status.sent} failed ${status.failed}`,
    );
    if (result.unaccounted > 0 || result.accepted + result.failed !== KILL_EVENTS) {
      throw new Error(`campaign kill run: ${result.unaccounted} events unaccounted`);
    }
    await connection.queue('kills').obliterate({ force: true });
  } finally {
    await connection.close();
    await fake.close();
  }
}

export async function runCampaignBench(): Promise<void> {
  const given = process.env.PROACTIVE_EVENTS_TEST_REDIS_URL;
  const redis = given ? undefined : await startRedis();
  const redisUrl = given ?? redis!.url;
  console.log(
    `\ncampaign: ${EVENTS.toLocaleString('en-US')} Unicast events, BullMQ on redis-server, ` +
      `workers as processes (concurrency ${CONCURRENCY}), fake Amazon in this process; ` +
      `${availableParallelism()} CPUs shared with other work`,
  );
  try {
    const results: CampaignStatus[] = [];
    for (const workers of WORKER_COUNTS) results.push(await throughputRun(redisUrl, workers));
    const base = results[0]!.eventsPerSecond ?? 0;
    console.log(
      `  scaling vs 1 worker: ${results
        .map((r, i) => `${WORKER_COUNTS[i]}w ×${((r.eventsPerSecond ?? 0) / base).toFixed(2)}`)
        .join(', ')}`,
    );
    await killRun(redisUrl);
  } finally {
    await redis?.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runCampaignBench();
