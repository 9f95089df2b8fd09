import { Project, VariableDeclarationKind } from 'ts-morph';
import { commentText, literal } from '../codegen/literal.js';
import type { Model } from '../model/types.js';
import { allSources, type EmitContext, type EmittedFile, emittedImport } from './emitter.js';
import { typesModule } from './types.js';

export const manifestModule = 'manifest.ts';

/**
 * generated/manifest.ts: the permission, the subscription event and the publishable schemas as
 * data, and `manifestFragment()`, which builds the skill-manifest block from them.
 */
export function emitManifest(context: EmitContext): EmittedFile[] {
  const { model } = context;
  const facts = manifestFactsOf(model);
  const { manifest } = model.envelope;
  const project = new Project({ useInMemoryFileSystem: true });
  const file = project.createSourceFile(manifestModule, '');
  const runtime = context.runtimeModule;
  file.addImportDeclarations([
    {
      namedImports: [
        'buildManifestFragment',
        { name: 'ManifestFragment', isTypeOnly: true },
        { name: 'ManifestOptions', isTypeOnly: true },
      ],
      moduleSpecifier: runtime,
    },
    {
      isTypeOnly: true,
      namedImports: ['EventName'],
      moduleSpecifier: emittedImport(typesModule),
    },
  ]);
  file.addVariableStatements([
    {
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: [
        wrap(`\`manifest.permissions[].name\`. ${commentText(manifest.permission.description)}`),
      ],
      declarations: [{ name: 'notificationsPermission', initializer: literal(facts.permission) }],
    },
    {
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: [
        wrap(
          `\`manifest.events.subscriptions[].eventName\`. ${commentText(manifest.subscription.description)}`,
        ),
      ],
      declarations: [{ name: 'subscriptionEvent', initializer: literal(facts.subscription) }],
    },
    {
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: [
        wrap(
          'Every schema a skill may declare in `manifest.events.publications`, in the order of Amazon’s catalog.',
        ),
      ],
      declarations: [
        {
          name: 'publishableEvents',
          initializer: `${literal(facts.publishableEvents)} as const satisfies readonly EventName[]`,
        },
      ],
    },
  ]);
  file.addFunction({
    isExported: true,
    name: 'manifestFragment',
    docs: [
      [
        wrap(commentText(manifest.description)),
        '',
        'Publications follow the catalog order; all schemas unless `options.events` chooses some.',
        'Throws a RangeError for an unknown name or an empty choice.',
        '',
        `@see ${commentText(manifest.reference)}`,
        '@example',
        `manifestFragment({ events: [${commentText(JSON.stringify(model.events[0]?.name ?? ''))}] })`,
      ].join('\n'),
    ],
    parameters: [{ name: 'options', type: 'ManifestOptions<EventName>', initializer: '{}' }],
    returnType: 'ManifestFragment<EventName>',
    statements: [
      'return buildManifestFragment(',
      '{ permission: notificationsPermission, subscription: subscriptionEvent, publishableEvents },',
      'options,',
      ');',
    ].join('\n'),
  });
  file.addExportDeclarations([
    {
      namedExports: [
        'manifestFormats',
        'renderManifest',
        'renderJovoSnippet',
        'renderSkillJsonSnippet',
        { name: 'ManifestFormat', isTypeOnly: true },
        { name: 'ManifestFragment', isTypeOnly: true },
        { name: 'ManifestOptions', isTypeOnly: true },
      ],
      moduleSpecifier: runtime,
    },
  ]);
  const banner = context.banner(
    'The skill-manifest block for proactive events.',
    allSources(model),
  );
  return [
    { path: manifestModule, contents: `${banner}\n${file.getFullText()}`, reexport: 'values' },
  ];
}

/** The facts a manifest fragment is built from: what generated/manifest.ts holds and the CLI uses. */
export function manifestFactsOf(model: Model) {
  return {
    permission: model.envelope.manifest.permission.name,
    subscription: model.envelope.manifest.subscription.eventName,
    publishableEvents: model.events.map((event) => event.name),
  };
}

/** Breaks a comment paragraph into lines of at most `width` characters, at spaces. */
function wrap(text: string, width = 94): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line].join('\n');
}
