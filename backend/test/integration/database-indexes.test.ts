// The queries the hot paths make read an index, not the whole collection, on whichever database
// the tests use: at 10,000 orders a collection scan per checkout or webhook is what made the
// shop slow. `explain` is MongoDB's; tools/mongo-java-server answers it in the same shape.
import { Types } from 'mongoose';
import { OrderModel } from '../../src/models/order.model';
import { PaymentModel } from '../../src/models/payment.model';
import { ProductModel } from '../../src/models/product.model';
import { WebhookEventModel } from '../../src/models/webhook-event.model';
import { connectTestDatabase, dropTestDatabase } from '../helpers/test-database';

// Where a query could use more than one index, MongoDB's planner races them on real data:
// give it some, so its choice is the selective one.
beforeAll(async () => {
  await connectTestDatabase();
  const now = Date.now();
  const products = await ProductModel.insertMany(
    Array.from({ length: 20 }, (_, i) => ({
      slug: `p-${i}`,
      name: `P ${i}`,
      price: 100 + i,
      currency: 'INR',
      stock: 5,
    })),
  );
  const orders = await OrderModel.insertMany(
    Array.from({ length: 30 }, (_, i) => ({
      publicId: `ord_${i}`,
      customer: { name: 'A', email: `a${i % 3}@example.com` },
      items: [
        {
          product: products[0]!._id,
          slug: 'p-0',
          name: 'P 0',
          unitPrice: 100,
          quantity: 1,
          lineTotal: 100,
        },
      ],
      subtotal: 100,
      discount: 0,
      tax: 0,
      shipping: 0,
      total: 100,
      currency: 'INR',
      status: i % 3 ? 'paid' : 'pending',
    })),
  );
  await PaymentModel.insertMany(
    orders.map((o, i) => ({
      order: o._id,
      gateway: 'razorpay',
      attempt: 1,
      refs: { orderId: `order_${i}`, paymentId: `pay_${i}` },
      amount: 100,
      currency: 'INR',
      status: i % 3 ? 'captured' : 'created',
      createdAt: new Date(now - i * 60_000),
    })),
  );
  await WebhookEventModel.insertMany(
    Array.from({ length: 30 }, (_, i) => ({
      gateway: 'razorpay',
      eventId: `evt_${i}`,
      type: 'payment.captured',
      signatureValid: true,
      receivedAt: new Date(now - i * 1000),
      ...(i % 5 ? { processedAt: new Date(), outcome: 'applied' } : { outcome: 'pending' }),
    })),
  );
});
afterAll(dropTestDatabase);

/** Every index a plan reads, in any of the shapes MongoDB versions explain in. */
function indexesRead(plan: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(plan)) plan.forEach((p) => indexesRead(p, into));
  else if (plan && typeof plan === 'object') {
    const stage = plan as Record<string, unknown>;
    if (typeof stage.indexName === 'string') into.add(stage.indexName);
    if (typeof stage.stage === 'string' && stage.stage.includes('IDHACK')) into.add('_id_');
    Object.values(stage).forEach((v) => indexesRead(v, into));
  }
  return into;
}

function scans(plan: unknown): boolean {
  return JSON.stringify(plan).includes('"COLLSCAN"');
}

type Sort = Record<string, 1 | -1>;
interface Explained {
  queryPlanner: { winningPlan: unknown };
}

/** What these checks need of a model (any of the four). */
interface ExplainableModel {
  modelName: string;
  find(filter: object): { sort(sort: Sort): { explain(verbosity: string): Promise<unknown> } };
}
const id = () => new Types.ObjectId();
const since = () => new Date(Date.now() - 60_000);

