/**
 * A SubscriptionStore in one DynamoDB table (layout in dynamodb-table.ts), shared by every Lambda
 * instance of a skill.
 *
 * The compare-and-set of a user is one conditional PutItem of the user's item, guarded by the
 * (t, r) — timestamp and requestId — that was read: a concurrent writer fails the condition and
 * the store reads again and decides anew. The subscriber items are then brought to that version
 * with conditional updates that only move forward (`t, r` older than the writer's), and they are
 * never deleted, only switched off: so writers racing on one user, in any order, leave every
 * subscriber item in the state of the newest version. Each write re-asserts every event the user
 * ever had, which also repairs the items of a writer that crashed between its two steps.
 * (No TransactWriteItems: this works the same against emulators without transactions.)
 */
import { compareCodePoints, difference, sortedUnique } from './order.js';
import {
  awsErrorName,
  connectDynamo,
  type DynamoConnectOptions,
  type DynamoConnection,
} from './dynamodb-driver.js';
import {
  EVENT_NAMES_PK,
  eventPk,
  META_KEY,
  SCHEMA_VERSION,
  USER_SHARDS,
  userPk,
  userShard,
} from './dynamodb-table.js';
import { SchemaTooNewError } from './sqlite-errors.js';
import {
  ignoreReason,
  type ApplyResult,
  type ListableSubscriptionStore,
  type PageQuery,
  type StoreChange,
  type UserState,
} from './store.js';
import { ProactiveEventsError } from '../errors.js';

export interface DynamoSubscriptionStoreOptions extends DynamoConnectOptions {
  /** The table, created by `createSubscriptionsTable` or `proactive-events subscriptions create-table`. */
  readonly table: string;
}

interface UserItem {
  pk: string;
  sk: string;
  app: string;
  t: number;
  r: string;
  ev: string[];
  known?: string[];
}

type Item = Record<string, unknown>;
interface QueryOutput {
  Items?: Item[];
  Count?: number;
  LastEvaluatedKey?: Item;
}

export class DynamoSubscriptionStore implements ListableSubscriptionStore {
  private closed = false;
  /**
   * Event names this instance has registered: nothing removes a name from the registry, so one
   * Put per name and instance is enough (it was a Put per newly subscribed name and change).
   */
  private readonly registered = new Set<string>();

  private constructor(
    private readonly connection: DynamoConnection,
    private readonly owned: boolean,
    private readonly table: string,
  ) {}

  /** Connects and checks the table's schema version (recording it on a table made elsewhere). */
  static async open(options: DynamoSubscriptionStoreOptions): Promise<DynamoSubscriptionStore> {
    const connection = await connectDynamo(options);
    const store = new DynamoSubscriptionStore(connection, connection.owned, options.table);
    try {
      await store.checkSchema();
    } catch (error) {
      await store.close();
      throw error;
    }
    return store;
  }

  private async send<T>(command: unknown): Promise<T> {
    if (this.closed) throw new ProactiveEventsError('DynamoSubscriptionStore is closed');
    return (await this.connection.client.send(command)) as T;
  }

  private get commands() {
    return this.connection.commands;
  }

