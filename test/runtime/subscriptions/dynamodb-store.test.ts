// What the DynamoDB store asks of the table, counted through a client of the test's own that
// forwards every command to dynalite: the behaviour itself is the conformance suite's.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { connectDynamo } from '../../../runtime/subscriptions/dynamodb-driver.js';
import { DynamoSubscriptionStore } from '../../../runtime/subscriptions/dynamodb-store.js';
import {
  createSubscriptionsTable,
  EVENT_NAMES_PK,
} from '../../../runtime/subscriptions/dynamodb-table.js';
import { SubscriptionTracker } from '../../../runtime/subscriptions/tracker.js';
import { serviceUrl } from '../../support/services.js';
import { MEDIA, ORDER, request, WEATHER } from './helpers.js';

const endpoint = serviceUrl('dynamodb');

describe.skipIf(!endpoint)('DynamoSubscriptionStore requests', () => {
  it('registers each event name once per instance, and still lists every name', async () => {
    const table = `t${randomUUID().replaceAll('-', '').slice(0, 20)}`;
    const connection = await connectDynamo({ endpoint: endpoint! });
    await createSubscriptionsTable(connection, table);
    const registrations: string[] = [];
    const client = {
      send(command: unknown) {
        const input = (command as { input?: { Item?: { pk?: unknown; sk?: unknown } } }).input;
        if (command instanceof connection.commands.Put && input?.Item?.pk === EVENT_NAMES_PK) {
          registrations.push(String(input.Item.sk));
        }
        return connection.client.send(command);
      },
    };
    const store = await DynamoSubscriptionStore.open({ table, client });
    const tracker = new SubscriptionTracker({ store });
    const at = (second: number) => `2024-01-01T00:00:${String(second).padStart(2, '0')}Z`;
    // Before: a Put per newly subscribed name and change (ORDER three times, MEDIA twice).
    const changes = [[ORDER], [], [ORDER, MEDIA], [MEDIA], [ORDER], [ORDER, MEDIA, WEATHER]];
    for (const [i, events] of changes.entries()) {
      const outcome = await tracker.apply(
        request({ userId: 'u', requestId: `r${i}`, timestamp: at(i), events }),
      );
      expect(outcome.applied).toBe(true);
    }
    expect(registrations).toEqual([ORDER, MEDIA, WEATHER]);
    expect(await store.eventCounts()).toEqual(
      [MEDIA, ORDER, WEATHER].sort().map((eventName) => ({ eventName, count: 1 })),
    );
    await store.close();
    connection.client.destroy?.();
  });
});
