/** Public surface of the hand-written sending runtime. */
export {
  ProactiveEventsClient,
  MULTICAST_NOTICE,
  type ProactiveEventsClientOptions,
  type SendResult,
} from './client.js';
export {
  LWA_TOKEN_URL,
  REGIONS,
  REGION_HOSTS,
  STAGES,
  STAGE_PATHS,
  isRegion,
  isStage,
  resolveEndpoints,
  type EndpointOptions,
  type Region,
  type ResolvedEndpoints,
  type Stage,
} from './endpoints.js';
export {
  LWA_HINTS,
  LwaError,
  ProactiveEventsApiError,
  ProactiveEventsError,
  ProactiveEventsNetworkError,
  apiHint,
  type AmazonErrorBody,
  type Audience,
} from './errors.js';
export {
  OutboxFormatError,
  OutboxWriter,
  parseOutbox,
  readOutbox,
  type OutboxEntry,
} from './outbox.js';
export { REDACTED, maskToken, redact } from './redact.js';
export { DEFAULT_RETRY, parseRetryAfter, type RetryOptions } from './retry.js';
export type {
  FailureInfo,
  SendManyOptions,
  SendManyResult,
  SendManySummary,
  SendOutcome,
  SendProgress,
} from './send-many.js';
export {
  PROACTIVE_EVENTS_SCOPE,
  TOKEN_REFRESH_MARGIN_MS,
  getAccessToken,
  sendAuthRequest,
  type StandaloneTokenOptions,
} from './token.js';
export type { AccessTokenResponse, EventValidator, Logger, ProactiveEventInput } from './types.js';
export type {
  SendToSubscribersOptions,
  SendToSubscribersResult,
  SendToSubscribersSummary,
  SubscriberEventBuilder,
  SubscriberFailure,
  SubscriberSource,
} from './send-to-subscribers.js';
