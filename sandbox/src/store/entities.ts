import { z } from 'zod';

// Entity shapes follow Razorpay's API reference field for field, so SDK users see what the real
// gateway returns. They double as the snapshot file's schema.

const notes = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));

export const orderSchema = z.object({
  id: z.string(),
  entity: z.literal('order'),
  amount: z.number().int(),
  amount_paid: z.number().int(),
  amount_due: z.number().int(),
  currency: z.string(),
  receipt: z.string().nullable(),
  offer_id: z.string().nullable(),
  status: z.enum(['created', 'attempted', 'paid']),
  attempts: z.number().int(),
  notes: z.union([notes, z.array(z.never())]),
  created_at: z.number().int(),
});
export type Order = z.infer<typeof orderSchema>;

export const cardSchema = z.object({
  id: z.string(),
  entity: z.literal('card'),
  name: z.string(),
  /** The first six digits (the issuer identification number); never more of the number. */
  iin: z.string().default(''),
  last4: z.string(),
  network: z.enum([
    'Visa',
    'MasterCard',
    'RuPay',
    'American Express',
    'Diners Club',
    'Maestro',
    'Unknown',
  ]),
  type: z.enum(['credit', 'debit', 'prepaid', 'unknown']),
  issuer: z.string().nullable(),
  international: z.boolean(),
  emi: z.boolean(),
  sub_type: z.enum(['customer', 'business']),
});
export type Card = z.infer<typeof cardSchema>;

export const paymentStatusSchema = z.enum([
  'created',
  'authorized',
  'captured',
  'refunded',
  'failed',
]);
export type PaymentStatus = z.infer<typeof paymentStatusSchema>;

export const paymentMethodSchema = z.enum(['card', 'upi', 'netbanking', 'wallet']);
export type PaymentMethod = z.infer<typeof paymentMethodSchema>;

// Payments written by older sandboxes lack base_amount and amount_transferred: fill them in.
const withPaymentDefaults = (v: unknown) =>
  v && typeof v === 'object' && 'amount' in v
    ? { base_amount: (v as { amount: unknown }).amount, amount_transferred: 0, ...v }
    : v;

export const paymentSchema = z.preprocess(
  withPaymentDefaults,
  z.object({
    id: z.string(),
    entity: z.literal('payment'),
    amount: z.number().int(),
    currency: z.string(),
    /** The amount in INR for international payments; equal to `amount` for INR ones. */
    base_amount: z.number().int(),
    status: paymentStatusSchema,
    order_id: z.string(),
    invoice_id: z.null(),
    international: z.boolean(),
    method: paymentMethodSchema,
    amount_refunded: z.number().int(),
    /** Route transfers; the sandbox has none. */
    amount_transferred: z.number().int(),
    refund_status: z.enum(['partial', 'full']).nullable(),
    captured: z.boolean(),
    description: z.string().nullable(),
    card_id: z.string().nullable(),
    card: cardSchema.nullable(),
    /** Card payments only: the saved-card token (the sandbox never saves cards, so null). */
    token_id: z.string().nullable().optional(),
    bank: z.string().nullable(),
    wallet: z.string().nullable(),
    vpa: z.string().nullable(),
    email: z.string(),
    contact: z.string(),
    notes: z.union([notes, z.array(z.never())]),
    fee: z.number().int().nullable(),
    tax: z.number().int().nullable(),
    error_code: z.string().nullable(),
    error_description: z.string().nullable(),
    error_source: z.string().nullable(),
    error_step: z.string().nullable(),
    error_reason: z.string().nullable(),
    acquirer_data: z.record(z.string(), z.string().nullable()),
    /** UPI payments only; Razorpay leaves the key out for every other method. */
    upi: z.object({ payer_account_type: z.string(), vpa: z.string(), flow: z.string() }).optional(),
    created_at: z.number().int(),
  }),
);
export type Payment = z.infer<typeof paymentSchema>;

export const refundSchema = z.object({
  id: z.string(),
  entity: z.literal('refund'),
  amount: z.number().int(),
  currency: z.string(),
  payment_id: z.string(),
  notes: z.union([notes, z.array(z.never())]),
  receipt: z.string().nullable(),
  acquirer_data: z.object({ arn: z.string().nullable() }),
  created_at: z.number().int(),
  batch_id: z.null(),
  status: z.enum(['pending', 'processed', 'failed']),
  speed_processed: z.enum(['normal', 'instant']),
  speed_requested: z.enum(['normal', 'optimum']),
});
export type Refund = z.infer<typeof refundSchema>;

/** A webhook event as it was signed: the raw body is kept so resends are byte-identical. */
export const storedEventSchema = z.object({
  id: z.string(),
  gateway: z.enum(['razorpay', 'rupantorpay', 'stripe']),
  type: z.string(),
  body: z.string(),
  /** Fixed targets (RupantorPay's per-checkout webhook_url); null means "the configured URLs". */
  targets: z.array(z.string()).nullable(),
  created_at: z.number().int(),
});
export type StoredEvent = z.infer<typeof storedEventSchema>;

// `FAILED` is how snapshots written before the documented `ERROR` spelled a failure.
export const rupantorStatusSchema = z.preprocess(
  (v) => (v === 'FAILED' ? 'ERROR' : v),
  z.enum(['PENDING', 'COMPLETED', 'ERROR']),
);

export const rupantorTransactionSchema = z.object({
  transaction_id: z.string(),
  token: z.string(),
  status: rupantorStatusSchema,
  /** Major units as a two-decimal string; each dialect renders its own number of decimals. */
  amount: z.string(),
  currency: z.literal('BDT'),
  payment_method: z.string().nullable(),
  /** The wallet's or bank's own id for the payment, once the buyer has paid. */
  trx_id: z.string().nullable().default(null),
  /** What the wallet charged the buyer on top, two decimals (`paymentFee` on the return URL). */
  fee: z.string().nullable().default(null),
  fullname: z.string(),
  email: z.string(),
  metadata: z.record(z.string(), z.unknown()),
  success_url: z.string(),
  cancel_url: z.string(),
  webhook_url: z.string().nullable(),
  created_at: z.number().int(),
});
export type RupantorTransaction = z.infer<typeof rupantorTransactionSchema>;
