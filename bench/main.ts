// `npm run bench`: every benchmark, one after the other.
import { runPreviewBench } from './preview.bench.js';

await runPreviewBench();
