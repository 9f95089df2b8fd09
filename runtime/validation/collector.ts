import { closest } from '../suggest.js';
import { describeValue, receivedValue } from './describe.js';
import type { Issue, IssueCode, ValidationResult } from './issues.js';

/** A `localizedattribute:KEY` reference found in a payload, and where. */
export interface LocalizedReference {
  readonly key: string;
  readonly path: string;
}

/**
 * Gathers the issues of one validation (the full path of the generated validators), and the
 * localized references met on the way, which the envelope checks against localizedAttributes.
 */
export class Collector {
  readonly errors: Issue[] = [];
  readonly warnings: Issue[] = [];
  readonly references: LocalizedReference[] = [];

  /** `referencePrefix` is the envelope's `localizedattribute:`. */
  constructor(readonly referencePrefix: string) {}

  /** How many more "did you mean" searches this validation may make. */
  private suggestions = maxSuggestions;

  /**
   * The candidate closest to `name`, for "did you mean": bounded in the name's length and in how
   * many are searched per validation, so a megabyte of unknown keys costs no edit distances.
   */
  suggest(name: string, candidates: readonly string[]): string | undefined {
    if (name.length > maxSuggestedLength || this.suggestions <= 0) return undefined;
    this.suggestions--;
    return closest(name, candidates);
  }

  error(path: string, code: IssueCode, message: string, expected?: unknown, value?: unknown): void {
    if (this.errors.length < maxIssues)
      this.errors.push(issue(path, code, message, expected, value));
    else this.unlisted.errors++;
  }

  warn(path: string, code: IssueCode, message: string, expected?: unknown, value?: unknown): void {
    if (this.warnings.length < maxIssues) {
      this.warnings.push(issue(path, code, message, expected, value));
    } else this.unlisted.warnings++;
  }

  /** True once errors are no longer listed: callers may skip composing messages. */
  get full(): boolean {
    return this.errors.length >= maxIssues;
  }

  /** True once warnings are no longer listed. */
  get warningsFull(): boolean {
    return this.warnings.length >= maxIssues;
  }

  /**
   * Counts `count` more errors without listing them: only once `full`, for rules that know how
   * many issues they would report without visiting each one.
   */
  countErrors(count: number): void {
    this.unlisted.errors += count;
  }

  /** Counts one more warning without listing it: only once `warningsFull`. */
  countWarning(): void {
    this.unlisted.warnings++;
  }

  /** Issues beyond maxIssues: counted, not built (a megabyte of unknown keys is one mistake). */
  private readonly unlisted = { errors: 0, warnings: 0 };

  /** An error saying the value at `path` is not `expected` ("a string", "an object"…). */
  typeError(path: string, expected: string, value: unknown): void {
    if (value === unreadable) return;
    if (this.full) return this.countErrors(1); // no message to compose
    this.error(
      path,
      'type',
      `Expected ${expected}, but got ${describeValue(value)}.`,
      expected,
      value,
    );
  }

  result(): ValidationResult {
    const errors = withUnlisted(this.errors, this.unlisted.errors);
    return {
      valid: errors.length === 0,
      errors,
      warnings: withUnlisted(this.warnings, this.unlisted.warnings),
    };
  }
}

/** How many errors (and warnings) a result lists; one more issue counts the rest. */
const maxIssues = 1000;
/** Names longer than this are not typos of a field name. */
const maxSuggestedLength = 64;
/** Suggestions per validation: the first few mistakes are the ones a person reads. */
const maxSuggestions = 20;

/** `list`, plus one issue saying how many more were not listed. */
function withUnlisted(list: Issue[], count: number): Issue[] {
  if (count === 0) return list;
  const message = `${count} more issue${count === 1 ? ' is' : 's are'} not listed; fix the ones above first.`;
  return [...list, { path: '', code: list[list.length - 1]!.code, message }];
}

function issue(
  path: string,
  code: IssueCode,
  message: string,
  expected: unknown,
  value: unknown,
): Issue {
  const received = receivedValue(value);
  const result: { -readonly [K in keyof Issue]: Issue[K] } = { path, code, message };
  if (expected !== undefined) result.expected = expected;
  if (received !== undefined) result.received = received;
  return result;
}

/**
 * What `read` returns when a getter or Proxy trap threw: an error is already recorded, and every
 * check treats the value as absent without a second issue.
 */
export const unreadable: unique symbol = Symbol('unreadable');
export type Unreadable = typeof unreadable;
