// `npm run bench`: every benchmark, one after another, in one process.
// `npm run bench -- validate preview`: only the named ones, in this order.
// `npm run bench -- --smoke [names]`: each end to end at a small size (bench/scale.ts), for CI.

const benches: Record<string, () => Promise<() => Promise<void>>> = {
  generate: async () => (await import('./generate.bench.js')).runGenerateBench,
  validate: async () => (await import('./validate.bench.js')).runValidateBench,
  fuzz: async () => (await import('./fuzz.bench.js')).runFuzzBench,
  preview: async () => (await import('./preview.bench.js')).runPreviewBench,
  send: async () => (await import('./send.bench.js')).runSendBench,
  'send-faults': async () => (await import('./send-faults.bench.js')).runSendFaultsBench,
  subscriptions: async () => (await import('./subscriptions.bench.js')).runSubscriptionsBench,
  campaign: async () => (await import('./campaign.bench.js')).runCampaignBench,
  package: async () => (await import('./package.bench.js')).runPackageBench,
};

const args = process.argv.slice(2);
// Before any benchmark module loads: their sizes are read when they load.
if (args.includes('--smoke')) process.env.BENCH_SMOKE = '1';
const chosen = args.filter((arg) => arg !== '--smoke');
const unknown = chosen.filter((name) => !(name in benches));
if (unknown.length > 0) {
  console.error(
    `bench: no benchmark named ${unknown.join(', ')} (there are: ${Object.keys(benches).join(', ')}; --smoke runs them small)`,
  );
  process.exit(2);
}
if (process.env.BENCH_SMOKE === '1') {
  console.log(
    'bench: smoke run (small sizes): it checks that each benchmark runs; its figures are not measurements',
  );
}
for (const name of chosen.length > 0 ? chosen : Object.keys(benches)) {
  const started = performance.now();
  await (
    await benches[name]!()
  )();
  if (process.env.BENCH_SMOKE === '1') {
    console.log(`bench: ${name} ran in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
}
