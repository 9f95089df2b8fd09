import { describe, expect, it } from 'vitest';
import { eventNames } from '../../../generated/catalog.js';
import { validateProactiveEvent } from '../../../generated/validate.js';
import { gameInvite, trashCollection, variant, weatherAlert, type Event } from './fixtures.js';

/** The [path, code] pairs of a result, errors and warnings apart. */
function issuesOf(value: unknown, now?: number) {
  const result = validateProactiveEvent(value, now === undefined ? {} : { now });
  return {
    errors: result.errors.map((issue) => [issue.path, issue.code]),
    warnings: result.warnings.map((issue) => [issue.path, issue.code]),
  };
}

type Case = [string, unknown, { errors?: string[][]; warnings?: string[][] }];

const tooLong = 'a'.repeat(101);

const envelopeCases: Case[] = [
  ['a valid Unicast event', gameInvite, {}],
  ['a valid Multicast event in two locales', weatherAlert, {}],
  ['a valid event without localized attributes', trashCollection, {}],
  ['null', null, { errors: [['', 'type']] }],
  ['an array', [gameInvite], { errors: [['', 'type']] }],
  ['a string', 'event', { errors: [['', 'type']] }],
  [
    'timestamp missing',
    variant(gameInvite, (e) => delete e.timestamp),
    { errors: [['/timestamp', 'required']] },
  ],
  [
    'timestamp a number',
    variant(gameInvite, (e) => (e.timestamp = 1550066400000)),
    { errors: [['/timestamp', 'type']] },
  ],
  [
    'timestamp on a day that does not exist',
    variant(gameInvite, (e) => (e.timestamp = '2019-02-30T14:00:00Z')),
    { errors: [['/timestamp', 'format']] },
  ],
  [
    'timestamp without a zone',
    variant(gameInvite, (e) => (e.timestamp = '2019-02-13T14:00:00')),
    { errors: [['/timestamp', 'format']] },
  ],
  [
    'timestamp as a date only',
    variant(gameInvite, (e) => (e.timestamp = '2019-02-13')),
    { errors: [['/timestamp', 'format']] },
  ],
  [
    'referenceId empty',
    variant(gameInvite, (e) => (e.referenceId = '')),
    {
      errors: [
        ['/referenceId', 'length'],
        ['/referenceId', 'pattern'],
      ],
    },
  ],
  [
    'referenceId of 101 characters',
    variant(gameInvite, (e) => (e.referenceId = tooLong)),
    { errors: [['/referenceId', 'length']] },
  ],
  [
    'referenceId of 100 characters',
    variant(gameInvite, (e) => (e.referenceId = tooLong.slice(1))),
    {},
  ],
  [
    'referenceId with a space',
    variant(gameInvite, (e) => (e.referenceId = 'game 1')),
    { errors: [['/referenceId', 'pattern']] },
  ],
  [
    'referenceId as a localized reference',
    variant(gameInvite, (e) => (e.referenceId = 'localizedattribute:id')),
    {
      errors: [
        ['/referenceId', 'localized-not-allowed'],
        ['/referenceId', 'pattern'],
      ],
    },
  ],
  [
    'an unknown top-level property (a typo)',
    variant(gameInvite, (e) => {
      e.referenceID = e.referenceId;
      delete e.referenceId;
    }),
    {
      errors: [
        ['/referenceID', 'unknown-property'],
        ['/referenceId', 'required'],
      ],
    },
  ],
  [
    'event not an object',
    variant(gameInvite, (e) => (e.event = 'AMAZON.SocialGameInvite.Available')),
    { errors: [['/event', 'type']] },
  ],
  [
    'event.name missing',
    variant(gameInvite, (e) => delete e.event.name),
    { errors: [['/event/name', 'required']] },
  ],
  [
    'event.name not a string',
    variant(gameInvite, (e) => (e.event.name = 7)),
    { errors: [['/event/name', 'type']] },
  ],
  [
    'event.name unknown',
    variant(gameInvite, (e) => (e.event.name = 'AMAZON.SocialGameInvite.Availabel')),
    { errors: [['/event/name', 'unknown-event']] },
  ],
  [
    'event.payload missing',
    variant(gameInvite, (e) => delete e.event.payload),
    {
      errors: [['/event/payload', 'required']],
      warnings: [['/localizedAttributes/0/gameName', 'localized-unused']],
    },
  ],
  [
    'an unknown property in event',
    variant(gameInvite, (e) => (e.event.version = 1)),
    { errors: [['/event/version', 'unknown-property']] },
  ],
  [
    'expiryTime 4 minutes after timestamp',
    variant(gameInvite, (e) => (e.expiryTime = '2019-02-13T14:04:00Z')),
    { errors: [['/expiryTime', 'expiry-window']] },
  ],
  [
    'expiryTime 25 hours after timestamp',
    variant(gameInvite, (e) => (e.expiryTime = '2019-02-14T15:00:00Z')),
    { errors: [['/expiryTime', 'expiry-window']] },
  ],
  [
    'expiryTime before timestamp',
    variant(gameInvite, (e) => (e.expiryTime = '2019-02-13T13:00:00Z')),
    { errors: [['/expiryTime', 'expiry-window']] },
  ],
  [
    'localizedAttributes missing',
    variant(trashCollection, (e) => delete e.localizedAttributes),
    { errors: [['/localizedAttributes', 'required']] },
  ],
  [
    'localizedAttributes an object',
    variant(trashCollection, (e) => (e.localizedAttributes = {})),
    { errors: [['/localizedAttributes', 'type']] },
  ],
  [
    'a reference with an empty localizedAttributes',
    variant(gameInvite, (e) => (e.localizedAttributes = [])),
    { errors: [['/localizedAttributes', 'localized-missing']] },
  ],
  [
    'a locale without the referenced key',
    variant(weatherAlert, (e) => delete e.localizedAttributes[1].source),
    { errors: [['/localizedAttributes/1', 'localized-missing']] },
  ],
  [
    'a key nothing refers to',
    variant(weatherAlert, (e) => (e.localizedAttributes[0].extra = 'x')),
    { warnings: [['/localizedAttributes/0/extra', 'localized-unused']] },
  ],
  [
    'the same locale twice',
    variant(weatherAlert, (e) => (e.localizedAttributes[1].locale = 'en-US')),
    { errors: [['/localizedAttributes/1/locale', 'locale']] },
  ],
  [
    'a bad locale tag',
    variant(weatherAlert, (e) => (e.localizedAttributes[1].locale = 'de_DE')),
    { errors: [['/localizedAttributes/1/locale', 'locale']] },
  ],
  [
    'an entry without locale',
    variant(weatherAlert, (e) => delete e.localizedAttributes[1].locale),
    { errors: [['/localizedAttributes/1/locale', 'required']] },
  ],
  [
    'an entry that is not an object',
    variant(weatherAlert, (e) => (e.localizedAttributes[1] = 'de-DE')),
    { errors: [['/localizedAttributes/1', 'type']] },
  ],
  [
    'a localized value that is not a string',
    variant(weatherAlert, (e) => (e.localizedAttributes[1].source = 3)),
    { errors: [['/localizedAttributes/1/source', 'type']] },
  ],
  [
    'a reference in a field that cannot be localized',
    variant(
      gameInvite,
      (e) => (e.event.payload.invite.inviter.name = 'localizedattribute:gameName'),
    ),
    { errors: [['/event/payload/invite/inviter/name', 'localized-not-allowed']] },
  ],
  [
    'a locale the schema does not support',
    variant(gameInvite, (e) =>
      e.localizedAttributes.push({ locale: 'de-DE', gameName: 'Wortspiel' }),
    ),
    { warnings: [['/localizedAttributes/1/locale', 'unsupported-locale']] },
  ],
  [
    'an unknown audience type',
    variant(gameInvite, (e) => (e.relevantAudience.type = 'Unicats')),
    { errors: [['/relevantAudience/type', 'enum']] },
  ],
  [
    'audience type missing',
    variant(gameInvite, (e) => delete e.relevantAudience.type),
    { errors: [['/relevantAudience/type', 'required']] },
  ],
  [
    'a Multicast audience with a user',
    variant(gameInvite, (e) => (e.relevantAudience.type = 'Multicast')),
    { errors: [['/relevantAudience/payload', 'audience']] },
  ],
  [
    'a Unicast audience without a user',
    variant(weatherAlert, (e) => (e.relevantAudience.type = 'Unicast')),
    { errors: [['/relevantAudience/payload/user', 'required']] },
  ],
  [
    'a Unicast user that is empty',
    variant(gameInvite, (e) => (e.relevantAudience.payload.user = '')),
    { errors: [['/relevantAudience/payload/user', 'length']] },
  ],
  [
    'a Unicast user that is not a userId',
    variant(gameInvite, (e) => (e.relevantAudience.payload.user = 'max')),
    { warnings: [['/relevantAudience/payload/user', 'audience']] },
  ],
  [
    'a Unicast payload with another property',
    variant(gameInvite, (e) => (e.relevantAudience.payload.person = 'x')),
    { errors: [['/relevantAudience/payload/person', 'unknown-property']] },
  ],
  [
    'an audience with another property',
    variant(gameInvite, (e) => (e.relevantAudience.users = [])),
    { errors: [['/relevantAudience/users', 'unknown-property']] },
  ],
  [
    'audience missing',
    variant(gameInvite, (e) => delete e.relevantAudience),
    { errors: [['/relevantAudience', 'required']] },
  ],
];

