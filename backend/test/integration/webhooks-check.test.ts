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

async function check(secret: string, adminToken?: string) {
  const lines: string[] = [];
  const code = await runWebhooksCheck({
    url,
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
    expect(await WebhookEventModel.countDocuments({ eventId: /^evt_check/ })).toBe(1);
  });

  test('when the secrets differ, then it fails and names RAZORPAY_WEBHOOK_SECRET and the body-parser mistake', async () => {
    const { code, output } = await check('a-different-secret', TEST_ADMIN_TOKEN);
    expect(code).toBe(1);
    expect(output).toMatch(/✘ signed sample → 400/);
    expect(output).toContain('RAZORPAY_WEBHOOK_SECRET');
    expect(output).toMatch(/parsed the\s+JSON before the webhook route/);
  });

  test('when no admin token is given, then it says how to confirm storage', async () => {
    const { code, output } = await check(t.config.razorpay.webhookSecret);
    expect(code).toBe(0);
    expect(output).toContain('set ADMIN_TOKEN');
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
