/** Public surface of the event builders' run-time half (the typed builders are generated). */
export {
  buildEvent,
  newReferenceId,
  type AudienceInput,
  type BuilderRules,
  type BuildSpec,
  type BuiltEvent,
  type DurationInput,
  type EventInput,
  type LocalizableString,
} from './build-event.js';
export { LocalizationError, localizePayload, type LocalizedText } from './localize.js';
export { localizablePaths } from './localizable-paths.js';
