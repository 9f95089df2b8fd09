/**
 * One Redis connection and the BullMQ queues of the campaigns it touches. Opening it loads
 * bullmq and ioredis; closing it closes every queue and then the connection.
 */
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { DEFAULT_PREFIX, queueName } from './keys.js';
import { connectRedis, loadBullMQ, type BullMQModule } from './load.js';
import { ProactiveEventsError } from '../errors.js';

const CONNECT_TIMEOUT_MS = 5000;

export interface CampaignConnectionOptions {
  /** Key prefix in Redis (BullMQ's `prefix`). Default `proactive-events`. */
  readonly prefix?: string;
}

export class CampaignConnection {
  readonly #queues = new Map<string, Queue>();

  private constructor(
    readonly url: string,
    readonly redis: Redis,
    readonly bullmq: BullMQModule,
    readonly prefix: string,
  ) {}

  static async open(
    url: string,
    options: CampaignConnectionOptions = {},
  ): Promise<CampaignConnection> {
    const bullmq = await loadBullMQ();
    const redis = await connectRedis(url);
    // ioredis keeps retrying a server that is down (BullMQ needs that later); the first contact
    // gets a deadline so a wrong URL is one clear error instead of a hang.
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new ProactiveEventsError(`no answer within ${CONNECT_TIMEOUT_MS} ms`)),
        CONNECT_TIMEOUT_MS,
      );
    });
    try {
      await Promise.race([redis.ping(), deadline]);
    } catch (error) {
      redis.disconnect();
      const where = new URL(url).host;
      // No `cause`: the driver's error may carry the URL with its password.
      throw new ProactiveEventsError(`cannot reach Redis at ${where}: ${(error as Error).message}`);
    } finally {
      clearTimeout(timer);
    }
    return new CampaignConnection(url, redis, bullmq, options.prefix ?? DEFAULT_PREFIX);
  }

  /** The queue of one campaign (created once per connection). */
  queue(campaignId: string): Queue {
    let queue = this.#queues.get(campaignId);
    if (queue === undefined) {
      queue = new this.bullmq.Queue(queueName(campaignId), {
        connection: this.redis,
        prefix: this.prefix,
      });
      this.#queues.set(campaignId, queue);
    }
    return queue;
  }

  async close(): Promise<void> {
    await Promise.all([...this.#queues.values()].map((queue) => queue.close()));
    this.#queues.clear();
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
