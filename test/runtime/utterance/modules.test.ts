import { beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../../../generator/emitters/emitter.js';
import { emitPreview } from '../../../generator/emitters/previewers/emit.js';
import type { Model } from '../../../generator/model/types.js';
import { defaultOutDir } from '../../../generator/paths.js';
import { realModel } from '../../support/definitions.js';

/**
 * The layout of the emitted previewers, in memory (unformatted): one module per schema that
 * imports nothing but the runtime and its own types, and preview.ts, which only gathers them.
 */
let model: Model;
let files: Map<string, string>;
beforeAll(async () => {
  model = await realModel();
  files = new Map(
    emitPreview(createContext(model, defaultOutDir)).map((file) => [file.path, file.contents]),
  );
});

/** Every `from '…'` of a module, in order. */
function specifiers(text: string): string[] {
  return [...text.matchAll(/ from "([^"]+)";/g)].map((match) => match[1]!);
}

describe('the previewer modules', () => {
  it('are one per schema and preview.ts', () => {
    expect([...files.keys()]).toEqual([
      ...model.events.map((event) => `events/${event.typeStem}/preview.ts`),
      'preview.ts',
    ]);
  });

  it('import only the runtime and their own schema’s types', () => {
    for (const event of model.events) {
      const text = files.get(`events/${event.typeStem}/preview.ts`)!;
      expect(new Set(specifiers(text))).toEqual(
        new Set(['alexa-proactive-events/runtime', './types.js']),
      );
    }
  });

  it('declare an enum’s words just before the first renderer that speaks them', () => {
    const text = files.get('events/WeatherAlertActivated/preview.ts')!;
    const declarations = [...text.matchAll(/^(?:export )?(?:const|function) (\w+)/gm)].map(
      (match) => match[1],
    );
    expect(declarations).toEqual([
      'weatherAlertTypeWords',
      'weatherAlertActivatedEnUs',
      'weatherAlertActivatedDeDe',
      'weatherAlertActivatedPreview',
    ]);
  });

  it('import isTruthy only where a template has a block', () => {
    const importsTruthy = model.events
      .filter((event) => /\bisTruthy\b/.test(files.get(`events/${event.typeStem}/preview.ts`)!))
      .map((event) => event.name);
    const withBlocks = model.events
      .filter((event) =>
        Object.values(event.utterances)
          .flat()
          .some((variant) => variant.parts.some((part) => part.kind === 'block')),
      )
      .map((event) => event.name);
    expect(withBlocks.length).toBeGreaterThan(0);
    expect(withBlocks.length).toBeLessThan(model.events.length);
    expect(importsTruthy).toEqual(withBlocks);
  });

  it('gather every schema’s table in preview.ts, which renders nothing itself', () => {
    const text = files.get('preview.ts')!;
    for (const event of model.events) {
      expect(specifiers(text)).toContain(`./events/${event.typeStem}/preview.js`);
    }
    expect(text).not.toMatch(/\bsay\./);
    expect(text).not.toContain('UtteranceContext');
  });
});
