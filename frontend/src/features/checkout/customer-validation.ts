// The server's own schemas (@checkout-lab/contracts), checked first in the browser so a buyer
// sees every problem at once, in the same words; the server still checks them all again.
import { couponSchema, customerSchema } from '@checkout-lab/contracts/schemas';

export interface CheckoutValues {
  name: string;
  email: string;
  contact: string;
  coupon: string;
}

export type CheckoutField = keyof CheckoutValues;
export type CheckoutErrors = Partial<Record<CheckoutField, string>>;

export const emptyCheckoutValues: CheckoutValues = { name: '', email: '', contact: '', coupon: '' };

export function validateCheckout(values: CheckoutValues): CheckoutErrors {
  const errors: CheckoutErrors = {};
  // Exactly what will be sent (trimmed), against the server's own rules.
  const body = toCustomerInput(values);
  const customer = customerSchema.safeParse(body.customer);
  for (const issue of customer.success ? [] : customer.error.issues) {
    const field = fieldForServerPath(String(issue.path[0] ?? ''));
    if (field && !errors[field]) errors[field] = issue.message;
  }
  const coupon = couponSchema.safeParse(body.coupon ?? '');
  if (!coupon.success) errors.coupon = coupon.error.issues[0]!.message;
  return errors;
}

/** The trimmed request body; optional fields are left out rather than sent empty. */
export function toCustomerInput(values: CheckoutValues) {
  const contact = values.contact.trim();
  const coupon = values.coupon.trim().toUpperCase();
  return {
    customer: {
      name: values.name.trim(),
      email: values.email.trim(),
      ...(contact ? { contact } : {}),
    },
    ...(coupon ? { coupon } : {}),
  };
}

/** Maps the server's validation details ("customer.email") back onto form fields. */
export function fieldForServerPath(path: string): CheckoutField | null {
  const leaf = path.split('.').pop();
  if (path === 'coupon') return 'coupon';
  if (leaf === 'name' || leaf === 'email' || leaf === 'contact') return leaf;
  return null;
}
