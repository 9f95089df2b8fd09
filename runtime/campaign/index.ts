/** Campaigns: events queued in Redis (BullMQ) and sent by any number of workers. */
export { CampaignConnection, type CampaignConnectionOptions } from './connection.js';
export {
  CampaignTemplateMismatchError,
  enqueueEvents,
  enqueueToSubscribers,
  type EnqueueOptions,
  type EnqueueResult,
} from './enqueue.js';
export { classifyFailure, reasonOf, type ClassifiedFailure } from './failures.js';
export { addressTo, type CampaignJobData } from './job-data.js';
export {
  DEFAULT_PREFIX,
  InvalidCampaignIdError,
  assertCampaignId,
  deriveCampaignId,
  jobId,
  queueName,
} from './keys.js';
export { MissingQueuePackageError } from './load.js';
export { WORKER_CLIENT_RETRY, type SendEvent, type SentResult } from './process-job.js';
export { DEFAULT_RATE_PER_SECOND, limiterFor } from './rate.js';
export {
  campaignFailures,
  campaignStatus,
  isSettled,
  type CampaignFailure,
  type CampaignStatus,
} from './status.js';
export { startCampaignWorker, type CampaignWorker, type CampaignWorkerOptions } from './worker.js';
