/**
 * THE table of utterance template helpers (`{{spoken field}}`, `{{plural count "a" "b"}}` …). The
 * template checker (generator/model/templates.ts), the template compiler
 * (generator/emitters/previewers/compile-template.ts) and the Handlebars reference renderer
 * (generator/emitters/previewers/reference.ts) all read it; none of them lists helpers itself.
 *
 * Adding a helper is one entry here and its run-time implementation: the UtteranceContext method
 * of the same name (the type UtteranceHelperMethods makes the class have one), which checks the
 * value of an unvalidated event and then speaks it with the entry's `speak`.
 */
import type { SchemaFieldType } from '../catalog.js';
import { joinList, pluralWord, spokenCount, spokenDateText } from './speak.js';

/** Where a helper speaks: the template's locale, the chosen time zone, and enum words. */
export interface SpeakingPlace {
  readonly locale: string;
  readonly timeZone: string;
  /** The words of an enum value in the locale (helpers with `spokenWords` only). */
  word(value: string): string;
}

export interface UtteranceHelperSpec {
  /** The kinds of field the helper's first argument may be. */
  readonly accepts: readonly SchemaFieldType[];
  /**
   * The quoted words the template passes after the field, by role: `{{plural count "message"
   * "messages"}}` has two (`one`, `other`). Their number is the helper's arity beyond the field.
   */
  readonly quoted: readonly string[];
  /**
   * Whether the helper is given how the field's enum values (or its enum items) are spoken: the
   * compiled call then passes that locale's words after the value.
   */
  readonly spokenWords: boolean;
  /** What the helper says, for error messages and documentation. */
  readonly description: string;
  /** A use of the helper, for error messages. */
  readonly example: string;
  /** The words for a value that has been checked (the reference renderer calls this directly). */
  speak(value: never, place: SpeakingPlace, ...quoted: string[]): string;
}

export const utteranceHelpers = {
  spoken: {
    example: '{{spoken some.field}}',
    accepts: ['enum'],
    quoted: [],
    spokenWords: true,
    description: 'the words an enum value is spoken as, in the locale',
    speak: (value: string, place: SpeakingPlace) => place.word(value),
  },
  date: {
    example: '{{date some.field}}',
    accepts: ['date-time'],
    quoted: [],
    spokenWords: false,
    description: "a date in the locale's long form (May 18, 2019)",
    speak: (value: string, place: SpeakingPlace) => {
      const said = spokenDateText(value, place.locale, place.timeZone);
      if (said === undefined) throw new RangeError(`${JSON.stringify(value)} is not a date-time`);
      return said;
    },
  },
  list: {
    example: '{{list some.field}}',
    accepts: ['array'],
    quoted: [],
    spokenWords: true,
    description: 'the items joined as "a, b and c" (enum items spoken)',
    speak: (items: readonly string[], place: SpeakingPlace) =>
      joinList(items.map(place.word), place.locale),
  },
  plural: {
    example: '{{plural count "message" "messages"}}',
    accepts: ['integer'],
    quoted: ['one', 'other'],
    spokenWords: false,
    description: 'the singular word when the count is 1, else the plural',
    speak: (count: number, place: SpeakingPlace, one: string, other: string) =>
      pluralWord(count, one, other, place.locale),
  },
  number: {
    example: '{{number some.field}}',
    accepts: ['integer'],
    quoted: [],
    spokenWords: false,
    description: 'a count in words (three) where the locale has them',
    speak: (count: number, place: SpeakingPlace) => spokenCount(count, place.locale),
  },
} as const satisfies Record<string, UtteranceHelperSpec>;

export type UtteranceHelperName = keyof typeof utteranceHelpers;

/** The block helpers a template may use; Handlebars' own, so they are not in the table. */
export const utteranceBlockHelpers = ['if', 'unless'] as const;
export type UtteranceBlockHelper = (typeof utteranceBlockHelpers)[number];

/**
 * The UtteranceContext method of each helper: the value as read from the payload, the words
 * (helpers with spokenWords), the quoted words, and the value's JSON pointer for errors.
 */
export type UtteranceHelperMethods = {
  readonly [name in UtteranceHelperName]: (value: unknown, ...rest: never[]) => string;
};

export function isUtteranceHelper(name: string): name is UtteranceHelperName {
  return Object.hasOwn(utteranceHelpers, name);
}
