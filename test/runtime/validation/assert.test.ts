import { describe, expect, it } from 'vitest';
import {
  assertProactiveEvent,
  ProactiveEventValidationError,
} from '../../../generated/validate.js';
import { gameInvite, variant } from './fixtures.js';

describe('assertProactiveEvent', () => {
  it('returns for a valid event', () => {
    expect(() => assertProactiveEvent(gameInvite)).not.toThrow();
  });

  it('throws the issues, one per line in the message', () => {
    const event = variant(gameInvite, (e) => {
      e.referenceId = 'a b';
      e.event.payload.game.offer = 'GAMES';
      e.relevantAudience.payload.user = 'max';
    });
    let thrown: unknown;
    try {
      assertProactiveEvent(event);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ProactiveEventValidationError);
    const error = thrown as ProactiveEventValidationError;
    expect(error.message).toBe(
      [
        'The proactive event is invalid (2 errors):',
        '/referenceId: "a b" does not match the pattern ^[A-Za-z0-9~-]+$. (pattern)',
        '/event/payload/game/offer: "GAMES" is not one of MATCH, REMATCH or GAME; did you mean GAME? (enum)',
      ].join('\n'),
    );
    expect(error.errors.map((issue) => issue.code)).toEqual(['pattern', 'enum']);
    expect(error.warnings.map((issue) => issue.code)).toEqual(['audience']);
  });

  it('checks the clock when given one', () => {
    expect(() =>
      assertProactiveEvent(gameInvite, { now: Date.parse('2030-01-01T00:00:00Z') }),
    ).toThrow(
      /\/expiryTime: expiryTime is \d+ days in the past; the event has expired, so send it with a later expiryTime\. \(expired\)/,
    );
  });
});
