import request from 'supertest';
import { ProductModel } from '../../src/models/product.model';
import { buildTestApp, type TestApp } from '../helpers/test-app';
import { connectTestDatabase, dropTestDatabase } from '../helpers/test-database';

let t: TestApp;

beforeAll(async () => {
  await connectTestDatabase();
  t = await buildTestApp();
});
afterAll(dropTestDatabase);

const product = {
  slug: 'auth-test-product',
  name: 'Auth Test',
  price: 10000,
  currency: 'INR',
  stock: 1,
};

describe.each([
  ['no Authorization header', {}],
  ['a wrong token', { Authorization: 'Bearer not-the-admin-token-at-all' }],
  ['a non-Bearer scheme', { Authorization: 'Basic YWRtaW46YWRtaW4=' }],
  ['an empty Bearer token', { Authorization: 'Bearer ' }],
])('when an admin route is called with %s', (_label, headers) => {
  test('then it answers 401 with an error body and writes nothing', async () => {
    const before = await ProductModel.countDocuments();
    for (const call of [
      request(t.app).post('/api/products').set(headers).send(product),
      request(t.app).patch('/api/products/auth-test-product').set(headers).send({ stock: 5 }),
      request(t.app).delete('/api/products/auth-test-product').set(headers),
      request(t.app).get('/api/admin/products').set(headers),
    ]) {
      const res = await call;
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
      expect(res.body.error).toEqual({ code: 'UNAUTHORIZED', message: expect.any(String) });
    }
    expect(await ProductModel.countDocuments()).toBe(before);
  });
});

test('when a public route is called without a token, then it works', async () => {
  await request(t.app).get('/api/products').expect(200);
});
