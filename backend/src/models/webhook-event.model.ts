import { Schema, model, type HydratedDocument, type InferSchemaType } from 'mongoose';
import { WEBHOOK_OUTCOMES } from '@checkout-lab/contracts/statuses';
import { gatewayNameField } from './payment.model';

const webhookEventSchema = new Schema(
  {
    gateway: gatewayNameField,
    /**
     * The gateway's event id (Razorpay's X-Razorpay-Event-Id). Unique per gateway: the insert
     * is what makes a redelivered event a no-op. Rejected (badly signed) deliveries are never
     * stored here (see webhook-rejection.model.ts), so a forger cannot occupy a real event's
     * slot. Unsigned hints are keyed per transaction and time window (webhook.service.ts).
     */
    eventId: { type: String, required: true },
    type: { type: String, required: true },
    signatureValid: { type: Boolean, required: true },
    /** Only on events stored before rejected deliveries were sampled instead; see rawBody. */
    payload: { type: Schema.Types.Mixed },
    /**
     * The exact bytes and the headers that authenticate them, so an event can be re-verified
     * and processed again after a crash, exactly as it arrived.
     */
    rawBody: { type: Buffer },
    headers: { type: Schema.Types.Mixed },
    receivedAt: { type: Date, required: true },
    processedAt: { type: Date },
    outcome: { type: String, required: true, enum: WEBHOOK_OUTCOMES, default: 'pending' },
    detail: { type: String },
    /** Our payment attempt and order the event turned out to be about (set when processed). */
    payment: { type: Schema.Types.ObjectId, ref: 'Payment' },
    order: { type: Schema.Types.ObjectId, ref: 'Order' },
    error: { type: String },
    attempts: { type: Number, default: 0 },
    /** Deliveries of the same event after the first (gateway retries, resends): answered duplicate. */
    redeliveries: { type: Number, default: 0 },
    lastRedeliveredAt: { type: Date },
    leaseUntil: { type: Date },
  },
  { timestamps: true },
);

webhookEventSchema.index({ gateway: 1, eventId: 1 }, { unique: true });
webhookEventSchema.index({ outcome: 1, receivedAt: -1 });

export type WebhookEvent = InferSchemaType<typeof webhookEventSchema>;
export type WebhookEventDocument = HydratedDocument<WebhookEvent>;
export const WebhookEventModel = model('WebhookEvent', webhookEventSchema);
