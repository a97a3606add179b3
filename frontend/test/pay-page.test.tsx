import type { PaymentErrorDto } from '@checkout-lab/contracts/dto';
import type { RazorpayHandlerPayload } from '../src/features/checkout/razorpay-modal';
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PayPage } from '../src/features/checkout/pay-page';
import * as client from '../src/lib/api-client';
import { entry, makeOrder, sandboxConfig } from './helpers/fixtures';
import { renderRoute } from './helpers/render-route';

vi.mock('../src/lib/api-client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../src/lib/api-client')>()),
  getConfig: vi.fn(),
  getOrder: vi.fn(),
  startCheckout: vi.fn(),
  confirmPaymentReturn: vi.fn(),
}));
const api = vi.mocked(client);

// A stand-in for checkout.js: records the options and lets a test play the modal's part.
interface FakeModal {
  options: Record<string, unknown> & {
    handler(p: RazorpayHandlerPayload): void;
    modal: { ondismiss(): void };
    theme: { color: string };
  };
  failed?: (r: { error: PaymentErrorDto }) => void;
}
let opened: FakeModal[] = [];
class FakeRazorpay {
  entry: FakeModal;
  constructor(options: FakeModal['options']) {
    this.entry = { options };
  }
  on(_event: string, cb: FakeModal['failed']) {
    this.entry.failed = cb;
  }
  open() {
    opened.push(this.entry);
  }
  close() {}
}

const order = makeOrder();
const payload = {
  razorpay_order_id: 'order_ABC123',
  razorpay_payment_id: 'pay_ABC123',
  razorpay_signature: 'a'.repeat(64),
};

beforeEach(() => {
  opened = [];
  api.getConfig.mockResolvedValue(sandboxConfig);
  api.getOrder.mockResolvedValue(order);
  api.startCheckout.mockResolvedValue({
    payment: { id: 'p1', attempt: 1, gateway: 'razorpay' },
    checkout: {
      kind: 'modal',
      scriptUrl: sandboxConfig.gateways[0]!.scriptUrl!,
      options: {
        key: 'rzp_test_x',
        order_id: 'order_ABC123',
        amount: order.total,
        currency: 'INR',
        name: 'Checkout Lab',
        prefill: { name: 'Asha Rao' },
      },
    },
  });
  window.Razorpay = FakeRazorpay as unknown as typeof window.Razorpay;
  // The script "loads" as soon as it is added.
  vi.spyOn(document.head, 'append').mockImplementation((node) => {
    queueMicrotask(() => (node as HTMLScriptElement).onload?.(new Event('load')));
  });
});

async function openModal() {
  renderRoute(<PayPage orderId={order.id} />, `/orders/${order.id}/pay`);
  await userEvent.click(await screen.findByRole('button', { name: 'Pay ₹1,226.64' }));
  await waitFor(() => expect(opened).toHaveLength(1));
  return opened[0]!;
}

test('when the modal opens, then it gets the server options, prefill and the shop theme', async () => {
  const modal = await openModal();
  expect(api.startCheckout).toHaveBeenCalledWith(order.id, 'razorpay');
  expect(modal.options).toMatchObject({
    order_id: 'order_ABC123',
    amount: 122664,
    prefill: { name: 'Asha Rao' },
    theme: { color: '#0f766e' },
  });
  expect(screen.getByRole('status')).toHaveTextContent(
    'Complete the payment in the payment window.',
  );
});

test('when payment.failed fires, then the reason is shown and the modal keeps the retry', async () => {
  const modal = await openModal();
  act(() =>
    modal.failed!({
      error: {
        code: 'BAD_REQUEST_ERROR',
        description: 'Your payment has been declined by the bank.',
        reason: 'card_declined',
      },
    }),
  );
  expect(await screen.findByRole('alert')).toHaveTextContent('Payment failed');
  expect(screen.getByTestId('payment-failure')).toHaveAttribute('data-reason', 'card_declined');
  expect(screen.getByTestId('payment-failure')).toHaveTextContent('declined by the bank');
});

