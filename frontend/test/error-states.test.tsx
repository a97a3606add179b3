import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AxiosError, AxiosHeaders } from 'axios';
import { PaymentReturnPage } from '../src/features/checkout/payment-return-page';
import { ProductList } from '../src/features/products/product-list';
import * as client from '../src/lib/api-client';
import { makeOrder, makePayment, makeProduct, sandboxConfig } from './helpers/fixtures';
import { renderRoute } from './helpers/render-route';

vi.mock('../src/lib/api-client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../src/lib/api-client')>()),
  getConfig: vi.fn(),
  getOrder: vi.fn(),
  listProducts: vi.fn(),
  confirmPaymentReturn: vi.fn(),
}));
const api = vi.mocked(client);
const { ApiError, toApiError } = client;

beforeEach(() => {
  api.getConfig.mockResolvedValue(sandboxConfig);
});

function axiosError(status?: number, data?: unknown, code?: string): AxiosError {
  const config = { headers: new AxiosHeaders() };
  const response = status ? { status, statusText: '', headers: {}, config, data } : undefined;
  return new AxiosError('failed', code, config, undefined, response);
}

test('when the server answers with its error shape, then the code, message and details are kept', () => {
  const err = toApiError(
    axiosError(400, {
      error: {
        code: 'VALIDATION_ERROR',
        message: 'Invalid body: customer.email: must be an email address',
        details: [{ path: 'customer.email', message: 'must be an email address' }],
      },
    }),
  );
  expect(err).toBeInstanceOf(ApiError);
  expect(err).toMatchObject({ code: 'VALIDATION_ERROR', status: 400 });
  expect(err.details).toEqual([{ path: 'customer.email', message: 'must be an email address' }]);
});

test('when the request never reaches the server or times out, then the message says what to do', () => {
  expect(toApiError(axiosError())).toMatchObject({ code: 'NETWORK_ERROR' });
  expect(toApiError(axiosError(undefined, undefined, 'ECONNABORTED'))).toMatchObject({
    code: 'TIMEOUT',
  });
  expect(toApiError(axiosError(502, '<html>Bad gateway</html>'))).toMatchObject({
    code: 'HTTP_ERROR',
    status: 502,
  });
});

test('when the products cannot load, then an alert explains and Try again loads them', async () => {
  api.listProducts
    .mockRejectedValueOnce(new ApiError('NETWORK_ERROR', 'Could not reach the server.'))
    .mockResolvedValue([makeProduct()]);
  renderRoute(<ProductList />);

  const alert = await screen.findByRole('alert');
  expect(alert).toHaveTextContent('Could not load the products');
  expect(alert).toHaveTextContent('Could not reach the server.');
  await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
  expect(await screen.findByRole('heading', { name: 'Canvas Tote Bag' })).toBeInTheDocument();
  expect(screen.getByText('₹499.00')).toBeInTheDocument();
});

test('when a cancelled hosted payment cannot be verified, then the cancel page still shows the order', async () => {
  api.confirmPaymentReturn.mockRejectedValue(
    new ApiError('GATEWAY_ERROR', 'The payment gateway did not answer', 502),
  );
  api.getOrder.mockResolvedValue(makeOrder({ currency: 'BDT' }));
  renderRoute(
    <PaymentReturnPage outcome="cancel" />,
    '/payment/cancel?gateway=rupantorpay&order=ord_TESTtestTESTtestTEST01&transactionId=RPTX123',
  );

  expect(await screen.findByRole('heading', { name: 'Payment not completed' })).toBeInTheDocument();
  expect(screen.getByText(/The gateway could not be asked just now/)).toBeInTheDocument();
  expect(screen.getByRole('link', { name: 'Try again' })).toHaveAttribute(
    'href',
    '/orders/ord_TESTtestTESTtestTEST01/pay',
  );
});

test('when a hosted payment returns with success, then the server verifies it before the success page', async () => {
  api.confirmPaymentReturn.mockResolvedValue(makeOrder({ status: 'paid', currency: 'BDT' }));
  const { location } = renderRoute(
    <PaymentReturnPage outcome="success" />,
    // RupantorPay's documented return: camelCase, with what the buyer paid (a hint, not proof).
    '/payment/success?gateway=rupantorpay&order=ord_TESTtestTESTtestTEST01&transactionId=RPTX123&paymentMethod=bkash&paymentAmount=1250.00&status=COMPLETED',
  );
  expect(await screen.findByTestId('navigated')).toBeInTheDocument();
  expect(api.confirmPaymentReturn).toHaveBeenCalledWith(
    'rupantorpay',
    'ord_TESTtestTESTtestTEST01',
    {
      transactionId: 'RPTX123',
      paymentMethod: 'bkash',
      paymentAmount: '1250.00',
      status: 'COMPLETED',
    },
  );
  // Replaced, not pushed: Back must not land on the return page and verify again.
  expect(location.history).toEqual(['/orders/ord_TESTtestTESTtestTEST01/success']);
});

test.each(['transactionId', 'transactionID'])(
  "when the gateway returns the id as %s (RupantorPay's documented camelCase), then the server verifies it for the order in the URL",
  async (param) => {
    // A link without ?gateway= (an older one): the order's latest attempt says which gateway.
    const pending = makeOrder({ currency: 'BDT' });
    api.getOrder.mockResolvedValue({
      ...pending,
      payments: [makePayment({ gateway: 'rupantorpay', currency: 'BDT' })],
    });
    api.confirmPaymentReturn.mockResolvedValue(makeOrder({ status: 'paid', currency: 'BDT' }));
    renderRoute(
      <PaymentReturnPage outcome="success" />,
      `/payment/success?order=ord_TESTtestTESTtestTEST01&${param}=RPTX456&paymentMethod=bkash&status=COMPLETED`,
    );
    expect(await screen.findByTestId('navigated')).toBeInTheDocument();
    expect(api.confirmPaymentReturn).toHaveBeenCalledWith(
      'rupantorpay',
      'ord_TESTtestTESTtestTEST01',
      { [param]: 'RPTX456', paymentMethod: 'bkash', status: 'COMPLETED' },
    );
  },
);
