import type { CommandModule } from 'yargs';
import { campaignCommand } from './campaign.js';
import { doctorCommand } from './doctor.js';
import { generateCommand } from './generate.js';
import { manifestCommand } from './manifest.js';
import { previewCommand } from './preview.js';
import { schemasCommand } from './schemas.js';
import { sendCommand } from './send.js';
import { createSubscriptionsCommand } from './subscriptions.js';
import { tokenCommand } from './token.js';
import { validateCommand } from './validate.js';
import { workerCommand } from './worker.js';

/** Every command of the `proactive-events` CLI, in the order `--help` lists them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const commands: CommandModule<any, any>[] = [
  generateCommand,
  schemasCommand,
  validateCommand,
  previewCommand,
  manifestCommand,
  tokenCommand,
  sendCommand,
  createSubscriptionsCommand({
    loadKnownEventNames: async () => (await import('../../generated/catalog.js')).eventNames,
  }),
  doctorCommand,
  campaignCommand,
  workerCommand,
];
