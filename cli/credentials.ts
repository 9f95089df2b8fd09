/**
 * Skill Messaging credentials for the commands that talk to Amazon. They come from the environment
 * only: there is deliberately no flag for the secret, because command lines end up in shell history
 * and in process listings other users can read.
 */
import { CliError, ExitCode } from './errors.js';

export interface Credentials {
  clientId: string;
  clientSecret: string;
}

export function readCredentials(env: NodeJS.ProcessEnv = process.env): Credentials {
  const clientId = env.ALEXA_CLIENT_ID?.trim() ?? '';
  const clientSecret = env.ALEXA_CLIENT_SECRET?.trim() ?? '';
  const missing = [
    clientId === '' ? 'ALEXA_CLIENT_ID' : undefined,
    clientSecret === '' ? 'ALEXA_CLIENT_SECRET' : undefined,
  ].filter((name) => name !== undefined);
  if (missing.length > 0) {
    throw new CliError(
      `Missing ${missing.join(' and ')} in the environment. Set ALEXA_CLIENT_ID and ALEXA_CLIENT_SECRET ` +
        "to the Skill Messaging credentials from the developer console's Build → Permissions page " +
        '(there is no flag for the secret, so it stays out of shell history).',
      ExitCode.usage,
    );
  }
  return { clientId, clientSecret };
}
