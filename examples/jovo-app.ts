// A Jovo app that records which proactive events each user subscribed to.
//
// Jovo is not installed in this repository, so the example is written against the minimal
// structural types below instead of importing `jovo-framework` / `@jovotech/framework`: they
// describe only what the example touches. In a real app, delete them and use Jovo's own classes.
import { MemorySubscriptionStore, SubscriptionTracker } from '../runtime/subscriptions/index.js';
import {
  isSubscriptionChangedRequest,
  trackJovoSubscriptionChange,
} from '../runtime/subscriptions/jovo.js';

/** Stand-in for the `this` of a Jovo v3 handler (v4: a BaseComponent). */
interface JovoHandlerContext {
  /** The raw Alexa request: in v3 `this.$request` (also `this.$alexaSkill.$request`). */
  readonly $request: unknown;
  readonly $alexaSkill?: { readonly $request: unknown };
  tell(speech: string): void;
}

/** Stand-in for Jovo v3's App: handlers keyed by intent or, under ON_EVENT, by request type. */
interface JovoAppLike {
  setHandler(handlers: Record<string, unknown>): void;
}

// Use a shared store (SQLite file, or a database of your own) in production: see docs/subscriptions.md.
const tracker = new SubscriptionTracker({
  store: new MemorySubscriptionStore(),
  knownEventNames: ['AMAZON.WeatherAlert.Activated', 'AMAZON.TrashCollectionAlert.Activated'],
});

export function registerHandlers(app: JovoAppLike): void {
  app.setHandler({
    LAUNCH(this: JovoHandlerContext) {
      this.tell('Enable notifications in the Alexa app to get weather alerts.');
    },
    ON_EVENT: {
      // Jovo v3 routes skill events by request type. In Jovo v4 the same body goes in a component
      // method decorated with
      // @Handle({ platforms: ['alexa'], types: ['AlexaSkillEvent.ProactiveSubscriptionChanged'], global: true })
      async 'AlexaSkillEvent.ProactiveSubscriptionChanged'(this: JovoHandlerContext) {
        const raw = this.$alexaSkill?.$request ?? this.$request;
        if (!isSubscriptionChangedRequest(raw)) return;
        const { change, outcome } = await trackJovoSubscriptionChange(tracker, raw);
        if (outcome.applied) {
          console.log(
            `${change.userId} is now subscribed to: ${outcome.current.join(', ') || 'nothing'}`,
          );
        }
      },
    },
  });
}
