import { describe, expectTypeOf, it } from 'vitest';
import type {
  EventName,
  EventOf,
  GarbageType,
  OrderStatus,
  PayloadOf,
  ProactiveEvent,
  RelevantAudience,
} from '../../generated/index.js';
import { exampleEvents, type eventNames } from '../../generated/index.js';
import type { AmazonEventName } from '../support/amazon-schemas.js';

const envelope = {
  timestamp: '2019-05-15T10:00:00Z',
  referenceId: 'order0001',
  expiryTime: '2019-05-15T11:00:00Z',
  localizedAttributes: [],
  relevantAudience: { type: 'Unicast', payload: { user: 'amzn1.ask.account.X' } },
} as const;

describe('emitted types', () => {
  it('types every example event as a ProactiveEvent', () => {
    for (const name of Object.keys(exampleEvents) as EventName[]) {
      expectTypeOf(exampleEvents[name][0]!).toExtend<ProactiveEvent>();
    }
    expectTypeOf(exampleEvents['AMAZON.OrderStatus.Updated'][0]!).toEqualTypeOf<
      EventOf<'AMAZON.OrderStatus.Updated'>
    >();
  });

  it('unions the catalog’s names, Amazon’s eight among them, and narrows the payload by event.name', () => {
    // The union of the types and the catalog's list are emitted apart; they must agree exactly.
    expectTypeOf<EventName>().toEqualTypeOf<(typeof eventNames)[number]>();
    expectTypeOf<AmazonEventName>().toExtend<EventName>();
    expectTypeOf<'AMAZON.Nothing.Happened'>().not.toExtend<EventName>();
    const narrow = (event: ProactiveEvent) => {
      if (event.event.name === 'AMAZON.OrderStatus.Updated') {
        expectTypeOf(event.event.payload).toEqualTypeOf<PayloadOf<'AMAZON.OrderStatus.Updated'>>();
        expectTypeOf(event.event.payload.state.status).toEqualTypeOf<OrderStatus>();
      }
      if (event.event.name === 'AMAZON.TrashCollectionAlert.Activated') {
        expectTypeOf(event.event.payload.alert.garbageTypes).toEqualTypeOf<
          [GarbageType, ...GarbageType[]]
        >();
      }
    };
    void narrow;
  });

  it('models the audience as a Unicast/Multicast union', () => {
    expectTypeOf<RelevantAudience>().toEqualTypeOf<
      | { type: 'Unicast'; payload: { user: string } }
      | { type: 'Multicast'; payload: Record<string, never> }
    >();
  });

  // One line per case: @ts-expect-error covers the line below it, so these lines are not reflowed.
  it('accepts a well-formed event and refuses the classic mistakes', () => {
    const unicast = { type: 'Unicast', payload: { user: 'amzn1.ask.account.X' } } as const;
    const multicast = { type: 'Multicast', payload: {} } as const;
    const base = { ...envelope, localizedAttributes: [] };

    const good: ProactiveEvent = { ...base, relevantAudience: unicast, event: { name: 'AMAZON.OrderStatus.Updated', payload: { state: { status: 'ORDER_SHIPPED' }, order: { seller: { name: 'Amazon' } } } } };
    void good;
    // @ts-expect-error ORDER_LOST is not an order status
    const wrongEnum: ProactiveEvent = { ...base, relevantAudience: multicast, event: { name: 'AMAZON.OrderStatus.Updated', payload: { state: { status: 'ORDER_LOST' }, order: { seller: { name: 'Amazon' } } } } };
    void wrongEnum;
    // @ts-expect-error order.seller is required
    const missingField: ProactiveEvent = { ...base, relevantAudience: multicast, event: { name: 'AMAZON.OrderStatus.Updated', payload: { state: { status: 'ORDER_SHIPPED' }, order: {} } } };
    void missingField;
    // @ts-expect-error a Unicast audience needs payload.user
    const unicastWithoutUser: ProactiveEvent = { ...base, relevantAudience: { type: 'Unicast', payload: {} }, event: { name: 'AMAZON.TrashCollectionAlert.Activated', payload: { alert: { garbageTypes: ['GLASS'], collectionDayOfWeek: 'TUESDAY' } } } };
    void unicastWithoutUser;
    // @ts-expect-error a Multicast payload is empty
    const multicastWithUser: ProactiveEvent = { ...base, relevantAudience: { type: 'Multicast', payload: { user: 'amzn1.ask.account.X' } }, event: { name: 'AMAZON.TrashCollectionAlert.Activated', payload: { alert: { garbageTypes: ['GLASS'], collectionDayOfWeek: 'TUESDAY' } } } };
    void multicastWithUser;
    // @ts-expect-error a TrashCollectionAlert payload under the WeatherAlert name
    const payloadUnderAnotherName: ProactiveEvent = { ...base, relevantAudience: multicast, event: { name: 'AMAZON.WeatherAlert.Activated', payload: { alert: { garbageTypes: ['GLASS'], collectionDayOfWeek: 'TUESDAY' } } } };
    void payloadUnderAnotherName;
    // @ts-expect-error garbageTypes needs at least one item
    const noGarbage: ProactiveEvent = { ...base, relevantAudience: multicast, event: { name: 'AMAZON.TrashCollectionAlert.Activated', payload: { alert: { garbageTypes: [], collectionDayOfWeek: 'TUESDAY' } } } };
    void noGarbage;
  });
});
