/**
 * `npm run bench -- --smoke`: every benchmark end to end at a small size, so CI sees that each
 * still runs (its servers start, its child processes run, its checks of the results hold) in
 * seconds. A smoke run's figures are not measurements: its verdicts say so.
 */
export const smoke = process.env.BENCH_SMOKE === '1';

/** `full` for a real run, `small` for a smoke run. */
export function sized(full: number, small: number): number {
  return smoke ? small : full;
}

/**
 * A timed target's verdict (`passed` names a met one: "met", or "ok"), or what a smoke run
 * says instead of one.
 */
export function verdict(met: boolean, passed = 'met'): string {
  return smoke ? 'smoke run, not judged' : met ? passed : 'MISSED';
}
