import { describe, expect, it } from 'vitest';
import {
  manifestFragment,
  notificationsPermission,
  subscriptionEvent,
} from '../../../generated/manifest.js';
import { resolveEventNames } from '../../../runtime/manifest/names.js';
import { jsLiteral } from '../../../runtime/manifest/js-literal.js';
import { eventNames, schemas } from '../../../generated/catalog.js';

describe('manifestFragment', () => {
  it('declares the permission, every schema in catalog order and the subscription event', () => {
    expect(manifestFragment()).toEqual({
      permissions: [{ name: 'alexa::devices:all:notifications:write' }],
      events: {
        publications: eventNames.map((eventName) => ({ eventName })),
        subscriptions: [{ eventName: 'SKILL_PROACTIVE_SUBSCRIPTION_CHANGED' }],
      },
    });
    expect([notificationsPermission, subscriptionEvent]).toEqual([
      'alexa::devices:all:notifications:write',
      'SKILL_PROACTIVE_SUBSCRIPTION_CHANGED',
    ]);
  });

  it('keeps a chosen subset in catalog order without duplicates', () => {
    const fragment = manifestFragment({
      events: [
        'AMAZON.SocialGameInvite.Available',
        'AMAZON.WeatherAlert.Activated',
        'AMAZON.SocialGameInvite.Available',
      ],
    });
    expect(fragment.events.publications).toEqual([
      { eventName: 'AMAZON.WeatherAlert.Activated' },
      { eventName: 'AMAZON.SocialGameInvite.Available' },
    ]);
  });

  it('returns a fresh object each time, so callers may change it', () => {
    const first = manifestFragment();
    first.permissions.push({ name: 'alexa::profile:email:read' });
    expect(manifestFragment().permissions).toHaveLength(1);
  });

  it('throws a RangeError for an unknown name (JavaScript callers) and for an empty choice', () => {
    expect(() =>
      manifestFragment({
        events: ['AMAZON.WeatherAlert.Activate' as 'AMAZON.WeatherAlert.Activated'],
      }),
    ).toThrow(
      new RangeError(
        'manifestFragment: unknown event "AMAZON.WeatherAlert.Activate" (did you mean "AMAZON.WeatherAlert.Activated"?)',
      ),
    );
    expect(() => manifestFragment({ events: [] })).toThrow(
      new RangeError('manifestFragment: no events chosen (leave `events` out for all of them)'),
    );
  });
});

describe('resolveEventNames', () => {
  it('accepts full and short names in any case and answers in catalog order', () => {
    expect(resolveEventNames([' orderstatus ', 'AMAZON.WEATHERALERT.ACTIVATED'], schemas)).toEqual({
      ok: true,
      names: ['AMAZON.WeatherAlert.Activated', 'AMAZON.OrderStatus.Updated'],
    });
  });

  it('suggests a short name for a mistyped short name and a full name for a full one', () => {
    expect(resolveEventNames(['TrashCollection', 'AMAZON.Ocasion.Updated'], schemas)).toEqual({
      ok: false,
      messages: [
        'unknown event "TrashCollection" (did you mean "TrashCollectionAlert"?)',
        'unknown event "AMAZON.Ocasion.Updated" (did you mean "AMAZON.Occasion.Updated"?)',
      ],
    });
  });
});

describe('jsLiteral', () => {
  it('escapes quotes, backslashes and line breaks and quotes keys that are not identifiers', () => {
    expect(jsLiteral({ "it's": 'a\\b\n\u2028' })).toBe("{ 'it\\'s': 'a\\\\b\\n\\u2028' }");
    expect(
      jsLiteral({ a: [1, 2] }, { indent: '\t', quote: '"', trailingComma: false, eol: '\r\n' }),
    ).toBe('{\r\n\ta: [\r\n\t\t1,\r\n\t\t2\r\n\t]\r\n}');
  });
});

describe('what the package loads', () => {
  it('generated/manifest.ts and runtime/manifest/ import nothing but each other, the runtime subpath and acorn', async () => {
    const { readFile, readdir } = await import('node:fs/promises');
    const { join } = await import('node:path');
    const root = join(import.meta.dirname, '../../..');
    const files = [
      'generated/manifest.ts',
      ...(await readdir(join(root, 'runtime/manifest'))).map((name) => `runtime/manifest/${name}`),
    ];
    const specifiers: string[] = [];
    for (const file of files) {
      const text = await readFile(join(root, file), 'utf8');
      for (const match of text.matchAll(/\bfrom '([^']+)'|import\('([^']+)'\)/g))
        specifiers.push(match[1] ?? match[2]!);
    }
    expect(specifiers.length).toBeGreaterThan(3);
    expect(
      specifiers.filter(
        (specifier) =>
          !specifier.startsWith('.') &&
          specifier !== 'alexa-proactive-events/runtime' &&
          // The project.js parser: a run-time dependency, imported by doctor and manifest --write only.
          specifier !== 'acorn',
      ),
    ).toEqual([]);
  });
});