  private async checkSchema(): Promise<void> {
    let meta: { Item?: { version?: number } };
    try {
      meta = await this.send(
        new this.commands.Get({ TableName: this.table, Key: META_KEY, ConsistentRead: true }),
      );
    } catch (error) {
      if (awsErrorName(error) !== 'ResourceNotFoundException') throw error;
      throw new ProactiveEventsError(
        `DynamoDB table "${this.table}" does not exist: create it with ` +
          `"proactive-events subscriptions create-table --store dynamodb://${this.table}"`,
      );
    }
    const version = meta.Item?.version ?? 0;
    if (version > SCHEMA_VERSION) throw new SchemaTooNewError(version, SCHEMA_VERSION);
    if (version === 0) {
      // A table created by CloudFormation/SAM: record the version once (a race is harmless).
      await this.send(
        new this.commands.Put({
          TableName: this.table,
          Item: { ...META_KEY, version: SCHEMA_VERSION },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ).catch((error: unknown) => {
        if (awsErrorName(error) !== 'ConditionalCheckFailedException') throw error;
      });
    }
  }

  private userKey(userId: string): Item {
    return { pk: userPk(userShard(userId)), sk: userId };
  }

  private async userItem(userId: string): Promise<UserItem | undefined> {
    const output = await this.send<{ Item?: UserItem }>(
      new this.commands.Get({
        TableName: this.table,
        Key: this.userKey(userId),
        ConsistentRead: true,
      }),
    );
    return output.Item;
  }

  async applyIfNewer(change: StoreChange): Promise<ApplyResult> {
    const current = sortedUnique(change.eventNames);
    for (;;) {
      const item = await this.userItem(change.userId);
      const recorded = item && { time: item.t, requestId: item.r };
      const previous = item?.ev ?? [];
      const reason = ignoreReason(change, recorded);
      if (reason !== undefined) return { applied: false, reason, current: previous };
      const known = sortedUnique([...(item?.known ?? previous), ...current]);
      // Register new event names first, so a crash after the user write cannot lose one.
      await Promise.all(difference(current, previous).map((name) => this.registerEventName(name)));
      if (!(await this.writeUser(change, current, known, recorded))) continue;
      await Promise.all(
        known.map((name) => this.writeSubscriber(name, change, current.includes(name))),
      );
      return { applied: true, previous, current };
    }
  }

  /** The conditional write of the user item; false when another writer got there first. */
  private async writeUser(
    change: StoreChange,
    current: string[],
    known: string[],
    recorded: { time: number; requestId: string } | undefined,
  ): Promise<boolean> {
    const item: UserItem = {
      ...(this.userKey(change.userId) as { pk: string; sk: string }),
      app: change.applicationId,
      t: change.time,
      r: change.requestId,
      ev: current,
      known,
    };
    try {
      await this.send(
        new this.commands.Put({
          TableName: this.table,
          Item: item,
          ...(recorded
            ? {
                ConditionExpression: '#t = :t AND #r = :r',
                ExpressionAttributeNames: { '#t': 't', '#r': 'r' },
                ExpressionAttributeValues: { ':t': recorded.time, ':r': recorded.requestId },
              }
            : { ConditionExpression: 'attribute_not_exists(pk)' }),
        }),
      );
      return true;
    } catch (error) {
      if (awsErrorName(error) === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  }

  /** Moves one subscriber item to the change's version, unless a newer version wrote it already. */
  private async writeSubscriber(name: string, change: StoreChange, on: boolean): Promise<void> {
    try {
      await this.send(
        new this.commands.Update({
          TableName: this.table,
          Key: { pk: eventPk(name), sk: change.userId },
          UpdateExpression: 'SET #t = :t, #r = :r, #on = :on',
          ConditionExpression: 'attribute_not_exists(pk) OR #t < :t OR (#t = :t AND #r < :r)',
          ExpressionAttributeNames: { '#t': 't', '#r': 'r', '#on': 'on' },
          ExpressionAttributeValues: { ':t': change.time, ':r': change.requestId, ':on': on },
        }),
      );
    } catch (error) {
      if (awsErrorName(error) !== 'ConditionalCheckFailedException') throw error;
    }
  }

  private async registerEventName(name: string): Promise<void> {
    if (this.registered.has(name)) return;
    await this.send(
      new this.commands.Put({ TableName: this.table, Item: { pk: EVENT_NAMES_PK, sk: name } }),
    );
    this.registered.add(name);
  }

  async stateOf(userId: string): Promise<UserState | undefined> {
    const item = await this.userItem(userId);
    return item && toState(item);
  }

  async subscribersPage(eventName: string, query: PageQuery): Promise<readonly string[]> {
    const limit = Math.max(0, Math.trunc(query.limit));
    const users: string[] = [];
    let start: Item | undefined;
    while (users.length < limit) {
      const output: QueryOutput = await this.send(
        new this.commands.Query({
          TableName: this.table,
          ...this.rangeAfter(eventPk(eventName), query.after),
          FilterExpression: '#on = :true',
          ExpressionAttributeNames: { '#on': 'on' },
          ProjectionExpression: 'sk',
          ConsistentRead: true,
          // Switched-off items are read and filtered out; ask for what is still missing.
          Limit: limit - users.length,
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      for (const item of output.Items ?? []) users.push(item.sk as string);
      start = output.LastEvaluatedKey;
      if (!start) break;
    }
    return users;
  }

  /** `pk = :pk` and, with a cursor, `sk > :after`; merged into a Query's input. */
  private rangeAfter(pk: string, after: string | undefined): Item {
    return {
      KeyConditionExpression: after === undefined ? 'pk = :pk' : 'pk = :pk AND sk > :after',
      ExpressionAttributeValues: {
        ':pk': pk,
        ...(after === undefined ? {} : { ':after': after }),
        ...(pk.startsWith('event#') ? { ':true': true } : {}),
      },
    };
  }

  async count(eventName: string): Promise<number> {
    let total = 0;
    let start: Item | undefined;
    do {
      const output: QueryOutput = await this.send(
        new this.commands.Query({
          TableName: this.table,
          ...this.rangeAfter(eventPk(eventName), undefined),
          FilterExpression: '#on = :true',
          ExpressionAttributeNames: { '#on': 'on' },
          Select: 'COUNT',
          ConsistentRead: true,
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      total += output.Count ?? 0;
      start = output.LastEvaluatedKey;
    } while (start);
    return total;
  }

  async usersPage(query: PageQuery): Promise<readonly UserState[]> {
    const limit = Math.max(0, Math.trunc(query.limit));
    if (limit === 0) return [];
    // Each shard is sorted by userId; the first `limit` of their merge is the page.
    const shards = await Promise.all(
      Array.from({ length: USER_SHARDS }, (_, shard) =>
        this.send<QueryOutput>(
          new this.commands.Query({
            TableName: this.table,
            ...this.rangeAfter(userPk(shard), query.after),
            ConsistentRead: true,
            Limit: limit,
          }),
        ),
      ),
    );
    return shards
      .flatMap((output) => (output.Items ?? []) as unknown as UserItem[])
      .sort((a, b) => compareCodePoints(a.sk, b.sk))
      .slice(0, limit)
      .map(toState);
  }

  async eventCounts(): Promise<readonly { eventName: string; count: number }[]> {
    const names: string[] = [];
    let start: Item | undefined;
    do {
      const output: QueryOutput = await this.send(
        new this.commands.Query({
          TableName: this.table,
          ...this.rangeAfter(EVENT_NAMES_PK, undefined),
          ConsistentRead: true,
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      for (const item of output.Items ?? []) names.push(item.sk as string);
      start = output.LastEvaluatedKey;
    } while (start);
    const counted = await Promise.all(
      names.map(async (eventName) => ({ eventName, count: await this.count(eventName) })),
    );
    return counted
      .filter((entry) => entry.count > 0)
      .sort((a, b) => compareCodePoints(a.eventName, b.eventName));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.owned) this.connection.client.destroy?.();
  }
}

function toState(item: UserItem): UserState {
  return {
    userId: item.sk,
    applicationId: item.app,
    time: item.t,
    requestId: item.r,
    eventNames: item.ev,
  };
}
