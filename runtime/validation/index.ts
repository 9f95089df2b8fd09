/** The public face of validation: what generated/validate.ts re-exports to users. */
export {
  formatIssue,
  issueCodes,
  ProactiveEventValidationError,
  type Issue,
  type IssueCode,
  type ValidationOptions,
  type ValidationResult,
} from './issues.js';
