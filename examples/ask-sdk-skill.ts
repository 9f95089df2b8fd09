// An ASK SDK (ask-sdk-core v2) skill that records which proactive events each user subscribed to.
// The skill manifest must list `SKILL_PROACTIVE_SUBSCRIPTION_CHANGED` under `events.subscriptions`
// for Alexa to send these requests at all.
import { SkillBuilders, type HandlerInput } from 'ask-sdk-core';
import { createSubscriptionChangedHandler } from '../runtime/subscriptions/ask-sdk.js';
import { SqliteSubscriptionStore, SubscriptionTracker } from '../runtime/subscriptions/index.js';

// One file per skill service. For a skill on Lambda, or on many instances, use a store backed by a
// shared database instead (docs/subscriptions.md shows how to write one).
const store = new SqliteSubscriptionStore({
  path: process.env['SUBSCRIPTIONS_DB'] ?? 'subscriptions.db',
});

const tracker = new SubscriptionTracker({
  store,
  // The events this skill publishes (the manifest's `events.publications`).
  knownEventNames: ['AMAZON.OrderStatus.Updated', 'AMAZON.MessageAlert.Activated'],
});

const subscriptionChanged = createSubscriptionChangedHandler(tracker, {
  onChange(outcome, change) {
    console.log(
      `${change.userId}: +[${outcome.subscribed.join(', ')}] -[${outcome.unsubscribed.join(', ')}]`,
    );
    if (change.unknownEventNames.length > 0) {
      console.warn(`subscribed to events this skill does not publish: ${change.unknownEventNames}`);
    }
  },
});

const launch = {
  canHandle: (input: HandlerInput) => input.requestEnvelope.request.type === 'LaunchRequest',
  handle: (input: HandlerInput) =>
    input.responseBuilder
      .speak('Turn on notifications for this skill in the Alexa app to hear about your orders.')
      .getResponse(),
};

export const handler = SkillBuilders.custom()
  .addRequestHandlers(subscriptionChanged, launch)
  .addErrorHandlers({
    canHandle: () => true,
    handle(input, error) {
      // An invalid subscription request lands here with every issue listed in the message.
      console.error(error.message);
      return input.responseBuilder.getResponse();
    },
  })
  .lambda();

/** Elsewhere (a job that sends an event to everyone subscribed to it): stream the user ids. */
export async function notifyOrderSubscribers(send: (userId: string) => Promise<void>) {
  for await (const userId of tracker.subscribersOf('AMAZON.OrderStatus.Updated')) {
    await send(userId);
  }
}
