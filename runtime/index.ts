/**
 * `alexa-proactive-events/runtime`: the hand-written half that generated modules import.
 *
 * Generated code (the package's own generated/, or a module generated with `--out` into a skill's
 * project) imports only this subpath, never a file path inside the package, so it runs against
 * whichever copy of the package is installed. Skill code should import the package root instead:
 * the names here are building blocks of the generated modules, not a stable user API.
 */
export * from './validation/access.js';
export * from './validation/checks.js';
export * from './validation/collector.js';
export * from './validation/date-time.js';
export * from './validation/envelope.js';
export * from './validation/issues.js';
export * from './validation/localized.js';
export * from './validation/event-validator.js';
export * from './validation/fast.js';
export * from './validation/field-rules.js';
export * from './utterance/index.js';
export * from './builders/index.js';
export * from './manifest/fragment.js';
export * from './manifest/render.js';
export type * from './catalog.js';
export * from './client/index.js';
