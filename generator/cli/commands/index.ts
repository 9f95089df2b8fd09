import type { CommandModule } from 'yargs';
import { generateCommand } from './generate.js';
import { schemasCommand } from './schemas.js';
import { validateCommand } from './validate.js';

/** Every command of the `proactive-events` CLI, in the order `--help` lists them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const commands: CommandModule<any, any>[] = [
  generateCommand,
  schemasCommand,
  validateCommand,
];
