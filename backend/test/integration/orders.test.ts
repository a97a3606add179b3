import request from 'supertest';
import { OrderModel } from '../../src/models/order.model';
import { buyer, createProduct } from '../helpers/shop';
import { buildTestApp, type TestApp } from '../helpers/test-app';
import { connectTestDatabase, dropTestDatabase } from '../helpers/test-database';

let t: TestApp;

beforeAll(async () => {
  await connectTestDatabase();
  t = await buildTestApp();
});
afterAll(dropTestDatabase);

const post = (body: unknown) =>
  request(t.app)
    .post('/api/orders')
    .send(body as object);

describe('creating an order', () => {
  test('when a cart is posted, then prices and totals come from the database', async () => {
    const tote = await createProduct({ price: 49900, stock: 10 });
    const pen = await createProduct({ price: 2550, stock: 10 });
    const res = await post({
      items: [
        { slug: tote.slug, quantity: 1 },
        { productId: pen.id, quantity: 2 },
      ],
      customer: buyer,
    }).expect(201);
    const order = res.body.order;
    expect(res.headers.location).toBe(`/api/orders/${order.id}`);
    expect(order.id).toMatch(/^ord_[A-Za-z0-9_-]{22}$/);
    expect(order.items).toEqual([
      expect.objectContaining({ slug: tote.slug, unitPrice: 49900, quantity: 1, lineTotal: 49900 }),
      expect.objectContaining({ slug: pen.slug, unitPrice: 2550, quantity: 2, lineTotal: 5100 }),
    ]);
    // 55000 subtotal, 18% GST = 9900, below ₹999 so ₹49 shipping.
    expect(order).toMatchObject({
      subtotal: 55000,
      discount: 0,
      tax: 9900,
      shipping: 4900,
      total: 69800,
    });
    expect(order.timeline[0]).toMatchObject({ type: 'order.created', source: 'checkout' });
  });

  test('when the client sends its own prices and totals, then they are ignored', async () => {
    const tote = await createProduct({ price: 49900 });
    const res = await post({
      items: [{ slug: tote.slug, quantity: 1, price: 1, unitPrice: 1, currency: 'BDT' }],
      customer: buyer,
      total: 100,
      amount: 100,
      currency: 'BDT',
    }).expect(201);
    expect(res.body.order).toMatchObject({ subtotal: 49900, currency: 'INR' });
    expect(res.body.order.total).toBeGreaterThan(49900);
  });

  test('when the same product appears twice, then the lines are merged', async () => {
    const tote = await createProduct();
    const res = await post({
      items: [
        { slug: tote.slug, quantity: 1 },
        { slug: tote.slug, quantity: 2 },
      ],
      customer: buyer,
    }).expect(201);
    expect(res.body.order.items).toEqual([expect.objectContaining({ quantity: 3 })]);
  });

  test('when a coupon is given, then the discount is applied before tax', async () => {
    const tote = await createProduct({ price: 100000 });
    const res = await post({
      items: [{ slug: tote.slug, quantity: 1 }],
      customer: buyer,
      coupon: 'welcome10',
    }).expect(201);
    expect(res.body.order).toMatchObject({
      subtotal: 100000,
      discount: 10000,
      tax: 16200,
      shipping: 0,
      total: 106200,
      coupon: 'WELCOME10',
    });
  });

  test('when a BDT product is ordered, then VAT and taka shipping apply', async () => {
    const scarf = await createProduct({ price: 85000, currency: 'BDT' });
    const res = await post({ items: [{ slug: scarf.slug, quantity: 1 }], customer: buyer }).expect(
      201,
    );
    expect(res.body.order).toMatchObject({
      currency: 'BDT',
      subtotal: 85000,
      tax: 12750,
      shipping: 6000,
      total: 103750,
    });
  });

  test('when a slug line and a productId line name the same product in stock, then the order has one line', async () => {
    const mug = await createProduct({ stock: 10 });
    const res = await post({
      items: [
        { slug: mug.slug, quantity: 2 },
        { productId: mug.id, quantity: 1 },
      ],
      customer: buyer,
    }).expect(201);
    expect(res.body.order.items).toEqual([
      expect.objectContaining({ slug: mug.slug, quantity: 3 }),
    ]);
  });

  describe('bad carts are refused and nothing is written', () => {
    let before: number;
    beforeEach(async () => {
      before = await OrderModel.countDocuments();
    });
    afterEach(async () => {
      expect(await OrderModel.countDocuments()).toBe(before);
    });

    test.each([
      ['a zero quantity', 0],
      ['a negative quantity', -1],
      ['a fractional quantity', 1.5],
      ['a quantity as a string', '2'],
      ['a huge quantity', 1000],
    ])('when a line has %s, then 400 VALIDATION_ERROR', async (_l, quantity) => {
      const tote = await createProduct();
      const res = await post({ items: [{ slug: tote.slug, quantity }], customer: buyer }).expect(
        400,
      );
      expect(res.body.error.code).toBe('VALIDATION_ERROR');
    });

    test('when the product is unknown, then 400 UNKNOWN_PRODUCT', async () => {
      const res = await post({
        items: [{ slug: 'no-such-product', quantity: 1 }],
        customer: buyer,
      }).expect(400);
      expect(res.body.error.code).toBe('UNKNOWN_PRODUCT');
    });

    test('when the product is archived, then 400 UNKNOWN_PRODUCT', async () => {
      const old = await createProduct({ active: false });
      const res = await post({ items: [{ slug: old.slug, quantity: 1 }], customer: buyer }).expect(
        400,
      );
      expect(res.body.error.code).toBe('UNKNOWN_PRODUCT');
    });

    test('when more is ordered than is in stock, then 409 INSUFFICIENT_STOCK', async () => {
      const rare = await createProduct({ stock: 2 });
      const res = await post({ items: [{ slug: rare.slug, quantity: 3 }], customer: buyer }).expect(
        409,
      );
      expect(res.body.error).toMatchObject({
        code: 'INSUFFICIENT_STOCK',
        message: expect.stringContaining('Only 2'),
      });
    });

    test('when a slug line and a productId line name the same product, then they are one line and the stock check sees both', async () => {
      const rare = await createProduct({ stock: 3 });
      const res = await post({
        items: [
          { slug: rare.slug, quantity: 3 },
          { productId: rare.id, quantity: 3 },
        ],
        customer: buyer,
      }).expect(409);
      expect(res.body.error).toMatchObject({
        code: 'INSUFFICIENT_STOCK',
        message: expect.stringContaining('Only 3'),
      });
    });

    test('when 20 lines of 99 name one product, then the merged line is over the per-line cap and refused as QUANTITY_LIMIT', async () => {
      const bulk = await createProduct({ stock: 100_000 });
      const items = Array.from({ length: 20 }, (_, i) =>
        i % 2 ? { slug: bulk.slug, quantity: 99 } : { productId: bulk.id, quantity: 99 },
      );
      const res = await post({ items, customer: buyer }).expect(400);
      expect(res.body.error).toMatchObject({
        code: 'QUANTITY_LIMIT',
        message: expect.stringMatching(/at most 99/),
      });
      expect(await OrderModel.countDocuments({ 'items.slug': bulk.slug })).toBe(0);
    });

    test('when INR and BDT products are mixed, then 400 MIXED_CURRENCY', async () => {
      const a = await createProduct({ currency: 'INR' });
      const b = await createProduct({ currency: 'BDT' });
      const res = await post({
        items: [
          { slug: a.slug, quantity: 1 },
          { slug: b.slug, quantity: 1 },
        ],
        customer: buyer,
      }).expect(400);
      expect(res.body.error.code).toBe('MIXED_CURRENCY');
    });

    test.each([
      ['an unknown coupon', 'NOPE', 'INVALID_COUPON'],
      ['an INR-only coupon on a BDT order', 'FLAT100', 'INVALID_COUPON'],
    ])('when the order has %s, then 400', async (_l, coupon, code) => {
      const scarf = await createProduct({ currency: 'BDT' });
      const res = await post({
        items: [{ slug: scarf.slug, quantity: 1 }],
        customer: buyer,
        coupon,
      }).expect(400);
      expect(res.body.error.code).toBe(code);
    });

    test.each([
      ['an empty cart', { items: [], customer: buyer }],
      ['no customer', { items: [{ slug: 'x', quantity: 1 }] }],
      [
        'a bad email',
        { items: [{ slug: 'x', quantity: 1 }], customer: { ...buyer, email: 'nope' } },
      ],
      [
        'a Mongo operator as the slug',
        { items: [{ slug: { $ne: null }, quantity: 1 }], customer: buyer },
      ],
      [
        'a Mongo operator as the email',
        { items: [{ slug: 'x', quantity: 1 }], customer: { ...buyer, email: { $gt: '' } } },
      ],
    ])('when the body has %s, then 400 VALIDATION_ERROR', async (_l, body) => {
      const res = await post(body).expect(400);
      expect(res.body.error.code).toBe('VALIDATION_ERROR');
    });
  });

  test('when an order id is malformed, then 400; when unknown, then 404', async () => {
    await request(t.app).get('/api/orders/not-an-id').expect(400);
    const res = await request(t.app).get('/api/orders/ord_AAAAAAAAAAAAAAAAAAAAAA').expect(404);
    expect(res.body.error.code).toBe('ORDER_NOT_FOUND');
  });
});
