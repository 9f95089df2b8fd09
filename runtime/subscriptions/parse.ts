/**
 * Validation of `AlexaSkillEvent.ProactiveSubscriptionChanged` requests. Everything arrives as
 * untrusted JSON, so the parser walks the envelope by hand, reports every problem at once (a fix-one,
 * rerun, fix-the-next loop is slow for people) and never throws in its non-assert form.
 */
import { sortedUnique } from './order.js';
import { parseTimestamp } from './timestamp.js';
import {
  SUBSCRIPTION_CHANGED_REQUEST_TYPE,
  type Issue,
  type IssueCode,
  type ParseResult,
  type SubscriptionChange,
} from './types.js';
import { ProactiveEventsError } from '../errors.js';

/** Options of {@link parseSubscriptionChanged}. */
export interface ParseOptions {
  /**
   * The event names the skill knows (normally the generated catalog). Names outside it are still
   * kept in `eventNames` and also listed in `unknownEventNames`; without this option none are
   * reported as unknown.
   */
  readonly knownEventNames?: readonly string[];
  /** The clock, in epoch ms, that a request's timestamp is checked against. Default `Date.now()`. */
  readonly now?: number;
  /**
   * How far in the future a request's timestamp may be (clock skew between Alexa and this server).
   * Default 5 minutes. Beyond it the request is refused: applied, it would make every later real
   * request look stale and freeze the user's subscriptions.
   */
  readonly maxFutureSkewMs?: number;
}

/** Default bound on a request's timestamp lying in the future. */
export const DEFAULT_MAX_FUTURE_SKEW_MS = 5 * 60 * 1000;
/** Most event names one request may carry: Amazon has a handful of schemas, not thousands. */
export const MAX_EVENT_NAMES = 100;
/** Longest event name accepted (Amazon's are like `AMAZON.MessageAlert.Activated`). */
export const MAX_EVENT_NAME_LENGTH = 200;

/** Thrown by {@link assertSubscriptionChanged}; `issues` holds every problem found. */
export class InvalidSubscriptionChangeError extends ProactiveEventsError {
  constructor(readonly issues: readonly Issue[]) {
    super(
      `Invalid ${SUBSCRIPTION_CHANGED_REQUEST_TYPE} request:\n${formatIssues(issues)
        .map((line) => `  ${line}`)
        .join('\n')}`,
    );
    this.name = 'InvalidSubscriptionChangeError';
  }
}

