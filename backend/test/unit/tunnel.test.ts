import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  explainTunnelError,
  MISSING_TOKEN_MESSAGE,
  runTunnel,
  type TunnelDeps,
} from '../../src/cli/tunnel';

/** Waits until the tunnel has printed its last line (it is then waiting for Ctrl-C). */
async function opened(out: string[]): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!out.some((l) => l.includes('Press Ctrl-C'))) {
    if (Date.now() > deadline) throw new Error(`tunnel never opened: ${out.join('\n')}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

async function harness(
  overrides: Partial<TunnelDeps> & { authtoken?: string; domain?: string } = {},
) {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'tunnel-test-'));
  const out: string[] = [];
  const err: string[] = [];
  const calls: unknown[] = [];
  let stop!: () => void;
  const stopped = new Promise<void>((r) => (stop = r));
  let closed = 0;
  const deps: TunnelDeps = {
    config: {
      port: 4000,
      mode: 'live',
      dataDir,
      ngrok: { authtoken: overrides.authtoken, domain: overrides.domain },
    },
    forward: async (options) => {
      calls.push(options);
      return { url: () => 'https://lab-test.ngrok-free.app', close: async () => void closed++ };
    },
    waitForStop: () => stopped,
    isBackendUp: async () => true,
    print: (line) => out.push(line),
    printError: (line) => err.push(line),
    ...overrides,
  };
  return { deps, out, err, calls, stop, dataDir, closed: () => closed };
}

describe('npm run tunnel', () => {
  test('when NGROK_AUTHTOKEN is missing, then it exits 1 saying what is missing and where to get it', async () => {
    const h = await harness();
    expect(await runTunnel(h.deps)).toBe(1);
    expect(h.calls).toHaveLength(0);
    expect(h.err.join('\n')).toBe(MISSING_TOKEN_MESSAGE);
    expect(MISSING_TOKEN_MESSAGE).toContain('NGROK_AUTHTOKEN');
    expect(MISSING_TOKEN_MESSAGE).toContain(
      'https://dashboard.ngrok.com/get-started/your-authtoken',
    );
  });

  test('when the tunnel opens, then it prints the webhook URLs, the events and where the secret goes, and closes on Ctrl-C', async () => {
    const h = await harness({ authtoken: 'tok_123', domain: 'lab-test.ngrok-free.app' });
    const running = runTunnel(h.deps);
    await opened(h.out);
    expect(h.calls).toEqual([
      { addr: 4000, authtoken: 'tok_123', domain: 'lab-test.ngrok-free.app' },
    ]);
    const printed = h.out.join('\n');
    expect(printed).toContain('https://lab-test.ngrok-free.app/api/webhooks/razorpay');
    expect(printed).toContain('https://lab-test.ngrok-free.app/api/webhooks/rupantorpay');
    expect(printed).toContain('payment.captured');
    expect(printed).toContain('refund.processed');
    expect(printed).toMatch(/RAZORPAY_WEBHOOK_SECRET \(it is NOT your API key secret\)/);
    expect(printed).toContain('https://lab-test.ngrok-free.app/api/webhooks/stripe');
    expect(printed).toContain('payment_intent.succeeded');
    expect(printed).toContain('STRIPE_WEBHOOK_SECRET');
    expect(printed).toMatch(/stripe listen --forward-to localhost:\d+\/api\/webhooks\/stripe/);
    const state = JSON.parse(await readFile(path.join(h.dataDir, 'tunnel.json'), 'utf8'));
    expect(state.url).toBe('https://lab-test.ngrok-free.app');

    h.stop();
    expect(await running).toBe(0);
    expect(h.closed()).toBe(1);
    expect(existsSync(path.join(h.dataDir, 'tunnel.json'))).toBe(false);
  });

  test('when the ngrok service cannot be reached, then it exits 1 with a sentence, not a stack trace', async () => {
    const h = await harness({
      authtoken: 'tok',
      forward: () =>
        Promise.reject(new Error('failed to connect session: failed to establish tcp connection')),
    });
    expect(await runTunnel(h.deps)).toBe(1);
    expect(h.err.join('\n')).toMatch(
      /^Could not open the tunnel: the ngrok service could not be reached/,
    );
    expect(h.err.join('\n')).not.toMatch(/\n\s+at /);
  });

  test('when the backend is not running, then it says so and still opens the tunnel', async () => {
    const h = await harness({ authtoken: 'tok', isBackendUp: async () => false });
    const running = runTunnel(h.deps);
    await opened(h.out);
    expect(h.out[0]).toMatch(/start it with npm run dev/);
    h.stop();
    expect(await running).toBe(0);
  });

  test('when another port is asked for, then that port is forwarded', async () => {
    const h = await harness({ authtoken: 'tok', port: 5173 });
    const running = runTunnel(h.deps);
    await opened(h.out);
    h.stop();
    await running;
    expect(h.calls).toEqual([expect.objectContaining({ addr: 5173 })]);
  });

  test.each([
    [
      Object.assign(new Error('authentication failed: The authtoken you specified is invalid'), {
        errorCode: 'ERR_NGROK_105',
      }),
      /rejected NGROK_AUTHTOKEN/,
    ],
    [
      new Error('failed to connect session: failed to establish tcp connection'),
      /could not be reached/,
    ],
    [
      Object.assign(new Error('The domain is not reserved'), { errorCode: 'ERR_NGROK_320' }),
      /NGROK_DOMAIN/,
    ],
    [new Error('something new'), /could not open the tunnel: something new/],
  ])('when ngrok fails with %p, then the explanation matches', (error, pattern) => {
    expect(explainTunnelError(error)).toMatch(pattern);
  });
});
