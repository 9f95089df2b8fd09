/**
 * What the generated validators report: issues as data (a JSON pointer, a code from a closed
 * set, a sentence for people), split into errors (Amazon will refuse the event) and warnings
 * (probably a mistake, or a rule we could not verify; see DECISIONS.md).
 */
import { ProactiveEventsError } from '../errors.js';

/**
 * Every code an issue can carry. The set is closed: tools may switch on it.
 *
 * - `required`: a required property is missing.
 * - `type`: a value has the wrong JSON type (a string where an object belongs, 1.5 for an integer…).
 * - `enum`: a string is not one of the field's values.
 * - `format`: a date-time is not ISO 8601 with a zone, or names a day the calendar lacks.
 * - `pattern`: a string does not match the field's pattern (referenceId's characters).
 * - `length`: a string is shorter or longer than allowed.
 * - `items`: an array has fewer or more items than allowed.
 * - `unique`: an array that must not repeat itself does.
 * - `minimum`: an integer is outside its bounds (below its minimum or above its maximum).
 * - `unknown-property`: a property the schema does not define (Amazon's schemas are closed).
 * - `unknown-event`: `event.name` is not one of the known schemas.
 * - `expiry-window`: `expiryTime` is not between 5 minutes and 24 hours after `timestamp`, or
 *   (warning) `timestamp` lies in the future of the clock.
 * - `expired`: measured against the clock, the event expires in less than 5 minutes.
 * - `audience`: `relevantAudience` does not fit its type (a Multicast payload that is not `{}`),
 *   or (warning) a Unicast user that does not look like a userId.
 * - `localized-missing`: a locale entry lacks a key the payload refers to.
 * - `localized-not-allowed`: a `localizedattribute:` reference in a field that cannot be localized.
 * - `localized-unused`: (warning) a locale entry carries a key nothing refers to.
 * - `locale`: a locale tag that is not `xx-YY`, or the same locale twice.
 * - `unsupported-locale`: (warning) a locale the event's schema does not support.
 */
export type IssueCode =
  | 'required'
  | 'type'
  | 'enum'
  | 'format'
  | 'pattern'
  | 'length'
  | 'items'
  | 'unique'
  | 'minimum'
  | 'unknown-property'
  | 'unknown-event'
  | 'expiry-window'
  | 'expired'
  | 'audience'
  | 'localized-missing'
  | 'localized-not-allowed'
  | 'localized-unused'
  | 'locale'
  | 'unsupported-locale';

/** Every issue code, in the order the documentation lists them. */
export const issueCodes: readonly IssueCode[] = [
  'required',
  'type',
  'enum',
  'format',
  'pattern',
  'length',
  'items',
  'unique',
  'minimum',
  'unknown-property',
  'unknown-event',
  'expiry-window',
  'expired',
  'audience',
  'localized-missing',
  'localized-not-allowed',
  'localized-unused',
  'locale',
  'unsupported-locale',
];

export interface Issue {
  /** A JSON pointer into the validated value, e.g. `/event/payload/weatherAlert/alertType`. */
  readonly path: string;
  readonly code: IssueCode;
  /** One sentence a person can act on. */
  readonly message: string;
  /** What the rule wanted (a type name, the allowed values, a bound), when that is data. */
  readonly expected?: unknown;
  /** The offending value, when it is a JSON primitive. */
  readonly received?: unknown;
}

export interface ValidationResult {
  /** True when there is no error; warnings do not make an event invalid. */
  readonly valid: boolean;
  readonly errors: Issue[];
  readonly warnings: Issue[];
}

export interface ValidationOptions {
  /**
   * The clock for the checks against the current time (`expired`, a future `timestamp`).
   * Without it those checks are skipped, so results do not depend on when they run.
   */
  readonly now?: Date | number;
}

/**
 * An invalid event: thrown by `assertProactiveEvent`, the builders, and the client (which never
 * sends one). The message lists every error, one per line.
 */
export class ProactiveEventValidationError extends ProactiveEventsError {
  readonly errors: readonly Issue[];
  readonly warnings: readonly Issue[];
  /** The event's referenceId, when it has one (set by the client). */
  readonly referenceId: string | undefined;
  override readonly hint =
    'Fix the listed errors; `proactive-events validate FILE` lists them all.';

  constructor(
    result: Pick<ValidationResult, 'errors' | 'warnings'>,
    options: { referenceId?: string } = {},
  ) {
    const lines = result.errors.map((issue) => formatIssue(issue));
    const count = `${result.errors.length} error${result.errors.length === 1 ? '' : 's'}`;
    const which =
      options.referenceId === undefined
        ? 'The proactive event'
        : `The proactive event ${options.referenceId}`;
    super(`${which} is invalid (${count}):\n${lines.join('\n')}`);
    this.name = 'ProactiveEventValidationError';
    this.errors = result.errors;
    this.warnings = result.warnings;
    this.referenceId = options.referenceId;
  }

  override toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      hint: this.hint,
      referenceId: this.referenceId,
      errors: this.errors,
    };
  }
}

/** `/pointer: message (code)`, the root shown as `/`. */
export function formatIssue(issue: Issue): string {
  return `${issue.path || '/'}: ${issue.message} (${issue.code})`;
}
