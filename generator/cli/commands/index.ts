import type { CommandModule } from 'yargs';
import { subscriptionsCommand } from './subscriptions.js';

/** Every command of the `proactive-events` CLI, in the order `--help` lists them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const commands: CommandModule<any, any>[] = [subscriptionsCommand];
