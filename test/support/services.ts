// How a test file gets a real server started by test/setup/services.ts:
//
//   const postgresUrl = serviceUrl('postgres');
//   describe.skipIf(!postgresUrl)('…', () => { … postgresUrl! … });
//
// Returns the URL; when the server could not start, throws one clear line (the file fails) unless
// PROACTIVE_EVENTS_SKIP_SERVERS=1 outside CI, where it returns undefined so the tests skip.
import { inject } from 'vitest';
import type { ServiceName } from '../../scripts/services.js';

export function serviceUrl(name: ServiceName): string | undefined {
  const { urls, failures } = inject('services');
  const url = urls[name];
  if (url) return url;
  const why = failures[name] ?? `${name} was not started by test/setup/services.ts`;
  if (process.env.CI !== 'true' && process.env.PROACTIVE_EVENTS_SKIP_SERVERS === '1')
    return undefined;
  throw new Error(
    `${why} (outside CI, PROACTIVE_EVENTS_SKIP_SERVERS=1 skips the tests that need it)`,
  );
}
