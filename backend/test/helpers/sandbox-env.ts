import type { RunningSandbox } from '@checkout-lab/sandbox';

/**
 * The environment a backend process needs to pay through a running sandbox, per gateway: its
 * keys and the sandbox's URLs in place of the gateway's. Spread the gateways a test uses.
 */
export function sandboxGatewayEnv(sandbox: RunningSandbox) {
  return {
    razorpay: {
      RAZORPAY_KEY_ID: sandbox.config.razorpayKeyId,
      RAZORPAY_KEY_SECRET: sandbox.config.razorpayKeySecret,
      RAZORPAY_WEBHOOK_SECRET: sandbox.config.razorpayWebhookSecret,
      RAZORPAY_API_BASE: sandbox.razorpayApiBase,
      RAZORPAY_CHECKOUT_URL: sandbox.checkoutScriptUrl,
    },
    rupantorpay: {
      RUPANTORPAY_API_KEY: sandbox.config.rupantorpayApiKey,
      RUPANTORPAY_API_BASE: sandbox.rupantorpayApiBase,
    },
    stripe: {
      STRIPE_SECRET_KEY: sandbox.config.stripeSecretKey,
      STRIPE_PUBLISHABLE_KEY: sandbox.config.stripePublishableKey,
      STRIPE_WEBHOOK_SECRET: sandbox.config.stripeWebhookSecret,
      STRIPE_API_BASE: sandbox.stripeApiBase,
      STRIPE_JS_URL: sandbox.stripeJsUrl,
    },
  };
}
