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
let cachedForms: RememberedForms | undefined;

/** Adds a secret (client secret, access token) that every later redaction scrubs. */
export function rememberSecret(secret: string | undefined): void {
  if (secret === undefined || secret.length < MIN_SECRET_LENGTH || remembered.has(secret)) return;
  remembered.add(secret);
  if (remembered.size > MAX_REMEMBERED) {
    const oldest = remembered.values().next().value;
    if (oldest !== undefined) remembered.delete(oldest);
  }
  cachedForms = undefined;
}

/** Scrubs every remembered secret out of `text`, in every form listed in the module comment. */
export function redactSecrets(text: string): string {
  if (remembered.size === 0) return text;
  cachedForms ??= formsOf(remembered);
  return scrub(text, cachedForms);
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
  const result = redactSecrets(text);
  return extra.length > 0 ? scrub(result, formsOf(new Set(extra))) : result;
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

// ---------------------------------------------------------------- matching

/**
 * Every form of a set of secrets, indexed by its first ANCHOR characters. One RegExp alternation of
 * all forms was the first design: past a hundred or so remembered tokens (a worker refreshing its
 * token hourly for a week) V8 stops compiling it to machine code and a single call took 0.4–3 s.
 * A scan through this index costs a few arithmetic operations per character, however many secrets
 * there are.
 */
interface RememberedForms {
  /** Case-insensitive forms, folded (see `fold`). */
  readonly text: FormIndex;
  /** base64 and base64url fragments, which are case-sensitive. */
  readonly base64: FormIndex;
}

interface FormIndex {
  /** Forms by their first ANCHOR characters, longest first under each. */
  readonly byAnchor: ReadonlyMap<string, readonly string[]>;
  /** 1 where some anchor hashes (`anchorHash`): most positions are ruled out without a lookup. */
  readonly hashes: Uint8Array;
}

/**
 * Four: what `roll` keeps, and no form is shorter (MIN_SECRET_LENGTH, MIN_BASE64_FRAGMENT), so
 * every form has an anchor.
 */
const ANCHOR = 4;

function formsOf(secrets: Iterable<string>): RememberedForms {
  const text: string[] = [];
  const base64: string[] = [];
  for (const secret of secrets) {
    text.push(...textForms(secret).map(fold));
    base64.push(...base64Forms(secret));
  }
  return { text: byAnchor(text), base64: byAnchor(base64) };
}

function byAnchor(forms: readonly string[]): FormIndex {
  const index = new Map<string, string[]>();
  const hashes = new Uint8Array(HASHES);
  // Longest first, so a form that contains another is replaced whole.
  for (const form of [...new Set(forms)].sort((a, b) => b.length - a.length)) {
    const anchor = form.slice(0, ANCHOR);
    const list = index.get(anchor);
    if (list) list.push(form);
    else index.set(anchor, [form]);
    hashes[anchorHash(form, 0)] = 1;
  }
  return { byAnchor: index, hashes };
}

const HASHES = 1 << 16;

/**
 * A rolling hash of the last ANCHOR (4) units: each step shifts by 5 bits within 20, so a unit
 * four steps back has left it.
 */
function roll(hash: number, unit: number): number {
  return ((hash << 5) ^ unit) & 0xfffff;
}

function slot(hash: number): number {
  return (hash ^ (hash >>> 16)) & (HASHES - 1);
}

function anchorHash(text: string, at: number): number {
  let hash = 0;
  for (let i = at; i < at + ANCHOR; i++) hash = roll(hash, text.charCodeAt(i));
  return slot(hash);
}

/** The textual forms first, then the base64 fragments of what is left. */
function scrub(text: string, forms: RememberedForms): string {
  const scrubbed = replaceForms(text, fold(text), forms.text);
  return replaceForms(scrubbed, scrubbed, forms.base64);
}

/**
 * Replaces each match in `text` with REDACTED, where `comparable` is `text` as the forms are written
 * (folded or not; the same length). Leftmost match first and, at one position, the longest form:
 * what a RegExp alternation of the forms, longest first, replaces.
 */
function replaceForms(text: string, comparable: string, index: FormIndex): string {
  if (index.byAnchor.size === 0) return text;
  let result = '';
  let copied = 0;
  let hash = 0;
  let rolled = 0;
  for (let end = 0; end < comparable.length; end++) {
    hash = roll(hash, comparable.charCodeAt(end));
    if (++rolled < ANCHOR || index.hashes[slot(hash)] === 0) continue;
    const at = end - ANCHOR + 1;
    const form = index.byAnchor
      .get(comparable.slice(at, end + 1))
      ?.find((candidate) => comparable.startsWith(candidate, at));
    if (form === undefined) continue;
    result += `${text.slice(copied, at)}${REDACTED}`;
    copied = at + form.length;
    end = copied - 1;
    hash = 0;
    rolled = 0;
  }
  return copied === 0 ? text : result + text.slice(copied);
}

/**
 * Case-folds each UTF-16 unit the way a case-insensitive (non-unicode) RegExp compares them: to its
 * upper case when that is one unit, and not from outside ASCII into it. The length never changes,
 * so positions in the folded text are positions in the original.
 */
function fold(text: string): string {
  // eslint-disable-next-line no-control-regex -- all of ASCII, control characters included
  if (/^[\x00-\x7f]*$/.test(text)) return text.toUpperCase();
  let folded = '';
  for (const unit of text.split('')) {
    const upper = unit.toUpperCase();
    folded +=
      upper.length === 1 && !(unit.charCodeAt(0) >= 0x80 && upper.charCodeAt(0) < 0x80)
        ? upper
        : unit;
  }
  return folded;
}
