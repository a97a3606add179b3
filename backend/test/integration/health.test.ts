import request from 'supertest';
import { disconnectDatabase } from '../../src/db/connect';
import { buildTestApp, type TestApp } from '../helpers/test-app';
import { connectTestDatabase, dropTestDatabase } from '../helpers/test-database';

let t: TestApp;

beforeAll(async () => {
  await connectTestDatabase();
  t = await buildTestApp();
});
afterAll(dropTestDatabase);

test('when the database answers, then health is 200, says it is up and who answers', async () => {
  const res = await request(t.app).get('/api/health').expect(200);
  expect(res.body).toMatchObject({
    service: 'checkout-lab-backend',
    instance: expect.any(String),
    status: 'ok',
    database: { state: 'up' },
  });
  const again = await request(t.app).get('/api/health').expect(200);
  expect(again.body.instance).toBe(res.body.instance);
});

test('when the database is gone, then health is 503 and catalog reads answer 503', async () => {
  await disconnectDatabase();
  const health = await request(t.app).get('/api/health').expect(503);
  expect(health.body).toMatchObject({ status: 'degraded', database: { state: 'down' } });

  const list = await request(t.app).get('/api/products').expect(503);
  expect(list.body.error.code).toBe('DATABASE_UNAVAILABLE');
  await connectTestDatabase();
});
