/** Why an event could not be previewed; `path` is a JSON pointer into the event. */
import { ProactiveEventsError } from '../errors.js';
import type { Issue } from '../validation/issues.js';
export type UtterancePreviewErrorCode =
  | 'invalid-event'
  | 'unknown-event'
  | 'missing-field'
  | 'wrong-type'
  | 'unknown-value'
  | 'missing-localized-attribute'
  | 'no-variant'
  | 'invalid-option';

/**
 * An event the previewer refuses to speak: a sentence built from a broken event would be
 * garbled, so the previewer names the place and what it expected instead.
 */
export class UtterancePreviewError extends ProactiveEventsError {
  constructor(
    readonly code: UtterancePreviewErrorCode,
    /** JSON pointer into the event ('' for the event itself). */
    readonly path: string,
    detail: string,
    /** For `invalid-event`: every error the validator reported. */
    readonly issues: readonly Issue[] = [],
  ) {
    // An option is not a place in the event: its message has no pointer.
    super(code === 'invalid-option' ? detail : `${path || '/'}: ${detail}`);
    this.name = 'UtterancePreviewError';
  }
}
