/**
 * The manifest fragment as text, in the three shapes users paste: a Jovo v3 project.js, an ASK
 * CLI skill-package/skill.json, or the bare JSON. Pure functions, dependency-free.
 */
import type { ManifestFragment } from './fragment.js';
import { defaultJsStyle, jsLiteral } from './js-literal.js';

export const manifestFormats = ['jovo', 'skill-json', 'json'] as const;
export type ManifestFormat = (typeof manifestFormats)[number];

export function renderManifest(fragment: ManifestFragment, format: ManifestFormat): string {
  switch (format) {
    case 'jovo':
      return renderJovoSnippet(fragment);
    case 'skill-json':
      return renderSkillJsonSnippet(fragment);
    case 'json':
      return `${JSON.stringify(fragment, null, 2)}\n`;
  }
}

/** `alexaSkill.manifest` of a Jovo v3 project.js, as the seed's example places it. */
export function renderJovoSnippet(fragment: ManifestFragment): string {
  const config = { alexaSkill: { manifest: fragment } };
  return [
    '// project.js: merge into alexaSkill.manifest. Keep your own events.endpoint: Alexa sends',
    '// the subscription event there.',
    `module.exports = ${jsLiteral(config, defaultJsStyle)};`,
    '',
  ].join('\n');
}

/** `manifest.permissions` and `manifest.events` of an ASK CLI skill-package/skill.json. */
export function renderSkillJsonSnippet(fragment: ManifestFragment): string {
  return `${JSON.stringify({ manifest: fragment }, null, 2)}\n`;
}
