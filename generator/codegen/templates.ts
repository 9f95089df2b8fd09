import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { templatesDir } from '../paths.js';
import { Code, ImportedName, SpecifierOf } from './code.js';

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

/** What a code template's holes take: code and imported names keep what they import. */
type Hole = Code | ImportedName | SpecifierOf;

/**
 * A template from templates/ as Code: the skeleton is the template's text, and every Code or
 * imported name passed in `data` (at the top level, or in arrays there) stays a part of the
 * result, so the module that uses it imports what it names.
 */
export function renderCode(name: string, data: Readonly<Record<string, unknown>>): Code {
  const holes: Hole[] = [];
  const hole = (value: Hole) => `\u0000${holes.push(value) - 1}\u0000`;
  const isHole = (value: unknown): value is Hole =>
    value instanceof Code || value instanceof ImportedName || value instanceof SpecifierOf;
  const marked = Object.fromEntries(
    Object.entries(data).map(([key, value]) => [
      key,
      isHole(value)
        ? hole(value)
        : Array.isArray(value)
          ? value.map((item: unknown) => (isHole(item) ? hole(item) : item))
          : value,
    ]),
  );
  const text = render(name, marked);
  const parts: (string | ImportedName | SpecifierOf)[] = [];
  text.split('\u0000').forEach((piece, index) => {
    if (index % 2 === 0) parts.push(piece);
    else {
      const value = holes[Number(piece)]!;
      if (value instanceof Code) parts.push(...value.parts);
      else parts.push(value);
    }
  });
  return new Code(parts.filter((part) => part !== ''));
}
