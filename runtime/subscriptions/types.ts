/**
 * Shared shapes of the subscriptions runtime. Kept free of logic so every module (parser, stores,
 * tracker, integrations) can depend on it without pulling the others in.
 */
import type { Issue } from '../validation/issues.js';

/** The request type Alexa sends when a user subscribes to or unsubscribes from proactive events. */
export const SUBSCRIPTION_CHANGED_REQUEST_TYPE = 'AlexaSkillEvent.ProactiveSubscriptionChanged';

/** A validated `AlexaSkillEvent.ProactiveSubscriptionChanged` request, reduced to what tracking needs. */
export interface SubscriptionChange {
  /** `context.System.user.userId`: the id a Unicast event is addressed to. */
  readonly userId: string;
  /** `context.System.application.applicationId`: the skill the request was sent to. */
  readonly applicationId: string;
  /** `request.requestId`: breaks ties between requests with the same timestamp. */
  readonly requestId: string;
  /** `request.timestamp` exactly as Alexa sent it (ISO 8601 with a zone). */
  readonly timestamp: string;
  /** `timestamp` as epoch milliseconds (sub-millisecond digits are truncated). */
  readonly time: number;
  /** `request.locale`, when Alexa sent one. */
  readonly locale?: string;
  /**
   * The events the user is still subscribed to, sorted (code point order) and de-duplicated.
   * Empty means the user unsubscribed from everything.
   */
  readonly eventNames: readonly string[];
  /** The entries of `eventNames` that are not in the known catalog (kept, never dropped). */
  readonly unknownEventNames: readonly string[];
}

/** Why a request did not change anything. */
export type IgnoredReason =
  /** An older request than the one already recorded for the user: it arrived out of order. */
  | 'stale'
  /** The very request (same timestamp and requestId) already recorded: a redelivery or replay. */
  | 'duplicate';

/** What the tracker reports for one request. */
export interface ApplyOutcome {
  /** true when the request was the newest seen for its user and its state was recorded. */
  readonly applied: boolean;
  /** Events the user gained with this request (sorted); empty when not applied. */
  readonly subscribed: readonly string[];
  /** Events the user lost with this request (sorted); empty when not applied. */
  readonly unsubscribed: readonly string[];
  /** The user's recorded subscriptions after this request (sorted). */
  readonly current: readonly string[];
  /** Set when `applied` is false. */
  readonly reason?: IgnoredReason;
}

/**
 * One problem found in a request: the runtime's one issue shape (a JSON pointer, a code from the
 * validators' closed set, a sentence for a person). A request reports `required`, `type`,
 * `format`, `enum`, `length` (an empty string, an event name too long), `items` (too many event
 * names) and `expiry-window` (a timestamp too far in the future of the clock).
 */
export type { Issue, IssueCode } from '../validation/issues.js';

/** Result of {@link parseSubscriptionChanged}: never an exception. */
export type ParseResult =
  | { readonly ok: true; readonly value: SubscriptionChange }
  | { readonly ok: false; readonly issues: readonly Issue[] };
