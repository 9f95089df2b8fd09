/**
 * Names in Redis. Each campaign is its own BullMQ queue (exact counts and failure lists come
 * from BullMQ itself); a sorted set lists the campaigns in the order they were started, which is
 * the order workers serve them in, so one rate limit holds for the skill as a whole.
 */
import { createHash } from 'node:crypto';

/** BullMQ key prefix of every campaign queue, and of this package's own keys. */
export const DEFAULT_PREFIX = 'proactive-events';

const CAMPAIGN_ID = /^[A-Za-z0-9_-]{1,64}$/;

export class InvalidCampaignIdError extends TypeError {
  constructor(id: string) {
    super(`campaign id "${id}" must be 1-64 letters, digits, "_" or "-"`);
    this.name = 'InvalidCampaignIdError';
  }
}

export function assertCampaignId(id: string): string {
  if (!CAMPAIGN_ID.test(id)) throw new InvalidCampaignIdError(id);
  return id;
}

/** The BullMQ queue that holds one campaign's jobs. */
export function queueName(campaignId: string): string {
  return `campaign-${assertCampaignId(campaignId)}`;
}

export interface CampaignKeys {
  /** Sorted set: campaign id → start time (ms). Workers serve the oldest first. */
  readonly registry: string;
  /** Hash: the campaign's template (fan-out) and when it was started. */
  readonly meta: string;
  /** Present (with a TTL refreshed per page) while an enqueuer is still adding jobs. */
  readonly enqueuing: string;
}

/** The sorted set of campaigns that may have work left. */
export function registryKey(prefix: string): string {
  return `${prefix}:campaigns`;
}

export function campaignKeys(prefix: string, campaignId: string): CampaignKeys {
  assertCampaignId(campaignId);
  return {
    registry: registryKey(prefix),
    meta: `${prefix}:campaign:${campaignId}`,
    enqueuing: `${prefix}:campaign:${campaignId}:enqueuing`,
  };
}

/**
 * The job id of one event: a hash of (campaign, referenceId, user), so enqueuing the same event
 * twice names the same job and BullMQ adds it once. JSON keeps the triple unambiguous ("a:b","c"
 * ≠ "a","b:c"); the "j" keeps BullMQ from reading an all-digit id as a number.
 */
export function jobId(campaignId: string, referenceId: string, user: string): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([campaignId, referenceId, user]))
    .digest('hex');
  return `j${digest.slice(0, 40)}`;
}

/**
 * A campaign id derived from what is sent (the event files' contents, or the template and the
 * store), so running the same `campaign start` twice lands in the same campaign.
 */
export function deriveCampaignId(parts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(`${part.length}:${part}`);
  return `c${hash.digest('hex').slice(0, 15)}`;
}
