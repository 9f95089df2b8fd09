/**
 * What a worker does with one job: build its event, send it once, and turn the outcome into what
 * BullMQ should do next: complete, retry with backoff, fail for good with a reason, or hand the
 * job back untouched while every worker pauses for Amazon's Retry-After.
 */
import type { Job } from 'bullmq';
import { eventOfJob, type CampaignJobData } from './job-data.js';
import { classifyFailure, failureText } from './failures.js';
import type { BullMQModule } from './load.js';
import { throttlePause } from './rate.js';

/**
 * Retry settings for the client a worker sends with: one HTTP attempt per job attempt, because
 * the queue does the retrying (with backoff, surviving restarts) and a 429 must pause every
 * worker rather than put one to sleep.
 */
export const WORKER_CLIENT_RETRY = Object.freeze({ maxAttempts: 1 });

/** Sends one event; throws the client's typed errors (runtime/client/errors.ts). */
export type SendEvent = (event: object) => Promise<{ status: number }>;

/** What a completed job records. */
export interface SentResult {
  readonly status: number;
  /**
   * Amazon answered 409 to a retry: an earlier attempt (cut off by a network error, a 5xx or a
   * killed worker) already delivered this referenceId to this user.
   */
  readonly duplicate?: true;
}

export interface JobContext {
  readonly bullmq: BullMQModule;
  readonly send: SendEvent;
  readonly template: object | undefined;
  /** Pauses every worker of the campaign (BullMQ's queue-wide rate limit key). */
  readonly pauseAll: (ms: number) => Promise<void>;
}

export async function processJob(
  job: Job<CampaignJobData>,
  context: JobContext,
): Promise<SentResult> {
  let event: object;
  try {
    event = eventOfJob(job.data, context.template);
  } catch (error) {
    throw new context.bullmq.UnrecoverableError(
      failureText({ reason: 'error', message: (error as Error).message }),
    );
  }
  try {
    const { status } = await context.send(event);
    return { status };
  } catch (error) {
    const failure = classifyFailure(error);
    if (failure.reason === 'http-409' && job.attemptsStarted > 1) {
      return { status: 409, duplicate: true };
    }
    if (failure.reason === 'http-429') {
      // Not an attempt used up: the job goes back to the queue and nobody sends until the
      // pause ends.
      await context.pauseAll(throttlePause(failure.retryAfterMs));
      throw context.bullmq.Worker.RateLimitError();
    }
    const text = failureText(failure);
    throw failure.retryable ? new Error(text) : new context.bullmq.UnrecoverableError(text);
  }
}
