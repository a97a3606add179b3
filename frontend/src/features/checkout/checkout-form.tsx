import { useState, type FormEvent } from 'react';
import { TextField } from '../../components/ui/text-field';
import {
  emptyCheckoutValues,
  validateCheckout,
  type CheckoutErrors,
  type CheckoutField,
  type CheckoutValues,
} from './customer-validation';

interface CheckoutFormProps {
  /** Resolves to the server's field errors (if any); throws for anything else. */
  onSubmit(values: CheckoutValues): Promise<CheckoutErrors | void>;
  submitLabel?: string;
}

const FIELDS: CheckoutField[] = ['name', 'email', 'contact', 'coupon'];

export function CheckoutForm({ onSubmit, submitLabel = 'Continue to payment' }: CheckoutFormProps) {
  const [values, setValues] = useState<CheckoutValues>(emptyCheckoutValues);
  const [errors, setErrors] = useState<CheckoutErrors>({});
  const [submitting, setSubmitting] = useState(false);
  const showErrors = (form: HTMLFormElement, next: CheckoutErrors) => {
    setErrors(next);
    // Move focus to the first problem so keyboard and screen-reader users land on it.
    const first = FIELDS.find((f) => next[f]);
    const input = first && form.elements.namedItem(first);
    if (input instanceof HTMLInputElement) input.focus();
    return Boolean(first);
  };

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    if (showErrors(form, validateCheckout(values))) return;
    setSubmitting(true);
    try {
      const serverErrors = await onSubmit(values);
      if (serverErrors) showErrors(form, serverErrors);
    } finally {
      setSubmitting(false);
    }
  };

  const field = (name: CheckoutField) => ({
    name,
    value: values[name],
    error: errors[name],
    onChange: (e: { target: { value: string } }) => {
      setValues((v) => ({ ...v, [name]: e.target.value }));
      if (errors[name]) setErrors(({ [name]: _, ...rest }) => rest);
    },
  });

  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Your details">
      <TextField label="Full name" autoComplete="name" required {...field('name')} />
      <TextField
        label="Email"
        type="email"
        autoComplete="email"
        required
        hint="Your receipt goes here."
        {...field('email')}
      />
      <TextField label="Phone" type="tel" autoComplete="tel" {...field('contact')} />
      <TextField
        label="Coupon"
        autoCapitalize="characters"
        hint="Try WELCOME10."
        {...field('coupon')}
      />
      <button type="submit" className="button button-block" disabled={submitting}>
        {submitting ? 'Placing your order…' : submitLabel}
      </button>
    </form>
  );
}
