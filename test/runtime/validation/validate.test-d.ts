import { expectTypeOf, test } from 'vitest';
import type {
  Issue,
  IssueCode,
  PayloadOf,
  ProactiveEvent,
  ValidationOptions,
  ValidationResult,
} from '../../../generated/index.js';
import {
  assertProactiveEvent,
  isPayload,
  isProactiveEvent,
  validatePayload,
  validateProactiveEvent,
} from '../../../generated/index.js';

test('the validators narrow and return the documented shapes', () => {
  const value: unknown = {};
  if (isProactiveEvent(value)) expectTypeOf(value).toEqualTypeOf<ProactiveEvent>();
  if (isPayload('AMAZON.WeatherAlert.Activated', value)) {
    expectTypeOf(value).toEqualTypeOf<PayloadOf<'AMAZON.WeatherAlert.Activated'>>();
  }
  expectTypeOf(
    validateProactiveEvent(value, { now: new Date() }),
  ).toEqualTypeOf<ValidationResult>();
  expectTypeOf(validatePayload('AMAZON.WeatherAlert.Activated', value).errors).toEqualTypeOf<
    Issue[]
  >();
  expectTypeOf<Issue['code']>().toEqualTypeOf<IssueCode>();
  expectTypeOf(assertProactiveEvent).parameter(1).toEqualTypeOf<ValidationOptions | undefined>();
  expectTypeOf<ValidationOptions['now']>().toEqualTypeOf<Date | number | undefined>();
  // @ts-expect-error: only known schemas have payload validators
  validatePayload('AMAZON.Nothing.Happened', value);
  // @ts-expect-error: the clock is a Date or a number
  validateProactiveEvent(value, { now: '2019-02-13T14:00:00Z' });
});
