import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { formatDelivery, run, USAGE } from '../../src/cli';
import type { RunningSandbox } from '../../src/index';
import { startTestSandbox } from '../helpers/sandbox';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver';

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('sandbox CLI', () => {
  let sandbox: RunningSandbox;
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    sandbox = await startTestSandbox({ webhookUrls: [receiver.url] });
  });
  afterAll(async () => {
    await sandbox.close();
    await receiver.close();
  });
  const cli = (...args: string[]) => run([...args, '--url', sandbox.url], {});

  it('when an event is triggered and the log is read, then it prints --> and <-- lines', async () => {
    receiver.respondWith([500]);
    const triggered = await cli('trigger', 'payment.failed');
    expect(triggered).toMatch(/^--> payment\.failed \[evt_[0-9A-Za-z]{14}\]$/);
    await sandbox.idle();
    const log = await cli('events');
    const lines = log.split('\n');
    expect(lines).toContain(triggered);
    expect(lines).toContain(`<-- [500] POST ${receiver.url}  (retry in 10 ms)`);
    expect(lines).toContain(`<-- [200] POST ${receiver.url}  (attempt 2)`);
  });

  it('when an event is resent, then the CLI confirms it', async () => {
    const id = /evt_[0-9A-Za-z]{14}/.exec(await cli('trigger', 'payment.authorized'))?.[0] ?? '';
    expect(await cli('resend', id)).toBe(`--> payment.authorized [${id}] (resent)`);
  });

  it('when faults are set and reset, then the sandbox reflects it', async () => {
    expect(JSON.parse(await cli('faults', 'set', 'duplicate=0.5', 'fail_first=1'))).toMatchObject({
      duplicate: 0.5,
      failFirst: 1,
    });
    expect(JSON.parse(await cli('faults', 'reset'))).toMatchObject({ duplicate: 0, failFirst: 0 });
    await expect(cli('faults', 'set', 'bogus=1')).rejects.toThrow(/Invalid fault/);
  });

  it('when settings and webhooks are given, then they are applied', async () => {
    expect(JSON.parse(await cli('settings', 'autoCapture=false'))).toMatchObject({
      autoCapture: false,
    });
    expect(JSON.parse(await cli('settings', 'autoCapture=true'))).toMatchObject({
      autoCapture: true,
    });
    expect(JSON.parse(await cli('webhooks'))).toEqual({ urls: [receiver.url] });
  });

  it("when RupantorPay's dialect is set, shown and reset, then the sandbox reflects it", async () => {
    expect(JSON.parse(await cli('dialect', 'seed000', 'metadata=string'))).toMatchObject({
      statuses: 'seed000',
      returnQuery: 'transaction_id',
      metadata: 'string',
    });
    expect(JSON.parse(await cli('dialect'))).toMatchObject({ statuses: 'seed000' });
    expect(JSON.parse(await cli('dialect', 'reset'))).toMatchObject({ statuses: 'documented' });
    await expect(cli('dialect', 'loud')).rejects.toThrow(/Invalid dialect/);
  });

  it('when a flag is misspelt, then it is refused in one line naming the flags the command takes', async () => {
    await expect(cli('events', '--lmit', '3')).rejects.toThrow(
      /^Unknown option --lmit for "events" \(it takes .*--limit.*\)\. See: npm run sandbox -- events --help$/,
    );
    await expect(cli('trigger', 'payment.captured', '--gatway', 'stripe')).rejects.toThrow(
      /Unknown option --gatway for "trigger"/,
    );
  });

  it('when a value is bad or missing, then it says what is wrong instead of guessing', async () => {
    await expect(cli('events', '--limit', 'abc')).rejects.toThrow(
      '--limit must be a whole number from 1 to 500, not "abc"',
    );
    await expect(cli('events', '--limit', '0')).rejects.toThrow(/from 1 to 500, not "0"/);
    await expect(run(['events', '--limit'], {})).rejects.toThrow('--limit needs a value');
    await expect(cli('webhooks', '--gateway', 'paypal')).rejects.toThrow(
      '--gateway must be razorpay or stripe, not "paypal"',
    );
    await expect(cli('settings', 'timeScale=fast')).rejects.toThrow(
      'timeScale: "fast" is neither true, false nor a number',
    );
  });

  it('when a fault value is out of range, then the message is one readable line, not zod JSON', async () => {
    const failure = await cli('faults', 'set', 'duplicate=5').then(
      () => undefined,
      (err: Error) => err.message,
    );
    expect(failure).toBe('duplicate: Too big: expected number to be <=1');
  });

  it('when --help is asked, then each command explains itself and the CLI lists every command', async () => {
    expect(await run(['--help'], {})).toBe(USAGE);
    expect(await run(['help'], {})).toBe(USAGE);
    for (const command of ['events', 'trigger', 'resend', 'faults', 'webhooks', 'settings']) {
      expect(USAGE).toContain(`  ${command}`);
      expect(await run([command, '--help'], {})).toMatch(
        new RegExp(`^Usage: npm run sandbox -- ${command}`),
      );
    }
    expect(await run(['events', '-h'], {})).toContain('--follow');
    expect(await run(['help', 'events'], {})).toContain('--limit N');
  });

  it('when the log is followed, then new events and deliveries print as they happen, with times', async () => {
    const lines: string[] = [];
    const stop = new AbortController();
    const following = run(
      ['events', '--follow', '--url', sandbox.url],
      {},
      {
        print: (text) => lines.push(...text.split('\n')),
        signal: stop.signal,
      },
    );
    await waitFor(() => lines.length > 0);
    const before = lines.length;
    const triggered = await cli('trigger', 'refund.processed');
    const id = /--> refund\.processed \[(evt_\w+)\]/.exec(triggered)![1];
    await sandbox.idle();
    try {
      await waitFor(() => lines.slice(before).some((l) => l.includes('<-- [200]')));
    } finally {
      stop.abort();
    }
    expect(await following).toBe('');
    const fresh = lines.slice(before);
    expect(fresh).toContainEqual(
      expect.stringMatching(
        new RegExp(`^\\d\\d:\\d\\d:\\d\\d --> refund\\.processed \\[${id}\\]$`),
      ),
    );
    expect(fresh).toContainEqual(
      expect.stringMatching(/^\d\d:\d\d:\d\d <-- \[200\] POST http:\/\/127\.0\.0\.1:\d+/),
    );
    // Nothing already shown is printed twice.
    expect(lines.filter((l) => l.includes(`[${id}]`))).toHaveLength(1);
  });

  it('when a delivery had faults and no response, then the line says so', () => {
    expect(
      formatDelivery({
        id: 'dlv_x',
        eventId: 'evt_x',
        event: 'order.paid',
        gateway: 'razorpay',
        url: 'http://h/w',
        attempt: 1,
        faults: ['failFirst'],
        status: null,
        ok: false,
        error: 'simulated',
        startedAt: '',
        durationMs: 0,
        nextRetryInMs: 10,
      }),
    ).toBe('<-- [ERR] POST http://h/w  (fault: failFirst; simulated; retry in 10 ms)');
  });

  it('when no sandbox is running, then the real CLI exits non-zero with a clear message', async () => {
    const cliPath = join(__dirname, '../../src/cli.ts');
    const tsx = join(__dirname, '../../../node_modules/.bin/tsx');
    const failure = await promisify(execFile)(
      tsx,
      [cliPath, 'events', '--url', 'http://127.0.0.1:9'],
      { timeout: 20000 },
    ).then(
      () => null,
      (err: { code: number; stderr: string }) => err,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toMatch(/No sandbox is running at http:\/\/127\.0\.0\.1:9/);
  });
});
