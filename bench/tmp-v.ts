import { runValidateBench } from './validate.bench.js';
await runValidateBench();
