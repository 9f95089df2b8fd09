/**
 * Turning an event into the exact bytes that are POSTed. The event is serialized once; the validator
 * sees `JSON.parse` of those bytes, and those bytes are what goes out. So an object whose own
 * properties differ from what JSON.stringify writes (a prototype-inherited payload, a `toJSON`, a
 * getter that answers differently each time) is validated as what Amazon would receive.
 */
import { ProactiveEventValidationError } from '../validation/issues.js';
import { ProactiveEventsError, type Audience } from './errors.js';
import { audienceOf, referenceIdOf } from './event-info.js';
import { containsSecret } from './redact.js';
import type { EventValidator, Issue } from './types.js';

export interface PreparedEvent {
  /** The JSON text that is POSTed, byte for byte. */
  readonly body: string;
  readonly referenceId: string | undefined;
  readonly audience: Audience;
  readonly warnings: Issue[];
  /**
   * An earlier attempt (in this process or in a run recorded in a journal) may have reached Amazon;
   * a 409 then means the event was already accepted.
   */
  readonly maybeDelivered: boolean;
}

/** An event that carries the client secret or an access token: sending it would publish the secret. */
export class SecretInEventError extends ProactiveEventsError {
  readonly referenceId: string | undefined;
  constructor(referenceId: string | undefined) {
    super(
      `The event ${referenceId ?? '(no referenceId)'} contains the client secret or an access token; it was not sent`,
      'Remove the credential from the event: whatever it holds is shown to users.',
    );
    this.referenceId = referenceId;
  }
}

/**
 * Serializes `event` once and validates what was serialized. Throws ProactiveEventValidationError
 * when it cannot be serialized or is invalid, SecretInEventError when it carries a credential.
 */
export function prepareEvent(
  event: unknown,
  validate: EventValidator,
  now: number,
  maybeDelivered = false,
): PreparedEvent {
  let body: string | undefined;
  try {
    body = JSON.stringify(event) as string | undefined;
  } catch (error) {
    throw unreadable(
      `could not be serialized to JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (typeof body !== 'string') {
    throw unreadable(
      'serializes to nothing (undefined, a function or a symbol), not a JSON object',
    );
  }
  return prepareSerialized(body, validate, now, maybeDelivered);
}

/** Validates already-serialized bytes (from a journal) exactly as `prepareEvent` would. */
export function prepareSerialized(
  body: string,
  validate: EventValidator,
  now: number,
  maybeDelivered = false,
): PreparedEvent {
  let sent: unknown;
  try {
    sent = JSON.parse(body);
  } catch (error) {
    throw unreadable(`is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const referenceId = referenceIdOf(sent);
  const validation = validate(sent, { now });
  if (!validation.valid) throw new ProactiveEventValidationError(validation, { referenceId });
  if (containsSecret(body)) throw new SecretInEventError(referenceId);
  return {
    body,
    referenceId,
    audience: audienceOf(sent),
    warnings: validation.warnings,
    maybeDelivered,
  };
}

function unreadable(reason: string): ProactiveEventValidationError {
  return new ProactiveEventValidationError({
    errors: [{ path: '', code: 'type', message: `the event ${reason}` }],
    warnings: [],
  });
}
