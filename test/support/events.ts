/**
 * Events and a stand-in validator for the client tests. The real validator is generated code the
 * integrator wires in; these tests only need one that rejects what they mark as invalid.
 */
import type { EventValidator, Issue } from '../../runtime/client/types.js';

export const USER = 'amzn1.ask.account.TESTUSER';

export function weatherEvent(
  referenceId: string,
  options: { audience?: 'Unicast' | 'Multicast'; now?: number } = {},
): Record<string, unknown> {
  const now = options.now ?? Date.now();
  const audience = options.audience ?? 'Unicast';
  return {
    timestamp: new Date(now).toISOString(),
    referenceId,
    expiryTime: new Date(now + 60 * 60 * 1000).toISOString(),
    event: {
      name: 'AMAZON.WeatherAlert.Activated',
      payload: { weatherAlert: { source: 'localizedattribute:source', alertType: 'TORNADO' } },
    },
    localizedAttributes: [{ locale: 'en-US', source: 'Example Weather Corp' }],
    relevantAudience:
      audience === 'Unicast'
        ? { type: 'Unicast', payload: { user: USER } }
        : { type: 'Multicast', payload: {} },
  };
}

/** Envelope checks only: enough to prove the client never sends what its validator rejects. */
export const testValidator: EventValidator = (event) => {
  const errors: Issue[] = [];
  if (event === null || typeof event !== 'object' || Array.isArray(event)) {
    return {
      valid: false,
      errors: [{ path: '', code: 'type', message: 'must be an object' }],
      warnings: [],
    };
  }
  const e = event as Record<string, unknown>;
  if (typeof e.referenceId !== 'string' || !/^[A-Za-z0-9~-]{1,100}$/.test(e.referenceId)) {
    errors.push({
      path: '/referenceId',
      code: 'pattern',
      message: 'must be 1–100 of A–Z a–z 0–9 ~ -',
    });
  }
  const audience = e.relevantAudience as { type?: unknown } | undefined;
  if (audience?.type !== 'Unicast' && audience?.type !== 'Multicast') {
    errors.push({
      path: '/relevantAudience/type',
      code: 'enum',
      message: 'must be Unicast or Multicast',
    });
  }
  return { valid: errors.length === 0, errors, warnings: [] };
};
