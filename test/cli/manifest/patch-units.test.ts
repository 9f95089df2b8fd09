import { describe, expect, it } from 'vitest';
import { manifestFragment, publishableEvents } from '../../../generated/manifest.js';
import type { EventName } from '../../../generated/types/index.js';
import { unifiedDiff } from '../../../cli/manifest/diff.js';
import { ManifestPatchError } from '../../../cli/manifest/errors.js';
import { mergeEventNames } from '../../../cli/manifest/merge.js';
import { patchProjectJs } from '../../../cli/manifest/patch-project-js.js';
import { patchSkillJson } from '../../../cli/manifest/patch-skill-json.js';

const request = (...events: EventName[]) => ({
  fragment: manifestFragment(events.length > 0 ? { events } : {}),
  catalog: publishableEvents,
});
const permission = "permissions: [{ name: 'alexa::devices:all:notifications:write' }]";
const subscriptions = "subscriptions: [{ eventName: 'SKILL_PROACTIVE_SUBSCRIPTION_CHANGED' }]";

describe('mergeEventNames', () => {
  it('keeps everything, known names in catalog order, unknown ones after in file order', () => {
    expect(
      mergeEventNames(
        ['X.Custom', 'AMAZON.OrderStatus.Updated', 'Y.Custom', 'AMAZON.OrderStatus.Updated'],
        ['AMAZON.WeatherAlert.Activated'],
        publishableEvents,
      ),
    ).toEqual([
      'AMAZON.WeatherAlert.Activated',
      'AMAZON.OrderStatus.Updated',
      'X.Custom',
      'Y.Custom',
    ]);
  });
});

describe('patchProjectJs', () => {
  it('rewrites publications in catalog order when the file has them out of order, keeping comments', () => {
    const text = [
      'module.exports = {',
      '  alexaSkill: {',
      '    manifest: {',
      `      ${permission},`,
      '      events: {',
      '        publications: [',
      "          { eventName: 'AMAZON.OrderStatus.Updated' },",
      '          // storms',
      "          { eventName: 'AMAZON.WeatherAlert.Activated' },",
      '        ],',
      `        ${subscriptions},`,
      "        endpoint: { uri: 'arn:aws:lambda:x' },",
      '      },',
      '    },',
      '  },',
      '};',
      '',
    ].join('\n');
    const result = patchProjectJs(
      text,
      'project.js',
      request('AMAZON.WeatherAlert.Activated', 'AMAZON.OrderStatus.Updated'),
    );
    expect(result.notes).toEqual([]);
    expect(result.text).toBe(
      text.replace(
        [
          "          { eventName: 'AMAZON.OrderStatus.Updated' },",
          '          // storms',
          "          { eventName: 'AMAZON.WeatherAlert.Activated' },",
        ].join('\n'),
        [
          '          // storms',
          "          { eventName: 'AMAZON.WeatherAlert.Activated' },",
          "          { eventName: 'AMAZON.OrderStatus.Updated' },",
        ].join('\n'),
      ),
    );
  });

  it('follows double quotes, CRLF and no trailing commas; lays out a one-line array that would grow too long', () => {
    const text = [
      'module.exports = {',
      '    "alexaSkill": {',
      '        "manifest": {',
      '            "permissions": [{ "name": "alexa::profile:email:read" }]',
      '        }',
      '    }',
      '};',
    ].join('\r\n');
    const { text: patched } = patchProjectJs(
      text,
      'project.js',
      request('AMAZON.Occasion.Updated'),
    );
    expect(patched).toBe(
      [
        'module.exports = {',
        '    "alexaSkill": {',
        '        "manifest": {',
        '            "permissions": [',
        '                { "name": "alexa::profile:email:read" },',
        '                { name: "alexa::devices:all:notifications:write" }',
        '            ],',
        '            events: {',
        '                publications: [{ eventName: "AMAZON.Occasion.Updated" }],',
        '                subscriptions: [{ eventName: "SKILL_PROACTIVE_SUBSCRIPTION_CHANGED" }]',
        '            }',
        '        }',
        '    }',
        '};',
      ].join('\r\n'),
    );
  });

  it('lays a one-line object out one member per line when the addition would not fit', () => {
    const text = "module.exports = { alexaSkill: { nlu: 'alexa' } };\n";
    const { text: patched } = patchProjectJs(
      text,
      'project.js',
      request('AMAZON.Occasion.Updated'),
    );
    expect(patched).toBe(
      [
        'module.exports = { alexaSkill: {',
        "  nlu: 'alexa',",
        '  manifest: {',
        `    ${permission},`,
        '    events: {',
        "      publications: [{ eventName: 'AMAZON.Occasion.Updated' }],",
        `      ${subscriptions},`,
        '    },',
        '  },',
        '} };',
        '',
      ].join('\n'),
    );
  });

  it('extends a short one-line array in place', () => {
    const text = [
      'module.exports = {',
      '  alexaSkill: {',
      '    manifest: {',
      "      permissions: [{ name: 'x' }],",
      '    },',
      '  },',
      '};',
    ].join('\n');
    const { text: patched } = patchProjectJs(
      text,
      'project.js',
      request('AMAZON.Occasion.Updated'),
    );
    expect(patched).toBe(
      [
        'module.exports = {',
        '  alexaSkill: {',
        '    manifest: {',
        "      permissions: [{ name: 'x' }, { name: 'alexa::devices:all:notifications:write' }],",
        '      events: {',
        "        publications: [{ eventName: 'AMAZON.Occasion.Updated' }],",
        `        ${subscriptions},`,
        '      },',
        '    },',
        '  },',
        '};',
      ].join('\n'),
    );
  });

  it('creates alexaSkill when the config has none', () => {
    const text = "export default {\n  endpoint: 'x',\n};\n";
    const { text: patched } = patchProjectJs(
      text,
      'project.mjs',
      request('AMAZON.Occasion.Updated'),
    );
    expect(patched).toBe(
      [
        'export default {',
        "  endpoint: 'x',",
        '  alexaSkill: {',
        '    manifest: {',
        `      ${permission},`,
        '      events: {',
        "        publications: [{ eventName: 'AMAZON.Occasion.Updated' }],",
        `        ${subscriptions},`,
        '      },',
        '    },',
        '  },',
        '};',
        '',
      ].join('\n'),
    );
  });

  const refusals: [string, string, string][] = [
    [
      'a duplicate key',
      'module.exports = { alexaSkill: { manifest: {}, manifest: {} } };',
      'project.js:1:48: alexaSkill.manifest is defined 2 times (lines 1, 1): cannot tell which to update',
    ],
    [
      'a publication that is not a literal',
      'module.exports = { alexaSkill: { manifest: { events: { publications: [{ eventName: NAME }] } } } };',
      'project.js:1:71: alexaSkill.manifest.events.publications[0].eventName is not a string literal; cannot tell what it declares',
    ],
    [
      'a spread in publications',
      'module.exports = { alexaSkill: { manifest: { events: { publications: [...common] } } } };',
      'project.js:1:71: alexaSkill.manifest.events.publications[0] is not an object literal but `...common`; cannot tell what it declares',
    ],
    [
      'two exports',
      'module.exports = {};\nexport default {};',
      'project.js:2:16: the config is exported 2 times (lines 1, 2): cannot tell which to update',
    ],
    [
      'a file without an export',
      'const config = {};',
      'project.js: found neither `module.exports = { … }` nor `export default { … }` (a Jovo v3 project.js has one)',
    ],
  ];
  for (const [what, text, message] of refusals) {
    it(`refuses ${what}`, () => {
      let thrown: unknown;
      try {
        patchProjectJs(text, 'project.js', request());
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ManifestPatchError);
      expect((thrown as Error).message).toBe(message);
    });
  }
});

