import { z } from 'zod';
import { paymentMethodDataSchema } from './payment-methods';
import { boolString, expandList, httpUrl, intString, metadataParam } from './params';

// The parameters each PaymentIntent endpoint accepts; anything else is `parameter_unknown`.

export const createSchema = z.object({
  amount: intString,
  currency: z.string().min(1),
  metadata: metadataParam.optional(),
  description: z.string().max(1000).optional(),
  receipt_email: z.string().max(800).optional(),
  automatic_payment_methods: z
    .object({ enabled: boolString, allow_redirects: z.enum(['always', 'never']).optional() })
    .optional(),
  payment_method_types: z.array(z.literal('card')).optional(),
  // The newer API versions' name for restricting payment methods; cards are all there is here.
  allowed_payment_method_types: z.array(z.literal('card')).optional(),
  // Manual capture is not emulated (see docs/sandbox.md); automatic_async is Stripe's default.
  capture_method: z.enum(['automatic', 'automatic_async']).optional(),
  payment_method: z.string().optional(),
  confirm: boolString.optional(),
  return_url: httpUrl.optional(),
  expand: expandList.optional(),
});

export const confirmSchema = z.object({
  payment_method: z.string().optional(),
  payment_method_data: paymentMethodDataSchema.optional(),
  return_url: httpUrl.optional(),
  receipt_email: z.string().max(800).optional(),
  expand: expandList.optional(),
  // What Stripe.js sends along with a browser confirmation.
  client_secret: z.string().optional(),
  key: z.string().optional(),
  use_stripe_sdk: boolString.optional(),
});

export const updateSchema = z.object({
  amount: intString.optional(),
  metadata: metadataParam.optional(),
  description: z.string().max(1000).optional(),
  receipt_email: z.string().max(800).optional(),
  expand: expandList.optional(),
});

export const cancelSchema = z.object({
  cancellation_reason: z
    .enum(['duplicate', 'fraudulent', 'requested_by_customer', 'abandoned'])
    .optional(),
  expand: expandList.optional(),
});
