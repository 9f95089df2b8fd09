/** The run-time half of the utterance previewer; generated/preview.ts supplies the templates. */
export { UtteranceContext, type ExplainedValue, type SpokenWords } from './context.js';
export { UtterancePreviewError, type UtterancePreviewErrorCode } from './errors.js';
export {
  createPreviewer,
  type PreviewOptions,
  type Previewer,
  type PreviewerTable,
  type UtteranceExplanation,
  type UtteranceRenderer,
} from './previewer.js';
export {
  isTruthy,
  joinList,
  normalizeUtterance,
  pluralWord,
  spokenCount,
  spokenDate,
} from './speak.js';
export {
  checkPreviewable,
  type PreviewChecks,
  type PreviewValidationResult,
  type PreviewValidator,
} from './validation.js';
