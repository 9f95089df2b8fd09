import { emitted, runtime, runtimeType } from '../codegen/code.js';
import { renderCode } from '../codegen/templates.js';
import { allSources, emitModule, type EmitContext, type EmittedFile } from './emitter.js';
import { validateModule } from './validators/module.js';

export const clientModule = 'client.ts';

/**
 * generated/client.ts: the runtime's ProactiveEventsClient with the generated validator as its
 * default, so the runtime never imports generated code and a skill gets validation for free.
 */
export function emitClient(context: EmitContext): EmittedFile[] {
  const { envelope } = context.model;
  const body = renderCode('client', {
    RuntimeClient: runtime('ProactiveEventsClient', 'RuntimeClient'),
    RuntimeClientOptions: runtimeType('ProactiveEventsClientOptions', 'RuntimeClientOptions'),
    validateProactiveEvent: emitted(validateModule, 'validateProactiveEvent'),
    reference: envelope.reference,
  });
  return [
    emitModule(
      clientModule,
      {
        title: 'The Proactive Events client, validating with the generated validator.',
        reference: envelope.reference,
        sources: allSources(context.model),
      },
      body,
      'values',
    ),
  ];
}
