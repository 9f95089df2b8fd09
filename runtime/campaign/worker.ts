/**
 * A campaign worker: serves the campaigns in the order they were started (all workers on the
 * same one, so one rate limit holds for the skill), with a BullMQ Worker per campaign. Any number
 * of these run in any number of processes. stop() lets in-flight jobs finish; a worker that is
 * killed instead loses nothing: its jobs' locks expire and another worker retries them.
 */
import type { Job, Worker } from 'bullmq';
import type { CampaignConnection } from './connection.js';
import { campaignKeys, queueName, registryKey } from './keys.js';
import type { CampaignJobData } from './job-data.js';
import { processJob, type SendEvent, type SentResult } from './process-job.js';
import { DEFAULT_RATE_PER_SECOND, limiterFor } from './rate.js';
import { isSettled } from './status.js';

export interface CampaignWorkerOptions {
  /** Sends one event: a ProactiveEventsClient's sendProactiveEvent, one client per process. */
  readonly send: SendEvent;
  /** Events this process sends at once. Default 16. */
  readonly concurrency?: number;
  /** Events per second for the whole skill, across all workers. Default 100. */
  readonly ratePerSecond?: number;
  /** How long a job stays locked to a worker that stopped answering. Default 30 s. */
  readonly lockMs?: number;
  /** Return once no campaign has work left instead of waiting for new ones. */
  readonly untilIdle?: boolean;
  /** How often to look for campaigns and for the end of the current one. Default 500 ms. */
  readonly pollMs?: number;
  /** One line per campaign served, and worker errors. */
  readonly log?: (line: string) => void;
}

export interface CampaignWorker {
  /** Resolves when the worker has stopped (after stop(), or when idle with `untilIdle`). */
  readonly done: Promise<void>;
  /**
   * Stops taking jobs and waits for the in-flight ones. `force` abandons them instead: they
   * return to the queue when their locks expire.
   */
  stop(force?: boolean): Promise<void>;
}

export function startCampaignWorker(
  connection: CampaignConnection,
  options: CampaignWorkerOptions,
): CampaignWorker {
  const concurrency = options.concurrency ?? 16;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new RangeError(`concurrency must be an integer ≥ 1, got ${concurrency}`);
  }
  const limiter = limiterFor(options.ratePerSecond ?? DEFAULT_RATE_PER_SECOND);
  const lockMs = options.lockMs ?? 30_000;
  const pollMs = options.pollMs ?? 500;
  const log = options.log ?? (() => undefined);
  let stopping = false;
  let current: Worker | undefined;
  let wake: (() => void) | undefined;

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const serveCampaign = async (campaignId: string): Promise<void> => {
    const keys = campaignKeys(connection.prefix, campaignId);
    const finish = async () => {
      await connection.redis.zrem(keys.registry, campaignId);
      log(`campaign ${campaignId}: done`);
    };
    // Another worker may have settled it a moment ago, before taking it off the registry.
    // Starting a BullMQ worker only to close it at once raced BullMQ's own start-up.
    if (await isSettled(connection, campaignId)) return finish();
    const templateJson = await connection.redis.hget(keys.meta, 'template');
    const template = templateJson === null ? undefined : (JSON.parse(templateJson) as object);
    const queue = connection.queue(campaignId);
    const { Worker } = connection.bullmq;
    const worker: Worker<CampaignJobData, SentResult> = new Worker(
      queueName(campaignId),
      (job: Job<CampaignJobData>) =>
        processJob(job, {
          bullmq: connection.bullmq,
          send: options.send,
          template,
          pauseAll: (ms) => {
            log(`campaign ${campaignId}: Amazon answered 429; every worker pauses ${ms} ms`);
            return queue.rateLimit(ms);
          },
        }),
      {
        connection: connection.redis,
        prefix: connection.prefix,
        concurrency,
        limiter,
        lockDuration: lockMs,
        stalledInterval: lockMs,
        // A job whose worker died is retried, not failed: the kill says nothing about the event.
        maxStalledCount: 1000,
      },
    );
    worker.on('error', (error) => log(`worker error: ${error.message}`));
    current = worker;
    log(`campaign ${campaignId}: serving`);
    try {
      // BullMQ connects the queue and the worker's blocking connection in the background; a
      // campaign settling right now would close them while they connect.
      await Promise.all([queue.waitUntilReady(), worker.waitUntilReady()]);
      while (!stopping && !(await isSettled(connection, campaignId))) await pause(pollMs);
    } finally {
      current = undefined;
      await worker.close();
    }
    if (!stopping && (await isSettled(connection, campaignId))) await finish();
  };

  const run = async (): Promise<void> => {
    const registry = registryKey(connection.prefix);
    while (!stopping) {
      const [oldest] = await connection.redis.zrange(registry, 0, 0);
      if (oldest !== undefined) await serveCampaign(oldest);
      else if (options.untilIdle) return;
      else await pause(pollMs);
    }
  };

  const done = run();
  return {
    done,
    async stop(force = false) {
      stopping = true;
      wake?.();
      if (force) await current?.close(true);
      await done;
    },
  };
}
