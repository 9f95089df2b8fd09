import type { Code } from '../../codegen/code.js';
import { Name, code, join, regexp } from '../../codegen/code.js';
import type { Envelope } from '../../model/types.js';
import { fastProperty, type FastContext } from './fast.js';
import { fullProperty } from './full.js';
import type { EmitState } from './state.js';

/**
 * The envelope: its plain fields (from the definition), then event, localizedAttributes and
 * relevantAudience, with the window, prefixes and patterns of definitions/envelope.yaml.
 * `checkEvent` is the full path, `isEvent` the boolean one; both find the payload's validator in
 * `validators` by event.name.
 */
export function emitEnvelopeFunctions(
  state: EmitState,
  envelope: Envelope,
  names: {
    readonly validators: Name;
    readonly eventNames: Name;
    readonly fast: Omit<FastContext, 'references' | 'state'>;
  },
): Code {
  const { localizedAttributes, relevantAudience, expiryWindow } = envelope;
  const topKeys = state.constant(
    'envelopeKeys',
    code`new Set<string>(${[...envelope.fields.map((field) => field.key), 'event', 'localizedAttributes', 'relevantAudience']})`,
    'The properties of an event: the envelope is closed.',
  );
  const eventKeys = state.constant('eventKeys', code`new Set<string>(${['name', 'payload']})`);
  const localePattern = state.constant(
    'localePattern',
    regexp(localizedAttributes.localePattern),
    'A locale tag of localizedAttributes.',
  );
  const window = state.constant(
    'expiryWindow',
    code`${{
      minMinutes: expiryWindow.minMinutes,
      maxMinutes: expiryWindow.maxMinutes,
      futureTimestampToleranceMinutes: expiryWindow.futureTimestampToleranceMinutes,
    }} as const`,
    'How long after timestamp an event may expire, in minutes.',
  );
  const userPrefix = state.constant(
    'userPrefix',
    code`${relevantAudience.unicast.userPrefix}`,
    'How the userId of a Unicast audience starts.',
  );
  const root = new Name('r');
  const object = new Name('o');
  const timestamp = new Name('timestamp');
  const expiryTime = new Name('expiryTime');
  const bindOf = (key: string) =>
    key === 'timestamp' ? timestamp : key === 'expiryTime' ? expiryTime : undefined;
  state.beginFunction();
  const full = envelope.fields.map((field) =>
    fullProperty({ state, root }, field, object, root, bindOf(field.key)),
  );
  const references = new Name('references');
  state.beginFunction();
  const fast = envelope.fields.map((field) =>
    fastProperty({ state, references, ...names.fast }, field, object, bindOf(field.key)),
  );
  const minMs = expiryWindow.minMinutes * 60_000;
  const maxMs = expiryWindow.maxMinutes * 60_000;
  return code`/** Every issue of an event; \`now\` enables the checks against the clock. */
    function checkEvent(c: Collector, value: unknown, now: number | undefined): void {
      const ${root} = "";
      const ${object} = asObject(c, value, ${root});
      if (${object} === undefined) return;
      closed(c, ${object}, ${root}, ${topKeys});
      let ${timestamp}: string | undefined;
      let ${expiryTime}: string | undefined;
      ${join(full)}
      if (${timestamp} !== undefined && ${expiryTime} !== undefined) {
        checkExpiry(c, ${timestamp}, ${expiryTime}, now, ${window});
      }
      const validator = checkEventBody(c, read(c, ${object}, "event", ${root}));
      const localized = read(c, ${object}, "localizedAttributes", ${root});
      if (localized === undefined) missing(c, localized, ${root}, "localizedAttributes", "an array (empty when nothing is localized)");
      else checkLocalizedAttributes(c, localized, "/localizedAttributes", { localePattern: ${localePattern}, schema: validator });
      const audience = read(c, ${object}, "relevantAudience", ${root});
      if (audience === undefined) missing(c, audience, ${root}, "relevantAudience", "an object (type and payload)");
      else checkAudience(c, audience, "/relevantAudience", ${userPrefix});
    }

    /** event: its name picks the payload's validator, which checks the payload. */
    function checkEventBody(c: Collector, value: unknown): PayloadValidator | undefined {
      if (value === undefined) {
        missing(c, value, "", "event", "an object (name and payload)");
        return undefined;
      }
      const event = asObject(c, value, "/event");
      if (event === undefined) return undefined;
      closed(c, event, "/event", ${eventKeys});
      const name = read(c, event, "name", "/event");
      let validator: PayloadValidator | undefined;
      if (name === undefined) missing(c, name, "/event", "name", "an event name such as " + ${names.eventNames}[0]);
      else if (typeof name !== "string") c.typeError("/event/name", "an event name such as " + ${names.eventNames}[0], name);
      else {
        validator = ${names.validators}.get(name);
        if (validator === undefined) unknownEvent(c, name, "/event/name", ${names.eventNames});
      }
      const payload = read(c, event, "payload", "/event");
      if (payload === undefined) missing(c, payload, "/event", "payload", "an object");
      else if (validator !== undefined) validator.check(c, payload, "/event/payload");
      else asObject(c, payload, "/event/payload");
      return validator;
    }

    /** Whether \`value\` is a valid event (errors only, no clock). */
    function isEvent(value: unknown): boolean {
      if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
      const ${object} = value as Record<string, unknown>;
      for (const key in ${object}) if (!${topKeys}.has(key) && hasOwn(${object}, key)) return false;
      const ${references}: string[] = [];
      ${join(fast)}
      if (compareExpiryWindow(${timestamp}, ${expiryTime}, ${minMs}, ${maxMs}) !== 0) return false;
      const event = hasOwn(${object}, "event") ? ${object}.event : undefined;
      if (typeof event !== "object" || event === null || Array.isArray(event)) return false;
      const body = event as Record<string, unknown>;
      for (const key in body) if (key !== "name" && key !== "payload" && hasOwn(body, key)) return false;
      const name = hasOwn(body, "name") ? body.name : undefined;
      if (typeof name !== "string") return false;
      const validator = ${names.validators}.get(name);
      if (validator === undefined || !validator.is(hasOwn(body, "payload") ? body.payload : undefined, ${references})) return false;
      const localized = hasOwn(${object}, "localizedAttributes") ? ${object}.localizedAttributes : undefined;
      const audience = hasOwn(${object}, "relevantAudience") ? ${object}.relevantAudience : undefined;
      return isLocalizedAttributes(localized, ${references}, ${localePattern}) && isAudience(audience);
    }`;
}