const payload = '/event/payload';
const payloadCases: Case[] = [
  [
    'an enum value with a typo',
    variant(gameInvite, (e) => (e.event.payload.game.offer = 'MACTH')),
    { errors: [[`${payload}/game/offer`, 'enum']] },
  ],
  [
    'an enum value that is a number',
    variant(gameInvite, (e) => (e.event.payload.game.offer = 1)),
    { errors: [[`${payload}/game/offer`, 'type']] },
  ],
  [
    'a required payload field missing',
    variant(gameInvite, (e) => delete e.event.payload.invite.inviteType),
    { errors: [[`${payload}/invite/inviteType`, 'required']] },
  ],
  [
    'an unknown payload property',
    variant(gameInvite, (e) => (e.event.payload.game.nmae = 'x')),
    { errors: [[`${payload}/game/nmae`, 'unknown-property']] },
  ],
  [
    "the seed's misplaced relationshipToInvitee",
    variant(gameInvite, (e) => {
      e.event.payload.invite.inviter.relationshipToInvitee = 'FRIEND';
      delete e.event.payload.invite.relationshipToInvitee;
    }),
    {
      errors: [
        [`${payload}/invite/inviter/relationshipToInvitee`, 'unknown-property'],
        [`${payload}/invite/relationshipToInvitee`, 'required'],
      ],
    },
  ],
  [
    'an object where a string belongs',
    variant(gameInvite, (e) => (e.event.payload.invite.inviter.name = { first: 'Max' })),
    { errors: [[`${payload}/invite/inviter/name`, 'type']] },
  ],
  [
    'an integer below its minimum',
    messageAlert({ count: 0 }),
    { errors: [[`${payload}/messageGroup/count`, 'minimum']] },
  ],
  [
    'a fractional integer',
    messageAlert({ count: 1.5 }),
    { errors: [[`${payload}/messageGroup/count`, 'type']] },
  ],
  [
    'an integer as a string',
    messageAlert({ count: '3' }),
    { errors: [[`${payload}/messageGroup/count`, 'type']] },
  ],
  [
    'an empty array',
    variant(trashCollection, (e) => (e.event.payload.alert.garbageTypes = [])),
    { errors: [[`${payload}/alert/garbageTypes`, 'items']] },
  ],
  [
    'an array of 6 items',
    variant(
      trashCollection,
      (e) =>
        (e.event.payload.alert.garbageTypes = [
          'GLASS',
          'CANS',
          'BOTTLES',
          'BULKY',
          'LANDFILL',
          'BURNABLE',
        ]),
    ),
    { errors: [[`${payload}/alert/garbageTypes`, 'items']] },
  ],
  [
    'an array with a repeat',
    variant(
      trashCollection,
      (e) => (e.event.payload.alert.garbageTypes = ['GLASS', 'CANS', 'GLASS']),
    ),
    { errors: [[`${payload}/alert/garbageTypes/2`, 'unique']] },
  ],
  [
    'an array item outside the enum',
    variant(trashCollection, (e) => (e.event.payload.alert.garbageTypes = ['GLASS', 'PAPER'])),
    { errors: [[`${payload}/alert/garbageTypes/1`, 'enum']] },
  ],
  [
    'an array that is a string',
    variant(trashCollection, (e) => (e.event.payload.alert.garbageTypes = 'GLASS')),
    { errors: [[`${payload}/alert/garbageTypes`, 'type']] },
  ],
  [
    'optional parent present without its required child',
    occasion((p) => (p.occasion.broker = {})),
    { errors: [[`${payload}/occasion/broker/name`, 'required']] },
  ],
  ['optional parent absent', occasion((p) => delete p.occasion.broker), {}],
  [
    'a payload date-time without a zone',
    occasion((p) => (p.occasion.bookingTime = '2019-02-14T19:00:00')),
    { errors: [[`${payload}/occasion/bookingTime`, 'format']] },
  ],
  [
    'every problem at once, in document order',
    variant(gameInvite, (e) => {
      e.event.payload.game.offer = 'X';
      e.event.payload.invite.inviteType = 'Y';
      e.referenceId = '';
    }),
    {
      errors: [
        ['/referenceId', 'length'],
        ['/referenceId', 'pattern'],
        [`${payload}/invite/inviteType`, 'enum'],
        [`${payload}/game/offer`, 'enum'],
      ],
    },
  ],
];

