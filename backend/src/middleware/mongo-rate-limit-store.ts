// express-rate-limit's Store on MongoDB: a fixed window per client, counted with atomic updates,
// so two backends on one database share one count. Written here because the published MongoDB
// store (rate-limit-mongo 2.3.2) pins the mongodb 3.x driver and expires windows by a TTL index,
// which the embedded database never runs.
//
// Far from the limit a count needs no round trip: each instance adds hits locally and writes
// them in one `$inc` a second later, or as soon as it holds `batch` (limit / 20) of them. Near
// the limit (from half of it) every hit is counted in the database, so what any instance sees
// there lacks at most the other instances' unwritten hits: N instances admit at most
// limit + (N − 1) × batch in a window. A limit under 20 has no batch: every hit is written.
// Memory: one small entry per client seen in the current window, dropped when it ends.
import type { ClientRateLimitInfo, Options, Store } from 'express-rate-limit';
import { isDuplicateKey } from '../db/connect';
import { RateLimitHitModel } from '../models/rate-limit-hit.model';

/** How long a local hit may wait before it is written. */
export const FLUSH_MS = 1000;

interface Window {
  resetAt: Date;
  /** The database's count when this instance last wrote to it. */
  known: number;
  /** Hits counted here and not written yet. */
  pending: number;
}

export class MongoRateLimitStore implements Store {
  readonly localKeys = false;
  private windowMs = 60_000;
  private limit = 0;
  private batch = 0;
  private readonly windows = new Map<string, Window>();
  private timer: NodeJS.Timeout | undefined;

  constructor(readonly prefix: string) {}

  init(options: Options): void {
    this.windowMs = options.windowMs;
    // A limit computed per request has no fixed half to stay under: every hit is written.
    this.limit = typeof options.limit === 'number' ? options.limit : 0;
    this.batch = Math.floor(this.limit / 20);
  }

  async increment(key: string): Promise<ClientRateLimitInfo> {
    const _id = `${this.prefix}:${key}`;
    const local = this.current(_id);
    if (local && local.pending < this.batch && local.known + local.pending + 1 <= this.limit / 2) {
      local.pending++;
      return { totalHits: local.known + local.pending, resetTime: local.resetAt };
    }
    // Written now, with this instance's unwritten hits of the window.
    const carried = local?.pending ?? 0;
    if (local) local.pending = 0;
    try {
      const counted = await this.count(_id, carried + 1);
      if (this.batch > 0) this.remember(_id, counted);
      return counted;
    } catch (err) {
      if (local) local.pending += carried;
      throw err;
    }
  }

  async decrement(key: string): Promise<void> {
    const _id = `${this.prefix}:${key}`;
    const local = this.current(_id);
    if (local && local.pending > 0) {
      local.pending--;
      return;
    }
    await RateLimitHitModel.updateOne({ _id, hits: { $gt: 0 } }, { $inc: { hits: -1 } });
  }

  async resetKey(key: string): Promise<void> {
    const _id = `${this.prefix}:${key}`;
    this.windows.delete(_id);
    await RateLimitHitModel.deleteOne({ _id });
  }

  /** How many clients' windows this instance keeps in memory. */
  get tracked(): number {
    return this.windows.size;
  }

  /** Writes every unwritten hit and forgets windows that ended (also run by the timer). */
  async flush(): Promise<void> {
    const now = Date.now();
    await Promise.all(
      [...this.windows].map(async ([_id, w]) => {
        if (w.resetAt.getTime() <= now) {
          this.windows.delete(_id); // its hits no longer count for anything
          return;
        }
        if (w.pending === 0) return;
        const hits = w.pending;
        w.pending = 0;
        try {
          const counted = await RateLimitHitModel.findOneAndUpdate(
            { _id, resetAt: w.resetAt },
            { $inc: { hits } },
            { returnDocument: 'after' },
          ).lean();
          if (counted) w.known = counted.hits;
          else this.windows.delete(_id); // another instance started a new window
        } catch {
          w.pending += hits; // the database is away: written on a later tick
        }
      }),
    );
    this.schedule();
  }

  private current(_id: string): Window | undefined {
    const w = this.windows.get(_id);
    return w && w.resetAt.getTime() > Date.now() ? w : undefined;
  }

  private remember(_id: string, counted: ClientRateLimitInfo): void {
    const w = this.windows.get(_id);
    const resetAt = counted.resetTime!;
    if (w && w.resetAt.getTime() === resetAt.getTime()) {
      w.known = Math.max(w.known, counted.totalHits); // hits counted here meanwhile stay pending
    } else {
      this.windows.set(_id, { resetAt, known: counted.totalHits, pending: 0 });
    }
    this.schedule();
  }

  private schedule(): void {
    if (this.timer || this.windows.size === 0) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, FLUSH_MS).unref();
  }

  /** Adds `hits` to the client's window in the database; the count after, and its reset time. */
  private async count(_id: string, hits: number): Promise<ClientRateLimitInfo> {
    for (;;) {
      const now = new Date();
      // The usual case: hits inside the current window.
      const counted = await RateLimitHitModel.findOneAndUpdate(
        { _id, resetAt: { $gt: now } },
        { $inc: { hits } },
        { returnDocument: 'after' },
      ).lean();
      if (counted) return { totalHits: counted.hits, resetTime: counted.resetAt };
      // The window passed: exactly one caller resets it (the condition no longer matches after).
      const resetAt = new Date(now.getTime() + this.windowMs);
      const reset = await RateLimitHitModel.updateOne(
        { _id, resetAt: { $lte: now } },
        { $set: { hits, resetAt } },
      );
      if (reset.modifiedCount === 1) return { totalHits: hits, resetTime: resetAt };
      if (reset.matchedCount === 0) {
        try {
          await RateLimitHitModel.create({ _id, hits, resetAt });
          return { totalHits: hits, resetTime: resetAt };
        } catch (err) {
          if (!isDuplicateKey(err)) throw err;
        }
      }
      // Another instance reset or created it a moment ago: count these hits in that window.
    }
  }
}
