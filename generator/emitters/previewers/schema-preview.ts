import {
  code,
  docComment,
  emitted,
  join,
  key,
  Name,
  runtimeType,
  type Code,
  type ImportedName,
} from '../../codegen/code.js';
import { fieldAt } from '../../model/build-fields.js';
import { spokenEnum } from '../../model/templates.js';
import type { EnumField, EventSchema, UtteranceVariant } from '../../model/types.js';
import { isUtteranceHelper, utteranceHelpers } from '../../../runtime/utterance/helpers.js';
import { lowerCamelStem } from '../catalog.js';
import { emitModule, schemaFolder, type EmittedFile } from '../emitter.js';
import { schemaType } from '../types.js';
import {
  compileTemplate,
  conditionExpression,
  isTidyTemplate,
  readsPayload,
  type TemplateScope,
} from './compile-template.js';

/** Where the compiled templates of one schema live. */
export function schemaPreviewModule(event: EventSchema): string {
  return `${schemaFolder(event)}/preview.ts`;
}

/** A schema's renderers by locale, as the aggregate imports it: `<lowerCamelStem>Preview`. */
export function schemaPreview(event: EventSchema): ImportedName {
  return emitted(schemaPreviewModule(event), `${lowerCamelStem(event)}Preview`);
}

/** Orders locales with the fallback locale first, the others alphabetically. */
export type LocaleOrder = (a: string, b: string) => number;

const payloadName = new Name('payload');
const unusedPayloadName = new Name('_payload');
const contextName = new Name('say');

/**
 * `events/<Stem>/preview.ts`: per locale one plain function that speaks a payload the way the
 * schema's templates say (the words of the enums it speaks just before the first function that
 * uses them), and the table of those functions by locale.
 */
export function emitSchemaPreview(event: EventSchema, byLocale: LocaleOrder): EmittedFile {
  const declared = new Set<string>();
  const locales = Object.keys(event.utterances).sort(byLocale);
  const renderers = locales.map((locale) => {
    const words = spokenEnums(event, locale).filter((field) => !declared.has(field.typeName));
    for (const field of words) declared.add(field.typeName);
    return {
      locale,
      name: rendererName(event, locale),
      code: join(
        [...words.map((field) => wordsConstant(event, field, byLocale)), renderer(event, locale)],
        '\n\n',
      ),
    };
  });
  const table = join(
    renderers.map(({ locale, name }) => code`  ${key(locale)}: ${name},`),
    '\n',
  );
  const body = code`${join(
    renderers.map((entry) => entry.code),
    '\n\n',
  )}

${docComment(`The compiled templates of ${event.name}, by locale.`)}
export const ${schemaPreview(event)} = {
${table}
} satisfies Readonly<Record<string, ${runtimeType('UtteranceRenderer')}>>;`;
  return emitModule(
    schemaPreviewModule(event),
    {
      title: `Utterance previews of ${event.name}: what Alexa will say, compiled from its templates.`,
      description: event.description,
      reference: event.reference,
      sources: [event.source],
    },
    body,
  );
}

/** The function that speaks `event` in `locale`: its variants as an ordered if-chain. */
function renderer(event: EventSchema, locale: string): Code {
  const variants = event.utterances[locale]!;
  const scope: TemplateScope = {
    payload: event.payload,
    payloadName,
    contextName,
    wordsOf: (field) => code`${wordsName(field)}[${locale}]`,
  };
  const statements: Code[] = [];
  for (const variant of variants) {
    // A tidy template's sentence of plain values is not normalized again at run time.
    const tidy = isTidyTemplate(variant.parts) ? code`, { tidy: true }` : code``;
    const body = code`${contextName}.variant(${variant.name}${tidy});
return ${compileTemplate(variant.parts, scope)};`;
    if (variant.when.length === 0) {
      statements.push(body);
      break;
    }
    statements.push(code`if (${conditionExpression(variant.when, payloadName)}) {
${body}
}`);
  }
  if (variants.every((variant) => variant.when.length > 0)) {
    statements.push(code`return ${contextName}.noVariant(${'/event/payload'});`);
  }
  const usesPayload = variants.some(
    (variant) => variant.when.length > 0 || readsPayload(variant.parts),
  );
  const doc = docComment([
    `${event.name} in ${locale}: the first variant whose conditions hold.`,
    '',
    ...variants.map((variant) => `- ${describeVariant(variant)}`),
  ]);
  return code`${doc}
function ${rendererName(event, locale)}(${usesPayload ? payloadName : unusedPayloadName}: ${payloadType(event)}, ${contextName}: ${runtimeType('UtteranceContext')}): string {
${join(statements, '\n\n')}
}`;
}

function describeVariant(variant: UtteranceVariant): string {
  const conditions = variant.when.map((condition) =>
    condition.test === 'present'
      ? `${condition.path.join('.')} ${condition.present ? 'is present' : 'is absent'}`
      : `${condition.path.join('.')} is ${condition.values.join(' or ')}`,
  );
  const when = conditions.length > 0 ? ` (${conditions.join(', ')})` : '';
  return `${variant.name}${when}: ${variant.template}`;
}

/** `const alertTypeWords = { 'en-US': { TORNADO: 'tornado', … }, … }` for an enum a template speaks. */
function wordsConstant(event: EventSchema, field: EnumField, byLocale: LocaleOrder): Code {
  const locales = [...new Set(field.values.flatMap((value) => Object.keys(value.spoken)))]
    .filter((locale) => field.values.every((value) => locale in value.spoken))
    .sort(byLocale);
  const words = Object.fromEntries(
    locales.map((locale) => [
      locale,
      Object.fromEntries(field.values.map((value) => [value.value, value.spoken[locale]!])),
    ]),
  );
  return code`${docComment(`How each ${field.typeName} value is spoken, per locale.`)}
const ${wordsName(field)} = ${words} as const satisfies Readonly<Record<string, Readonly<Record<${schemaType(event, field.typeName)}, string>>>>;`;
}

/** The enum fields the templates of `locale` speak through a helper with spokenWords, in order. */
function spokenEnums(event: EventSchema, locale: string): EnumField[] {
  const found = new Map<string, EnumField>();
  for (const variant of event.utterances[locale]!) {
    for (const { helper, path } of variant.references) {
      if (!helper || !isUtteranceHelper(helper) || !utteranceHelpers[helper].spokenWords) continue;
      const spoken = spokenEnum(fieldAt(event.payload, path));
      if (spoken && !found.has(spoken.typeName)) found.set(spoken.typeName, spoken);
    }
  }
  return [...found.values()];
}

function wordsName(field: EnumField): Name {
  return new Name(`${lowerFirst(field.typeName)}Words`);
}

function rendererName(event: EventSchema, locale: string): Name {
  return new Name(`${lowerCamelStem(event)}${localeStem(locale)}`);
}

function payloadType(event: EventSchema): ImportedName {
  return schemaType(event, `${event.typeStem}Payload`);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** en-US → EnUs. */
function localeStem(locale: string): string {
  return locale
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1).toLowerCase())
    .join('');
}
