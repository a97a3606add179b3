// The embedded checkout kind on the payment step: the gateway's script, its Payment Element
// mounted in the page, Pay confirming through it, and the server asked afterwards.
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PayPage } from '../src/features/checkout/pay-page';
import { PaymentReturnPage } from '../src/features/checkout/payment-return-page';
import * as client from '../src/lib/api-client';
import { makeOrder, sandboxConfig } from './helpers/fixtures';
import { renderRoute } from './helpers/render-route';

vi.mock('../src/lib/api-client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../src/lib/api-client')>()),
  getConfig: vi.fn(),
  getOrder: vi.fn(),
  startCheckout: vi.fn(),
  confirmPaymentReturn: vi.fn(),
}));
const api = vi.mocked(client);

// A stand-in for Stripe.js: records what the page asks of it and lets a test answer for it.
// One constructor for the whole file: @stripe/stripe-js keeps the first Stripe it adopts.
const fake = {
  keys: [] as string[],
  elementsOptions: [] as Record<string, unknown>[],
  mountedIn: null as HTMLElement | null,
  destroyed: 0,
  confirm: vi.fn(),
};
function FakeStripe(key: string) {
  fake.keys.push(key);
  return {
    elements(options: Record<string, unknown>) {
      fake.elementsOptions.push(options);
      const handlers: Record<string, () => void> = {};
      const element = {
        on(event: string, cb: () => void) {
          handlers[event] = cb;
          return element;
        },
        mount(container: HTMLElement) {
          fake.mountedIn = container;
          queueMicrotask(() => handlers.ready?.());
        },
        destroy: () => void fake.destroyed++,
      };
      return { create: () => element };
    },
    confirmPayment: (options: unknown) => fake.confirm(options),
  };
}
FakeStripe.version = 'endive';

const order = makeOrder({ currency: 'USD', total: 3099, subtotal: 2599, tax: 0, shipping: 500 });
const checkout = {
  kind: 'embedded' as const,
  scriptUrl: 'http://localhost:4010/stripe/v3/',
  publicKey: 'pk_test_sandbox00000000000000000000000001',
  clientSecret: 'pi_TEST0001_secret_abc',
  returnUrl: `http://localhost:5173/payment/return?gateway=stripe&order=${order.id}`,
};

beforeEach(() => {
  Object.assign(fake, { keys: [], elementsOptions: [], mountedIn: null, destroyed: 0 });
  api.getConfig.mockResolvedValue(sandboxConfig);
  api.getOrder.mockResolvedValue(order);
  api.startCheckout.mockResolvedValue({
    payment: { id: 'p1', attempt: 1, gateway: 'stripe' },
    checkout,
  });
  window.Stripe = FakeStripe as unknown as typeof window.Stripe;
  vi.spyOn(document.head, 'append').mockImplementation((node) => {
    queueMicrotask(() => (node as HTMLScriptElement).onload?.(new Event('load')));
  });
});

async function openForm() {
  renderRoute(<PayPage orderId={order.id} />, `/orders/${order.id}/pay`);
  await userEvent.click(await screen.findByRole('button', { name: 'Pay $30.99' }));
  await screen.findByText('Enter your card details below, then press Pay.');
}

test('when Stripe is chosen for a USD order, then its form is mounted in the page with the server’s key and client secret', async () => {
  await openForm();
  expect(api.startCheckout).toHaveBeenCalledWith(order.id, 'stripe');
  expect(fake.keys).toEqual([checkout.publicKey]);
  expect(fake.elementsOptions[0]).toMatchObject({ clientSecret: checkout.clientSecret });
  expect(fake.mountedIn).toBe(screen.getByTestId('embedded-payment-form'));
  expect(fake.mountedIn).toBeVisible();
  expect(screen.getByRole('button', { name: 'Pay $30.99' })).toBeEnabled();
});

test('when Pay confirms without a redirect, then the intent goes to the server and the success page follows', async () => {
  fake.confirm.mockResolvedValue({ paymentIntent: { id: 'pi_TEST0001', status: 'succeeded' } });
  api.confirmPaymentReturn.mockResolvedValue(makeOrder({ ...order, status: 'paid' }));
  await openForm();
  await userEvent.click(screen.getByRole('button', { name: 'Pay $30.99' }));
  expect(fake.confirm).toHaveBeenCalledWith(
    expect.objectContaining({
      confirmParams: { return_url: checkout.returnUrl },
      redirect: 'if_required',
    }),
  );
  await waitFor(() =>
    expect(api.confirmPaymentReturn).toHaveBeenCalledWith('stripe', order.id, {
      payment_intent: 'pi_TEST0001',
    }),
  );
  expect(await screen.findByTestId('navigated')).toBeInTheDocument();
});

