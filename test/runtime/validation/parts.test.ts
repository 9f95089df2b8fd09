import { describe, expect, it } from 'vitest';
import { validateProactiveEvent } from '../../../generated/validate.js';
import { gameInvite, variant } from './fixtures.js';

/**
 * The full path skips what the boolean path vouched for (the parts before the first broken one,
 * and an audience isAudience accepts) but still reports their clock and warnings, in order.
 */
const issuesOf = (value: unknown, now?: number) => {
  const result = validateProactiveEvent(value, now === undefined ? undefined : { now });
  return [...result.errors, ...result.warnings].map((issue) => `${issue.path} ${issue.code}`);
};

const strangeUser = (copy: { relevantAudience: { payload: { user: string } } }) => {
  copy.relevantAudience.payload.user = 'someone';
};

describe('the full path after the boolean path broke', () => {
  it('keeps the clock of a valid envelope and the warning of a valid audience when the payload breaks', () => {
    const event = variant(gameInvite, (copy) => {
      copy.event.payload.game.offer = 'CHESS';
      strangeUser(copy);
    });
    expect(issuesOf(event, Date.parse('2019-02-13T15:58:00Z'))).toEqual([
      '/expiryTime expired',
      '/event/payload/game/offer enum',
      '/relevantAudience/payload/user audience',
    ]);
  });

  it('names where a reference is made when the attributes break after a valid payload', () => {
    const event = variant(gameInvite, (copy) => {
      copy.localizedAttributes = [{ locale: 'en-US' }];
    });
    expect(validateProactiveEvent(event).errors.map((issue) => issue.message)).toEqual([
      'The en-US entry has no "gameName", which /event/payload/game/name refers to; add it.',
    ]);
  });

  it('warns of unused attributes when only the audience breaks', () => {
    const event = variant(gameInvite, (copy) => {
      copy.localizedAttributes[0].unused = 'x';
      copy.relevantAudience.type = 'Broadcast';
    });
    expect(issuesOf(event)).toEqual([
      '/relevantAudience/type enum',
      '/localizedAttributes/0/unused localized-unused',
    ]);
  });

  it('checks everything when the envelope breaks, the audience warning included', () => {
    const event = variant(gameInvite, (copy) => {
      copy.referenceId = 'no spaces allowed';
      copy.event.payload.game.offer = 'CHESS';
      strangeUser(copy);
    });
    expect(issuesOf(event)).toEqual([
      '/referenceId pattern',
      '/event/payload/game/offer enum',
      '/relevantAudience/payload/user audience',
    ]);
  });
});
