import { Project, SyntaxKind, VariableDeclarationKind, type SourceFile } from 'ts-morph';
import { commentText, identifier, literal } from '../../codegen/literal.js';
import { fieldAt } from '../../model/build-fields.js';
import { spokenEnum } from '../../model/templates.js';
import type { EnumField, EventSchema, UtteranceVariant } from '../../model/types.js';
import { isUtteranceHelper, utteranceHelpers } from '../../../runtime/utterance/helpers.js';
import { allSources, type EmitContext, type EmittedFile, emittedImport } from '../emitter.js';
import { typesModule } from '../types.js';
import { validateModule } from '../validators/module.js';
import { compileTemplate, conditionExpression } from './compile-template.js';

export const previewModule = 'preview.ts';

const payloadName = 'payload';
const contextName = 'say';
const truthyName = 'isTruthy';

/**
 * generated/preview.ts: one plain function per schema and locale that speaks a payload the way
 * its templates say, compiled from the templates at generation time (no Handlebars at run
 * time), and previewUtterance / previewUtterances / explainUtterance over them.
 */
export function emitPreview(context: EmitContext): EmittedFile[] {
  const { model } = context;
  const project = new Project({ useInMemoryFileSystem: true });
  const file = project.createSourceFile(previewModule, '');
  const runtime = context.runtimeModule;
  const { fallbackLocale } = model.envelope.localizedAttributes;
  const byFallbackFirst = (a: string, b: string) =>
    Number(b === fallbackLocale) - Number(a === fallbackLocale) || a.localeCompare(b);

  const words = spokenEnums(model.events);
  const typeImports = new Set<string>(['EventName', 'ProactiveEvent']);
  for (const event of model.events) typeImports.add(payloadType(event));
  for (const field of words) typeImports.add(field.typeName);

  file.addImportDeclarations([
    {
      namedImports: [
        'createPreviewer',
        truthyName,
        { name: 'PreviewOptions', isTypeOnly: true },
        { name: 'PreviewerTable', isTypeOnly: true },
        { name: 'UtteranceContext', isTypeOnly: true },
        { name: 'UtteranceExplanation', isTypeOnly: true },
      ],
      moduleSpecifier: runtime,
    },
    {
      isTypeOnly: true,
      namedImports: [...typeImports].sort(),
      moduleSpecifier: emittedImport(typesModule),
    },
    {
      namedImports: ['isProactiveEvent', 'validateProactiveEvent'],
      moduleSpecifier: emittedImport(validateModule),
    },
  ]);
  file.addExportDeclarations([
    { namedExports: ['UtterancePreviewError'], moduleSpecifier: runtime },
    {
      isTypeOnly: true,
      namedExports: [
        'ExplainedValue',
        'PreviewOptions',
        'PreviewValidationResult',
        'PreviewValidator',
        'UtteranceExplanation',
        'UtterancePreviewErrorCode',
      ],
      moduleSpecifier: runtime,
    },
  ]);

  for (const field of words) addWords(file, field, byFallbackFirst);
  const renderers = model.events.map((event) => ({
    event,
    locales: Object.keys(event.utterances)
      .sort(byFallbackFirst)
      .map((locale) => ({ locale, name: addRenderer(file, event, locale) })),
  }));

  const table = renderers
    .map(
      ({ event, locales }) =>
        `${literal(event.name)}: { ${locales.map(({ locale, name }) => `${literal(locale)}: ${name}`).join(', ')} }`,
    )
    .join(',\n');
  file.addVariableStatements([
    {
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: [
        `The compiled templates of every schema, by event name and locale: what previewUtterance
speaks with. Pass it to createPreviewer (alexa-proactive-events/runtime) for a previewer with
another validator, or none.`,
      ],
      declarations: [
        {
          name: 'utterancePreviewTable',
          initializer: `{
            fallbackLocale: ${literal(fallbackLocale)},
            localePattern: ${literal(model.envelope.localizedAttributes.localePattern)},
            localizedAttributePrefix: ${literal(model.envelope.localizedAttributes.referencePrefix)},
            renderers: { ${table} } satisfies Record<EventName, object>,
          } satisfies PreviewerTable`,
        },
      ],
    },
    {
      declarationKind: VariableDeclarationKind.Const,
      docs: ['The previewer of every schema, validating each event first (without a clock).'],
      declarations: [
        {
          name: 'previewer',
          initializer: `createPreviewer({
            ...utterancePreviewTable,
            // The boolean path is several times faster; issues are only needed to explain a refusal.
            isValid: isProactiveEvent,
            validate: validateProactiveEvent,
          })`,
        },
      ],
    },
  ]);
  addApi(file, fallbackLocale);

  const banner = context.banner(
    'Utterance previews: what Alexa will say for an event, compiled from the templates.',
    allSources(model),
  );
  removeUnusedImport(file, truthyName);
  return [
    { path: previewModule, contents: `${banner}\n${file.getFullText()}`, reexport: 'values' },
  ];
}

