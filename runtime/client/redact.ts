/**
 * Scrubbing of secrets. The client secret and access tokens are the only credentials this runtime handles;
 * any text that leaves it (error messages, server bodies echoed into errors, log lines) passes through
 * `redact` first, because servers do echo request data back (an LWA error_description can quote the
 * secret it rejected).
 */

export const REDACTED = '[REDACTED]';

/** Shortest value treated as a secret: shorter strings would scrub ordinary words out of messages. */
const MIN_SECRET_LENGTH = 4;

/**
 * Replaces every occurrence of each secret in `text`, also in the URL-encoded and JSON-escaped forms a
 * server might echo (the token request is form-encoded, so that is how the secret travels).
 */
export function redact(text: string, secrets: Iterable<string | undefined>): string {
  let result = text;
  for (const secret of secrets) {
    if (secret === undefined || secret.length < MIN_SECRET_LENGTH) continue;
    const forms = new Set([
      secret,
      encodeURIComponent(secret),
      new URLSearchParams({ s: secret }).toString().slice(2),
      JSON.stringify(secret).slice(1, -1),
    ]);
    for (const form of forms) result = result.split(form).join(REDACTED);
  }
  return result;
}

/**
 * Shows enough of a token to tell two tokens apart without making it usable: the first 8 characters,
 * an ellipsis, and the length.
 */
export function maskToken(token: string): string {
  if (token.length <= 12) return `… (${token.length} chars)`;
  return `${token.slice(0, 8)}… (${token.length} chars)`;
}
