import { Schema, model } from 'mongoose';

/**
 * Every email the shop sent, in the database rather than one process's folder, so the admin's
 * outbox lists the same mails from any backend on the database. `_id` starts with the send
 * time in milliseconds, so newest-first is the `_id` index read backwards.
 */
const outboxEmailSchema = new Schema(
  {
    _id: { type: String, required: true },
    from: { type: String, required: true },
    to: { type: String, required: true },
    subject: { type: String, required: true },
    text: { type: String, required: true },
    html: { type: String, required: true },
    orderId: { type: String },
    sentAt: { type: Date, required: true },
    delivery: { type: String, required: true, enum: ['outbox', 'smtp'] },
    /** One email per key ("confirmation:ord_…"): see EmailMessage.key. */
    key: { type: String },
  },
  { versionKey: false },
);
outboxEmailSchema.index({ key: 1 }, { unique: true, sparse: true });

export const OutboxEmailModel = model('OutboxEmail', outboxEmailSchema, 'outbox_emails');
