import { Schema, model } from 'mongoose';

/**
 * One client's current window on one limiter (`_id` is `<limiter>:<client>`), shared by every
 * backend on the database, so a limit holds across instances. A window is reset in place, not
 * expired by a TTL index (DESIGN.md keeps to what the embedded database supports), so there is
 * one small document per client and limiter, however long the shop runs.
 */
const rateLimitHitSchema = new Schema(
  {
    _id: { type: String, required: true },
    hits: { type: Number, required: true },
    resetAt: { type: Date, required: true },
  },
  { versionKey: false },
);

export const RateLimitHitModel = model('RateLimitHit', rateLimitHitSchema, 'rate_limit_hits');
