/**
 * An ASK SDK (ask-sdk-core v2) request handler for `AlexaSkillEvent.ProactiveSubscriptionChanged`.
 * ask-sdk-core is only imported for its types, which vanish at compile time, so skills built on
 * other frameworks can use this package without installing it.
 */
import type { HandlerInput, RequestHandler } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import type { SubscriptionTracker } from './tracker.js';
import {
  SUBSCRIPTION_CHANGED_REQUEST_TYPE,
  type ApplyOutcome,
  type SubscriptionChange,
} from './types.js';

export interface SubscriptionChangedHandlerOptions {
  /**
   * Called after a request changed the user's recorded subscriptions (not for stale or duplicate
   * requests), before the handler responds: e.g. to send a welcome event or log
   * `change.unknownEventNames`. An error it throws goes to the skill's error handlers.
   */
  readonly onChange?: (
    outcome: ApplyOutcome,
    change: SubscriptionChange,
    handlerInput: HandlerInput,
  ) => void | Promise<void>;
}

/** The request type of an envelope, read defensively: canHandle sees every request of the skill. */
export function requestTypeOf(envelope: unknown): unknown {
  if (typeof envelope !== 'object' || envelope === null) return undefined;
  const request = (envelope as { request?: unknown }).request;
  if (typeof request !== 'object' || request === null) return undefined;
  return (request as { type?: unknown }).type;
}

/**
 * A `RequestHandler` that records subscription changes with `tracker` and answers with the empty
 * response skill events expect. An invalid request makes `handle` throw
 * `InvalidSubscriptionChangeError` (listing every issue), so the skill's error handler logs it
 * instead of the request vanishing silently.
 *
 * @example
 * SkillBuilders.custom().addRequestHandlers(createSubscriptionChangedHandler(tracker), ...)
 */
export function createSubscriptionChangedHandler(
  tracker: SubscriptionTracker,
  options: SubscriptionChangedHandlerOptions = {},
): RequestHandler & {
  canHandle(handlerInput: HandlerInput): boolean;
  handle(handlerInput: HandlerInput): Promise<Response>;
} {
  return {
    canHandle(handlerInput) {
      return requestTypeOf(handlerInput.requestEnvelope) === SUBSCRIPTION_CHANGED_REQUEST_TYPE;
    },
    async handle(handlerInput) {
      const change = tracker.toChange(handlerInput.requestEnvelope);
      const outcome = await tracker.apply(change);
      if (outcome.applied && options.onChange) {
        await options.onChange(outcome, change, handlerInput);
      }
      return handlerInput.responseBuilder.getResponse();
    },
  };
}
