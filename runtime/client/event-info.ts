/**
 * The two envelope fields the sender reads before (or without) validation: the referenceId, to name
 * an event in results and errors, and the audience type, which changes what a 403 or a 2xx means.
 * Both are read defensively because invalid events get outcomes too.
 */
import type { Audience } from './errors.js';

export function referenceIdOf(event: unknown): string | undefined {
  const id = (event as { referenceId?: unknown } | null | undefined)?.referenceId;
  return typeof id === 'string' ? id : undefined;
}

export function audienceOf(event: unknown): Audience {
  const type = (event as { relevantAudience?: { type?: unknown } } | null | undefined)
    ?.relevantAudience?.type;
  return type === 'Unicast' || type === 'Multicast' ? type : undefined;
}
