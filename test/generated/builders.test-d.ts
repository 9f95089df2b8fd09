import { describe, expectTypeOf, it } from 'vitest';
import { createOrderStatusUpdatedEvent, createProactiveEvent, type EventOf, type OrderStatusUpdatedEvent } from '../../generated/index.js';

describe('builder types', () => {
  it('returns the schema’s event type and narrows createProactiveEvent by name', () => {
    expectTypeOf(createOrderStatusUpdatedEvent).returns.toEqualTypeOf<OrderStatusUpdatedEvent>();
    const build = () => createProactiveEvent({ name: 'AMAZON.WeatherAlert.Activated', payload: { weatherAlert: { source: 'x', alertType: 'TORNADO' } }, audience: 'Multicast' });
    expectTypeOf(build).returns.toEqualTypeOf<EventOf<'AMAZON.WeatherAlert.Activated'>>();
  });

  it('takes per-locale texts for localizable fields only, and checks enums', () => {
    const seller = () => createOrderStatusUpdatedEvent({ payload: { state: { status: 'ORDER_SHIPPED' }, order: { seller: { name: { 'en-US': 'Amazon', 'de-DE': 'Amazon' } } } }, audience: { user: 'amzn1.ask.account.X' } });
    void seller;
    // @ts-expect-error ORDER_LOST is not an order status
    const wrongEnum = () => createOrderStatusUpdatedEvent({ payload: { state: { status: 'ORDER_LOST' }, order: { seller: { name: 'Amazon' } } }, audience: 'Multicast' });
    void wrongEnum;
    // @ts-expect-error the inviter's name is not localizable
    const notLocalizable = () => createProactiveEvent({ name: 'AMAZON.SocialGameInvite.Available', payload: { invite: { inviter: { name: { 'en-US': 'Max' } }, relationshipToInvitee: 'FRIEND', inviteType: 'CHALLENGE' }, game: { offer: 'MATCH', name: 'Chess' } }, audience: 'Multicast' });
    void notLocalizable;
    // @ts-expect-error a TrashCollectionAlert payload under the WeatherAlert name
    const wrongPayload = () => createProactiveEvent({ name: 'AMAZON.WeatherAlert.Activated', payload: { alert: { garbageTypes: ['GLASS'], collectionDayOfWeek: 'TUESDAY' } }, audience: 'Multicast' });
    void wrongPayload;
    // @ts-expect-error an audience needs a user or Multicast
    const noAudience = () => createProactiveEvent({ name: 'AMAZON.WeatherAlert.Activated', payload: { weatherAlert: { source: 'x', alertType: 'TORNADO' } }, audience: 'Unicast' });
    void noAudience;
  });
});
