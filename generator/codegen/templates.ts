import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { templatesDir } from '../paths.js';

const compiled = new Map<string, HandlebarsTemplateDelegate>();

/**
 * Renders a template from templates/. Templates are compiled strictly: a misspelt variable or an
 * unknown helper fails generation instead of emitting an empty string.
 */
export function render(name: string, data: object): string {
  let template = compiled.get(name);
  if (!template) {
    const source = readFileSync(join(templatesDir, `${name}.hbs`), 'utf8');
    template = Handlebars.compile(source, { strict: true, knownHelpersOnly: true, noEscape: true });
    compiled.set(name, template);
  }
  return template(data);
}
