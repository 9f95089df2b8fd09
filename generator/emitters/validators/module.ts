import { Code, code, join } from '../../codegen/code.js';
import { allSources, type EmitContext, type EmittedFile, emittedImport } from '../emitter.js';
import { typesModule } from '../types.js';
import { emitEnvelopeFunctions } from './envelope.js';
import { emitPayloadFunctions } from './payload.js';
import { EmitState } from './state.js';

export const validateModule = 'validate.ts';

/**
 * generated/validate.ts: dependency-free validators emitted from the model. Per schema a full
 * path (every issue) and a boolean path; the envelope's rules around them; the public API
 * (`validateProactiveEvent`, `isProactiveEvent`, `assertProactiveEvent`, `validatePayload`,
 * `isPayload`) at the end.
 */
export function emitValidators(context: EmitContext): EmittedFile[] {
  const { model } = context;
  const state = new EmitState();
  for (const reserved of ['c', 'r', 'value', 'references', 'timestamp', 'expiryTime', 'now']) {
    state.scope.reserve(reserved);
  }
  const prefix = state.constant(
    'referencePrefix',
    code`${model.envelope.localizedAttributes.referencePrefix}`,
    'How a localizable field refers to a key of localizedAttributes.',
  );
  const prefixLength = state.constant('referencePrefixLength', code`${prefix}.length`);
  const fast = { prefix, prefixLength };
  const payloads = model.events.map((event) => emitPayloadFunctions(state, event, fast));
  const validators = state.scope.reserve('validators');
  const eventNames = state.scope.reserve('knownEventNames');
  const envelope = emitEnvelopeFunctions(state, model.envelope, { validators, eventNames, fast });
  const registry = payloads.map(
    (payload) =>
      code`[${payload.event.name}, { name: ${payload.event.name}, locales: ${payload.event.locales}, check: ${payload.check}, is: ${payload.is} }]`,
  );
  const runtime = context.runtimeModule;
  const types = emittedImport(typesModule);
  const helpers = [
    'asArray',
    'asObject',
    'errorText',
    'hasOwn',
    'missing',
    'read',
    'readItem',
    'arrayBounds',
    'boolean',
    'closed',
    'dateTime',
    'enumValue',
    'integer',
    'isUnique',
    'length',
    'localizableString',
    'pattern',
    'plainString',
    'scanLimit',
    'stringLength',
    'unique',
    'parseDateTime',
    'checkAudience',
    'checkExpiry',
    'checkLocalizedAttributes',
    'clockOf',
    'compareExpiryWindow',
    'isAudience',
    'isLocalizedAttributes',
    'unknownEvent',
  ];
  const body = code`
    export { formatIssue, issueCodes, ProactiveEventValidationError, type Issue, type IssueCode, type ValidationOptions, type ValidationResult } from ${runtime};

    ${join(state.declarations(), code`\n\n`)}

    ${join(
      payloads.map((payload) => payload.code),
      code`\n\n`,
    )}

    /** The payload validator of every schema, by event name. */
    const ${validators} = new Map<string, PayloadValidator>([
      ${join(registry, code`,\n`)}
    ]);

    /** The known event names, for "unknown event" messages. */
    const ${eventNames}: readonly string[] = ${model.events.map((event) => event.name)};

    ${envelope}

    /**
     * Every problem of \`value\` as a proactive event: errors (Amazon would refuse it) and warnings.
     * Never throws. Pass \`now\` to check expiry against the clock too.
     */
    export function validateProactiveEvent(value: unknown, options?: ValidationOptions): ValidationResult {
      const c = new Collector(${prefix});
      try {
        checkEvent(c, value, clockOf(options?.now));
      } catch (error) {
        c.error("", "type", "The value could not be read to the end (" + errorText(error) + "); pass plain JSON data.");
      }
      return c.result();
    }

    /** Whether \`value\` is a valid proactive event (no errors; warnings and the clock are not considered). */
    export function isProactiveEvent(value: unknown): value is ProactiveEvent {
      try {
        return isEvent(value);
      } catch {
        return false;
      }
    }

    /** Throws a ProactiveEventValidationError listing every error unless \`value\` is a valid event. */
    export function assertProactiveEvent(value: unknown, options?: ValidationOptions): asserts value is ProactiveEvent {
      const result = validateProactiveEvent(value, options);
      if (!result.valid) throw new ProactiveEventValidationError(result);
    }

    /** Every problem of a bare payload of the schema \`name\` (pointers relative to the payload). */
    export function validatePayload(name: EventName, payload: unknown): ValidationResult {
      const c = new Collector(${prefix});
      const validator = ${validators}.get(name);
      try {
        if (validator === undefined) unknownEvent(c, String(name), "", ${eventNames});
        else validator.check(c, payload, "");
      } catch (error) {
        c.error("", "type", "The value could not be read to the end (" + errorText(error) + "); pass plain JSON data.");
      }
      return c.result();
    }

    /** Whether \`payload\` is a valid payload of the schema \`name\`. */
    export function isPayload<N extends EventName>(name: N, payload: unknown): payload is PayloadOf<N> {
      const validator = ${validators}.get(name);
      try {
        return validator !== undefined && validator.is(payload, []);
      } catch {
        return false;
      }
    }
  `;
  // Import the runtime helpers the emitted code calls, and only those (a schema set without
  // arrays needs no array checks).
  const used = helpers.filter((name) =>
    new RegExp(name === 'scanLimit' ? `\\b${name}\\b` : `(?<![.\\w])${name}\\(`).test(body.text),
  );
  const imported = [
    ...used,
    'Collector',
    'ProactiveEventValidationError',
    'type PayloadValidator',
    'type ValidationOptions',
    'type ValidationResult',
  ];
  const header = code`import { ${new Code(imported.join(', '))} } from ${runtime};
    import type { EventName, PayloadOf, ProactiveEvent } from ${types};
  `;
  const banner = context.banner('Validators for every proactive event schema.', allSources(model));
  return [
    {
      path: validateModule,
      contents: `${banner}\n${header.text}\n${body.text}`,
      reexport: 'values',
    },
  ];
}
