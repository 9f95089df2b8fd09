import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from 'json-schema-to-typescript';
import { Project, ts } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { defaultOutDir } from '../../generator/paths.js';
import { schemas } from '../../generated/catalog.js';

/**
 * Our emitted types against an independent reading of the same facts: json-schema-to-typescript
 * compiles each emitted JSON Schema document, and the type-checker must find its event type and
 * ours assignable to each other. (The JSON Schemas and the types are both emitted from the
 * model; this catches the two drifting apart.)
 */
describe('emitted types and json-schema-to-typescript’s reading of the emitted JSON Schemas', () => {
  it('describe the same events, for every schema', async () => {
    const files: string[] = [];
    for (const schema of schemas) {
      const stem = schema.name.split('.').slice(1).join('');
      const document = JSON.parse(
        readFileSync(join(defaultOutDir, 'schemas', `${schema.name}.schema.json`), 'utf8'),
      ) as Record<string, unknown>;
      const compiled = await compile(
        { ...document, title: `Jstt${stem}` } as never,
        `Jstt${stem}`,
        {
          bannerComment: '',
          additionalProperties: false,
          declareExternallyReferenced: true,
          format: false,
          unknownAny: true,
          strictIndexSignatures: true,
          maxItems: 0,
        },
      );
      // Its declarations in a namespace of their own, so same-named helper types cannot clash.
      files.push(
        `namespace J${stem} {\n${compiled.replace(/^export /gm, 'export ')}\n}\n` +
          `type Ours${stem} = import('./generated/types/index.js').EventOf<'${schema.name}'>;\n` +
          `const a${stem} = (x: J${stem}.Jstt${stem}): Ours${stem} => x;\n` +
          `const b${stem} = (x: Ours${stem}): J${stem}.Jstt${stem} => x;\n` +
          `void a${stem}; void b${stem};\n`,
      );
    }
    const project = new Project({
      compilerOptions: {
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        types: [],
        lib: ['lib.es2023.d.ts'],
        paths: {
          'alexa-proactive-events/runtime': [join(defaultOutDir, '..', 'runtime', 'index.ts')],
        },
      },
    });
    const source = project.createSourceFile(
      join(defaultOutDir, '..', '.types-differential.ts'),
      `export {};\n${files.join('\n')}`,
      { overwrite: true },
    );
    const problems = source
      .getPreEmitDiagnostics()
      .map((diagnostic) =>
        ts.flattenDiagnosticMessageText(
          diagnostic.getMessageText() as string | ts.DiagnosticMessageChain,
          '\n',
        ),
      );
    expect(problems).toEqual([]);
  }, 60_000);
});
