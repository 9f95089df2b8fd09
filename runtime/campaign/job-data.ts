/**
 * What a job holds. A batch event is stored whole; a fan-out job holds only its user, and the
 * event is the campaign's template addressed to that user, so a million jobs do not hold a
 * million copies of the same event.
 */
import { audienceOf, referenceIdOf } from '../client/event-info.js';
import { ProactiveEventsError } from '../errors.js';

export type CampaignJobData = { readonly event: object } | { readonly user: string };

/** The event a job sends. */
export function eventOfJob(data: CampaignJobData, template: object | undefined): object {
  if ('event' in data) return data.event;
  if (template === undefined)
    throw new ProactiveEventsError('fan-out job without a campaign template');
  return addressTo(template, data.user);
}

/** The template as a Unicast event for `user` (the template's own audience is replaced). */
export function addressTo(template: object, user: string): object {
  return { ...template, relevantAudience: { type: 'Unicast', payload: { user } } };
}

/** The referenceId and Unicast user that name an event's job ('' for Multicast). */
export function recipientOf(event: object): { referenceId: string; user: string } {
  const referenceId = referenceIdOf(event) ?? '';
  const user =
    audienceOf(event) === 'Unicast'
      ? String(
          (event as { relevantAudience?: { payload?: { user?: unknown } } }).relevantAudience
            ?.payload?.user ?? '',
        )
      : '';
  return { referenceId, user };
}

/** The event name a template fans out to, or undefined when it names none. */
export function eventNameOf(template: object): string | undefined {
  const name = (template as { event?: { name?: unknown } }).event?.name;
  return typeof name === 'string' ? name : undefined;
}
