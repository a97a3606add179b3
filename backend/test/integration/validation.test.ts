import request from 'supertest';
import { ProductModel } from '../../src/models/product.model';
import { adminHeaders, buildTestApp, type TestApp } from '../helpers/test-app';
import { connectTestDatabase, dropTestDatabase } from '../helpers/test-database';

let t: TestApp;
const existing = {
  slug: 'validation-mug',
  name: 'Validation Mug',
  description: '',
  image: '',
  price: 34900,
  currency: 'INR' as const,
  stock: 5,
  active: true,
};

beforeAll(async () => {
  await connectTestDatabase();
  t = await buildTestApp();
  await ProductModel.create(existing);
});
afterAll(dropTestDatabase);

async function snapshot() {
  return (await ProductModel.find().sort({ slug: 1 }).lean()).map(({ updatedAt: _u, ...p }) => p);
}

function expectErrorBody(body: unknown, code: string) {
  expect(body).toEqual({ error: expect.objectContaining({ code, message: expect.any(String) }) });
}

const valid = { slug: 'new-item', name: 'New', price: 1000, currency: 'INR', stock: 1 };

describe('bad input changes nothing', () => {
  test.each([
    ['uppercase letters', 'Validation-Mug'],
    ['a dot', 'mug.json'],
    ['a double hyphen', 'a--b'],
    ['an over-long slug', 'a'.repeat(81)],
  ])('when the slug has %s, then GET answers 400 VALIDATION_ERROR', async (_l, slug) => {
    const res = await request(t.app)
      .get(`/api/products/${encodeURIComponent(slug)}`)
      .expect(400);
    expectErrorBody(res.body, 'VALIDATION_ERROR');
  });

  test('when the product is unknown, then GET answers 404 PRODUCT_NOT_FOUND', async () => {
    const res = await request(t.app).get('/api/products/not-in-the-shop').expect(404);
    expectErrorBody(res.body, 'PRODUCT_NOT_FOUND');
  });

  test('when the route is unknown, then it answers 404 ROUTE_NOT_FOUND', async () => {
    const res = await request(t.app).get('/api/nothing-here').expect(404);
    expectErrorBody(res.body, 'ROUTE_NOT_FOUND');
  });

  test('when the JSON is malformed, then POST answers 400 INVALID_JSON', async () => {
    const before = await snapshot();
    const res = await request(t.app)
      .post('/api/products')
      .set(adminHeaders)
      .set('Content-Type', 'application/json')
      .send('{"slug": "broken",')
      .expect(400);
    expectErrorBody(res.body, 'INVALID_JSON');
    expect(await snapshot()).toEqual(before);
  });

  test('when the body is larger than the limit, then POST answers 413', async () => {
    const res = await request(t.app)
      .post('/api/products')
      .set(adminHeaders)
      .send({ ...valid, description: 'x'.repeat(200_000) })
      .expect(413);
    expectErrorBody(res.body, 'PAYLOAD_TOO_LARGE');
    expect(await ProductModel.countDocuments({ slug: valid.slug })).toBe(0);
  });

  test.each([
    ['a fractional price', { price: 499.5 }],
    ['a price as a string', { price: '49900' }],
    ['a zero price', { price: 0 }],
    ['a negative stock', { stock: -1 }],
    ['an unknown currency', { currency: 'EUR' }],
    ['an unknown field', { discount: 50 }],
    ['a Mongo operator as the slug', { slug: { $gt: '' } }],
    ['a Mongo operator as the price', { price: { $gt: 0 } }],
    ['a javascript: image URL', { image: 'javascript:alert(1)' }],
  ])('when a create has %s, then it answers 400 and writes nothing', async (_l, patch) => {
    const before = await snapshot();
    const res = await request(t.app)
      .post('/api/products')
      .set(adminHeaders)
      .send({ ...valid, ...patch })
      .expect(400);
    expectErrorBody(res.body, 'VALIDATION_ERROR');
    expect(await snapshot()).toEqual(before);
  });

  test.each([
    ['an empty patch', {}],
    ['a Mongo operator', { $set: { price: 1 } }],
    ['an operator as a value', { stock: { $inc: 100 } }],
    ['a slug change', { slug: 'renamed' }],
  ])('when a patch has %s, then it answers 400 and changes nothing', async (_l, patch) => {
    const before = await snapshot();
    const res = await request(t.app)
      .patch(`/api/products/${existing.slug}`)
      .set(adminHeaders)
      .send(patch)
      .expect(400);
    expectErrorBody(res.body, 'VALIDATION_ERROR');
    expect(await snapshot()).toEqual(before);
  });

  test.each([
    ['an operator in brackets', '/api/products?currency[$ne]=INR'],
    ['an unknown parameter', '/api/products?where=1'],
    ['a repeated parameter', '/api/products?currency=INR&currency=BDT'],
  ])('when the query string has %s, then the list answers 400', async (_l, url) => {
    const res = await request(t.app).get(url).expect(400);
    expectErrorBody(res.body, 'VALIDATION_ERROR');
  });
});