/** One line per issue: `path (code): message`, the root shown as `/`. */
export function formatIssues(issues: readonly Issue[]): string[] {
  return issues.map((issue) => `${issue.path || '/'} (${issue.code}): ${issue.message}`);
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

/** JSON pointer (RFC 6901) of a path, escaping `~` and `/` in keys. */
function pointer(segments: readonly (string | number)[]): string {
  return segments
    .map((segment) => `/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`)
    .join('');
}

/** How many issues a result lists; one more issue counts the rest (a megabyte of bad entries is one mistake). */
const maxIssues = 1000;

/** Collects issues while walking; the helpers return undefined when the value is unusable. */
class Walker {
  private readonly listed: Issue[] = [];
  private unlisted = 0;

  /** The issues, with one saying how many more were found but not listed. */
  get issues(): Issue[] {
    if (this.unlisted === 0) return this.listed;
    const message = `${this.unlisted} more issue${this.unlisted === 1 ? ' is' : 's are'} not listed; fix the ones above first.`;
    return [...this.listed, { path: '', code: this.listed[maxIssues - 1]!.code, message }];
  }

  get found(): number {
    return this.listed.length + this.unlisted;
  }

  /** True while issues are still listed (not only counted). */
  get listing(): boolean {
    return this.listed.length < maxIssues;
  }

  /** Counts an issue past the listed ones. */
  count(): void {
    this.unlisted++;
  }

  report(path: readonly (string | number)[], code: IssueCode, message: string): void {
    this.problem(path, code, () => message);
  }

  /** Reports an issue; its message is composed only while issues are still listed. */
  problem(path: readonly (string | number)[], code: IssueCode, message: () => string): void {
    if (this.listed.length < maxIssues)
      this.listed.push({ path: pointer(path), code, message: message() });
    else this.unlisted++;
  }

  /** An object at `path` inside `parent`; reports and returns undefined otherwise. */
  object(parent: Json, path: readonly (string | number)[]): Json | undefined {
    const key = path[path.length - 1] as string;
    const value = parent[key];
    if (value === undefined) {
      this.problem(path, 'required', () => `${pointer(path)} is required`);
      return undefined;
    }
    if (!isObject(value)) {
      this.problem(
        path,
        'type',
        () => `${pointer(path)} must be an object, not ${typeName(value)}`,
      );
      return undefined;
    }
    return value;
  }

  /** A non-empty string at `path` inside `parent` (or undefined, reported). */
  string(parent: Json | undefined, path: readonly (string | number)[]): string | undefined {
    if (parent === undefined) return undefined;
    const key = path[path.length - 1] as string;
    const value = parent[key];
    if (value === undefined) {
      this.problem(path, 'required', () => `${pointer(path)} is required`);
      return undefined;
    }
    if (typeof value !== 'string') {
      this.problem(path, 'type', () => `${pointer(path)} must be a string, not ${typeName(value)}`);
      return undefined;
    }
    if (value.length === 0) {
      this.problem(path, 'length', () => `${pointer(path)} must not be empty`);
      return undefined;
    }
    return value;
  }
}

/** Walks `request.body.subscriptions`, absent or null parts meaning "no subscriptions". */
function readEventNames(walker: Walker, request: Json): string[] | undefined {
  const body = request['body'];
  if (body === undefined || body === null) return [];
  if (!isObject(body)) {
    walker.report(
      ['request', 'body'],
      'type',
      `/request/body must be an object, not ${typeName(body)}`,
    );
    return undefined;
  }
  const list = body['subscriptions'];
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) {
    walker.report(
      ['request', 'body', 'subscriptions'],
      'type',
      `/request/body/subscriptions must be an array, not ${typeName(list)}`,
    );
    return undefined;
  }
  if (list.length > MAX_EVENT_NAMES) {
    walker.report(
      ['request', 'body', 'subscriptions'],
      'items',
      `/request/body/subscriptions has ${list.length} entries; at most ${MAX_EVENT_NAMES} are accepted`,
    );
    return undefined;
  }
  const names: string[] = [];
  let valid = true;
  list.forEach((entry: unknown, index) => {
    const name = isObject(entry) ? entry['eventName'] : undefined;
    if (typeof name === 'string' && name.length > 0 && name.length <= MAX_EVENT_NAME_LENGTH) {
      names.push(name);
      return;
    }
    valid = false;
    // Past the listed issues a bad entry is only counted: no pointer, no message.
    if (!walker.listing) return walker.count();
    const path = ['request', 'body', 'subscriptions', index];
    if (!isObject(entry)) {
      walker.problem(
        path,
        'type',
        () => `${pointer(path)} must be an object, not ${typeName(entry)}`,
      );
    } else if (typeof name === 'string' && name.length > MAX_EVENT_NAME_LENGTH) {
      walker.problem(
        [...path, 'eventName'],
        'length',
        () =>
          `${pointer([...path, 'eventName'])} is ${name.length} characters long; at most ${MAX_EVENT_NAME_LENGTH} are accepted`,
      );
    } else walker.string(entry, [...path, 'eventName']);
  });
  return valid ? names : undefined;
}

