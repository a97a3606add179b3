// The OpenAPI document is generated, so it can only be wrong by leaving something out: these
// tests walk the real Express app and compare, and validate the document with an OpenAPI 3.1
// validator nobody here wrote.
import SwaggerParser from '@apidevtools/swagger-parser';
import type { Express } from 'express';
import request from 'supertest';
import { servedRoutes } from '../../../scripts/lib/express-routes.cjs';
import { buildTestApp } from '../helpers/test-app';

let app: Express;
let gateways: string[];
let document: { paths: Record<string, Record<string, unknown>>; openapi: string };

beforeAll(async () => {
  let ctx;
  ({ app, ctx } = await buildTestApp());
  gateways = ctx.gateways.list().map((g) => g.name);
  document = (await request(app).get('/api/openapi.json').expect(200)).body;
});

test('when the API is walked, then every route it serves is in /api/openapi.json, and nothing else is', () => {
  const documented = new Set(
    Object.entries(document.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    ),
  );
  // A :gateway route is documented once per enabled gateway, with that gateway's parameters.
  const served = new Set(
    [...servedRoutes(app)].flatMap((r) =>
      r.includes(':gateway') ? gateways.map((g) => r.replace(':gateway', g)) : [r],
    ),
  );
  expect(served.size).toBeGreaterThan(20);
  expect([...served].filter((r) => !documented.has(r))).toEqual([]);
  expect([...documented].filter((r) => !served.has(r))).toEqual([]);
});

test('when the document is checked by an OpenAPI validator, then it is valid OpenAPI 3.1', async () => {
  expect(document.openapi).toBe('3.1.0');
  // validate() dereferences a copy; a broken $ref or an invalid schema throws.
  await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeTruthy();
});

test('when a known path is asked with a method it does not serve, then it answers 405 with Allow', async () => {
  const res = await request(app).put('/api/orders').send({}).expect(405);
  expect(res.headers.allow).toBe('POST');
  expect(res.body.error.code).toBe('METHOD_NOT_ALLOWED');
  const trace = await request(app).trace('/api/webhooks/razorpay').send('null').expect(405);
  expect(trace.headers.allow).toBe('POST');
  await request(app).put('/api/no-such-thing').expect(404);
});

test('when the docs page is asked for, then it is self-hosted HTML that loads the document', async () => {
  const page = await request(app).get('/api/docs').expect(200);
  expect(page.type).toBe('text/html');
  expect(page.text).toContain('/api/docs/assets/swagger-ui-bundle.js');
  expect(page.text).not.toMatch(/https?:\/\//);
  await request(app).get('/api/docs/assets/swagger-ui-bundle.js').expect(200);
  const init = await request(app).get('/api/docs/init.js').expect(200);
  expect(init.text).toContain("url: '/api/openapi.json'");
});
