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
    await generate({ definitionsDir: scratch.definitions, outDir: scratch.out });
    module = (await import(join(scratch.out, 'index.ts'))) as GeneratedModule;
  }, 60_000);
  afterAll(() => scratch?.dispose());

  it('joins the catalog after the real ones', () => {
    expect(module.eventNames).toEqual([...eventNames, NAME]);
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

  it('previews with its own templates', () => {
    const [example] = module.exampleEvents[NAME];
    expect(module.previewUtterance(example)).toBe(module.explainUtterance(example, 'en-US').text);
    expect(module.explainUtterance(example, 'en-US').variant).toBe('plain');
    expect(module.previewUtterance(example)).toContain('Main Street Locker');
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
