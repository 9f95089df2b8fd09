import { Code, code, docComment, runtime, runtimeType, specifier } from '../codegen/code.js';
import { commentText } from '../codegen/literal.js';
import { renderCode } from '../codegen/templates.js';
import type { Model } from '../model/types.js';
import { allSources, emitModule, type EmitContext, type EmittedFile } from './emitter.js';
import { unionType } from './types.js';

export const manifestModule = 'manifest.ts';

/**
 * generated/manifest.ts: the permission, the subscription event and the publishable schemas as
 * data, and `manifestFragment()`, which builds the skill-manifest block from them.
 */
export function emitManifest(context: EmitContext): EmittedFile[] {
  const { model } = context;
  const facts = manifestFactsOf(model);
  const { manifest } = model.envelope;
  const body = renderCode('manifest', {
    permissionDoc: docComment(
      `\`manifest.permissions[].name\`. ${manifest.permission.description}`,
    ),
    permission: code`${facts.permission}`,
    subscriptionDoc: docComment(
      `\`manifest.events.subscriptions[].eventName\`. ${manifest.subscription.description}`,
    ),
    subscription: code`${facts.subscription}`,
    publishableEvents: code`${facts.publishableEvents}`,
    fragmentText: docText(manifest.description),
    reference: docText(manifest.reference),
    example: docText(
      `manifestFragment({ events: [${JSON.stringify(model.events[0]?.name ?? '')}] })`,
    ),
    EventName: unionType('EventName'),
    buildManifestFragment: runtime('buildManifestFragment'),
    ManifestFragment: runtimeType('ManifestFragment'),
    ManifestOptions: runtimeType('ManifestOptions'),
    runtime: specifier('runtime'),
  });
  return [
    emitModule(
      manifestModule,
      {
        title: 'The skill-manifest block for proactive events.',
        description: manifest.description,
        reference: manifest.reference,
        sources: allSources(model),
      },
      body,
      'values',
    ),
  ];
}

/** One line of definition text inside a multi-line doc comment of a template. */
function docText(text: string): Code {
  return new Code(commentText(text.replace(/\s+/g, ' ').trim()));
}

/** The facts a manifest fragment is built from: what generated/manifest.ts holds. */
function manifestFactsOf(model: Model) {
  return {
    permission: model.envelope.manifest.permission.name,
    subscription: model.envelope.manifest.subscription.eventName,
    publishableEvents: model.events.map((event) => event.name),
  };
}
