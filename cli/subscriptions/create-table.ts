/** `subscriptions create-table --store dynamodb://TABLE…`: the DynamoDB store's one-time setup. */
import { connectDynamo } from '../../runtime/subscriptions/dynamodb-driver.js';
import { createSubscriptionsTable } from '../../runtime/subscriptions/dynamodb-table.js';
import { InvalidStoreUrlError, parseDynamoUrl } from '../../runtime/subscriptions/open-store.js';
import { CliError, ExitCode } from '../errors.js';
import { storeError } from './store-option.js';

export async function createTable(url: string, write: (text: string) => void): Promise<void> {
  if (!url.toLowerCase().startsWith('dynamodb:')) {
    throw new CliError(
      'create-table is for DynamoDB stores (--store dynamodb://TABLE?region=…&endpoint=…); ' +
        'SQLite and PostgreSQL stores create their tables when first opened',
      ExitCode.usage,
    );
  }
  let target: ReturnType<typeof parseDynamoUrl>;
  try {
    target = parseDynamoUrl(url);
  } catch (error) {
    if (error instanceof InvalidStoreUrlError) throw new CliError(error.message, ExitCode.usage);
    throw error;
  }
  const connection = await connectDynamo(target).catch((error: unknown) => {
    throw storeError(error);
  });
  try {
    const outcome = await createSubscriptionsTable(connection, target.table);
    write(
      outcome === 'created'
        ? `created DynamoDB table ${target.table}\n`
        : `DynamoDB table ${target.table} already exists: left as it is\n`,
    );
  } catch (error) {
    throw storeError(error);
  } finally {
    connection.client.destroy?.();
  }
}
