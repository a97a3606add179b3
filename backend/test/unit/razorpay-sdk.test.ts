// Pins the one place we reach into the official SDK's internals (razorpay.sdk.ts): if an SDK
// upgrade moves its axios instance, these fail at `npm test` instead of in a learner's browser,
// where every call would silently go to api.razorpay.com.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import Razorpay from 'razorpay';
import { pointRazorpaySdkAt } from '../../src/gateways/razorpay.sdk';

test('when the SDK is pointed at a base URL, then its calls go there, with our credentials', async () => {
  const seen: IncomingMessage[] = [];
  const server = createServer((req, res) => {
    seen.push(req);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ entity: 'collection', count: 0, items: [] }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  try {
    const { port } = server.address() as AddressInfo;
    const sdk = new Razorpay({ key_id: 'rzp_test_pin000000001', key_secret: 'pin_secret' });
    pointRazorpaySdkAt(sdk, `http://127.0.0.1:${port}/razorpay`, 1000);
    await sdk.orders.all({ count: 1 });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.url).toMatch(/^\/razorpay\/v1\/orders\?/);
    const basic = Buffer.from('rzp_test_pin000000001:pin_secret').toString('base64');
    expect(seen[0]!.headers.authorization).toBe(`Basic ${basic}`);
  } finally {
    server.close();
  }
});

test('when the SDK no longer keeps its HTTP client where we expect, then pointing it fails loudly', () => {
  const moved = {} as Razorpay;
  expect(() => pointRazorpaySdkAt(moved, 'http://127.0.0.1:1', 1000)).toThrow(
    /no longer keeps its axios instance/,
  );
});
