// The offline sandbox's credentials, published on purpose: they only work against the local
// sandbox, never against a real gateway. The backend and the sandbox both default to these, so
// a fresh clone needs no .env; `.env.example` repeats them, and the backend refuses to start in
// live mode while any secret still equals one of them.

/** Keys with this prefix (or no key at all) select the offline sandbox. */
export const SANDBOX_KEY_PREFIX = 'rzp_test_sandbox';

export const SANDBOX_DEFAULTS = {
  RAZORPAY_KEY_ID: 'rzp_test_sandbox0000001',
  RAZORPAY_KEY_SECRET: 'sandbox_key_secret_not_for_production',
  RAZORPAY_WEBHOOK_SECRET: 'sandbox_webhook_secret_not_for_production',
  RUPANTORPAY_API_KEY: 'sandbox_rupantorpay_key_not_for_production',
  // Stripe's key shapes, so the official SDK and Stripe.js accept them unchanged.
  STRIPE_SECRET_KEY: 'sk_test_sandbox00000000000000000000000001',
  STRIPE_PUBLISHABLE_KEY: 'pk_test_sandbox00000000000000000000000001',
  STRIPE_WEBHOOK_SECRET: 'whsec_sandbox0000000000000000000000000001',
} as const;
