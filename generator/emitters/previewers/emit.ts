import { code, emitted, key, runtime, runtimeType, specifier } from '../../codegen/code.js';
import { commentText } from '../../codegen/literal.js';
import { renderCode } from '../../codegen/templates.js';
import type { Model } from '../../model/types.js';
import { allSources, emitModule, type EmitContext, type EmittedFile } from '../emitter.js';
import { unionType } from '../types.js';
import { validateModule } from '../validators/module.js';
import { emitSchemaPreview, schemaPreview, type LocaleOrder } from './schema-preview.js';

export const previewModule = 'preview.ts';

/**
 * The utterance previews: per schema `events/<Stem>/preview.ts`, one plain function per locale
 * compiled from its templates at generation time (no Handlebars at run time), and preview.ts,
 * the table of them all and previewUtterance / previewUtterances / explainUtterance over it.
 */
export function emitPreview(context: EmitContext): EmittedFile[] {
  const { model } = context;
  const { fallbackLocale } = model.envelope.localizedAttributes;
  const byLocale: LocaleOrder = (a, b) =>
    Number(b === fallbackLocale) - Number(a === fallbackLocale) || a.localeCompare(b);
  return [...model.events.map((event) => emitSchemaPreview(event, byLocale)), emitAggregate(model)];
}

function emitAggregate(model: Model): EmittedFile {
  const { fallbackLocale, localePattern, referencePrefix } = model.envelope.localizedAttributes;
  const body = renderCode('preview', {
    runtimeSpecifier: code`${specifier('runtime')}`,
    fallbackLocale: code`${fallbackLocale}`,
    fallbackLocaleText: commentText(fallbackLocale),
    localePattern: code`${localePattern}`,
    localizedAttributePrefix: code`${referencePrefix}`,
    renderers: model.events.map((event) => code`${key(event.name)}: ${schemaPreview(event)}`),
    EventName: unionType('EventName'),
    ProactiveEvent: unionType('ProactiveEvent'),
    PreviewerTable: runtimeType('PreviewerTable'),
    PreviewOptions: runtimeType('PreviewOptions'),
    UtteranceExplanation: runtimeType('UtteranceExplanation'),
    createPreviewer: runtime('createPreviewer'),
    isProactiveEvent: emitted(validateModule, 'isProactiveEvent'),
    validateProactiveEvent: emitted(validateModule, 'validateProactiveEvent'),
  });
  return emitModule(
    previewModule,
    {
      title: 'Utterance previews: what Alexa will say for an event, compiled from the templates.',
      description:
        'previewUtterance speaks an event in a locale, previewUtterances in every locale it carries, explainUtterance tells how; each validates the event first.',
      reference: model.envelope.reference,
      sources: allSources(model),
    },
    body,
    'values',
  );
}
