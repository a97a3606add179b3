// Outside sandbox mode, a secret anyone can read is no secret: the sandbox's published defaults
// (in .env.example and packages/contracts), a placeholder left in a copied .env, or a string too
// short to be what the gateway issued. config.ts refuses to start on any of them.
import { SANDBOX_DEFAULTS } from '@checkout-lab/contracts/sandbox-defaults';

/** The minimum length of each secret checked, and why it is that. */
export const SECRET_MINIMUMS = {
  /** Razorpay issues 24-character key secrets; anything shorter is not one. */
  RAZORPAY_KEY_SECRET: 24,
  /**
   * Webhook secrets are chosen by the merchant in the dashboard, and they alone authenticate
   * webhooks: anyone holding one signed delivery can test guesses offline, billions a second.
   * 16 random letters and digits are ~95 bits, out of that reach; it is also ADMIN_TOKEN's
   * minimum.
   */
  RAZORPAY_WEBHOOK_SECRET: 16,
  ADMIN_TOKEN: 16,
  /** RupantorPay publishes no key format, so only defaults and placeholders are refused. */
  RUPANTORPAY_API_KEY: 1,
  /** Stripe's secret keys run to about a hundred characters; 32 is far below any real one. */
  STRIPE_SECRET_KEY: 32,
  /** Stripe issues webhook secrets (whsec_ and 32 characters after it). */
  STRIPE_WEBHOOK_SECRET: 32,
} as const;

export type CheckedSecret = keyof typeof SECRET_MINIMUMS;

const SANDBOX_VALUES: readonly string[] = Object.values(SANDBOX_DEFAULTS);
const PLACEHOLDER = /your[-_ ]|change[-_ ]?me|x{4,}|placeholder|<[^>]*>/i;

/** What is wrong with a secret meant for a real gateway, or undefined when nothing is. */
export function secretProblem(name: CheckedSecret, value: string): string | undefined {
  if (SANDBOX_VALUES.includes(value)) {
    return `${name}: still the sandbox's published default (from .env.example), which anyone can read; set the real one`;
  }
  if (PLACEHOLDER.test(value)) {
    return `${name}: looks like a placeholder ("${value.slice(0, 12)}…"); set the real one`;
  }
  const min = SECRET_MINIMUMS[name];
  if (value.length < min) {
    return `${name}: too short to be real (${value.length} characters; at least ${min} characters)`;
  }
  return undefined;
}
