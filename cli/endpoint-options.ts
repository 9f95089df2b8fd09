/**
 * The options every command that talks to Amazon takes: where (region, stage) and, for tests and
 * proxies, which hosts. One definition, so `send` and `worker` describe them alike.
 */
import type { Argv } from 'yargs';
import { REGIONS, STAGES, type Region, type Stage } from '../runtime/client/endpoints.js';

export interface EndpointArgs {
  region: Region;
  stage: Stage;
  'api-url'?: string;
  'token-url'?: string;
}

export function endpointOptions<T>(yargs: Argv<T>) {
  return yargs
    .option('region', { choices: REGIONS, default: 'NA' as Region, describe: 'API region' })
    .option('stage', {
      choices: STAGES,
      default: 'development' as Stage,
      describe: 'development reaches only your test devices; live reaches customers',
    })
    .option('api-url', {
      type: 'string',
      describe: 'Override the API host (the stage path is kept)',
    })
    .option('token-url', { type: 'string', describe: 'Override the LWA token URL' });
}
