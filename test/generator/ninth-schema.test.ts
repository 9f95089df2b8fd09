/**
 * The maintainer's path: a ninth schema added to a copy of definitions/ is generated into a
 * scratch folder, and the generated module works end to end against the runtime — validators,
 * preview, builders, manifest — with no code change anywhere.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/generate.js';
import { eventNames } from '../../generated/catalog.js';
import { amazonEventNames } from '../support/amazon-schemas.js';
import { compileUnion } from '../support/json-schemas.js';
import { repoRoot, scratchDefinitions } from '../support/definitions.js';

const ninth = 'events/AMAZON.PackageLocker.Ready.yaml';
const NAME = 'AMAZON.PackageLocker.Ready';

// The generated module of the scratch folder, loosely typed: its types exist only there.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type GeneratedModule = Record<string, any>;

describe('a ninth schema', () => {
  let scratch: Awaited<ReturnType<typeof scratchDefinitions>>;
  let module: GeneratedModule;

  beforeAll(async () => {
    scratch = await scratchDefinitions();
    const fixture = join(repoRoot, 'test/fixtures/basic/definitions', ninth);
    await scratch.write(ninth, await readFile(fixture, 'utf8'));
    // generate type-checks everything it emits before writing; a failure would throw here.
    await generate({ definitionsDir: scratch.definitions, outDir: scratch.out });
    module = (await import(join(scratch.out, 'index.ts'))) as GeneratedModule;
  }, 60_000);
  afterAll(() => scratch?.dispose());

  it('gets its own folder of modules, a member of the union and its JSON Schema', async () => {
    const schemaTypes = join(scratch.out, 'events', 'PackageLockerReady', 'types.ts');
    expect(await readFile(schemaTypes, 'utf8')).toContain(
      'export interface PackageLockerReadyPayload {',
    );
    const types = await readFile(join(scratch.out, 'types', 'index.ts'), 'utf8');
    expect(types).toMatch(/export type ProactiveEvent =[^;]*\| PackageLockerReadyEvent;/);
    const schema = JSON.parse(
      await readFile(join(scratch.out, 'schemas', `${NAME}.schema.json`), 'utf8'),
    ) as { properties: { event: { properties: { name: unknown } } } };
    expect(schema.properties.event.properties.name).toEqual({
      const: NAME,
      description: 'The schema the payload follows.',
    });
  });

  it('its examples satisfy its emitted JSON Schema, and a broken one does not (ajv, strict)', () => {
    const validate = compileUnion(
      { strict: true, allErrors: true },
      undefined,
      join(scratch.out, 'schemas'),
    );
    const examples = module.exampleEvents[NAME] as unknown[];
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples)
      expect(validate(example), JSON.stringify(validate.errors)).toBe(true);
    const broken = structuredClone(examples[0]) as {
      event: { payload: { locker: { compartment: number } } };
    };
    broken.event.payload.locker.compartment = 0;
    expect(validate(broken)).toBe(false);
  });

  it('joins the catalog after the real ones', () => {
    // definitions/ may hold this very schema already (a maintainer trying the fixture as the ninth).
    const others = (names: readonly string[]) => names.filter((name) => name !== NAME);
    expect(others(module.eventNames)).toEqual(others(eventNames));
    expect(module.eventNames.filter((name: string) => name === NAME)).toEqual([NAME]);
    // Amazon's catalog order first; a schema without one follows all of those.
    expect(module.eventNames.indexOf(NAME)).toBeGreaterThan(
      Math.max(...amazonEventNames.map((name) => module.eventNames.indexOf(name))),
    );
    expect(module.schemas.map((schema: { name: string }) => schema.name)).toContain(NAME);
  });

  it('validates its example and refuses a broken one, with the path', () => {
    const [example] = module.exampleEvents[NAME];
    expect(module.validateProactiveEvent(example)).toMatchObject({ valid: true, errors: [] });
    expect(module.isProactiveEvent(example)).toBe(true);
    const broken = structuredClone(example);
    broken.event.payload.locker.compartment = 0;
    const result = module.validateProactiveEvent(broken);
    expect(result.valid).toBe(false);
    expect(
      result.errors.map((issue: { path: string; code: string }) => [issue.path, issue.code]),
    ).toEqual([['/event/payload/locker/compartment', 'minimum']]);
  });

  it('previews with its own templates, each variant in its example', () => {
    const spoken = module.exampleEvents[NAME].map((example: unknown) => {
      const explained = module.explainUtterance(example, 'en-US');
      expect(module.previewUtterance(example)).toBe(explained.text);
      return [explained.variant, explained.text];
    });
    expect(spoken).toEqual([
      ['plain', 'Your books are in the large compartment 12 at Main Street Locker.'],
      [
        'with-courier',
        'Example Couriers left your books and food in the small compartment 3 at Station Locker, open until March 2, 2024.',
      ],
    ]);
  });

  it('builds a valid event with its typed builder', () => {
    const event = module.createPackageLockerReadyEvent({
      payload: {
        locker: {
          name: { 'en-US': 'Main Street Locker' },
          compartment: 3,
          openUntil: '2099-03-01T22:00:00Z',
          size: 'LARGE',
        },
        contents: ['BOOKS'],
      },
      audience: { user: 'amzn1.ask.account.EXAMPLE' },
    });
    expect(event.event.name).toBe(NAME);
    expect(module.validateProactiveEvent(event).errors).toEqual([]);
  });

  it('is declared by the manifest', () => {
    expect(module.publishableEvents).toContain(NAME);
    expect(module.manifestFragment({ events: [NAME] }).events.publications).toEqual([
      { eventName: NAME },
    ]);
  });
});
