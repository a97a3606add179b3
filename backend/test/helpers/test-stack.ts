// The whole payment stack for integration tests: the in-process sandbox (Razorpay's, RupantorPay's
// and Stripe's contracts), the real app listening on a loopback port, and the sandbox's webhooks
// pointed at it.
import type { Server } from 'node:http';
import { startSandbox, type RunningSandbox, type StartOptions } from '@checkout-lab/sandbox';
import type { BackgroundTaskLimits } from '../../src/services/background-tasks';
import { buildTestApp, listenFirst, type ExtraGateways, type TestApp } from './test-app';
import { connectTestDatabase, dropTestDatabase } from './test-database';

export interface TestStack extends TestApp {
  sandbox: RunningSandbox;
  url: string;
  webhookUrl: string;
  stripeWebhookUrl: string;
  /** Waits until every webhook was delivered and every background task finished. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

export async function startTestStack(
  opts: {
    env?: Record<string, string>;
    sandbox?: StartOptions;
    gateways?: ExtraGateways;
    taskLimits?: BackgroundTaskLimits;
  } = {},
): Promise<TestStack> {
  // Retries after a failed delivery are compressed from seconds to milliseconds.
  const sandbox = await startSandbox({ timeScale: 0.001, ...opts.sandbox });
  const { server, url, serve } = await listenFirst();
  const test = await buildTestApp(
    {
      RAZORPAY_API_BASE: sandbox.razorpayApiBase,
      RAZORPAY_CHECKOUT_URL: sandbox.checkoutScriptUrl,
      RUPANTORPAY_API_BASE: sandbox.rupantorpayApiBase,
      STRIPE_API_BASE: sandbox.stripeApiBase,
      STRIPE_JS_URL: sandbox.stripeJsUrl,
      PUBLIC_BASE_URL: url,
      ...opts.env,
    },
    opts.gateways,
    opts.taskLimits,
  );
  serve(test.app);
  const webhookUrl = `${url}/api/webhooks/razorpay`;
  sandbox.setWebhookUrls([webhookUrl]);
  const stripeWebhookUrl = `${url}/api/webhooks/stripe`;
  sandbox.setWebhookUrls([stripeWebhookUrl], 'stripe');
  return {
    ...test,
    sandbox,
    url,
    webhookUrl,
    stripeWebhookUrl,
    async settle() {
      // A webhook may start background work, which may call the sandbox, which may send more.
      for (let i = 0; i < 3; i++) {
        await sandbox.idle();
        await test.ctx.tasks.idle();
      }
    },
    async close() {
      await sandbox.close();
      await test.ctx.tasks.idle();
      await closeServer(server);
    },
  };
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/**
 * Registers the beforeAll/afterAll every integration file needs (a fresh database, the stack)
 * and returns the stack. It is a live view: its properties are read from the stack that
 * beforeAll started, so files can write `stack.app` at the top level.
 */
export function useTestStack(opts: Parameters<typeof startTestStack>[0] = {}): TestStack {
  let current: TestStack | undefined;
  beforeAll(async () => {
    await connectTestDatabase();
    current = await startTestStack(opts);
  });
  afterAll(async () => {
    await current?.close();
    await dropTestDatabase();
  });
  return new Proxy({} as TestStack, {
    get(_target, key) {
      if (!current) throw new Error('the test stack is only available inside tests and hooks');
      return current[key as keyof TestStack];
    },
  });
}