function addApi(file: SourceFile, fallbackLocale: string): void {
  const fallback = literal(fallbackLocale);
  file.addFunctions([
    {
      isExported: true,
      name: 'previewUtterance',
      docs: [
        `What Alexa will say for the event in a locale: the template variant the payload selects, with
localized attributes resolved for that locale and dates spoken in \`options.timeZone\` (default
UTC; Alexa uses the listener's zone). A locale without templates of its own gets the
${fallbackLocale} wording (see explainUtterance). This is our best rendering of Amazon's
templates, not Amazon's audio.

@throws UtterancePreviewError when the event cannot be previewed (not valid, unknown name,
  a field the template needs is missing, a localized attribute is missing for the locale).`,
      ],
      parameters: [
        { name: 'event', type: 'ProactiveEvent' },
        { name: 'locale', type: 'string', initializer: fallback },
        { name: 'options', type: 'PreviewOptions', initializer: '{}' },
      ],
      returnType: 'string',
      statements: 'return previewer.preview(event, locale, options);',
    },
    {
      isExported: true,
      name: 'previewUtterances',
      docs: [
        `The preview in every locale the event carries (its localizedAttributes entries, in order;
${fallbackLocale} when it has none), by locale.`,
      ],
      parameters: [
        { name: 'event', type: 'ProactiveEvent' },
        { name: 'options', type: 'PreviewOptions', initializer: '{}' },
      ],
      returnType: 'Record<string, string>',
      statements: 'return previewer.previewAll(event, options);',
    },
    {
      isExported: true,
      name: 'explainUtterance',
      docs: [
        `The preview with how it was made: the variant, whether the ${fallbackLocale} wording
stood in for the locale (\`fallback\`), and where each spoken value came from.`,
      ],
      parameters: [
        { name: 'event', type: 'ProactiveEvent' },
        { name: 'locale', type: 'string', initializer: fallback },
        { name: 'options', type: 'PreviewOptions', initializer: '{}' },
      ],
      returnType: 'UtteranceExplanation',
      statements: 'return previewer.explain(event, locale, options);',
    },
  ]);
}

