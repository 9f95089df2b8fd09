import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/definitions.js';

/** Every bare module a file imports at run time, following relative imports (type-only ones skipped). */
function runtimeImports(entry: string): Set<string> {
  const bare = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    const pattern =
      /^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;
    for (const match of source.matchAll(pattern)) {
      const specifier = match[1] ?? match[2]!;
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier));
      else
        bare.add(
          specifier.startsWith('node:')
            ? 'node:*'
            : specifier
                .split('/')
                .slice(0, specifier.startsWith('@') ? 2 : 1)
                .join('/'),
        );
    }
  };
  visit(entry);
  return bare;
}

describe('the package', () => {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
    exports: Record<string, { import: { default: string } } | string>;
    dependencies: Record<string, string>;
    peerDependenciesMeta?: Record<string, unknown>;
  };

  it('loads by name (self-reference through exports) with the whole API', async () => {
    const api = await import('alexa-proactive-events');
    for (const name of [
      'validateProactiveEvent',
      'isProactiveEvent',
      'assertProactiveEvent',
      'validatePayload',
      'previewUtterance',
      'previewUtterances',
      'explainUtterance',
      'manifestFragment',
      'createProactiveEvent',
      'createOrderStatusUpdatedEvent',
      'ProactiveEventsClient',
      'sendAuthRequest',
      'getAccessToken',
      'schemas',
      'eventNames',
      'exampleEvents',
    ]) {
      expect(api, name).toHaveProperty(name);
    }
    const subscriptions = await import('alexa-proactive-events/subscriptions');
    expect(subscriptions).toHaveProperty('SubscriptionTracker');
    expect(subscriptions).toHaveProperty('SqliteSubscriptionStore');
    const doctor = await import('alexa-proactive-events/doctor');
    expect(doctor).toHaveProperty('diagnose');
    expect(doctor).toHaveProperty('renderReport');
  });

  it('keeps the doctor library free of generated code (the caller passes it in)', () => {
    const visited: string[] = [];
    const visit = (file: string) => {
      if (visited.includes(file)) return;
      visited.push(file);
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(/(?:from|import\()\s*['"](\.[^'"]+)['"]/g)) {
        visit(resolve(dirname(file), match[1]!.replace(/\.js$/, '.ts')));
      }
    };
    visit(join(repoRoot, 'runtime/doctor/index.ts'));
    expect(visited.filter((file) => file.includes('/generated/'))).toEqual([]);
    expect(visited.length).toBeGreaterThan(10);
  });

  it.each(Object.entries(manifest.exports).filter(([, target]) => typeof target !== 'string'))(
    '%s needs no generation-time tool at run time',
    (_subpath, target) => {
      // The file Node loads (the bundled entry and its chunks).
      const loaded = (target as { import: { default: string } }).import.default;
      const imports = runtimeImports(join(repoRoot, loaded));
      const allowed = new Set([
        'node:*',
        ...Object.keys(manifest.dependencies).filter((name) => name !== 'yargs'),
        // Optional peers: each store loads its driver with import() only when that store is used.
        ...Object.keys(manifest.peerDependenciesMeta ?? {}),
      ]);
      expect([...imports].filter((name) => !allowed.has(name))).toEqual([]);
    },
  );

  it('keeps its run-time dependencies few', () => {
    // acorn: `doctor` reads a Jovo project.js without the TypeScript compiler.
    expect(Object.keys(manifest.dependencies).sort()).toEqual(['acorn', 'undici', 'yargs']);
  });
});
