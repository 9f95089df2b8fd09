import { Project } from 'ts-morph';
import { allSources, type EmitContext, type EmittedFile, emittedImport } from './emitter.js';

/**
 * What the package root re-exports of the hand-written runtime: the errors a skill catches, the
 * standalone token helper, outbox reading, and the option and result types of the client. The rest
 * of the runtime (redaction, retry tuning, endpoint tables, builder internals) stays behind
 * `alexa-proactive-events/runtime`, for generated modules; test/package/api.test.ts pins this list.
 */
const publicRuntimeValues = [
  'LocalizationError',
  'LwaError',
  'OutboxFormatError',
  'ProactiveEventsApiError',
  'ProactiveEventsError',
  'ProactiveEventsNetworkError',
  'REGIONS',
  'STAGES',
  'getAccessToken',
  'newReferenceId',
  'parseOutbox',
  'readOutbox',
];
const publicRuntimeTypes = [
  'AudienceInput',
  'DurationInput',
  'EventInput',
  'FailureInfo',
  'LocalizableString',
  'LocalizedText',
  'Logger',
  'OutboxEntry',
  'Region',
  'RetryOptions',
  'SendManyOptions',
  'SendManyResult',
  'SendManySummary',
  'SendOutcome',
  'SendProgress',
  'SendResult',
  'SendToSubscribersOptions',
  'SendToSubscribersResult',
  'SendToSubscribersSummary',
  'Stage',
  'StandaloneTokenOptions',
  'SubscriberEventBuilder',
  'SubscriberFailure',
  'SubscriberSource',
];

/**
 * generated/index.ts: the package's entry point, re-exporting every emitted module that asks to
 * be, and the public part of the runtime. (Subscriptions have their own entry points: see
 * package.json.)
 */
export function emitIndex(context: EmitContext, emitted: readonly EmittedFile[]): EmittedFile {
  const project = new Project({ useInMemoryFileSystem: true });
  const file = project.createSourceFile('index.ts', '');
  const modules = emitted
    .filter((candidate) => candidate.reexport && candidate.path.endsWith('.ts'))
    .sort((a, b) => a.path.localeCompare(b.path));
  file.addExportDeclarations([
    ...modules.map((module) => ({
      isTypeOnly: module.reexport === 'types',
      moduleSpecifier: emittedImport(module.path),
    })),
    {
      namedExports: [
        ...publicRuntimeValues,
        ...publicRuntimeTypes.map((name) => ({ name, isTypeOnly: true })),
      ],
      moduleSpecifier: context.runtimeModule,
    },
  ]);
  const banner = context.banner(
    'alexa-proactive-events: the package entry point.',
    allSources(context.model),
  );
  return { path: 'index.ts', contents: `${banner}\n${file.getFullText()}` };
}
