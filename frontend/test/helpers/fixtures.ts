// Test data typed against the API's own DTOs (@checkout-lab/contracts): a field or a timeline
// type the backend does not write fails the typecheck here.
import type {
  OrderDto,
  PaymentDto,
  ProductDto,
  PublicConfig,
  TimelineItemDto,
} from '@checkout-lab/contracts/dto';
import type { TimelineSource, TimelineType } from '@checkout-lab/contracts/statuses';

export function makeProduct(overrides: Partial<ProductDto> = {}): ProductDto {
  return {
    id: 'p1',
    slug: 'canvas-tote-bag',
    name: 'Canvas Tote Bag',
    description: 'Heavy cotton canvas.',
    image: '/products/canvas-tote-bag.svg',
    price: 49900,
    currency: 'INR',
    stock: 40,
    active: true,
    createdAt: at(0),
    updatedAt: at(0),
    ...overrides,
  };
}

export const at = (second: number) => `2026-11-22T10:00:${String(second).padStart(2, '0')}.000Z`;

export function entry(
  type: TimelineType,
  source: TimelineSource,
  second: number,
  attempt?: number,
): TimelineItemDto {
  return { at: at(second), type, source, message: `${type} from ${source}`, attempt };
}

export function makePayment(overrides: Partial<PaymentDto> = {}): PaymentDto {
  return {
    id: 'pay1',
    attempt: 1,
    gateway: 'razorpay',
    status: 'created',
    amount: 122664,
    currency: 'INR',
    method: null,
    refundStatus: null,
    amountRefunded: 0,
    signatureVerified: false,
    refs: { orderId: 'order_TEST000001', paymentId: null, acquirerRef: null },
    error: null,
    refunds: [],
    stockHold: null,
    createdAt: at(1),
    updatedAt: at(1),
    ...overrides,
  };
}

export function makeOrder(overrides: Partial<OrderDto> = {}): OrderDto {
  return {
    id: 'ord_TESTtestTESTtestTEST01',
    status: 'pending',
    currency: 'INR',
    customer: { name: 'Asha Rao', email: 'asha@example.com', contact: '+919876543210' },
    items: [
      {
        slug: 'canvas-tote-bag',
        name: 'Canvas Tote Bag',
        image: '/products/canvas-tote-bag.svg',
        unitPrice: 49900,
        quantity: 2,
        lineTotal: 99800,
      },
    ],
    subtotal: 99800,
    discount: 0,
    tax: 17964,
    shipping: 4900,
    total: 122664,
    coupon: null,
    amountRefunded: 0,
    paidAt: null,
    createdAt: at(0),
    updatedAt: at(0),
    payments: [],
    timeline: [entry('order.created', 'checkout', 0)],
    ...overrides,
  };
}

export const sandboxConfig: PublicConfig = {
  storeName: 'Checkout Lab',
  mode: 'sandbox',
  gateways: [
    {
      name: 'razorpay',
      label: 'Razorpay',
      description: 'Cards, UPI, netbanking and wallets',
      kind: 'modal',
      currencies: ['INR'],
      publicKey: 'rzp_test_sandbox0000001',
      scriptUrl: 'http://127.0.0.1:4010/razorpay/checkout.js',
    },
    {
      name: 'rupantorpay',
      label: 'RupantorPay',
      description: 'bKash, Nagad and cards, on its own page',
      kind: 'redirect',
      currencies: ['BDT'],
    },
    {
      name: 'stripe',
      label: 'Stripe',
      description: 'Cards, in a secure form on this page (3-D Secure when the bank asks)',
      kind: 'embedded',
      currencies: ['USD'],
      publicKey: 'pk_test_sandbox00000000000000000000000001',
      scriptUrl: 'http://localhost:4010/stripe/v3/',
    },
  ],
};
