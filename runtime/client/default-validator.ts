/**
 * The validator clients use when none is passed: the generated one, checked against the moment of
 * sending (so an event that expires within five minutes is refused before it is posted).
 */
import { validateProactiveEvent } from '../../generated/validate.js';
import type { EventValidator } from './types.js';

export const generatedValidator: EventValidator = (event, { now }) =>
  validateProactiveEvent(event, { now });

export let defaultValidator: EventValidator | undefined = generatedValidator;

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
