import Handlebars from 'handlebars';
import { utteranceHelpers, type SpeakingPlace } from '../../../runtime/utterance/helpers.js';
import { resolveLocalized } from '../../../runtime/utterance/localized.js';
import { normalizeUtterance } from '../../../runtime/utterance/speak.js';
import { walkFields } from '../../model/build-fields.js';
import { utteranceCompileOptions } from '../../model/templates.js';
import type { EventSchema, Field, Model, UtteranceCondition } from '../../model/types.js';

/**
 * The same templates rendered the ordinary way: Handlebars' runtime, each template compiled once
 * (strict, known helpers only) with the helpers of the helper table (runtime/utterance/helpers.ts),
which the generated previewer's UtteranceContext speaks with too. It exists
 * to be compared with the generated code, in the differential tests and the benchmark, and
 * assumes a valid event (it has none of the previewer's checks).
 */
export type ReferenceRenderer = (
  event: ReferenceEvent,
  locale: string,
  timeZone?: string,
) => string;

export interface ReferenceEvent {
  readonly event: { readonly name: string; readonly payload: unknown };
  readonly localizedAttributes: readonly Readonly<Record<string, unknown>>[];
}

interface CompiledVariant {
  readonly when: readonly UtteranceCondition[];
  readonly render: HandlebarsTemplateDelegate;
}

export function createReferenceRenderer(model: Model): ReferenceRenderer {
  const { referencePrefix: prefix, fallbackLocale } = model.envelope.localizedAttributes;
  const schemas = new Map(model.events.map((event) => [event.name, compileSchema(event)] as const));
  return (event, locale, timeZone = 'UTC') => {
    const schema = schemas.get(event.event.name)!;
    const templateLocale = schema.variants.has(locale) ? locale : fallbackLocale;
    const attributes = event.localizedAttributes.find((entry) => entry.locale === locale);
    const payload = resolveAttributes(event.event.payload, schema.localizable, prefix, attributes);
    const variant = schema.variants
      .get(templateLocale)!
      .find((candidate) => candidate.when.every((condition) => holds(condition, payload)))!;
    const place: SpeakingPlace = {
      locale: templateLocale,
      timeZone,
      word: schema.wordIn.get(templateLocale)!,
    };
    return normalizeUtterance(variant.render(payload, { data: { place } }));
  };
}

type Speak = (value: unknown, place: SpeakingPlace, ...quoted: string[]) => string;

function compileSchema(event: EventSchema) {
  // Enum words by value: a template's helper sees only the value, not the field it came from.
  const words = new Map<string, Readonly<Record<string, string>>>();
  for (const field of walkFields(event.payload)) {
    if (field.kind === 'enum')
      for (const value of field.values) words.set(value.value, value.spoken);
  }
  const wordIn = new Map(
    Object.keys(event.utterances).map((locale) => [
      locale,
      (value: string) => words.get(value)?.[locale] ?? value,
    ]),
  );
  const environment = Handlebars.create();
  // Every helper of the table, as Handlebars calls a helper: its arguments, then its options.
  for (const [name, spec] of Object.entries(utteranceHelpers)) {
    const speak = spec.speak as Speak;
    environment.registerHelper(name, (value: unknown, ...rest: unknown[]) => {
      const options = rest.pop() as Handlebars.HelperOptions;
      return speak(value, options.data.place as SpeakingPlace, ...(rest as string[]));
    });
  }
  const variants = new Map(
    Object.entries(event.utterances).map(([locale, list]) => [
      locale,
      list.map((variant): CompiledVariant => ({
        when: variant.when,
        render: environment.compile(variant.template, utteranceCompileOptions),
      })),
    ]),
  );
  const localizable = [...walkFields(event.payload)]
    .filter((field: Field) => field.localizable)
    .map((field) => field.path);
  return { variants, localizable, wordIn };
}

/**
 * The payload with every localized attribute reference replaced by its value: objects on the
 * way to a reference are copied, the rest is shared (the event itself is never changed).
 */
function resolveAttributes(
  payload: unknown,
  localizable: readonly (readonly string[])[],
  prefix: string,
  attributes: Readonly<Record<string, unknown>> | undefined,
): unknown {
  let resolved = payload as Record<string, unknown>;
  for (const path of localizable) {
    const value = valueAt(payload, path);
    if (typeof value !== 'string' || !value.startsWith(prefix)) continue;
    resolved = { ...resolved };
    let parent = resolved;
    for (const segment of path.slice(0, -1)) {
      const child = { ...(parent[segment] as Record<string, unknown>) };
      parent[segment] = child;
      parent = child;
    }
    parent[path[path.length - 1]!] = resolveLocalized(value, prefix, attributes);
  }
  return resolved;
}

function valueAt(root: unknown, path: readonly string[]): unknown {
  let value = root;
  for (const segment of path) value = (value as Record<string, unknown> | undefined)?.[segment];
  return value;
}

function holds(condition: UtteranceCondition, payload: unknown): boolean {
  let value: unknown = payload;
  for (const segment of condition.path)
    value = (value as Record<string, unknown> | undefined)?.[segment];
  return condition.test === 'present'
    ? (value !== undefined) === condition.present
    : condition.values.includes(value as string);
}