function messageAlert(group: Record<string, unknown>): Event {
  return {
    ...trashCollection,
    event: {
      name: 'AMAZON.MessageAlert.Activated',
      payload: {
        state: { status: 'UNREAD' },
        messageGroup: { creator: { name: 'Jane' }, count: 3, ...group } as never,
      },
    },
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests edit JSON freely
function occasion(change: (payload: any) => void): Event {
  return variant(
    {
      ...trashCollection,
      event: {
        name: 'AMAZON.Occasion.Updated',
        payload: {
          state: { confirmationStatus: 'CONFIRMED' },
          occasion: {
            occasionType: 'RESERVATION',
            subject: 'Dinner',
            provider: { name: 'Example Bistro' },
            bookingTime: '2019-02-14T19:00:00Z',
            broker: { name: 'Example Booker' },
          },
        },
      },
    },
    (e) => change(e.event.payload),
  );
}

describe('validateProactiveEvent: envelope rules', () => {
  it.each(envelopeCases)('%s', (_name, input, expected) => {
    expect(issuesOf(input)).toEqual({
      errors: expected.errors ?? [],
      warnings: expected.warnings ?? [],
    });
  });
});

describe('validateProactiveEvent: payload rules', () => {
  it.each(payloadCases)('%s', (_name, input, expected) => {
    expect(issuesOf(input)).toEqual({
      errors: expected.errors ?? [],
      warnings: expected.warnings ?? [],
    });
  });
});

describe('messages', () => {
  const messageOf = (event: unknown, path: string) =>
    [...validateProactiveEvent(event).errors, ...validateProactiveEvent(event).warnings].find(
      (issue) => issue.path === path,
    )?.message;

  it('says where a misplaced field belongs', () => {
    const event = variant(gameInvite, (e) => {
      e.event.payload.invite.inviter.relationshipToInvitee = 'FRIEND';
      delete e.event.payload.invite.relationshipToInvitee;
    });
    expect(messageOf(event, '/event/payload/invite/inviter/relationshipToInvitee')).toBe(
      'relationshipToInvitee belongs at /event/payload/invite/relationshipToInvitee, not inside inviter.',
    );
  });

  it('suggests the closest enum value', () => {
    expect(
      messageOf(
        variant(gameInvite, (e) => (e.event.payload.game.offer = 'MACTH')),
        '/event/payload/game/offer',
      ),
    ).toBe('"MACTH" is not one of MATCH, REMATCH or GAME; did you mean MATCH?');
  });

  it('suggests the closest property', () => {
    expect(
      messageOf(
        variant(gameInvite, (e) => (e.event.payload.game.nmae = 'x')),
        '/event/payload/game/nmae',
      ),
    ).toBe('Unknown property "nmae"; did you mean "name"?');
  });

  it('suggests the closest event name', () => {
    expect(
      messageOf(
        variant(gameInvite, (e) => (e.event.name = 'AMAZON.SocialGameInvite.Availabel')),
        '/event/name',
      ),
    ).toBe(
      `"AMAZON.SocialGameInvite.Availabel" is not a known event name; did you mean AMAZON.SocialGameInvite.Available? (known: ${eventNames.join(', ')})`,
    );
  });

  it('names the locale and key of a missing localized value', () => {
    expect(
      messageOf(
        variant(weatherAlert, (e) => delete e.localizedAttributes[1].source),
        '/localizedAttributes/1',
      ),
    ).toBe(
      'The de-DE entry has no "source", which /event/payload/weatherAlert/source refers to; add it.',
    );
  });

  it('gives the expiry window', () => {
    expect(
      messageOf(
        variant(gameInvite, (e) => (e.expiryTime = '2019-02-13T14:04:00Z')),
        '/expiryTime',
      ),
    ).toBe(
      'expiryTime is 4 minutes after timestamp; set it between 5 minutes and 24 hours after timestamp.',
    );
  });

  it('explains a calendar error', () => {
    expect(
      messageOf(
        variant(gameInvite, (e) => (e.timestamp = '2019-02-29T14:00:00Z')),
        '/timestamp',
      ),
    ).toBe(
      '"2019-02-29T14:00:00Z" is not a valid date-time: 2019-02-29 is not a day of the calendar (write it like 2019-02-13T14:00:00Z).',
    );
  });

  it('carries expected and received values', () => {
    const [issue] = validateProactiveEvent(
      variant(gameInvite, (e) => (e.event.payload.game.offer = 'MACTH')),
    ).errors;
    expect(issue).toEqual({
      path: '/event/payload/game/offer',
      code: 'enum',
      message: '"MACTH" is not one of MATCH, REMATCH or GAME; did you mean MATCH?',
      expected: ['MATCH', 'REMATCH', 'GAME'],
      received: 'MACTH',
    });
  });
});
