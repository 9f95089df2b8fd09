/**
 * Loads bullmq (and the ioredis client it brings) on first use: they are optional peer
 * dependencies, needed only by campaigns and workers. A missing package is one line naming it.
 */
import type * as BullMQ from 'bullmq';
import type { Redis } from 'ioredis';
import { ProactiveEventsError } from '../errors.js';

export type BullMQModule = typeof BullMQ;

/** Thrown when bullmq or ioredis is not installed; the message says what to install. */
export class MissingQueuePackageError extends ProactiveEventsError {
  constructor(
    readonly packageName: string,
    reason: unknown,
  ) {
    const detail = reason instanceof Error ? reason.message.split('\n')[0] : String(reason);
    super(
      `campaigns need the optional package "${packageName}": install it with ` +
        `"npm install bullmq" (${detail})`,
    );
    this.name = 'MissingQueuePackageError';
  }
}

let bullmq: Promise<BullMQModule> | undefined;

/** bullmq, imported once per process; `load` replaces the import (tests of a missing package). */
export function loadBullMQ(load?: () => Promise<unknown>): Promise<BullMQModule> {
  const attempt = () =>
    (load ?? (() => import('bullmq')))().then(
      (module) => module as BullMQModule,
      (error: unknown) => {
        throw new MissingQueuePackageError('bullmq', error);
      },
    );
  if (load !== undefined) return attempt();
  bullmq ??= attempt().catch((error: unknown) => {
    bullmq = undefined;
    throw error;
  });
  return bullmq;
}

type RedisConstructor = new (url: string, options: Record<string, unknown>) => Redis;

/**
 * A Redis connection for `url` (redis:// or rediss://). `maxRetriesPerRequest: null` is what
 * BullMQ requires of the connections its workers block on.
 */
export async function connectRedis(
  url: string,
  load: () => Promise<unknown> = () => import('ioredis'),
): Promise<Redis> {
  if (!/^rediss?:\/\//i.test(url)) {
    throw new TypeError(
      `--queue must be a redis:// or rediss:// URL, got "${url.split(':')[0]}:…"`,
    );
  }
  let module: { Redis?: RedisConstructor; default?: RedisConstructor };
  try {
    module = (await load()) as typeof module;
  } catch (error) {
    throw new MissingQueuePackageError('ioredis', error);
  }
  const RedisClass = (module.Redis ?? module.default)!;
  return new RedisClass(url, { maxRetriesPerRequest: null, lazyConnect: false });
}
