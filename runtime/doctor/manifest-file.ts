/**
 * Reads the manifest a skill deploys: an ASK CLI skill.json (`manifest`) or a Jovo v3 project.js
 * (`alexaSkill.manifest`, read statically). A `.js`/`.cjs`/`.mjs` file is a project.js, anything else
 * JSON, as `manifest --write` decides.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { readProjectJs, ProjectJsError } from './project-js.js';
import { ProactiveEventsError } from '../errors.js';

export interface ManifestSource {
  readonly file: string;
  readonly format: 'skill-json' | 'jovo';
  /** The manifest object (may contain Opaque parts for a project.js), or undefined when absent. */
  readonly manifest: unknown;
  /** Where in the file the manifest lives, for messages. */
  readonly where: string;
  readonly stagesWithAlexaSkill: readonly string[];
}

/** The file cannot be read or parsed: a one-line message naming the file (and line:column). */
export class ManifestReadError extends ProactiveEventsError {
  override name = 'ManifestReadError';
}

export async function readManifestFile(file: string): Promise<ManifestSource> {
  let text: string;
  try {
    text = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new ManifestReadError(
      `${file}: cannot read the manifest: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : String(code ?? error)}`,
    );
  }
  return parseManifestText(text, file);
}

export async function parseManifestText(text: string, file: string): Promise<ManifestSource> {
  if (['.js', '.cjs', '.mjs'].includes(extname(file).toLowerCase())) {
    try {
      const read = await readProjectJs(text, file);
      return {
        file,
        format: 'jovo',
        manifest: read.manifest,
        where: 'alexaSkill.manifest',
        stagesWithAlexaSkill: read.stagesWithAlexaSkill,
      };
    } catch (error) {
      if (error instanceof ProjectJsError) throw new ManifestReadError(error.message);
      throw error;
    }
  }
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (error) {
    throw new ManifestReadError(
      `${file}:${jsonErrorPosition(text, error as Error)}malformed JSON: ${(error as Error).message.replace(/ in JSON at position \d+.*$/, '')}`,
    );
  }
  const manifest =
    root !== null && typeof root === 'object' && !Array.isArray(root)
      ? (root as Record<string, unknown>).manifest
      : undefined;
  return { file, format: 'skill-json', manifest, where: 'manifest', stagesWithAlexaSkill: [] };
}

/** `line:column: ` of a JSON.parse error, when V8 names a position. */
function jsonErrorPosition(text: string, error: Error): string {
  const match = /at position (\d+)/.exec(error.message);
  if (match === null) return ' ';
  const offset = Number(match[1]);
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${before.at(-1)!.length + 1}: `;
}
