import { describe, expect, it } from 'vitest';
import { isProactiveEvent, validateProactiveEvent } from '../../../generated/validate.js';
import { isUnique } from '../../../runtime/validation/checks.js';
import { gameInvite, trashCollection, variant, weatherAlert } from './fixtures.js';

const errorsOf = (value: unknown) =>
  validateProactiveEvent(value).errors.map(
    (issue) => `${issue.path} ${issue.code}: ${issue.message}`,
  );

describe('validators under hostile input', () => {
  it('reads own properties only: a field named constructor or toString is an unknown property', () => {
    const event = variant(gameInvite, (copy) => {
      copy.event.payload.invite.inviter.constructor = 'x';
      copy.event.payload.invite.inviter.toString = 'y';
    });
    expect(errorsOf(event)).toEqual([
      '/event/payload/invite/inviter/constructor unknown-property: Unknown property "constructor"; the properties here are name.',
      '/event/payload/invite/inviter/toString unknown-property: Unknown property "toString"; the properties here are name.',
    ]);
    expect(isProactiveEvent(event)).toBe(false);
  });

  it('ignores what a prototype carries: JSON would not send it', () => {
    const { relevantAudience, ...rest } = gameInvite;
    const event = Object.assign(Object.create({ relevantAudience }) as object, rest);
    expect(errorsOf(event)).toEqual([
      '/relevantAudience required: The required property "relevantAudience" is missing; add an object (type and payload).',
    ]);
    expect(isProactiveEvent(event)).toBe(false);
  });

  it('counts a key as present only when it is own and enumerable, in both paths', () => {
    const hidden = variant(gameInvite, (copy) => {
      Object.defineProperty(copy.event.payload.invite.inviter, 'name', { enumerable: false });
    });
    expect(errorsOf(hidden)).toEqual([
      '/event/payload/invite/inviter/name required: The required property "name" is missing; add a string.',
    ]);
    expect(isProactiveEvent(hidden)).toBe(false);
    const hiddenEnvelope = variant(gameInvite, (copy) => {
      Object.defineProperty(copy, 'referenceId', { enumerable: false });
    });
    expect(errorsOf(hiddenEnvelope).map((line) => line.split(':')[0])).toEqual([
      '/referenceId required',
    ]);
    expect(isProactiveEvent(hiddenEnvelope)).toBe(false);
  });

  it('does not let an inherited known key make up for an unknown own one', () => {
    const event = variant(gameInvite, (copy) => {
      const inviter = copy.event.payload.invite.inviter;
      const swapped = Object.assign(Object.create({ name: inviter.name }) as object, {
        nmae: inviter.name,
      });
      copy.event.payload.invite.inviter = swapped as typeof inviter;
    });
    expect(errorsOf(event).map((line) => line.split(':')[0])).toEqual([
      '/event/payload/invite/inviter/nmae unknown-property',
      '/event/payload/invite/inviter/name required',
    ]);
    expect(isProactiveEvent(event)).toBe(false);
  });

  it('takes an own optional key holding undefined as absent, as JSON.stringify does', () => {
    const state = { status: 'ORDER_SHIPPED', enterTimestamp: undefined };
    const event = variant(gameInvite, (copy) => {
      copy.event = {
        name: 'AMAZON.OrderStatus.Updated',
        payload: { state, order: { seller: { name: 'localizedattribute:gameName' } } },
      };
    });
    expect(Object.keys(state)).toEqual(['status', 'enterTimestamp']);
    expect(validateProactiveEvent(event)).toEqual({ valid: true, errors: [], warnings: [] });
    expect(isProactiveEvent(event)).toBe(true);
  });

  it('compares items by canonical key: 2^40 shared paths are 41 objects of work', () => {
    let node: unknown = { a: 1 };
    for (let depth = 0; depth < 40; depth++) node = { left: node, right: node };
    let other: unknown = { a: 1 };
    for (let depth = 0; depth < 40; depth++) other = { right: other, left: other };
    expect(isUnique([node, other])).toBe(false);
    expect(isUnique([node, { ...(node as object), extra: true }])).toBe(true);
    const garbageTypes = (
      trashCollection.event as { payload: { alert: { garbageTypes: unknown[] } } }
    ).payload.alert.garbageTypes;
    const event = variant(trashCollection, (copy) => {
      const days = copy.event.payload.alert.garbageTypes as unknown[];
      days.push(days[0]);
    });
    expect(errorsOf(event).filter((line) => line.includes('unique'))).toEqual([
      `/event/payload/alert/garbageTypes/${garbageTypes.length} unique: ${JSON.stringify(garbageTypes[0])} repeats item 0; remove the duplicate.`,
    ]);
  });

  it('never throws what a Proxy throws, even a value without a string form', () => {
    const noStringForm = new Proxy(
      {},
      {
        get: () => {
          throw new Error('nope');
        },
        getPrototypeOf: () => {
          throw new Error('nope');
        },
      },
    );
    const hostile = new Proxy(
      {},
      {
        ownKeys: () => {
          throw noStringForm;
        },
        getOwnPropertyDescriptor: () => {
          throw noStringForm;
        },
      },
    );
    expect(errorsOf(hostile)).toEqual([
      ' type: Listing the properties threw (an unreadable error); pass plain JSON data.',
      '/timestamp type: Reading the property threw (an unreadable error); pass plain JSON data.',
      '/referenceId type: Reading the property threw (an unreadable error); pass plain JSON data.',
      '/expiryTime type: Reading the property threw (an unreadable error); pass plain JSON data.',
      '/event type: Reading the property threw (an unreadable error); pass plain JSON data.',
      '/localizedAttributes type: Reading the property threw (an unreadable error); pass plain JSON data.',
      '/relevantAudience type: Reading the property threw (an unreadable error); pass plain JSON data.',
    ]);
    expect(isProactiveEvent(hostile)).toBe(false);
  });

  it('suggests nothing for a long key, and lists at most 1000 errors', () => {
    const long = variant(gameInvite, (copy) => {
      copy.event.payload.invite.inviter[`n${'a'.repeat(100)}`] = 1;
    });
    expect(errorsOf(long)[0]).toMatch(/; the properties here are name\.$/);
    const many = variant(gameInvite, (copy) => {
      for (let index = 0; index < 5000; index++) copy[`unknown${index}`] = index;
    });
    const errors = validateProactiveEvent(many).errors;
    expect(errors).toHaveLength(1001);
    expect(errors[1000]).toEqual({
      path: '',
      code: 'unknown-property',
      message: '4000 more issues are not listed; fix the ones above first.',
    });
  });

  it('measures the expiry window exactly, sub-millisecond fractions included', () => {
    const at = (timestamp: string, expiryTime: string) =>
      variant(gameInvite, (copy) => Object.assign(copy, { timestamp, expiryTime }));
    const short = at('2019-02-13T14:00:00.0005Z', '2019-02-13T14:05:00Z');
    expect(errorsOf(short)).toEqual([
      '/expiryTime expiry-window: expiryTime is less than 5 minutes after timestamp, by a fraction of a millisecond; set it between 5 minutes and 24 hours after timestamp.',
    ]);
    expect(isProactiveEvent(short)).toBe(false);
    const long = at('2019-02-13T14:00:00Z', '2019-02-14T14:00:00.0000001Z');
    expect(errorsOf(long)).toEqual([
      '/expiryTime expiry-window: expiryTime is more than 24 hours after timestamp, by a fraction of a millisecond; set it between 5 minutes and 24 hours after timestamp.',
    ]);
    expect(isProactiveEvent(long)).toBe(false);
    const exact = at('2019-02-13T14:00:00.12345Z', '2019-02-13T14:05:00.1234500Z');
    expect(validateProactiveEvent(exact).valid).toBe(true);
    expect(isProactiveEvent(exact)).toBe(true);
  });

  it('reports a localized reference in an enum or date-time field as localized-not-allowed', () => {
    const event = variant(weatherAlert, (copy) => {
      copy.event.payload.weatherAlert.alertType = 'localizedattribute:source';
      copy.timestamp = 'localizedattribute:source';
    });
    expect(errorsOf(event)).toEqual([
      '/timestamp localized-not-allowed: This field cannot be localized; write the value itself instead of "localizedattribute:source".',
      '/event/payload/weatherAlert/alertType localized-not-allowed: This field cannot be localized; write the value itself instead of "localizedattribute:source".',
    ]);
  });
});
