// The requests each concurrent writer applies: every writer writes every user, with timestamps
// interleaved across writers, so the newest request of a user may come from any writer and the
// writers constantly race on the same user rows.
import type { ApplyOutcome } from '../../../../runtime/subscriptions/types.js';
import { MEDIA, MESSAGE, ORDER, request, TRASH, WEATHER } from '../helpers.js';

export const PLAN = { users: 12, rounds: 120 } as const;
const EVENTS = [ORDER, MESSAGE, WEATHER, TRASH, MEDIA];

export const userIds = Array.from(
  { length: PLAN.users },
  (_, i) => `user-${String(i).padStart(2, '0')}`,
);

/** Events of request number `sequence`: a bit pattern over EVENTS that changes at every step. */
export function eventsFor(sequence: number): string[] {
  return EVENTS.filter((_, bit) => ((sequence * 7 + 3) >> bit) & 1).sort();
}

export interface Planned {
  userId: string;
  sequence: number;
  request: Record<string, unknown>;
}

/** The requests of `writer`, in the order it sends them; sequence numbers order all requests. */
export function* writerRequests(
  writer: number,
  writers: number,
  rounds: number = PLAN.rounds,
): Generator<Planned> {
  for (let round = 0; round < rounds; round++) {
    for (const userId of userIds) {
      const sequence = round * writers + writer;
      yield {
        userId,
        sequence,
        request: request({
          userId,
          requestId: `w${writer}-r${round}`,
          timestamp: new Date(Date.UTC(2023, 0, 1) + sequence * 1000).toISOString(),
          events: eventsFor(sequence),
        }),
      };
    }
  }
}

/** One applied request as a writer saw it: the state it replaced and the state it wrote. */
export interface AppliedRecord {
  userId: string;
  sequence: number;
  previous: string[];
  current: string[];
}

export function record(planned: Planned, outcome: ApplyOutcome): AppliedRecord {
  const previous = [...outcome.current, ...outcome.unsubscribed]
    .filter((name) => !outcome.subscribed.includes(name))
    .sort();
  return {
    userId: planned.userId,
    sequence: planned.sequence,
    previous,
    current: [...outcome.current],
  };
}
