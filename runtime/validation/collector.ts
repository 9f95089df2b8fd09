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

  error(path: string, code: IssueCode, message: string, expected?: unknown, value?: unknown): void {
    this.errors.push(issue(path, code, message, expected, value));
  }

  warn(path: string, code: IssueCode, message: string, expected?: unknown, value?: unknown): void {
    this.warnings.push(issue(path, code, message, expected, value));
  }

  /** An error saying the value at `path` is not `expected` ("a string", "an object"…). */
  typeError(path: string, expected: string, value: unknown): void {
    if (value === unreadable) return;
    this.error(
      path,
      'type',
      `Expected ${expected}, but got ${describeValue(value)}.`,
      expected,
      value,
    );
  }

  result(): ValidationResult {
    return { valid: this.errors.length === 0, errors: this.errors, warnings: this.warnings };
  }
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

/** What the generated module knows about one schema's payload: its checks and locales. */
export interface PayloadValidator {
  readonly name: string;
  readonly locales: readonly string[];
  /** The full path: every issue, with pointers below `root`. */
  check(collector: Collector, value: unknown, root: string): void;
  /** The boolean path; pushes the keys of localized references onto `references`. */
  is(value: unknown, references: string[]): boolean;
}
