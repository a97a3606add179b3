import { Schema, model, type HydratedDocument, type InferSchemaType } from 'mongoose';
import { CURRENCIES } from '@checkout-lab/contracts/money';
import { HOLD_STATES, PAYMENT_STATUSES, REFUND_STATUSES } from '@checkout-lab/contracts/statuses';
import { timelineEntrySchema } from './timeline.schema';

/**
 * A gateway's name as the registry knows it. Not an enum: a gateway is added in gateways/ and
 * the registry alone, and requests naming one that is not enabled are refused at the edge.
 */
export const gatewayNameField = { type: String, required: true, match: /^[a-z][a-z0-9]{1,30}$/ };

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

const holdLineSchema = new Schema(
  {
    product: { type: Schema.Types.ObjectId, ref: 'Product', required: true },
    quantity: { type: Number, required: true, min: 1 },
    name: { type: String, required: true },
  },
  { _id: false },
);

const paymentSchema = new Schema(
  {
    order: { type: Schema.Types.ObjectId, ref: 'Order', required: true, index: true },
    gateway: gatewayNameField,
    /** Checkout attempt number on the order (1, 2, …). */
    attempt: { type: Number, required: true, min: 1 },
    refs: {
      /** Razorpay `order_…`; RupantorPay: our `TXN_<order>_<time>` sent in metadata. */
      orderId: { type: String },
      /** Razorpay `pay_…`; RupantorPay `transaction_id`. One document per gateway payment. */
      paymentId: { type: String },
      /** The wallet's, bank's or network's own id for the payment: RupantorPay's `trx_id`. */
      acquirerRef: { type: String },
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
    /**
     * The stock this checkout attempt holds: set only on the attempt's own document (later
     * payments in the same gateway order share it). Each product's side of it is an entry in
     * that product's `holds`, keyed by this document's id.
     */
    hold: {
      state: { type: String, enum: HOLD_STATES },
      expiresAt: { type: Date },
      reason: { type: String },
      releasedAt: { type: Date },
      lines: { type: [holdLineSchema], default: undefined },
    },
    /**
     * When the order was settled for this captured payment (paid by it, or found paid by
     * another, or its amount refused). Until then reconciliation keeps repairing it, so a crash
     * between "payment captured" and "order paid" is finished by the next sweep.
     */
    orderSettledAt: { type: Date },
    /**
     * True from the capture until the order is settled: what the repair sweep looks for, by
     * equality (an index every database here can serve), so it reads only what is unsettled.
     */
    settlePending: { type: Boolean },
    /**
     * Reconciliation's schedule for an open attempt: due from its creation (after the grace
     * period), then backing off after each check (see reconcile.service's RECHECK_AFTER_MS), so a
     * sweep reads only what is due and abandoned attempts cost one call an hour, not one a run.
     */
    nextCheckAt: { type: Date, default: () => new Date() },
    checks: { type: Number, default: 0 },
    lastCheckedAt: { type: Date },
    timeline: { type: [timelineEntrySchema], default: [] },
  },
  { timestamps: true },
);

paymentSchema.index({ 'refs.paymentId': 1 }, { unique: true, sparse: true });
paymentSchema.index({ gateway: 1, 'refs.orderId': 1 });
// The reconcile sweep: open attempts whose next check is due, soonest first.
paymentSchema.index({ status: 1, nextCheckAt: 1 });
paymentSchema.index({ settlePending: 1, updatedAt: 1 }, { sparse: true });
// The expiry sweep: only open holds that are due, oldest first.
paymentSchema.index({ 'hold.state': 1, 'hold.expiresAt': 1 });

export type Payment = InferSchemaType<typeof paymentSchema>;
export type PaymentDocument = HydratedDocument<Payment>;
export const PaymentModel = model('Payment', paymentSchema);
