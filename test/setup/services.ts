// vitest globalSetup: the real servers the store and queue tests talk to, started once per run by
// scripts/services.ts unless their URL is already in the environment (e.g. under `services.ts run`).
// A server that cannot start fails the run in CI; elsewhere its tests fail with one clear line,
// or skip when PROACTIVE_EVENTS_SKIP_SERVERS=1 (see test/support/services.ts).
import type { TestProject } from 'vitest/node';
import {
  SERVICE_ENV,
  SERVICE_NAMES,
  startService,
  stopAll,
  type RunningService,
  type ServiceName,
} from '../../scripts/services.js';

export interface ServiceAvailability {
  /** Connection URL / endpoint of each server that is running. */
  urls: Partial<Record<ServiceName, string>>;
  /** One-line reason for each server that could not be started. */
  failures: Partial<Record<ServiceName, string>>;
}

declare module 'vitest' {
  export interface ProvidedContext {
    services: ServiceAvailability;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started: RunningService[] = [];
  const availability: ServiceAvailability = { urls: {}, failures: {} };
  const wanted = SERVICE_NAMES.filter((name) => {
    const given = process.env[SERVICE_ENV[name]];
    if (given) availability.urls[name] = given;
    return !given;
  });
  const results = await Promise.allSettled(wanted.map((name) => startService(name)));
  results.forEach((result, index) => {
    const name = wanted[index]!;
    if (result.status === 'fulfilled') {
      started.push(result.value);
      availability.urls[name] = result.value.url;
      // Child processes the tests spawn (writers in other processes) find the servers here too.
      process.env[SERVICE_ENV[name]] = result.value.url;
    } else {
      availability.failures[name] =
        result.reason instanceof Error ? result.reason.message : String(result.reason);
    }
  });
  const failures = Object.values(availability.failures);
  if (failures.length > 0 && process.env.CI === 'true') {
    await stopAll(started);
    throw new Error(`test servers did not start (CI=true): ${failures.join('; ')}`);
  }
  project.provide('services', availability);
  return () => stopAll(started);
}
