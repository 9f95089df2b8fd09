import { localizePayload, type LocalizedText } from './localize.js';

/** Who receives the event: a user id (Unicast), 'Multicast', or a complete relevantAudience. */
export type AudienceInput =
  | { readonly user: string }
  | 'Multicast'
  | { readonly type: 'Unicast'; readonly payload: { readonly user: string } }
  | { readonly type: 'Multicast'; readonly payload: Record<string, never> };

/** A duration: seconds as a number, or a string such as '90s', '30m' or '2h'. */
export type DurationInput = number | `${number}${'s' | 'm' | 'h'}`;

/** What a builder takes; everything but the payload and the audience has a default. */
export interface EventInput<Payload> {
  /** The payload; localizable fields take one string or one per locale (`{ 'en-US': …, 'de-DE': … }`). */
  readonly payload: Payload;
  readonly audience: AudienceInput;
  /** How long after `timestamp` the notification expires; default one hour, kept within Amazon's window. */
  readonly expiresIn?: DurationInput;
  /** When the event happened; default now. */
  readonly timestamp?: Date | string | number;
  /** Your id for the event; default a fresh one of 32 alphanumerics. */
  readonly referenceId?: string;
  /** The clock, for tests and replays; default the current time. */
  readonly now?: Date | number;
}

export interface BuiltEvent {
  timestamp: string;
  referenceId: string;
  expiryTime: string;
  event: { name: string; payload: unknown };
  localizedAttributes: Record<string, string>[];
  relevantAudience:
    | { type: 'Unicast'; payload: { user: string } }
    | { type: 'Multicast'; payload: Record<string, never> };
}

/** The envelope facts the builders follow, emitted from definitions/envelope.yaml. */
export interface BuilderRules {
  readonly referencePrefix: string;
  readonly expiryWindow: {
    readonly minMinutes: number;
    readonly maxMinutes: number;
    readonly defaultMinutes: number;
  };
}

export interface BuildSpec {
  readonly name: string;
  /** Paths of the schema's localizable fields. */
  readonly localizable: readonly (readonly string[])[];
  readonly rules: BuilderRules;
}

const minute = 60_000;

/** Builds the envelope around a payload. The generated builders validate what this returns. */
export function buildEvent(spec: BuildSpec, input: EventInput<unknown>): BuiltEvent {
  const now = input.now === undefined ? Date.now() : +input.now;
  const timestamp = input.timestamp === undefined ? now : toTime(input.timestamp, 'timestamp');
  const { minMinutes, maxMinutes, defaultMinutes } = spec.rules.expiryWindow;
  const requested =
    input.expiresIn === undefined ? defaultMinutes * minute : durationMs(input.expiresIn);
  const expiresIn = Math.min(Math.max(requested, minMinutes * minute), maxMinutes * minute);
  const { payload, localizedAttributes } = localizePayload(
    input.payload,
    spec.localizable,
    spec.rules.referencePrefix,
  );
  return {
    timestamp: new Date(timestamp).toISOString(),
    referenceId: input.referenceId ?? newReferenceId(),
    expiryTime: new Date(timestamp + expiresIn).toISOString(),
    event: { name: spec.name, payload },
    localizedAttributes,
    relevantAudience: audienceOf(input.audience),
  };
}

/**
 * 32 alphanumerics: Amazon documents only A–Z, a–z, 0–9 and ~ for referenceId. The Web Crypto
 * global (Node 19 and later) loads on first use; a static import of node:crypto added about 4 ms
 * to the cold start of every skill importing the package, even one that never generates an id.
 */
export function newReferenceId(): string {
  return globalThis.crypto.randomUUID().replace(/-/g, '');
}

function audienceOf(audience: AudienceInput): BuiltEvent['relevantAudience'] {
  if (audience === 'Multicast') return { type: 'Multicast', payload: {} };
  if ('user' in audience) return { type: 'Unicast', payload: { user: audience.user } };
  return audience.type === 'Multicast'
    ? { type: 'Multicast', payload: {} }
    : { type: 'Unicast', payload: { user: audience.payload.user } };
}

function toTime(value: Date | string | number, what: string): number {
  const time =
    value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(time)) throw new RangeError(`${what} is not a valid date: ${String(value)}`);
  return time;
}

function durationMs(duration: DurationInput): number {
  if (typeof duration === 'number') {
    if (!Number.isFinite(duration) || duration < 0)
      throw new RangeError(`expiresIn must be a number of seconds ≥ 0, not ${duration}`);
    return duration * 1000;
  }
  const match = /^(\d+(?:\.\d+)?)(s|m|h)$/.exec(duration);
  if (!match)
    throw new RangeError(
      `expiresIn must look like 90s, 30m or 2h, not ${JSON.stringify(duration)}`,
    );
  return Number(match[1]) * { s: 1000, m: minute, h: 60 * minute }[match[2] as 's' | 'm' | 'h'];
}

/** A localizable field as builders take it: one string for every locale, or one per locale. */
export type LocalizableString = string | LocalizedText;
