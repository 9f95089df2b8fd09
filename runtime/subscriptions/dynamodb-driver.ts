/**
 * Loads the AWS SDK v3 DynamoDB packages on first use (optional peer dependencies) and builds the
 * document client the store talks through. The SDK's types stay out of the public declarations:
 * the store only needs `send(command)` and the command classes by name.
 */
import { interopDefault, MissingStoreDriverError } from './driver-errors.js';

/** A DynamoDBDocumentClient (or anything with its `send`). */
export interface DynamoDocumentClient {
  send(command: unknown): Promise<unknown>;
  destroy?(): void;
}

type CommandClass = new (input: Record<string, unknown>) => unknown;

/** The command classes the store and `createTable` use. */
export interface DynamoCommands {
  Get: CommandClass;
  Put: CommandClass;
  Update: CommandClass;
  Query: CommandClass;
  CreateTable: CommandClass;
  DescribeTable: CommandClass;
}

export interface DynamoConnection {
  readonly client: DynamoDocumentClient;
  readonly commands: DynamoCommands;
}

export interface DynamoConnectOptions {
  readonly region?: string;
  /** e.g. `http://127.0.0.1:8000` for dynalite or DynamoDB Local. */
  readonly endpoint?: string;
  readonly credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** A document client of your own (the store never destroys it). */
  readonly client?: DynamoDocumentClient;
}

interface ClientModule {
  DynamoDBClient: new (config: Record<string, unknown>) => unknown;
  CreateTableCommand: CommandClass;
  DescribeTableCommand: CommandClass;
}

interface LibModule {
  DynamoDBDocumentClient: { from(client: unknown, options?: unknown): DynamoDocumentClient };
  GetCommand: CommandClass;
  PutCommand: CommandClass;
  UpdateCommand: CommandClass;
  QueryCommand: CommandClass;
}

const PACKAGES = ['@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb'];

/** True for an endpoint on this machine: an emulator, which accepts any credentials. */
function isLoopback(endpoint: string | undefined): boolean {
  if (!endpoint) return false;
  try {
    return ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(endpoint).hostname);
  } catch {
    return false;
  }
}

export async function connectDynamo(
  options: DynamoConnectOptions,
  load?: () => Promise<[unknown, unknown]>,
): Promise<DynamoConnection & { owned: boolean }> {
  let client: ClientModule;
  let lib: LibModule;
  try {
    // `await import()` directly inside a try: bundlers (esbuild) then leave a package that is not
    // installed for run time instead of failing the build of a skill that uses another store.
    const [clientModule, libModule] = load
      ? await load()
      : [await import('@aws-sdk/client-dynamodb'), await import('@aws-sdk/lib-dynamodb')];
    client = interopDefault<ClientModule>(clientModule);
    lib = interopDefault<LibModule>(libModule);
  } catch (error) {
    throw new MissingStoreDriverError('DynamoSubscriptionStore', PACKAGES, error);
  }
  const commands: DynamoCommands = {
    Get: lib.GetCommand,
    Put: lib.PutCommand,
    Update: lib.UpdateCommand,
    Query: lib.QueryCommand,
    CreateTable: client.CreateTableCommand,
    DescribeTable: client.DescribeTableCommand,
  };
  if (options.client) return { client: options.client, commands, owned: false };
  const local = isLoopback(options.endpoint);
  const hasCredentials = Boolean(process.env.AWS_ACCESS_KEY_ID || process.env.AWS_PROFILE);
  const base = new client.DynamoDBClient({
    ...(options.region || local ? { region: options.region ?? 'us-east-1' } : {}),
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    // An emulator on this machine needs no real credentials; the SDK still wants some to sign.
    ...(options.credentials
      ? { credentials: options.credentials }
      : local && !hasCredentials
        ? { credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
        : {}),
  });
  return { client: lib.DynamoDBDocumentClient.from(base), commands, owned: true };
}

/** The SDK's error name (`ConditionalCheckFailedException`, `ResourceNotFoundException`…). */
export function awsErrorName(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'name' in error
    ? String((error as { name: unknown }).name)
    : undefined;
}