function parseUnsafe(input: unknown, options: ParseOptions): ParseResult {
  const walker = new Walker();
  if (!isObject(input)) {
    walker.report([], 'type', `the request must be a JSON object, not ${typeName(input)}`);
    return { ok: false, issues: walker.issues };
  }
  const request = walker.object(input, ['request']);
  let requestId: string | undefined;
  let timestamp: string | undefined;
  let time: number | undefined;
  let locale: string | undefined;
  let eventNames: string[] | undefined;
  if (request) {
    const type = request['type'];
    if (type === undefined) {
      walker.report(['request', 'type'], 'required', '/request/type is required');
    } else if (typeof type !== 'string') {
      walker.report(
        ['request', 'type'],
        'type',
        `/request/type must be a string, not ${typeName(type)}`,
      );
    } else if (type !== SUBSCRIPTION_CHANGED_REQUEST_TYPE) {
      walker.report(
        ['request', 'type'],
        'enum',
        `/request/type is "${type}"; expected "${SUBSCRIPTION_CHANGED_REQUEST_TYPE}"`,
      );
    }
    requestId = walker.string(request, ['request', 'requestId']);
    timestamp = walker.string(request, ['request', 'timestamp']);
    if (timestamp !== undefined) {
      const parsed = parseTimestamp(timestamp);
      const now = options.now ?? Date.now();
      const skew = options.maxFutureSkewMs ?? DEFAULT_MAX_FUTURE_SKEW_MS;
      if (parsed.ok && parsed.time > now + skew) {
        walker.report(
          ['request', 'timestamp'],
          'expiry-window',
          `/request/timestamp ${timestamp} is ${Math.round((parsed.time - now) / 1000)} s in the future; at most ${Math.round(skew / 1000)} s of clock skew is accepted`,
        );
      } else if (parsed.ok) time = parsed.time;
      else
        walker.report(['request', 'timestamp'], 'format', `/request/timestamp: ${parsed.message}`);
    }
    // The locale is informational: a wrong type is reported, an odd value is not worth a rejection.
    const rawLocale = request['locale'];
    if (typeof rawLocale === 'string') locale = rawLocale;
    else if (rawLocale !== undefined && rawLocale !== null) {
      walker.report(
        ['request', 'locale'],
        'type',
        `/request/locale must be a string, not ${typeName(rawLocale)}`,
      );
    }
    eventNames = readEventNames(walker, request);
  }
  const context = walker.object(input, ['context']);
  const system = context && walker.object(context, ['context', 'System']);
  const user = system && walker.object(system, ['context', 'System', 'user']);
  const userId = walker.string(user, ['context', 'System', 'user', 'userId']);
  const application = system && walker.object(system, ['context', 'System', 'application']);
  const applicationId = walker.string(application, [
    'context',
    'System',
    'application',
    'applicationId',
  ]);

  if (
    walker.found > 0 ||
    requestId === undefined ||
    timestamp === undefined ||
    time === undefined ||
    eventNames === undefined ||
    userId === undefined ||
    applicationId === undefined
  ) {
    return { ok: false, issues: walker.issues };
  }
  const sorted = sortedUnique(eventNames);
  const known = options.knownEventNames ? new Set(options.knownEventNames) : undefined;
  const value: SubscriptionChange = {
    userId,
    applicationId,
    requestId,
    timestamp,
    time,
    ...(locale === undefined ? {} : { locale }),
    eventNames: sorted,
    unknownEventNames: known ? sorted.filter((name) => !known.has(name)) : [],
  };
  return { ok: true, value };
}

/**
 * Validates a whole `AlexaSkillEvent.ProactiveSubscriptionChanged` request envelope (the parsed
 * JSON object) and reduces it to a {@link SubscriptionChange}. Reports every problem; never
 * throws, whatever the input (even objects whose getters throw).
 */
export function parseSubscriptionChanged(
  request: unknown,
  options: ParseOptions = {},
): ParseResult {
  try {
    return parseUnsafe(request, options);
  } catch (error) {
    let reason: string;
    try {
      reason = error instanceof Error ? String(error.message) : String(error);
    } catch {
      reason = 'a value without a string form was thrown'; // never throw, even on what String() refuses
    }
    return {
      ok: false,
      issues: [{ path: '', code: 'type', message: `the request could not be read: ${reason}` }],
    };
  }
}

/** Like {@link parseSubscriptionChanged} but returns the change or throws {@link InvalidSubscriptionChangeError}. */
export function assertSubscriptionChanged(
  request: unknown,
  options: ParseOptions = {},
): SubscriptionChange {
  const result = parseSubscriptionChanged(request, options);
  if (!result.ok) throw new InvalidSubscriptionChangeError(result.issues);
  return result.value;
}