test('when the card is declined, then the reason is shown, nothing goes to the server, and Pay tries again in the same form', async () => {
  fake.confirm.mockResolvedValueOnce({
    error: {
      type: 'card_error',
      code: 'card_declined',
      decline_code: 'insufficient_funds',
      message: 'Your card has insufficient funds.',
    },
  });
  await openForm();
  await userEvent.click(screen.getByRole('button', { name: 'Pay $30.99' }));
  expect(await screen.findByRole('alert')).toHaveTextContent('Payment failed');
  expect(screen.getByTestId('payment-failure')).toHaveAttribute(
    'data-reason',
    'insufficient_funds',
  );
  expect(screen.getByTestId('payment-failure')).toHaveTextContent('insufficient funds');
  expect(api.confirmPaymentReturn).not.toHaveBeenCalled();

  fake.confirm.mockResolvedValueOnce({ paymentIntent: { id: 'pi_TEST0001', status: 'succeeded' } });
  api.confirmPaymentReturn.mockResolvedValue(makeOrder({ ...order, status: 'paid' }));
  await userEvent.click(screen.getByRole('button', { name: 'Try again — pay $30.99' }));
  expect(fake.confirm).toHaveBeenCalledTimes(2);
  expect(api.startCheckout).toHaveBeenCalledTimes(1); // the same intent
  expect(await screen.findByTestId('navigated')).toBeInTheDocument();
});

test('when the form is incomplete, then no failure is shown: the form says what is missing', async () => {
  fake.confirm.mockResolvedValue({
    error: { type: 'validation_error', message: 'Your card number is incomplete.' },
  });
  await openForm();
  await userEvent.click(screen.getByRole('button', { name: 'Pay $30.99' }));
  await waitFor(() => expect(fake.confirm).toHaveBeenCalled());
  expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Pay $30.99' })).toBeEnabled();
});

test('when the buyer leaves the payment step, then the form is destroyed', async () => {
  const view = renderRoute(<PayPage orderId={order.id} />, `/orders/${order.id}/pay`);
  await userEvent.click(await screen.findByRole('button', { name: 'Pay $30.99' }));
  await screen.findByText('Enter your card details below, then press Pay.');
  view.unmount();
  expect(fake.destroyed).toBe(1);
});

test('when the bank check sends the buyer back unpaid, then the return page says so and offers to pay again', async () => {
  api.confirmPaymentReturn.mockResolvedValue(order);
  renderRoute(
    <PaymentReturnPage outcome="return" />,
    `/payment/return?gateway=stripe&order=${order.id}&payment_intent=pi_TEST0001&payment_intent_client_secret=pi_TEST0001_secret_abc&redirect_status=failed`,
  );
  expect(await screen.findByRole('heading', { name: 'Payment not completed' })).toBeInTheDocument();
  expect(api.confirmPaymentReturn).toHaveBeenCalledWith('stripe', order.id, {
    payment_intent: 'pi_TEST0001',
    payment_intent_client_secret: 'pi_TEST0001_secret_abc',
    redirect_status: 'failed',
  });
  expect(screen.getByRole('link', { name: 'Try again' })).toHaveAttribute(
    'href',
    `/orders/${order.id}/pay`,
  );
});

test('when the bank check sends the buyer back and the server says paid, then the success page replaces the return page', async () => {
  api.confirmPaymentReturn.mockResolvedValue(makeOrder({ ...order, status: 'paid' }));
  const { location } = renderRoute(
    <PaymentReturnPage outcome="return" />,
    // `redirect_status=failed` in the URL counts for nothing: the server said paid.
    `/payment/return?gateway=stripe&order=${order.id}&payment_intent=pi_TEST0001&redirect_status=failed`,
  );
  expect(await screen.findByTestId('navigated')).toBeInTheDocument();
  expect(location.history).toEqual([`/orders/${order.id}/success`]);
});
