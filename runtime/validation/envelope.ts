import { asObject, hasExactly, isOwnKey, keysOf, missing, read } from './access.js';
import { closed } from './checks.js';
import type { Collector } from './collector.js';
import { describeDuration, describeValue, listWords } from './describe.js';
import { parseDateTime } from './date-time.js';
import { childPointer } from './pointer.js';

/**
 * The envelope's cross-field rules (DECISIONS.md, "Envelope"), parameterised by the facts of
 * definitions/envelope.yaml, which the generated validator passes in.
 */

export interface ExpiryWindow {
  readonly minMinutes: number;
  readonly maxMinutes: number;
  readonly futureTimestampToleranceMinutes: number;
}

/** The expiry window is counted in minutes (envelope.yaml); one, in milliseconds. */
export const minuteMs = 60_000;

/** The instant of a `now` option, or undefined when there is no usable clock. */
export function clockOf(now: Date | number | undefined): number | undefined {
  if (now === undefined) return undefined;
  const instant = typeof now === 'number' ? now : now instanceof Date ? now.getTime() : NaN;
  return Number.isFinite(instant) ? instant : undefined;
}

/**
 * The digits of a date-time's fraction beyond the millisecond, trailing zeros dropped: `"25"`
 * for `…:00.12325Z`. Compared as text they order like the fractions they are.
 */
