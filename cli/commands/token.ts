/**
 * `proactive-events token`: checks the Skill Messaging credentials by requesting an access token. The
 * token itself is always masked (tokens never appear in output), so a screenshot or a CI log of this
 * command is harmless; the client requests its own tokens when it sends.
 */
import type { Argv, CommandModule } from 'yargs';
import { REGIONS, type Region } from '../../runtime/client/endpoints.js';
import { ProactiveEventsError } from '../../runtime/client/errors.js';
import { maskToken, redact } from '../../runtime/client/redact.js';
import { sendAuthRequest } from '../../runtime/client/token.js';
import { readCredentials } from '../credentials.js';
import { CliError, ExitCode } from '../errors.js';

interface TokenArgs {
  region: Region;
  'token-url'?: string;
  json: boolean;
}

export const tokenCommand: CommandModule<object, TokenArgs> = {
  command: 'token',
  describe:
    'Request a Login with Amazon access token (credentials from ALEXA_CLIENT_ID / ALEXA_CLIENT_SECRET)',
  builder: (yargs: Argv) =>
    yargs
      .option('region', {
        choices: REGIONS,
        default: 'NA' as Region,
        describe: 'Accepted for symmetry with `send`; Login with Amazon has one global endpoint',
      })
      .option('token-url', { type: 'string', describe: 'Override the LWA token URL (testing)' })
      .option('json', {
        type: 'boolean',
        default: false,
        describe: 'Print JSON',
      }) as unknown as Argv<TokenArgs>,
  handler: async (argv) => {
    const { clientId, clientSecret } = readCredentials();
    const requestedAt = Date.now();
    let response;
    try {
      response = await sendAuthRequest(clientId, clientSecret, { tokenUrl: argv['token-url'] });
    } catch (error) {
      if (error instanceof ProactiveEventsError) {
        throw new CliError(
          redact(`${error.message}${error.hint ? `\nhint: ${error.hint}` : ''}`, [clientSecret]),
          ExitCode.failure,
        );
      }
      throw error;
    }
    const token = maskToken(response.access_token);
    const expiresAt = new Date(requestedAt + response.expires_in * 1000).toISOString();
    if (argv.json) {
      process.stdout.write(
        `${JSON.stringify(
          {
            access_token: token,
            masked: true,
            token_type: response.token_type,
            scope: response.scope,
            expires_in: response.expires_in,
            expires_at: expiresAt,
          },
          null,
          2,
        )}\n`,
      );
      return;
    }
    process.stdout.write(
      [
        `access token: ${token}  (masked)`,
        `token type:   ${response.token_type}`,
        `scope:        ${response.scope}`,
        `expires in:   ${response.expires_in} s (at ${expiresAt})`,
        '',
      ].join('\n'),
    );
  },
};
