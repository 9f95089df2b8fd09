/**
 * Output of `subscriptions list`. Both forms stream page by page, so listing a database with
 * millions of users neither loads it all nor waits for it all before printing.
 */
import type { ListableSubscriptionStore } from '../../runtime/subscriptions/store.js';
import { SubscriptionTracker } from '../../runtime/subscriptions/tracker.js';

const PAGE = 1000;
type Write = (text: string) => void;

/** `--event NAME`: the subscribers' ids, one per line, then the count. */
export async function listSubscribers(
  store: ListableSubscriptionStore,
  eventName: string,
  json: boolean,
  write: Write,
): Promise<void> {
  const tracker = new SubscriptionTracker({ store });
  const count = await tracker.count(eventName);
  if (json) write(`{"eventName":${JSON.stringify(eventName)},"count":${count},"subscribers":[`);
  let first = true;
  for await (const userId of tracker.subscribersOf(eventName, { pageSize: PAGE })) {
    if (json) write(`${first ? '' : ','}\n  ${JSON.stringify(userId)}`);
    else write(`${userId}\n`);
    first = false;
  }
  if (json) write(`${first ? '' : '\n'}]}\n`);
  else write(`${count} ${count === 1 ? 'user' : 'users'} subscribed to ${eventName}\n`);
}

/** Every user with their events (users with none included), then the subscribers per event. */
export async function listAllUsers(
  store: ListableSubscriptionStore,
  json: boolean,
  write: Write,
): Promise<void> {
  if (json) write('{"users":[');
  let after: string | undefined;
  let users = 0;
  for (;;) {
    const page = await store.usersPage({ after, limit: PAGE });
    for (const user of page) {
      if (json) {
        const entry = {
          userId: user.userId,
          eventNames: user.eventNames,
          requestId: user.requestId,
          time: new Date(user.time).toISOString(),
        };
        write(`${users === 0 ? '' : ','}\n  ${JSON.stringify(entry)}`);
      } else {
        write(`${user.userId}: ${user.eventNames.join(', ') || '(no subscriptions)'}\n`);
      }
      users++;
    }
    if (page.length < PAGE) break;
    after = page[page.length - 1]?.userId;
  }
  const counts = await store.eventCounts();
  if (json) {
    write(`${users === 0 ? '' : '\n'}],"userCount":${users},"events":${JSON.stringify(counts)}}\n`);
    return;
  }
  write(`${users} ${users === 1 ? 'user' : 'users'}\n`);
  for (const { eventName, count } of counts) write(`${eventName}: ${count}\n`);
}
