// Subscriptions benchmark: how fast a SQLite-backed tracker records ProactiveSubscriptionChanged
// requests (full validation included) and streams the subscribers of an event. Called by
// bench/main.ts; also runs alone with `npx tsx bench/subscriptions.bench.ts`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SqliteSubscriptionStore } from '../runtime/subscriptions/sqlite-store.js';
import { SubscriptionTracker } from '../runtime/subscriptions/tracker.js';

const USERS = 100_000;
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

export async function runSubscriptionsBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'subscriptions-bench-'));
  const store = new SqliteSubscriptionStore({ path: join(dir, 'bench.db') });
  try {
    const tracker = new SubscriptionTracker({ store, knownEventNames: [EVERYONE, ...OTHERS] });
    const requests = Array.from({ length: USERS }, (_, user) => envelope(user));
    console.log(`subscriptions (SQLite file in ${tmpdir()}, WAL, synchronous=NORMAL)`);

    let start = performance.now();
    for (const request of requests) await tracker.apply(request);
    let ms = performance.now() - start;
    console.log(
      `  apply      ${USERS.toLocaleString('en-US')} new users in ${ms.toFixed(0)} ms: ${rate(USERS, ms)} requests (validation + one BEGIN IMMEDIATE transaction each)`,
    );

    start = performance.now();
    let ignored = 0;
    for (const request of requests.slice(0, 20_000)) {
      if (!(await tracker.apply(request)).applied) ignored++;
    }
    ms = performance.now() - start;
    console.log(
      `  replay     ${ignored.toLocaleString('en-US')} duplicate requests: ${rate(ignored, ms)}`,
    );

    start = performance.now();
    let streamed = 0;
    for await (const userId of tracker.subscribersOf(EVERYONE, { pageSize: 1000 })) {
      if (userId) streamed++;
    }
    ms = performance.now() - start;
    console.log(
      `  stream     subscribersOf(${EVERYONE}): ${streamed.toLocaleString('en-US')} ids in ${ms.toFixed(0)} ms: ${rate(streamed, ms)} rows`,
    );

    start = performance.now();
    const counts = [];
    for (const eventName of [EVERYONE, ...OTHERS]) counts.push(await tracker.count(eventName));
    ms = performance.now() - start;
    console.log(`  count      4 events (${counts.join(', ')}) in ${ms.toFixed(1)} ms`);
    if (streamed !== USERS || counts[0] !== USERS) {
      throw new Error(`benchmark state is wrong: streamed ${streamed}, counted ${counts[0]}`);
    }
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runSubscriptionsBench();
}
