import request from 'supertest';
import { seedIfEmpty } from '../../src/db/seed';
import { ProductModel } from '../../src/models/product.model';
import { adminHeaders, buildTestApp, type TestApp } from '../helpers/test-app';
import { connectTestDatabase, dropTestDatabase } from '../helpers/test-database';

let t: TestApp;

beforeAll(async () => {
  await connectTestDatabase();
  t = await buildTestApp();
});
afterAll(dropTestDatabase);
beforeEach(async () => {
  await ProductModel.deleteMany({});
});

const newProduct = (overrides: Record<string, unknown> = {}) => ({
  slug: `test-lamp-${Math.random().toString(36).slice(2, 8)}`,
  name: 'Test Lamp',
  description: 'A lamp made by a test',
  image: '/products/test-lamp.svg',
  price: 129950,
  currency: 'INR',
  stock: 7,
  ...overrides,
});

describe('catalog', () => {
  test('when the database is empty, then the seed loads the demo products with integer prices', async () => {
    const inserted = await seedIfEmpty();
    expect(inserted).toBeGreaterThanOrEqual(6);
    expect(await seedIfEmpty()).toBe(0);

    const res = await request(t.app).get('/api/products').expect(200);
    expect(res.body.products).toHaveLength(inserted);
    for (const p of res.body.products) expect(Number.isInteger(p.price)).toBe(true);
    const currencies = new Set(res.body.products.map((p: { currency: string }) => p.currency));
    expect(currencies).toEqual(new Set(['INR', 'BDT', 'USD']));
    // Every demo product can be paid for: some enabled gateway takes its currency.
    const payable = new Set(t.ctx.gateways.list().flatMap((g) => g.currencies));
    for (const currency of currencies) expect(payable).toContain(currency);
  });

  test('when a currency filter is given, then only that currency is listed', async () => {
    await seedIfEmpty();
    const res = await request(t.app).get('/api/products?currency=BDT').expect(200);
    expect(res.body.products.length).toBeGreaterThan(0);
    expect(res.body.products.every((p: { currency: string }) => p.currency === 'BDT')).toBe(true);
  });

  test('when an admin creates a product, then it can be fetched by slug', async () => {
    const input = newProduct();
    const created = await request(t.app).post('/api/products').set(adminHeaders).send(input);
    expect(created.status).toBe(201);
    expect(created.headers.location).toBe(`/api/products/${input.slug}`);
    expect(created.body.product).toMatchObject({ ...input, active: true });

    const fetched = await request(t.app).get(`/api/products/${input.slug}`).expect(200);
    expect(fetched.body.product.price).toBe(129950);
  });

  test('when an admin patches a product, then only the given fields change', async () => {
    const input = newProduct();
    await request(t.app).post('/api/products').set(adminHeaders).send(input).expect(201);
    const res = await request(t.app)
      .patch(`/api/products/${input.slug}`)
      .set(adminHeaders)
      .send({ price: 99900, stock: 3 })
      .expect(200);
    expect(res.body.product).toMatchObject({
      name: input.name,
      description: input.description,
      image: input.image,
      price: 99900,
      stock: 3,
    });
  });

  test('when an admin deletes a product, then it leaves the shop but stays in the admin list', async () => {
    const input = newProduct();
    await request(t.app).post('/api/products').set(adminHeaders).send(input).expect(201);
    await request(t.app).delete(`/api/products/${input.slug}`).set(adminHeaders).expect(204);

    await request(t.app).get(`/api/products/${input.slug}`).expect(404);
    const shop = await request(t.app).get('/api/products').expect(200);
    expect(shop.body.products).toHaveLength(0);
    const admin = await request(t.app).get('/api/admin/products').set(adminHeaders).expect(200);
    expect(admin.body.products).toEqual([
      expect.objectContaining({ slug: input.slug, active: false }),
    ]);
  });

  test('when a slug is taken, then a second create is refused with 409 and nothing is written', async () => {
    const input = newProduct();
    await request(t.app).post('/api/products').set(adminHeaders).send(input).expect(201);
    const res = await request(t.app)
      .post('/api/products')
      .set(adminHeaders)
      .send({ ...input, name: 'Impostor', price: 100 })
      .expect(409);
    expect(res.body.error.code).toBe('PRODUCT_EXISTS');
    const stored = await ProductModel.find({ slug: input.slug });
    expect(stored).toHaveLength(1);
    expect(stored[0]!.name).toBe('Test Lamp');
  });

  test('when the same slug is created twice at once, then exactly one create succeeds', async () => {
    const input = newProduct();
    const results = await Promise.all(
      [1, 2, 3].map(() => request(t.app).post('/api/products').set(adminHeaders).send(input)),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    expect(await ProductModel.countDocuments({ slug: input.slug })).toBe(1);
  });

  test('when the product does not exist, then patch and delete answer 404', async () => {
    await request(t.app)
      .patch('/api/products/no-such-thing')
      .set(adminHeaders)
      .send({ stock: 1 })
      .expect(404);
    await request(t.app).delete('/api/products/no-such-thing').set(adminHeaders).expect(404);
  });
});
