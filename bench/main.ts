// `npm run bench`: every benchmark, one after another, in one process.
// `npm run bench -- validate preview`: only the named ones, in this order.
import { runCampaignBench } from './campaign.bench.js';
import { runFuzzBench } from './fuzz.bench.js';
import { runGenerateBench } from './generate.bench.js';
import { runPackageBench } from './package.bench.js';
import { runPreviewBench } from './preview.bench.js';
import { runSendBench } from './send.bench.js';
import { runSendFaultsBench } from './send-faults.bench.js';
import { runSubscriptionsBench } from './subscriptions.bench.js';
import { runValidateBench } from './validate.bench.js';

const benches: Record<string, () => Promise<void>> = {
  generate: runGenerateBench,
  validate: runValidateBench,
  fuzz: runFuzzBench,
  preview: runPreviewBench,
  send: runSendBench,
  'send-faults': runSendFaultsBench,
  subscriptions: runSubscriptionsBench,
  campaign: runCampaignBench,
  package: runPackageBench,
};

const chosen = process.argv.slice(2);
const unknown = chosen.filter((name) => !(name in benches));
if (unknown.length > 0) {
  console.error(
    `bench: no benchmark named ${unknown.join(', ')} (there are: ${Object.keys(benches).join(', ')})`,
  );
  process.exit(2);
}
for (const name of chosen.length > 0 ? chosen : Object.keys(benches)) await benches[name]!();
