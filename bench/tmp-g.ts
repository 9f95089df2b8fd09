import { runGenerateBench } from './generate.bench.js';
await runGenerateBench();
