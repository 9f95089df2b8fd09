import { code, join, Name, specifier } from '../codegen/code.js';
import { renderCode } from '../codegen/templates.js';
import { type EmitContext, emitModule, type EmittedFile, gatheringDocs } from './emitter.js';

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
  const { model } = context;
  const modules = emitted
    .filter((candidate) => candidate.reexport && candidate.path.endsWith('.ts'))
    .sort((a, b) => a.path.localeCompare(b.path));
  const body = renderCode('index', {
    reexports: modules.map((module) =>
      module.reexport === 'types'
        ? code`export type * from ${specifier({ path: module.path })};`
        : code`export * from ${specifier({ path: module.path })};`,
    ),
    runtimeNames: join(
      [
        ...publicRuntimeValues.map((name) => code`${new Name(name)},`),
        ...publicRuntimeTypes.map((name) => code`type ${new Name(name)},`),
      ],
      '\n',
    ),
    runtime: specifier('runtime'),
  });
  return emitModule(
    'index.ts',
    gatheringDocs(model, 'alexa-proactive-events: the package entry point.'),
    body,
  );
}