test('when the buyer dismisses the modal, then the page says nothing was charged and Pay comes back focused', async () => {
  const modal = await openModal();
  act(() => modal.options.modal.ondismiss());
  expect(await screen.findByText(/You closed the payment window/)).toBeInTheDocument();
  const retry = screen.getByRole('button', { name: 'Try again — pay ₹1,226.64' });
  expect(retry).toBeEnabled();
  await waitFor(() => expect(retry).toHaveFocus());
});

test('when the handler fires, then its payload is verified by the server and the success page follows', async () => {
  api.confirmPaymentReturn.mockResolvedValue({ ...order, status: 'paid' });
  const modal = await openModal();
  act(() => modal.options.handler(payload));
  await waitFor(() =>
    expect(api.confirmPaymentReturn).toHaveBeenCalledWith('razorpay', order.id, payload),
  );
  expect(await screen.findByTestId('navigated')).toBeInTheDocument();
});

test('when the server rejects the signature, then the page says so instead of claiming success', async () => {
  api.confirmPaymentReturn.mockRejectedValue(
    new client.ApiError('INVALID_SIGNATURE', 'The payment signature does not match', 400),
  );
  const modal = await openModal();
  act(() => modal.options.handler(payload));
  expect(await screen.findByRole('alert')).toHaveTextContent(
    'The payment signature does not match',
  );
  expect(screen.queryByTestId('navigated')).not.toBeInTheDocument();
});

test('when the checkout script cannot load, then a clear error is shown', async () => {
  // Another URL: loadScript remembers the ones that already loaded.
  const started = await api.startCheckout(order.id, 'razorpay');
  api.startCheckout.mockResolvedValue({
    ...started,
    checkout: {
      ...started.checkout,
      scriptUrl: 'http://127.0.0.1:9/unreachable.js',
    } as typeof started.checkout,
  });
  vi.mocked(document.head.append).mockImplementation((node) => {
    queueMicrotask(() => (node as HTMLScriptElement).onerror?.(new Event('error')));
  });
  renderRoute(<PayPage orderId={order.id} />, `/orders/${order.id}/pay`);
  await userEvent.click(await screen.findByRole('button', { name: /^Pay ₹/ }));
  expect(await screen.findByRole('alert')).toHaveTextContent(
    'The payment window could not be loaded',
  );
});

test('when starting the checkout fails, then the server message is shown and Pay offers a retry', async () => {
  api.startCheckout.mockRejectedValue(
    new client.ApiError('GATEWAY_ERROR', 'The payment gateway did not answer', 502),
  );
  renderRoute(<PayPage orderId={order.id} />, `/orders/${order.id}/pay`);
  await userEvent.click(await screen.findByRole('button', { name: /^Pay ₹/ }));
  expect(await screen.findByRole('alert')).toHaveTextContent('The payment gateway did not answer');
  expect(screen.getByRole('button', { name: /^Try again — pay/ })).toBeEnabled();
});

test('when the order is in a currency no gateway takes, then Pay is disabled with the reason', async () => {
  api.getConfig.mockResolvedValue({ ...sandboxConfig, gateways: [sandboxConfig.gateways[0]!] });
  api.getOrder.mockResolvedValue(makeOrder({ currency: 'BDT' }));
  renderRoute(<PayPage orderId={order.id} />, `/orders/${order.id}/pay`);
  expect(await screen.findByRole('alert')).toHaveTextContent(
    'No payment method takes BDT payments yet.',
  );
  expect(screen.getByRole('button', { name: /^Pay ৳/ })).toBeDisabled();
});

test('when the order expired unpaid, then the pay page says so and offers no payment', async () => {
  api.getOrder.mockResolvedValue(
    makeOrder({
      status: 'cancelled',
      timeline: [...order.timeline, entry('order.cancelled', 'reconcile', 9)],
    }),
  );
  renderRoute(<PayPage orderId={order.id} />, `/orders/${order.id}/pay`);
  expect(await screen.findByTestId('closed-order-notice')).toHaveTextContent(
    /This order expired: it was not paid in time/,
  );
  expect(screen.queryByRole('button', { name: /^Pay / })).not.toBeInTheDocument();
});
