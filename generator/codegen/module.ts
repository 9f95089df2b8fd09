import { type Code, type ImportedName, specifierFrom } from './code.js';
import { commentText } from './literal.js';
import { render } from './templates.js';

/** What a module says about itself in its header. */
export interface ModuleDocs {
  /** One line: what the module is. */
  readonly title: string;
  /** A paragraph from the definitions, if any. */
  readonly description?: string;
  /** Amazon's reference page for what the module holds. */
  readonly reference: string;
  /** The definition files it is generated from, relative to the definitions folder. */
  readonly sources: readonly string[];
}

/**
 * The source text of an emitted module: the header (templates/module.hbs), one import declaration
 * per module its code uses names of (value imports win over type-only ones), then the code.
 */
export function renderModule(path: string, docs: ModuleDocs, body: Code): string {
  return render('module', {
    title: commentText(docs.title),
    description: docs.description && commentText(docs.description.replace(/\s+/g, ' ').trim()),
    reference: commentText(docs.reference),
    single: docs.sources.length === 1 ? commentText(docs.sources[0]!) : false,
    sources: docs.sources.map(commentText),
    imports: importDeclarations(path, body.imports()),
    body: body.render(path).trim(),
  });
}

function importDeclarations(path: string, names: readonly ImportedName[]): string[] {
  const bySpecifier = new Map<string, Map<string, boolean>>();
  for (const name of names) {
    const specifier = specifierFrom(path, name.from);
    if (name.from.kind === 'emitted' && name.from.path === path) continue; // its own name
    if (name.name === '*') continue; // a namespace: its own declaration
    const module = bySpecifier.get(specifier) ?? new Map<string, boolean>();
    bySpecifier.set(specifier, module);
    const imported = name.local === name.name ? name.name : `${name.name} as ${name.local}`;
    module.set(imported, (module.get(imported) ?? true) && name.typeOnly);
  }
  const taken = new Map<string, string>();
  const namespaces = names
    .filter((name) => name.name === '*')
    .map(
      (name) => `import * as ${name.local} from ${JSON.stringify(specifierFrom(path, name.from))};`,
    );
  for (const name of names)
    if (name.name === '*') taken.set(name.local, specifierFrom(path, name.from));
  return [...new Set(namespaces)].concat(
    [...bySpecifier]
      .sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b))
      .map(([specifier, module]) => {
        const entries = [...module].sort(([a], [b]) => a.localeCompare(b));
        for (const [imported] of entries) {
          const local = imported.split(' as ').at(-1)!;
          const other = taken.get(local);
          if (other !== undefined) {
            throw new TypeError(
              `${path}: ${local} is imported from both ${other} and ${specifier}`,
            );
          }
          taken.set(local, specifier);
        }
        const allTypes = entries.every(([, typeOnly]) => typeOnly);
        const list = entries
          .map(([name, typeOnly]) => (typeOnly && !allTypes ? `type ${name}` : name))
          .join(', ');
        return `import ${allTypes ? 'type ' : ''}{ ${list} } from ${JSON.stringify(specifier)};`;
      }),
  );
}

/** Packages first, then emitted modules. */
function order(specifier: string): number {
  return specifier.startsWith('.') ? 1 : 0;
}
