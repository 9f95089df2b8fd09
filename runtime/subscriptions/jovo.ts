/**
 * A helper for Jovo handlers (v3 `ON_EVENT` handlers, v4 `@Handle({ types: [...] })` methods).
 * Jovo is not a dependency: the helper takes the raw request (`this.$request`, or
 * `this.$alexaSkill.$request` in v3) and only reads its JSON shape.
 */
import type { SubscriptionTracker } from './tracker.js';
import {
  SUBSCRIPTION_CHANGED_REQUEST_TYPE,
  type ApplyOutcome,
  type SubscriptionChange,
} from './types.js';

/**
 * Jovo's request objects copy the request JSON onto themselves; v3's also have `toJSON()`. Either
 * way the envelope is the object itself when it has a `request` property.
 */
function toEnvelope(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null) return raw;
  if ('request' in raw) return raw;
  const toJSON = (raw as { toJSON?: unknown }).toJSON;
  return typeof toJSON === 'function' ? (toJSON as () => unknown).call(raw) : raw;
}

/** Whether a raw Jovo request is a ProactiveSubscriptionChanged skill event. */
export function isSubscriptionChangedRequest(raw: unknown): boolean {
  const envelope = toEnvelope(raw);
  if (typeof envelope !== 'object' || envelope === null) return false;
  const request = (envelope as { request?: unknown }).request;
  return (
    typeof request === 'object' &&
    request !== null &&
    (request as { type?: unknown }).type === SUBSCRIPTION_CHANGED_REQUEST_TYPE
  );
}

export interface TrackedSubscriptionChange {
  readonly change: SubscriptionChange;
  readonly outcome: ApplyOutcome;
}

/**
 * Validates and records the subscription change in a Jovo request. Rejects with
 * `InvalidSubscriptionChangeError` when the request is invalid (the store is then untouched).
 *
 * @example
 * // Jovo v4, inside a component
 * \@Handle({ platforms: ['alexa'], types: ['AlexaSkillEvent.ProactiveSubscriptionChanged'], global: true })
 * async subscriptionChanged() {
 *   await trackJovoSubscriptionChange(tracker, this.$request);
 * }
 */
export async function trackJovoSubscriptionChange(
  tracker: SubscriptionTracker,
  raw: unknown,
): Promise<TrackedSubscriptionChange> {
  const change = tracker.toChange(toEnvelope(raw));
  const outcome = await tracker.apply(change);
  return { change, outcome };
}
