import type { Code } from '../../codegen/code.js';
import { Name, code, docComment } from '../../codegen/code.js';
import { misplacedEntries } from '../../model/event-rules.js';
import type { EventSchema } from '../../model/types.js';
import { fastCheck, type FastContext } from './fast.js';
import { fullCheck } from './full.js';
import { constantName, type EmitState } from './state.js';

/** What the module needs to register one schema's payload validator. */
export interface PayloadFunctions {
  readonly event: EventSchema;
  readonly check: Name;
  readonly is: Name;
  readonly code: Code;
}

/**
 * One schema's payload: `check<Stem>Payload` (full path) and `is<Stem>Payload` (boolean path),
 * both straight-line code from the payload's field tree.
 */
export function emitPayloadFunctions(
  state: EmitState,
  event: EventSchema,
  fast: Omit<FastContext, 'references' | 'state'>,
): PayloadFunctions {
  const check = state.scope.reserve(`check${event.typeStem}Payload`);
  const is = state.scope.reserve(`is${event.typeStem}Payload`);
  const root = new Name('r');
  const value = new Name('value');
  const references = new Name('references');
  const misplaced = misplacedMap(state, event);
  state.beginFunction();
  const full = fullCheck({ state, misplaced, root }, event.payload, value, root);
  state.beginFunction();
  const boolean = fastCheck({ state, references, ...fast }, event.payload, value);
  // A payload without localizable fields never pushes a reference.
  const referencesParameter = /\breferences\b/.test(boolean.text)
    ? references
    : new Name('_references');
  return {
    event,
    check,
    is,
    code: code`${docComment(`Every issue of an ${event.name} payload, with pointers below \`r\`.`)}
      function ${check}(c: Collector, ${value}: unknown, ${root}: string): void {
        ${full}
      }

      ${docComment(`Whether an ${event.name} payload is valid; localized reference keys go to \`references\`.`)}
      function ${is}(${value}: unknown, ${referencesParameter}: string[]): boolean {
        ${boolean}
        return true;
      }`,
  };
}

/**
 * "relationshipToInvitee belongs at /invite/relationshipToInvitee": every field name that occurs
 * once in the payload, with its pointer, so an unknown property elsewhere can say where it goes.
 */
function misplacedMap(state: EmitState, event: EventSchema): Name | undefined {
  const entries = misplacedEntries(event);
  if (entries.length === 0) return undefined;
  return state.constant(
    constantName(event.typeStem, 'Fields'),
    code`new Map<string, string>(${entries})`,
    `Where each field of an ${event.name} payload belongs, for "belongs at" hints.`,
  );
}
