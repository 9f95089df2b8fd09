import { render } from '../codegen/templates.js';
import { allSources, type EmitContext, type EmittedFile, emittedImport } from './emitter.js';
import { validateModule } from './validators/module.js';

export const clientModule = 'client.ts';

/**
 * generated/client.ts: the runtime's ProactiveEventsClient with the generated validator as its
 * default, so the runtime never imports generated code and a skill gets validation for free.
 */
export function emitClient(context: EmitContext): EmittedFile[] {
  const contents = render('client', {
    banner: context.banner(
      'The Proactive Events client, validating with the generated validator.',
      allSources(context.model),
    ),
    runtimeModule: context.runtimeModule,
    validateModule: emittedImport(validateModule),
    reference: context.model.envelope.reference,
  });
  return [{ path: clientModule, contents, reexport: 'values' }];
}
