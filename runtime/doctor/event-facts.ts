/**
 * The few envelope fields the checks read, taken defensively: the doctor runs on events that may be
 * invalid, and every check must still say something sensible about them.
 */
import { parseDateTime } from '../validation/date-time.js';

export interface EventFacts {
  readonly name: string | undefined;
  readonly audience: 'Unicast' | 'Multicast' | undefined;
  /** The Unicast user, when the event names one. */
  readonly userId: string | undefined;
  readonly referenceId: string | undefined;
  /** Epoch ms, NaN when missing or not a strict ISO 8601 date-time. */
  readonly timestamp: number;
  readonly expiryTime: number;
  /** The locales of `localizedAttributes`, in the event's order. */
  readonly locales: readonly string[];
}

export function eventFacts(event: unknown): EventFacts {
  const root = asRecord(event);
  const audience = asRecord(root?.relevantAudience);
  const type = audience?.type;
  const user = asRecord(audience?.payload)?.user;
  const attributes = Array.isArray(root?.localizedAttributes) ? root.localizedAttributes : [];
  return {
    name: stringOr(asRecord(root?.event)?.name),
    audience: type === 'Unicast' || type === 'Multicast' ? type : undefined,
    userId: type === 'Unicast' ? stringOr(user) : undefined,
    referenceId: stringOr(root?.referenceId),
    timestamp: dateTime(root?.timestamp),
    expiryTime: dateTime(root?.expiryTime),
    locales: attributes
      .map((entry: unknown) => asRecord(entry)?.locale)
      .filter((locale): locale is string => typeof locale === 'string'),
  };
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function stringOr(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function dateTime(value: unknown): number {
  return typeof value === 'string' ? parseDateTime(value) : NaN;
}
