/**
 * Event checks: what the validator says against the clock, expiry, a future timestamp, whether the
 * localized texts cover the locales the skill's users speak, and what the audience type implies.
 * The rules and their thresholds come from the validator the caller passes in (the generated one in
 * the CLI), so the doctor never disagrees with `validate` or with the client.
 */
import type { EventValidator, Issue } from '../client/types.js';
import { formatIssue } from '../validation/issues.js';
import type { EventFacts } from './event-facts.js';
import { check, type Check } from './report.js';
import { describeDuration, isoTime, plural as count } from './time.js';

/** What the locale check needs of a schema (the generated catalog's entries fit). */
export interface SchemaLocales {
  readonly name: string;
  readonly locales: readonly string[];
}

export interface EventCheckInput {
  readonly event: unknown;
  readonly facts: EventFacts;
  readonly validate: EventValidator;
  readonly now: number;
  readonly schemas: readonly SchemaLocales[];
  /** The locales the skill serves (from the manifest), when known. */
  readonly skillLocales: readonly string[] | undefined;
  /** The user the caller asks about, when named apart from the event. */
  readonly userId?: string;
}

/** Validator issues the expiry and timestamp checks report themselves. */
const ownedByExpiry = (issue: Issue) => issue.code === 'expired';
const ownedByTimestamp = (issue: Issue) =>
  issue.code === 'expiry-window' && issue.path === '/timestamp';

const MAX_DETAILS = 12;

/** The event's checks, and whether the validator found no error (only a valid event is sent). */
export function eventChecks(input: EventCheckInput): { checks: Check[]; valid: boolean } {
  const result = input.validate(input.event, { now: input.now });
  return {
    checks: [
      validationCheck(result.errors, result.warnings),
      expiryCheck(input.facts, input.now, result.errors.find(ownedByExpiry)),
      timestampCheck(input.facts, input.now, result.warnings.find(ownedByTimestamp)),
      localeCheck(input),
      audienceCheck(input.facts, input.userId),
    ],
    valid: result.errors.length === 0,
  };
}

function validationCheck(allErrors: readonly Issue[], allWarnings: readonly Issue[]): Check {
  const errors = allErrors.filter((issue) => !ownedByExpiry(issue));
  const warnings = allWarnings.filter((issue) => !ownedByTimestamp(issue));
  const details = [...errors, ...warnings].map((issue) =>
    errors.includes(issue) ? formatIssue(issue) : `warning: ${formatIssue(issue)}`,
  );
  const shown =
    details.length > MAX_DETAILS
      ? [...details.slice(0, MAX_DETAILS), `… and ${details.length - MAX_DETAILS} more`]
      : details;
  if (errors.length > 0) {
    return check(
      'event',
      'validation',
      'validation',
      'fail',
      `The event has ${count(errors.length, 'error')} Amazon refuses with a 400 (or accepts and never delivers).`,
      'Fix the listed errors (`proactive-events validate FILE` lists them with their pointers), or build the event with the generated builders.',
      shown,
    );
  }
  if (warnings.length > 0) {
    return check(
      'event',
      'validation',
      'validation',
      'warn',
      `The event is valid, with ${count(warnings.length, 'warning')} about likely mistakes.`,
      'Read the warnings below; each says what to change.',
      shown,
    );
  }
  return check('event', 'validation', 'validation', 'ok', 'The event is valid.', null);
}

function expiryCheck(facts: EventFacts, now: number, expired: Issue | undefined): Check {
  const title = 'expiry';
  if (Number.isNaN(facts.expiryTime)) {
    return check(
      'event',
      'expiry',
      title,
      'skipped',
      'expiryTime is missing or not an ISO 8601 date-time, so its distance from now is unknown.',
      'Fix expiryTime first (see the validation check).',
    );
  }
  const left = facts.expiryTime - now;
  const at = isoTime(facts.expiryTime);
  if (expired !== undefined) {
    const minMinutes = (expired.expected as { minMinutes?: unknown } | undefined)?.minMinutes;
    const minimum =
      typeof minMinutes === 'number' ? describeDuration(minMinutes * 60_000) : undefined;
    return check(
      'event',
      'expiry',
      title,
      'fail',
      left <= 0
        ? `The event expired ${describeDuration(left)} ago (expiryTime ${at}); Amazon does not deliver expired events.`
        : `The event expires in ${describeDuration(left)} (expiryTime ${at})${minimum === undefined ? '' : `, less than the ${minimum} Amazon requires`}.`,
      'Build the event again with a fresh timestamp and a longer expiresIn (the builders default to one hour).',
    );
  }
  return check(
    'event',
    'expiry',
    title,
    'ok',
    `The event expires in ${describeDuration(left)} (expiryTime ${at}).`,
    null,
  );
}

