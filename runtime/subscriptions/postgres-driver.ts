/**
 * Loads `pg` on first use (an optional peer dependency), and the few shapes of it the store uses.
 * The shapes are written out here instead of importing pg's types, so the package's declarations
 * load for users who have no `pg` (nor @types/pg) installed.
 */
import { interopDefault, MissingStoreDriverError } from './driver-errors.js';

export interface PostgresQueryResult<Row> {
  readonly rows: Row[];
  readonly rowCount: number | null;
}

/** Anything that runs a parameterised query: a pg Pool, Client or PoolClient. */
export interface PostgresQueryable {
  query<Row = Record<string, unknown>>(
    text: string,
    values?: unknown[],
  ): Promise<PostgresQueryResult<Row>>;
}

/** A pg Pool (or compatible): queries on any connection, or one connection checked out. */
export interface PostgresPool extends PostgresQueryable {
  connect(): Promise<PostgresQueryable & { release(error?: Error | boolean): void }>;
  end(): Promise<void>;
}

interface PgModule {
  Pool: new (config: { connectionString: string; max?: number }) => PostgresPool;
}

/** Creates a pg Pool for `url`; `load` exists for tests that simulate a missing package. */
export async function createPostgresPool(
  url: string,
  max?: number,
  load?: () => Promise<unknown>,
): Promise<PostgresPool> {
  let pg: PgModule;
  try {
    // `await import()` directly inside a try: bundlers (esbuild) then leave a package that is not
    // installed for run time instead of failing the build of a skill that uses another store.
    pg = interopDefault<PgModule>(load ? await load() : await import('pg'));
  } catch (error) {
    throw new MissingStoreDriverError('PostgresSubscriptionStore', ['pg'], error);
  }
  return new pg.Pool({ connectionString: url, ...(max === undefined ? {} : { max }) });
}
