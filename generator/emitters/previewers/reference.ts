import Handlebars from 'handlebars';
import {
  joinList,
  normalizeUtterance,
  pluralWord,
  spokenCount,
  spokenDate,
} from '../../../runtime/utterance/speak.js';
import { walkFields } from '../../model/build-fields.js';
import { requiredUtteranceLocale, utteranceCompileOptions } from '../../model/templates.js';
import type { EventSchema, Field, Model, UtteranceCondition } from '../../model/types.js';

/**
 * The same templates rendered the ordinary way: Handlebars' runtime, each template compiled once
 * (strict, known helpers only) with helpers equivalent to the generated previewer's. It exists
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
  const prefix = model.envelope.localizedAttributes.referencePrefix;
  const schemas = new Map(model.events.map((event) => [event.name, compileSchema(event)] as const));
  return (event, locale, timeZone = 'UTC') => {
    const schema = schemas.get(event.event.name)!;
    const templateLocale = schema.variants.has(locale) ? locale : requiredUtteranceLocale;
    const attributes = event.localizedAttributes.find((entry) => entry.locale === locale) ?? {};
    const payload = resolveAttributes(event.event.payload, schema.localizable, prefix, attributes);
    const variant = schema.variants
      .get(templateLocale)!
      .find((candidate) => candidate.when.every((condition) => holds(condition, payload)))!;
    return normalizeUtterance(
      variant.render(payload, { data: { locale: templateLocale, timeZone } }),
    );
  };
}

function compileSchema(event: EventSchema) {
  // Enum words by value: a template's helper sees only the value, not the field it came from.
  const words = new Map<string, Readonly<Record<string, string>>>();
  for (const field of walkFields(event.payload)) {
    if (field.kind === 'enum')
      for (const value of field.values) words.set(value.value, value.spoken);
  }
  const spoken = (value: string, locale: string) => words.get(value)?.[locale] ?? value;
  const environment = Handlebars.create();
  environment.registerHelper({
    spoken: (value: string, options: Handlebars.HelperOptions) =>
      spoken(value, options.data.locale as string),
    date: (value: string, options: Handlebars.HelperOptions) =>
      spokenDate(new Date(value), options.data.locale as string, options.data.timeZone as string),
    list: (items: string[], options: Handlebars.HelperOptions) =>
      joinList(
        items.map((item) => spoken(item, options.data.locale as string)),
        options.data.locale as string,
      ),
    number: (count: number, options: Handlebars.HelperOptions) =>
      spokenCount(count, options.data.locale as string),
    plural: (count: number, one: string, other: string, options: Handlebars.HelperOptions) =>
      pluralWord(count, one, other, options.data.locale as string),
  });
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
  return { variants, localizable };
}

/**
 * The payload with every localized attribute reference replaced by its value: objects on the
 * way to a reference are copied, the rest is shared (the event itself is never changed).
 */
function resolveAttributes(
  payload: unknown,
  localizable: readonly (readonly string[])[],
  prefix: string,
  attributes: Readonly<Record<string, unknown>>,
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
    parent[path[path.length - 1]!] = attributes[value.slice(prefix.length)];
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
