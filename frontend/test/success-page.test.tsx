import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SuccessPage } from '../src/features/orders/success-page';
import * as client from '../src/lib/api-client';
import { entry, makeOrder, makePayment, sandboxConfig } from './helpers/fixtures';
import { renderRoute } from './helpers/render-route';

vi.mock('../src/lib/api-client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../src/lib/api-client')>()),
  getConfig: vi.fn(),
  getOrder: vi.fn(),
}));
// Poll fast, give up fast: the behaviour is the same at 1 s and 30 s.
vi.mock('../src/config/store', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../src/config/store')>()),
  ORDER_POLL_INTERVAL_MS: 20,
  ORDER_POLL_TIMEOUT_MS: 800,
}));
const api = vi.mocked(client);

const pending = makeOrder();
const paid = makeOrder({
  status: 'paid',
  timeline: [
    ...pending.timeline,
    entry('signature.verified', 'verify', 4, 1),
    entry('payment.captured', 'verify', 5, 1),
    entry('webhook.received', 'webhook', 6, 1),
  ],
});

beforeEach(() => {
  api.getConfig.mockResolvedValue(sandboxConfig);
});

test('when the server says pending and then paid, then the page waits and then confirms', async () => {
  api.getOrder
    .mockResolvedValueOnce(pending)
    .mockResolvedValueOnce(pending)
    .mockResolvedValue(paid);
  renderRoute(<SuccessPage orderId={pending.id} />);

  expect(
    await screen.findByRole('heading', { name: 'Confirming your payment…' }),
  ).toBeInTheDocument();
  expect(
    await screen.findByRole('heading', { name: 'Thank you — your payment is confirmed' }),
  ).toBeInTheDocument();
  expect(screen.getByTestId('order-status')).toHaveTextContent('paid');
  expect(screen.getByTestId('step-webhook')).toHaveAttribute('data-state', 'done');
  expect(api.getOrder.mock.calls.length).toBeGreaterThanOrEqual(3);
});

test('when the server never says paid, then the page stops asking, explains, and can check again', async () => {
  api.getOrder.mockResolvedValue(pending);
  renderRoute(<SuccessPage orderId={pending.id} />);

  expect(
    await screen.findByText(/has not confirmed this payment yet/, {}, { timeout: 3000 }),
  ).toBeInTheDocument();
  const calls = api.getOrder.mock.calls.length;
  await new Promise((r) => setTimeout(r, 100));
  expect(api.getOrder.mock.calls.length).toBe(calls);

  api.getOrder.mockResolvedValue(paid);
  await userEvent.click(screen.getByRole('button', { name: 'Check again' }));
  expect(await screen.findByTestId('order-status')).toHaveTextContent('paid');
});

test('when the order does not exist, then the page says so instead of polling forever', async () => {
  api.getOrder.mockRejectedValue(new client.ApiError('ORDER_NOT_FOUND', 'Order not found', 404));
  renderRoute(<SuccessPage orderId="ord_missingmissingmissing" />);
  expect(await screen.findByRole('alert')).toHaveTextContent('Order not found');
  await new Promise((r) => setTimeout(r, 100));
  expect(api.getOrder).toHaveBeenCalledTimes(1);
});

test('when the stock was gone by the time the payment arrived, then the page says sold out and refunded, never confirmed', async () => {
  api.getOrder.mockResolvedValue(
    makeOrder({
      status: 'paid',
      timeline: [
        ...paid.timeline,
        entry('stock.shortfall', 'verify', 7),
        entry('refund.sold_out', 'verify', 8),
      ],
    }),
  );
  renderRoute(<SuccessPage orderId={pending.id} />);
  expect(
    await screen.findByRole('heading', {
      name: 'Sorry — it sold out, so your payment is refunded',
    }),
  ).toBeInTheDocument();
  expect(screen.queryByText(/receipt is on its way/)).not.toBeInTheDocument();
  expect(screen.queryByText(/payment is confirmed/)).not.toBeInTheDocument();
});

test('when the server expired the unpaid order, then the page says it expired and stops asking', async () => {
  api.getOrder.mockResolvedValue(
    makeOrder({
      status: 'cancelled',
      payments: [makePayment({ status: 'expired' })],
      timeline: [
        ...pending.timeline,
        entry('payment.expired', 'reconcile', 7, 1),
        entry('order.cancelled', 'reconcile', 8),
      ],
    }),
  );
  renderRoute(<SuccessPage orderId={pending.id} />);

  expect(
    await screen.findByRole('heading', { name: 'This order expired unpaid' }),
  ).toBeInTheDocument();
  expect(screen.getByTestId('closed-order-notice')).toHaveTextContent(
    /not paid in time.*refunds it/,
  );
  expect(screen.getByTestId('order-status')).toHaveTextContent('cancelled');
  await new Promise((r) => setTimeout(r, 100));
  expect(api.getOrder).toHaveBeenCalledTimes(1);
});

test('when the shop cancelled the order, then the page says so, not that it expired', async () => {
  api.getOrder.mockResolvedValue(
    makeOrder({
      status: 'cancelled',
      timeline: [...pending.timeline, entry('order.cancelled', 'admin', 8)],
    }),
  );
  renderRoute(<SuccessPage orderId={pending.id} />);
  expect(
    await screen.findByRole('heading', { name: 'This order was cancelled' }),
  ).toBeInTheDocument();
  expect(screen.getByTestId('closed-order-notice')).toHaveTextContent(/cancelled by the shop/);
});
