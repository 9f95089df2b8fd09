/**
 * Scrubbing of secrets: the one redaction step every string leaving this runtime passes through
 * (error messages, codes, bodies and hints, log lines, outbox and journal lines, CLI output).
 *
 * The client secret and access tokens are the only credentials the runtime handles. Servers echo
 * request data back in many shapes (an LWA error_description quoting the form body, a proxy page
 * HTML-escaping it, a debug header carrying `Basic base64(id:secret)`), so each secret is matched in
 * every form a server plausibly produces: as is and case-folded, URL/form-encoded, JSON-escaped,
 * HTML-entity-encoded, and base64/base64url at any byte alignment. Redaction runs before any
 * truncation, so a cut can never leave a recognisable prefix behind unredacted.
 *
 * Secrets are remembered process-wide (`rememberSecret`): every client secret a client was built with
 * and every token issued in this process, so one client's error can never show another's token.
 */

export const REDACTED = '[REDACTED]';

/** Shortest value treated as a secret: shorter strings would scrub ordinary words out of messages. */
const MIN_SECRET_LENGTH = 4;
/** Shortest base64 fragment worth matching; shorter ones would hit unrelated base64 text. */
const MIN_BASE64_FRAGMENT = 8;
/** Oldest tokens are forgotten beyond this many, so a long-running process cannot grow without bound. */
const MAX_REMEMBERED = 1024;

const remembered = new Set<string>();
let cachedPattern: RegExp | undefined;
let cachedBase64Pattern: RegExp | undefined;

/** Adds a secret (client secret, access token) that every later redaction scrubs. */
export function rememberSecret(secret: string | undefined): void {
  if (secret === undefined || secret.length < MIN_SECRET_LENGTH || remembered.has(secret)) return;
  remembered.add(secret);
  if (remembered.size > MAX_REMEMBERED) {
    const oldest = remembered.values().next().value;
    if (oldest !== undefined) remembered.delete(oldest);
  }
  cachedPattern = undefined;
  cachedBase64Pattern = undefined;
}

/** Scrubs every remembered secret out of `text`, in every form listed in the module comment. */
export function redactSecrets(text: string): string {
  if (remembered.size === 0) return text;
  cachedPattern ??= buildPattern(remembered, 'text');
  cachedBase64Pattern ??= buildPattern(remembered, 'base64');
  return text.replace(cachedPattern, REDACTED).replace(cachedBase64Pattern, REDACTED);
}

/** Whether `text` carries a remembered secret in any form (an event must never carry one). */
export function containsSecret(text: string): boolean {
  return redactSecrets(text) !== text;
}

/**
 * Scrubs `secrets` (plus every remembered one) out of `text`. Kept for callers that hold a secret the
 * runtime never saw, e.g. one read from the environment.
 */
export function redact(text: string, secrets: Iterable<string | undefined> = []): string {
  const extra = [...secrets].filter(
    (s): s is string => s !== undefined && s.length >= MIN_SECRET_LENGTH && !remembered.has(s),
  );
  let result = redactSecrets(text);
  if (extra.length > 0) {
    const set = new Set(extra);
    result = result
      .replace(buildPattern(set, 'text'), REDACTED)
      .replace(buildPattern(set, 'base64'), REDACTED);
  }
  return result;
}

/** Redacts, then cuts to `max` characters: the order matters (see the module comment). */
export function redactAndClip(text: string, max: number): string {
  const clean = redactSecrets(text);
  return clean.length <= max ? clean : `${clean.slice(0, max)}…`;
}

/** Redacts every string inside a JSON-like value (keys included), returning a copy. */
export function redactDeep<T>(value: T): T {
  if (typeof value === 'string') return redactSecrets(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => redactDeep(v)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [redactSecrets(k), redactDeep(v)]),
    ) as T;
  }
  return value;
}

/**
 * Scrubs an error in place before it leaves the library: its message, stack and every own string
 * property (code, hint, description, body …), nested objects included. Returns the same error.
 */
export function redactError<E>(error: E): E {
  if (error === null || typeof error !== 'object') return error;
  const target = error as Record<string, unknown>;
  for (const key of new Set([...Object.getOwnPropertyNames(target), 'message', 'stack'])) {
    const descriptor = Object.getOwnPropertyDescriptor(target, key);
    if (descriptor === undefined || !('value' in descriptor)) continue;
    const value: unknown = descriptor.value;
    const clean =
      typeof value === 'string'
        ? redactSecrets(value)
        : value !== null && typeof value === 'object' && !(value instanceof Error)
          ? redactDeep(value)
          : value;
    if (clean !== value) Object.defineProperty(target, key, { ...descriptor, value: clean });
  }
  return error;
}

/**
 * Shows enough of a token to tell two tokens apart without making it usable: the first 8 characters,
 * an ellipsis, and the length.
 */
export function maskToken(token: string): string {
  if (token.length <= 12) return `… (${token.length} chars)`;
  return `${token.slice(0, 8)}… (${token.length} chars)`;
}

// ---------------------------------------------------------------- forms

/** Case-insensitive textual forms of one secret. */
function textForms(secret: string): string[] {
  const forms = new Set<string>();
  for (const variant of [secret, secret.toLowerCase(), secret.toUpperCase()]) {
    forms.add(variant);
    forms.add(encodeURIComponent(variant));
    forms.add(new URLSearchParams({ s: variant }).toString().slice(2));
    forms.add(JSON.stringify(variant).slice(1, -1));
    for (const apostrophe of ['&#39;', '&#x27;', '&apos;'])
      forms.add(htmlEscape(variant, apostrophe));
    forms.add(numericEntities(variant));
  }
  return [...forms];
}

function htmlEscape(text: string, apostrophe: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, apostrophe);
}

/** Every character as a decimal entity (`&#65;`): how some pages print values they distrust. */
function numericEntities(text: string): string {
  return [...text].map((c) => `&#${c.codePointAt(0)};`).join('');
}

/**
 * The base64 and base64url fragments that any encoding containing the secret's bytes must contain,
 * for each of the three byte alignments (the secret may sit anywhere inside a longer encoded value).
 */
function base64Forms(secret: string): string[] {
  const forms = new Set<string>();
  for (const variant of [secret, secret.toLowerCase(), secret.toUpperCase()]) {
    const bytes = Buffer.from(variant, 'utf8');
    for (let pad = 0; pad < 3; pad++) {
      const encoded = Buffer.concat([Buffer.alloc(pad), bytes]).toString('base64');
      const start = Math.ceil((8 * pad) / 6);
      const end = Math.floor((8 * (pad + bytes.length)) / 6);
      const core = encoded.slice(start, end);
      if (core.length < MIN_BASE64_FRAGMENT) continue;
      forms.add(core);
      forms.add(core.replace(/\+/g, '-').replace(/\//g, '_'));
    }
  }
  return [...forms];
}

function buildPattern(secrets: Iterable<string>, kind: 'text' | 'base64'): RegExp {
  const forms = new Set<string>();
  for (const secret of secrets) {
    for (const form of kind === 'text' ? textForms(secret) : base64Forms(secret)) forms.add(form);
  }
  // Longest first, so a form that contains another is replaced whole.
  const sorted = [...forms].sort((a, b) => b.length - a.length).map(escapeRegExp);
  if (sorted.length === 0) return /(?!)/g;
  return new RegExp(sorted.join('|'), kind === 'text' ? 'gi' : 'g');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
