import { Schema, model, type HydratedDocument, type InferSchemaType } from 'mongoose';
import { CURRENCIES } from '@checkout-lab/contracts/money';
import { ORDER_STATUSES } from '@checkout-lab/contracts/statuses';
import { timelineEntrySchema } from './timeline.schema';

const minor = {
  type: Number,
  required: true,
  min: 0,
  validate: { validator: Number.isSafeInteger, message: 'must be integer minor units' },
};

const orderItemSchema = new Schema(
  {
    product: { type: Schema.Types.ObjectId, ref: 'Product', required: true },
    slug: { type: String, required: true },
    name: { type: String, required: true },
    image: { type: String, default: '' },
    unitPrice: minor,
    quantity: { type: Number, required: true, min: 1 },
    lineTotal: minor,
  },
  { _id: false },
);

const customerSchema = new Schema(
  {
    name: { type: String, required: true },
    email: { type: String, required: true },
    contact: { type: String, default: '' },
  },
  { _id: false },
);

const orderSchema = new Schema(
  {
    /** Unguessable id used in URLs; the Mongo _id never leaves the server. */
    publicId: { type: String, required: true, unique: true },
    customer: { type: customerSchema, required: true },
    items: { type: [orderItemSchema], required: true },
    subtotal: minor,
    discount: minor,
    tax: minor,
    shipping: minor,
    total: minor,
    coupon: { type: String },
    currency: { type: String, required: true, enum: CURRENCIES },
    status: { type: String, required: true, enum: ORDER_STATUSES, default: 'pending' },
    amountRefunded: { ...minor, default: 0 },
    /** Counts checkout attempts so each new attempt gets the next number. */
    attempts: { type: Number, default: 0 },
    /**
     * When the order expires unpaid (ORDER_EXPIRY_MINUTES after its creation or its newest
     * checkout attempt), also the expiry sweep's claim (moved forward when a run takes it).
     * `expiryOpen` is true while the order is pending with a window (the transition out of
     * pending unsets it): the sweep finds due orders by equality on it, which every database
     * here can serve (the embedded one serves no range scan), so it never reads paid history.
     * Not a TTL index: nothing may vanish, the sweep decides.
     */
    expiryOpen: { type: Boolean },
    expiresAt: { type: Date },
    paidAt: { type: Date },
    paidByPayment: { type: Schema.Types.ObjectId, ref: 'Payment' },
    fulfilledAt: { type: Date },
    /**
     * Fulfilment's steps, each recorded when done, so a crash between any two is finished by
     * reconciliation: take the stock (claimedAt → stockDecrementedAt, or a shortfall), refund a
     * sold-out order (refundClaimedAt → soldOutRefundedAt), send the email (emailClaimedAt →
     * emailSentAt). `open` and `openSince` are set while any step is left: what the sweep looks
     * for, by equality on `open` (an index every database here can use for it: the embedded
     * one serves no range scan), so the sweep reads the open orders, never the paid history.
     */
    fulfilment: {
      open: { type: Boolean },
      openSince: { type: Date },
      claimedAt: { type: Date },
      /** The attempt whose hold the stock was taken under (the ledger key on each product). */
      holdId: { type: Schema.Types.ObjectId },
      stockDecrementedAt: { type: Date },
      shortfall: { type: [String], default: undefined },
      refundClaimedAt: { type: Date },
      soldOutRefundedAt: { type: Date },
      /** The gateway has no refund API: the admin refunds from its dashboard. */
      refundManual: { type: Boolean },
      emailClaimedAt: { type: Date },
      emailSentAt: { type: Date },
      emailError: { type: String },
    },
    timeline: { type: [timelineEntrySchema], default: [] },
  },
  { timestamps: true },
);

orderSchema.index({ status: 1, createdAt: -1 });
orderSchema.index({ 'customer.email': 1, createdAt: -1 });
// The expiry sweep: pending orders past their window, oldest first (sparse: only those open).
orderSchema.index({ expiryOpen: 1, expiresAt: 1 }, { sparse: true });
// Fulfilment's repair sweep: only orders with a step left (sparse: the others have no entry).
orderSchema.index({ 'fulfilment.open': 1, 'fulfilment.openSince': 1 }, { sparse: true });

export type Order = InferSchemaType<typeof orderSchema>;
export type OrderDocument = HydratedDocument<Order>;
export const OrderModel = model('Order', orderSchema);
