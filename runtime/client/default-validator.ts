/**
 * The validator clients use when none is passed. It is the generated envelope validator, which lives in
 * code this hand-written runtime must not import directly (the generator owns it); the package entry
 * point wires it once at load time:
 *
 *   import { setDefaultValidator } from '../runtime/client/default-validator.js';
 *   setDefaultValidator((event, { now }) => validateProactiveEvent(event, { now }));
 */
import type { EventValidator } from './types.js';

export let defaultValidator: EventValidator | undefined;

/** Installs (or, with undefined, removes) the validator used by clients constructed without `validate`. */
export function setDefaultValidator(validator: EventValidator | undefined): void {
  if (validator !== undefined && typeof validator !== 'function') {
    throw new TypeError(
      'setDefaultValidator expects a function (event, { now }) => ValidationResult.',
    );
  }
  defaultValidator = validator;
}

export function getDefaultValidator(): EventValidator | undefined {
  return defaultValidator;
}
