import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CheckoutForm } from '../src/features/checkout/checkout-form';
import { toCustomerInput, validateCheckout } from '../src/features/checkout/customer-validation';

const valid = { name: 'Asha Rao', email: 'asha@example.com', contact: '', coupon: '' };

test('when the form is submitted empty, then each required field says what is missing and focus moves to the first', async () => {
  const onSubmit = vi.fn();
  render(<CheckoutForm onSubmit={onSubmit} />);
  await userEvent.click(screen.getByRole('button', { name: 'Continue to payment' }));

  expect(onSubmit).not.toHaveBeenCalled();
  const name = screen.getByLabelText('Full name');
  expect(name).toHaveAttribute('aria-invalid', 'true');
  expect(name).toHaveAccessibleDescription('Enter your full name.');
  expect(name).toHaveFocus();
  expect(screen.getByLabelText('Email')).toHaveAccessibleDescription(
    /Your receipt goes here\. Enter your email address/,
  );
});

test('when the email and phone are malformed, then the form names both problems', () => {
  expect(validateCheckout({ ...valid, email: 'asha@', contact: '12' })).toEqual({
    email: 'Enter an email address like name@example.com.',
    contact: 'Enter a phone number of 7 to 20 digits, like +91 98765 43210.',
  });
  expect(validateCheckout({ ...valid, coupon: 'TEN%' })).toEqual({
    coupon: 'Coupon codes are letters and digits only.',
  });
  expect(validateCheckout(valid)).toEqual({});
});

test('when a fixed field is typed again, then its error clears', async () => {
  render(<CheckoutForm onSubmit={vi.fn()} />);
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'Continue to payment' }));
  await user.type(screen.getByLabelText('Full name'), 'A');
  expect(screen.getByLabelText('Full name')).not.toHaveAttribute('aria-invalid');
});

test('when the details are valid, then they are sent trimmed, with optional fields left out', async () => {
  const onSubmit = vi.fn().mockResolvedValue(undefined);
  render(<CheckoutForm onSubmit={onSubmit} />);
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('Full name'), '  Asha Rao ');
  await user.type(screen.getByLabelText('Email'), 'asha@example.com');
  await user.type(screen.getByLabelText('Coupon (optional)'), 'welcome10');
  await user.click(screen.getByRole('button', { name: 'Continue to payment' }));

  expect(onSubmit).toHaveBeenCalledTimes(1);
  expect(toCustomerInput(onSubmit.mock.calls[0]![0])).toEqual({
    customer: { name: 'Asha Rao', email: 'asha@example.com' },
    coupon: 'WELCOME10',
  });
});

test('when the server rejects a field, then its message appears on that field', async () => {
  const onSubmit = vi.fn().mockResolvedValue({ coupon: 'Unknown coupon: NOPE' });
  render(<CheckoutForm onSubmit={onSubmit} />);
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('Full name'), 'Asha');
  await user.type(screen.getByLabelText('Email'), 'asha@example.com');
  await user.type(screen.getByLabelText('Coupon (optional)'), 'NOPE');
  await user.click(screen.getByRole('button', { name: 'Continue to payment' }));

  const coupon = screen.getByLabelText('Coupon (optional)');
  expect(coupon).toHaveAccessibleDescription(/Unknown coupon: NOPE/);
  expect(coupon).toHaveFocus();
});
