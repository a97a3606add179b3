import { Schema, model, type HydratedDocument, type InferSchemaType } from 'mongoose';
import { CURRENCIES } from '../money';
import { timelineEntrySchema } from './timeline.schema';

export const GATEWAYS = ['razorpay', 'rupantorpay'] as const;
export type GatewayName = (typeof GATEWAYS)[number];

export const PAYMENT_STATUSES = [
  'created',
  'authorized',
  'captured',
  'refunded',
  'failed',
] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const REFUND_STATUSES = ['pending', 'processed', 'failed'] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];

const refundSchema = new Schema(
  {
    amount: { type: Number, required: true, min: 1 },
    status: { type: String, required: true, enum: REFUND_STATUSES },
    createdAt: { type: Date, required: true },
    processedAt: { type: Date },
    reason: { type: String },
  },
  { _id: false },
);

const paymentSchema = new Schema(
  {
    order: { type: Schema.Types.ObjectId, ref: 'Order', required: true, index: true },
    gateway: { type: String, required: true, enum: GATEWAYS },
    /** Checkout attempt number on the order (1, 2, …). */
    attempt: { type: Number, required: true, min: 1 },
    refs: {
      /** Razorpay `order_…`; RupantorPay: our `TXN_<order>_<time>` sent in metadata. */
      orderId: { type: String },
      /** Razorpay `pay_…`; RupantorPay `transaction_id`. One document per gateway payment. */
      paymentId: { type: String },
    },
    amount: { type: Number, required: true, min: 1 },
    currency: { type: String, required: true, enum: CURRENCIES },
    method: { type: String },
    status: { type: String, required: true, enum: PAYMENT_STATUSES, default: 'created' },
    refundStatus: { type: String, enum: ['partial', 'full'] },
    amountRefunded: { type: Number, default: 0, min: 0 },
    /**
     * Keyed by the gateway's refund id. A map, not an array: `refunds.<id>.status` gives one
     * conditional update per refund, with no positional `$` or `arrayFilters` (kept out of the
     * subset every supported database handles the same way; docs/database.md).
     */
    refunds: { type: Map, of: refundSchema, default: () => new Map() },
    signatureVerified: { type: Boolean, default: false },
    error: {
      code: { type: String },
      description: { type: String },
      source: { type: String },
      step: { type: String },
      reason: { type: String },
    },
    gatewayResponse: { type: Schema.Types.Mixed },
    timeline: { type: [timelineEntrySchema], default: [] },
  },
  { timestamps: true },
);

paymentSchema.index({ 'refs.paymentId': 1 }, { unique: true, sparse: true });
paymentSchema.index({ gateway: 1, 'refs.orderId': 1 });
paymentSchema.index({ status: 1, createdAt: 1 });

export type Payment = InferSchemaType<typeof paymentSchema>;
export type PaymentDocument = HydratedDocument<Payment>;
export const PaymentModel = model('Payment', paymentSchema);
