import type { CommandModule } from 'yargs';
import { defaultDefinitionsDir } from '../../generator/paths.js';
import { relative } from 'node:path';

interface SchemasArgs {
  json: boolean;
  definitions: string;
}

export const schemasCommand: CommandModule<object, SchemasArgs> = {
  command: 'schemas',
  describe: 'List the event schemas and their fields',
  builder: (yargs) =>
    yargs
      .option('json', { type: 'boolean', default: false, describe: 'Print the catalog as JSON' })
      .option('definitions', {
        type: 'string',
        default: relative(process.cwd(), defaultDefinitionsDir) || '.',
        describe: 'Directory holding the definitions',
      }),
  handler: async (args) => {
    const { loadModel } = await import('../../generator/model/load.js');
    const { catalogOf } = await import('../../generator/emitters/catalog.js');
    const catalog = catalogOf(await loadModel(args.definitions));
    if (args.json) {
      process.stdout.write(`${JSON.stringify(catalog, null, 2)}\n`);
      return;
    }
    const lines: string[] = [];
    for (const schema of catalog) {
      lines.push(
        `${schema.name} — ${schema.description}`,
        `  locales: ${schema.locales.join(', ')}`,
      );
      for (const field of schema.fields) {
        const flags = [
          field.required ? 'required' : 'optional',
          field.localizable ? 'localizable' : '',
        ]
          .filter(Boolean)
          .join(', ');
        const values = field.values ? `: ${field.values.join(' | ')}` : '';
        lines.push(`  ${field.path}  ${field.type} (${flags})${values}`);
      }
      lines.push('');
    }
    process.stdout.write(lines.join('\n'));
  },
};
