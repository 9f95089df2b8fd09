import type { CommandModule } from 'yargs';
import type { SchemaInfo } from '../../runtime/catalog.js';

interface SchemasArgs {
  json: boolean;
}

export const schemasCommand: CommandModule<object, SchemasArgs> = {
  command: 'schemas',
  describe: 'List the event schemas and their fields',
  builder: (yargs) =>
    yargs.option('json', {
      type: 'boolean',
      default: false,
      describe: 'Print the catalog as JSON',
    }),
  handler: async (args) => {
    // The generated catalog, not the YAML definitions: the installed package ships only the former.
    const { schemas } = await import('../../generated/catalog.js');
    const catalog: readonly SchemaInfo[] = schemas;
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