/** The function that speaks `event` in `locale`: its variants as an ordered if-chain. */
function addRenderer(file: SourceFile, event: EventSchema, locale: string): string {
  const name = identifier(`${lowerFirst(event.typeStem)}${localeStem(locale)}`);
  const variants = event.utterances[locale]!;
  const statements: string[] = [];
  let usesPayload = false;
  for (const variant of variants) {
    const condition = conditionExpression(variant.when, payloadName);
    const text = compileTemplate(variant.parts, {
      payload: event.payload,
      payloadName,
      contextName,
      truthyName,
      wordsOf: (field) => `${wordsName(field)}[${literal(locale)}]`,
    });
    usesPayload ||= variant.when.length > 0 || text.includes(`${payloadName}.`);
    const body = `${contextName}.variant(${literal(variant.name)});\nreturn ${text};`;
    if (variant.when.length === 0) {
      statements.push(body);
      break;
    }
    statements.push(`if (${condition}) {\n${body}\n}`);
  }
  if (variants.every((variant) => variant.when.length > 0)) {
    statements.push(`return ${contextName}.noVariant('/event/payload');`);
  }
  file.addFunction({
    name,
    docs: [
      [
        `${event.name} in ${locale}: the first variant whose conditions hold.`,
        '',
        ...variants.map((variant) => `- ${describeVariant(variant)}`),
      ]
        .map(commentText)
        .join('\n'),
    ],
    parameters: [
      { name: usesPayload ? payloadName : `_${payloadName}`, type: payloadType(event) },
      { name: contextName, type: 'UtteranceContext' },
    ],
    returnType: 'string',
    statements,
  });
  return name;
}

function describeVariant(variant: UtteranceVariant): string {
  const conditions = variant.when.map((condition) =>
    condition.test === 'present'
      ? `${condition.path.join('.')} ${condition.present ? 'is present' : 'is absent'}`
      : `${condition.path.join('.')} is ${condition.values.join(' or ')}`,
  );
  const when = conditions.length > 0 ? ` (${conditions.join(', ')})` : '';
  return `${variant.name}${when}: ${variant.template.replace(/\s+/g, ' ')}`;
}

/** `{ 'en-US': { TORNADO: 'tornado', … }, … }` for an enum that templates speak. */
function addWords(
  file: SourceFile,
  field: EnumField,
  byFallbackFirst: (a: string, b: string) => number,
): void {
  const locales = [...new Set(field.values.flatMap((value) => Object.keys(value.spoken)))]
    .filter((locale) => field.values.every((value) => locale in value.spoken))
    .sort(byFallbackFirst);
  const byLocale = Object.fromEntries(
    locales.map((locale) => [
      locale,
      Object.fromEntries(field.values.map((value) => [value.value, value.spoken[locale]!])),
    ]),
  );
  file.addVariableStatement({
    declarationKind: VariableDeclarationKind.Const,
    docs: [commentText(`How each ${field.typeName} value is spoken, per locale.`)],
    declarations: [
      {
        name: wordsName(field),
        initializer: `${literal(byLocale)} as const satisfies Readonly<Record<string, Readonly<Record<${field.typeName}, string>>>>`,
      },
    ],
  });
}

/** Every enum field a helper with spokenWords speaks (spoken, list over enum items), once each. */
function spokenEnums(events: readonly EventSchema[]): EnumField[] {
  const found = new Map<string, EnumField>();
  for (const event of events) {
    for (const variant of Object.values(event.utterances).flat()) {
      for (const { helper, path } of variant.references) {
        if (!helper || !isUtteranceHelper(helper) || !utteranceHelpers[helper].spokenWords)
          continue;
        const spoken = spokenEnum(fieldAt(event.payload, path));
        if (spoken && !found.has(spoken.typeName)) found.set(spoken.typeName, spoken);
      }
    }
  }
  return [...found.values()].sort((a, b) => a.typeName.localeCompare(b.typeName));
}

function wordsName(field: EnumField): string {
  return identifier(`${lowerFirst(field.typeName)}Words`);
}

function payloadType(event: EventSchema): string {
  return identifier(`${event.typeStem}Payload`);
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

/** Drops a named import that no emitted code uses (no template of this model has an {{#if}}). */
function removeUnusedImport(file: SourceFile, name: string): void {
  const uses = file
    .getDescendantsOfKind(SyntaxKind.Identifier)
    .filter((identifier) => identifier.getText() === name);
  if (uses.length > 1) return;
  for (const declaration of file.getImportDeclarations()) {
    declaration
      .getNamedImports()
      .find((specifier) => specifier.getName() === name)
      ?.remove();
  }
}
