/**
 * Where a campaign stands, read from BullMQ's own bookkeeping of the campaign's queue: exact
 * counts per state, the failures with their reasons, and the throughput of the jobs finished so
 * far. Failures are read page by page.
 */
import type { Job } from 'bullmq';
import type { CampaignConnection } from './connection.js';
import { eventOfJob, recipientOf, type CampaignJobData } from './job-data.js';
import { campaignKeys } from './keys.js';
import { reasonOf } from './failures.js';

export interface CampaignStatus {
  readonly campaignId: string;
  /** Jobs the campaign holds in any state. */
  readonly total: number;
  /** Waiting for a worker. */
  readonly queued: number;
  /** Being sent now. */
  readonly active: number;
  /** Waiting for their next attempt after a retryable failure. */
  readonly retrying: number;
  /** Accepted by Amazon (including retries Amazon answered 409: delivered by an earlier attempt). */
  readonly sent: number;
  readonly failed: number;
  /** Final failures per reason (`http-403`, `invalid-event`, …), sorted by reason. */
  readonly failedByReason: Readonly<Record<string, number>>;
  /** An enqueuer is still adding jobs. */
  readonly enqueuing: boolean;
  /** Nothing is left to do: every job is sent or failed and nobody is adding more. */
  readonly settled: boolean;
  /** Finished jobs per second, from the first job taken to the last one finished. */
  readonly eventsPerSecond: number | undefined;
}

export interface CampaignFailure {
  readonly jobId: string;
  readonly reason: string;
  /** BullMQ's failedReason: `reason: message`. */
  readonly message: string;
  readonly attempts: number;
  readonly referenceId: string;
  readonly user: string;
  /** The event as it was (to be) sent, for fixing and enqueuing again. */
  readonly event: object;
}

const PAGE = 1000;

export async function campaignStatus(
  connection: CampaignConnection,
  campaignId: string,
): Promise<CampaignStatus> {
  const keys = campaignKeys(connection.prefix, campaignId);
  const queue = connection.queue(campaignId);
  const counts = await queue.getJobCounts(
    'waiting',
    'prioritized',
    'paused',
    'active',
    'delayed',
    'completed',
    'failed',
  );
  const enqueuing = (await connection.redis.exists(keys.enqueuing)) === 1;
  const failedByReason: Record<string, number> = {};
  for await (const job of failedJobs(connection, campaignId)) {
    const reason = reasonOf(job.failedReason);
    failedByReason[reason] = (failedByReason[reason] ?? 0) + 1;
  }
  const queued = (counts.waiting ?? 0) + (counts.prioritized ?? 0) + (counts.paused ?? 0);
  const active = counts.active ?? 0;
  const retrying = counts.delayed ?? 0;
  const sent = counts.completed ?? 0;
  const failed = counts.failed ?? 0;
  return {
    campaignId,
    total: queued + active + retrying + sent + failed,
    queued,
    active,
    retrying,
    sent,
    failed,
    failedByReason: Object.fromEntries(
      Object.entries(failedByReason).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    ),
    enqueuing,
    settled: !enqueuing && queued + active + retrying === 0,
    eventsPerSecond: await throughput(connection, campaignId, sent + failed),
  };
}

/** Whether the campaign has nothing left to do (cheaper than a full status). */
export async function isSettled(
  connection: CampaignConnection,
  campaignId: string,
): Promise<boolean> {
  const keys = campaignKeys(connection.prefix, campaignId);
  if ((await connection.redis.exists(keys.enqueuing)) === 1) return false;
  const counts = await connection
    .queue(campaignId)
    .getJobCounts('waiting', 'prioritized', 'paused', 'active', 'delayed', 'waiting-children');
  return Object.values(counts).every((n) => n === 0);
}

/** The campaign's final failures with their reasons and events, page by page. */
export async function* campaignFailures(
  connection: CampaignConnection,
  campaignId: string,
): AsyncGenerator<CampaignFailure> {
  const keys = campaignKeys(connection.prefix, campaignId);
  const templateJson = await connection.redis.hget(keys.meta, 'template');
  const template = templateJson === null ? undefined : (JSON.parse(templateJson) as object);
  for await (const job of failedJobs(connection, campaignId)) {
    const event = eventOfJob(job.data, template);
    const { referenceId, user } = recipientOf(event);
    yield {
      jobId: job.id ?? '',
      reason: reasonOf(job.failedReason),
      message: job.failedReason ?? '',
      attempts: job.attemptsMade,
      referenceId,
      user,
      event,
    };
  }
}

async function* failedJobs(
  connection: CampaignConnection,
  campaignId: string,
): AsyncGenerator<Job<CampaignJobData>> {
  const queue = connection.queue(campaignId);
  // Oldest first, so pages stay stable while more jobs fail at the other end.
  for (let start = 0; ; start += PAGE) {
    const page = (await queue.getJobs(
      ['failed'],
      start,
      start + PAGE - 1,
      true,
    )) as Job<CampaignJobData>[];
    yield* page.filter((job): job is Job<CampaignJobData> => job !== undefined && job !== null);
    if (page.length < PAGE) return;
  }
}

async function throughput(
  connection: CampaignConnection,
  campaignId: string,
  finished: number,
): Promise<number | undefined> {
  if (finished < 2) return undefined;
  const queue = connection.queue(campaignId);
  const ends = await Promise.all(
    (['completed', 'failed'] as const).flatMap((state) => [
      queue.getJobs([state], 0, 0, true),
      queue.getJobs([state], 0, 0, false),
    ]),
  );
  const jobs = ends.flat().filter((job) => job !== undefined && job !== null);
  const first = Math.min(...jobs.map((job) => job.processedOn ?? Infinity));
  const last = Math.max(...jobs.map((job) => job.finishedOn ?? -Infinity));
  if (!Number.isFinite(first) || !Number.isFinite(last) || last <= first) return undefined;
  return finished / ((last - first) / 1000);
}
