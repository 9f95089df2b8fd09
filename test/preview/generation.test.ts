import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/main.js';
import { defaultDefinitionsDir } from '../../generator/paths.js';

const weatherFile = 'AMAZON.WeatherAlert.Activated.yaml';
let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

/** `generate --check` on a copy of the definitions whose weather file was edited. */
async function generateWith(edit: (text: string) => string) {
  dir = await mkdtemp(join(tmpdir(), 'preview-generation-'));
  const definitions = join(dir, 'definitions');
  await cp(defaultDefinitionsDir, definitions, { recursive: true });
  const file = join(definitions, 'events', weatherFile);
  const original = await readFile(file, 'utf8');
  const edited = edit(original);
  expect(edited).not.toBe(original);
  await writeFile(file, edited);
  const stderr: string[] = [];
  const write = process.stderr.write;
  process.stderr.write = ((chunk: string) => stderr.push(chunk) > 0) as typeof write;
  try {
    const code = await runCli([
      'generate',
      '--check',
      '--definitions',
      definitions,
      '--out',
      join(dir, 'out'),
    ]);
    return { code, stderr: stderr.join(''), file: relative(process.cwd(), file) };
  } finally {
    process.stderr.write = write;
  }
}

describe('a template with a typo fails generation at its position', () => {
  it('an unknown field', async () => {
    const { code, stderr, file } = await generateWith((text) =>
      text.replace(
        '{{spoken weatherAlert.alertType}} alert',
        '{{spoken weatherAlert.alertTyp}} alert',
      ),
    );
    expect(code).toBe(1);
    expect(stderr).toContain(
      `${file}:32:29: /utterances/en-US/0/template: the template names "weatherAlert.alertTyp", which the payload does not have (a payload field such as weatherAlert.alertType, the closest)`,
    );
  });

  it('an unknown helper', async () => {
    const { code, stderr, file } = await generateWith((text) =>
      text.replace('{{spoken weatherAlert.alertType}} vor', '{{spokn weatherAlert.alertType}} vor'),
    );
    expect(code).toBe(1);
    expect(stderr).toContain(
      `${file}:36:38: /utterances/de-DE/0/template: unknown helper "spokn" (one of spoken, date, list, plural, number, if, unless; did you mean "spoken"?)`,
    );
  });

  it('a missing translation of a spoken value', async () => {
    const { code, stderr, file } = await generateWith((text) =>
      text.replace('{ en-US: hurricane, de-DE: Hurrikanwarnung }', 'hurricane'),
    );
    expect(code).toBe(1);
    expect(stderr).toContain(
      `${file}:36:45: /utterances/de-DE/0/template: weatherAlert.alertType has no de-DE words for HURRICANE (spoken: { en-US: …, de-DE: … } on each value)`,
    );
  });
});
