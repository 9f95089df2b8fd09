/**
 * Enqueuing: a batch of events, or one template fanned out to every current subscriber of its
 * event name. Jobs are added page by page (the subscribers are streamed from the store, never all
 * in memory), each under its deterministic id, so enqueuing the same thing twice adds nothing.
 */
import type { JobsOptions } from 'bullmq';
import type { SubscriberSource } from '../client/send-to-subscribers.js';
import type { CampaignConnection } from './connection.js';
import { addressTo, eventNameOf, recipientOf, type CampaignJobData } from './job-data.js';
import { campaignKeys, jobId } from './keys.js';
import { ProactiveEventsError } from '../errors.js';

export interface EnqueueOptions {
  /** Attempts per event, first one included (network errors, 429, 5xx). Default 5. */
  readonly attempts?: number;
  /** First retry waits about this long (exponential, jittered). Default 1000 ms. */
  readonly backoffMs?: number;
  /** Jobs added per round trip, and subscribers read per page. Default 1000. */
  readonly pageSize?: number;
  /** Called after each page with the number of events submitted so far. */
  readonly onPage?: (submitted: number) => void;
}

export interface EnqueueResult {
  readonly campaignId: string;
  /** Events submitted (duplicates included). */
  readonly submitted: number;
  /** Jobs the campaign did not have before. */
  readonly added: number;
}

/** While an enqueuer works, workers keep serving the campaign even when its queue runs dry. */
const ENQUEUING_TTL_MS = 60_000;

export class CampaignTemplateMismatchError extends ProactiveEventsError {
  constructor(campaignId: string) {
    super(
      `campaign ${campaignId} was started with a different template: choose another campaign id`,
    );
    this.name = 'CampaignTemplateMismatchError';
  }
}

export async function enqueueEvents(
  connection: CampaignConnection,
  campaignId: string,
  events: Iterable<object> | AsyncIterable<object>,
  options: EnqueueOptions = {},
): Promise<EnqueueResult> {
  return enqueue(connection, campaignId, undefined, options, async function* () {
    for await (const event of events) {
      const { referenceId, user } = recipientOf(event);
      yield { id: jobId(campaignId, referenceId, user), data: { event } };
    }
  });
}

/**
 * Fans `template` out to every user `source` lists as subscribed to the template's event name;
 * each user gets the template as a Unicast event addressed to them, with the template's
 * referenceId (Amazon refuses a second event with the same referenceId for the same user only).
 */
export async function enqueueToSubscribers(
  connection: CampaignConnection,
  campaignId: string,
  template: object,
  source: SubscriberSource,
  options: EnqueueOptions = {},
): Promise<EnqueueResult> {
  const eventName = eventNameOf(template);
  if (eventName === undefined) throw new TypeError('the template has no event.name');
  const pageSize = options.pageSize ?? 1000;
  return enqueue(connection, campaignId, template, options, async function* () {
    for await (const user of source.subscribersOf(eventName, { pageSize })) {
      const { referenceId } = recipientOf(addressTo(template, user));
      yield { id: jobId(campaignId, referenceId, user), data: { user } };
    }
  });
}

interface PendingJob {
  id: string;
  data: CampaignJobData;
}

async function enqueue(
  connection: CampaignConnection,
  campaignId: string,
  template: object | undefined,
  options: EnqueueOptions,
  jobs: () => AsyncIterable<PendingJob>,
): Promise<EnqueueResult> {
  const attempts = options.attempts ?? 5;
  if (!Number.isInteger(attempts) || attempts < 1) {
    throw new RangeError(`attempts must be an integer ≥ 1, got ${attempts}`);
  }
  const pageSize = options.pageSize ?? 1000;
  const keys = campaignKeys(connection.prefix, campaignId);
  const { redis } = connection;
  const queue = connection.queue(campaignId);
  await register(connection, campaignId, template);
  const jobOptions: JobsOptions = {
    attempts,
    backoff: { type: 'exponential', delay: options.backoffMs ?? 1000, jitter: 0.5 },
    // Finished jobs stay: their ids are what makes a second enqueue add nothing, and they are
    // the campaign's record (status counts, failures with reasons).
    removeOnComplete: false,
    removeOnFail: false,
  };
  const before = await totalJobs(connection, campaignId);
  let submitted = 0;
  let page: PendingJob[] = [];
  const flush = async () => {
    await redis.set(keys.enqueuing, '1', 'PX', ENQUEUING_TTL_MS);
    await queue.addBulk(
      page.map((job) => ({
        name: 'event',
        data: job.data,
        opts: { ...jobOptions, jobId: job.id },
      })),
    );
    submitted += page.length;
    page = [];
    options.onPage?.(submitted);
  };
  try {
    for await (const job of jobs()) {
      page.push(job);
      if (page.length >= pageSize) await flush();
    }
    if (page.length > 0) await flush();
  } finally {
    await redis.del(keys.enqueuing);
  }
  const after = await totalJobs(connection, campaignId);
  return { campaignId, submitted, added: after - before };
}

/** Records the campaign (and its template) before any job exists, so workers find it. */
async function register(
  connection: CampaignConnection,
  campaignId: string,
  template: object | undefined,
): Promise<void> {
  const keys = campaignKeys(connection.prefix, campaignId);
  const { redis } = connection;
  if (template !== undefined) {
    const json = JSON.stringify(template);
    await redis.hsetnx(keys.meta, 'template', json);
    if ((await redis.hget(keys.meta, 'template')) !== json) {
      throw new CampaignTemplateMismatchError(campaignId);
    }
  }
  await redis.hsetnx(keys.meta, 'startedAt', String(Date.now()));
  await redis.set(keys.enqueuing, '1', 'PX', ENQUEUING_TTL_MS);
  await redis.zadd(keys.registry, 'NX', Date.now(), campaignId);
}

/** Every job the campaign holds, whatever its state. */
export async function totalJobs(
  connection: CampaignConnection,
  campaignId: string,
): Promise<number> {
  const counts = await connection.queue(campaignId).getJobCounts();
  return Object.values(counts).reduce((sum, n) => sum + n, 0);
}
