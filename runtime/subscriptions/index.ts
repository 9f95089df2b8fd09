/**
 * Tracking of Alexa proactive-event subscriptions: parse `AlexaSkillEvent.ProactiveSubscriptionChanged`
 * requests, keep each user's newest state in a store, and list the subscribers of an event.
 * The ASK SDK and Jovo helpers live in `./ask-sdk.js` and `./jovo.js` so this entry imports neither.
 */
export {
  SUBSCRIPTION_CHANGED_REQUEST_TYPE,
  type ApplyOutcome,
  type IgnoredReason,
  type Issue,
  type IssueCode,
  type ParseResult,
  type SubscriptionChange,
} from './types.js';
export {
  assertSubscriptionChanged,
  formatIssues,
  InvalidSubscriptionChangeError,
  parseSubscriptionChanged,
  type ParseOptions,
} from './parse.js';
export { parseTimestamp, type TimestampResult } from './timestamp.js';
export { compareCodePoints, compareVersions, type ChangeVersion } from './order.js';
export {
  ignoreReason,
  type ApplyResult,
  type ListableSubscriptionStore,
  type PageQuery,
  type StoreChange,
  type SubscriptionStore,
  type UserState,
} from './store.js';
export { MemorySubscriptionStore } from './memory-store.js';
export { SqliteSubscriptionStore, type SqliteSubscriptionStoreOptions } from './sqlite-store.js';
export { MissingSqliteDriverError, SchemaTooNewError } from './sqlite-errors.js';
export {
  SubscriptionTracker,
  type SubscribersOfOptions,
  type SubscriptionTrackerOptions,
} from './tracker.js';
export {
  openSubscriptionStore,
  parseDynamoUrl,
  InvalidStoreUrlError,
  STORE_URL_FORMS,
  type OpenSubscriptionStoreOptions,
} from './open-store.js';
export { MissingStoreDriverError } from './driver-errors.js';
export {
  PostgresSubscriptionStore,
  type PostgresSubscriptionStoreOptions,
} from './postgres-store.js';
export type { PostgresPool, PostgresQueryable } from './postgres-driver.js';
export { DynamoSubscriptionStore, type DynamoSubscriptionStoreOptions } from './dynamodb-store.js';
export { createSubscriptionsTable, tableDefinition } from './dynamodb-table.js';
export { connectDynamo, type DynamoConnectOptions } from './dynamodb-driver.js';
