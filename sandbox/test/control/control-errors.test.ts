// The control API answers a client's mistakes with a 4xx in Razorpay's error shape, never 500:
// a body it cannot decode, a path that is not valid percent-encoding.
import type { RunningSandbox } from '../../src/index';
import { startTestSandbox } from '../helpers/sandbox';

describe('control API errors', () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox({ webhookUrls: [] });
  });
  afterAll(() => sandbox.close());

  it.each([
    ['PUT', '/faults'],
    ['PUT', '/webhooks'],
    ['PUT', '/settings'],
    ['POST', '/trigger'],
  ])('when %s %s gets a body with a bad Content-Encoding, then 4xx', async (method, path) => {
    for (const encoding of ['gzip', 'deflate', 'br', 'x-unknown']) {
      const res = await fetch(`${sandbox.url}/_sandbox${path}`, {
        method,
        headers: { 'content-type': 'application/json', 'content-encoding': encoding },
        body: '{"not":"compressed"}',
      });
      expect([400, 415]).toContain(res.status);
      const body = (await res.json()) as { error: { code: string } };
      expect(body.error.code).toBe('BAD_REQUEST_ERROR');
    }
  });

  it.each(['/events/%E0%A4%A', '/events/%ZZ/resend'])(
    'when the path %s is not valid percent-encoding, then 400',
    async (path) => {
      for (const method of ['GET', 'POST']) {
        const res = await fetch(`${sandbox.url}/_sandbox${path}`, { method });
        expect(res.status).toBe(400);
        const body = (await res.json()) as { error: { code: string } };
        expect(body.error.code).toBe('BAD_REQUEST_ERROR');
      }
    },
  );

  it.each(['abc', '0', '501', '2.5'])(
    'when GET /events is asked for limit=%s, then 400 names the range instead of guessing 50',
    async (limit) => {
      const res = await fetch(`${sandbox.url}/_sandbox/events?limit=${limit}`);
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { description: string } };
      expect(body.error.description).toBe('limit: must be a whole number from 1 to 500');
    },
  );

  it('when GET /events has no limit, then the last 50 are listed', async () => {
    const res = await fetch(`${sandbox.url}/_sandbox/events`);
    expect(res.status).toBe(200);
  });
});
