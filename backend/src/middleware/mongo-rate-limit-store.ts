// express-rate-limit's Store on MongoDB: a fixed window per client, counted with atomic updates,
// so two backends on one database share one count. Written here because the published MongoDB
// store (rate-limit-mongo 2.3.2) pins the mongodb 3.x driver and expires windows by a TTL index,
// which the embedded database never runs.
import type { ClientRateLimitInfo, Options, Store } from 'express-rate-limit';
import { isDuplicateKey } from '../db/connect';
import { RateLimitHitModel } from '../models/rate-limit-hit.model';

export class MongoRateLimitStore implements Store {
  readonly localKeys = false;
  private windowMs = 60_000;

  constructor(readonly prefix: string) {}

  init(options: Options): void {
    this.windowMs = options.windowMs;
  }

  async increment(key: string): Promise<ClientRateLimitInfo> {
    const _id = `${this.prefix}:${key}`;
    for (;;) {
      const now = new Date();
      // The usual case: a hit inside the current window.
      const counted = await RateLimitHitModel.findOneAndUpdate(
        { _id, resetAt: { $gt: now } },
        { $inc: { hits: 1 } },
        { returnDocument: 'after' },
      ).lean();
      if (counted) return { totalHits: counted.hits, resetTime: counted.resetAt };
      // The window passed: exactly one caller resets it (the condition no longer matches after).
      const resetAt = new Date(now.getTime() + this.windowMs);
      const reset = await RateLimitHitModel.updateOne(
        { _id, resetAt: { $lte: now } },
        { $set: { hits: 1, resetAt } },
      );
      if (reset.modifiedCount === 1) return { totalHits: 1, resetTime: resetAt };
      if (reset.matchedCount === 0) {
        try {
          await RateLimitHitModel.create({ _id, hits: 1, resetAt });
          return { totalHits: 1, resetTime: resetAt };
        } catch (err) {
          if (!isDuplicateKey(err)) throw err;
        }
      }
      // Another instance reset or created it a moment ago: count this hit in that window.
    }
  }

  async decrement(key: string): Promise<void> {
    await RateLimitHitModel.updateOne(
      { _id: `${this.prefix}:${key}`, hits: { $gt: 0 } },
      { $inc: { hits: -1 } },
    );
  }

  async resetKey(key: string): Promise<void> {
    await RateLimitHitModel.deleteOne({ _id: `${this.prefix}:${key}` });
  }
}