describe('patchSkillJson', () => {
  it('keeps indentation, CRLF, no final newline, other permissions and hand-added entries', () => {
    const data = {
      manifest: {
        permissions: [{ name: 'alexa::profile:email:read' }],
        events: {
          publications: [
            { eventName: 'Custom.Thing', note: 'by hand' },
            { eventName: 'AMAZON.OrderStatus.Updated' },
          ],
          endpoint: { uri: 'arn:aws:lambda:x' },
        },
      },
    };
    const text = JSON.stringify(data, null, 4).replace(/\n/g, '\r\n');
    const result = patchSkillJson(text, 'skill.json', request('AMAZON.WeatherAlert.Activated'));
    expect(result.notes).toEqual([]);
    expect(result.text).toBe(
      JSON.stringify(
        {
          manifest: {
            permissions: [
              { name: 'alexa::profile:email:read' },
              { name: 'alexa::devices:all:notifications:write' },
            ],
            events: {
              publications: [
                { eventName: 'AMAZON.WeatherAlert.Activated' },
                { eventName: 'AMAZON.OrderStatus.Updated' },
                { eventName: 'Custom.Thing', note: 'by hand' },
              ],
              endpoint: { uri: 'arn:aws:lambda:x' },
              subscriptions: [{ eventName: 'SKILL_PROACTIVE_SUBSCRIPTION_CHANGED' }],
            },
          },
        },
        null,
        4,
      ).replace(/\n/g, '\r\n'),
    );
  });

  it('returns a file whose data is already complete byte for byte, whatever its layout', () => {
    const text = `{"manifest":{"permissions":[{"name":"alexa::devices:all:notifications:write"}],"events":{"publications":[{"eventName":"AMAZON.Occasion.Updated"}],"subscriptions":[{"eventName":"SKILL_PROACTIVE_SUBSCRIPTION_CHANGED"}],"endpoint":{"uri":"https://x"}}}}`;
    expect(patchSkillJson(text, 'skill.json', request('AMAZON.Occasion.Updated'))).toEqual({
      text,
      notes: [],
    });
  });

  it('refuses a block of the wrong shape', () => {
    expect(() =>
      patchSkillJson('{"manifest":{"events":{"publications":{}}}}', 'skill.json', request()),
    ).toThrow('skill.json: /manifest/events/publications is not an array');
    expect(() =>
      patchSkillJson('{"manifest":{"events":{"publications":["X"]}}}', 'skill.json', request()),
    ).toThrow('skill.json: /manifest/events/publications/0 is not { "eventName": "…" }');
  });
});

describe('unifiedDiff', () => {
  it('separates distant changes into hunks with three lines of context', () => {
    const before = 'a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\n';
    const after = 'a\nB\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\n';
    expect(unifiedDiff(before, after, 'f.txt')).toBe(
      [
        '--- f.txt',
        '+++ f.txt',
        '@@ -1,5 +1,5 @@',
        ' a',
        '-b',
        '+B',
        ' c',
        ' d',
        ' e',
        '@@ -10,3 +10,4 @@',
        ' j',
        ' k',
        ' l',
        '+m',
        '',
      ].join('\n'),
    );
    expect(unifiedDiff(before, before, 'f.txt')).toBe('');
  });
});
