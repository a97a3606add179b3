import { Schema, model, type InferSchemaType } from 'mongoose';

/**
 * Rejected webhook deliveries, one document per gateway: a counter and a ring of the last
 * REJECTION_SAMPLES samples. A forger's flood costs two small updates per request and never
 * grows the database (the inbox once took one 10 KB document per forged request).
 */
export const REJECTION_SAMPLES = 100;
/** Characters of the body kept in a sample: enough to see what was sent. */
export const REJECTION_BODY_CHARS = 2000;

const sampleSchema = new Schema(
  {
    at: { type: Date, required: true },
    source: { type: String, default: '' },
    reason: { type: String, required: true },
    body: { type: String, default: '' },
    /** What the delivery said it was (its event type and id), unverified. */
    claimedType: { type: String },
    claimedEventId: { type: String },
  },
  { _id: false },
);

const webhookRejectionSchema = new Schema({
  /** The gateway's name. */
  _id: { type: String, required: true },
  count: { type: Number, default: 0 },
  lastAt: { type: Date },
  /** Keyed by slot (count mod REJECTION_SAMPLES): a map, so each write is one `$set`. */
  samples: { type: Map, of: sampleSchema, default: () => new Map() },
});

export type WebhookRejection = InferSchemaType<typeof webhookRejectionSchema>;
export const WebhookRejectionModel = model('WebhookRejection', webhookRejectionSchema);
