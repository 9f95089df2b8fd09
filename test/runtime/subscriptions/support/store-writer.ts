// A writer process for the concurrency test: opens its own store from a URL (openSubscriptionStore),
// waits for "go" on stdin so all writers start together, applies its share of the requests and
// prints every applied request as JSON. Tests run it bundled (test/setup/child-bundle.ts).
import { createInterface } from 'node:readline';
import { openSubscriptionStore } from '../../../../runtime/subscriptions/open-store.js';
import { SubscriptionTracker } from '../../../../runtime/subscriptions/tracker.js';
import { record, writerRequests, type AppliedRecord } from './concurrency-plan.js';

const [url, writer, writers, rounds] = process.argv.slice(2);
if (url === undefined || writer === undefined || writers === undefined) {
  throw new Error('usage: store-writer.ts STORE_URL WRITER WRITERS [ROUNDS]');
}
const store = await openSubscriptionStore(url);
const tracker = new SubscriptionTracker({ store });
process.stdout.write('ready\n');
for await (const line of createInterface({ input: process.stdin })) {
  if (line.trim() === 'go') break;
}
const applied: AppliedRecord[] = [];
for (const planned of writerRequests(
  Number(writer),
  Number(writers),
  rounds ? Number(rounds) : undefined,
)) {
  const outcome = await tracker.apply(planned.request);
  if (outcome.applied) applied.push(record(planned, outcome));
}
await store.close();
process.stdout.write(`${JSON.stringify(applied)}\n`);
