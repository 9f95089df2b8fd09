// `npm run bench`: every benchmark, one after another, in one process.
import { runSendBench } from './send.bench.js';
import { runSubscriptionsBench } from './subscriptions.bench.js';

await runSendBench();
await runSubscriptionsBench();
