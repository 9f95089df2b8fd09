import { expectTypeOf, test } from 'vitest';
import { manifestFragment, type publishableEvents } from '../../../generated/manifest.js';
import type { EventName } from '../../../generated/types/index.js';

test('manifestFragment only takes known schema names', () => {
  manifestFragment({ events: ['AMAZON.OrderStatus.Updated'] });
  // @ts-expect-error a short name is for the CLI; the library wants the schema name
  manifestFragment({ events: ['OrderStatus'] });
  // @ts-expect-error not a schema
  manifestFragment({ events: ['AMAZON.OrderStatus.Created'] });
  expectTypeOf(manifestFragment().events.publications[0]!.eventName).toEqualTypeOf<EventName>();
  expectTypeOf<(typeof publishableEvents)[number]>().toEqualTypeOf<EventName>();
});
