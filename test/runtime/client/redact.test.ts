/**
 * redact() on its own: the forms it scrubs, where the replacement goes, and that it still finds
 * every secret when it holds a thousand of them (one RegExp alternation of that many took seconds a
 * call). Extra secrets are passed to redact() rather than remembered: remembering is process-wide,
 * and other files in this worker rely on their own secrets staying remembered.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redact, REDACTED } from '../../../runtime/client/redact.js';

/** A token shaped like LWA's: a shared prefix, then a long random tail. */
function token(n: number): string {
  return `Atza|IwEBI${n.toString(36).padStart(4, '0')}${'kQ3-x_Z'.repeat(40)}${String(n).padStart(4, '0')}`;
}

describe('redact', () => {
  it('replaces each form where it stands, leftmost first, the longest form at one place', () => {
    const secret = 'Sec<ret>"';
    const text = [
      `a ${secret.toLowerCase()} b`,
      `c ${encodeURIComponent(secret)} d`,
      `e ${'Sec&lt;ret&gt;&quot;'} f`,
      `g ${Buffer.from(`x${secret}`).toString('base64')} h`,
    ].join('\n');
    expect(redact(text, [secret])).toBe(
      [
        `a ${REDACTED} b`,
        `c ${REDACTED} d`,
        `e ${REDACTED} f`,
        // base64 of "x" + secret: the characters at either end also carry bits of "x" and of the
        // padding, so they stay.
        `g eF${REDACTED}g== h`,
      ].join('\n'),
    );
  });

  it('leaves a text without secrets as it is (the same string)', () => {
    const text = `{"user":"amzn1.ask.account.X","note":"Atza| is LWA's token prefix"}`;
    expect(redact(text, [token(1), 'another-secret'])).toBe(text);
  });

  it('finds every one of 1,024 secrets sharing a prefix, in any case and in base64', () => {
    const secrets = Array.from({ length: 1024 }, (_, n) => token(n));
    const line = (value: string) =>
      `first ${value.toUpperCase()} then ${Buffer.from(value).toString('base64')}.`;
    const scrubbed = redact([0, 511, 1023].map((n) => line(secrets[n]!)).join('\n'), secrets);
    // What stays of the base64: one character mixing the secret's last bits with padding.
    expect(scrubbed.split('\n')).toEqual([
      expect.stringMatching(/^first \[REDACTED\] then \[REDACTED\][A-Za-z0-9+/]==\.$/),
      expect.stringMatching(/^first \[REDACTED\] then \[REDACTED\][A-Za-z0-9+/]==\.$/),
      expect.stringMatching(/^first \[REDACTED\] then \[REDACTED\][A-Za-z0-9+/]==\.$/),
    ]);
  });

  it('no form of any secret survives among unrelated text (property)', () => {
    const secret = fc
      .string({
        unit: fc.constantFrom(...'abcXYZ0189-_.~+/=&<>"\' %|'),
        minLength: 8,
        maxLength: 24,
      })
      .filter((s) => /[a-z]/i.test(s));
    const encodings: ((s: string) => string)[] = [
      (s) => s,
      (s) => s.toUpperCase(),
      (s) => encodeURIComponent(s),
      (s) => JSON.stringify(s),
      (s) => new URLSearchParams({ q: s }).toString(),
      (s) => Buffer.from(`:${s}`).toString('base64url'),
    ];
    fc.assert(
      fc.property(
        fc.uniqueArray(secret, { minLength: 1, maxLength: 40 }),
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: encodings.length - 1 }), fc.string()), {
          maxLength: 6,
        }),
        fc.string(),
        (secrets, placed, tail) => {
          const text =
            placed
              .map(
                ([which, how, filler]) =>
                  filler + encodings[how]!(secrets[which % secrets.length]!),
              )
              .join('') + tail;
          const scrubbed = redact(text, secrets);
          for (const s of secrets) {
            for (const form of [s, s.toUpperCase(), encodeURIComponent(s)]) {
              expect(scrubbed.toUpperCase()).not.toContain(form.toUpperCase());
            }
          }
          if (placed.length === 0) expect(scrubbed).toBe(text);
        },
      ),
      { numRuns: 300, seed: 20261129 },
    );
  });
});
