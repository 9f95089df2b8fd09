/**
 * Subscription checks, from the store the skill's SubscriptionTracker writes: is this user
 * subscribed to this event, since which request, and is that request recent. Without a store the
 * answer is "unknown", never a guess.
 */
import type { SubscriptionStore } from '../subscriptions/store.js';
import { check, type Check } from './report.js';
import { DAY, describeDuration, isoTime } from './time.js';

export interface SubscriptionCheckInput {
  readonly store: SubscriptionStore | undefined;
  /** How to name the store in sentences (its URL or path). */
  readonly storeLabel: string;
  readonly userId: string | undefined;
  readonly eventName: string | undefined;
  readonly now: number;
  /** A latest request older than this many days gets a warning. */
  readonly recentDays: number;
}

export async function subscriptionChecks(input: SubscriptionCheckInput): Promise<Check[]> {
  const { store, userId, eventName } = input;
  if (store === undefined) {
    return [
      check(
        'subscription',
        'status',
        'subscription',
        'skipped',
        'No store was given, so whether anyone is subscribed is unknown.',
        "Pass --store with the database your skill's SubscriptionTracker writes (e.g. --store sqlite:subscriptions.db).",
      ),
    ];
  }
  if (userId === undefined) {
    if (eventName === undefined) {
      return [
        check(
          'subscription',
          'status',
          'subscription',
          'skipped',
          'Neither a user nor an event was given, so there is nothing to look up.',
          'Pass an event file or --user ID.',
        ),
      ];
    }
    const subscribers = await store.count(eventName);
    return [
      subscribers === 0
        ? check(
            'subscription',
            'status',
            'subscribers',
            'fail',
            `${input.storeLabel} records nobody subscribed to ${eventName}, so a Multicast event reaches no one (and is still answered 202).`,
            'Have a user turn on notifications for the skill in the Alexa app and check that the skill records the subscription request (manifest checks).',
          )
        : check(
            'subscription',
            'status',
            'subscribers',
            'ok',
            `${input.storeLabel} records ${subscribers} user${subscribers === 1 ? '' : 's'} subscribed to ${eventName}.`,
            null,
          ),
    ];
  }
  const state = await store.stateOf(userId);
  if (state === undefined) {
    return [
      check(
        'subscription',
        'status',
        'subscription',
        'fail',
        `${input.storeLabel} has no subscription request from ${userId}: the skill was never told that this user subscribed.`,
        'The user turns on notifications for the skill in the Alexa app; if they have, check the manifest subscription and events endpoint, and that the skill passes the request to its SubscriptionTracker.',
      ),
    ];
  }
  const since = `request ${state.requestId} of ${isoTime(state.time)}`;
  const current = state.eventNames.length === 0 ? 'nothing' : state.eventNames.join(', ');
  const status =
    eventName === undefined
      ? check(
          'subscription',
          'status',
          'subscription',
          state.eventNames.length === 0 ? 'fail' : 'ok',
          `${userId} is subscribed to ${current} (since ${since}).`,
          state.eventNames.length === 0
            ? 'The user turns notifications for the skill back on in the Alexa app.'
            : null,
        )
      : state.eventNames.includes(eventName)
        ? check(
            'subscription',
            'status',
            'subscription',
            'ok',
            `${userId} is subscribed to ${eventName} since ${since}.`,
            null,
          )
        : check(
            'subscription',
            'status',
            'subscription',
            'fail',
            `${userId} is not subscribed to ${eventName}: their latest ${since} subscribes them to ${current}.`,
            `The user turns on notifications for ${eventName} for the skill in the Alexa app (and the manifest must publish it).`,
          );
  const age = input.now - state.time;
  const recent =
    age <= input.recentDays * DAY
      ? check(
          'subscription',
          'latest-request',
          'latest request',
          'ok',
          `The latest subscription request of ${userId} is ${describeDuration(age)} old.`,
          null,
        )
      : check(
          'subscription',
          'latest-request',
          'latest request',
          'warn',
          `The latest subscription request of ${userId} is ${describeDuration(age)} old, so a change the user made since may not have reached the store.`,
          'Toggle the notifications of the skill off and on in the Alexa app and check that a new request is recorded (if not, check events.endpoint).',
        );
  return [status, recent];
}
