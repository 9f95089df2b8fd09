import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { isProactiveEvent, validateProactiveEvent } from '../../../generated/validate.js';
import type { Model } from '../../../generator/model/types.js';
import { compileUnion } from '../../support/json-schemas.js';
import { anyValidEvent, structuralMutation } from './arbitraries.js';
import { realModel } from '../../support/definitions.js';

/**
 * Where only structural rules decide (timestamps paired inside the window, localizedAttributes
 * consistent), our verdict must be ajv's on the emitted JSON Schema, for both paths.
 */
let model: Model;
let ajv: (value: unknown) => boolean;
beforeAll(async () => {
  model = await realModel();
  const validate = compileUnion({ allErrors: false, strict: false }, ['date-time']);
  ajv = (value) => validate(value) as boolean;
});

describe('differential against ajv on the emitted JSON Schema', () => {
  it('accepts every generated valid event, as ajv does', () => {
    fc.assert(
      fc.property(anyValidEvent(model), (event) => {
        expect([ajv(event), isProactiveEvent(event), validateProactiveEvent(event)]).toEqual([
          true,
          true,
          { valid: true, errors: [], warnings: [] },
        ]);
      }),
      { numRuns: 1000, seed: 1 },
    );
  });

  it('gives ajv’s verdict on structural mutations of valid events', () => {
    let invalid = 0;
    fc.assert(
      fc.property(structuralMutation(model), (event) => {
        const expected = ajv(event);
        if (!expected) invalid++;
        expect([isProactiveEvent(event), validateProactiveEvent(event).valid]).toEqual([
          expected,
          expected,
        ]);
      }),
      { numRuns: 4000, seed: 2 },
    );
    // The comparison means something only if both verdicts occur often.
    expect(invalid).toBeGreaterThan(1000);
    expect(invalid).toBeLessThan(3900);
  });
});
