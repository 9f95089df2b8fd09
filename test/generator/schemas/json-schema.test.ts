import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { exampleEvents } from '../../../generated/examples.js';
import { eventNames } from '../../../generated/catalog.js';
import { compileUnion, loadSchema, unionSchemaFile } from '../../support/json-schemas.js';

/** The emitted schemas as a user would use them: strict ajv, formats added, no changes. */
function compile(file: string) {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats.default(ajv);
  return ajv.compile(loadSchema(file));
}

const union = compileUnion({ strict: true, allErrors: true });
const examples = Object.values(exampleEvents).flat();
const clone = <T>(value: T): T => structuredClone(value);

describe('emitted JSON Schemas', () => {
  it.each(eventNames.map((name) => [name]))(
    '%s: its own schema and the union accept every example',
    (name) => {
      const validate = compile(`${name}.schema.json`);
      for (const example of exampleEvents[name]) {
        expect(validate(example), JSON.stringify(validate.errors)).toBe(true);
        expect(union(example), JSON.stringify(union.errors)).toBe(true);
      }
    },
  );

  it('the per-event schema refuses another schema’s event', () => {
    const weather = compile('AMAZON.WeatherAlert.Activated.schema.json');
    expect(weather(exampleEvents['AMAZON.OrderStatus.Updated'][0])).toBe(false);
  });

  const order = exampleEvents['AMAZON.OrderStatus.Updated'][0]!;
  const trash = exampleEvents['AMAZON.TrashCollectionAlert.Activated'][0]!;
  const game = exampleEvents['AMAZON.SocialGameInvite.Available'][0]!;
  const message = exampleEvents['AMAZON.MessageAlert.Activated'][0]!;

  // One mutation per rule the schemas express; each must be refused at the mutated place.
  const mutations: [rule: string, event: unknown, instancePath: string, keyword: string][] = [
    [
      'required field',
      mutate(order, (e) => delete (e.event.payload.state as { status?: string }).status),
      '/event/payload/state',
      'required',
    ],
    [
      'required envelope field',
      mutate(order, (e) => delete (e as { referenceId?: string }).referenceId),
      '',
      'required',
    ],
    [
      'closed payload object',
      mutate(order, (e) => Object.assign(e.event.payload.state, { color: 'red' })),
      '/event/payload/state',
      'additionalProperties',
    ],
    [
      'closed envelope',
      mutate(order, (e) => Object.assign(e, { extra: 1 })),
      '',
      'additionalProperties',
    ],
    [
      'enum',
      mutate(order, (e) => Object.assign(e.event.payload.state, { status: 'ORDER_LOST' })),
      '/event/payload/state/status',
      'enum',
    ],
    [
      'type',
      mutate(message, (e) => Object.assign(e.event.payload.messageGroup, { count: '3' })),
      '/event/payload/messageGroup/count',
      'type',
    ],
    [
      'integer',
      mutate(message, (e) => Object.assign(e.event.payload.messageGroup, { count: 2.5 })),
      '/event/payload/messageGroup/count',
      'type',
    ],
    [
      'minimum',
      mutate(message, (e) => Object.assign(e.event.payload.messageGroup, { count: 0 })),
      '/event/payload/messageGroup/count',
      'minimum',
    ],
    [
      'date-time without zone',
      mutate(order, (e) => Object.assign(e, { timestamp: '2019-05-15T10:00:00' })),
      '/timestamp',
      'pattern',
    ],
    [
      'calendar date',
      mutate(order, (e) => Object.assign(e, { expiryTime: '2019-02-30T10:00:00Z' })),
      '/expiryTime',
      'format',
    ],
    [
      'referenceId characters',
      mutate(order, (e) => Object.assign(e, { referenceId: 'order #1' })),
      '/referenceId',
      'pattern',
    ],
    [
      'referenceId length',
      mutate(order, (e) => Object.assign(e, { referenceId: 'x'.repeat(101) })),
      '/referenceId',
      'maxLength',
    ],
    [
      'maxItems',
      mutate(trash, (e) =>
        Object.assign(e.event.payload.alert, {
          garbageTypes: ['GLASS', 'CANS', 'BOTTLES', 'BULKY', 'LANDFILL', 'CLOTHING'],
        }),
      ),
      '/event/payload/alert/garbageTypes',
      'maxItems',
    ],
    [
      'minItems',
      mutate(trash, (e) => Object.assign(e.event.payload.alert, { garbageTypes: [] })),
      '/event/payload/alert/garbageTypes',
      'minItems',
    ],
    [
      'uniqueItems',
      mutate(trash, (e) =>
        Object.assign(e.event.payload.alert, { garbageTypes: ['GLASS', 'GLASS'] }),
      ),
      '/event/payload/alert/garbageTypes',
      'uniqueItems',
    ],
    [
      'misplaced relationshipToInvitee (the seed’s shape)',
      mutate(game, (e) => {
        const invite = e.event.payload.invite as unknown as Record<string, unknown> & {
          inviter: Record<string, unknown>;
        };
        invite.inviter.relationshipToInvitee = invite.relationshipToInvitee;
        delete invite.relationshipToInvitee;
      }),
      '/event/payload/invite/inviter',
      'additionalProperties',
    ],
    [
      'localized reference in a non-localizable field',
      mutate(game, (e) =>
        Object.assign(e.event.payload.invite.inviter, { name: 'localizedattribute:inviter' }),
      ),
      '/event/payload/invite/inviter/name',
      'not',
    ],
    [
      'Unicast without user',
      mutate(order, (e) =>
        Object.assign(e, { relevantAudience: { type: 'Unicast', payload: {} } }),
      ),
      '/relevantAudience',
      'oneOf',
    ],
    [
      'Multicast with a payload',
      mutate(trash, (e) =>
        Object.assign(e, { relevantAudience: { type: 'Multicast', payload: { user: 'x' } } }),
      ),
      '/relevantAudience',
      'oneOf',
    ],
    [
      'locale tag',
      mutate(order, (e) => Object.assign(e.localizedAttributes[0]!, { locale: 'english' })),
      '/localizedAttributes/0/locale',
      'pattern',
    ],
    [
      'event name',
      mutate(order, (e) => Object.assign(e.event, { name: 'AMAZON.OrderStatus.Changed' })),
      '',
      'oneOf',
    ],
  ];

  it.each(mutations)('refuses a broken %s', (_rule, event, instancePath, keyword) => {
    expect(union(event)).toBe(false);
    const name = (event as { event: { name: string } }).event.name;
    if (instancePath === '' && keyword === 'oneOf') return; // no schema left to blame but the union
    const own = compile(`${name}.schema.json`);
    expect(own(event)).toBe(false);
    expect(own.errors?.map((error) => [error.instancePath, error.keyword])).toContainEqual([
      instancePath,
      keyword,
    ]);
  });

  it('the union refers to each schema’s own document by its $id and embeds none of them', () => {
    const document = loadSchema(unionSchemaFile) as { oneOf: unknown[]; $defs?: unknown };
    expect(document.oneOf).toEqual(
      eventNames.map((name) => ({ $ref: `urn:alexa-proactive-events:schema:${name}` })),
    );
    expect(document.$defs).toBeUndefined();
    for (const name of eventNames) {
      expect(loadSchema(`${name}.schema.json`)).toMatchObject({
        $id: `urn:alexa-proactive-events:schema:${name}`,
      });
    }
  });

  it('accepts every example as JSON, with nothing but ajv-formats added', () => {
    expect(examples.length).toBeGreaterThanOrEqual(8);
    for (const example of examples) expect(union(JSON.parse(JSON.stringify(example)))).toBe(true);
  });
});

function mutate<T>(event: T, change: (copy: T) => unknown): T {
  const copy = clone(event);
  change(copy);
  return copy;
}