// [what the hot path does, model, filter, sort, the index it is declared for]
const HOT_QUERIES: Array<[string, ExplainableModel, Record<string, unknown>, Sort, string]> = [
  ['GET /api/orders/:id: the order', OrderModel, { publicId: 'ord_7' }, {}, 'publicId_1'],
  ['GET /api/orders/:id: its payments', PaymentModel, { order: id() }, { createdAt: 1 }, 'order_1'],
  ['an order transition', OrderModel, { _id: id(), status: { $in: ['pending'] } }, {}, '_id_'],
  ['a payment transition', PaymentModel, { _id: id(), status: { $in: ['created'] } }, {}, '_id_'],
  [
    'verify: the attempt by gateway order id',
    PaymentModel,
    { gateway: 'razorpay', 'refs.orderId': 'order_4' },
    { createdAt: 1 },
    'gateway_1_refs.orderId_1',
  ],
  [
    'a webhook: the payment by gateway payment id',
    PaymentModel,
    { 'refs.paymentId': 'pay_4' },
    {},
    'refs.paymentId_1',
  ],
  [
    'a webhook: the stored event by (gateway, event id)',
    WebhookEventModel,
    { gateway: 'razorpay', eventId: 'evt_4' },
    {},
    'gateway_1_eventId_1',
  ],
  [
    'a webhook: the lease on the stored event',
    WebhookEventModel,
    {
      _id: id(),
      processedAt: { $exists: false },
      $or: [{ leaseUntil: { $exists: false } }, { leaseUntil: { $lt: new Date() } }],
    },
    {},
    '_id_',
  ],
  [
    'reconcile: open payments due for a check',
    PaymentModel,
    {
      status: { $in: ['created', 'authorized'] },
      nextCheckAt: { $lte: new Date() },
      createdAt: { $lte: since() },
    },
    { nextCheckAt: 1 },
    'status_1_nextCheckAt_1',
  ],
  [
    'reconcile: stored webhooks not yet processed',
    WebhookEventModel,
    {
      outcome: { $in: ['pending', 'failed'] },
      processedAt: { $exists: false },
      $or: [{ leaseUntil: { $exists: false } }, { leaseUntil: { $lt: new Date() } }],
    },
    { receivedAt: 1 },
    'outcome_1_receivedAt_-1',
  ],
  [
    'reconcile: paid orders whose email is unsent',
    OrderModel,
    { status: { $in: ['paid', 'fulfilled'] }, 'fulfilment.emailSentAt': { $exists: false } },
    {},
    'status_1_createdAt_-1',
  ],
  [
    'reconcile: captured payments whose order was never settled',
    PaymentModel,
    { settlePending: true, updatedAt: { $lte: since() }, _id: { $gt: id() } },
    { _id: 1 },
    'settlePending_1_updatedAt_1',
  ],
  [
    'reconcile: stock holds past their window',
    PaymentModel,
    {
      'hold.state': { $in: ['holding', 'held', 'releasing'] },
      'hold.expiresAt': { $lte: since() },
    },
    { 'hold.expiresAt': 1 },
    'hold.state_1_hold.expiresAt_1',
  ],
  [
    'reconcile: orders with a fulfilment step left',
    OrderModel,
    { 'fulfilment.open': true, 'fulfilment.openSince': { $lte: since() }, _id: { $gt: id() } },
    { _id: 1 },
    'fulfilment.open_1_fulfilment.openSince_1',
  ],
  [
    'reconcile: pending orders past their expiry window',
    OrderModel,
    { expiryOpen: true, expiresAt: { $lte: new Date() } },
    { expiresAt: 1 },
    'expiryOpen_1_expiresAt_1',
  ],
  ['checkout: the cart products', ProductModel, { _id: { $in: [id(), id()] } }, {}, '_id_'],
  ['GET /api/products/:slug', ProductModel, { slug: 'p-3', active: true }, {}, 'slug_1'],
  ['GET /api/products', ProductModel, { active: true }, { createdAt: 1 }, 'active_1_createdAt_1'],
  [
    'admin: orders by email',
    OrderModel,
    { 'customer.email': 'a1@example.com' },
    { createdAt: -1 },
    'customer.email_1_createdAt_-1',
  ],
];

async function winningPlan(model: ExplainableModel, filter: object, sort: Sort) {
  const explained = (await model.find(filter).sort(sort).explain('queryPlanner')) as
    Explained | Explained[];
  return (Array.isArray(explained) ? explained[0]! : explained).queryPlanner.winningPlan;
}

test.each(HOT_QUERIES)(
  'when %s is looked up, then the index declared for it is read, not the collection',
  async (_, model, filter, sort, index) => {
    const plan = await winningPlan(model, filter, sort);
    expect(scans(plan)).toBe(false);
    expect([...indexesRead(plan)]).toContain(index);
  },
);

test('when the models declare an index, then one of the hot queries above reads it', async () => {
  const served = new Set(HOT_QUERIES.map(([, model, , , index]) => `${model.modelName}.${index}`));
  for (const model of [OrderModel, PaymentModel, ProductModel, WebhookEventModel]) {
    for (const { name } of await model.listIndexes()) {
      expect(served).toContain(`${model.modelName}.${name as string}`);
    }
  }
});

test('when a query pins no indexed field, then explain says it reads the collection', async () => {
  // The other side of the checks above, so that they can fail: a filter on an unindexed field.
  expect(scans(await winningPlan(PaymentModel, { method: 'upi' }, {}))).toBe(true);
});
