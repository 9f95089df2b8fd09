// `npm run bench`: every benchmark, one after another, in one process.
import { runPreviewBench } from './preview.bench.js';
import { runSendBench } from './send.bench.js';
import { runSubscriptionsBench } from './subscriptions.bench.js';

await runPreviewBench();
await runSendBench();
await runSubscriptionsBench();
