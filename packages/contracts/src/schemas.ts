// The request bodies both sides validate: the backend at every edge, the storefront before it
// sends, so a buyer sees the same rules (and words) the server applies. Types come from z.infer.
import { z } from 'zod';
import { CURRENCIES } from './money';

export const slugSchema = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase letters, digits and single hyphens');

/** Integer minor units; a generous upper bound keeps totals far from unsafe integers. */
export const minorUnitsSchema = z
  .number({ error: 'must be a number of minor units' })
  .int('must be an integer number of minor units (paise, poisha, cents)')
  .max(10_000_000_00);

export const currencySchema = z.enum(CURRENCIES);

export const objectIdSchema = z.string().regex(/^[a-f0-9]{24}$/, 'must be a 24-character hex id');

/** A gateway's name; whether it is enabled is the registry's answer, not the schema's. */
export const gatewayNameSchema = z
  .string({ error: 'must name a gateway' })
  .regex(/^[a-z][a-z0-9]{1,30}$/, 'must name a gateway, like "razorpay"');

const quantity = z
  .number({ error: 'must be a number' })
  .int('must be a whole number')
  .min(1, 'must be at least 1')
  .max(99, 'must be at most 99');

const cartLine = z.union(
  [z.object({ slug: slugSchema, quantity }), z.object({ productId: objectIdSchema, quantity })],
  { error: 'each item needs a slug or a productId, and a quantity' },
);

/**
 * What JavaScript's \s and trim() count as space (ECMA-262 WhiteSpace and LineTerminator),
 * spelled out for patterns the OpenAPI document publishes: \s means something else in other
 * regex engines (Python's, which API fuzzers use, adds \x1c–\x1f and \x85 and leaves out
 * \uFEFF), and a fuzzer and the server must agree on every string.
 */
const SPACE = String.raw`\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff`;

/**
 * One plain rule, written as a pattern rather than zod's email format: the OpenAPI document then
 * states exactly what the server accepts, and API fuzzers generate and check against the same
 * rule. (The browser trims what the buyer typed before it sends.)
 */
export const emailSchema = z
  .string()
  .min(1, 'Enter your email address, for the receipt.')
  .max(200, 'Enter an email address like name@example.com.')
  .regex(
    new RegExp(String.raw`^[^${SPACE}@]+@[^${SPACE}@]+\.[^${SPACE}@]+$`),
    'Enter an email address like name@example.com.',
  );

// Buyer fields are checked as sent, not trimmed first: the storefront trims what was typed, and
// the OpenAPI document (which cannot express a trim) then states the rule the server applies.
const noEdgeSpaces = new RegExp(String.raw`^[^${SPACE}](?:[\s\S]*[^${SPACE}])?$`);

export const customerSchema = z.object({
  name: z
    .string()
    .min(1, 'Enter your full name.')
    .max(100, 'Use at most 100 characters.')
    .regex(noEdgeSpaces, 'Enter your full name.'),
  email: emailSchema,
  contact: z
    .string()
    .regex(
      /^(?=.{7,20}$)\+?[0-9(][0-9 ()-]*[0-9)]$/,
      'Enter a phone number of 7 to 20 digits, like +91 98765 43210.',
    )
    .optional(),
});

export const couponSchema = z
  .string()
  .max(40, 'Coupon codes are letters and digits only.')
  .regex(/^[A-Za-z0-9_-]*$/, 'Coupon codes are letters and digits only.');

// Buyer-facing bodies are plain (stripping) objects on purpose: a tampered `price`, `amount`,
// `total` or `currency` is dropped, never read. The server prices everything from the database.
export const createOrderBody = z
  .object({
    items: z.array(cartLine).min(1, 'the cart is empty').max(20, 'at most 20 lines'),
    customer: customerSchema,
    coupon: couponSchema.optional(),
  })
  // A cart of a demo product (the seed's slugs), for the API reference and for fuzzers.
  .meta({
    examples: [
      {
        items: [{ slug: 'canvas-tote-bag', quantity: 2 }],
        customer: { name: 'Asha Rao', email: 'asha@example.com', contact: '+919876543210' },
      },
    ],
  });

