import { z } from 'zod';
import { GATEWAYS } from '../models/payment.model';
import { objectIdSchema, slugSchema } from './common.schema';

const quantity = z
  .number({ error: 'must be a number' })
  .int('must be a whole number')
  .min(1, 'must be at least 1')
  .max(99, 'must be at most 99');

const cartLine = z.union(
  [z.object({ slug: slugSchema, quantity }), z.object({ productId: objectIdSchema, quantity })],
  { error: 'each item needs a slug or a productId, and a quantity' },
);

// Buyer-facing bodies are plain (stripping) objects on purpose: a tampered `price`, `amount`,
// `total` or `currency` is dropped, never read. The server prices everything from the database.
export const createOrderBody = z.object({
  items: z.array(cartLine).min(1, 'the cart is empty').max(20, 'at most 20 lines'),
  customer: z.object({
    name: z.string().trim().min(1, 'is required').max(100),
    email: z.email('must be an email address').max(200),
    contact: z
      .string()
      .trim()
      .regex(/^\+?[0-9 ()-]{7,20}$/, 'must be a phone number')
      .optional(),
  }),
  coupon: z
    .string()
    .trim()
    .max(40)
    .regex(/^[A-Za-z0-9_-]*$/, 'letters and digits only')
    .optional(),
});

const orderPublicId = z.string().regex(/^ord_[A-Za-z0-9_-]{16,40}$/, 'is not an order id');

export const orderIdParams = z.strictObject({ id: orderPublicId });

export const checkoutBody = z.object({
  gateway: z.enum(GATEWAYS, { error: `must be one of ${GATEWAYS.join(', ')}` }),
});

export const razorpayVerifyBody = z.object({
  razorpay_order_id: z.string().regex(/^order_[A-Za-z0-9]{6,40}$/, 'is not a Razorpay order id'),
  razorpay_payment_id: z.string().regex(/^pay_[A-Za-z0-9]{6,40}$/, 'is not a Razorpay payment id'),
  razorpay_signature: z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be a hex HMAC-SHA256 signature'),
});

// The return page passes on what the gateway appended to success_url, whichever spelling it used
// (`transactionId` as documented, `transaction_id` in seed 000), and the order named in the URL.
const TRANSACTION_ID_SPELLINGS = ['transaction_id', 'transactionId', 'transactionID'] as const;

export const rupantorpayVerifyBody = z.preprocess(
  (v) => {
    if (!v || typeof v !== 'object') return v;
    const body = v as Record<string, unknown>;
    const id = TRANSACTION_ID_SPELLINGS.map((k) => body[k]).find((x) => x !== undefined);
    return { transaction_id: id, order: body.order };
  },
  z.object({
    transaction_id: z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, 'is not a transaction id'),
    /** The order in the return URL: the transaction must belong to it. */
    order: orderPublicId,
  }),
);

export type CreateOrderInput = z.infer<typeof createOrderBody>;
export type CheckoutInput = z.infer<typeof checkoutBody>;
export type RazorpayVerifyInput = z.infer<typeof razorpayVerifyBody>;
export type RupantorpayVerifyInput = z.infer<typeof rupantorpayVerifyBody>;
