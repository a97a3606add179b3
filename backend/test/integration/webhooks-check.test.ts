import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startSandbox } from '@checkout-lab/sandbox';
import { runWebhooksCheck, webhookUrl } from '../../src/cli/webhooks-check';
import { WebhookEventModel } from '../../src/models/webhook-event.model';
import { buildTestApp, listenFirst, TEST_ADMIN_TOKEN, type TestApp } from '../helpers/test-app';
import { connectTestDatabase, dropTestDatabase } from '../helpers/test-database';

let t: TestApp;
let url: string;
let closeServer: () => void;

beforeAll(async () => {
  await connectTestDatabase();
  const listening = await listenFirst();
  t = await buildTestApp({ PUBLIC_BASE_URL: listening.url });
  listening.serve(t.app);
  url = listening.url;
  closeServer = () => {
    listening.server.closeAllConnections();
    listening.server.close();
  };
});
afterAll(async () => {
  closeServer();
  await dropTestDatabase();
});

async function check(secret: string, adminToken?: string, target = url) {
  const lines: string[] = [];
  const code = await runWebhooksCheck({
    url: target,
    webhookSecret: secret,
    adminToken,
    fetch,
    print: (l) => lines.push(l),
    settleMs: 2000,
  });
  return { code, output: lines.join('\n') };
}

describe('npm run webhooks:check', () => {
  test('when the secret matches, then both samples behave and the stored event is confirmed', async () => {
    const { code, output } = await check(t.config.razorpay.webhookSecret, TEST_ADMIN_TOKEN);
    expect(code).toBe(0);
    expect(output).toMatch(/✔ signed sample payment\.failed \[evt_check\w+\] → 200/);
    expect(output).toMatch(/✔ stored in the webhook inbox: signature valid, outcome unknown_order/);
    expect(output).toMatch(/✔ sample with a wrong signature → 400/);
    expect(output).toMatch(/events are stored\.$/);
    expect(await WebhookEventModel.countDocuments({ eventId: /^evt_check/ })).toBe(1);
  });

  test('when the secrets differ, then it fails and names RAZORPAY_WEBHOOK_SECRET and the body-parser mistake', async () => {
    const { code, output } = await check('a-different-secret', TEST_ADMIN_TOKEN);
    expect(code).toBe(1);
    expect(output).toMatch(/✘ signed sample → 400/);
    expect(output).toContain('RAZORPAY_WEBHOOK_SECRET');
    expect(output).toMatch(/parsed the\s+JSON before the webhook route/);
  });

  test('when no admin token is given, then it says storage was not checked and never claims it', async () => {
    const { code, output } = await check(t.config.razorpay.webhookSecret);
    expect(code).toBe(0);
    expect(output).toContain('not checked whether the event was stored: set ADMIN_TOKEN');
    expect(output).toMatch(/storage not confirmed\.$/);
    expect(output).not.toContain('events are stored');
  });

  test('when the admin token is refused, then storage is not claimed either', async () => {
    const { output } = await check(t.config.razorpay.webhookSecret, 'not-the-admin-token-at-all');
    expect(output).toContain('could not read the inbox: ADMIN_TOKEN was refused');
    expect(output).not.toContain('events are stored');
  });

  test('when pointed at the sandbox instead of the backend, then it says so and judges no forgery', async () => {
    const sandbox = await startSandbox();
    try {
      const { code, output } = await check(
        t.config.razorpay.webhookSecret,
        TEST_ADMIN_TOKEN,
        `${sandbox.url}/`,
      );
      expect(code).toBe(1);
      expect(output).toMatch(/✘ signed sample → 404/);
      expect(output).toContain("Not the shop's backend");
      expect(output).not.toContain('Wrong path');
      expect(output).not.toContain('accepts forged');
      expect(output).not.toContain('wrong signature');
    } finally {
      await sandbox.close();
    }
  });

  test('when the path is wrong on the backend itself, then it names the path to use', async () => {
    const { code, output } = await check(
      t.config.razorpay.webhookSecret,
      undefined,
      `${url}/api/webhooks/paypal`,
    );
    expect(code).toBe(1);
    expect(output).toContain('must end in /api/webhooks/razorpay');
    expect(output).not.toContain('accepts forged');
  });

  test('when an endpoint believes every body (no signature check), then it says it accepts forged webhooks', async () => {
    // The classic mistake: a webhook route that answers 200 to whatever arrives.
    const careless = createServer((_req, res) => res.end('{"status":"ok"}'));
    await new Promise<void>((resolve) => careless.listen(0, '127.0.0.1', resolve));
    const { port } = careless.address() as AddressInfo;
    try {
      const { code, output } = await check('any-secret', undefined, `http://127.0.0.1:${port}`);
      expect(code).toBe(1);
      expect(output).toContain('the endpoint accepts forged webhooks!');
      expect(output).toMatch(/Webhook check failed\.$/);
    } finally {
      careless.closeAllConnections();
      careless.close();
    }
  });

  test('when nothing listens, then it says to start the backend', async () => {
    const lines: string[] = [];
    const code = await runWebhooksCheck({
      url: 'http://127.0.0.1:9',
      webhookSecret: 's',
      fetch,
      print: (l) => lines.push(l),
    });
    expect(code).toBe(1);
    expect(lines.join('\n')).toMatch(/Nothing answered .* Is npm run dev running/);
  });

  test('when a base URL is given, then the Razorpay webhook path is added', () => {
    expect(webhookUrl('https://x.ngrok-free.app/')).toBe(
      'https://x.ngrok-free.app/api/webhooks/razorpay',
    );
    expect(webhookUrl('https://x.ngrok-free.app/api/webhooks/razorpay')).toBe(
      'https://x.ngrok-free.app/api/webhooks/razorpay',
    );
  });
});