function subMillisecond(text: string): string {
  if (text.charCodeAt(19) !== 46 /* . */) return '';
  let end = 20;
  while (end < text.length && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end++;
  let digits = text.slice(Math.min(23, end), end);
  while (digits.endsWith('0')) digits = digits.slice(0, -1);
  return digits;
}

/**
 * Where expiryTime − timestamp lies against [min, max] milliseconds, exactly (sub-millisecond
 * fractions included): -1 below, 1 above, 0 inside; NaN when either is no date-time.
 * The date-times come parsed (their instants) with their texts.
 */
export function compareParsedWindow(
  timestamp: string,
  timestampMs: number,
  expiryTime: string,
  expiryTimeMs: number,
  min: number,
  max: number,
): number {
  const whole = expiryTimeMs - timestampMs;
  if (whole !== whole) return NaN;
  if (whole > min && whole < max) return 0; // strictly inside: the fractions cannot matter
  // The distance is whole + (fraction of expiryTime − fraction of timestamp), both in [0, 1).
  const expiryFraction = subMillisecond(expiryTime);
  const timestampFraction = subMillisecond(timestamp);
  const fraction =
    expiryFraction === timestampFraction ? 0 : expiryFraction < timestampFraction ? -1 : 1;
  if (whole < min || (whole === min && fraction < 0)) return -1;
  if (whole > max || (whole === max && fraction > 0)) return 1;
  return 0;
}

/** timestamp + min ≤ expiryTime ≤ timestamp + max; with a clock, not expiring within min, and no future timestamp. */
export function checkExpiry(
  collector: Collector,
  timestampText: string,
  expiryTimeText: string,
  now: number | undefined,
  window: ExpiryWindow,
): void {
  checkParsedExpiry(
    collector,
    timestampText,
    parseDateTime(timestampText),
    expiryTimeText,
    parseDateTime(expiryTimeText),
    now,
    window,
  );
}

/** checkExpiry of date-times parsed already (their instants beside their texts). */
export function checkParsedExpiry(
  collector: Collector,
  timestampText: string,
  timestamp: number,
  expiryTimeText: string,
  expiryTime: number,
  now: number | undefined,
  window: ExpiryWindow,
): void {
  const min = window.minMinutes * minuteMs;
  const max = window.maxMinutes * minuteMs;
  if (timestamp !== timestamp || expiryTime !== expiryTime) return;
  const distance = expiryTime - timestamp;
  const position = compareParsedWindow(
    timestampText,
    timestamp,
    expiryTimeText,
    expiryTime,
    min,
    max,
  );
  if (position !== 0) {
    const span = `between ${describeDuration(min)} and ${describeDuration(max)} after timestamp`;
    const actual =
      distance === min || distance === max
        ? // Off by less than a millisecond: the fraction beyond it decides.
          `${position < 0 ? 'less' : 'more'} than ${describeDuration(distance)} after timestamp, by a fraction of a millisecond`
        : distance < 0
          ? `${describeDuration(distance)} before timestamp`
          : distance === 0
            ? 'equal to timestamp'
            : `${describeDuration(distance)} after timestamp`;
    collector.error('/expiryTime', 'expiry-window', `expiryTime is ${actual}; set it ${span}.`, {
      minMinutes: window.minMinutes,
      maxMinutes: window.maxMinutes,
    });
  }
  if (now === undefined) return;
  if (expiryTime < now + min) {
    const left = expiryTime - now;
    collector.error(
      '/expiryTime',
      'expired',
      left <= 0
        ? `expiryTime is ${describeDuration(left)} in the past; the event has expired, so send it with a later expiryTime.`
        : `expiryTime is only ${describeDuration(left)} from now; give the event at least ${describeDuration(min)} before it expires.`,
      { minMinutes: window.minMinutes },
    );
  }
  const ahead = timestamp - now;
  if (ahead > window.futureTimestampToleranceMinutes * minuteMs) {
    collector.warn(
      '/timestamp',
      'expiry-window',
      `timestamp is ${describeDuration(ahead)} in the future; set it to when the event happened.`,
    );
  }
}

/** `event.name` is not one of the known schemas. */
export function unknownEvent(
  collector: Collector,
  name: string,
  path: string,
  known: readonly string[],
): void {
  const suggestion = collector.suggest(name, known);
  collector.error(
    path,
    'unknown-event',
    suggestion
      ? `${describeValue(name)} is not a known event name; did you mean ${suggestion}? (known: ${known.join(', ')})`
      : `${describeValue(name)} is not a known event name; use one of ${listWords(known)}.`,
    known,
    name,
  );
}

const unicast = 'Unicast';
const multicast = 'Multicast';

/** relevantAudience: Unicast with a user, or Multicast with an empty payload. */
export function checkAudience(
  collector: Collector,
  value: unknown,
  path: string,
  userPrefix: string,
): void {
  const audience = asObject(collector, value, path);
  if (!audience) return;
  closed(collector, audience, path, audienceKeys);
  const type = read(collector, audience, 'type', path);
  const typePath = childPointer(path, 'type');
  if (type === undefined) missing(collector, type, path, 'type', `"${unicast}" or "${multicast}"`);
  else if (typeof type !== 'string')
    collector.typeError(typePath, `"${unicast}" or "${multicast}"`, type);
  else if (type !== unicast && type !== multicast) {
    const suggestion = collector.suggest(type, [unicast, multicast]);
    collector.error(
      typePath,
      'enum',
      `${describeValue(type)} is not one of ${unicast} or ${multicast}${suggestion ? `; did you mean ${suggestion}?` : '.'}`,
      [unicast, multicast],
      type,
    );
  }
  const payload = read(collector, audience, 'payload', path);
  const payloadPath = childPointer(path, 'payload');
  if (payload === undefined) {
    missing(
      collector,
      payload,
      path,
      'payload',
      type === multicast ? 'an empty object {}' : 'an object',
    );
    return;
  }
  const object = asObject(collector, payload, payloadPath);
  if (!object) return;
  if (type === multicast) {
    const keys = keysOf(collector, object, payloadPath);
    if (keys && keys.length > 0) {
      collector.error(
        payloadPath,
        'audience',
        `A Multicast audience's payload must be empty ({}); remove ${listWords(keys.slice(0, 5).map((key) => describeValue(key)))}${keys.length > 5 ? ` and ${keys.length - 5} more` : ''}.`,
        {},
      );
    }
    return;
  }
  if (type !== unicast) return;
  closed(collector, object, payloadPath, userKeys);
  const user = read(collector, object, 'user', payloadPath);
  const userPath = childPointer(payloadPath, 'user');
  if (user === undefined)
    missing(collector, user, payloadPath, 'user', 'the userId of the recipient');
  else if (typeof user !== 'string') collector.typeError(userPath, 'a userId string', user);
  else if (user.length === 0) {
    collector.error(
      userPath,
      'length',
      'The userId is empty; use context.System.user.userId of the recipient.',
      { minLength: 1 },
      user,
    );
  } else warnOfUser(collector, user, userPath, userPrefix);
}

/** checkAudience of an audience isAudience vouched for: only the userId's warning is left. */
export function checkValidAudience(
  collector: Collector,
  audience: unknown,
  path: string,
  userPrefix: string,
): void {
  const user = (audience as { payload: { user?: string } }).payload.user;
  if (user !== undefined) warnOfUser(collector, user, `${path}/payload/user`, userPrefix);
}

/** A warning for a userId that does not start as userIds do. */
function warnOfUser(collector: Collector, user: string, path: string, userPrefix: string): void {
  if (user.startsWith(userPrefix)) return;
  collector.warn(
    path,
    'audience',
    `${describeValue(user)} does not look like a userId (they start with ${userPrefix}); use context.System.user.userId.`,
    userPrefix,
    user,
  );
}

const audienceKeys: ReadonlySet<string> = new Set(['type', 'payload']);
const userKeys: ReadonlySet<string> = new Set(['user']);

/** The boolean twin of checkAudience (errors only): keys are own enumerable ones, as JSON sends them. */
export function isAudience(value: unknown): boolean {
  if (!hasExactly(value, 'type', 'payload')) return false;
  const payload = value.payload;
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return false;
  const record = payload as Record<string, unknown>;
  let hasUser = false;
  for (const key in record) {
    if (!isOwnKey(record, key)) continue;
    if (key === 'user') hasUser = true;
    else return false;
  }
  const type = value.type;
  if (type === multicast) return !hasUser;
  const user = hasUser ? record.user : undefined;
  return type === unicast && typeof user === 'string' && user.length > 0;
}
