// requests/api.http is generated from the OpenAPI document: these tests fail when a route is
// missing from it, when it is stale (run `npm run docs:build`), or when its examples stop working.
import { readFileSync } from 'node:fs';
import request from 'supertest';
import { defaultHttpCollection, HTTP_COLLECTION } from '../../src/openapi/http-collection.script';
import { createProduct } from '../helpers/shop';
import { adminHeaders } from '../helpers/test-app';
import { useTestStack } from '../helpers/test-stack';

const committed = readFileSync(HTTP_COLLECTION, 'utf8');

/** The request named `name` in the file: its method, path and JSON body. */
function requestNamed(name: string) {
  const block = committed.split(/^###/m).find((b) => b.includes(`# @name ${name}\n`));
  if (!block) throw new Error(`no request named ${name}`);
  const [, method, path] = /^(GET|POST|PATCH|DELETE) \{\{baseUrl\}\}(\S+)$/m.exec(block)!;
  const json = block.slice(block.indexOf('\n\n') + 2).trim();
  return { method: method!, path: path!, body: json ? (JSON.parse(json) as unknown) : undefined };
}

const t = useTestStack();

test('when the API document is read, then every one of its routes has a request in requests/api.http', async () => {
  const { body: document } = await request(t.app).get('/api/openapi.json').expect(200);
  const routes = Object.entries(document.paths as Record<string, object>).flatMap(([path, ops]) =>
    Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
  );
  expect(routes.length).toBeGreaterThan(25);
  const inFile = new Set(
    [...committed.matchAll(/^(GET|POST|PATCH|DELETE) \{\{baseUrl\}\}(\S+)$/gm)].map(
      ([, method, path]) =>
        `${method} ${path!.replace('{{orderId}}', '{id}').replace('{{slug}}', '{slug}')}`,
    ),
  );
  expect(routes.filter((r) => !inFile.has(r))).toEqual([]);
});

test('when the collection is generated again, then it equals the committed file (else: npm run docs:build)', () => {
  expect(committed).toBe(defaultHttpCollection());
});

test('when the example order and checkout are sent as written, then the API accepts them', async () => {
  await createProduct({ slug: 'canvas-tote-bag', price: 49900 });
  const create = requestNamed('postOrders');
  const created = await request(t.app)
    .post(create.path)
    .send(create.body as object)
    .expect(201);
  const orderId = created.body.order.id as string;

  const checkout = requestNamed('postOrdersIdCheckout');
  expect(checkout.path).toBe('/api/orders/{{orderId}}/checkout');
  const started = await request(t.app)
    .post(checkout.path.replace('{{orderId}}', orderId))
    .send(checkout.body as object)
    .expect(201);
  expect(started.body.checkout.kind).toBe('modal');

  const reconcile = requestNamed('postAdminReconcile');
  await request(t.app)
    .post(reconcile.path)
    .set(adminHeaders)
    .send(reconcile.body as object)
    .expect(200);
});
