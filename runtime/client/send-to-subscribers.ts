/**
 * Sends one Unicast event to each user currently subscribed to an event, streaming the
 * subscribers page by page so that millions of them never sit in memory at once.
 */
import type { FailureInfo, SendManyOptions, SendManyResult } from './send-many.js';

/** Where subscribers come from: a SubscriptionTracker, or anything that streams user ids the same way. */
export interface SubscriberSource {
  subscribersOf(eventName: string, options?: { pageSize?: number }): AsyncIterable<string>;
}

/** Builds the event for one subscriber, e.g. `(user) => createOrderStatusUpdatedEvent({ payload, audience: { user } })`. */
export type SubscriberEventBuilder = (userId: string) => unknown;

export interface SendToSubscribersOptions extends Pick<SendManyOptions, 'concurrency' | 'outbox'> {
  /** Subscribers read and sent per batch. Default 1000. */
  readonly pageSize?: number;
  /** Called after each batch. */
  readonly onBatch?: (summary: SendToSubscribersSummary) => void;
}

export interface SubscriberFailure {
  readonly userId: string;
  readonly referenceId: string | undefined;
  readonly error: FailureInfo;
}

export interface SendToSubscribersSummary {
  /** Subscribers found (each got exactly one attempt). */
  users: number;
  sent: number;
  failed: number;
  outboxed: number;
}

export interface SendToSubscribersResult {
  readonly summary: SendToSubscribersSummary;
  /** Every subscriber whose event was not sent, with the reason. */
  readonly failures: SubscriberFailure[];
}

type SendMany = (events: readonly unknown[], options: SendManyOptions) => Promise<SendManyResult>;

export async function sendToSubscribers(
  sendMany: SendMany,
  eventName: string,
  build: SubscriberEventBuilder,
  source: SubscriberSource,
  options: SendToSubscribersOptions = {},
): Promise<SendToSubscribersResult> {
  const pageSize = options.pageSize ?? 1000;
  const summary: SendToSubscribersSummary = { users: 0, sent: 0, failed: 0, outboxed: 0 };
  const failures: SubscriberFailure[] = [];
  let batch: string[] = [];

  const flush = async () => {
    const users = batch;
    batch = [];
    const events: unknown[] = [];
    const senders: string[] = [];
    for (const userId of users) {
      const built = await buildFor(build, userId, eventName);
      if ('error' in built) failures.push({ userId, referenceId: undefined, error: built.error });
      else {
        events.push(built.event);
        senders.push(userId);
      }
    }
    summary.users += users.length;
    summary.failed += users.length - senders.length;
    if (events.length > 0) {
      const { outcomes, summary: sent } = await sendMany(events, {
        concurrency: options.concurrency,
        outbox: options.outbox,
      });
      summary.sent += sent.sent;
      summary.failed += sent.failed;
      summary.outboxed += sent.outboxed;
      for (const outcome of outcomes) {
        if (outcome.status === 'failed') {
          failures.push({
            userId: senders[outcome.index]!,
            referenceId: outcome.referenceId,
            error: outcome.error,
          });
        }
      }
    }
    options.onBatch?.({ ...summary });
  };

  for await (const userId of source.subscribersOf(eventName, { pageSize })) {
    batch.push(userId);
    if (batch.length >= pageSize) await flush();
  }
  if (batch.length > 0) await flush();
  return { summary, failures };
}

/** Runs the builder and checks it made this subscriber's own Unicast event of `eventName`. */
async function buildFor(
  build: SubscriberEventBuilder,
  userId: string,
  eventName: string,
): Promise<{ event: unknown } | { error: FailureInfo }> {
  let event: unknown;
  try {
    event = await build(userId);
  } catch (error) {
    const { name, message } =
      error instanceof Error ? error : { name: 'Error', message: String(error) };
    return { error: { name, message: `building the event failed: ${message}` } };
  }
  const shape = event as {
    event?: { name?: unknown };
    relevantAudience?: { type?: unknown; payload?: { user?: unknown } };
  } | null;
  const name = shape?.event?.name;
  const audience = shape?.relevantAudience;
  if (name !== eventName || audience?.type !== 'Unicast' || audience.payload?.user !== userId) {
    return {
      error: {
        name: 'SubscriberEventMismatch',
        message: `the builder returned ${String(name)} for ${audience?.type === 'Unicast' ? String(audience.payload?.user) : String(audience?.type)}, not a Unicast ${eventName} for ${userId}`,
        hint: 'Build the event with audience: { user: userId } for the user id the builder receives.',
      },
    };
  }
  return { event };
}
