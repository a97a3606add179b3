// The same rules the server applies (backend/src/schemas/order.schema.ts), checked first in the
// browser so a buyer sees every problem at once; the server still checks them all again.

export interface CheckoutValues {
  name: string;
  email: string;
  contact: string;
  coupon: string;
}

export type CheckoutField = keyof CheckoutValues;
export type CheckoutErrors = Partial<Record<CheckoutField, string>>;

export const emptyCheckoutValues: CheckoutValues = { name: '', email: '', contact: '', coupon: '' };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ()-]{7,20}$/;
const COUPON = /^[A-Za-z0-9_-]*$/;

export function validateCheckout(values: CheckoutValues): CheckoutErrors {
  const errors: CheckoutErrors = {};
  const name = values.name.trim();
  const email = values.email.trim();
  const contact = values.contact.trim();
  const coupon = values.coupon.trim();

  if (!name) errors.name = 'Enter your full name.';
  else if (name.length > 100) errors.name = 'Use at most 100 characters.';

  if (!email) errors.email = 'Enter your email address, for the receipt.';
  else if (email.length > 200 || !EMAIL.test(email)) {
    errors.email = 'Enter an email address like name@example.com.';
  }

  if (contact && !PHONE.test(contact)) {
    errors.contact = 'Enter a phone number of 7 to 20 digits, like +91 98765 43210.';
  }

  if (coupon.length > 40 || !COUPON.test(coupon)) {
    errors.coupon = 'Coupon codes are letters and digits only.';
  }
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
