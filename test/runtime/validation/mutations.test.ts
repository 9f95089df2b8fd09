import { beforeAll, describe, expect, it } from 'vitest';
import { isProactiveEvent, validateProactiveEvent } from '../../../generated/validate.js';
import { escapeSegment } from '../../../generator/definitions/pointer.js';
import type { Field, Model } from '../../../generator/model/types.js';
import { realModel } from '../../support/definitions.js';

/**
 * Every single mutation of every definition example (drop a required field, break a value of
 * each kind, add a property to each object) is refused with exactly one error, at the mutated
 * path, with the code that rule has.
 */
interface Mutation {
  readonly name: string;
  readonly pointer: string;
  readonly code: string;
  apply(parent: Record<string, unknown> | unknown[], key: string | number): void;
}

type Container = Record<string, unknown> | unknown[];

/** The mutations of one field whose value sits at parent[key]. */
function mutationsOf(field: Field, value: unknown, pointer: string): Mutation[] {
  const set = (replacement: unknown) => (parent: Container, key: string | number) => {
    (parent as Record<string | number, unknown>)[key] = replacement;
  };
  const mutations: Mutation[] = [];
  if (field.required && field.path.at(-1) !== '*') {
    mutations.push({
      name: 'drop',
      pointer,
      code: 'required',
      apply: (parent, key) => delete (parent as Record<string, unknown>)[key as string],
    });
  }
  switch (field.kind) {
    case 'string':
      mutations.push({ name: 'a number for a string', pointer, code: 'type', apply: set(42) });
      break;
    case 'integer':
      mutations.push({ name: 'a fraction', pointer, code: 'type', apply: set(0.5) });
      if (field.minimum !== undefined)
        mutations.push({
          name: 'below minimum',
          pointer,
          code: 'minimum',
          apply: set(field.minimum - 1),
        });
      break;
    case 'boolean':
      mutations.push({ name: 'a string for a boolean', pointer, code: 'type', apply: set('true') });
      break;
    case 'date-time':
      mutations.push({
        name: 'a day that does not exist',
        pointer,
        code: 'format',
        apply: set('2019-02-30T10:00:00Z'),
      });
      mutations.push({
        name: 'no zone',
        pointer,
        code: 'format',
        apply: set('2019-02-13T10:00:00'),
      });
      break;
    case 'enum':
      mutations.push({
        name: 'a value outside the enum',
        pointer,
        code: 'enum',
        apply: set('NOT_A_VALUE'),
      });
      break;
    case 'object':
      mutations.push({ name: 'an array for an object', pointer, code: 'type', apply: set([]) });
      mutations.push({
        name: 'an unknown property',
        pointer: `${pointer}/unexpectedProperty`,
        code: 'unknown-property',
        apply: (parent, key) => {
          (parent as Record<string | number, Record<string, unknown>>)[key]!.unexpectedProperty = 1;
        },
      });
      break;
    case 'array':
      mutations.push({ name: 'an object for an array', pointer, code: 'type', apply: set({}) });
      if (field.minItems)
        mutations.push({ name: 'too few items', pointer, code: 'items', apply: set([]) });
      break;
  }
  return mutations;
}

/** Every (path to parent, key, mutation) below a field's value. */
function* walk(
  field: Field,
  value: unknown,
  path: (string | number)[],
  pointer: string,
): Generator<[(string | number)[], Mutation]> {
  for (const mutation of mutationsOf(field, value, pointer)) yield [path, mutation];
  if (field.kind === 'object' && value && typeof value === 'object') {
    for (const property of field.properties) {
      const child = (value as Record<string, unknown>)[property.key];
      const childPointer = `${pointer}/${escapeSegment(property.key)}`;
      if (child === undefined) continue;
      yield* walk(property, child, [...path, property.key], childPointer);
    }
  }
  if (field.kind === 'array' && Array.isArray(value)) {
    for (const [index, item] of value.entries())
      yield* walk(field.items, item, [...path, index], `${pointer}/${index}`);
  }
}

let model: Model;
beforeAll(async () => {
  model = await realModel();
});

describe('every single mutation of every example', () => {
  it('is refused at the mutated path, with exactly that error', () => {
    let count = 0;
    const failures: string[] = [];
    for (const schema of model.events) {
      for (const [exampleIndex, example] of schema.examples.entries()) {
        const event = example.event as Record<string, unknown>;
        const targets: [Field, unknown, (string | number)[], string][] = [
          ...model.envelope.fields.map((field): [Field, unknown, (string | number)[], string] => [
            field,
            event[field.key],
            [field.key],
            `/${field.key}`,
          ]),
          [
            schema.payload,
            (event.event as Record<string, unknown>).payload,
            ['event', 'payload'],
            '/event/payload',
          ],
        ];
        for (const [field, value, path, pointer] of targets) {
          for (const [where, mutation] of walk(field, value, path, pointer)) {
            const copy = structuredClone(event);
            let parent: Container = copy;
            for (const segment of where.slice(0, -1))
              parent = (parent as Record<string | number, Container>)[segment]!;
            mutation.apply(parent, where.at(-1)!);
            const errors = validateProactiveEvent(copy).errors.map(
              (issue) => `${issue.path} ${issue.code}`,
            );
            const expected = [`${mutation.pointer} ${mutation.code}`];
            count++;
            if (JSON.stringify(errors) !== JSON.stringify(expected) || isProactiveEvent(copy)) {
              failures.push(
                `${schema.name} example ${exampleIndex}, ${mutation.name} at ${mutation.pointer}: ${JSON.stringify(errors)}`,
              );
            }
          }
        }
      }
    }
    expect(failures).toEqual([]);
    expect(count).toBeGreaterThan(300);
  });
});
