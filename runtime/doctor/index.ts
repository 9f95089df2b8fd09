/** `alexa-proactive-events/doctor`: why did a proactive event not arrive? */
export { diagnose, type DiagnoseOptions } from './diagnose.js';
export { renderReport } from './render-text.js';
export {
  checkGroups,
  checkStatuses,
  type Check,
  type CheckGroup,
  type CheckStatus,
  type DiagnosisContext,
  type DoctorReport,
  type ManualCheck,
} from './report.js';
export {
  ManifestReadError,
  parseManifestText,
  readManifestFile,
  type ManifestSource,
} from './manifest-file.js';
export type { ManifestNames } from './manifest-checks.js';
export type { SchemaLocales } from './event-checks.js';
export type { Credentials } from './live-checks.js';
export { interpretAnswer } from './live-checks.js';
