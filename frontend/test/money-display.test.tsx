// The order page shows money exactly as the confirmation email and the timeline messages write
// it: the backend's tests assert these same strings (backend/test/integration/money-text.test.ts).
import { screen } from '@testing-library/react';
import { OrderPage } from '../src/features/orders/order-page';
import * as client from '../src/lib/api-client';
import { entry, makeOrder, sandboxConfig } from './helpers/fixtures';
import { renderRoute } from './helpers/render-route';

vi.mock('../src/lib/api-client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../src/lib/api-client')>()),
  getConfig: vi.fn(),
  getOrder: vi.fn(),
}));
const api = vi.mocked(client);
beforeEach(() => api.getConfig.mockResolvedValue(sandboxConfig));

test('when an INR order is shown, then its total reads ₹1,226.64 with Indian grouping', async () => {
  // 2 × ₹499.00, 18% tax, ₹49.00 shipping: the backend prices the same cart at 122664 paise.
  api.getOrder.mockResolvedValue(makeOrder());
  renderRoute(<OrderPage orderId="ord_TESTtestTESTtestTEST01" />, '/orders/x');
  expect(await screen.findByTestId('order-total')).toHaveTextContent(/^₹1,226\.64$/);
  expect(screen.getAllByText('₹998.00').length).toBeGreaterThan(0);
});

test('when a BDT order is shown, then its total reads ৳1,250.50, never "BDT 1,250.50"', async () => {
  api.getOrder.mockResolvedValue(
    makeOrder({
      currency: 'BDT',
      items: [
        {
          slug: 'jamdani-scarf',
          name: 'Jamdani Scarf',
          image: '',
          unitPrice: 108739,
          quantity: 1,
          lineTotal: 108739,
        },
      ],
      subtotal: 108739,
      tax: 16311,
      shipping: 0,
      total: 125050,
      timeline: [
        entry('order.created', 'checkout', 0),
        {
          ...entry('checkout.started', 'checkout', 1, 1),
          message: "Redirecting to RupantorPay's payment page for ৳1,250.50",
        },
      ],
    }),
  );
  renderRoute(<OrderPage orderId="ord_TESTtestTESTtestTEST01" />, '/orders/x');
  expect(await screen.findByTestId('order-total')).toHaveTextContent(/^৳1,250\.50$/);
  expect(screen.getByText(/payment page for ৳1,250\.50/)).toBeInTheDocument();
  expect(screen.queryByText(/BDT/)).not.toBeInTheDocument();
});
