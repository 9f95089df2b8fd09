// Subscriptions benchmark: how fast a tracker records ProactiveSubscriptionChanged requests (full
// validation included), ignores replays and streams the subscribers of an event, on SQLite,
// PostgreSQL and DynamoDB (the dynalite emulator) in one run; the servers come from
// scripts/services.ts. Called by bench/main.ts; also runs alone with
// `npx tsx bench/subscriptions.bench.ts`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServices, stopAll } from '../scripts/services.js';
import { connectDynamo } from '../runtime/subscriptions/dynamodb-driver.js';
import { createSubscriptionsTable } from '../runtime/subscriptions/dynamodb-table.js';
import { openSubscriptionStore } from '../runtime/subscriptions/open-store.js';
import type { ListableSubscriptionStore } from '../runtime/subscriptions/store.js';
import { SubscriptionTracker } from '../runtime/subscriptions/tracker.js';
import { sized } from './scale.js';

const USERS = sized(100_000, 500);
const EVERYONE = 'AMAZON.OrderStatus.Updated';
const OTHERS = [
  'AMAZON.MessageAlert.Activated',
  'AMAZON.WeatherAlert.Activated',
  'AMAZON.TrashCollectionAlert.Activated',
];

function envelope(user: number) {
  return {
    version: '1.0',
    context: {
      System: {
        application: { applicationId: 'amzn1.ask.skill.bench' },
        user: { userId: `amzn1.ask.account.bench-${String(user).padStart(7, '0')}` },
      },
    },
    request: {
      type: 'AlexaSkillEvent.ProactiveSubscriptionChanged',
      requestId: `amzn1.echo-api.request.${user}`,
      timestamp: new Date(Date.UTC(2024, 0, 1) + user * 1000).toISOString(),
      body: {
        // Everyone gets the first event, plus one or two others: about 2.5 rows per user.
        subscriptions: [EVERYONE, ...OTHERS.filter((_, i) => (user >> i) & 1)].map((eventName) => ({
          eventName,
        })),
      },
    },
  };
}

const rate = (count: number, ms: number) =>
  `${Math.round((count / ms) * 1000).toLocaleString('en-US')}/s`;

interface BenchTarget {
  label: string;
  /** Users applied (dynalite is an emulator in one Node process: it gets fewer). */
  users: number;
  /** Requests in flight at once, as several skill instances would send them. */
  concurrency: number;
  open(): Promise<ListableSubscriptionStore>;
}

/** Runs `work` over `items` with at most `concurrency` at once. */
async function pool<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await work(items[next++] as T);
    }),
  );
}

async function benchStore(target: BenchTarget): Promise<void> {
  const store = await target.open();
  const users = target.users;
  const n = users.toLocaleString('en-US');
  try {
    const tracker = new SubscriptionTracker({ store, knownEventNames: [EVERYONE, ...OTHERS] });
    const requests = Array.from({ length: users }, (_, user) => envelope(user));
    console.log(`subscriptions on ${target.label} (concurrency ${target.concurrency})`);

    let start = performance.now();
    await pool(
      requests,
      target.concurrency,
      async (request) => void (await tracker.apply(request)),
    );
    let ms = performance.now() - start;
    console.log(`  apply      ${n} new users in ${ms.toFixed(0)} ms: ${rate(users, ms)} requests`);

    start = performance.now();
    let ignored = 0;
    const replays = requests.slice(0, Math.min(20_000, users));
    await pool(replays, target.concurrency, async (request) => {
      if (!(await tracker.apply(request)).applied) ignored++;
    });
    ms = performance.now() - start;
    console.log(`  replay     ${ignored.toLocaleString('en-US')} duplicates: ${rate(ignored, ms)}`);

    start = performance.now();
    let streamed = 0;
    for await (const userId of tracker.subscribersOf(EVERYONE, { pageSize: 1000 })) {
      if (userId) streamed++;
    }
    ms = performance.now() - start;
    console.log(
      `  stream     subscribersOf: ${streamed.toLocaleString('en-US')} ids in ${ms.toFixed(0)} ms: ${rate(streamed, ms)} ids`,
    );
    start = performance.now();
    const count = await tracker.count(EVERYONE);
    console.log(
      `  count      ${count.toLocaleString('en-US')} in ${(performance.now() - start).toFixed(1)} ms`,
    );
    if (streamed !== users || count !== users || ignored !== replays.length) {
      throw new Error(`benchmark state is wrong: streamed ${streamed}, counted ${count}`);
    }
  } finally {
    await store.close();
  }
}

export async function runSubscriptionsBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'subscriptions-bench-'));
  const services = await startServices(['postgres', 'dynamodb']);
  const [postgres, dynamo] = services;
  const dynamoUsers = Number(process.env.BENCH_DYNAMO_USERS ?? sized(20_000, 200));
  try {
    const targets: BenchTarget[] = [
      {
        label: 'SQLite (file, WAL, synchronous=NORMAL)',
        users: USERS,
        concurrency: 1,
        open: () => openSubscriptionStore(`sqlite:${join(dir, 'bench.db')}`),
      },
      {
        label: 'PostgreSQL (local, fsync off)',
        users: USERS,
        concurrency: 16,
        open: () => openSubscriptionStore(postgres!.url),
      },
      {
        label: 'DynamoDB (dynalite emulator, in memory)',
        users: dynamoUsers,
        concurrency: 16,
        open: async () => {
          const connection = await connectDynamo({ endpoint: dynamo!.url });
          await createSubscriptionsTable(connection, 'bench-subscriptions');
          connection.client.destroy?.();
          return openSubscriptionStore(
            `dynamodb://bench-subscriptions?endpoint=${encodeURIComponent(dynamo!.url)}`,
          );
        },
      },
    ];
    for (const target of targets) await benchStore(target);
  } finally {
    await stopAll(services);
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runSubscriptionsBench();
}