export const checkoutBody = z.object({ gateway: gatewayNameSchema });

const imageSchema = z
  .string()
  .max(500)
  // Empty, a path on this site, or an http(s) URL with a plain host name: nothing a browser
  // or a URL parser could read two ways.
  .regex(
    new RegExp(
      String.raw`^(?:|\/[^${SPACE}"'<>\\]*|https?:\/\/[A-Za-z0-9.-]+(?::\d{1,5})?(?:\/[^${SPACE}"'<>\\]*)?)$`,
    ),
    'must be an absolute path or an http(s) URL',
  );

const productFields = z.strictObject({
  slug: slugSchema,
  // Its length is checked as sent; then trimmed, and so never blank: the pattern (a character
  // trim() keeps) states that for the OpenAPI document, which cannot express a trim.
  name: z
    .string()
    .max(120)
    .regex(new RegExp(`[^${SPACE}]`), 'must not be blank')
    .trim(),
  description: z.string().max(2000),
  image: imageSchema,
  price: minorUnitsSchema.min(1, 'must be at least 1 minor unit'),
  currency: currencySchema,
  stock: z.number().int().min(0).max(1_000_000),
  active: z.boolean(),
});

export const productInputSchema = productFields.extend({
  description: productFields.shape.description.default(''),
  image: productFields.shape.image.default(''),
  active: productFields.shape.active.default(true),
});

// Built from the fields without defaults: a patch must never reset what it does not mention.
export const productPatchSchema = productFields
  .omit({ slug: true })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'nothing to update' })
  // The same rule, stated for JSON Schema (the OpenAPI document), which cannot read a refine.
  .meta({ minProperties: 1 });

// A refund says how much, always: an amount in minor units, or `full: true`. (An omitted or
// unreadable body once meant "everything", so a refund of ₹1 sent as a form refunded it all.)
// Its length is checked as sent, before the trim, as the document states it.
const refundReason = z.string().max(200).trim().optional();
// Exactly one of the two, as a union the OpenAPI document states too (a refine it could not).
export const refundBody = z.union(
  [
    /** Minor units, at most what is still refundable. */
    z.strictObject({ amount: z.number().int().min(1), reason: refundReason }),
    /** Everything still refundable. */
    z.strictObject({ full: z.literal(true), reason: refundReason }),
  ],
  { error: 'say how much to refund: "amount" in minor units, or "full": true (one of them)' },
);

// May be omitted entirely (the default grace period).
export const reconcileBody = z
  .strictObject({
    /** Only payments older than this are re-checked; the configured grace period by default. */
    olderThanSeconds: z
      .number()
      .int()
      .min(0)
      .max(30 * 24 * 3600)
      .optional(),
  })
  .default({});

export type CustomerInput = z.infer<typeof customerSchema>;
export type CreateOrderInput = z.infer<typeof createOrderBody>;
export type CheckoutInput = z.infer<typeof checkoutBody>;
export type ProductInput = z.infer<typeof productInputSchema>;
/** What a client sends to create a product (fields with defaults may be left out). */
export type ProductCreateBody = z.input<typeof productInputSchema>;
export type ProductPatch = z.infer<typeof productPatchSchema>;
/** Deliver a webhook event again (sandbox mode): a stored event, or a refused one's claimed id. */
export const webhookResendBody = z.strictObject({
  gateway: gatewayNameSchema,
  eventId: z.string().regex(/^[A-Za-z0-9_]{1,80}$/, 'must be a gateway event id, like evt_…'),
});

export type WebhookResendInput = z.infer<typeof webhookResendBody>;
export type RefundInput = z.infer<typeof refundBody>;
/** What an admin client sends to refund. */
export type RefundBody = z.input<typeof refundBody>;
export type ReconcileInput = z.infer<typeof reconcileBody>;
