import { render, screen, within } from '@testing-library/react';
import { OrderTimeline } from '../src/features/orders/order-timeline';
import { computeSteps } from '../src/features/orders/timeline-steps';
import { entry, makeOrder } from './helpers/fixtures';

const paidTimeline = [
  entry('order.created', 'checkout', 0),
  entry('checkout.started', 'checkout', 1, 1),
  entry('payment.failed', 'webhook', 2, 1),
  entry('checkout.started', 'checkout', 3, 2),
  entry('signature.verified', 'verify', 4, 2),
  entry('payment.captured', 'verify', 5, 2),
  entry('order.paid', 'verify', 5),
  entry('webhook.received', 'webhook', 6, 2),
  entry('payment.captured', 'webhook', 7, 2),
];

test('when a payment failed once and then succeeded, then each step is done with who reported it', () => {
  const steps = computeSteps(paidTimeline);
  const byKey = Object.fromEntries(steps.map((s) => [s.key, s]));
  expect(byKey.created).toMatchObject({ state: 'done', sources: ['checkout'] });
  expect(byKey.checkout).toMatchObject({ state: 'done', problems: 1 });
  expect(byKey.verified).toMatchObject({ state: 'done', sources: ['verify'] });
  expect(byKey.webhook).toMatchObject({ state: 'done', sources: ['webhook'] });
  // Both witnesses of the capture are named, in the order they spoke.
  expect(byKey.captured).toMatchObject({ state: 'done', sources: ['verify', 'webhook'] });
  expect(byKey.fulfilled?.state).toBe('waiting');
  expect(byKey.refunded?.state).toBe('waiting');
});

test('when a signature was rejected and nothing verified, then that step needs attention', () => {
  const steps = computeSteps([
    entry('order.created', 'checkout', 0),
    entry('signature.rejected', 'verify', 1),
  ]);
  expect(steps.find((s) => s.key === 'verified')).toMatchObject({ state: 'problem', problems: 1 });
});

test('when the timeline is shown, then every step is listed in order with its state and sources', () => {
  render(
    <OrderTimeline
      order={makeOrder({
        status: 'refunded',
        timeline: [...paidTimeline, entry('order.refunded', 'admin', 9)],
      })}
    />,
  );
  const steps = within(screen.getByRole('list', { name: 'Payment steps' })).getAllByRole(
    'listitem',
  );
  expect(steps.map((li) => li.querySelector('.timeline-step-label')?.textContent)).toEqual([
    'Order created',
    'Checkout opened',
    'Signature verified',
    'Webhook received',
    'Payment captured',
    'Fulfilled',
    'Refunded',
  ]);
  expect(screen.getByTestId('step-refunded')).toHaveAttribute('data-state', 'done');
  expect(screen.getByTestId('step-refunded')).toHaveTextContent(/Refunded: done.*by\s*admin/);
  expect(screen.getByTestId('step-fulfilled')).toHaveTextContent('Fulfilled: not yet');
  expect(screen.getByTestId('step-checkout')).toHaveTextContent('1 failed attempt');

  const events = within(screen.getByRole('list', { name: 'Timeline events' })).getAllByRole(
    'listitem',
  );
  expect(events).toHaveLength(10);
  expect(events[2]).toHaveTextContent(/webhook.*Payment failed.*attempt 1/);
});

test('when a redirect gateway was asked server-side, then the verification step is done and says how', () => {
  // RupantorPay signs nothing: the backend writes gateway.verified after asking verify-payment.
  const steps = computeSteps([
    entry('order.created', 'checkout', 0),
    entry('checkout.started', 'checkout', 1, 1),
    entry('gateway.verified', 'verify', 2, 1),
    entry('payment.captured', 'verify', 3, 1),
  ]);
  expect(steps.find((s) => s.key === 'verified')).toMatchObject({
    state: 'done',
    label: 'Verified with the gateway',
    sources: ['verify'],
  });
});

test('when a modal gateway signed the return, then the step reads "Signature verified"', () => {
  render(<OrderTimeline order={makeOrder({ timeline: [...paidTimeline.slice(0, 5)] })} />);
  expect(screen.getByTestId('step-verified')).toHaveTextContent(/Signature verified: done/);
});