function timestampCheck(facts: EventFacts, now: number, future: Issue | undefined): Check {
  if (Number.isNaN(facts.timestamp)) {
    return check(
      'event',
      'timestamp',
      'timestamp',
      'skipped',
      'timestamp is missing or not an ISO 8601 date-time, so it cannot be compared with the clock.',
      'Fix timestamp first (see the validation check).',
    );
  }
  const at = isoTime(facts.timestamp);
  if (future !== undefined) {
    return check(
      'event',
      'timestamp',
      'timestamp',
      'warn',
      `timestamp ${at} is ${describeDuration(facts.timestamp - now)} in the future of this clock (${isoTime(now)}).`,
      "Set timestamp to when the event happened (the builders default to now), and check the sending machine's clock and time zone.",
    );
  }
  const ago = now - facts.timestamp;
  return check(
    'event',
    'timestamp',
    'timestamp',
    'ok',
    ago >= 0
      ? `timestamp ${at} is ${describeDuration(ago)} ago.`
      : `timestamp ${at} is ${describeDuration(ago)} ahead, within the clock skew allowed.`,
    null,
  );
}

function localeCheck(input: EventCheckInput): Check {
  const { facts, skillLocales } = input;
  const title = 'locales';
  if (skillLocales === undefined || skillLocales.length === 0) {
    return check(
      'event',
      'locales',
      title,
      'skipped',
      "The skill's locales are unknown, so they cannot be compared with the event's texts.",
      'Pass --manifest with a manifest whose publishingInformation.locales lists the locales the skill serves.',
    );
  }
  const schema = input.schemas.find((candidate) => candidate.name === facts.name);
  const unsupported =
    schema === undefined ? [] : skillLocales.filter((locale) => !schema.locales.includes(locale));
  const untranslated =
    facts.locales.length === 0
      ? []
      : skillLocales.filter((locale) => !facts.locales.includes(locale));
  const details = [
    ...untranslated.map((locale) => `${locale}: no localizedAttributes entry`),
    ...unsupported.map((locale) => `${locale}: not a locale ${facts.name} supports`),
  ];
  if (untranslated.length > 0) {
    return check(
      'event',
      'locales',
      title,
      'warn',
      `The skill serves ${untranslated.join(', ')}, but localizedAttributes has texts only for ${facts.locales.join(', ')}, so users speaking ${untranslated.length === 1 ? 'it' : 'them'} may get nothing.`,
      `Add a localizedAttributes entry for ${untranslated.join(', ')} (with the builders, give each localizable field one text per locale).`,
      details,
    );
  }
  if (unsupported.length > 0) {
    return check(
      'event',
      'locales',
      title,
      'warn',
      `The skill serves ${unsupported.join(', ')}, which ${facts.name} does not support, so users speaking ${unsupported.length === 1 ? 'it' : 'them'} may not get this event.`,
      `Expect ${facts.name} to reach only users of ${schema!.locales.join(', ')}, or choose a schema that supports ${unsupported.join(', ')}.`,
      details,
    );
  }
  return check(
    'event',
    'locales',
    title,
    'ok',
    facts.locales.length === 0
      ? `The event's texts are plain strings, the same for every locale the skill serves (${skillLocales.join(', ')}).`
      : `localizedAttributes covers every locale the skill serves (${skillLocales.join(', ')}).`,
    null,
  );
}

function audienceCheck(facts: EventFacts, askedAbout: string | undefined): Check {
  if (facts.audience === 'Multicast') {
    return check(
      'event',
      'audience',
      'audience',
      'warn',
      `A Multicast event reaches only users subscribed to ${facts.name ?? 'the event'} with notifications on, and Amazon answers 202 even when nobody is.`,
      'Check the subscriber count (--store), or send the event Unicast to one user: Amazon then answers 403 when that user is not subscribed.',
    );
  }
  if (
    facts.audience === 'Unicast' &&
    facts.userId !== undefined &&
    askedAbout !== undefined &&
    askedAbout !== facts.userId
  ) {
    return check(
      'event',
      'audience',
      'audience',
      'warn',
      `The event is addressed to ${facts.userId}, not to ${askedAbout}, the user you asked about.`,
      `Set relevantAudience.payload.user to ${askedAbout}, or ask about ${facts.userId}.`,
    );
  }
  if (facts.audience === 'Unicast') {
    return check(
      'event',
      'audience',
      'audience',
      facts.userId === undefined ? 'fail' : 'ok',
      facts.userId === undefined
        ? 'The Unicast event names no user.'
        : `The event is addressed to one user, ${facts.userId}.`,
      facts.userId === undefined
        ? "Set relevantAudience.payload.user to the user's context.System.user.userId."
        : null,
    );
  }
  return check(
    'event',
    'audience',
    'audience',
    'fail',
    'relevantAudience.type is neither Unicast nor Multicast, so Amazon cannot tell whom the event is for.',
    'Set relevantAudience to { type: "Unicast", payload: { user } } or { type: "Multicast", payload: {} }.',
  );
}
