// `npm run bench`: every benchmark, one after another, in one process.
import { runCampaignBench } from './campaign.bench.js';
import { runFuzzBench } from './fuzz.bench.js';
import { runGenerateBench } from './generate.bench.js';
import { runPackageBench } from './package.bench.js';
import { runPreviewBench } from './preview.bench.js';
import { runSendBench } from './send.bench.js';
import { runSendFaultsBench } from './send-faults.bench.js';
import { runSubscriptionsBench } from './subscriptions.bench.js';
import { runValidateBench } from './validate.bench.js';

await runGenerateBench();
await runValidateBench();
await runFuzzBench();
await runPreviewBench();
await runSendBench();
await runSendFaultsBench();
await runSubscriptionsBench();
await runCampaignBench();
await runPackageBench();
